/**
 * The API of making an outline from a province's đề cương: the text (pasted or a file) parsed into
 * a proposed outline, and the confirmed outline saved. Shared by the routes and the web page.
 */
import { z } from 'zod';
import { dbId, text } from './api.js';
import { cloneOutlineBody } from './api-reports.js';
import { DOCUMENT_KINDS, NUMBER_STYLES, type Outline } from './outline.js';

/** A file of at most 5 MB (outline-source.ts) is about 6,7 MB in base64. */
export const MAX_OUTLINE_UPLOAD_BASE64 = 7_000_000;
/** The text of a đề cương is a few pages; 200 000 characters is far more than any. */
export const MAX_OUTLINE_TEXT = 200_000;

export const parseOutlineBody = z
  .object({
    /** The đề cương pasted as text. */
    text: z
      .string({ error: 'Nội dung đề cương phải là chữ.' })
      .max(MAX_OUTLINE_TEXT, {
        error: `Nội dung đề cương quá dài (tối đa ${MAX_OUTLINE_TEXT.toLocaleString('vi-VN')} ký tự).`,
      })
      .optional(),
    /** Or a file: DOCX, PDF or .txt, its bytes in base64. */
    file: z
      .object({
        name: text('Tên tệp', 255),
        contentBase64: z
          .string({ error: 'Nội dung tệp không hợp lệ.' })
          .max(MAX_OUTLINE_UPLOAD_BASE64, { error: 'Tệp đề cương vượt giới hạn 5 MB.' }),
      })
      .optional(),
    documentKind: z.enum(DOCUMENT_KINDS, { error: 'Loại văn bản không hợp lệ.' }).default('report'),
  })
  .refine((b) => Boolean(b.text?.trim()) || b.file !== undefined, {
    error: 'Hãy dán nội dung đề cương hoặc chọn một tệp đề cương (DOCX, PDF hoặc .txt).',
    path: ['text'],
  });
export type ParseOutlineBody = z.input<typeof parseOutlineBody>;

const outlineJson = z.unknown() as unknown as z.ZodType<Outline>;

export const indicatorProposalOut = z.object({
  sectionKey: z.string(),
  code: z.string(),
  label: z.string(),
  /** The built-in section title or indicator label the heading matched. */
  matched: z.string(),
  score: z.number(),
});
export type IndicatorProposalOut = z.infer<typeof indicatorProposalOut>;

export const parseOutlineResponse = z.object({
  /** The proposed outline (code and name still to choose), every proposed indicator in place. */
  definition: outlineJson,
  proposals: z.array(indicatorProposalOut),
  numbering: z.array(z.enum(NUMBER_STYLES)),
  /** The headings with their numbers as the document will print them. */
  numbered: z.array(z.object({ key: z.string(), number: z.string(), level: z.number(), title: z.string() })),
});
export type ParseOutlineResponse = z.infer<typeof parseOutlineResponse>;

export const createOutlineBody = z.object({
  code: cloneOutlineBody.shape.code,
  name: cloneOutlineBody.shape.name,
  ownerUnitId: dbId('Đơn vị sở hữu đề cương không hợp lệ.', 'Cần chọn đơn vị sở hữu đề cương.'),
  /** The confirmed outline; validated with the outline schema (errors name `definition.…`). */
  definition: z.unknown(),
  /** Where it came from, for the audit: "text", "file:De-cuong.docx". */
  source: z.string().max(300).default('text'),
});
export type CreateOutlineBody = z.input<typeof createOutlineBody>;
