/**
 * The HTTP API of reporting rounds (đợt báo cáo): one zod schema per boundary, shared by the server
 * (src/server/rounds) and the web app's pages and forms.
 */
import { z } from 'zod';
import { dbId, dbIdParam, idParam, text, unitRefOut } from './api.js';
import { officialDocumentOut, registerEntryOut } from './api-documents.js';
import { periodOut, reportStatusSchema } from './api-reports.js';
import { isIsoDate } from './periods.js';
import { periodSchema as periodInSchema, windowSchema } from './report-json.js';
import { MAX_DEADLINE_DAYS, ROUND_FREQUENCIES, ROUND_STATUSES } from './rounds.js';

const date = (label: string) =>
  z
    .string({ error: `${label} phải có dạng NNNN-TT-NN.` })
    .refine(isIsoDate, { error: `${label} không có thật hoặc không có dạng NNNN-TT-NN (ví dụ 2026-06-09).` });

const DEADLINE_DAYS_MESSAGE =
  'Thời hạn gửi báo cáo phải sau ngày chốt số liệu ít nhất 01 ngày làm việc (Nghị định 09/2019/NĐ-CP): số ngày làm việc phải từ 1 trở lên.';

export const deadlineDaysSchema = z
  .number({ error: 'Số ngày làm việc phải là một số.' })
  .int({ error: 'Số ngày làm việc phải là số nguyên.' })
  .min(1, { error: DEADLINE_DAYS_MESSAGE })
  .max(MAX_DEADLINE_DAYS, {
    error: `Số ngày làm việc sau ngày chốt số liệu tối đa là ${MAX_DEADLINE_DAYS}.`,
  });

export const roundLetterSchema = z.object({
  number: text('Số, ký hiệu công văn', 60),
  date: date('Ngày công văn'),
  issuer: text('Cơ quan, người ban hành công văn', 200),
  kind: z.enum(['answers', 'announced'], {
    error: 'Cần chọn: đợt báo cáo thực hiện hay được thông báo bằng công văn.',
  }),
});
export type RoundLetterIn = z.input<typeof roundLetterSchema>;

export const roundFrequencySchema = z.enum(ROUND_FREQUENCIES, { error: 'Tần suất không hợp lệ.' });
export const roundStatusSchema = z.enum(ROUND_STATUSES);

const unitIds = z
  .array(dbId('Đơn vị không hợp lệ.'), { error: 'Danh sách đơn vị không hợp lệ.' })
  .max(5000, { error: 'Danh sách đơn vị quá dài.' });

export const createRoundBody = z.object({
  /** The receiving unit: a province or a province-level body (Sở Ngoại vụ). */
  unitId: dbId('Đơn vị nhận báo cáo không hợp lệ.', 'Cần chọn đơn vị nhận báo cáo.'),
  /** Empty: "Báo cáo công tác đối ngoại <kỳ>". */
  name: text('Tên đợt báo cáo', 300, 0).optional(),
  outlineId: dbId('Đề cương không hợp lệ.', 'Cần chọn đề cương.'),
  period: periodInSchema,
  /** Overrides the period's ND 09/2019 data window. */
  window: windowSchema.optional(),
  deadlineDays: deadlineDaysSchema,
  /** A deadline chosen by hand instead of `deadlineDays` working days (must be after the window). */
  deadline: date('Thời hạn gửi báo cáo').optional(),
  frequency: roundFrequencySchema.default('once'),
  guidance: z.string().max(5000, { error: 'Hướng dẫn quá dài (tối đa 5.000 ký tự).' }).default(''),
  /** Absent: the server's default (REMIND_DAYS, 3). */
  remindDays: z.number().int().min(0).max(30, { error: 'Nhắc trước tối đa 30 ngày.' }).optional(),
  letter: roundLetterSchema.nullable().optional(),
  /** Absent: every active commune of the receiving unit's province. */
  unitIds: unitIds.optional(),
});
export type CreateRoundBody = z.input<typeof createRoundBody>;

