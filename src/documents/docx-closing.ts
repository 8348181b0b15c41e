/**
 * The end of the document (ô 7 and 9b): a borderless two-column table, "Nơi nhận:" and its list on
 * the left, the signature block on the right, starting on the same line.
 */
import { AlignmentType, type Paragraph, type Table } from 'docx';
import type { OfficialDocument } from '../domain/document.js';
import { noiNhanLines } from '../domain/document-format.js';
import { upperVi } from '../domain/text.js';
import { layoutTable, line, sized } from './docx-parts.js';
import type { Layout } from './layout.js';

/** Blank lines left for the signature and the seal (about 3 cm at 14 pt). */
export const SIGNATURE_BLANK_LINES = 5;

/** Share of the text width the signature column takes. */
const SIGNATURE_SHARE = 0.55;

export function closingColumns(areaWidth: number): [number, number] {
  const right = Math.round(areaWidth * SIGNATURE_SHARE);
  return [areaWidth - right, right];
}

function noiNhanCell(doc: OfficialDocument, layout: Layout): Paragraph[] {
  const lines = noiNhanLines(doc.noiNhan);
  if (lines.length === 0) return [];
  return [
    line(
      'Nơi nhận:',
      { ...sized(layout.sizes.noiNhanLabel, layout), bold: true, italic: true },
      { before: 6 },
    ),
    ...lines.map((l) => line(l, sized(layout.sizes.noiNhanList, layout))),
  ];
}

function signatureCell(doc: OfficialDocument, layout: Layout): Paragraph[] {
  const size = layout.sizes.signature;
  const center = { align: AlignmentType.CENTER };
  const out = doc.signature.lines
    .filter((l) => l.trim())
    .map((l, i) =>
      line(upperVi(l.trim()), { ...sized(size, layout), bold: true }, { ...center, before: i === 0 ? 6 : 0 }),
    );
  for (let i = 0; i < SIGNATURE_BLANK_LINES; i++) out.push(line('', sized(size, layout), center));
  if (doc.signature.name.trim())
    out.push(line(doc.signature.name.trim(), { ...sized(size, layout), bold: true }, center));
  return out;
}

export function closingTable(doc: OfficialDocument, layout: Layout, areaWidth: number): Table {
  return layoutTable(closingColumns(areaWidth), [[noiNhanCell(doc, layout), signatureCell(doc, layout)]]);
}
