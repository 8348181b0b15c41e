/**
 * The completeness of one round on its page: counts by state, the reporting rates and each unit's
 * state with its days late. In the main bundle (the round page is), so no charts here. Shown only to
 * those who follow the round (round.manage on the receiving unit); others see nothing.
 */

import { formatPercent } from '@domain/vn-number';
import { BOARD_STATE_LABELS, BOARD_STATES, type BoardState } from '@domain/workflow';
import { Anchor, Chip, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useRoundProgress } from '../../api/board';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { isSent, LateText, StateBadge } from './StateBadge';

export function RoundProgress({ roundId }: { roundId: number }) {
  const progress = useRoundProgress(roundId);
  const [state, setState] = useState<BoardState | 'all'>('all');
  if (progress.isError) {
    if (progress.error instanceof ApiError && progress.error.status === 403) return null;
    return <ErrorAlert error={progress.error} onRetry={() => progress.refetch()} />;
  }
  if (!progress.data) return <Skeleton h={120} />;
  const { round, items } = progress.data;
  const shown = state === 'all' ? items : items.filter((i) => i.cell.state === state);
  return (
    <Stack gap="xs">
      <Text size="sm">
        Đã gửi <b>{round.sent}</b>/{round.required} đơn vị ({formatPercent(round.rate)}), đúng hạn{' '}
        <b>{round.sentOnTime}</b> ({formatPercent(round.onTimeRate)}), trễ hoặc quá hạn <b>{round.late}</b>.
      </Text>
      <Chip.Group value={state} onChange={(v) => setState(v as BoardState | 'all')}>
        <Group gap={6}>
          <Chip value="all" size="xs">
            Tất cả ({items.length})
          </Chip>
          {BOARD_STATES.filter((s) => round.counts[s] > 0).map((s) => (
            <Chip key={s} value={s} size="xs">
              {BOARD_STATE_LABELS[s]} ({round.counts[s]})
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Table.ScrollContainer minWidth={420}>
        <Table striped withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th>Trạng thái</Table.Th>
              <Table.Th>Báo cáo</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map(({ unit, cell }) => (
              <Table.Tr key={unit.id}>
                <Table.Td>{unit.name}</Table.Td>
                <Table.Td>
                  <StateBadge state={cell.state} />
                  <LateText days={cell.daysLate} sent={isSent(cell.state)} />
                </Table.Td>
                <Table.Td>
                  {cell.reportId ? (
                    <Anchor component={Link} to={`/bao-cao/${cell.reportId}`} size="sm">
                      Xem
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
