/**
 * Re-opens a DOCX for the layout checker: unzips it, parses document.xml, the headers, styles and
 * theme, and gives paragraphs with their effective run properties (direct, character style,
 * paragraph style chain, document defaults), tables and sections.
 */
import { strFromU8, unzipSync } from 'fflate';
import { AppError } from '../domain/errors.js';
import {
  attr,
  child,
  childrenOf,
  descendant,
  descendants,
  numAttr,
  onOff,
  parseXml,
  textOf,
  type XNode,
} from './docx-xml.js';

export interface Run {
  text: string;
  font: string | undefined;
  /** Points. */
  size: number | undefined;
  bold: boolean;
  italic: boolean;
}

export interface Para {
  kind: 'p';
  text: string;
  runs: Run[];
  align: string;
  indent: { left: number; right: number; firstLine: number; hanging: number };
  spacing: { before: number; after: number; line: number | undefined; lineRule: string };
  borderTop: boolean;
  borderBottom: boolean;
  /** A drawn line or shape in the paragraph (rules drawn as shapes by other editors). */
  hasDrawing: boolean;
  hasPageField: boolean;
  /** Set on the last paragraph of a section other than the last. */
  section?: Section;
}

export interface Cell {
  blocks: Block[];
  visibleBorders: boolean;
}

export interface Tbl {
  kind: 'tbl';
  rows: Cell[][];
  visibleBorders: boolean;
  columns: number;
  /** Grid column widths, twips. */
  widths: number[];
  /** Default left and right cell margins, twips. */
  cellMargin: { left: number; right: number };
}

export type Block = Para | Tbl;

export interface HeaderPart {
  paras: Para[];
}

export interface Section {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
  titlePage: boolean;
  pageStart: number | undefined;
  headers: Partial<Record<'default' | 'first' | 'even', HeaderPart>>;
}

export interface DocxModel {
  body: Block[];
  sections: { section: Section; blocks: Block[] }[];
}

