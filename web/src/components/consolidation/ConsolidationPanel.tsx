import { Alert, Button, Group, Paper, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { ApiError } from '../../api/client';
import { consolidationXlsxUrl, useConsolidate, useRoundConsolidation } from '../../api/consolidation';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ErrorAlert } from '../ErrorAlert';
import { formatValue } from './values';

type Coverage = NonNullable<ReturnType<typeof useRoundConsolidation>['data']>['coverage'];

/** The units whose figures are not in the consolidation (yet): their state and how late they are. */
function MissingUnits({ coverage }: { coverage: Coverage }) {
  const waiting = coverage.units.filter((u) => u.state === 'missing' || u.state === 'not_received');
  if (waiting.length === 0) return null;
  // A province may wait for a hundred communes: the list folds after a few rows.
  return (
    <Spoiler maxHeight={260} showLabel={`Xem cả ${formatNumber(waiting.length)} đơn vị`} hideLabel="Thu gọn">
      <Table withTableBorder fz="sm" aria-label="Đơn vị chưa có số liệu">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị chưa có số liệu</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
            <Table.Th ta="right">Trễ hạn</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {waiting.map((u) => (
            <Table.Tr key={u.unitId}>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td>
                <Text size="sm" c={u.state === 'missing' ? 'red.8' : 'yellow.9'}>
                  {u.stateLabel}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{u.daysLate > 0 ? `${formatNumber(u.daysLate)} ngày` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Spoiler>
  );
}

/**
 * The consolidation of one round on its page: the coverage (units asked, answered, not yet), "Tổng hợp báo cáo" in one click, the
 * reports received since and what refreshing would change, the link to the consolidated report
 * and the Excel export. Shown to those who manage the round (others get 403 and see nothing).
 */
export function ConsolidationPanel({ roundId }: { roundId: number }) {
  const state = useRoundConsolidation(roundId);
  const consolidate = useConsolidate(roundId);
  if (state.isPending) return null;
  if (state.isError) {
    if (state.error instanceof ApiError && state.error.status === 403) return null;
    return (
      <ErrorAlert
        title="Không tải được tình hình tổng hợp"
        error={state.error}
        onRetry={() => state.refetch()}
      />
    );
  }
  const s = state.data;
  const run = () =>
    consolidate.mutate(undefined, {
      onSuccess: (next) =>
        notifySuccess(
          `Đã tổng hợp ${formatNumber(next.sourcesUsed)} báo cáo vào báo cáo của đơn vị. Hãy xem lại phần nhận xét trước khi trình ký.`,
        ),
      onError: notifyError,
    });
  const late = s.receivedSince.length > 0 || s.withdrawn.length > 0 || s.differences.length > 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3}>Tổng hợp báo cáo</Title>
          <Button component="a" href={consolidationXlsxUrl(roundId)} variant="default" size="xs">
            Xuất Excel
          </Button>
        </Group>
        <Text size="sm" fw={500}>
          {formatNumber(s.coverage.answered)}/{formatNumber(s.coverage.asked)} đơn vị đã gửi báo cáo được tiếp
          nhận
          {s.coverage.late > 0 ? ` · ${formatNumber(s.coverage.late)} đơn vị trễ hạn` : ''}
        </Text>
        <Text size="sm">{s.coverage.sentence}</Text>
        <Group gap="xl">
          <Text size="sm">
            Đã nhận: <b>{formatNumber(s.counts.received)}</b>
          </Text>
          <Text size="sm">
            Đã gửi, chưa nhận: <b>{formatNumber(s.counts.notReceived)}</b>
          </Text>
          <Text size="sm">
            Chưa gửi: <b>{formatNumber(s.counts.notSent)}</b>
          </Text>
          <Text size="sm" c="dimmed">
            trên {formatNumber(s.counts.units)} đơn vị
          </Text>
        </Group>
        {s.counts.notReceived > 0 && (
          <Text size="sm" c="dimmed">
            Chỉ các báo cáo đã tiếp nhận được đưa vào tổng hợp. Hãy tiếp nhận các báo cáo đã gửi trước khi
            tổng hợp.
          </Text>
        )}
        {s.coverage.partial && <MissingUnits coverage={s.coverage} />}
        {s.report === null || s.report.madeAt === null ? (
          // The button is in the page's header ("Tổng hợp ngay"): one click from anywhere on the page.
          <Text size="sm" c="dimmed">
            {s.counts.received === 0
              ? 'Chưa tiếp nhận báo cáo nào: chưa tổng hợp được.'
              : s.coverage.partial
                ? `Có thể tổng hợp ngay (báo cáo ghi rõ là số liệu của ${formatNumber(s.coverage.answered)}/${formatNumber(s.coverage.asked)} đơn vị và liệt kê các đơn vị chưa gửi) bằng nút “Tổng hợp ngay” ở đầu trang, hoặc chờ các đơn vị còn lại rồi tổng hợp sau.`
                : 'Mọi đơn vị đã gửi báo cáo: bấm “Tổng hợp báo cáo” ở đầu trang để lập báo cáo tổng hợp.'}
          </Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">
              Báo cáo tổng hợp ({s.report.statusLabel.toLowerCase()}) lập lúc{' '}
              {formatDateTime(s.report.madeAt)} từ {formatNumber(s.sourcesUsed)} báo cáo
              {s.madeFrom
                ? ` (${formatNumber(s.madeFrom.answered)}/${formatNumber(s.madeFrom.asked)} đơn vị)`
                : ''}
              .
            </Text>
            {late ? (
              <Alert color="yellow" title="Có báo cáo mới sau khi tổng hợp">
                <Stack gap="xs">
                  {s.receivedSince.length > 0 && (
                    <Text size="sm">
                      Nhận thêm:{' '}
                      {s.receivedSince
                        .map((r) =>
                          r.reason === 'new' ? r.unitName : `${r.unitName} (bản sửa lần ${r.version})`,
                        )
                        .join(', ')}
                      .
                    </Text>
                  )}
                  {s.withdrawn.length > 0 && (
                    <Text size="sm">
                      Đã trả lại sau khi tổng hợp: {s.withdrawn.map((r) => r.unitName).join(', ')}.
                    </Text>
                  )}
                  {s.differences.length > 0 && (
                    <Table striped withTableBorder fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Chỉ tiêu</Table.Th>
                          <Table.Th ta="right">Số liệu hiện tại</Table.Th>
                          <Table.Th ta="right">Nếu cập nhật</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {s.differences.map((d) => (
                          <Table.Tr key={d.code}>
                            <Table.Td>
                              {d.label}
                              {d.unit ? ` (${d.unit})` : ''}
                            </Table.Td>
                            <Table.Td ta="right">{formatValue(d.before)}</Table.Td>
                            <Table.Td ta="right">{formatValue(d.after)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                  {s.report.editable ? (
                    <Group>
                      <Button onClick={run} loading={consolidate.isPending} color="yellow">
                        Cập nhật số liệu tổng hợp
                      </Button>
                    </Group>
                  ) : (
                    <Text size="sm">
                      Báo cáo tổng hợp đã trình hoặc đã ban hành: muốn cập nhật số liệu, lãnh đạo cần trả lại
                      báo cáo.
                    </Text>
                  )}
                </Stack>
              </Alert>
            ) : (
              <Text size="sm" c="dimmed">
                Số liệu tổng hợp đã khớp với các báo cáo đã nhận.
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
