/**
 * DOCX rendering of an official document (Nghị định 30/2020, Phụ lục I). Pure: data in, bytes out.
 * One section for the document itself and one per appendix (each starts a page and numbers its
 * own pages). Page numbers sit centred in the top margin from page 2; page 1 has an empty header.
 */
import {
  AlignmentType,
  Document,
  Header,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import type { Appendix, OfficialDocument } from '../domain/document.js';
import { appendixNote } from '../domain/document-format.js';
import { upperVi } from '../domain/text.js';
import { bodyBlocks, bodyParagraphStyles } from './docx-body.js';
import { closingTable } from './docx-closing.js';
import { basisBlock, headerTable, kinhGuiBlock, titleBlock } from './docx-header.js';
import { line, sized } from './docx-parts.js';
import { A4_MM, FONT, type Layout, type LayoutOptions, mmToTwips, resolveLayout } from './layout.js';

export type { LayoutOptions } from './layout.js';

/** Distance of the page-number header from the top edge, in millimetres. */
const HEADER_DISTANCE_MM = 10;

function pageHeaders(layout: Layout): { default: Header; first: Header } {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: layout.sizes.pageNumber * 2 }),
    ],
  });
  return {
    default: new Header({ children: [number] }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

function areaWidth(layout: Layout, landscape: boolean): number {
  const width = landscape ? A4_MM.height : A4_MM.width;
  return mmToTwips(width - layout.margins.left - layout.margins.right);
}

function sectionProperties(layout: Layout, landscape: boolean): ISectionOptions['properties'] {
  const m = layout.margins;
  return {
    titlePage: true,
    page: {
      size: {
        width: mmToTwips(A4_MM.width),
        height: mmToTwips(A4_MM.height),
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: mmToTwips(m.top),
        bottom: mmToTwips(m.bottom),
        left: mmToTwips(m.left),
        right: mmToTwips(m.right),
        header: mmToTwips(HEADER_DISTANCE_MM),
        footer: mmToTwips(HEADER_DISTANCE_MM),
      },
      pageNumbers: { start: 1 },
    },
  };
}

function appendixSection(doc: OfficialDocument, appendix: Appendix, layout: Layout): ISectionOptions {
  const landscape = appendix.landscape ?? false;
  const center = { align: AlignmentType.CENTER };
  const { sizes } = layout;
  const note = appendix.note?.trim() || appendixNote(doc);
  const children: (Paragraph | Table)[] = [
    line(appendix.label.trim() || 'Phụ lục', { ...sized(sizes.appendixLabel, layout), bold: true }, center),
    ...appendix.title
      .split('\n')
      .filter((t) => t.trim())
      .map((t) => line(upperVi(t.trim()), { ...sized(sizes.subject, layout), bold: true }, center)),
    line(note, { ...sized(sizes.subject, layout), italic: true }, { ...center, after: 12 }),
    ...bodyBlocks(appendix.body, { layout, areaWidth: areaWidth(layout, landscape) }),
  ];
  return { properties: sectionProperties(layout, landscape), headers: pageHeaders(layout), children };
}

/** Builds the docx object model; exported for tests that inspect it before packing. */
export function buildDocument(doc: OfficialDocument, options: LayoutOptions = {}): Document {
  const layout = resolveLayout(options);
  const width = areaWidth(layout, false);
  const frame = { layout, areaWidth: width };
  const main: ISectionOptions = {
    properties: sectionProperties(layout, false),
    headers: pageHeaders(layout),
    children: [
      headerTable(doc, frame),
      ...titleBlock(doc, frame),
      ...basisBlock(doc, frame),
      ...kinhGuiBlock(doc, frame),
      ...(doc.kinhGui.length === 0 && doc.type !== 'CV' ? [line('', { size: 6 })] : []),
      ...bodyBlocks(doc.body, frame, true),
      closingTable(doc, layout, width),
    ],
  };
  return new Document({
    creator: 'doingoai',
    title: doc.subject.split('\n')[0] ?? '',
    styles: {
      default: {
        document: { run: { font: FONT, size: layout.bodySize * 2 }, paragraph: { spacing: { after: 0 } } },
      },
      paragraphStyles: bodyParagraphStyles(layout),
    },
    sections: [main, ...doc.appendices.map((a) => appendixSection(doc, a, layout))],
  });
}

/**
 * Renders an official document to DOCX bytes: A4, Times New Roman, margins and sizes from `options`
 * (checked against the decree's ranges: an AppError VALIDATION names the field otherwise).
 */
export async function renderDocx(doc: OfficialDocument, options: LayoutOptions = {}): Promise<Uint8Array> {
  return Packer.pack(buildDocument(doc, options), 'uint8array');
}
