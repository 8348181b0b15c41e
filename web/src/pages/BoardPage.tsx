import { Title } from '@mantine/core';

// Placeholder: filled by the feature that owns this page.
export default function BoardPage() {
  return <Title order={1}>Tiến độ báo cáo</Title>;
}
