import { REPORT_STATUS_LABELS, type ReportListItem } from '@domain/api-reports';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { capitalize, formatDateTime } from '../../lib/format';

export const STATUS_COLORS: Record<string, string> = {
  draft: 'blue',
  submitted: 'violet',
  returned: 'orange',
  approved: 'teal',
  issued: 'green',
};

/** A unit's reports as rows: period (a link to /bao-cao/:id), status, outline, last update. */
export function ReportTable({ items }: { items: readonly ReportListItem[] }) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kỳ báo cáo</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
            <Table.Th visibleFrom="sm">Đề cương</Table.Th>
            <Table.Th visibleFrom="sm">Cập nhật</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/bao-cao/${r.id}`} fw={500}>
                  {capitalize(r.periodLabel)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[r.status]} tt="none">
                  {REPORT_STATUS_LABELS[r.status]}
                </Badge>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                {r.outline.name}{' '}
                <Text span c="dimmed" size="xs">
                  (phiên bản {r.outline.version})
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                {formatDateTime(r.updatedAt)}
                {r.updatedBy && (
                  <Text size="xs" c="dimmed">
                    {r.updatedBy.fullName}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
