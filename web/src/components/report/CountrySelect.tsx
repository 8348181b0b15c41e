import { COUNTRIES, countryMatcher, isOfficialCountryName } from '@domain/countries';
import {
  type ComboboxItem,
  type ComboboxParsedItem,
  MultiSelect,
  type MultiSelectProps,
  Select,
  type SelectProps,
} from '@mantine/core';
import { useMemo } from 'react';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'filter'> {
  /** The official name chosen, or '' for none yet. */
  value: string;
  onChange: (name: string) => void;
}

const VI = new Intl.Collator('vi');
const BY_NAME = new Map(COUNTRIES.map((c) => [c.name, c]));
const OPTIONS: ComboboxItem[] = COUNTRIES.map((c) => ({ value: c.name, label: c.name }));

function isItem(option: ComboboxParsedItem): option is ComboboxItem {
  return 'value' in option;
}

/**
 * Countries as the officer types, diacritics or not: "han" → Hàn Quốc, "myanmar" → Mi-an-ma, "uc" →
 * Ô-xtrây-li-a; best match first. A name stored before the catalogue that it does not know stays
 * visible (marked) until the officer picks the right one.
 */
function filterCountries({
  options,
  search,
  limit,
}: {
  options: ComboboxParsedItem[];
  search: string;
  limit: number;
}) {
  const items = options.filter(isItem);
  if (!search.trim()) return items.slice(0, limit);
  const score = countryMatcher(search);
  return items
    .map((option) => {
      const country = BY_NAME.get(option.value);
      return { option, score: country ? score(country) : 0 };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || VI.compare(a.option.label, b.option.label))
    .slice(0, limit)
    .map((m) => m.option);
}

/** Picks a country or territory from the catalogue (src/domain/countries.ts). */
export function CountrySelect({ value, onChange, ...rest }: Props) {
  const data = useMemo(
    () =>
      value && !isOfficialCountryName(value)
        ? [{ value, label: `${value} (không có trong danh mục)` }, ...OPTIONS]
        : OPTIONS,
    [value],
  );
  return (
    <Select
      {...rest}
      searchable
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      filter={filterCountries}
      limit={40}
      nothingFoundMessage="Không có trong danh mục nước, vùng lãnh thổ"
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface ManyProps extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'filter'> {
  value: readonly string[];
  onChange: (names: string[]) => void;
}

/** Several countries from the catalogue (a list indicator of countries: where delegations went). */
export function CountryMultiSelect({ value, onChange, ...rest }: ManyProps) {
  const data = useMemo(() => {
    const unknown = value.filter((v) => !isOfficialCountryName(v));
    return unknown.length
      ? [...unknown.map((v) => ({ value: v, label: `${v} (không có trong danh mục)` })), ...OPTIONS]
      : OPTIONS;
  }, [value]);
  return (
    <MultiSelect
      {...rest}
      searchable
      data={data}
      value={[...value]}
      onChange={onChange}
      filter={filterCountries}
      limit={40}
      hidePickedOptions
      nothingFoundMessage="Không có trong danh mục nước, vùng lãnh thổ"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
