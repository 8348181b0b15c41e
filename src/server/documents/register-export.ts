/** The register of outgoing documents as a spreadsheet (Excel) or a CSV file that Excel opens. */
import type { RegisterEntryOut } from '../../domain/api-documents.js';
import { formatDateShort } from '../../domain/periods.js';

export const REGISTER_COLUMNS = [
  'Số, ký hiệu',
  'Ngày ban hành',
  'Loại',
  'Trích yếu',
  'Người ký',
  'Nơi nhận',
] as const;

const TYPE_NAMES: Record<string, string> = { BC: 'Báo cáo', KH: 'Kế hoạch', CV: 'Công văn' };

export function registerRow(e: RegisterEntryOut): string[] {
  const signer = e.signerTitle ? `${e.signerName} (${e.signerTitle})` : e.signerName;
  return [
    e.notation,
    formatDateShort(e.issuedOn),
    TYPE_NAMES[e.typeCode] ?? e.typeCode,
    e.subject,
    signer,
    e.recipients,
  ];
}

/** A cell that a spreadsheet would run as a formula ("=…") is written as text. */
function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** CSV with a byte-order mark and CRLF line ends: Excel then reads the Vietnamese correctly. */
export function registerCsv(entries: RegisterEntryOut[]): Uint8Array {
  const lines = [
    REGISTER_COLUMNS.map(csvCell).join(','),
    ...entries.map((e) => registerRow(e).map(csvCell).join(',')),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function registerXlsx(
  entries: RegisterEntryOut[],
  title: { unitName: string; year: number },
): Promise<Uint8Array> {
  // exceljs is large: loaded on the first export, not at server start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'doingoai';
  const sheet = book.addWorksheet(`Sổ văn bản đi ${title.year}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([`SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${title.year}`]).font = { bold: true, size: 14 };
  sheet.addRow([title.unitName]).font = { italic: true };
  sheet.addRow([]);
  const header = sheet.addRow([...REGISTER_COLUMNS]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const e of entries) {
    const row = sheet.addRow(registerRow(e));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  const widths = [16, 14, 12, 60, 30, 40];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
