import { Title } from '@mantine/core';

// Placeholder: filled by the feature that owns this page.
export default function RoundPage() {
  return <Title order={1}>Đợt báo cáo</Title>;
}
