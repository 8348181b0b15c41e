import { Title } from '@mantine/core';

// Placeholder: filled by the feature that owns this page.
export default function NotificationsPage() {
  return <Title order={1}>Thông báo</Title>;
}
