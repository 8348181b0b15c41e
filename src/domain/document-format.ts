/**
 * The fixed wording of an official document's number, date and recipient lines (Nghị định
 * 30/2020, Phụ lục I §II.3, §II.4 and §II.9). Pure: the DOCX renderer, the preview and the layout
 * checker all print these lines through here, so they agree character for character.
 */
import type { OfficialDocument } from './document.js';
import { AppError } from './errors.js';
import type { IsoDate } from './periods.js';
import { upperVi } from './text.js';

/** The blank left for the number of a draft: "Số:      /BC-UBND" (filled in after signing). */
export const DRAFT_NUMBER_BLANK = ' '.repeat(6);
/** The blank left for the day (and month, year when unknown) of a draft's date line. */
export const DRAFT_DATE_BLANK = ' '.repeat(5);

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: field, message }]);
}

/** Numbers below 10 take a leading zero: 5 → "05", 297 → "297" (Phụ lục I §II.3.a). */
export function padDocNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw invalid('number', `Số văn bản phải là số nguyên dương (đang là "${n}").`);
  }
  return n < 10 ? `0${n}` : String(n);
}

/** "Số: 297/BC-UBND", "Số: 05/KH-UBND"; a draft without a number: "Số:      /BC-UBND". */
export function documentNumberText(number: number | null, symbol: string): string {
  const sym = symbol.trim();
  if (!sym) throw invalid('symbol', 'Thiếu ký hiệu văn bản (phần sau dấu "/", ví dụ BC-UBND).');
  if (/[\s/]/.test(sym)) {
    throw invalid('symbol', `Ký hiệu văn bản "${sym}" không được có khoảng trắng hay dấu "/".`);
  }
  return number === null ? `Số:${DRAFT_NUMBER_BLANK}/${sym}` : `Số: ${padDocNumber(number)}/${sym}`;
}

