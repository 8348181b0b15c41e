/** Page checks: A4, margins in range, page numbers hidden on page 1 and shown from page 2. */
import { checkElement, type Problems, quote } from './check-util.js';
import type { DocxModel, HeaderPart, Section } from './docx-read.js';
import { A4_MM, MARGIN_RANGES_MM, type MarginSide, twipsToMm } from './layout.js';

const SIDE_NAMES: Record<MarginSide, string> = { top: 'trên', bottom: 'dưới', left: 'trái', right: 'phải' };

function fmtMm(mm: number): string {
  return (Math.round(mm * 10) / 10).toString().replace('.', ',');
}

function checkPaper(section: Section, where: string, out: Problems): void {
  const w = twipsToMm(section.width);
  const h = twipsToMm(section.height);
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  const a4 =
    (near(w, A4_MM.width) && near(h, A4_MM.height)) || (near(w, A4_MM.height) && near(h, A4_MM.width));
  if (!a4) {
    out.add('page_size', `Khổ giấy phải là A4 (210 × 297 mm); đang là ${fmtMm(w)} × ${fmtMm(h)} mm.`, where);
  }
  for (const side of Object.keys(MARGIN_RANGES_MM) as MarginSide[]) {
    const mm = twipsToMm(section.margins[side]);
    const [low, high] = MARGIN_RANGES_MM[side];
    if (mm < low - 0.2 || mm > high + 0.2) {
      out.add(
        'margin',
        `Lề ${SIDE_NAMES[side]} phải từ ${low} đến ${high} mm (đang là ${fmtMm(mm)} mm).`,
        where,
      );
    }
  }
}

function showsNumber(part: HeaderPart | undefined): boolean {
  return !!part?.paras.some((p) => p.hasPageField);
}

function isEmpty(part: HeaderPart | undefined): boolean {
  return !part || part.paras.every((p) => !p.hasPageField && p.text.trim() === '' && !p.hasDrawing);
}

function checkNumbering(section: Section, where: string, out: Problems): void {
  if (!section.titlePage || !isEmpty(section.headers.first)) {
    out.add(
      'page_number',
      'Trang đầu không được đánh số trang (cần "trang đầu khác" với đầu trang để trống).',
      where,
    );
  }
  const numbered = section.headers.default;
  if (!showsNumber(numbered)) {
    out.add('page_number', 'Từ trang thứ hai phải có số trang ở giữa lề trên.', where);
    return;
  }
  for (const p of numbered?.paras.filter((x) => x.hasPageField) ?? []) {
    if (p.align !== 'center')
      out.add('page_number', 'Số trang phải căn giữa theo chiều ngang ở lề trên.', where);
    checkElement(p, 'pageNumber', out);
  }
}

export function checkPages(model: DocxModel, out: Problems): void {
  model.sections.forEach(({ section, blocks }, i) => {
    const firstText = blocks.find((b) => b.kind === 'p' && b.text.trim());
    const appendix =
      i > 0 && firstText?.kind === 'p' && /^\s*Phụ lục\b/u.test(firstText.text.normalize('NFC'));
    const where = i === 0 ? 'trang văn bản' : `phần ${i + 1}${appendix ? ` (${quote(firstText.text)})` : ''}`;
    checkPaper(section, where, out);
    if (i === 0) checkNumbering(section, where, out);
    if (appendix) {
      if (section.pageStart !== 1) {
        out.add('appendix', 'Trang của mỗi phụ lục phải đánh số riêng, bắt đầu từ 1.', where);
      }
      if (firstText?.kind === 'p') checkElement(firstText, 'appendixLabel', out, { bold: true });
    }
  });
}
