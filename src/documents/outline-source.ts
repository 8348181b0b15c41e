/**
 * The text of a đề cương from the file the province sent: DOCX (mammoth's raw text, or with
 * Word's list numbers written out when its headings are a numbered list), PDF (unpdf) or plain text. Bytes in, text out; the parser (src/domain/outlines/parse.ts) does the rest.
 * A file is recognised by its content, never by its name alone: a ".docx" that is not a Word file
 * is refused with a clear message, and anything over MAX_OUTLINE_FILE_BYTES is refused unread.
 */
import { AppError } from '../domain/errors.js';

/** A đề cương is a few pages: 5 MB leaves room for scanned logos and embedded fonts. */
export const MAX_OUTLINE_FILE_BYTES = 5 * 1024 * 1024;

export type OutlineSourceKind = 'docx' | 'pdf' | 'text';

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** What the bytes are (whatever the name says); null when none of the three. */
export function sniffOutlineSource(bytes: Uint8Array): OutlineSourceKind | null {
  if (startsWith(bytes, ZIP)) return 'docx';
  if (startsWith(bytes, PDF)) return 'pdf';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return text.includes('\u0000') ? null : 'text';
  } catch {
    return null;
  }
}

const EXPECTED: Record<string, OutlineSourceKind> = { docx: 'docx', pdf: 'pdf', txt: 'text', md: 'text' };
const KIND_LABEL: Record<OutlineSourceKind, string> = {
  docx: 'DOCX (Word)',
  pdf: 'PDF',
  text: 'văn bản thuần (.txt)',
};

/** The text of a đề cương file; refuses, in Vietnamese, what cannot be one. */
export async function outlineTextFromFile(fileName: string, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_OUTLINE_FILE_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp "${fileName}" có dung lượng ${megabytes(bytes.byteLength)} MB, vượt giới hạn ${megabytes(MAX_OUTLINE_FILE_BYTES)} MB của một tệp đề cương.`,
    );
  }
  if (bytes.byteLength === 0) throw new AppError('VALIDATION', `Tệp "${fileName}" trống.`);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const expected = EXPECTED[extension];
  const actual = sniffOutlineSource(bytes);
  if (extension === 'doc') {
    throw new AppError(
      'VALIDATION',
      `Tệp "${fileName}" là định dạng Word cũ (.doc). Hãy mở bằng Word và lưu thành .docx rồi tải lên lại.`,
    );
  }
  if (actual === null || (expected !== undefined && actual !== expected)) {
    const what = expected ? KIND_LABEL[expected] : 'DOCX, PDF hoặc văn bản thuần';
    throw new AppError(
      'VALIDATION',
      `Tệp "${fileName}" không phải là tệp ${what} hợp lệ${actual && actual !== expected ? ` (nội dung là tệp ${KIND_LABEL[actual]})` : ''}. Hãy chọn đúng tệp đề cương (DOCX, PDF hoặc .txt).`,
    );
  }
  if (actual === 'text') return new TextDecoder('utf-8').decode(bytes).normalize('NFC');
  if (actual === 'docx') {
    const mammoth = (await import('mammoth')).default;
    try {
      // mammoth reads the text and refuses what is not a Word document; Word's automatic list
      // numbers ("I.", "1.", "a)" made by a numbered list) are not in its text: read them apart.
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      const { docxTextWithListNumbers } = await import('./docx-list-text.js');
      return (docxTextWithListNumbers(bytes) ?? value).normalize('NFC');
    } catch {
      throw new AppError(
        'VALIDATION',
        `Tệp "${fileName}" không đọc được như một tệp DOCX (Word): tệp bị hỏng hoặc là một tệp nén khác.`,
      );
    }
  }
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    if (!text.trim()) {
      throw new AppError(
        'VALIDATION',
        `Tệp PDF "${fileName}" không có chữ (có thể là bản chụp/scan). Hãy dùng tệp DOCX hoặc dán nội dung đề cương.`,
      );
    }
    return text.normalize('NFC');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', `Tệp "${fileName}" không đọc được như một tệp PDF: tệp bị hỏng.`);
  }
}
