import { ROLE_LABELS } from '@domain/authz';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../api/session';
import { EmailForm } from '../components/account/EmailForm';
import { PasswordForm } from '../components/account/PasswordForm';

/** The signed-in user's own account: who he is, his roles, his e-mail for reminders, his password. */
export default function AccountPage() {
  const me = useMe().data;
  if (!me) return null; // the layout shows this page only to a signed-in user

  return (
    <Stack gap="md" maw={640}>
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        Tài khoản
      </Title>
      <Card withBorder padding="md" component="section" aria-labelledby="account-heading">
        <Title order={2} fz={18} id="account-heading" mb="xs">
          {me.user.fullName}
        </Title>
        <Text size="sm">
          Tên đăng nhập:{' '}
          <Text span ff="monospace" size="sm">
            {me.user.username}
          </Text>
        </Text>
        <Text size="sm" mt="xs">
          Vai trò:
        </Text>
        <Stack gap={2} component="ul" m={0} pl="lg">
          {me.grants.map((grant) => (
            <Text component="li" size="sm" key={`${grant.role}-${grant.unit.id}`}>
              {ROLE_LABELS[grant.role]} ·{' '}
              <Anchor component={Link} to={`/don-vi/${grant.unit.id}`} size="sm">
                {grant.unit.name}
              </Anchor>
            </Text>
          ))}
        </Stack>
      </Card>
      <Card withBorder padding="md" component="section" aria-labelledby="email-heading">
        <Title order={2} fz={18} id="email-heading" mb="xs">
          Thư điện tử nhận nhắc việc
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Bản nhắc việc hằng ngày (hạn báo cáo sắp đến, đã quá hạn) luôn có ở mục Thông báo; khi hệ thống được
          cấu hình máy chủ thư, bản nhắc cũng được gửi tới địa chỉ này.
        </Text>
        <EmailForm />
      </Card>
      <Card withBorder padding="md" component="section" aria-labelledby="password-heading">
        <Title order={2} fz={18} id="password-heading" mb="xs">
          Đổi mật khẩu
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Sau khi đổi, các phiên đăng nhập khác của bạn (trên máy khác, trình duyệt khác) sẽ kết thúc; phiên
          này vẫn tiếp tục.
        </Text>
        <PasswordForm />
      </Card>
    </Stack>
  );
}
