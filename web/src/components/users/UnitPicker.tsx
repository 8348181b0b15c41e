import type { UnitListResponse, UnitRefOut } from '@domain/api';
import { type ComboboxItem, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../../api/client';

interface Props {
  label: string;
  value: UnitRefOut | null;
  onChange: (unit: UnitRefOut | null) => void;
  error?: string | undefined;
}

const optionLabel = (unit: { name: string; code: string }) => `${unit.name} (${unit.code})`;

/**
 * A unit chosen by typing part of its name: the server searches (ignoring diacritics), so the list
 * is never filtered again here, and the chosen unit stays an option even when a search misses it.
 */
export function UnitPicker({ label, value, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const query = debounced && (!value || debounced !== optionLabel(value)) ? debounced : '';
  const results = useQuery({
    queryKey: ['units', 'pick', query],
    queryFn: ({ signal }) =>
      api.get<UnitListResponse>(withQuery('/api/units', { q: query, limit: 20 }), signal),
    enabled: query.length >= 2,
    staleTime: 5 * 60_000,
  });

  const units = new Map<string, UnitRefOut & { provinceName?: string | null }>();
  if (value) units.set(String(value.id), value);
  for (const unit of results.data?.items ?? []) units.set(String(unit.id), unit);
  const data: ComboboxItem[] = [...units.entries()].map(([id, unit]) => ({
    value: id,
    label: optionLabel(unit),
  }));

  let nothingFound = 'Gõ ít nhất 2 chữ của tên đơn vị';
  if (results.isFetching) nothingFound = 'Đang tìm…';
  else if (query.length >= 2) nothingFound = 'Không tìm thấy đơn vị nào';

  return (
    <Select
      label={label}
      placeholder="Gõ tên đơn vị, ví dụ: thach ha"
      searchable
      clearable
      data={data}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(id ? (units.get(id) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={nothingFound}
      error={error}
      renderOption={({ option }) => {
        const unit = units.get(option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {unit?.provinceName && unit.kind !== 'province' && (
              <Text size="xs" c="dimmed">
                {unit.provinceName}
              </Text>
            )}
          </div>
        );
      }}
    />
  );
}
