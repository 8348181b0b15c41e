/** The API of a register's imports (sheets in) and exports (sheets out): zod schemas, shared with the web app. */
import { z } from 'zod';
import { dbIdParam } from './api.js';
import { LOGBOOK_KIND_CODES } from './logbook/kinds.js';

const target = z.string().regex(/^(startsOn|endsOn|sectionKey|data\.[A-Za-z0-9_]+)$/, 'Cột không hợp lệ.');
export const sheetMappingSchema = z.array(target.nullable()).max(500);

export const sheetRegisterParams = z.object({
  unitId: dbIdParam('Mã đơn vị không hợp lệ.'),
  kind: z.enum(LOGBOOK_KIND_CODES, { error: 'Không có sổ theo dõi này.' }),
});

export const importUploadQuery = z.object({
  fileName: z.string().trim().min(1, 'Thiếu tên tệp.').max(255, 'Tên tệp quá dài.'),
});

export const importIdParams = z.object({ id: dbIdParam('Mã lần nhập không hợp lệ.') });

export const importPreviewBody = z.object({ mapping: sheetMappingSchema });
export const importConfirmBody = z.object({
  mapping: sheetMappingSchema,
  /** The officer was told that the same file was imported before and imports it again. */
  repeat: z.boolean().optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày cần dạng NNNN-TT-NN.');
export const exportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const sheetColumnOut = z.object({ target: z.string(), label: z.string(), required: z.boolean() });
export const refusedRowOut = z.object({
  row: z.number(),
  reasons: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const importPreviewOut = z.object({
  /** What is wrong with the mapping (required columns not chosen, a column twice); empty when fine. */
  mappingProblems: z.array(z.string()),
  acceptedRows: z.number(),
  refusedRows: z.number(),
  emptyRows: z.number(),
  /** The first records as they will be created, in the register's columns. */
  columns: z.array(sheetColumnOut),
  sample: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })),
  /** The first refused rows with their reasons. */
  refused: z.array(refusedRowOut),
});

export const sameFileOut = z
  .object({ importId: z.number(), createdAt: z.string(), createdRows: z.number(), status: z.string() })
  .nullable();

export const importStatusOut = z.object({
  id: z.number(),
  unitId: z.number(),
  kind: z.enum(LOGBOOK_KIND_CODES),
  fileName: z.string(),
  status: z.enum(['pending', 'queued', 'reading', 'checking', 'writing', 'done', 'failed']),
  totalRows: z.number(),
  /** Rows checked. */
  checkedRows: z.number(),
  /** Records written (while writing, counted by the process writing them). */
  writtenRows: z.number(),
  createdRows: z.number(),
  refusedRows: z.number(),
  refused: z.array(refusedRowOut),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const importUploadOut = z.object({
  import: importStatusOut,
  sheetName: z.string().nullable(),
  headerRow: z.number(),
  headers: z.array(z.string()),
  /** A few values of each column of the file, to help the officer map it. */
  examples: z.array(z.array(z.string())),
  /** Every column of the register (what a column of the file may be mapped to). */
  columns: z.array(sheetColumnOut),
  mapping: sheetMappingSchema,
  preview: importPreviewOut,
  /** The same file was already imported into this register: told, never silently duplicated. */
  sameFile: sameFileOut,
});

export type SheetMappingIn = z.infer<typeof sheetMappingSchema>;
export type ImportPreview = z.infer<typeof importPreviewOut>;
export type ImportStatusView = z.infer<typeof importStatusOut>;
export type ImportUpload = z.infer<typeof importUploadOut>;

/** The largest sheet file accepted by the upload (a 100,000-row sheet fits). */
export const MAX_SHEET_UPLOAD_BYTES = 40 * 1024 * 1024;
/** Refused rows shown in a preview or a status. */
export const REFUSED_SHOWN = 200;
/** Records shown in a preview. */
export const SAMPLE_SHOWN = 10;
