/** A board cell's state as a coloured badge, and its days late; shared by the board and a round's progress. */
import { BOARD_STATE_LABELS, type BoardState } from '@domain/workflow';
import { Badge, Text } from '@mantine/core';

export const BOARD_STATE_COLORS: Record<BoardState, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  returned: 'red',
  issued: 'teal',
  received: 'green',
  accepted: 'green',
};

export function StateBadge({ state }: { state: BoardState }) {
  return (
    <Badge
      color={BOARD_STATE_COLORS[state]}
      variant={state === 'accepted' ? 'filled' : 'light'}
      size="sm"
      radius="sm"
      style={{ textTransform: 'none' }}
    >
      {BOARD_STATE_LABELS[state]}
    </Badge>
  );
}

/** "trễ 3 ngày" for a report sent late, "quá hạn 3 ngày" for one not sent yet; nothing when on time. */
export function LateText({ days, sent }: { days: number; sent: boolean }) {
  if (days <= 0) return null;
  return (
    <Text size="xs" c="red.8" fw={600}>
      {sent ? 'trễ' : 'quá hạn'} {days} ngày
    </Text>
  );
}

export const isSent = (state: BoardState) =>
  state === 'issued' || state === 'received' || state === 'accepted';
