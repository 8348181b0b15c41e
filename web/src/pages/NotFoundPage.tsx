import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap="sm" maw={480}>
        <Text c="dimmed" fw={700} fz={48} lh={1}>
          404
        </Text>
        <Title order={1} fz={24} ta="center">
          Không tìm thấy trang
        </Title>
        <Text ta="center" c="dimmed">
          Địa chỉ bạn mở không có trong hệ thống doingoai. Có thể đường dẫn bị gõ sai hoặc trang đã được
          chuyển đi.
        </Text>
        <Button component={Link} to="/" mt="sm">
          Về trang chủ
        </Button>
      </Stack>
    </Center>
  );
}
