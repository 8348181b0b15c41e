/** "Lịch sử": the report's submissions (with the number each was issued under) and every step. */
import '@mantine/core/styles/Timeline.css';
import { Alert, Skeleton, Stack, Table, Text, Timeline } from '@mantine/core';
import { useReportHistory } from '../../api/reports';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

export function HistoryTimeline({ reportId }: { reportId: number }) {
  const history = useReportHistory(reportId, true);
  if (history.isPending) return <Skeleton h={160} />;
  if (history.isError) {
    return (
      <ErrorAlert title="Không tải được lịch sử" error={history.error} onRetry={() => history.refetch()} />
    );
  }
  const { versions, steps } = history.data;
  return (
    <Stack gap="md" data-history>
      {versions.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lần gửi</Table.Th>
                <Table.Th>Thời gian</Table.Th>
                <Table.Th>Người gửi</Table.Th>
                <Table.Th>Số văn bản</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                  <Table.Td>{v.by?.fullName ?? '—'}</Table.Td>
                  <Table.Td>{v.notation ?? 'chưa ban hành'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Alert color="gray">Báo cáo chưa được gửi lần nào.</Alert>
      )}
      <Timeline bulletSize={14} lineWidth={2} active={steps.length - 1}>
        {steps.map((s) => (
          <Timeline.Item key={s.id} title={s.label}>
            <Text size="xs" c="dimmed">
              {formatDateTime(s.at)} · {s.by?.fullName ?? s.actorLabel}
              {s.version ? ` · lần gửi thứ ${s.version}` : ''}
              {s.notation ? ` · số ${s.notation}` : ''}
            </Text>
            {s.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.comment}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
