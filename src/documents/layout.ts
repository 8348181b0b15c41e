/**
 * Page layout of an administrative document (Nghị định 30/2020, Phụ lục I, Phần I): the legal
 * ranges in one place, the options a unit may choose inside them, and the sizes of each element.
 * The renderer and the layout checker both read from here.
 */
import { AppError, type FieldError } from '../domain/errors.js';

/** A4 in millimetres. */
export const A4_MM = { width: 210, height: 297 } as const;

/** Legal margin ranges in millimetres (Phụ lục I, Mục I.3). */
export const MARGIN_RANGES_MM = {
  top: [20, 25],
  bottom: [20, 25],
  left: [30, 35],
  right: [15, 20],
} as const;

export type MarginSide = keyof typeof MARGIN_RANGES_MM;

/** Body text sizes the decree allows (13–14 pt); the header sizes follow the body size. */
export const BODY_SIZES = [13, 14] as const;
export type BodySize = (typeof BODY_SIZES)[number];

/** First-line indents the decree names, in centimetres. */
export const FIRST_LINE_INDENTS_CM = [1, 1.27] as const;

/** Line spacing from single to 1.5 lines. */
export const LINE_SPACING_RANGE = [1, 1.5] as const;

/** Paragraph spacing after: at least 6 pt. */
export const MIN_PARAGRAPH_SPACING_PT = 6;

/** Sizes (pt) of each element, as ranges the checker accepts (Phụ lục I, Mục II and V). */
export const ELEMENT_SIZE_RANGES = {
  quocHieu: [12, 13],
  tieuNgu: [13, 14],
  parentHeader: [12, 13],
  issuerHeader: [12, 13],
  number: [13, 13],
  dateLine: [13, 14],
  typeName: [13, 14],
  subject: [13, 14],
  vv: [12, 13],
  body: [13, 14],
  noiNhanLabel: [12, 12],
  noiNhanList: [11, 11],
  signature: [13, 14],
  pageNumber: [13, 14],
  appendixLabel: [14, 14],
} as const;

export type LayoutElement = keyof typeof ELEMENT_SIZE_RANGES;

export const FONT = 'Times New Roman';
export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export interface LayoutOptions {
  /** Margins in millimetres, each inside MARGIN_RANGES_MM. Default 20 / 20 / 30 / 15. */
  margins?: Partial<Record<MarginSide, number>>;
  /** Body size: 14 (header 13/14/14) or 13 (header 12/13/13). Default 14. */
  bodySize?: BodySize;
  /** First-line indent of body paragraphs: 1 or 1.27 cm. Default 1.27. */
  firstLineIndentCm?: number;
  /** Line spacing as a multiple of single: 1 to 1.5. Default 1.15. */
  lineSpacing?: number;
  /** Spacing after a body paragraph, in points: at least 6. Default 6. */
  paragraphSpacingPt?: number;
}

export interface Layout {
  margins: Record<MarginSide, number>;
  bodySize: BodySize;
  firstLineIndentCm: number;
  lineSpacing: number;
  paragraphSpacingPt: number;
  /** Element sizes in points, consistent with the body size (pairs 12/13/13 or 13/14/14). */
  sizes: Record<LayoutElement, number> & { table: number };
}

export const DEFAULT_MARGINS_MM: Record<MarginSide, number> = { top: 20, bottom: 20, left: 30, right: 15 };

const SIDE_NAMES: Record<MarginSide, string> = { top: 'trên', bottom: 'dưới', left: 'trái', right: 'phải' };

function inRange(value: number, [low, high]: readonly [number, number]): boolean {
  return Number.isFinite(value) && value >= low - 1e-9 && value <= high + 1e-9;
}

/** Checks the options against the decree and fills in defaults; AppError VALIDATION naming each field. */
export function resolveLayout(options: LayoutOptions = {}): Layout {
  const fields: FieldError[] = [];
  const margins = { ...DEFAULT_MARGINS_MM };
  for (const side of Object.keys(MARGIN_RANGES_MM) as MarginSide[]) {
    const value = options.margins?.[side];
    if (value === undefined) continue;
    const range = MARGIN_RANGES_MM[side];
    if (!inRange(value, range)) {
      fields.push({
        path: `margins.${side}`,
        message: `Lề ${SIDE_NAMES[side]} phải từ ${range[0]} đến ${range[1]} mm (đang là ${value} mm).`,
      });
    } else margins[side] = value;
  }
  const bodySize = options.bodySize ?? 14;
  if (!BODY_SIZES.includes(bodySize)) {
    fields.push({ path: 'bodySize', message: `Cỡ chữ nội dung phải là 13 hoặc 14 (đang là ${bodySize}).` });
  }
  const indent = options.firstLineIndentCm ?? 1.27;
  if (!FIRST_LINE_INDENTS_CM.some((v) => Math.abs(v - indent) < 1e-9)) {
    fields.push({
      path: 'firstLineIndentCm',
      message: `Lùi đầu dòng phải là 1 cm hoặc 1,27 cm (đang là ${indent}).`,
    });
  }
  const lineSpacing = options.lineSpacing ?? 1.15;
  if (!inRange(lineSpacing, LINE_SPACING_RANGE)) {
    fields.push({
      path: 'lineSpacing',
      message: `Giãn dòng phải từ 1 đến 1,5 dòng (đang là ${lineSpacing}).`,
    });
  }
  const spacing = options.paragraphSpacingPt ?? 6;
  if (!Number.isFinite(spacing) || spacing < MIN_PARAGRAPH_SPACING_PT || spacing > 24) {
    fields.push({
      path: 'paragraphSpacingPt',
      message: `Khoảng cách giữa các đoạn phải từ 6 đến 24 pt (đang là ${spacing}).`,
    });
  }
  if (fields.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Cài đặt trang in chưa đúng quy định: ${fields.map((f) => f.message).join(' ')}`,
      fields,
    );
  }
  const small = bodySize === 14 ? 13 : 12;
  return {
    margins,
    bodySize,
    firstLineIndentCm: indent,
    lineSpacing,
    paragraphSpacingPt: spacing,
    sizes: {
      quocHieu: small,
      tieuNgu: bodySize,
      parentHeader: small,
      issuerHeader: small,
      number: 13,
      dateLine: bodySize,
      typeName: bodySize,
      subject: bodySize,
      vv: small,
      body: bodySize,
      noiNhanLabel: 12,
      noiNhanList: 11,
      signature: bodySize,
      pageNumber: bodySize,
      appendixLabel: 14,
      table: small,
    },
  };
}

/** Twentieths of a point per millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

export function twipsToMm(twips: number): number {
  return twips / TWIPS_PER_MM;
}
