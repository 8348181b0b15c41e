/**
 * The top of page 1 (Phụ lục I, Mục IV, Mẫu 1.4/1.5): the borderless two-column header table
 * (issuer and number on the left; Quốc hiệu, Tiêu ngữ and date line on the right), then the type
 * name and subject with its rule, the căn cứ lines and the "Kính gửi:" block.
 */
import { AlignmentType, type Paragraph, type Table } from 'docx';
import type { OfficialDocument } from '../domain/document.js';
import { DOCUMENT_TYPES } from '../domain/document.js';
import { documentDateLine, documentNumberText, kinhGuiLines } from '../domain/document-format.js';
import { upperVi } from '../domain/text.js';
import { STYLE_IDS } from './docx-body.js';
import { layoutTable, line, pt, rule, sized } from './docx-parts.js';
import { type Layout, QUOC_HIEU, TIEU_NGU } from './layout.js';
import { textWidthPt } from './metrics.js';

/** Share of the issuer line a short rule takes (1/3–1/2 of the text per the decree). */
export const SHORT_RULE_RATIO = 0.4;

export interface Frame {
  layout: Layout;
  /** Width of the text area, twips. */
  areaWidth: number;
}

/** Column widths of the header table: the right one holds the Quốc hiệu on one line. */
export function headerColumns(frame: Frame): [number, number] {
  const motto = pt(textWidthPt(QUOC_HIEU, frame.layout.sizes.quocHieu, { bold: true })) + 400;
  const right = Math.min(frame.areaWidth - 2600, Math.max(motto, Math.round(frame.areaWidth * 0.62)));
  return [frame.areaWidth - right, right];
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function leftTop(doc: OfficialDocument, frame: Frame, width: number): Paragraph[] {
  const size = frame.layout.sizes.issuerHeader;
  const out: Paragraph[] = [];
  for (const text of doc.parentHeader.filter((l) => l.trim())) {
    out.push(
      line(upperVi(text.trim()), sized(frame.layout.sizes.parentHeader, frame.layout), {
        align: AlignmentType.CENTER,
      }),
    );
  }
  const issuer = doc.issuerHeader.filter((l) => l.trim()).map((l) => upperVi(l.trim()));
  for (const text of issuer)
    out.push(line(text, { ...sized(size, frame.layout), bold: true }, { align: AlignmentType.CENTER }));
  const widest = Math.max(0, ...issuer.map((t) => Math.min(pt(textWidthPt(t, size, { bold: true })), width)));
  if (widest > 0) out.push(rule(Math.round(widest * SHORT_RULE_RATIO), width));
  return out;
}

function rightTop(frame: Frame, width: number): Paragraph[] {
  const { sizes } = frame.layout;
  const motto = pt(textWidthPt(TIEU_NGU, sizes.tieuNgu, { bold: true }));
  return [
    line(QUOC_HIEU, { ...sized(sizes.quocHieu, frame.layout), bold: true }, { align: AlignmentType.CENTER }),
    line(TIEU_NGU, { ...sized(sizes.tieuNgu, frame.layout), bold: true }, { align: AlignmentType.CENTER }),
    rule(motto, width),
  ];
}

function leftBottom(doc: OfficialDocument, frame: Frame): Paragraph[] {
  const { sizes } = frame.layout;
  const out = [
    line(documentNumberText(doc.number, doc.symbol), sized(sizes.number, frame.layout), {
      align: AlignmentType.CENTER,
      before: 6,
    }),
  ];
  if (doc.type === 'CV') {
    // Công văn: the "V/v …" subject sits under the number, 6 pt below it (ô 5b).
    splitLines(doc.subject).forEach((text, i) => {
      const vv = i === 0 && !/^V\/v\b/.test(text) ? `V/v ${text}` : text;
      out.push(
        line(vv, sized(sizes.vv, frame.layout), { align: AlignmentType.CENTER, before: i === 0 ? 6 : 0 }),
      );
    });
  }
  return out;
}

function rightBottom(doc: OfficialDocument, frame: Frame): Paragraph[] {
  const text = documentDateLine(doc.place, doc.issuedOn, doc.draftMonth);
  return [
    line(
      text,
      { ...sized(frame.layout.sizes.dateLine, frame.layout), italic: true },
      { align: AlignmentType.CENTER, before: 6 },
    ),
  ];
}

/** The header table: row 1 issuer | Quốc hiệu, Tiêu ngữ; row 2 Số | place and date. */
export function headerTable(doc: OfficialDocument, frame: Frame): Table {
  const [left, right] = headerColumns(frame);
  return layoutTable(
    [left, right],
    [
      [leftTop(doc, frame, left - 56), rightTop(frame, right - 56)],
      [leftBottom(doc, frame), rightBottom(doc, frame)],
    ],
  );
}

/** Type name, subject and its rule (not for a công văn, whose subject is in the header). */
export function titleBlock(doc: OfficialDocument, frame: Frame): Paragraph[] {
  if (doc.type === 'CV') return [];
  const { sizes } = frame.layout;
  const lines = splitLines(doc.subject);
  const out = [
    line(
      DOCUMENT_TYPES[doc.type],
      { ...sized(sizes.typeName, frame.layout), bold: true },
      { align: AlignmentType.CENTER, before: 18 },
    ),
  ];
  for (const text of lines)
    out.push(
      line(text, { ...sized(sizes.subject, frame.layout), bold: true }, { align: AlignmentType.CENTER }),
    );
  const widest = Math.max(
    0,
    ...lines.map((t) => Math.min(pt(textWidthPt(t, sizes.subject, { bold: true })), frame.areaWidth)),
  );
  if (widest > 0) out.push(rule(Math.round(Math.min(widest * SHORT_RULE_RATIO, 3400)), frame.areaWidth));
  return out;
}

/** Căn cứ lines: italic, justified, "; " between them and "." at the end as the composer wrote them. */
export function basisBlock(doc: OfficialDocument, frame: Frame): Paragraph[] {
  const { layout } = frame;
  return (doc.basis ?? [])
    .filter((b) => b.trim())
    .map((b, i) =>
      line(
        b.trim(),
        { ...sized(layout.sizes.body, layout), italic: true },
        // The body paragraph style: justified, first-line indent, spacing after, line spacing.
        { styleId: STYLE_IDS.body, before: i === 0 ? 12 : 0 },
      ),
    );
}

/** "Kính gửi: …" on one line (centred), or the list of addressees with the dashes aligned. */
export function kinhGuiBlock(doc: OfficialDocument, frame: Frame): Paragraph[] {
  const { first, rest } = kinhGuiLines(doc.kinhGui);
  if (!first) return [];
  const size = frame.layout.sizes.body;
  if (rest.length === 0) {
    return [line(first, sized(size, frame.layout), { align: AlignmentType.CENTER, before: 12, after: 12 })];
  }
  const label = pt(textWidthPt('Kính gửi: ', size));
  const widest = Math.max(...rest.map((r) => pt(textWidthPt(r, size))));
  const left = Math.max(
    850,
    Math.round((frame.areaWidth - label - Math.min(widest, frame.areaWidth * 0.6)) / 2),
  );
  return [
    line(`Kính gửi: ${rest[0]}`, sized(size, frame.layout), {
      indentLeft: left + label,
      hanging: label,
      before: 12,
    }),
    ...rest.slice(1).map((r, i) =>
      line(r, sized(size, frame.layout), {
        indentLeft: left + label,
        after: i === rest.length - 2 ? 12 : 0,
      }),
    ),
  ];
}
