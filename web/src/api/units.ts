/** Queries and option lists about units shared by several pages. */
import type { UnitListResponse, UnitSummary } from '@domain/api';
import { foldForSearch } from '@domain/text';
import { UNIT_KIND_LABELS, type UnitKind } from '@domain/units';
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** The 34 provinces, asked for once per visit: the list changes with an administrative reform, not daily. */
export function useProvinces() {
  return useQuery({
    queryKey: ['units', 'provinces'],
    queryFn: ({ signal }) => api.get<UnitListResponse>('/api/units?kind=province&limit=200', signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const KIND_OPTIONS: ComboboxItem[] = (['province', 'commune', 'body'] as const).map((kind) => ({
  value: kind,
  label: UNIT_KIND_LABELS[kind],
}));

/** "Xã", "Phường", "Đặc khu" for communes; the kind's label otherwise. */
export function unitKindText(unit: Pick<UnitSummary, 'kind' | 'communeKind'>): string {
  if (unit.kind === 'commune' && unit.communeKind) {
    return unit.communeKind.charAt(0).toUpperCase() + unit.communeKind.slice(1);
  }
  return UNIT_KIND_LABELS[unit.kind as UnitKind];
}

/** Select filtering that ignores diacritics and case, like the server: "ha tinh" finds "Hà Tĩnh" (groups kept). */
export const foldFilter: OptionsFilter = ({ options, search }) => {
  const key = foldForSearch(search);
  if (!key) return options;
  const matches = (option: ComboboxItem) => foldForSearch(option.label).includes(key);
  return options.flatMap((option): ComboboxParsedItem[] => {
    if (!('group' in option)) return matches(option) ? [option] : [];
    const items = option.items.filter(matches);
    return items.length > 0 ? [{ ...option, items }] : [];
  });
};
