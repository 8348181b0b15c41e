/**
 * A register as a sheet (issue 15, point 5): the columns of a kind, the mapping of a sheet's
 * columns to them (proposed from the header row, corrected by the officer), the conversion of a
 * cell to a field's value (Excel dates and "14/6/2026", "1.234" and "12,5", countries by any
 * spelling, choices by label or value), a row into a checked entry (`checkLogbookEntry`, the one
 * validation) and a record back into cells, in the same format, so that an export re-imports.
 * Pure: reading the file itself is sheet-read.ts.
 */
import { foldForSearch } from '../text.js';
import { type LogbookField, type LogbookKind, logbookKind } from './kinds.js';
import {
  checkLogbookEntry,
  type LogbookData,
  type LogbookEntryInput,
  type LogbookFieldError,
  type LogbookValue,
} from './record.js';

/** A cell as read from a file: plain values, a date cell, or a cell that holds no usable value. */
export type SheetCell = string | number | boolean | null | { date: string } | { problem: string };

/** What a sheet's column may be mapped to: the record's dates, its section, or one of its fields. */
export type SheetTarget = 'startsOn' | 'endsOn' | 'sectionKey' | `data.${string}`;

export interface SheetColumn {
  target: SheetTarget;
  label: string;
  /** The field behind `data.*` targets. */
  field?: LogbookField;
  required: boolean;
}

/** Column (0-based) → target, or null to leave the column out. */
export type SheetMapping = (SheetTarget | null)[];

export const SECTION_KEY_LABEL = 'Lĩnh vực (mã mục của báo cáo)';

/** The columns of a register's sheet, in the order of the export (and of the form). */
export function sheetColumns(kind: LogbookKind): SheetColumn[] {
  const columns: SheetColumn[] = [{ target: 'startsOn', label: kind.startsOnLabel, required: true }];
  if (kind.endsOnLabel)
    columns.push({ target: 'endsOn', label: kind.endsOnLabel, required: kind.endsOnRequired === true });
  if (kind.code === 'activity')
    columns.push({ target: 'sectionKey', label: SECTION_KEY_LABEL, required: true });
  for (const field of kind.fields)
    columns.push({
      target: `data.${field.key}`,
      label: field.label,
      field,
      required: field.required === true,
    });
  return columns;
}

/** Header text folded for comparison: no diacritics, no case, no punctuation, no "(…)" remark. */
function headerKey(text: string): string {
  return foldForSearch(text)
    .replace(/[*:]+/g, ' ')
    .replace(/[^\p{L}\p{N}()]+/gu, ' ')
    .trim();
}
const withoutRemark = (key: string) => key.replace(/\s*\([^)]*\)\s*/g, ' ').trim();

/** The spellings a header may use for a column: its label (with or without its remark) and its key. */
function columnKeys(column: SheetColumn): string[] {
  const label = headerKey(column.label);
  const keys = [label, withoutRemark(label), headerKey(column.target.replace(/^data\./, ''))];
  if (column.target === 'sectionKey') keys.push('linh vuc', 'muc bao cao', 'section key');
  return [...new Set(keys.filter(Boolean))];
}

/** The proposed mapping of a header row: each column to the target whose label it spells; each target once. */
export function proposeMapping(kind: LogbookKind, headers: readonly string[]): SheetMapping {
  const columns = sheetColumns(kind);
  const taken = new Set<SheetTarget>();
  return headers.map((header) => {
    const key = headerKey(header ?? '');
    if (!key) return null;
    const plain = withoutRemark(key);
    const column = columns.find(
      (c) => !taken.has(c.target) && columnKeys(c).some((k) => k === key || k === plain),
    );
    if (!column) return null;
    taken.add(column.target);
    return column.target;
  });
}

/** How many of the cells name a column of the kind (to find the header row under a title). */
export function headerScore(kind: LogbookKind, cells: readonly string[]): number {
  return proposeMapping(kind, cells).filter((t) => t !== null).length;
}

