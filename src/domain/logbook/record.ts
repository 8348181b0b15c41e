/**
 * A logbook record and its validation from its kind's definition (kinds.ts). One function checks a
 * record however it comes (the form, the API, an imported row), with Vietnamese messages by field,
 * and returns the record cleaned: NFC, trimmed, countries under their official names.
 */
import { z } from 'zod';
import { canonicalCountryName, isOfficialCountryName, unknownCountryMessage } from '../countries.js';
import { cleanProse } from '../text.js';
import { type LogbookField, type LogbookKind, type LogbookKindCode, logbookKind } from './kinds.js';

/** A field's value as stored in `data`. */
export type LogbookValue =
  | string
  | number
  | string[]
  | { country: string; count: number }[]
  | { notation: string; date?: string };

export type LogbookData = Record<string, LogbookValue>;

/** What a unit records (the form, the API and an imported row supply this). */
export interface LogbookEntryInput {
  startsOn: string;
  endsOn?: string | null;
  /** The activity log's field: the stable key of a section of the unit's outlines ("delegations"). */
  sectionKey?: string | null;
  data: LogbookData;
}

/** A stored record. */
export interface LogbookRecord extends LogbookEntryInput {
  id: number;
  unitId: number;
  kind: LogbookKindCode;
  endsOn: string | null;
  sectionKey: string | null;
  /** Incremented by every change: two officers editing one record are told (409). */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface LogbookFieldError {
  /** `startsOn`, `endsOn`, `sectionKey`, or `data.<field key>`. */
  path: string;
  message: string;
}

/** Largest count or amount accepted (as in report-json.ts). */
export const MAX_LOGBOOK_NUMBER = 1e11;
/** Dates a record may carry: the reporting system's span. */
export const MIN_LOGBOOK_DATE = '2000-01-01';
export const MAX_LOGBOOK_DATE = '2100-12-31';

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const DATE_MESSAGE = 'Ngày không hợp lệ (cần ngày có thật, dạng NNNN-TT-NN, ví dụ 2026-06-14).';

function checkDate(value: unknown): string | { error: string } {
  if (typeof value !== 'string' || !isIsoDate(value)) return { error: DATE_MESSAGE };
  if (value < MIN_LOGBOOK_DATE || value > MAX_LOGBOOK_DATE)
    return { error: 'Ngày nằm ngoài khoảng hệ thống theo dõi (2000–2100).' };
  return value;
}

function checkNumber(value: unknown, integer: boolean): number | { error: string } {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'Giá trị phải là một số.' };
  if (value < 0) return { error: 'Giá trị không được âm.' };
  if (value > MAX_LOGBOOK_NUMBER) return { error: 'Giá trị quá lớn, vui lòng kiểm tra lại.' };
  if (integer && !Number.isInteger(value)) return { error: 'Giá trị phải là số nguyên.' };
  return value;
}

function checkCountry(value: unknown): string | { error: string } {
  if (typeof value !== 'string' || !value.trim()) return { error: 'Chưa chọn nước, vùng lãnh thổ.' };
  const name = canonicalCountryName(cleanProse(value));
  if (!isOfficialCountryName(name)) return { error: unknownCountryMessage(value) };
  return name;
}

function checkLine(value: unknown, max: number, multiline: boolean): string | { error: string } {
  if (typeof value !== 'string') return { error: 'Giá trị phải là văn bản.' };
  const text = cleanProse(value);
  if (text.length > max) return { error: `Quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự).` };
  if (!multiline && text.includes('\n')) return { error: 'Chỉ được một dòng.' };
  return text;
}

