/** Shared pieces of the layout checker: problem codes, the collector, size and style checks. */
import type { DocxModel, Para, Run } from './docx-read.js';
import { ELEMENT_SIZE_RANGES, FONT, type LayoutElement } from './layout.js';

export const LAYOUT_PROBLEM_CODES = [
  'page_size',
  'margin',
  'font',
  'size',
  'style',
  'header_table',
  'motto',
  'motto_rule',
  'issuer',
  'issuer_rule',
  'number_format',
  'date_format',
  'page_number',
  'body',
  'noi_nhan',
  'luu_line',
  'signature',
  'appendix',
] as const;
export type LayoutProblemCode = (typeof LAYOUT_PROBLEM_CODES)[number];

export interface LayoutProblem {
  code: LayoutProblemCode;
  /** What is wrong and what the decree asks for, in Vietnamese. */
  message: string;
  /** Where: "tiêu đề (Quốc hiệu)", "phần 2, trang đầu", "đoạn «Trong 06 tháng…»". */
  where: string;
}

export interface Problems {
  list: LayoutProblem[];
  add(code: LayoutProblemCode, message: string, where: string): void;
}

export function problems(): Problems {
  const list: LayoutProblem[] = [];
  const seen = new Set<string>();
  return {
    list,
    add(code, message, where) {
      const key = `${code}|${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      list.push({ code, message, where });
    },
  };
}

/** "«Trong 06 tháng đầu năm…»": a short quotation of a paragraph for `where`. */
export function quote(text: string): string {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return `«${t.length > 40 ? `${t.slice(0, 40)}…` : t}»`;
}

export const ELEMENT_NAMES: Record<LayoutElement, string> = {
  quocHieu: 'Quốc hiệu',
  tieuNgu: 'Tiêu ngữ',
  parentHeader: 'tên cơ quan chủ quản',
  issuerHeader: 'tên cơ quan ban hành',
  number: 'số, ký hiệu',
  dateLine: 'địa danh, ngày tháng',
  typeName: 'tên loại văn bản',
  subject: 'trích yếu',
  vv: 'trích yếu công văn (V/v)',
  body: 'nội dung',
  noiNhanLabel: '"Nơi nhận:"',
  noiNhanList: 'danh sách nơi nhận',
  signature: 'chức vụ, họ tên người ký',
  pageNumber: 'số trang',
  appendixLabel: '"Phụ lục"',
};

function textRuns(p: Para): Run[] {
  return p.runs.filter((r) => r.text.trim().length > 0);
}

function fmt(n: number): string {
  return String(n).replace('.', ',');
}

/** Checks every text run of a paragraph against an element's size range and required style. */
export function checkElement(
  p: Para,
  element: LayoutElement,
  out: Problems,
  style: { bold?: boolean; italic?: boolean; upper?: boolean } = {},
): void {
  const [low, high] = ELEMENT_SIZE_RANGES[element];
  const name = ELEMENT_NAMES[element];
  const where = `${name}: ${quote(p.text)}`;
  for (const r of textRuns(p)) {
    if (r.size === undefined || r.size < low || r.size > high) {
      const range = low === high ? `${fmt(low)}` : `${fmt(low)}–${fmt(high)}`;
      out.add(
        'size',
        `Cỡ chữ ${name} phải là ${range} (đang là ${r.size === undefined ? 'không rõ' : fmt(r.size)}).`,
        where,
      );
      break;
    }
  }
  const runs = textRuns(p);
  if (style.bold !== undefined && runs.some((r) => r.bold !== style.bold)) {
    out.add('style', `${capital(name)} phải ${style.bold ? 'in đậm' : 'không in đậm'}.`, where);
  }
  if (style.italic !== undefined && runs.some((r) => r.italic !== style.italic)) {
    out.add(
      'style',
      `${capital(name)} phải ${style.italic ? 'in nghiêng' : 'viết đứng (không nghiêng)'}.`,
      where,
    );
  }
  if (style.upper && p.text.normalize('NFC') !== p.text.normalize('NFC').toUpperCase()) {
    out.add('style', `${capital(name)} phải viết chữ in hoa.`, where);
  }
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every text run, body and headers, must be Times New Roman. */
export function checkFonts(model: DocxModel, out: Problems): void {
  const paras: { p: Para; where: string }[] = [];
  const walk = (blocks: DocxModel['body'], where: string) => {
    for (const b of blocks) {
      if (b.kind === 'p') paras.push({ p: b, where });
      else for (const row of b.rows) for (const cell of row) walk(cell.blocks, where);
    }
  };
  walk(model.body, 'nội dung');
  model.sections.forEach(({ section }, i) => {
    for (const [type, part] of Object.entries(section.headers)) {
      for (const p of part?.paras ?? []) paras.push({ p, where: `đầu trang (${type}) phần ${i + 1}` });
    }
  });
  for (const { p, where } of paras) {
    for (const r of textRuns(p)) {
      if ((r.font ?? '').toLowerCase() !== FONT.toLowerCase()) {
        out.add(
          'font',
          `Phông chữ phải là ${FONT} (có đoạn dùng "${r.font ?? 'không rõ'}").`,
          `${where}: ${quote(p.text)}`,
        );
      }
    }
  }
}
