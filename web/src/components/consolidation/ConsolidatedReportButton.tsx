import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useConsolidate, useRoundConsolidation } from '../../api/consolidation';
import { formatNumber } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';

/**
 * In the round page's header, for those who manage the round: the consolidated report one click
 * away at all times. Before it is made, the click consolidates what has been received (coverage
 * stated) and opens it; afterwards, it opens it. Nothing for others (their request gets 403).
 */
export function ConsolidatedReportButton({ roundId }: { roundId: number }) {
  const state = useRoundConsolidation(roundId);
  const consolidate = useConsolidate(roundId);
  const navigate = useNavigate();
  if (!state.data) return null;
  const s = state.data;
  if (s.report && s.report.madeAt !== null) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to={`/bao-cao/${s.report.id}`} data-consolidated-report>
          Mở báo cáo tổng hợp
        </Button>
        <Badge variant="light" color="gray" tt="none">
          {s.report.statusLabel}
        </Badge>
      </Group>
    );
  }
  const { answered, asked, partial } = s.coverage;
  const none = s.counts.received === 0;
  return (
    <Stack gap={2} align="flex-start">
      <Button
        data-consolidated-report
        disabled={none}
        loading={consolidate.isPending}
        onClick={() =>
          consolidate.mutate(undefined, {
            onSuccess: (next) => {
              notifySuccess(
                `Đã tổng hợp ${formatNumber(next.sourcesUsed)} báo cáo. Hãy xem lại số liệu và phần nhận xét trước khi trình ký.`,
              );
              if (next.report) navigate(`/bao-cao/${next.report.id}`);
            },
            onError: notifyError,
          })
        }
      >
        {partial ? `Tổng hợp ngay (${formatNumber(answered)}/${formatNumber(asked)})` : 'Tổng hợp báo cáo'}
      </Button>
      {none && (
        <Text size="xs" c="dimmed">
          Chưa tiếp nhận báo cáo nào để tổng hợp.
        </Text>
      )}
    </Stack>
  );
}
