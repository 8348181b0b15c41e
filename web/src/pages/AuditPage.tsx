import type { AuditListResponse } from '@domain/api';
import { Alert, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client';
import { useMe } from '../api/session';
import { AuditFilter } from '../components/audit/AuditFilter';
import { AuditRows } from '../components/audit/AuditRows';
import { ErrorAlert } from '../components/ErrorAlert';
import { Pager } from '../components/Pager';
import { formatNumber } from '../lib/format';

const PAGE_SIZE = 50;

/** "12" → 12; anything that is not a positive whole number → undefined. */
function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

export default function AuditPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const unitId = positiveInt(params.get('unitId'));
  const userId = positiveInt(params.get('userId'));
  const page = positiveInt(params.get('trang')) ?? 1;
  const allowed = me?.abilities.readAudit === true;
  const audit = useQuery({
    queryKey: ['audit', { unitId, userId, page }],
    queryFn: ({ signal }) =>
      api.get<AuditListResponse>(
        withQuery('/api/audit', { unitId, userId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        signal,
      ),
    placeholderData: keepPreviousData,
    // Every visit shows the latest changes, including the ones just made on another page.
    staleTime: 0,
    enabled: allowed,
  });

  if (!allowed) {
    return (
      <Alert color="yellow" title="Không có quyền" maw={640}>
        Chỉ quản trị hệ thống mới xem được nhật ký thay đổi.
      </Alert>
    );
  }
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / PAGE_SIZE)) : 1;
  const goTo = (next: number) => {
    const nextParams = new URLSearchParams(params);
    if (next > 1) nextParams.set('trang', String(next));
    else nextParams.delete('trang');
    setParams(nextParams);
    window.scrollTo({ top: 0 });
  };

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        Nhật ký thay đổi
      </Title>
      <AuditFilter unitId={unitId} userId={userId} entries={audit.data?.items} />
      {audit.isError && (
        <ErrorAlert title="Không xem được nhật ký" error={audit.error} onRetry={() => audit.refetch()} />
      )}
      {audit.isPending && <Skeleton h={240} />}
      {audit.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {formatNumber(audit.data.total)} thay đổi
            {audit.isPlaceholderData && ' · đang tải…'}
          </Text>
          {audit.data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              Chưa có thay đổi nào.
            </Text>
          ) : (
            <AuditRows entries={audit.data.items} />
          )}
          <Pager page={page} pages={pages} onChange={goTo} />
        </>
      )}
    </Stack>
  );
}
