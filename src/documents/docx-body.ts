/**
 * The body (ô 6): headings "I." / "1." / "a)", justified paragraphs with a first-line indent,
 * "- " lines, and data tables with borders, a repeating header row and right-aligned numbers.
 */
import {
  AlignmentType,
  BorderStyle,
  type IParagraphStyleOptions,
  LineRuleType,
  type Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { BodyBlock, DataTable, TableCell as DocCell } from '../domain/document.js';
import { upperVi } from '../domain/text.js';
import { type Align, line, paragraph, run, runs } from './docx-parts.js';
import type { Layout } from './layout.js';

export interface BodyFrame {
  layout: Layout;
  areaWidth: number;
}

/** Ids of the paragraph styles the body uses (defined once in styles.xml, see bodyParagraphStyles). */
export const STYLE_IDS = {
  body: 'Body',
  heading: 'BodyHeading',
  cell: 'TableCell',
  cellCenter: 'TableCellCenter',
  cellRight: 'TableCellRight',
  cellHeader: 'TableHeader',
} as const;

/**
 * The body's paragraph styles: justified with a first-line indent, the spacing after and the line
 * spacing of the layout ("Body"); headings are Body, bold and kept with the next paragraph; table
 * cells take the table size (left, centred or right-aligned; header cells centred and bold). Defined once instead of repeated on every paragraph: less XML to write.
 */
export function bodyParagraphStyles(layout: Layout): IParagraphStyleOptions[] {
  const spacing = {
    after: Math.round(layout.paragraphSpacingPt * 20),
    ...(layout.lineSpacing !== 1
      ? { line: Math.round(layout.lineSpacing * 240), lineRule: LineRuleType.AUTO }
      : {}),
  };
  return [
    {
      id: STYLE_IDS.body,
      name: 'Body',
      quickFormat: true,
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: Math.round(layout.firstLineIndentCm * 567) },
        spacing,
      },
    },
    {
      id: STYLE_IDS.heading,
      name: 'Body Heading',
      basedOn: STYLE_IDS.body,
      next: STYLE_IDS.body,
      quickFormat: true,
      paragraph: { keepNext: true },
      run: { bold: true },
    },
    { id: STYLE_IDS.cell, name: 'Table Cell', run: { size: layout.sizes.table * 2 } },
    {
      id: STYLE_IDS.cellCenter,
      name: 'Table Cell Center',
      basedOn: STYLE_IDS.cell,
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      id: STYLE_IDS.cellRight,
      name: 'Table Cell Right',
      basedOn: STYLE_IDS.cell,
      paragraph: { alignment: AlignmentType.RIGHT },
    },
    { id: STYLE_IDS.cellHeader, name: 'Table Header', basedOn: STYLE_IDS.cellCenter, run: { bold: true } },
  ];
}

function heading(block: Extract<BodyBlock, { kind: 'heading' }>): Paragraph {
  const text = block.level === 1 ? upperVi(block.text) : block.text;
  const full = block.number.trim() ? `${block.number.trim()} ${text.trim()}` : text.trim();
  // Bold comes from the style; level 3 is also italic.
  return line(full, { italic: block.level === 3 }, { styleId: STYLE_IDS.heading });
}

const NUMERIC = /^[+-−]?[\d.,]+\s*%?$/u;

function cellParts(cell: DocCell): { text: string; align?: 'left' | 'center' | 'right' } {
  return typeof cell === 'string' ? { text: cell } : cell;
}

/** Ordinal columns ("TT", "STT") are centred; other numbers right-aligned; text left. */
function cellAlign(cell: DocCell, ordinal: boolean): Align {
  const { text, align } = cellParts(cell);
  if (ordinal && !align) return AlignmentType.CENTER;
  if (align === 'center') return AlignmentType.CENTER;
  if (align === 'right') return AlignmentType.RIGHT;
  if (align === 'left') return AlignmentType.LEFT;
  return NUMERIC.test(text.trim()) ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
} as const;

/** Cells carry only their text: widths come from the grid, borders from the table. */
function tableCell(text: string, align: Align, bold: boolean, header = false): TableCell {
  const lines = text.split('\n');
  // Size, alignment and (header) bold come from the cell styles.
  const styleId = header
    ? STYLE_IDS.cellHeader
    : align === AlignmentType.CENTER
      ? STYLE_IDS.cellCenter
      : align === AlignmentType.RIGHT
        ? STYLE_IDS.cellRight
        : STYLE_IDS.cell;
  return new TableCell({
    ...(header ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
    children: lines.map((l) => line(l, { bold: bold && !header }, { styleId })),
  });
}

/** Column widths in twips: the relative widths scaled to the text width (equal when absent). */
export function columnWidths(table: DataTable, areaWidth: number): number[] {
  const count = Math.max(
    table.header.reduce((m, r) => Math.max(m, r.length), 0),
    ...table.rows.map((r) => r.length),
    1,
  );
  const rel = Array.from({ length: count }, (_, i) => {
    const w = table.widths?.[i];
    return w !== undefined && Number.isFinite(w) && w > 0 ? w : 1;
  });
  const sum = rel.reduce((a, b) => a + b, 0);
  return rel.map((w) => Math.floor((w / sum) * areaWidth));
}

function dataTable(table: DataTable, frame: BodyFrame): (Paragraph | Table)[] {
  const widths = columnWidths(table, frame.areaWidth);
  const bold = new Set(table.boldRows ?? []);
  const lastHeader = table.header[table.header.length - 1] ?? [];
  const ordinal = widths.map((_, i) => /^S?TT$/i.test(cellParts(lastHeader[i] ?? '').text.trim()));
  const pad = (cells: DocCell[]) => widths.map((_, i) => cells[i] ?? '');
  const header = table.header.map(
    (cells) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: pad(cells).map((c) => tableCell(cellParts(c).text, AlignmentType.CENTER, true, true)),
      }),
  );
  const body = table.rows.map(
    (cells, r) =>
      new TableRow({
        cantSplit: true,
        children: pad(cells).map((c, i) =>
          tableCell(cellParts(c).text, cellAlign(c, ordinal[i] ?? false), bold.has(r)),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [];
  if (table.caption?.trim()) {
    out.push(
      line(table.caption.trim(), { bold: true }, { align: AlignmentType.CENTER, after: 6, keepNext: true }),
    );
  }
  out.push(
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      margins: { left: 57, right: 57, top: 20, bottom: 20 },
      rows: [...header, ...body],
    }),
  );
  // A small gap after the table so the next paragraph does not touch its border.
  out.push(paragraph([run('', { size: 6 })], { after: 0 }));
  return out;
}

/**
 * Every block of a body, in order. `keepLast`: the last paragraph stays on the page of what follows
 * (the closing block), so a signature never stands alone on a page.
 */
export function bodyBlocks(
  blocks: readonly BodyBlock[],
  frame: BodyFrame,
  keepLast = false,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, i) => {
    const style = { styleId: STYLE_IDS.body, keepNext: keepLast && i === blocks.length - 1 };
    switch (block.kind) {
      case 'heading':
        out.push(heading(block));
        break;
      case 'paragraph':
        // Body runs take the document default size (the body size): no size on every run.
        out.push(paragraph(runs(block.runs, {}), style));
        break;
      case 'bullet': {
        const first = block.runs[0];
        const starts = first && /^\s*[-–]\s/.test(first.text);
        const list = starts ? block.runs : [{ text: '- ' }, ...block.runs];
        out.push(paragraph(runs(list, {}), style));
        break;
      }
      case 'table':
        out.push(...dataTable(block.table, frame));
        break;
    }
  });
  return out;
}
