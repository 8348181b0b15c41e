import { Title } from '@mantine/core';

// Placeholder: filled by the feature that owns this page.
export default function RoundsPage() {
  return <Title order={1}>Đợt báo cáo</Title>;
}
