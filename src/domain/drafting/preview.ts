/**
 * The text of an OfficialDocument as it reads on the page, for `doingoai preview` and quick checks:
 * the two-column header, Số and date line, type name and subject, Kính gửi, the body, Nơi nhận
 * beside the signature block, then the appendices.
 */
import { type BodyBlock, DOCUMENT_TYPES, type OfficialDocument, type TextRun } from '../document.js';
import {
  appendixNote,
  documentDateLine,
  documentNumberText,
  kinhGuiLines as kinhGuiParts,
} from '../document-format.js';

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const LEFT = 40;
const RIGHT = 50;

function center(text: string, width: number): string {
  const pad = Math.max(0, Math.floor((width - text.length) / 2));
  return `${' '.repeat(pad)}${text}`;
}

/** Two centred columns side by side. */
function columns(left: string[], right: string[], leftWidth = LEFT, rightWidth = RIGHT): string[] {
  const rows = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    const l = center(left[i] ?? '', leftWidth).padEnd(leftWidth);
    out.push(`${l}${center(right[i] ?? '', rightWidth)}`.trimEnd());
  }
  return out;
}

function runsText(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

function blockLines(block: BodyBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${block.number} ${block.text}`];
    case 'paragraph':
      return [`    ${runsText(block.runs)}`];
    case 'bullet':
      return [`    - ${runsText(block.runs)}`];
    case 'table': {
      const t = block.table;
      const cell = (c: string | { text: string }) => (typeof c === 'string' ? c : c.text);
      return [
        ...(t.caption ? [t.caption] : []),
        ...t.header.map((r) => `| ${r.join(' | ')} |`),
        ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ];
    }
  }
}

function kinhGuiLines(kinhGui: string[]): string[] {
  const { first, rest } = kinhGuiParts(kinhGui);
  if (!first) return [];
  if (rest.length === 0) return ['', center(first, LEFT + RIGHT)];
  return ['', `${' '.repeat(20)}${first}`, ...rest.map((r) => `${' '.repeat(30)}${r}`)];
}

function closingLines(doc: OfficialDocument): string[] {
  const noiNhan = [
    'Nơi nhận:',
    ...doc.noiNhan.map((e, i) => `- ${e}${i === doc.noiNhan.length - 1 || e.endsWith('.') ? '' : ';'}`),
  ];
  const sign = [...doc.signature.lines, '', '', '', doc.signature.name];
  const width = Math.max(...noiNhan.map((l) => l.length), 30) + 2;
  const out: string[] = [];
  for (let i = 0; i < Math.max(noiNhan.length, sign.length); i++) {
    const l = (noiNhan[i] ?? '').padEnd(width);
    out.push(`${l}${center(sign[i] ?? '', RIGHT)}`.trimEnd());
  }
  return out;
}

/** The whole document as plain text with sensible line breaks. */
export function previewText(doc: OfficialDocument): string {
  const left = [...doc.parentHeader, ...doc.issuerHeader, '', documentNumberText(doc.number, doc.symbol)];
  const right = [...MOTTO, '', documentDateLine(doc.place, doc.issuedOn, doc.draftMonth)];
  // Align the number and the date line on one row, as on the page.
  while (left.length < right.length) left.splice(left.length - 2, 0, '');
  while (right.length < left.length) right.splice(right.length - 2, 0, '');
  const typeName = DOCUMENT_TYPES[doc.type];
  const lines = [
    ...columns(left, right),
    '',
    ...(typeName ? [center(typeName, LEFT + RIGHT)] : []),
    ...doc.subject.split('\n').map((s) => center(typeName ? s : `V/v ${s}`, LEFT + RIGHT)),
    ...(doc.basis ?? []).map((b) => `    ${b}`),
    ...kinhGuiLines(doc.kinhGui),
    '',
    ...doc.body.flatMap(blockLines),
    '',
    ...closingLines(doc),
  ];
  for (const a of doc.appendices) {
    lines.push('', center(a.label, LEFT + RIGHT), center(a.title, LEFT + RIGHT));
    lines.push(center(a.note ?? appendixNote(doc), LEFT + RIGHT));
    lines.push('', ...a.body.flatMap(blockLines));
  }
  return `${lines.join('\n')}\n`;
}
