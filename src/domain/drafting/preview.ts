/**
 * The text of an OfficialDocument as it reads on the page, for `doingoai preview` and quick checks:
 * the two-column header, Số and date line, type name and subject, Kính gửi, the body, Nơi nhận
 * beside the signature block, then the appendices.
 */
import { type BodyBlock, DOCUMENT_TYPES, type OfficialDocument, type TextRun } from '../document.js';
import type { IsoDate } from '../periods.js';

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const LEFT = 40;
const RIGHT = 50;
const BLANK_NUMBER = '     ';

/** "ngày 05 tháng 01 năm 2026": two-digit days, two-digit months only for January and February. */
export function documentDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

/** "Lạc Phượng, ngày 12 tháng 6 năm 2026", or "Lạc Phượng, ngày     tháng 6 năm 2026" for a draft. */
export function dateLine(doc: OfficialDocument): string {
  if (doc.issuedOn) return `${doc.place}, ${documentDate(doc.issuedOn)}`;
  const m = doc.draftMonth;
  if (!m) return `${doc.place}, ngày ${BLANK_NUMBER} tháng ${BLANK_NUMBER} năm ${BLANK_NUMBER}`;
  const month = m.month <= 2 ? String(m.month).padStart(2, '0') : String(m.month);
  return `${doc.place}, ngày ${BLANK_NUMBER} tháng ${month} năm ${m.year}`;
}

/** "Số: 05/BC-UBND" (numbers under 10 on two digits) or "Số:     /BC-UBND" before issue. */
export function numberLine(doc: OfficialDocument): string {
  const n = doc.number === null ? BLANK_NUMBER : String(doc.number).padStart(2, '0');
  return `Số: ${n}/${doc.symbol}`;
}

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
  if (kinhGui.length === 0) return [];
  if (kinhGui.length === 1) return ['', center(`Kính gửi: ${kinhGui[0]}.`, LEFT + RIGHT)];
  return [
    '',
    `${' '.repeat(20)}Kính gửi:`,
    ...kinhGui.map((k, i) => `${' '.repeat(30)}- ${k}${i === kinhGui.length - 1 ? '.' : ';'}`),
  ];
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
  const left = [...doc.parentHeader, ...doc.issuerHeader, '', numberLine(doc)];
  const right = [...MOTTO, '', dateLine(doc)];
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
    if (a.note) lines.push(center(a.note, LEFT + RIGHT));
    lines.push('', ...a.body.flatMap(blockLines));
  }
  return `${lines.join('\n')}\n`;
}
