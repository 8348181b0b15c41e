/**
 * Checks of the header table (ô 1–4): borderless, two columns; Quốc hiệu, Tiêu ngữ and its full
 * rule; issuer upper case, bold, with a short rule; "Số:" format; the italic place and date line.
 */
import { checkElement, type Problems, quote } from './check-util.js';
import type { Block, Para, Tbl } from './docx-read.js';
import { flatten } from './docx-read.js';
import { QUOC_HIEU, TIEU_NGU } from './layout.js';
import { textWidthPt } from './metrics.js';

/** "Số: 297/BC-UBND", "Số: 05/KH-UBND", a draft "Số:      /BC-UBND". */
export const NUMBER_PATTERN = /^Số: (\d{2,}|\s+)\/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐa-z]+)*$/u;

/** "Lạc Phượng, ngày 12 tháng 6 năm 2026"; blanks allowed for a draft. */
export const DATE_PATTERN =
  /^[^,]+, ngày (0[1-9]|[12]\d|3[01]|\s+) tháng (0[12]|[3-9]|1[0-2]|\s+) năm( \d{4}|\s*)$/u;

const WHERE = 'tiêu đề văn bản';

function norm(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Is a rule drawn right after paragraph `i` (a bordered empty paragraph) or on it, or as a shape? */
function ruleAfter(paras: Para[], i: number): boolean {
  const next = paras[i + 1];
  if (next && next.text.trim() === '' && (next.borderTop || next.borderBottom || next.hasDrawing))
    return true;
  return !!paras[i]?.borderBottom || !!paras[i]?.hasDrawing;
}

/** Length of a rule drawn as a paragraph border (between its indents); undefined for shapes. */
function ruleLengthPt(next: Para | undefined, cellWidthPt: number): number | undefined {
  if (next?.text.trim() !== '' || !(next.borderTop || next.borderBottom) || cellWidthPt <= 0)
    return undefined;
  return cellWidthPt - (next.indent.left + next.indent.right) / 20;
}

function checkMotto(paras: Para[], cellWidthPt: number, out: Problems): void {
  const qh = paras.findIndex((p) => norm(p.text).toUpperCase() === QUOC_HIEU);
  if (qh < 0) {
    out.add('motto', `Thiếu Quốc hiệu "${QUOC_HIEU}" ở góc trên bên phải trang đầu.`, WHERE);
  } else {
    checkElement(paras[qh] as Para, 'quocHieu', out, { bold: true, italic: false, upper: true });
  }
  const tn = paras.findIndex((p) => norm(p.text).replace(/\s*[-–]\s*/g, ' - ') === TIEU_NGU);
  if (tn < 0) {
    out.add('motto', `Thiếu Tiêu ngữ "${TIEU_NGU}" dưới Quốc hiệu.`, WHERE);
    return;
  }
  const tieuNgu = paras[tn] as Para;
  checkElement(tieuNgu, 'tieuNgu', out, { bold: true, italic: false });
  if (!ruleAfter(paras, tn)) {
    out.add('motto_rule', 'Thiếu đường kẻ liền dưới Tiêu ngữ (dài bằng dòng chữ).', WHERE);
    return;
  }
  const length = ruleLengthPt(paras[tn + 1], cellWidthPt);
  const size = tieuNgu.runs.find((r) => r.text.trim())?.size ?? 14;
  const text = textWidthPt(TIEU_NGU, size, { bold: true });
  if (length !== undefined && Math.abs(length - text) > text * 0.15) {
    out.add('motto_rule', 'Đường kẻ dưới Tiêu ngữ phải dài bằng dòng chữ Tiêu ngữ.', WHERE);
  }
}

function checkIssuer(paras: Para[], cellWidthPt: number, out: Problems): void {
  const bold = paras
    .map((p, i) => ({ p, i }))
    .filter(
      ({ p }) =>
        p.text.trim() && !/^Số\s*:/u.test(norm(p.text)) && p.runs.some((r) => r.text.trim() && r.bold),
    );
  if (bold.length === 0) {
    out.add('issuer', 'Thiếu tên cơ quan ban hành (chữ in hoa, đậm) ở góc trên bên trái.', WHERE);
    return;
  }
  for (const { p } of bold) checkElement(p, 'issuerHeader', out, { bold: true, upper: true });
  const lastIssuer = bold.at(-1) as { p: Para; i: number };
  for (const p of paras.slice(0, bold[0]?.i ?? 0).filter((x) => x.text.trim())) {
    checkElement(p, 'parentHeader', out, { upper: true });
  }
  if (!ruleAfter(paras, lastIssuer.i)) {
    out.add('issuer_rule', 'Thiếu đường kẻ ngắn dưới tên cơ quan ban hành.', WHERE);
    return;
  }
  const length = ruleLengthPt(paras[lastIssuer.i + 1], cellWidthPt);
  const size = lastIssuer.p.runs.find((r) => r.text.trim())?.size ?? 13;
  const widest = Math.max(
    ...bold.map(({ p }) => Math.min(textWidthPt(norm(p.text), size, { bold: true }), cellWidthPt)),
  );
  if (length !== undefined && (length < widest / 3 - 6 || length > widest / 2 + 6)) {
    out.add('issuer_rule', 'Đường kẻ dưới tên cơ quan ban hành phải dài từ 1/3 đến 1/2 dòng chữ.', WHERE);
  }
}

/** Returns true when the number is left blank (a draft). */
function checkNumber(paras: Para[], out: Problems): boolean {
  const number = paras.find((p) => /^Số\s*:/u.test(p.text.normalize('NFC').trim()));
  if (!number) {
    out.add('number_format', 'Thiếu dòng "Số: …/…" dưới tên cơ quan ban hành.', WHERE);
    return false;
  }
  const text = number.text.normalize('NFC').trim();
  if (!NUMBER_PATTERN.test(text)) {
    const small = /^Số:\s*(\d)\//u.test(text);
    out.add(
      'number_format',
      small
        ? `Số văn bản dưới 10 phải có số 0 đứng trước (ví dụ "Số: 05/KH-UBND"); đang là "${text}".`
        : `Số, ký hiệu phải có dạng "Số: 297/BC-UBND"; đang là "${text}".`,
      quote(text),
    );
  }
  checkElement(number, 'number', out, { bold: false, italic: false });
  return /^Số:\s+\//u.test(text);
}

function checkDate(paras: Para[], out: Problems): void {
  const date = paras.find((p) => /ngày.*tháng.*năm/u.test(p.text.normalize('NFC')));
  if (!date) {
    out.add('date_format', 'Thiếu dòng địa danh, ngày tháng năm ban hành.', WHERE);
    return;
  }
  const text = date.text.normalize('NFC').trim();
  if (!DATE_PATTERN.test(text)) {
    out.add(
      'date_format',
      `Ngày tháng phải viết đủ, ngày dưới 10 và tháng 1, 2 có số 0 đứng trước (ví dụ "Hà Nội, ngày 05 tháng 01 năm 2026", "ngày 12 tháng 6"); đang là "${text}".`,
      quote(text),
    );
  }
  checkElement(date, 'dateLine', out, { italic: true });
}

/** Checks the header table; returns true when the document is a draft (blank number). */
export function checkHeaderTable(first: Block | undefined, out: Problems): boolean {
  if (first?.kind !== 'tbl') {
    out.add(
      'header_table',
      'Đầu văn bản phải là bảng hai cột không viền (tên cơ quan | Quốc hiệu, Tiêu ngữ).',
      WHERE,
    );
    return false;
  }
  const table: Tbl = first;
  const cols = Math.max(table.columns, ...table.rows.map((r) => r.length));
  if (cols !== 2) out.add('header_table', `Bảng tiêu đề phải có 2 cột (đang có ${cols}).`, WHERE);
  if (table.visibleBorders || table.rows.some((r) => r.some((c) => c.visibleBorders))) {
    out.add('header_table', 'Bảng tiêu đề không được có đường viền.', WHERE);
  }
  const left = table.rows.flatMap((r) => (r[0] ? flatten(r[0].blocks) : []));
  const right = table.rows.flatMap((r) => (r.length > 1 ? flatten(r.slice(1).flatMap((c) => c.blocks)) : []));
  const textWidth = (twips: number | undefined) =>
    ((twips ?? 0) - table.cellMargin.left - table.cellMargin.right) / 20;
  checkMotto(right, textWidth(table.widths.at(-1)), out);
  checkIssuer(left, textWidth(table.widths[0]), out);
  const draft = checkNumber(left, out);
  checkDate(right, out);
  return draft;
}
