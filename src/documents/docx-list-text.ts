/**
 * The text of a DOCX with Word's automatic list numbers written out ("I. KẾT QUẢ", "2.1. …", "a) …"):
 * a đề cương typed in Word often numbers its headings with a numbered list, and those numbers are
 * not in the document's text (mammoth's raw text drops them). Each paragraph with a list number
 * (w:numPr, directly or through its paragraph style) gets the number Word shows: the level's format
 * (decimal, Roman, letter, bullet) and pattern ("%1.", "%1.%2.", "%1)"), counters restarting below
 * a level that moves on. Returns null when the document has no list numbers.
 */
import { strFromU8, unzipSync } from 'fflate';
import { toRoman } from '../domain/outlines/numbering.js';
import {
  attr,
  child,
  childrenOf,
  descendant,
  descendants,
  numAttr,
  parseXml,
  textOf,
  type XNode,
} from './docx-xml.js';

interface Level {
  start: number;
  format: string;
  pattern: string;
}

/** A number in one of Word's formats; formats we do not know print as decimal. */
function formatted(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    default:
      return String(n);
  }
}

function root(xml: string | undefined): XNode | undefined {
  return xml ? parseXml(xml)[0] : undefined;
}

/** numId → its nine levels (abstract definition with the instance's start overrides). */
function listLevels(numbering: XNode | undefined): Map<string, Map<number, Level>> {
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of childrenOf(numbering, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of childrenOf(a, 'w:lvl')) {
      levels.set(numAttr(lvl, 'ilvl') ?? 0, {
        start: numAttr(child(lvl, 'w:start'), 'val') ?? 1,
        format: attr(child(lvl, 'w:numFmt'), 'val') ?? 'decimal',
        pattern: attr(child(lvl, 'w:lvlText'), 'val') ?? '',
      });
    }
    abstract.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  const out = new Map<string, Map<number, Level>>();
  for (const num of childrenOf(numbering, 'w:num')) {
    const base = abstract.get(attr(child(num, 'w:abstractNumId'), 'val') ?? '');
    if (!base) continue;
    const levels = new Map(base);
    for (const override of childrenOf(num, 'w:lvlOverride')) {
      const ilvl = numAttr(override, 'ilvl') ?? 0;
      const start = numAttr(child(override, 'w:startOverride'), 'val');
      const level = levels.get(ilvl);
      if (level && start !== undefined) levels.set(ilvl, { ...level, start });
    }
    out.set(attr(num, 'numId') ?? '', levels);
  }
  return out;
}

/** Paragraph style id → the list number its style gives (Heading 1 numbered I., …). */
function styleNumbers(styles: XNode | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const style of childrenOf(styles, 'w:style')) {
    const numPr = child(child(style, 'w:pPr'), 'w:numPr');
    const numId = attr(child(numPr, 'w:numId'), 'val');
    if (numId)
      out.set(attr(style, 'styleId') ?? '', { numId, ilvl: numAttr(child(numPr, 'w:ilvl'), 'val') ?? 0 });
  }
  return out;
}

/** The document's paragraphs as lines, list numbers written out; null without list numbers. */
export function docxTextWithListNumbers(bytes: Uint8Array): string | null {
  const files = unzipSync(bytes, {
    filter: (f) => ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].includes(f.name),
  });
  const read = (name: string) => (files[name] ? strFromU8(files[name] as Uint8Array) : undefined);
  const numberingXml = read('word/numbering.xml');
  if (!numberingXml) return null;
  const lists = listLevels(root(numberingXml));
  const byStyle = styleNumbers(root(read('word/styles.xml')));
  const body = descendant(root(read('word/document.xml')), 'w:body');
  const counters = new Map<string, number[]>();
  let numbered = 0;
  const lines = descendants(body, 'w:p').map((p) => {
    const text = textOf(p).replace(/\n/g, ' ');
    const pPr = child(p, 'w:pPr');
    const direct = child(pPr, 'w:numPr');
    const styled = byStyle.get(attr(child(pPr, 'w:pStyle'), 'val') ?? '');
    const numId = attr(child(direct, 'w:numId'), 'val') ?? styled?.numId;
    const ilvl = numAttr(child(direct, 'w:ilvl'), 'val') ?? styled?.ilvl ?? 0;
    const levels = numId ? lists.get(numId) : undefined;
    const level = levels?.get(ilvl);
    if (!numId || numId === '0' || !levels || !level || !text.trim()) return text;
    const count = counters.get(numId) ?? [];
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl] + 1;
    count.length = ilvl + 1;
    counters.set(numId, count);
    numbered += 1;
    if (level.format === 'bullet') return `- ${text}`;
    if (level.format === 'none') return text;
    const prefix = level.pattern.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const lv = levels.get(i);
      return formatted(count[i] ?? lv?.start ?? 1, lv?.format ?? 'decimal');
    });
    return `${prefix} ${text}`;
  });
  return numbered > 0 ? lines.join('\n') : null;
}
