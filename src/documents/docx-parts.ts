/** Small builders shared by the parts of the DOCX renderer: runs, paragraphs, rules, borderless tables. */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TextRun as DocTextRun } from '../domain/document.js';

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface RunStyle {
  /** Points; absent: the document default (the body size), which keeps body runs small. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

/**
 * A run: only what differs from the document defaults is written (the font is the documents'
 * default, Times New Roman), which keeps the XML small and rendering fast.
 */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    ...(style.size !== undefined ? { size: Math.round(style.size * 2) } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italics: true } : {}),
  });
}

/**
 * `{ size }` for a run, or nothing when the size is the document default (the body size): the run
 * then takes it from the defaults, one element fewer to write.
 */
export function sized(size: number, layout: { bodySize: number }): { size?: number } {
  return size === layout.bodySize ? {} : { size };
}

/** Runs of the document model, at a size, with the extra style of the block (e.g. bold heading). */
export function runs(list: readonly DocTextRun[], style: RunStyle): TextRun[] {
  return list.map((r) =>
    run(r.text, { size: style.size, bold: r.bold ?? style.bold, italic: r.italic ?? style.italic }),
  );
}

export interface ParagraphStyle {
  /** A paragraph style of the document (STYLE_IDS); the other fields are direct formatting on top. */
  styleId?: string;
  align?: Align;
  /** Points. */
  before?: number;
  after?: number;
  /** Multiple of single line spacing (auto rule). */
  line?: number;
  /** Twips. */
  indentLeft?: number;
  indentRight?: number;
  firstLine?: number;
  /** Twips the first line starts left of the others (the others start at indentLeft). */
  hanging?: number;
  keepNext?: boolean;
}

export function paragraph(children: ParagraphChild[], style: ParagraphStyle = {}): Paragraph {
  const indent = {
    ...(style.indentLeft ? { left: style.indentLeft } : {}),
    ...(style.indentRight ? { right: style.indentRight } : {}),
    ...(style.firstLine ? { firstLine: style.firstLine } : {}),
    ...(style.hanging ? { hanging: style.hanging } : {}),
  };
  const spacing = {
    ...(style.before ? { before: Math.round(style.before * 20) } : {}),
    ...(style.after ? { after: Math.round(style.after * 20) } : {}),
    ...(style.line && style.line !== 1
      ? { line: Math.round(style.line * 240), lineRule: LineRuleType.AUTO }
      : {}),
  };
  return new Paragraph({
    children,
    ...(style.styleId ? { style: style.styleId } : {}),
    ...(style.align && style.align !== AlignmentType.LEFT ? { alignment: style.align } : {}),
    ...(Object.keys(spacing).length > 0 ? { spacing } : {}),
    ...(Object.keys(indent).length > 0 ? { indent } : {}),
    ...(style.keepNext ? { keepNext: true } : {}),
  });
}

/** One line of text in one style. */
export function line(text: string, runStyle: RunStyle, style: ParagraphStyle = {}): Paragraph {
  return paragraph([run(text, runStyle)], style);
}

/**
 * A solid rule of `lengthTwips`, centred in a column `widthTwips` wide: an empty, 2 pt high paragraph
 * 2 pt below the text (clear of the dots under ạ, ự) whose top border is the line. Word and LibreOffice both draw paragraph borders between the
 * indents, which is what the checker measures.
 */
export function rule(lengthTwips: number, widthTwips: number): Paragraph {
  const side = Math.max(0, Math.round((widthTwips - lengthTwips) / 2));
  return new Paragraph({
    children: [new TextRun({ text: '', size: 4 })],
    alignment: AlignmentType.CENTER,
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 40, lineRule: LineRuleType.EXACT },
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
} as const;

/** A borderless layout table (header and signature blocks): fixed column widths in twips. */
export function layoutTable(widths: readonly number[], rows: Paragraph[][][], indentTwips = 0): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 28, right: 28, top: 0, bottom: 0 },
    ...(indentTwips ? { indent: { size: indentTwips, type: WidthType.DXA } } : {}),
    rows: rows.map(
      (cells) =>
        new TableRow({
          // A signature block never splits across pages: the whole row moves to the next page.
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                children: children.length > 0 ? children : [new Paragraph('')],
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: NO_BORDERS,
                verticalAlign: VerticalAlignTable.TOP,
              }),
          ),
        }),
    ),
  });
}

/** Points to twips. */
export function pt(points: number): number {
  return Math.round(points * 20);
}
