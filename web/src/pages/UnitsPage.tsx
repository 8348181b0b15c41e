import type { UnitListResponse } from '@domain/api';
import { Group, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client';
import { foldFilter, KIND_OPTIONS, useProvinces } from '../api/units';
import { ErrorAlert } from '../components/ErrorAlert';
import { Pager } from '../components/Pager';
import { UnitTable } from '../components/UnitTable';
import { formatNumber } from '../lib/format';

const PAGE_SIZE = 50;

export default function UnitsPage() {
  // The filters live in the address, so that "back" from a unit returns to the same list.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('loai');
  const provinceCode = params.get('tinh');
  const page = Math.max(1, Number(params.get('trang')) || 1);

  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 350);

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (current) => {
        const nextParams = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) nextParams.set(key, value);
          else nextParams.delete(key);
        }
        if (!('trang' in changes)) nextParams.delete('trang');
        return nextParams;
      },
      { replace: true },
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced text should search.
  useEffect(() => {
    if (debounced !== q) update({ q: debounced || null });
  }, [debounced]);
  // The address changed from outside (the menu, "back"): show its search text in the box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the address only.
  useEffect(() => {
    if (q !== debounced) setSearch(q);
  }, [q]);

  const provinces = useProvinces();
  const units = useQuery({
    queryKey: ['units', 'list', { q, kind, provinceCode, page }],
    queryFn: ({ signal }) =>
      api.get<UnitListResponse>(
        withQuery('/api/units', { q, kind, provinceCode, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const provinceOptions = (provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }));
  const pages = units.data ? Math.max(1, Math.ceil(units.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        Danh mục đơn vị
      </Title>
      <Group align="flex-end" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          label="Tìm đơn vị"
          placeholder="Tìm theo tên hoặc mã, ví dụ: thach ha"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          miw={220}
        />
        <Select
          label="Loại đơn vị"
          placeholder="Tất cả"
          data={KIND_OPTIONS}
          value={kind}
          onChange={(value) => update({ loai: value })}
          clearable
          miw={200}
        />
        <Select
          label="Tỉnh, thành phố"
          placeholder={provinces.isPending ? 'Đang tải…' : 'Tất cả'}
          data={provinceOptions}
          value={provinceCode}
          onChange={(value) => update({ tinh: value })}
          searchable
          clearable
          filter={foldFilter}
          nothingFoundMessage="Không có tỉnh nào khớp"
          miw={200}
        />
      </Group>

      {units.isError && <ErrorAlert error={units.error} onRetry={() => units.refetch()} />}
      {units.isPending && <Skeleton h={300} />}
      {units.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {formatNumber(units.data.total)} đơn vị
            {units.isPlaceholderData && ' · đang tải…'}
          </Text>
          <UnitTable units={units.data.items} showProvince />
          <Pager
            page={page}
            pages={pages}
            onChange={(value) => update({ trang: value > 1 ? String(value) : null })}
          />
        </>
      )}
    </Stack>
  );
}