/** A mapping's problems: unknown targets, a target twice, required columns missing. */
export function checkMapping(kind: LogbookKind, mapping: SheetMapping): string[] {
  const columns = sheetColumns(kind);
  const problems: string[] = [];
  const seen = new Set<SheetTarget>();
  for (const target of mapping) {
    if (target === null) continue;
    const column = columns.find((c) => c.target === target);
    if (!column) problems.push(`Sổ này không có cột "${target}".`);
    else if (seen.has(target)) problems.push(`Cột "${column.label}" được chọn cho hai cột của tệp.`);
    seen.add(target);
  }
  for (const column of columns)
    if (column.required && !seen.has(column.target))
      problems.push(`Chưa chọn cột của tệp cho "${column.label}" (bắt buộc).`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Cells → values

type Converted<T> = T | { error: string } | undefined;
const isError = (v: unknown): v is { error: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v;

const pad = (n: number) => String(n).padStart(2, '0');

function isoFrom(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** An Excel serial day (1900 system) as an ISO date. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** "14/06/2026", "4/6/2026", "14.06.2026", "14-6-2026", "2026-06-14", an Excel date or serial. */
export function cellToIsoDate(cell: SheetCell): Converted<string> {
  if (cell === null || cell === '') return undefined;
  if (typeof cell === 'object' && 'date' in cell) return cell.date;
  if (typeof cell === 'object') return { error: cell.problem };
  if (typeof cell === 'number') {
    if (cell >= 1 && cell < 2958466) return excelSerialToIso(cell);
    return { error: `“${cell}” không phải là ngày.` };
  }
  const text = String(cell).trim();
  if (!text) return undefined;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const iso = isoFrom(Number(match[3]), Number(match[2]), Number(match[1]));
    return iso ?? { error: `Không có ngày “${text}” (ngày/tháng/năm).` };
  }
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\S*)?$/.exec(text);
  if (match) {
    const iso = isoFrom(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso ?? { error: `Không có ngày “${text}”.` };
  }
  return {
    error: `Ngày “${text}” không đúng dạng: cần ngày/tháng/năm (ví dụ 14/06/2026) hoặc năm-tháng-ngày (2026-06-14).`,
  };
}

/** A number written the Vietnamese way ("1.234", "12,5", "1.234.567,25"), or plainly ("12.5", "1234"). */
export function parseVietnameseNumber(text: string): number | null {
  const t = text.replace(/[\s\u00A0]+/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  // Dots as thousands separators, an optional decimal comma: "1.234", "1.234.567,5".
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replaceAll('.', '').replace(',', '.'));
  // A decimal comma: "12,5".
  if (/^\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  // Commas as thousands separators (two groups or more: "1,234,567"), an optional decimal point.
  if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(t)) return Number(t.replaceAll(',', ''));
  // A decimal point not followed by exactly three digits: "12.5", "0.25".
  if (/^\d+\.(\d{1,2}|\d{4,})$/.test(t)) return Number(t);
  return null;
}

const MONEY_SUFFIXES = ['đồng', 'vnđ', 'vnd', 'đ'];

function cellToNumber(cell: SheetCell, field: LogbookField | undefined): Converted<number> {
  if (cell === null || cell === '') return undefined;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return { error: 'Cần một số.' };
  if (typeof cell === 'object')
    return 'problem' in cell ? { error: cell.problem } : { error: 'Cần một số, không phải ngày.' };
  let text = cell.trim();
  if (!text) return undefined;
  const suffixes = [...(field?.unit ? [field.unit] : []), ...MONEY_SUFFIXES];
  for (const suffix of suffixes)
    if (text.toLowerCase().endsWith(suffix)) {
      text = text.slice(0, text.length - suffix.length).trim();
      break;
    }
  if (text.startsWith('-')) return { error: `“${cell.trim()}”: không được là số âm.` };
  const n = parseVietnameseNumber(text);
  if (n === null) return { error: `“${cell.trim()}” không phải là số (viết như 1.234 hoặc 12,5).` };
  return n;
}

/** A cell as text: numbers as written in Vietnamese, dates as dd/mm/yyyy. */
function cellToText(cell: SheetCell): Converted<string> {
  if (cell === null) return undefined;
  if (typeof cell === 'string') return cell.trim() ? cell : undefined;
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
  if ('date' in cell) return isoToVietnamese(cell.date);
  return { error: cell.problem };
}

/** Several names in one cell: "Hàn Quốc; Nhật Bản", "Hàn Quốc, Nhật Bản", one per line. */
function splitList(text: string): string[] {
  return text
    .split(/[;,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "Hàn Quốc: 3; Nhật Bản: 2", "Hàn Quốc (3), Nhật Bản (2)", "Hàn Quốc 3". */
function parseNationalities(text: string): Converted<{ country: string; count: number }[]> {
  const parts: { country: string; count: number }[] = [];
  for (const part of splitList(text)) {
    const match = /^(.*?)[\s:=–-]*\(?\s*(\d[\d.]*)\s*(?:người)?\s*\)?$/u.exec(part);
    const country = match?.[1]?.trim();
    const count = match?.[2] ? parseVietnameseNumber(match[2]) : null;
    if (!country || count === null)
      return {
        error: `“${part}”: ghi quốc tịch kèm số người, ví dụ “Hàn Quốc: 3; Nhật Bản: 2”.`,
      };
    parts.push({ country, count });
  }
  return parts.length ? parts : undefined;
}

/** "12/QĐ-UBND ngày 03/3/2026", "12/QĐ-UBND, 03/03/2026", "12/QĐ-UBND". */
function parseDocument(text: string): Converted<{ notation: string; date?: string }> {
  const t = text.trim();
  if (!t) return undefined;
  const match =
    /^(.*?)(?:\s*,\s*|\s+)(?:ng[aà]y\s+)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})$/iu.exec(t);
  if (!match?.[1] || !match[2]) return { notation: t };
  const date = cellToIsoDate(match[2]);
  if (isError(date)) return date;
  return date ? { notation: match[1].replace(/[,\s]+$/, ''), date } : { notation: match[1] };
}

function choiceValue(field: LogbookField, text: string): string {
  const key = headerKey(text);
  const option =
    field.options?.find((o) => o.value === text.trim()) ??
    field.options?.find((o) => headerKey(o.label) === key || headerKey(o.value) === key) ??
    field.options?.find((o) => withoutRemark(headerKey(o.label)) === withoutRemark(key));
  return option?.value ?? text.trim();
}

/**
 * A cell as the raw value of a field (what `checkFieldValue` then checks): undefined when empty,
 * `{ error }` when the cell itself cannot be read as the field's type.
 */
export function cellToFieldValue(field: LogbookField, cell: SheetCell): Converted<LogbookValue> {
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return cellToNumber(cell, field);
    case 'date':
      return cellToIsoDate(cell);
    default: {
      const text = cellToText(cell);
      if (text === undefined || isError(text)) return text;
      switch (field.type) {
        case 'countries':
          return splitList(text);
        case 'nationalities':
          return parseNationalities(text);
        case 'choice':
          return choiceValue(field, text);
        case 'document':
          return parseDocument(text);
        default:
          return text;
      }
    }
  }
}

export interface SheetRow {
  /** The row's number in the file (as Excel shows it). */
  row: number;
  cells: SheetCell[];
}

export type RowResult =
  | { ok: true; row: number; entry: LogbookEntryInput }
  | { ok: false; row: number; reasons: LogbookFieldError[] };

const isEmptyCell = (c: SheetCell) => c === null || (typeof c === 'string' && c.trim() === '');

/** True when the row holds nothing in the mapped columns (skipped, not refused). */
export function isEmptyRow(row: SheetRow, mapping: SheetMapping): boolean {
  return mapping.every((target, i) => target === null || isEmptyCell(row.cells[i] ?? null));
}

const COLUMNS = new WeakMap<LogbookKind, Map<SheetTarget, SheetColumn>>();
function columnsByTarget(kind: LogbookKind): Map<SheetTarget, SheetColumn> {
  let map = COLUMNS.get(kind);
  if (!map) {
    map = new Map(sheetColumns(kind).map((c) => [c.target, c]));
    COLUMNS.set(kind, map);
  }
  return map;
}

/** One row of the sheet as a checked entry, or its reasons for refusal (in Vietnamese, by field). */
export function rowToEntry(
  kind: LogbookKind,
  mapping: SheetMapping,
  row: SheetRow,
  sectionKeys?: ReadonlySet<string>,
): RowResult {
  const columns = columnsByTarget(kind);
  const cellErrors: LogbookFieldError[] = [];
  // startsOn is always present ('' when not given): checkLogbookEntry then names it as missing.
  const input: { startsOn: unknown; endsOn?: unknown; sectionKey?: unknown; data: LogbookData } = {
    startsOn: '',
    data: {},
  };
  mapping.forEach((target, i) => {
    if (target === null) return;
    const column = columns.get(target);
    if (!column) return;
    const cell = row.cells[i] ?? null;
    if (target === 'startsOn' || target === 'endsOn') {
      const date = cellToIsoDate(cell);
      if (isError(date)) cellErrors.push({ path: target, message: `${column.label}: ${date.error}` });
      else if (date) input[target] = date;
    } else if (target === 'sectionKey') {
      const text = cellToText(cell);
      if (isError(text)) cellErrors.push({ path: target, message: `${column.label}: ${text.error}` });
      else if (text) input.sectionKey = text.trim();
    } else if (column.field) {
      const value = cellToFieldValue(column.field, cell);
      if (isError(value)) cellErrors.push({ path: target, message: `${column.label}: ${value.error}` });
      else if (value !== undefined) input.data[column.field.key] = value;
    }
  });
  const checked = checkLogbookEntry(kind, input, sectionKeys);
  const failed = new Set(cellErrors.map((e) => e.path));
  if (checked.ok && cellErrors.length === 0) return { ok: true, row: row.row, entry: checked.entry };
  const reasons = [...cellErrors, ...(checked.ok ? [] : checked.errors.filter((e) => !failed.has(e.path)))];
  return { ok: false, row: row.row, reasons };
}

// ---------------------------------------------------------------------------------------------
// Records → cells (export), in the format the import reads

export function isoToVietnamese(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A number as Vietnamese text for a CSV cell: decimal comma, no thousands separator ("1234,5"). */
export function numberToCsv(n: number): string {
  return String(n).replace('.', ',');
}

export type ExportCell = string | number | { date: string } | null;

/** A field's stored value as an export cell. */
export function fieldToCell(field: LogbookField, value: LogbookValue | undefined): ExportCell {
  if (value === undefined || value === null) return null;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return typeof value === 'number' ? value : null;
    case 'date':
      return typeof value === 'string' ? { date: value } : null;
    case 'countries':
      return Array.isArray(value) ? (value as string[]).join('; ') : null;
    case 'nationalities':
      return Array.isArray(value)
        ? (value as { country: string; count: number }[]).map((p) => `${p.country}: ${p.count}`).join('; ')
        : null;
    case 'choice':
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'document': {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      const doc = value as { notation: string; date?: string };
      return doc.date ? `${doc.notation} ngày ${isoToVietnamese(doc.date)}` : doc.notation;
    }
    default:
      return typeof value === 'string' ? value : null;
  }
}

export interface ExportableRecord {
  startsOn: string;
  endsOn: string | null;
  sectionKey: string | null;
  data: LogbookData;
}

/** The export's columns: every column of the kind, personal fields only when `personal`. */
export function exportColumns(kind: LogbookKind, personal: boolean): SheetColumn[] {
  return sheetColumns(kind).filter((c) => personal || !c.field?.personal);
}

/** A record as the cells of `columns`. */
export function recordToCells(columns: readonly SheetColumn[], record: ExportableRecord): ExportCell[] {
  return columns.map((column) => {
    if (column.target === 'startsOn') return { date: record.startsOn };
    if (column.target === 'endsOn') return record.endsOn ? { date: record.endsOn } : null;
    if (column.target === 'sectionKey') return record.sectionKey;
    return column.field ? fieldToCell(column.field, record.data[column.field.key]) : null;
  });
}

/** A cell as CSV text (dates dd/mm/yyyy, numbers with a decimal comma). */
export function exportCellToText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberToCsv(cell);
  if (typeof cell === 'object') return isoToVietnamese(cell.date);
  return cell;
}

export function kindOrThrow(code: string): LogbookKind {
  const kind = logbookKind(code);
  if (!kind) throw new Error(`unknown logbook kind ${code}`);
  return kind;
}

export interface CheckedRows {
  accepted: { row: number; entry: LogbookEntryInput }[];
  refused: { row: number; reasons: LogbookFieldError[] }[];
  /** Rows with nothing in the mapped columns: skipped. */
  empty: number;
}

/** Every row checked: the entries to create and the refused rows with their reasons. */
export function checkRows(
  kind: LogbookKind,
  mapping: SheetMapping,
  rows: readonly SheetRow[],
  sectionKeys?: ReadonlySet<string>,
  onProgress?: (done: number) => void,
): CheckedRows {
  const out: CheckedRows = { accepted: [], refused: [], empty: 0 };
  rows.forEach((row, i) => {
    if (isEmptyRow(row, mapping)) out.empty++;
    else {
      const result = rowToEntry(kind, mapping, row, sectionKeys);
      if (result.ok) out.accepted.push({ row: result.row, entry: result.entry });
      else out.refused.push({ row: result.row, reasons: result.reasons });
    }
    if (onProgress && (i + 1) % 5000 === 0) onProgress(i + 1);
  });
  return out;
}
