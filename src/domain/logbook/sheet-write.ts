/**
 * A register written as a file (XLSX through exceljs, CSV as UTF-8 with a BOM so that Excel reads
 * the diacritics), with the columns the import reads: an export re-imports as it is.
 */
import type { LogbookKind } from './kinds.js';
import {
  type ExportableRecord,
  type ExportCell,
  exportCellToText,
  recordToCells,
  type SheetColumn,
} from './sheet.js';

function csvField(text: string): string {
  return /[",;\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV: comma-separated, dates dd/mm/yyyy, decimal commas (quoted), a BOM for Excel. */
export function registerCsv(
  columns: readonly SheetColumn[],
  records: Iterable<ExportableRecord>,
): Uint8Array {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const record of records)
    lines.push(
      recordToCells(columns, record)
        .map((cell) => csvField(exportCellToText(cell)))
        .join(','),
    );
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

function xlsxValue(cell: ExportCell): string | number | Date | null {
  if (cell === null || typeof cell !== 'object') return cell;
  return new Date(`${cell.date}T00:00:00Z`);
}

/** XLSX: one sheet named after the register, a bold frozen header, dates as Excel dates. */
export async function registerXlsx(
  kind: LogbookKind,
  columns: readonly SheetColumn[],
  records: Iterable<ExportableRecord>,
  title: string,
): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'doingoai';
  book.title = title;
  // Sheet names: at most 31 characters, none of []:*?/\
  const sheet = book.addWorksheet(kind.shortName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({
    header: c.label,
    width: c.field?.type === 'text' ? 60 : c.target === 'startsOn' || c.target === 'endsOn' ? 13 : 24,
    style:
      c.target === 'startsOn' || c.target === 'endsOn' || c.field?.type === 'date'
        ? { numFmt: 'dd/mm/yyyy' }
        : c.field?.type === 'text'
          ? { alignment: { wrapText: true, vertical: 'top' } }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(recordToCells(columns, record).map(xlsxValue));
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