/** Day: leading zero below 10. */
export function dayText(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

/** Month: leading zero for January and February only ("tháng 01", "tháng 02", "tháng 6"). */
export function monthText(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** A checked calendar date from "YYYY-MM-DD"; a clear Vietnamese error naming the field otherwise. */
export function parseIsoDate(
  value: IsoDate,
  field = 'issuedOn',
): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (!match || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || year < 1900) {
    throw invalid(field, `Ngày "${value}" không hợp lệ (cần một ngày có thật, dạng NNNN-TT-NN).`);
  }
  return { year, month, day };
}

function checkMonth(month: number, year: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalid('draftMonth.month', `Tháng "${month}" không hợp lệ (từ 1 đến 12).`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw invalid('draftMonth.year', `Năm "${year}" không hợp lệ.`);
  }
}

/**
 * "Lạc Phượng, ngày 12 tháng 6 năm 2026", "Hà Nội, ngày 05 tháng 01 năm 2026"; a draft:
 * "Lạc Phượng, ngày      tháng 6 năm 2026" (the day is written in after signing).
 */
export function documentDateLine(
  place: string,
  issuedOn: IsoDate | null,
  draftMonth?: { month: number; year: number },
): string {
  const where = place.trim();
  if (!where) throw invalid('place', 'Thiếu địa danh của dòng ngày tháng (ví dụ: Lạc Phượng).');
  if (issuedOn !== null) {
    const { year, month, day } = parseIsoDate(issuedOn);
    return `${where}, ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
  }
  const b = DRAFT_DATE_BLANK;
  if (!draftMonth) return `${where}, ngày ${b}tháng ${b}năm ${b}`;
  checkMonth(draftMonth.month, draftMonth.year);
  return `${where}, ngày ${b}tháng ${monthText(draftMonth.month)} năm ${draftMonth.year}`;
}

/** The short date documents cite: "12/6/2026", "05/01/2026", "08/8/2018". */
export function shortDate(issuedOn: IsoDate): string {
  const { year, month, day } = parseIsoDate(issuedOn);
  return `${dayText(day)}/${monthText(month)}/${year}`;
}

/** One entry without the list punctuation a user may have typed: "- Như trên;" → "Như trên". */
function bareEntry(entry: string): string {
  return entry
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-–•+]\s*/, '')
    .replace(/[;.,]+$/, '')
    .trim();
}

/**
 * A recipient list as printed: each line "- …;", the last one "- ….". Used for "Nơi nhận:" (whose
 * last line is the archive line "- Lưu: VT, VP.") and for several "Kính gửi:" recipients.
 * Empty entries are dropped.
 */
export function recipientLines(list: readonly string[]): string[] {
  const entries = list.map(bareEntry).filter((e) => e.length > 0);
  return entries.map((e, i) => `- ${e}${i === entries.length - 1 ? '.' : ';'}`);
}

/** The "Nơi nhận:" lines: "- Như trên;" … "- Lưu: VT, VP.". */
export function noiNhanLines(list: readonly string[]): string[] {
  return recipientLines(list);
}

/**
 * The "Kính gửi:" block (Phụ lục I §II.9.a): one recipient on the same line, without list
 * punctuation ("Kính gửi: Sở Ngoại vụ tỉnh Hà Tĩnh"); several as "- …;" lines under it, the last "."
 */
export function kinhGuiLines(list: readonly string[]): { first: string; rest: string[] } {
  const entries = list.map(bareEntry).filter((e) => e.length > 0);
  if (entries.length === 0) return { first: '', rest: [] };
  if (entries.length === 1) return { first: `Kính gửi: ${entries[0]}`, rest: [] };
  return { first: 'Kính gửi:', rest: recipientLines(entries) };
}

const TYPE_WORDS: Record<OfficialDocument['type'], string> = {
  BC: 'Báo cáo',
  KH: 'Kế hoạch',
  CV: 'Công văn',
};

/** How the leading words of an upper-case header line are written inside a sentence. */
const AGENCY_PHRASES: [RegExp, string][] = [
  [/^ỦY BAN NHÂN DÂN(?=\s|$)/u, 'UBND'],
  [/^UBND(?=\s|$)/u, 'UBND'],
  [/^HỘI ĐỒNG NHÂN DÂN(?=\s|$)/u, 'HĐND'],
  [/^SỞ NGOẠI VỤ(?=\s|$)/u, 'Sở Ngoại vụ'],
  [/^VĂN PHÒNG(?=\s|$)/u, 'Văn phòng'],
  [/^(XÃ|PHƯỜNG|TỈNH|THÀNH PHỐ|ĐẶC KHU)(?=\s|$)/u, ''],
];

function titleCaseVi(words: string): string {
  return words
    .toLowerCase()
    .split(' ')
    .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** "ỦY BAN NHÂN DÂN" + "XÃ LẠC PHƯỢNG" → "UBND xã Lạc Phượng"; "SỞ NGOẠI VỤ" → "Sở Ngoại vụ". */
export function issuerInSentence(issuerHeader: readonly string[]): string {
  const parts: string[] = [];
  for (const raw of issuerHeader) {
    let line = upperVi(raw.trim());
    while (line) {
      const hit = AGENCY_PHRASES.find(([re]) => re.test(line));
      if (!hit) {
        parts.push(titleCaseVi(line));
        break;
      }
      const matched = (hit[0].exec(line) as RegExpExecArray)[0];
      parts.push(hit[1] || matched.toLowerCase());
      line = line.slice(matched.length).trim();
    }
  }
  return parts.join(' ');
}

/**
 * The italic note under an appendix title:
 * "(Kèm theo Báo cáo số 297/BC-UBND ngày 12/6/2026 của UBND xã Lạc Phượng)"; a draft keeps blanks.
 */
export function appendixNote(doc: OfficialDocument): string {
  const number = doc.number === null ? DRAFT_NUMBER_BLANK : padDocNumber(doc.number);
  let date: string;
  if (doc.issuedOn) date = shortDate(doc.issuedOn);
  else if (doc.draftMonth)
    date = `${DRAFT_DATE_BLANK}/${monthText(doc.draftMonth.month)}/${doc.draftMonth.year}`;
  else date = `${DRAFT_DATE_BLANK}/${DRAFT_DATE_BLANK}/${DRAFT_DATE_BLANK}`;
  const issuer = doc.issuerName?.trim() || issuerInSentence(doc.issuerHeader);
  return `(Kèm theo ${TYPE_WORDS[doc.type]} số ${number}/${doc.symbol.trim()} ngày ${date} của ${issuer})`;
}
