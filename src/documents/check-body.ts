/**
 * Checks between the header and the end: type name and subject, "Kính gửi:", body paragraphs
 * (size, justification, first-line indent, spacing), then the "Nơi nhận:" list ending with the
 * archive line and the signature block with its name.
 */
import { checkElement, type Problems, quote } from './check-util.js';
import type { Block, Para } from './docx-read.js';
import { flatten } from './docx-read.js';
import { LINE_SPACING_RANGE, MIN_PARAGRAPH_SPACING_PT } from './layout.js';

function isUpper(text: string): boolean {
  const t = text.normalize('NFC');
  return /\p{L}/u.test(t) && t === t.toUpperCase();
}

function nonEmpty(paras: Para[]): Para[] {
  return paras.filter((p) => p.text.trim().length > 0);
}

/** A body paragraph long enough to wrap: its alignment and indent are visible. */
const LONG_PARAGRAPH = 120;

function checkBodyParagraph(p: Para, out: Problems): void {
  checkElement(p, 'body', out);
  const where = `nội dung: ${quote(p.text)}`;
  if (p.spacing.lineRule === 'auto' && p.spacing.line !== undefined) {
    const lines = p.spacing.line / 240;
    if (lines < LINE_SPACING_RANGE[0] - 0.01 || lines > LINE_SPACING_RANGE[1] + 0.01) {
      out.add('body', 'Khoảng cách giữa các dòng phải từ một dòng đơn đến 1,5 dòng.', where);
    }
  }
  if ((p.spacing.before + p.spacing.after) / 20 < MIN_PARAGRAPH_SPACING_PT - 0.01) {
    out.add('body', 'Khoảng cách giữa các đoạn văn phải tối thiểu 6 pt.', where);
  }
  if (p.text.length < LONG_PARAGRAPH) return;
  if (p.align !== 'both' && p.align !== 'distribute') {
    out.add('body', 'Nội dung văn bản phải căn đều hai lề.', where);
  }
  const indentCm = (p.indent.firstLine - p.indent.hanging) / 567;
  if (indentCm < 0.95 || indentCm > 1.32) {
    out.add('body', 'Đoạn văn phải lùi đầu dòng 1 cm hoặc 1,27 cm.', where);
  }
}

/** Blocks after the header table and before the closing table. */
export function checkBody(blocks: readonly Block[], out: Problems): void {
  let i = 0;
  const paraAt = (k: number) => {
    const b = blocks[k];
    return b?.kind === 'p' ? b : undefined;
  };
  while (paraAt(i) && !paraAt(i)?.text.trim()) i++;
  const typeName = paraAt(i);
  if (typeName && typeName.align === 'center' && isUpper(typeName.text)) {
    checkElement(typeName, 'typeName', out, { bold: true, italic: false, upper: true });
    i++;
    while (paraAt(i)?.text.trim() && paraAt(i)?.align === 'center') {
      checkElement(paraAt(i) as Para, 'subject', out, { bold: true, italic: false });
      i++;
    }
  }
  for (const block of blocks.slice(i)) {
    if (block.kind !== 'p' || !block.text.trim() || block.align === 'center') continue;
    if (
      /^\s*Kính gửi/u.test(block.text.normalize('NFC')) ||
      (/^\s*-/.test(block.text) && block.indent.left > 1000)
    ) {
      checkElement(block, 'body', out, { bold: false, italic: false });
      continue;
    }
    checkBodyParagraph(block, out);
  }
}

function checkNoiNhan(paras: Para[], out: Problems): void {
  const at = paras.findIndex((p) => /^\s*Nơi nhận\s*:/u.test(p.text.normalize('NFC')));
  const label = paras[at] as Para;
  checkElement(label, 'noiNhanLabel', out, { bold: true, italic: true });
  const list = nonEmpty(paras.slice(at + 1));
  const where = 'Nơi nhận';
  if (list.length === 0) {
    out.add('noi_nhan', 'Danh sách nơi nhận đang trống.', where);
    out.add('luu_line', 'Nơi nhận phải kết thúc bằng dòng lưu "- Lưu: VT, …".', where);
    return;
  }
  list.forEach((p, k) => {
    checkElement(p, 'noiNhanList', out, { bold: false });
    const text = p.text.normalize('NFC').trim();
    const end = k === list.length - 1 ? '.' : ';';
    if (!text.startsWith('- ') || !text.endsWith(end)) {
      out.add(
        'noi_nhan',
        `Mỗi dòng nơi nhận bắt đầu bằng "- ", kết thúc bằng ";", dòng cuối bằng "."; dòng ${quote(text)} chưa đúng.`,
        where,
      );
    }
  });
  const last = (list.at(-1) as Para).text.normalize('NFC').trim();
  if (!/^-\s*Lưu\s*:/u.test(last)) {
    out.add(
      'luu_line',
      `Dòng cuối của Nơi nhận phải là dòng lưu "- Lưu: VT, …" (đang là ${quote(last)}).`,
      where,
    );
  }
}

function checkSignature(paras: Para[], out: Problems, nameRequired: boolean): void {
  const lines = nonEmpty(paras);
  const where = 'khối chữ ký';
  const positions = lines.filter((p) => isUpper(p.text));
  if (positions.length === 0) {
    out.add('signature', 'Thiếu quyền hạn, chức vụ người ký (chữ in hoa, đậm).', where);
  }
  for (const p of positions) checkElement(p, 'signature', out, { bold: true, italic: false });
  const name = lines.at(-1);
  if (name && !isUpper(name.text)) {
    checkElement(name, 'signature', out, { bold: true, italic: false });
  } else if (nameRequired) {
    out.add('signature', 'Thiếu họ và tên người ký (chữ đậm) dưới chữ ký.', where);
  }
}

export function checkClosing(
  closing: Block | undefined,
  out: Problems,
  options: { nameRequired: boolean },
): void {
  if (closing?.kind !== 'tbl') {
    out.add('noi_nhan', 'Thiếu khối "Nơi nhận:" và chữ ký ở cuối văn bản.', 'cuối văn bản');
    out.add('luu_line', 'Nơi nhận phải kết thúc bằng dòng lưu "- Lưu: VT, …".', 'cuối văn bản');
    return;
  }
  const cells = closing.rows.flat();
  const noiNhan = cells.find((c) =>
    flatten(c.blocks).some((p) => /^\s*Nơi nhận\s*:/u.test(p.text.normalize('NFC'))),
  );
  if (noiNhan) checkNoiNhan(flatten(noiNhan.blocks), out);
  const others = cells.filter((c) => c !== noiNhan && nonEmpty(flatten(c.blocks)).length > 0);
  checkSignature(
    others.flatMap((c) => flatten(c.blocks)),
    out,
    options.nameRequired,
  );
}
