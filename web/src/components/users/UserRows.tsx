import type { UserOut } from '@domain/api';
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { GrantList } from './GrantList';

interface Props {
  users: UserOut[];
  onEdit: (user: UserOut) => void;
  /** Offer each user's audit trail (administrators who may read it). */
  auditLinks: boolean;
}

function Status({ active }: { active: boolean }) {
  return (
    <Text size="sm" fw={500} c={active ? 'teal.8' : 'red.8'} style={{ whiteSpace: 'nowrap' }}>
      {active ? 'Đang hoạt động' : 'Đã khóa'}
    </Text>
  );
}

/** The user's audit trail; a click on it must not also open the edit form of the row. */
function AuditLink({ user }: { user: UserOut }) {
  return (
    <Anchor
      component={Link}
      to={`/nhat-ky?userId=${user.id}`}
      size="sm"
      onClick={(e) => e.stopPropagation()}
      style={{ whiteSpace: 'nowrap' }}
      aria-label={`Nhật ký thay đổi của ${user.username}`}
    >
      Nhật ký
    </Anchor>
  );
}

const lastSignIn = (user: UserOut) =>
  user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Chưa đăng nhập';

/** Users as a table on a wide screen and as cards on a phone, where six columns do not fit. */
export function UserRows({ users, onEdit, auditLinks }: Props) {
  return (
    <>
      <Table striped highlightOnHover verticalSpacing="xs" visibleFrom="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tên đăng nhập</Table.Th>
            <Table.Th>Họ và tên</Table.Th>
            <Table.Th>Vai trò</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
            <Table.Th>Đăng nhập gần nhất</Table.Th>
            <Table.Th aria-label="Thao tác" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} className="clickable-row" onClick={() => onEdit(user)}>
              <Table.Td ff="monospace">{user.username}</Table.Td>
              <Table.Td>{user.fullName}</Table.Td>
              <Table.Td>
                <GrantList grants={user.grants} />
              </Table.Td>
              <Table.Td>
                <Status active={user.active} />
              </Table.Td>
              <Table.Td>{lastSignIn(user)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" aria-label={`Sửa tài khoản ${user.username}`}>
                    Sửa
                  </Button>
                  {auditLinks && <AuditLink user={user} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" hiddenFrom="sm">
        {users.map((user) => (
          <Card key={user.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {user.fullName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {user.username}
                </Text>
              </div>
              <Status active={user.active} />
            </Group>
            <Stack gap={0} mt={6}>
              <GrantList grants={user.grants} />
            </Stack>
            <Group justify="space-between" mt={6}>
              <Text size="xs" c="dimmed">
                Đăng nhập gần nhất: {lastSignIn(user)}
              </Text>
              <Group gap="xs" wrap="nowrap">
                {auditLinks && <AuditLink user={user} />}
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => onEdit(user)}
                  aria-label={`Sửa tài khoản ${user.username}`}
                >
                  Sửa
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