export const updateRoundBody = z.object({
  name: text('Tên đợt báo cáo', 300).optional(),
  guidance: z.string().max(5000, { error: 'Hướng dẫn quá dài (tối đa 5.000 ký tự).' }).optional(),
  deadlineDays: deadlineDaysSchema.optional(),
  remindDays: z.number().int().min(0).max(30, { error: 'Nhắc trước tối đa 30 ngày.' }).optional(),
  frequency: roundFrequencySchema.optional(),
  letter: roundLetterSchema.nullable().optional(),
  addUnitIds: unitIds.optional(),
  removeUnitIds: unitIds.optional(),
});
export type UpdateRoundBody = z.input<typeof updateRoundBody>;

export const roundListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: roundStatusSchema.optional(),
});

const letterOut = z.object({
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  kind: z.enum(['answers', 'announced']),
  citation: z.string(),
});

export const roundSummary = z.object({
  id: z.number(),
  name: z.string(),
  unit: unitRefOut,
  outline: z.object({ id: z.number(), code: z.string(), name: z.string(), version: z.number() }),
  period: periodOut,
  periodKey: z.string(),
  periodLabel: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  deadlineDays: z.number(),
  deadline: z.string(),
  daysLeft: z.number(),
  frequency: roundFrequencySchema,
  frequencyLabel: z.string(),
  status: roundStatusSchema,
  statusLabel: z.string(),
  letter: letterOut.nullable(),
  remindDays: z.number(),
  seriesId: z.number().nullable(),
  /** How many units must report, and how many have sent (issued, received or accepted). */
  unitCount: z.number(),
  sentCount: z.number(),
  /** May the user manage it (receiving unit's officer or leader)? */
  canManage: z.boolean(),
  requestNotation: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const roundListResponse = z.object({ items: z.array(roundSummary) });
export type RoundListResponse = z.infer<typeof roundListResponse>;

export const roundUnitOut = z.object({
  unit: unitRefOut,
  report: z
    .object({
      id: z.number(),
      status: reportStatusSchema,
      sentAt: z.string().nullable(),
    })
    .nullable(),
  /** May the user open (or create) this unit's report? */
  canReport: z.boolean(),
});
export type RoundUnitOut = z.infer<typeof roundUnitOut>;

export const roundDetail = roundSummary.extend({
  guidance: z.string(),
  units: z.array(roundUnitOut),
  requestLetter: z
    .object({ notation: z.string(), issuedOn: z.string(), entry: registerEntryOut.nullable() })
    .nullable(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

export const roundReportBody = z.object({
  unitId: dbId('Đơn vị không hợp lệ.', 'Cần chọn đơn vị.'),
});

export const roundReportResponse = z.object({
  reportId: z.number(),
  created: z.boolean(),
  /** The report's revision and status now (what "Không phát sinh" needs to submit it). */
  revision: z.number(),
  status: reportStatusSchema,
});
export type RoundReportResponse = z.infer<typeof roundReportResponse>;

export const nextRoundResponse = z.object({ id: z.number(), created: z.boolean() });

export const requestLetterBody = z.object({
  signerId: dbId('Người ký không hợp lệ.', 'Chưa chọn người ký.'),
  issuedOn: date('Ngày ban hành').optional(),
});
export type RequestLetterBody = z.input<typeof requestLetterBody>;

export const requestLetterPreview = z.object({
  text: z.string(),
  document: officialDocumentOut,
  issued: z.boolean(),
  notation: z.string().nullable(),
  fileNames: z.object({ docx: z.string(), pdf: z.string() }),
  pdfAvailable: z.boolean(),
  signers: z.array(
    z.object({ id: z.number(), fullName: z.string(), title: z.string(), isDefault: z.boolean() }),
  ),
});
export type RequestLetterPreview = z.infer<typeof requestLetterPreview>;

export const requestLetterQuery = z.object({ signerId: dbIdParam('Người ký không hợp lệ.').optional() });

export { idParam };