const isError = (v: unknown): v is { error: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v;

/** One field's value cleaned, or its error; `undefined` for an empty value. */
export function checkFieldValue(
  field: LogbookField,
  raw: unknown,
): LogbookValue | undefined | { error: string } {
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (field.type) {
    case 'line':
      return checkLine(raw, 500, false) || undefined;
    case 'text':
      return checkLine(raw, 5000, true) || undefined;
    case 'integer':
      return checkNumber(raw, true);
    case 'decimal':
    case 'money':
      return checkNumber(raw, false);
    case 'date':
      return checkDate(raw);
    case 'country':
      return checkCountry(raw);
    case 'countries': {
      if (!Array.isArray(raw)) return { error: 'Cần danh sách nước, vùng lãnh thổ.' };
      if (raw.length > 100) return { error: 'Danh sách quá dài (tối đa 100).' };
      const names: string[] = [];
      for (const item of raw) {
        const name = checkCountry(item);
        if (isError(name)) return name;
        if (!names.includes(name)) names.push(name);
      }
      return names.length ? names : undefined;
    }
    case 'nationalities': {
      if (!Array.isArray(raw)) return { error: 'Cần danh sách quốc tịch và số người.' };
      if (raw.length > 100) return { error: 'Danh sách quá dài (tối đa 100).' };
      const parts: { country: string; count: number }[] = [];
      for (const item of raw) {
        if (typeof item !== 'object' || item === null) return { error: 'Cần quốc tịch và số người.' };
        const { country, count } = item as { country?: unknown; count?: unknown };
        const name = checkCountry(country);
        if (isError(name)) return name;
        const n = checkNumber(count, true);
        if (isError(n)) return { error: `${name}: ${n.error}` };
        const same = parts.find((p) => p.country === name);
        if (same) same.count += n;
        else parts.push({ country: name, count: n });
      }
      return parts.length ? parts : undefined;
    }
    case 'choice': {
      const option = field.options?.find((o) => o.value === raw);
      if (!option)
        return { error: `Chọn một trong: ${(field.options ?? []).map((o) => o.label).join('; ')}.` };
      return option.value;
    }
    case 'document': {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return { error: 'Cần số, ký hiệu và ngày của văn bản.' };
      const { notation, date } = raw as { notation?: unknown; date?: unknown };
      const text = checkLine(notation ?? '', 100, false);
      if (isError(text)) return text;
      if (!text) return date ? { error: 'Thiếu số, ký hiệu của văn bản.' } : undefined;
      if (date === undefined || date === null || date === '') return { notation: text };
      const day = checkDate(date);
      if (isError(day)) return day;
      return { notation: text, date: day };
    }
  }
}

/** The outer shape of an entry, built once (building a zod schema per call cost ~0.8 ms a record). */
const ENTRY_SHAPE = z.object({
  startsOn: z.unknown(),
  endsOn: z.unknown().optional(),
  sectionKey: z.unknown().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});

/**
 * A record checked against its kind: the cleaned entry, or every problem found (by path, in
 * Vietnamese). Unknown fields are refused, so a misspelt column never disappears silently.
 * `sectionKeys`, when given, are the sections an activity may belong to.
 */
export function checkLogbookEntry(
  kindOrCode: LogbookKind | string,
  input: unknown,
  sectionKeys?: ReadonlySet<string>,
): { ok: true; entry: LogbookEntryInput } | { ok: false; errors: LogbookFieldError[] } {
  const kind = typeof kindOrCode === 'string' ? logbookKind(kindOrCode) : kindOrCode;
  if (!kind) return { ok: false, errors: [{ path: 'kind', message: 'Không có sổ theo dõi này.' }] };
  const errors: LogbookFieldError[] = [];
  const shape = ENTRY_SHAPE.safeParse(input);
  if (!shape.success) return { ok: false, errors: [{ path: '', message: 'Bản ghi không đúng định dạng.' }] };
  const raw = shape.data;

  const startsOn = raw.startsOn === undefined || raw.startsOn === '' ? undefined : checkDate(raw.startsOn);
  if (startsOn === undefined)
    errors.push({ path: 'startsOn', message: `Chưa nhập ${kind.startsOnLabel.toLowerCase()}.` });
  else if (isError(startsOn)) errors.push({ path: 'startsOn', message: startsOn.error });

  let endsOn: string | null = null;
  if (raw.endsOn !== undefined && raw.endsOn !== null && raw.endsOn !== '') {
    if (!kind.endsOnLabel) errors.push({ path: 'endsOn', message: 'Sổ này chỉ ghi một ngày.' });
    else {
      const d = checkDate(raw.endsOn);
      if (isError(d)) errors.push({ path: 'endsOn', message: d.error });
      else if (typeof startsOn === 'string' && d < startsOn)
        errors.push({
          path: 'endsOn',
          message: `${kind.endsOnLabel} không được trước ${kind.startsOnLabel.toLowerCase()}.`,
        });
      else endsOn = d;
    }
  } else if (kind.endsOnRequired)
    errors.push({
      path: 'endsOn',
      message: `Chưa nhập ${kind.endsOnLabel?.toLowerCase() ?? 'ngày kết thúc'}.`,
    });

  let sectionKey: string | null = null;
  if (kind.code === 'activity') {
    if (typeof raw.sectionKey !== 'string' || !raw.sectionKey)
      errors.push({ path: 'sectionKey', message: 'Chưa chọn lĩnh vực (mục của báo cáo).' });
    else if (sectionKeys && !sectionKeys.has(raw.sectionKey))
      errors.push({
        path: 'sectionKey',
        message: 'Lĩnh vực này không có trong đề cương báo cáo của đơn vị.',
      });
    else sectionKey = raw.sectionKey;
  }

  const data: LogbookData = {};
  const known = new Set(kind.fields.map((f) => f.key));
  for (const key of Object.keys(raw.data))
    if (!known.has(key)) errors.push({ path: `data.${key}`, message: `Sổ này không có trường "${key}".` });
  for (const field of kind.fields) {
    const value = checkFieldValue(field, raw.data[field.key]);
    if (isError(value)) errors.push({ path: `data.${field.key}`, message: `${field.label}: ${value.error}` });
    else if (value === undefined) {
      if (field.required)
        errors.push({ path: `data.${field.key}`, message: `Chưa nhập ${field.label.toLowerCase()}.` });
    } else data[field.key] = value;
  }

  if (errors.length || typeof startsOn !== 'string') return { ok: false, errors };
  return { ok: true, entry: { startsOn, endsOn, sectionKey, data } };
}

/** The record with its personal fields removed: what any other unit may read. */
export function withoutPersonalData<T extends { kind: string; data: LogbookData }>(record: T): T {
  const kind = logbookKind(record.kind);
  if (!kind) return record;
  const personal = kind.fields.filter((f) => f.personal);
  if (personal.length === 0) return record;
  const data = { ...record.data };
  for (const f of personal) delete data[f.key];
  return { ...record, data };
}
