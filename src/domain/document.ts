/**
 * An official document (văn bản hành chính) as data: everything the page shows under
 * Nghị định 30/2020, already worded. src/documents renders it to DOCX/PDF; the preview prints it
 * as text. Nothing here knows about outlines or indicators: reports and plans are composed into
 * this shape by the domain (drafting), then rendered.
 */
import type { IsoDate } from './periods.js';

/** Document type name as printed and its symbol abbreviation (Phụ lục III). */
export const DOCUMENT_TYPES = {
  BC: 'BÁO CÁO',
  KH: 'KẾ HOẠCH',
  /** A công văn has no type name and no type abbreviation in its symbol. */
  CV: '',
} as const;
export type DocumentTypeCode = keyof typeof DOCUMENT_TYPES;

/** A run of text inside a paragraph. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A block of the body, in reading order. */
export type BodyBlock =
  /** Level 1: "I. KẾT QUẢ …" (upper case, bold); level 2: "1. Đối ngoại Đảng" (bold); level 3: "a) …" (bold italic). */
  | { kind: 'heading'; level: 1 | 2 | 3; number: string; text: string }
  /** A justified body paragraph with a first-line indent. */
  | { kind: 'paragraph'; runs: TextRun[] }
  /** A bulleted line: "- …" as the examples write lists. */
  | { kind: 'bullet'; runs: TextRun[] }
  | { kind: 'table'; table: DataTable };

export interface DataTable {
  /** Optional caption printed above the table (bold, centred). */
  caption?: string;
  /** Header rows; the last header row repeats on every page. */
  header: string[][];
  rows: TableCell[][];
  /** Relative column widths (any unit); the renderer scales them to the text width. */
  widths?: number[];
  /** Rows printed bold (totals). */
  boldRows?: number[];
}

export type TableCell = string | { text: string; align?: 'left' | 'center' | 'right' };

export interface Appendix {
  /** "Phụ lục" or "Phụ lục I" (Roman numeral when there are several). */
  label: string;
  /** Upper-case title: "SỐ LIỆU CÔNG TÁC ĐỐI NGOẠI CỦA CÁC XÃ". */
  title: string;
  /** "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)" — computed by the renderer when absent. */
  note?: string;
  body: BodyBlock[];
  /** Landscape pages for wide tables (allowed for tables by Phụ lục I). */
  landscape?: boolean;
}

export interface OfficialDocument {
  type: DocumentTypeCode;
  /** Direct parent body line(s), upper case, not bold ("ỦY BAN NHÂN DÂN" / "TỈNH HÀ TĨNH"); may be empty. */
  parentHeader: string[];
  /** Issuing body line(s), upper case, bold, with the short rule below. */
  issuerHeader: string[];
  /**
   * The number: null until issued (then printed "Số:     /BC-UBND"). `symbol` is the part after
   * the slash: "BC-UBND", "KH-UBND", "SNgV-VP".
   */
  number: number | null;
  symbol: string;
  /** Place name for the date line: "Lạc Phượng". */
  place: string;
  /**
   * Date of issue; null until issued. A draft prints "ngày     tháng 6 năm 2026" from `draftMonth`.
   */
  issuedOn: IsoDate | null;
  draftMonth?: { month: number; year: number };
  /** Subject (trích yếu), one line or several, under the type name (or "V/v …" for a công văn). */
  subject: string;
  /** Legal basis lines (căn cứ), italic, under the subject. Optional. */
  basis?: string[];
  /** "Kính gửi:" recipients; empty when the document has no addressee (a plan). */
  kinhGui: string[];
  /** Opening paragraph(s) before the first heading ("Thực hiện Văn bản số …, UBND xã … báo cáo …"). */
  body: BodyBlock[];
  /** "Nơi nhận:" list without dashes and semicolons; the last entry is the archive line ("Lưu: VT, VP."). */
  noiNhan: string[];
  signature: {
    /** Upper-case lines above the space for the signature: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
    lines: string[];
    /** The signer's name; empty until a signer is chosen (a draft may omit it). */
    name: string;
  };
  appendices: Appendix[];
  /**
   * The issuer as a sentence names it, for the appendix note "(Kèm theo … của UBND xã Lạc Phượng)".
   * Optional: derived from `issuerHeader` when absent.
   */
  issuerName?: string;
}
