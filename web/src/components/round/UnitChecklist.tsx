import type { UnitListResponse, UnitSummary } from '@domain/api';
import { foldForSearch } from '@domain/text';
import { COUNTRY_CODE } from '@domain/units';
import { Button, Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../../api/client';
import { formatNumber } from '../../lib/format';

/**
 * The units a receiving unit may ask, in official code order (a few hundred at most): every active
 * commune and body of a province; for the ministry (the country unit, code "VN"), the provinces.
 */
export function useProvinceMembers(provinceCode: string | null) {
  const national = provinceCode === COUNTRY_CODE;
  return useQuery({
    queryKey: ['units', 'province-members', provinceCode],
    enabled: provinceCode !== null,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const all: UnitSummary[] = [];
      const filter = national ? { kind: 'province' } : { provinceCode };
      for (let offset = 0; ; offset += 200) {
        const page = await api.get<UnitListResponse>(
          withQuery('/api/units', { ...filter, limit: 200, offset }),
          signal,
        );
        all.push(...page.items);
        if (page.items.length < 200 || offset + 200 >= page.total) break;
      }
      return all.filter(
        (u) => u.active && (national ? u.kind === 'province' : u.kind === 'commune' || u.kind === 'body'),
      );
    },
  });
}

/** The units asked by default: the provinces (the ministry's round), else every commune. */
export function defaultMembers(units: readonly UnitSummary[]): number[] {
  const provinces = units.filter((u) => u.kind === 'province');
  return (provinces.length ? provinces : units.filter((u) => u.kind === 'commune')).map((u) => u.id);
}

interface Props {
  units: UnitSummary[];
  selected: Set<number>;
  onChange: (selected: Set<number>) => void;
  /** The receiving unit cannot report to itself. */
  excludeId?: number | null;
  error?: string | undefined;
}

/** A searchable checklist of the units that must report: all communes by default, any subset. */
export function UnitChecklist({ units, selected, onChange, excludeId, error }: Props) {
  const [search, setSearch] = useState('');
  const candidates = units.filter((u) => u.id !== excludeId);
  const key = foldForSearch(search);
  const shown = key
    ? candidates.filter((u) => foldForSearch(`${u.name} ${u.code}`).includes(key))
    : candidates;
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  const setMany = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  const communes = defaultMembers(candidates);
  const national = candidates.some((u) => u.kind === 'province');
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Text size="sm" fw={500}>
          Đơn vị phải báo cáo: {formatNumber(selected.size)}/{formatNumber(candidates.length)}
        </Text>
        <Group gap="xs">
          <Button size="compact-xs" variant="light" onClick={() => setMany(communes, true)}>
            {national ? 'Chọn tất cả tỉnh, thành phố' : 'Chọn tất cả xã, phường'}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onClick={() =>
              setMany(
                shown.map((u) => u.id),
                false,
              )
            }
          >
            Bỏ chọn {key ? 'các đơn vị đang lọc' : 'tất cả'}
          </Button>
        </Group>
      </Group>
      <TextInput
        placeholder="Tìm theo tên hoặc mã đơn vị (gõ không dấu cũng được)"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        aria-label="Tìm đơn vị"
      />
      <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
        <Stack gap={4}>
          {shown.map((u) => (
            <Checkbox
              key={u.id}
              checked={selected.has(u.id)}
              onChange={(e) => toggle(u.id, e.currentTarget.checked)}
              label={`${u.name} (${u.code})`}
            />
          ))}
          {shown.length === 0 && (
            <Text size="sm" c="dimmed">
              Không có đơn vị nào phù hợp.
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
