import type { ReportView } from '@domain/api-reports';
import { Badge, Group, Paper, Spoiler, Stack, Table, Text } from '@mantine/core';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';

/** Under a consolidated report's title: whose report, what it was made from and when, its data window. */
export function ConsolidatedSubtitle({ view }: { view: ReportView }) {
  const c = view.consolidation;
  const { report } = view;
  return (
    <Text size="sm" c="dimmed">
      {report.unit.name}
      {c?.coverage
        ? ` · tổng hợp từ báo cáo của ${formatNumber(c.coverage.answered)}/${formatNumber(c.coverage.asked)} ${c.unitsKind}`
        : ''}
      {c ? ` lúc ${formatDateTime(c.madeAt)}` : ''} · Số liệu từ {formatDate(report.window.start)} đến{' '}
      {formatDate(report.window.end)}
    </Text>
  );
}

/**
 * The coverage of a consolidated report, at its top: how many units answered of those asked,
 * which have not (folded beyond a few), that its totals are partial meanwhile, and how to read a
 * figure (a click shows its sources; a figure other than the sum needs a reason).
 */
export function ConsolidatedCoverage({ view }: { view: ReportView }) {
  const c = view.consolidation;
  if (!c) return null;
  const coverage = c.coverage;
  return (
    <Paper withBorder p="sm" radius="md" data-coverage aria-label="Phạm vi số liệu tổng hợp">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {coverage ? (
            <Text size="sm" fw={600}>
              {formatNumber(coverage.answered)}/{formatNumber(coverage.asked)} {c.unitsKind} đã gửi báo cáo
            </Text>
          ) : (
            <Text size="sm" fw={600}>
              Tổng hợp từ {formatNumber(c.sources)} báo cáo
            </Text>
          )}
          {coverage?.partial ? (
            <Badge color="orange" variant="light" tt="none">
              Số liệu chưa đầy đủ
            </Badge>
          ) : coverage ? (
            <Badge color="green" variant="light" tt="none">
              Đủ số liệu
            </Badge>
          ) : null}
        </Group>
        {coverage?.partial && <Text size="sm">{coverage.sentence} Các tổng số là số liệu chưa đầy đủ.</Text>}
        {coverage && coverage.waiting.length > 0 && (
          <Spoiler
            maxHeight={120}
            showLabel={`Xem cả ${formatNumber(coverage.waiting.length)} đơn vị`}
            hideLabel="Thu gọn"
          >
            <Table fz="sm" withRowBorders={false} aria-label="Đơn vị chưa có số liệu trong báo cáo">
              <Table.Tbody>
                {coverage.waiting.map((u) => (
                  <Table.Tr key={u.name}>
                    <Table.Td px={0}>{u.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={u.stateLabel === 'Chưa gửi' ? 'red.8' : 'yellow.9'}>
                        {u.stateLabel}
                        {u.daysLate > 0 ? ` · trễ ${formatNumber(u.daysLate)} ngày` : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Spoiler>
        )}
        <Text size="xs" c="dimmed">
          Bấm vào một số liệu để xem các báo cáo tạo nên nó. Số liệu khác tổng của các {c.unitsKind} chỉ sửa
          được kèm lý do; tổng vẫn hiện bên cạnh.
        </Text>
      </Stack>
    </Paper>
  );
}
