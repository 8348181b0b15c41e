/**
 * A register's fields on the form and in lists: the values as the form holds them, the entry sent
 * to the server (empty values left out: the server's `checkLogbookEntry` says what is missing), and
 * values written the Vietnamese way.
 */
import type { LogbookRecordOut } from '@domain/api-logbook';
import type { LogbookField, LogbookKind } from '@domain/logbook/kinds';
import type { LogbookEntry } from '../../api/logbook';
import { formatDate, formatNumber } from '../../lib/format';

export interface NationalityRow {
  country: string;
  count: number | '';
}

export interface DocumentValue {
  notation: string;
  date: string;
}

/** What the form holds for one field. */
export type FormValue = string | number | string[] | NationalityRow[] | DocumentValue;

export interface FormState {
  startsOn: string;
  endsOn: string;
  sectionKey: string;
  values: Record<string, FormValue>;
}

export function emptyValue(field: LogbookField): FormValue {
  switch (field.type) {
    case 'countries':
      return [];
    case 'nationalities':
      return [{ country: '', count: '' }];
    case 'document':
      return { notation: '', date: '' };
    default:
      return '';
  }
}

export function emptyState(kind: LogbookKind, today: string): FormState {
  return {
    startsOn: today,
    endsOn: '',
    sectionKey: '',
    values: Object.fromEntries(kind.fields.map((f) => [f.key, emptyValue(f)])),
  };
}

/** A stored record on the form. */
export function stateOf(kind: LogbookKind, record: LogbookRecordOut): FormState {
  const values: Record<string, FormValue> = {};
  for (const f of kind.fields) {
    const v = record.data[f.key];
    if (v === undefined) values[f.key] = emptyValue(f);
    else if (f.type === 'nationalities' && Array.isArray(v))
      values[f.key] = (v as { country: string; count: number }[]).map((r) => ({ ...r }));
    else if (f.type === 'document' && typeof v === 'object' && !Array.isArray(v))
      values[f.key] = { notation: v.notation, date: v.date ?? '' };
    else values[f.key] = v as FormValue;
  }
  return {
    startsOn: record.startsOn,
    endsOn: record.endsOn ?? '',
    sectionKey: record.sectionKey ?? '',
    values,
  };
}

/** The entry the server checks: empty values left out. */
export function entryOf(kind: LogbookKind, state: FormState): LogbookEntry {
  const data: Record<string, unknown> = {};
  for (const f of kind.fields) {
    const v = state.values[f.key];
    if (v === undefined || v === '') continue;
    if (f.type === 'nationalities' && Array.isArray(v)) {
      const rows = (v as NationalityRow[]).filter((r) => r.country || r.count !== '');
      if (rows.length)
        data[f.key] = rows.map((r) => ({ country: r.country, count: r.count === '' ? null : r.count }));
    } else if (f.type === 'document' && typeof v === 'object' && !Array.isArray(v)) {
      if (v.notation.trim() || v.date)
        data[f.key] = v.date ? { notation: v.notation, date: v.date } : { notation: v.notation };
    } else if (Array.isArray(v)) {
      if (v.length) data[f.key] = v;
    } else if (typeof v === 'string') {
      if (v.trim()) data[f.key] = v;
    } else data[f.key] = v;
  }
  const entry: LogbookEntry = { startsOn: state.startsOn, data };
  if (kind.endsOnLabel) entry.endsOn = state.endsOn || null;
  if (kind.code === 'activity') entry.sectionKey = state.sectionKey || null;
  return entry;
}

/** A stored value as a list shows it: "Hàn Quốc (4), Nhật Bản (1)", "12/QĐ-UBND ngày 03/03/2026". */
export function formatValue(field: LogbookField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'choice':
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'countries':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'nationalities':
      return Array.isArray(value)
        ? (value as { country: string; count: number }[])
            .map((r) => `${r.country} (${formatNumber(r.count)})`)
            .join(', ')
        : '';
    case 'document': {
      const doc = value as { notation: string; date?: string };
      return doc.date ? `${doc.notation} ngày ${formatDate(doc.date)}` : doc.notation;
    }
    case 'date':
      return formatDate(String(value));
    case 'integer':
    case 'decimal':
    case 'money':
      return typeof value === 'number' ? `${formatNumber(value)}${field.unit ? ` ${field.unit}` : ''}` : '';
    default:
      return String(value);
  }
}

/** "10/03/2026" or "10/03/2026 – 12/03/2026". */
export function formatRange(startsOn: string, endsOn: string | null): string {
  return endsOn && endsOn !== startsOn
    ? `${formatDate(startsOn)} – ${formatDate(endsOn)}`
    : formatDate(startsOn);
}

/**
 * The columns of a register's list: its title field first, then a few short fields. A reader of
 * another unit (`personal` false) gets no column of personal data (the server removed it).
 */
export function listColumns(kind: LogbookKind, personal = true): LogbookField[] {
  const fields = kind.fields.filter((f) => personal || !f.personal);
  const title = fields.find((f) => f.key === kind.titleField);
  const rest = fields.filter(
    (f) =>
      f.key !== kind.titleField && f.type !== 'text' && f.type !== 'document' && f.type !== 'nationalities',
  );
  return [...(title ? [title] : []), ...rest.slice(0, kind.code === 'activity' ? 2 : 4)];
}
