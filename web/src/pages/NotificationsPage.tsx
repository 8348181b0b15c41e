import type { NotificationOut } from '@domain/api-notifications';
import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMarkRead, useNotifications } from '../api/notifications';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../lib/format';

function Digest({ digest }: { digest: NotificationOut }) {
  const markRead = useMarkRead();
  const unread = digest.readAt === null;
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-label={digest.title}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Stack gap={0}>
          <Text fw={600}>{digest.title}</Text>
          <Text size="xs" c="dimmed">
            Ngày {formatDate(digest.day)}
          </Text>
        </Stack>
        {unread ? (
          <Button
            size="xs"
            variant="light"
            loading={markRead.isPending}
            onClick={() => markRead.mutate(digest.id)}
          >
            Đánh dấu đã đọc
          </Button>
        ) : (
          <Badge variant="light" color="gray" tt="none" fw={500}>
            Đã đọc
          </Badge>
        )}
      </Group>
      <Stack gap={6} component="ul" m={0} pl="lg">
        {digest.items.map((item) => (
          <Text component="li" size="sm" key={`${item.roundId}-${item.unitId}-${item.href}`}>
            <Anchor component={Link} to={item.href} size="sm" c={item.daysLeft < 0 ? 'red.8' : undefined}>
              {item.text}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

/** The daily reminder digests of the signed-in user, newest first. */
export default function NotificationsPage() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;

  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            Thông báo
          </Title>
          <Text size="sm" c="dimmed">
            Mỗi ngày một bản nhắc việc gộp các hạn báo cáo sắp đến và đã quá.
          </Text>
        </Stack>
        {unread > 0 && (
          <Button
            variant="default"
            size="sm"
            loading={markRead.isPending}
            onClick={() => markRead.mutate(null)}
          >
            Đánh dấu tất cả đã đọc ({unread})
          </Button>
        )}
      </Group>
      {list.isPending && <Skeleton height={120} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <Text c="dimmed">Chưa có thông báo nào. Khi sắp đến hạn báo cáo, bản nhắc việc sẽ hiện ở đây.</Text>
      )}
      {list.data?.items.map((digest) => (
        <Digest key={digest.id} digest={digest} />
      ))}
    </Stack>
  );
}
