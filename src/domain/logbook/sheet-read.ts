/**
 * Reading a sheet file (XLSX through exceljs, CSV through csv-parse) into rows of cells
 * (sheet.ts's SheetCell): formulas as their cached result, merged cells as the value of the
 * range's first cell, dates as ISO days, error values and formulas without a result as problems
 * of their cell. The header row is the first of the first rows that names most of the kind's
 * columns (a title or a blank line above it is skipped). No I/O: the file's bytes come in.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import type { LogbookKind } from './kinds.js';
import { headerScore, type SheetCell, type SheetRow } from './sheet.js';

/** The largest sheet accepted: rows after the header. */
export const MAX_SHEET_ROWS = 100_000;
/** Rows looked at for the header. */
const HEADER_SEARCH_ROWS = 20;

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetTable {
  format: SheetFormat;
  /** The sheet read (XLSX: the worksheet's name). */
  sheetName: string | null;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

export function sheetFormatOf(bytes: Uint8Array): SheetFormat | 'xls' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

const FORMULA_WITHOUT_RESULT =
  'Ô có công thức nhưng chưa có kết quả tính (hãy mở tệp bằng Excel, lưu lại rồi nhập lại).';

function utcDay(date: Date): string {
  // Excel stores a day as a fraction: round to the second before taking the day.
  const ms = Math.round(date.getTime() / 1000) * 1000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** An exceljs cell value as a SheetCell. */
export function excelValueToCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { problem: 'Ô ngày không hợp lệ.' } : { date: utcDay(value) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (result === undefined || result === null) return { problem: FORMULA_WITHOUT_RESULT };
      return excelValueToCell(result as ExcelJS.CellValue);
    }
    if ('error' in value) return { problem: `Ô có lỗi ${String((value as { error: string }).error)}.` };
    if ('richText' in value)
      return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') return text;
      if (text && typeof text === 'object' && 'richText' in text)
        return (text as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
    }
  }
  return { problem: 'Ô có nội dung không đọc được.' };
}

function cellHeader(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'date' in cell ? cell.date : '';
  return String(cell).trim();
}

function pickHeader(kind: LogbookKind, rows: SheetRow[]): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const score = headerScore(kind, (rows[i]?.cells ?? []).map(cellHeader));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  // Nothing recognised: the first row with something in it (the officer maps by hand).
  const first = rows.findIndex((r) => r.cells.some((c) => cellHeader(c) !== ''));
  return Math.max(first, 0);
}

function toTable(
  kind: LogbookKind,
  format: SheetFormat,
  sheetName: string | null,
  rows: SheetRow[],
): SheetTable {
  if (rows.length === 0) throw new AppError('VALIDATION', 'Tệp không có dòng dữ liệu nào.');
  const index = pickHeader(kind, rows);
  const header = rows[index] as SheetRow;
  const data = rows.slice(index + 1);
  if (data.length > MAX_SHEET_ROWS)
    throw new AppError(
      'VALIDATION',
      `Tệp có ${data.length.toLocaleString('vi-VN')} dòng, quá giới hạn ${MAX_SHEET_ROWS.toLocaleString('vi-VN')} dòng một lần nhập. Hãy chia tệp thành nhiều phần.`,
    );
  const width = Math.max(header.cells.length, ...data.slice(0, 1000).map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => cellHeader(header.cells[i] ?? null));
  return { format, sheetName, headerRow: header.row, headers, rows: data };
}

async function readXlsx(kind: LogbookKind, bytes: Uint8Array): Promise<SheetTable> {
  // exceljs is large: loaded on the first import, not at server start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    throw new AppError(
      'VALIDATION',
      'Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không phải tệp Excel.',
    );
  }
  // The first worksheet with rows in it.
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError('VALIDATION', 'Tệp Excel không có trang tính nào có dữ liệu.');
  const width = sheet.columnCount;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged range's other cells take the value of its first (top-left) cell.
      const source = cell.isMerged && cell.master ? cell.master : cell;
      cells.push(excelValueToCell(source.value));
    }
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    rows.push({ row: rowNumber, cells });
  });
  return toTable(kind, 'xlsx', sheet.name, rows);
}

/** UTF-8 (with or without BOM); else the Vietnamese Windows code page Excel uses for "CSV". */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1258').decode(bytes);
    } catch {
      throw new AppError('VALIDATION', 'Tệp CSV không đọc được: hãy lưu tệp với bảng mã UTF-8.');
    }
  }
}

function detectDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/, 5).join('\n');
  const counts = [';', ',', '\t'].map((d) => [d, firstLines.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ',';
}

function readCsv(kind: LogbookKind, bytes: Uint8Array): SheetTable {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000'))
    throw new AppError('VALIDATION', 'Tệp không phải tệp CSV (văn bản) hay Excel (.xlsx).');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError(
      'VALIDATION',
      `Tệp CSV sai định dạng${line ? ` ở dòng ${line}` : ''} (dấu ngoặc kép chưa đóng hoặc số cột lẫn lộn).`,
    );
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== ''))
      rows.push({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) });
  });
  return toTable(kind, 'csv', null, rows);
}

/** The file's rows, its header found. Refuses (400, in Vietnamese) what is not a readable sheet. */
export async function readSheet(kind: LogbookKind, bytes: Uint8Array): Promise<SheetTable> {
  if (bytes.byteLength === 0) throw new AppError('VALIDATION', 'Tệp rỗng.');
  const format = sheetFormatOf(bytes);
  if (format === 'xls')
    throw new AppError(
      'VALIDATION',
      'Tệp Excel 97–2003 (.xls) chưa đọc được. Hãy mở tệp trong Excel và lưu thành .xlsx (hoặc CSV UTF-8) rồi nhập lại.',
    );
  return format === 'xlsx' ? readXlsx(kind, bytes) : readCsv(kind, bytes);
}
