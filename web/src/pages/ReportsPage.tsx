import { REPORT_STATUS_LABELS } from '@domain/api-reports';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUnitReports } from '../api/reports';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewReportForm, type WritableUnit } from '../components/report/NewReportForm';
import { capitalize, formatDateTime } from '../lib/format';

const STATUS_COLORS: Record<string, string> = {
  draft: 'blue',
  submitted: 'violet',
  returned: 'orange',
  approved: 'teal',
  issued: 'green',
};

/** /bao-cao — the reports of the user's units, and "Lập báo cáo mới". */
export default function ReportsPage() {
  const me = useMe().data;
  const units: WritableUnit[] = [];
  for (const grant of me?.grants ?? []) {
    if (grant.unit.kind !== 'country' && !units.some((u) => u.id === grant.unit.id)) {
      units.push({ id: grant.unit.id, name: grant.unit.name, kind: grant.unit.kind });
    }
  }
  const [chosen, setChosen] = useState<string | null>(null);
  const unitId = chosen ? Number(chosen) : (units[0]?.id ?? null);
  const reports = useUnitReports(unitId);
  const [creating, setCreating] = useState(false);
  const canWrite = me?.abilities.writeReports === true;

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          Báo cáo
        </Title>
        {canWrite && units.length > 0 && <Button onClick={() => setCreating(true)}>Lập báo cáo mới</Button>}
      </Group>
      {units.length === 0 && (
        <Alert color="yellow">
          Tài khoản của bạn chưa được giao vai trò tại đơn vị nào nên chưa có báo cáo.
        </Alert>
      )}
      {units.length > 1 && (
        <Select
          label="Đơn vị"
          data={units.map((u) => ({ value: String(u.id), label: u.name }))}
          value={unitId ? String(unitId) : null}
          onChange={setChosen}
          allowDeselect={false}
          maw={420}
        />
      )}
      {reports.isError && <ErrorAlert error={reports.error} onRetry={() => reports.refetch()} />}
      {reports.isPending && unitId !== null && <Skeleton h={160} />}
      {reports.data && reports.data.items.length === 0 && (
        <Text c="dimmed">Đơn vị chưa có báo cáo nào.{canWrite && ' Bấm "Lập báo cáo mới" để bắt đầu.'}</Text>
      )}
      {reports.data && reports.data.items.length > 0 && (
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
              {reports.data.items.map((r) => (
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
      )}
      {creating && <NewReportForm units={units} initialUnitId={unitId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
