/**
 * API schemas of the register of outgoing documents (sổ văn bản đi), of issuing a report and of
 * document downloads and previews. Shared by the server (validation, OpenAPI) and the web app.
 */
import { z } from 'zod';
import { dbId, dbIdParam } from './api.js';
import { DOCUMENT_TYPES } from './document.js';
import { MAX_DOCUMENT_NUMBER, NUMBERING_SCHEME_VALUES } from './numbering.js';
import { isIsoDate } from './periods.js';

const year = z.coerce
  .number({ error: 'Năm không hợp lệ.' })
  .int({ error: 'Năm không hợp lệ.' })
  .min(2000, { error: 'Năm phải từ 2000 đến 2100.' })
  .max(2100, { error: 'Năm phải từ 2000 đến 2100.' });

export const unitIdParam = z.object({
  unitId: dbIdParam('Mã đơn vị không hợp lệ.'),
});

export const registerQuery = z.object({ year: year.optional() });
export type RegisterQuery = z.input<typeof registerQuery>;

export const registerExportQuery = z.object({
  year: year.optional(),
  format: z.enum(['xlsx', 'csv'], { error: 'Định dạng phải là "xlsx" hoặc "csv".' }).default('xlsx'),
});

export const numberingSchemeSchema = z.enum(NUMBERING_SCHEME_VALUES, {
  error: 'Cách đánh số phải là "single" (một dãy chung) hoặc "per_type" (mỗi loại một dãy).',
});

export const numberingSchemeBody = z.object({ scheme: numberingSchemeSchema });
export type NumberingSchemeBody = z.input<typeof numberingSchemeBody>;

export const registerEntryOut = z.object({
  id: z.number(),
  number: z.number(),
  /** "05/BC-UBND" */
  notation: z.string(),
  symbol: z.string(),
  typeCode: z.string(),
  series: z.string(),
  issuedOn: z.string(),
  subject: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  recipients: z.string(),
  reportId: z.number().nullable(),
});
export type RegisterEntryOut = z.infer<typeof registerEntryOut>;

export const registerResponse = z.object({
  unit: z.object({ id: z.number(), name: z.string(), numberingScheme: numberingSchemeSchema }),
  year: z.number(),
  /** Years that have entries, newest first, always including the requested year. */
  years: z.array(z.number()),
  items: z.array(registerEntryOut),
  /** May the user switch the numbering scheme (unit.manage)? */
  canManage: z.boolean(),
});
export type RegisterResponse = z.infer<typeof registerResponse>;

const issuedOn = z.string({ error: 'Ngày ban hành phải có dạng NNNN-TT-NN.' }).refine(isIsoDate, {
  error: 'Ngày ban hành không có thật hoặc không có dạng NNNN-TT-NN (ví dụ 2026-06-12).',
});

export const issueBody = z.object({
  signerId: dbId('Người ký không hợp lệ.', 'Chưa chọn người ký.'),
  /** Default: today in Vietnam. */
  issuedOn: issuedOn.optional(),
  /**
   * Rarely: a number reserved on paper, below the register's next number and unused. Absent, the
   * register gives the next number (the normal case).
   */
  number: z
    .number({ error: 'Số văn bản phải là một số.' })
    .int({ error: 'Số văn bản phải là số nguyên.' })
    .min(1, { error: 'Số văn bản phải từ 1 trở lên.' })
    .max(MAX_DOCUMENT_NUMBER, { error: 'Số văn bản không quá 99.999.' })
    .nullish(),
  /** The revision the leader saw (a report changed meanwhile is not issued blind). */
  revision: dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.').optional(),
});
export type IssueBody = z.input<typeof issueBody>;

// The OfficialDocument (src/domain/document.ts) as a response schema: the preview whitelists it.
const textRun = z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() });
const tableCell = z.union([
  z.string(),
  z.object({ text: z.string(), align: z.enum(['left', 'center', 'right']).optional() }),
]);
const dataTable = z.object({
  caption: z.string().optional(),
  header: z.array(z.array(z.string())),
  rows: z.array(z.array(tableCell)),
  widths: z.array(z.number()).optional(),
  boldRows: z.array(z.number()).optional(),
});
const bodyBlock = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    number: z.string(),
    text: z.string(),
  }),
  z.object({ kind: z.literal('paragraph'), runs: z.array(textRun) }),
  z.object({ kind: z.literal('bullet'), runs: z.array(textRun) }),
  z.object({ kind: z.literal('table'), table: dataTable }),
]);
const typeCodes = Object.keys(DOCUMENT_TYPES) as [
  keyof typeof DOCUMENT_TYPES,
  ...(keyof typeof DOCUMENT_TYPES)[],
];

export const officialDocumentOut = z.object({
  issuerName: z.string().optional(),
  type: z.enum(typeCodes),
  parentHeader: z.array(z.string()),
  issuerHeader: z.array(z.string()),
  number: z.number().nullable(),
  symbol: z.string(),
  place: z.string(),
  issuedOn: z.string().nullable(),
  draftMonth: z.object({ month: z.number(), year: z.number() }).optional(),
  subject: z.string(),
  basis: z.array(z.string()).optional(),
  kinhGui: z.array(z.string()),
  body: z.array(bodyBlock),
  noiNhan: z.array(z.string()),
  signature: z.object({ lines: z.array(z.string()), name: z.string() }),
  appendices: z.array(
    z.object({
      label: z.string(),
      title: z.string(),
      note: z.string().optional(),
      body: z.array(bodyBlock),
      landscape: z.boolean().optional(),
    }),
  ),
});

export const documentPreviewResponse = z.object({
  /** The whole document as plain text (previewText). */
  text: z.string(),
  document: officialDocumentOut,
  /** True when the document is the frozen issued one, false for the current draft. */
  issued: z.boolean(),
  /** File names the download links will receive. */
  fileNames: z.object({ docx: z.string(), pdf: z.string() }),
  /** Does the server have LibreOffice (PDF downloads)? */
  pdfAvailable: z.boolean(),
});
export type DocumentPreviewResponse = z.infer<typeof documentPreviewResponse>;
