/**
 * Sổ theo dõi: the registers a unit keeps (the activity log first), each with its list, filters and
 * form. Officers keep their own unit's; the province reads its units' registers and the ministry
 * the provinces', without personal data.
 */
import type { UnitListResponse } from '@domain/api';
import { POLICY } from '@domain/authz';
import { type LogbookKindCode, logbookKind } from '@domain/logbook/kinds';
import { Alert, Badge, Button, Group, NavLink, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client';
import { useLogbookSummary } from '../api/logbook';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { RegisterView } from '../components/logbook/RegisterView';
import { formatNumber } from '../lib/format';

/** Another unit to read (province and ministry roles), found by name without diacritics. */
function OtherUnitPicker({
  provinceCode,
  onPick,
}: {
  provinceCode: string | null;
  onPick: (id: number) => void;
}) {
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search, 300);
  const found = useQuery({
    queryKey: ['units', 'logbook-pick', term, provinceCode],
    queryFn: ({ signal }) =>
      api.get<UnitListResponse>(
        withQuery('/api/units', { q: term, provinceCode: provinceCode ?? undefined, limit: 20 }),
        signal,
      ),
    enabled: term.trim().length >= 2,
  });
  return (
    <Select
      label="Xem sổ của đơn vị khác"
      placeholder="Gõ tên xã, phường, sở…"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={(found.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
      onChange={(v) => v && onPick(Number(v))}
      value={null}
      filter={({ options }) => options}
      nothingFoundMessage={term.trim().length >= 2 ? 'Không tìm thấy đơn vị' : 'Gõ ít nhất 2 chữ'}
      w={{ base: '100%', sm: 320 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export default function LogbookPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const phone = useMediaQuery('(max-width: 48em)');
  const grants = me?.grants ?? [];
  const keeping = [
    ...new Map(
      grants.filter((g) => POLICY[g.role].actions.includes('logbook.edit')).map((g) => [g.unit.id, g.unit]),
    ).values(),
  ];
  const readsOthers = grants.find(
    (g) => POLICY[g.role].actions.includes('logbook.read') && POLICY[g.role].reach !== 'unit',
  );
  const unitId = Number(params.get('don-vi')) || keeping[0]?.id || null;
  const summary = useLogbookSummary(unitId);
  const data = summary.data;
  const kinds = data?.kinds ?? [];
  const chosen = params.get('so');
  const current = kinds.find((k) => k.kind === chosen)?.kind ?? kinds[0]?.kind ?? null;
  const kind = current ? logbookKind(current) : undefined;

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'don-vi') next.delete('so');
    setParams(next);
  };

  const linkTo = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('so', code);
    return `?${next.toString()}`;
  };

  const label = (k: { kind: LogbookKindCode; thisYear: number; all: number }) =>
    logbookKind(k.kind)?.shortName ?? k.kind;

  return (
    <Stack gap="md" maw={1300}>
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        Sổ theo dõi
      </Title>
      {unitId === null && !readsOthers ? (
        <Alert color="yellow">Tài khoản chưa thuộc đơn vị nào nên chưa có sổ theo dõi.</Alert>
      ) : (
        <Stack gap="xs">
          {(keeping.length > 1 || readsOthers) && (
            <Stack gap="xs" style={{ flexDirection: phone ? 'column' : 'row' }}>
              {keeping.length > 1 && (
                <Select
                  label="Đơn vị"
                  data={keeping.map((u) => ({ value: String(u.id), label: u.name }))}
                  value={keeping.some((u) => u.id === unitId) ? String(unitId) : null}
                  onChange={(v) => set('don-vi', v)}
                  allowDeselect={false}
                  w={{ base: '100%', sm: 280 }}
                />
              )}
              {readsOthers && (
                <OtherUnitPicker
                  provinceCode={
                    readsOthers.unit.kind === 'country' ? null : readsOthers.unit.code.slice(0, 2)
                  }
                  onPick={(id) => set('don-vi', String(id))}
                />
              )}
            </Stack>
          )}
          {data && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {data.unit.name}
                {data.canEdit ? '' : ' · chỉ xem; thông tin cá nhân được ẩn'}
              </Text>
              {!data.canEdit && keeping[0] && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => set('don-vi', String(keeping[0]?.id))}
                >
                  Về sổ của {keeping[0].name}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      )}
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />}
      {summary.isPending && unitId !== null && <Skeleton h={240} />}
      {data && kind && unitId !== null && (
        <Group align="flex-start" gap="lg" wrap="nowrap" style={{ flexDirection: phone ? 'column' : 'row' }}>
          {phone ? (
            <Select
              label="Sổ"
              data={kinds.map((k) => ({
                value: k.kind,
                label: `${label(k)} (${formatNumber(k.all)})`,
              }))}
              value={kind.code}
              onChange={(v) => set('so', v)}
              allowDeselect={false}
              w="100%"
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <nav aria-label="Các sổ theo dõi" style={{ width: 250, flexShrink: 0 }}>
              {kinds.map((k) => (
                <NavLink
                  key={k.kind}
                  component={Link}
                  to={linkTo(k.kind)}
                  label={label(k)}
                  active={k.kind === kind.code}
                  rightSection={
                    <Badge
                      size="sm"
                      variant="light"
                      color={k.all ? 'blue' : 'gray'}
                      title={`Năm nay: ${formatNumber(k.thisYear)}; tất cả: ${formatNumber(k.all)}`}
                    >
                      {formatNumber(k.all)}
                    </Badge>
                  }
                  aria-current={k.kind === kind.code ? 'page' : undefined}
                />
              ))}
            </nav>
          )}
          <div style={{ flex: 1, minWidth: 0, width: phone ? '100%' : undefined }}>
            <RegisterView
              key={`${unitId}:${kind.code}`}
              unitId={unitId}
              kind={kind}
              sections={data.sections}
              canEdit={data.canEdit}
            />
          </div>
        </Group>
      )}
    </Stack>
  );
}
