import type { UserListResponse, UserOut } from '@domain/api';
import { Alert, Button, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../api/client';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Pager } from '../components/Pager';
import { UserForm } from '../components/users/UserForm';
import { UserRows } from '../components/users/UserRows';
import { formatNumber } from '../lib/format';

const PAGE_SIZE = 50;

export default function UsersPage() {
  const me = useMe().data;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 350);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserOut | 'new' | null>(null);
  const allowed = me?.abilities.manageUsers === true;
  const users = useQuery({
    queryKey: ['users', { q, page }],
    queryFn: ({ signal }) =>
      api.get<UserListResponse>(
        withQuery('/api/users', { q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });

  if (!allowed) {
    return (
      <Alert color="yellow" title="Không có quyền" maw={640}>
        Chỉ quản trị hệ thống mới quản lý được người dùng.
      </Alert>
    );
  }
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          Người dùng
        </Title>
        <Button onClick={() => setEditing('new')}>Thêm người dùng</Button>
      </Group>
      <TextInput
        label="Tìm người dùng"
        placeholder="Tên đăng nhập hoặc họ tên"
        type="search"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      {users.isError && <ErrorAlert error={users.error} onRetry={() => users.refetch()} />}
      {users.isPending && <Skeleton h={240} />}
      {users.data && (
        <>
          <Text size="sm" c="dimmed">
            {formatNumber(users.data.total)} người dùng
          </Text>
          {users.data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              Không có người dùng nào phù hợp.
            </Text>
          ) : (
            <UserRows
              users={users.data.items}
              onEdit={setEditing}
              auditLinks={me?.abilities.readAudit === true}
            />
          )}
          <Pager page={page} pages={pages} onChange={setPage} />
        </>
      )}
      {editing && <UserForm user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
