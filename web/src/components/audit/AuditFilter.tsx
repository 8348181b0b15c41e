import type { AuditEntryOut, UnitDetail, UserOut } from '@domain/api';
import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';

interface Props {
  unitId: number | undefined;
  userId: number | undefined;
  /** The rows shown, to name the unit before (or without) its own request. */
  entries: AuditEntryOut[] | undefined;
}

/** "Đơn vị: Xã Thạch Hà · Bỏ lọc": what the list is narrowed to, and the way back to all of it. */
export function AuditFilter({ unitId, userId, entries }: Props) {
  const unit = useQuery({
    queryKey: ['unit', unitId],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${unitId}`, signal),
    enabled: unitId !== undefined,
  });
  const user = useQuery({
    queryKey: ['users', 'one', userId],
    queryFn: ({ signal }) => api.get<UserOut>(`/api/users/${userId}`, signal),
    enabled: userId !== undefined,
  });
  if (unitId === undefined && userId === undefined) return null;

  const unitName =
    unit.data?.name ?? entries?.find((e) => e.unit?.id === unitId)?.unit?.name ?? `Đơn vị số ${unitId}`;
  const userName = user.data ? `${user.data.fullName} (${user.data.username})` : `Người dùng số ${userId}`;
  return (
    <Group gap="xs" wrap="wrap">
      {unitId !== undefined && (
        <Text size="sm">
          Đơn vị:{' '}
          <Anchor component={Link} to={`/don-vi/${unitId}`} fw={600}>
            {unitName}
          </Anchor>
        </Text>
      )}
      {userId !== undefined && (
        <Text size="sm">
          Người dùng: <b>{userName}</b>
        </Text>
      )}
      <Anchor component={Link} to="/nhat-ky" size="sm">
        Bỏ lọc
      </Anchor>
    </Group>
  );
}
