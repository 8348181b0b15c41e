import { POLICY } from '@domain/authz';
import { Anchor, AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useRef } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useUnreadCount } from '../api/notifications';
import { ME_KEY, signOut, useMe } from '../api/session';
import { notifyError } from '../lib/notify';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';

/** The header's bell: the number of unread reminder digests, a link to "Thông báo". */
function NotificationBell({ active }: { active: boolean }) {
  const unread = useUnreadCount(true).data?.unread ?? 0;
  const label = unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo';
  return (
    <Anchor
      component={Link}
      to="/thong-bao"
      aria-label={label}
      title={label}
      c={active ? 'blue.8' : 'dark'}
      style={{ display: 'inline-flex', padding: 6, lineHeight: 0 }}
    >
      <span style={{ position: 'relative', display: 'inline-block' }}>
        <svg
          width="22"
          height="22"
          viewBox="0 0 24 24"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && (
          <Badge
            size="xs"
            color="red"
            variant="filled"
            px={4}
            style={{ position: 'absolute', top: -6, right: -10, pointerEvents: 'none' }}
          >
            {unread > 99 ? '99+' : unread}
          </Badge>
        )}
      </span>
    </Anchor>
  );
}

/** The shell of every signed-in page; sends anyone without a session to sign in, keeping the address. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure(false);
  // After "Đăng xuất" the sign-in page must not offer to return to the page the user just left.
  const signedOut = useRef(false);
  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      signedOut.current = true;
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
    onError: notifyError,
  });

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Stack p="md" maw={640} mx="auto">
        <ErrorAlert error={me.error} onRetry={() => me.refetch()} />
      </Stack>
    );
  }
  if (me.data === null) {
    if (signedOut.current) return <Navigate to="/dang-nhap" replace />;
    const here = location.pathname + location.search;
    if (here === '/') return <Navigate to="/dang-nhap" replace />;
    return <Navigate to={`/dang-nhap?next=${encodeURIComponent(here)}`} replace />;
  }

  const user = me.data.user;
  const links = [
    { to: '/', label: 'Trang chủ', active: location.pathname === '/' },
    { to: '/don-vi', label: 'Đơn vị', active: location.pathname.startsWith('/don-vi') },
  ];
  if (me.data.abilities.writeReports || me.data.grants.length > 0) {
    links.push({ to: '/bao-cao', label: 'Báo cáo', active: location.pathname.startsWith('/bao-cao') });
  }
  // Units that keep registers (sổ theo dõi), and the province and ministry that read them.
  if (me.data.grants.some((g) => POLICY[g.role].actions.includes('logbook.read'))) {
    links.push({
      to: '/so-theo-doi',
      label: 'Sổ theo dõi',
      active: location.pathname.startsWith('/so-theo-doi'),
    });
  }
  if (me.data.grants.length > 0) {
    links.push({
      to: '/dot-bao-cao',
      label: 'Đợt báo cáo',
      active: location.pathname.startsWith('/dot-bao-cao'),
    });
  }
  if (me.data.abilities.manageRounds) {
    links.push({
      to: '/tien-do',
      label: 'Tiến độ báo cáo',
      active: location.pathname.startsWith('/tien-do'),
    });
    links.push({ to: '/thong-ke', label: 'Thống kê', active: location.pathname.startsWith('/thong-ke') });
  }
  if (me.data.grants.length > 0) {
    links.push({
      to: '/so-van-ban',
      label: 'Sổ văn bản đi',
      active: location.pathname.startsWith('/so-van-ban'),
    });
  }
  if (me.data.abilities.manageOutlines) {
    links.push({ to: '/de-cuong', label: 'Đề cương', active: location.pathname.startsWith('/de-cuong') });
  }
  if (me.data.abilities.manageUsers) {
    links.push({
      to: '/nguoi-dung',
      label: 'Người dùng',
      active: location.pathname.startsWith('/nguoi-dung'),
    });
  }
  if (me.data.abilities.readAudit) {
    links.push({ to: '/nhat-ky', label: 'Nhật ký', active: location.pathname.startsWith('/nhat-ky') });
  }
  links.push({ to: '/tai-khoan', label: 'Tài khoản', active: location.pathname.startsWith('/tai-khoan') });

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Mở menu" />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Text fw={700} size="lg" c="blue.8" lh={1.1}>
                doingoai
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="sm" lh={1.1}>
                Hệ thống báo cáo công tác đối ngoại
              </Text>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell active={location.pathname.startsWith('/thong-bao')} />
            <Anchor
              component={Link}
              to="/tai-khoan"
              size="sm"
              c="dark"
              visibleFrom="sm"
              truncate
              maw={260}
              title="Tài khoản và đổi mật khẩu"
            >
              {user.fullName}
            </Anchor>
            <Button
              variant="default"
              size="xs"
              onClick={() => signOutMutation.mutate()}
              loading={signOutMutation.isPending}
            >
              Đăng xuất
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Menu chính">
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={link.label}
            active={link.active}
            onClick={close}
            fw={500}
          />
        ))}
        <Text size="sm" c="dimmed" hiddenFrom="sm" mt="md" px="sm">
          Đang đăng nhập: {user.fullName}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
