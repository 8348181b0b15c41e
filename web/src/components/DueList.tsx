import type { DueItem } from '@domain/api';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { countdown, formatDate } from '../lib/format';

/** Report states as the officer reads them; an unknown state is shown as the server wrote it. */
const STATUS_LABELS: Record<string, string> = {
  not_started: 'Chưa bắt đầu',
  draft: 'Đang soạn',
  submitted: 'Chờ lãnh đạo duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
  sent: 'Đã gửi',
};

function countdownColor(daysLeft: number): string {
  if (daysLeft < 0) return 'red';
  if (daysLeft <= 3) return 'orange';
  return 'blue';
}

export function DueList({ items }: { items: DueItem[] }) {
  if (items.length === 0) {
    return (
      <Card withBorder padding="lg" bg="gray.0">
        <Text fw={500}>Hiện chưa có đợt báo cáo nào giao cho đơn vị của bạn.</Text>
        <Text size="sm" c="dimmed" mt={4}>
          Khi cấp trên mở đợt báo cáo, việc cần làm và thời hạn sẽ hiện ở đây.
        </Text>
      </Card>
    );
  }
  return (
    <Stack gap="xs">
      {items.map((item) => (
        <Card key={item.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Anchor component={Link} to={item.href} fw={600}>
                {item.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {item.unit.name} · Hạn nộp: {formatDate(item.deadline)} ·{' '}
                {STATUS_LABELS[item.status] ?? item.status}
              </Text>
            </Stack>
            <Badge color={countdownColor(item.daysLeft)} variant="light" tt="none" size="lg">
              {countdown(item.daysLeft)}
            </Badge>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
