/**
 * Numbers of outgoing documents (Nghị định 30/2020, Điều 15 and Phụ lục I §II.3): one series per
 * unit and calendar year, restarting at 01 on 1 January; the head of the unit chooses one series for
 * all document types or one per type. Pure: the counter itself lives in the database (db/register.ts).
 */
import type { DocumentTypeCode } from './document.js';
import { padDocNumber } from './document-format.js';
import type { IsoDate } from './periods.js';
import { asciiSlug } from './text.js';

export const NUMBERING_SCHEME_VALUES = ['single', 'per_type'] as const;
export type NumberingScheme = (typeof NUMBERING_SCHEME_VALUES)[number];

export const NUMBERING_SCHEME_LABELS: Record<NumberingScheme, string> = {
  single: 'Một dãy số chung cho mọi loại văn bản',
  per_type: 'Mỗi loại văn bản một dãy số riêng',
};

/** The series name of the single scheme. */
export const SINGLE_SERIES = 'all';

/** The largest number the register gives (the report JSON accepts up to this too). */
export const MAX_DOCUMENT_NUMBER = 99_999;

/** The series a document takes its number from: "all", or its type code ("BC", "KH", "CV"). */
export function seriesFor(scheme: NumberingScheme, typeCode: string): string {
  return scheme === 'single' ? SINGLE_SERIES : typeCode;
}

/** The register year of a document: the calendar year of its date of issue (a Vietnam date). */
export function registerYear(issuedOn: IsoDate): number {
  const year = Number(issuedOn.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn) || !Number.isInteger(year)) {
    throw new RangeError(`Ngày ban hành không hợp lệ: ${issuedOn}`);
  }
  return year;
}

/** Numbers below 10 take a leading zero (Nghị định 30/2020): one rule, in document-format.ts. */
export { padDocNumber as padNumber };

/** "05/KH-UBND", "297/BC-UBND". */
export function notation(number: number, symbol: string): string {
  return `${padDocNumber(number)}/${symbol}`;
}

/**
 * The symbol after the slash: type abbreviation and issuer ("BC-UBND", "KH-UBND"). A công văn has
 * no type abbreviation: issuer and drafting unit ("UBND-VP").
 */
export function documentSymbol(typeCode: DocumentTypeCode, unitSymbol: string, draftingCode = 'VP'): string {
  return typeCode === 'CV' ? `${unitSymbol}-${draftingCode}` : `${typeCode}-${unitSymbol}`;
}

/** "297/BC-UBND" → { number: 297, symbol: "BC-UBND" }; null when the text is not a notation. */
export function parseNotation(text: string): { number: number; symbol: string } | null {
  const match = /^\s*(\d{1,5})\s*\/\s*([\p{L}\d]+(?:-[\p{L}\d]+)*)\s*$/u.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const number = Number(match[1]);
  if (number < 1) return null;
  return { number, symbol: match[2] };
}

/**
 * File name of a document download, ASCII only: "BC-297-UBND-2026.docx"; a draft without a number:
 * "BC-UBND-du-thao-2026.docx". The type comes first so the files of one kind sort together.
 */
export function documentFileName(
  number: number | null,
  symbol: string,
  year: number,
  extension: 'docx' | 'pdf',
): string {
  const [first = 'VB', ...rest] = symbol.split('-');
  const type = asciiSlug(first) || 'VB';
  const issuer = rest.map(asciiSlug).filter(Boolean).join('-');
  const middle = number === null ? [issuer, 'du-thao'] : [padDocNumber(number), issuer];
  const parts = [type, ...middle.filter(Boolean), String(year)];
  return `${parts.join('-')}.${extension}`;
}

/** The Vietnamese message when a manually chosen number is already in the register. */
export function numberTakenMessage(number: number, symbol: string, year: number): string {
  return `Số ${notation(number, symbol)} đã được dùng trong sổ văn bản đi năm ${year}. Hãy để hệ thống tự cấp số hoặc chọn số khác.`;
}
