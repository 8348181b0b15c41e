import { Title } from '@mantine/core';

// Placeholder: filled by the feature that owns this page.
export default function DashboardPage() {
  return <Title order={1}>Thống kê</Title>;
}
