import type { UnitDetail } from '@domain/api';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { unitKindText } from '../api/units';
import { ErrorAlert } from '../components/ErrorAlert';
import { UnitTable } from '../components/UnitTable';
import { CreateBodyForm } from '../components/unit/CreateBodyForm';
import { IdentitySection } from '../components/unit/IdentitySection';
import { LineageSection } from '../components/unit/LineageSection';
import { RecipientsSection } from '../components/unit/RecipientsSection';
import { ReportsSection } from '../components/unit/ReportsSection';
import { SignersSection } from '../components/unit/SignersSection';
import { formatNumber } from '../lib/format';

export default function UnitPage() {
  const id = Number(useParams().id);
  const me = useMe().data;
  const [creating, setCreating] = useState(false);
  const unit = useQuery({
    queryKey: ['unit', id],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${id}`, signal),
    enabled: Number.isInteger(id) && id > 0,
  });

  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Alert color="yellow" title="Không tìm thấy đơn vị" maw={720}>
        Địa chỉ này không chỉ tới đơn vị nào.{' '}
        <Anchor component={Link} to="/don-vi">
          Về danh mục đơn vị
        </Anchor>
      </Alert>
    );
  }
  if (unit.isError) {
    return (
      <Stack maw={720}>
        <ErrorAlert title="Không mở được đơn vị" error={unit.error} onRetry={() => unit.refetch()} />
        <Anchor component={Link} to="/don-vi">
          ← Về danh mục đơn vị
        </Anchor>
      </Stack>
    );
  }
  if (unit.isPending) return <Skeleton h={400} maw={1100} />;

  const u = unit.data;
  const canCreateBody = u.kind === 'province' && u.canManage && me?.abilities.manageUnits === true;
  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/don-vi" size="sm">
          Đơn vị
        </Anchor>
        {u.provinceName && u.kind !== 'province' && u.parentId !== null && (
          <Anchor component={Link} to={`/don-vi/${u.parentId}`} size="sm">
            {u.provinceName}
          </Anchor>
        )}
        <Text size="sm">{u.name}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {u.name}
        </Title>
        <Text c="dimmed" size="sm">
          {unitKindText(u)} · Mã {u.code}
          {u.provinceName && u.kind !== 'province' && ` · ${u.provinceName}`}
          {!u.active && ' · Ngừng hoạt động'}
        </Text>
        {me?.abilities.readAudit && u.canManage && (
          <Anchor component={Link} to={`/nhat-ky?unitId=${u.id}`} size="sm">
            Nhật ký thay đổi của đơn vị
          </Anchor>
        )}
      </div>
      <LineageSection unit={u} />
      <ReportsSection unit={u} />
      <IdentitySection unit={u} />
      <SignersSection unit={u} />
      <RecipientsSection unit={u} />
      {(u.children.length > 0 || canCreateBody) && (
        <Card withBorder padding="md" component="section" aria-labelledby="children-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz={18} id="children-heading">
              Đơn vị trực thuộc ({formatNumber(u.children.length)})
            </Title>
            {canCreateBody && (
              <Button size="xs" variant="light" onClick={() => setCreating(true)}>
                Thêm cơ quan cấp tỉnh
              </Button>
            )}
          </Group>
          <UnitTable units={u.children} emptyText="Chưa có đơn vị trực thuộc." />
        </Card>
      )}
      {creating && <CreateBodyForm province={u} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