interface Props {
  font?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

interface Ctx {
  styles: Map<string, XNode>;
  defaults: Props;
  theme: { minor?: string; major?: string };
  parts: Record<string, Uint8Array>;
  rels: Map<string, string>;
}

function notDocx(detail: string): AppError {
  return new AppError(
    'NOT_DOCX',
    `Tệp không phải văn bản Word (.docx) hợp lệ: ${detail}. Hãy chọn tệp .docx lưu từ Word, LibreOffice hoặc từ hệ thống.`,
  );
}

function rPrProps(rPr: XNode | undefined, ctx: Ctx): Props {
  if (!rPr) return {};
  const out: Props = {};
  const fonts = child(rPr, 'w:rFonts');
  if (fonts) {
    const direct = attr(fonts, 'ascii') ?? attr(fonts, 'hAnsi');
    const theme = attr(fonts, 'asciiTheme') ?? attr(fonts, 'hAnsiTheme');
    const fromTheme = theme ? (theme.startsWith('major') ? ctx.theme.major : ctx.theme.minor) : undefined;
    const font = direct ?? fromTheme;
    if (font) out.font = font;
  }
  const sz = numAttr(child(rPr, 'w:sz'), 'val');
  if (sz !== undefined) out.size = sz / 2;
  const b = onOff(child(rPr, 'w:b'));
  if (b !== undefined) out.bold = b;
  const i = onOff(child(rPr, 'w:i'));
  if (i !== undefined) out.italic = i;
  return out;
}

function styleProps(id: string | undefined, ctx: Ctx, depth = 0): Props {
  if (!id || depth > 10) return {};
  const style = ctx.styles.get(id);
  if (!style) return {};
  const base = styleProps(attr(child(style, 'w:basedOn'), 'val'), ctx, depth + 1);
  return { ...base, ...rPrProps(child(style, 'w:rPr'), ctx) };
}

function stylePPr(id: string | undefined, ctx: Ctx, depth = 0): XNode[] {
  if (!id || depth > 10) return [];
  const style = ctx.styles.get(id);
  if (!style) return [];
  const own = child(style, 'w:pPr');
  return [...stylePPr(attr(child(style, 'w:basedOn'), 'val'), ctx, depth + 1), ...(own ? [own] : [])];
}

function hasVisibleBorder(borders: XNode | undefined): boolean {
  if (!borders) return false;
  return borders.children.some((b) => {
    const v = attr(b, 'val');
    return v !== undefined && !['none', 'nil'].includes(v);
  });
}

function readPara(p: XNode, ctx: Ctx, paraStyleDefault: string | undefined): Para {
  const pPr = child(p, 'w:pPr');
  const styleId = attr(child(pPr, 'w:pStyle'), 'val') ?? paraStyleDefault;
  const paraProps = { ...ctx.defaults, ...styleProps(styleId, ctx) };
  const pPrs = [...stylePPr(styleId, ctx), ...(pPr ? [pPr] : [])];
  const pick = (tag: string) => pPrs.map((x) => child(x, tag)).filter((x): x is XNode => !!x);
  const last = (tag: string) => pick(tag).at(-1);
  const spacing = pick('w:spacing');
  const sp = (name: string) =>
    spacing
      .map((s) => numAttr(s, name))
      .filter((n) => n !== undefined)
      .at(-1);
  const ind = pick('w:ind');
  const id = (name: string) =>
    ind
      .map((s) => numAttr(s, name))
      .filter((n) => n !== undefined)
      .at(-1) ?? 0;
  const borders = last('w:pBdr');
  const runs: Run[] = [];
  for (const r of descendants(p, 'w:r')) {
    const text = textOf(r);
    const rPr = child(r, 'w:rPr');
    const props = {
      ...paraProps,
      ...styleProps(attr(child(rPr, 'w:rStyle'), 'val'), ctx),
      ...rPrProps(rPr, ctx),
    };
    runs.push({ text, font: props.font, size: props.size, bold: !!props.bold, italic: !!props.italic });
  }
  const instr = descendants(p, 'w:instrText')
    .map((n) => textOf({ tag: 'x', attrs: {}, children: [{ tag: 'w:t', attrs: {}, children: n.children }] }))
    .join(' ');
  const simple = descendants(p, 'w:fldSimple').map((f) => attr(f, 'instr') ?? '');
  const borderOn = (side: string) => {
    const b = child(borders, side);
    const v = attr(b, 'val');
    return !!b && v !== undefined && !['none', 'nil'].includes(v);
  };
  return {
    kind: 'p',
    text: runs.map((r) => r.text).join(''),
    runs,
    align: attr(last('w:jc'), 'val') ?? 'left',
    indent: {
      left: id('left') || id('start'),
      right: id('right') || id('end'),
      firstLine: id('firstLine'),
      hanging: id('hanging'),
    },
    spacing: {
      before: sp('before') ?? 0,
      after: sp('after') ?? 0,
      line: sp('line'),
      lineRule:
        spacing
          .map((s) => attr(s, 'lineRule'))
          .filter(Boolean)
          .at(-1) ?? 'auto',
    },
    borderTop: borderOn('w:top'),
    borderBottom: borderOn('w:bottom'),
    hasDrawing: !!descendant(p, 'w:drawing') || !!descendant(p, 'w:pict'),
    hasPageField: /\bPAGE\b/.test(`${instr} ${simple.join(' ')}`),
  };
}

function readBlocks(
  container: XNode,
  ctx: Ctx,
  paraStyleDefault: string | undefined,
  sections?: Section[],
): Block[] {
  const out: Block[] = [];
  for (const node of container.children) {
    if (node.tag === 'w:p') {
      const para = readPara(node, ctx, paraStyleDefault);
      const sectPr = child(child(node, 'w:pPr'), 'w:sectPr');
      if (sectPr && sections) {
        para.section = readSection(sectPr, ctx);
        sections.push(para.section);
      }
      out.push(para);
    } else if (node.tag === 'w:tbl') out.push(readTable(node, ctx, paraStyleDefault));
    else if (node.tag === 'w:sdt')
      out.push(...readBlocks(child(node, 'w:sdtContent') ?? node, ctx, paraStyleDefault, sections));
  }
  return out;
}

function readTable(tbl: XNode, ctx: Ctx, paraStyleDefault: string | undefined): Tbl {
  const tblPr = child(tbl, 'w:tblPr');
  const styled = attr(child(tblPr, 'w:tblStyle'), 'val');
  const mar = child(tblPr, 'w:tblCellMar');
  const styleBorders = styled ? descendant(ctx.styles.get(styled), 'w:tblBorders') : undefined;
  const rows = childrenOf(tbl, 'w:tr').map((tr) =>
    childrenOf(tr, 'w:tc').map((tc) => ({
      blocks: readBlocks(tc, ctx, paraStyleDefault),
      visibleBorders: hasVisibleBorder(child(child(tc, 'w:tcPr'), 'w:tcBorders')),
    })),
  );
  return {
    kind: 'tbl',
    rows,
    visibleBorders: hasVisibleBorder(child(tblPr, 'w:tblBorders') ?? styleBorders),
    columns: childrenOf(child(tbl, 'w:tblGrid'), 'w:gridCol').length,
    widths: childrenOf(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => numAttr(g, 'w') ?? 0),
    cellMargin: {
      // Word's default cell margins are 0.19 cm (108 twips) left and right.
      left: numAttr(child(mar, 'w:left') ?? child(mar, 'w:start'), 'w') ?? 108,
      right: numAttr(child(mar, 'w:right') ?? child(mar, 'w:end'), 'w') ?? 108,
    },
  };
}

function readSection(sectPr: XNode, ctx: Ctx): Section {
  const pgSz = child(sectPr, 'w:pgSz');
  const pgMar = child(sectPr, 'w:pgMar');
  const headers: Section['headers'] = {};
  for (const ref of childrenOf(sectPr, 'w:headerReference')) {
    const type = (attr(ref, 'type') ?? 'default') as 'default' | 'first' | 'even';
    const target = ctx.rels.get(ref.attrs['r:id'] ?? '');
    const bytes = target ? ctx.parts[`word/${target.replace(/^\/?word\//, '')}`] : undefined;
    if (!bytes) continue;
    const root = parseXml(strFromU8(bytes)).find((n) => n.tag === 'w:hdr');
    headers[type] = { paras: root ? flatten(readBlocks(root, ctx, undefined)) : [] };
  }
  return {
    width: numAttr(pgSz, 'w') ?? 0,
    height: numAttr(pgSz, 'h') ?? 0,
    margins: {
      top: numAttr(pgMar, 'top') ?? 0,
      bottom: numAttr(pgMar, 'bottom') ?? 0,
      left: numAttr(pgMar, 'left') ?? 0,
      right: numAttr(pgMar, 'right') ?? 0,
    },
    titlePage: onOff(child(sectPr, 'w:titlePg')) ?? false,
    pageStart: numAttr(child(sectPr, 'w:pgNumType'), 'start'),
    headers,
  };
}

/** All paragraphs of some blocks, tables included, in reading order. */
export function flatten(blocks: readonly Block[]): Para[] {
  const out: Para[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') out.push(b);
    else for (const row of b.rows) for (const cell of row) out.push(...flatten(cell.blocks));
  }
  return out;
}

function loadContext(parts: Record<string, Uint8Array>): Ctx {
  const styles = new Map<string, XNode>();
  let defaults: Props = {};
  const theme: Ctx['theme'] = {};
  const themeBytes = parts['word/theme/theme1.xml'];
  if (themeBytes) {
    const root = parseXml(strFromU8(themeBytes));
    const first = (tag: string) =>
      attr(child(descendants({ tag: '', attrs: {}, children: root }, tag)[0], 'a:latin'), 'typeface');
    theme.major = first('a:majorFont');
    theme.minor = first('a:minorFont');
  }
  const ctx: Ctx = { styles, defaults, theme, parts, rels: new Map() };
  const stylesBytes = parts['word/styles.xml'];
  if (stylesBytes) {
    const root = parseXml(strFromU8(stylesBytes)).find((n) => n.tag === 'w:styles');
    for (const s of childrenOf(root, 'w:style')) styles.set(attr(s, 'styleId') ?? '', s);
    defaults = rPrProps(descendant(child(root, 'w:docDefaults'), 'w:rPr'), ctx);
    ctx.defaults = defaults;
  }
  const relsBytes = parts['word/_rels/document.xml.rels'];
  if (relsBytes) {
    for (const r of descendants(
      { tag: '', attrs: {}, children: parseXml(strFromU8(relsBytes)) },
      'Relationship',
    )) {
      ctx.rels.set(r.attrs.Id ?? '', r.attrs.Target ?? '');
    }
  }
  return ctx;
}

function defaultParagraphStyle(ctx: Ctx): string | undefined {
  for (const [id, s] of ctx.styles) {
    if (
      attr(s, 'type') === 'paragraph' &&
      onOff({ tag: '', attrs: { 'w:val': attr(s, 'default') ?? '0' }, children: [] })
    ) {
      return id;
    }
  }
  return undefined;
}

/** Opens a DOCX; AppError NOT_DOCX when the bytes are not a Word document. */
export function readDocx(bytes: Uint8Array): DocxModel {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    throw notDocx('không mở được như một tệp nén ZIP');
  }
  const main = parts['word/document.xml'];
  if (!main) throw notDocx('thiếu phần nội dung word/document.xml');
  const ctx = loadContext(parts);
  let root: XNode | undefined;
  try {
    root = parseXml(strFromU8(main)).find((n) => n.tag === 'w:document');
  } catch {
    throw notDocx('nội dung XML bị hỏng');
  }
  const bodyNode = child(root, 'w:body');
  if (!bodyNode) throw notDocx('thiếu phần thân văn bản (w:body)');
  const sections: Section[] = [];
  const body = readBlocks(bodyNode, ctx, defaultParagraphStyle(ctx), sections);
  const finalSect = child(bodyNode, 'w:sectPr');
  if (finalSect) sections.push(readSection(finalSect, ctx));
  // Split the body into its sections: a paragraph carrying a sectPr ends one.
  const grouped: DocxModel['sections'] = [];
  let current: Block[] = [];
  let index = 0;
  for (const block of body) {
    current.push(block);
    if (block.kind === 'p' && block.section) {
      grouped.push({ section: block.section, blocks: current });
      current = [];
      index++;
    }
  }
  const last = sections[index];
  if (last) grouped.push({ section: last, blocks: current });
  return { body, sections: grouped };
}
