/**
 * The HTTP API of outlines (đề cương) and reports: one zod schema per boundary, used by the server
 * (src/server/outlines, src/server/reports) and by the web app's pages and forms.
 *
 * Error codes the report pages should know (src/domain/errors.ts):
 * - REPORT_CONFLICT (409): a save named a stale `revision`; the body carries `current` (what the
 *   server holds and who saved it), see `reportConflictResponse`;
 * - REPORT_LOCKED (409): the report is no longer a draft (submitted, approved, issued);
 * - CONFLICT (409): a workflow step the report's state does not allow (approving twice, two leaders
 *   at once: the second one), with the reason in Vietnamese (src/domain/workflow.ts stepRefusal);
 * - REPORT_INCOMPLETE (400): submission refused, `fields` lists what is missing or wrong;
 * - PERIOD_IN_FUTURE (400): the period's data window has not started yet;
 * - OUTLINE_BUILT_IN (409): a built-in outline cannot be edited in place (clone it first);
 * - OUTLINE_CONFLICT (409): an outline save named a version that is no longer the current one.
 */
import { z } from 'zod';
import { dbId, dbIdParam, errorResponse, idParam, text, unitRefOut } from './api.js';
import { consolidatedFigures } from './consolidation/api.js';
import type { OfficialDocument } from './document.js';
import type { SectionSupplement } from './drafting/types.js';
import type { IndicatorValue, Outline } from './outline.js';
import { DOCUMENT_KINDS } from './outline.js';
import { PERIOD_KINDS } from './periods.js';
import {
  indicatorValueSchema,
  periodSchema as periodInSchema,
  type ReportContent,
  type ReportJson,
  reportChangesSchema,
  reportContentSchema,
  reportJsonSchema,
  windowSchema,
} from './report-json.js';
import { REPORT_STATUSES } from './workflow.js';

// Statuses are declared once, in the workflow (src/domain/workflow.ts); re-exported for the API's users.
export { EDITABLE_STATUSES, REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from './workflow.js';

/** The code of the 409 answer of a stale save, for the client's conflict dialog. */
export const REPORT_CONFLICT_CODE = 'REPORT_CONFLICT';

// Definitions, drafted reports and contents are large trees whose shape belongs to the domain
// (outline.ts, drafting, report-json.ts); responses pass them through as they are and the types
// below name them precisely.
const outlineJson = z.unknown() as unknown as z.ZodType<Outline>;
const contentJson = z.unknown() as unknown as z.ZodType<ReportContent>;
// The composer's output (src/domain/report-document.ts), never a stored row: passed through as it is
// (its whitelisted shape is `officialDocumentOut`, which the preview route answers with).
const documentJson = z.unknown() as unknown as z.ZodType<OfficialDocument>;

export const unitIdParam = z.object({ unitId: idParam.shape.id });

// ---------- outlines ----------
const flag = z
  .enum(['0', '1', 'true', 'false'], { error: 'Giá trị phải là 0 hoặc 1.' })
  .optional()
  .transform((v) => v === '1' || v === 'true');

export const outlineListQuery = z.object({
  /** `?all=1` lists superseded versions too. */
  all: flag,
  documentKind: z.enum(DOCUMENT_KINDS).optional(),
});
export type OutlineListQuery = z.input<typeof outlineListQuery>;

export const outlineSummary = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  documentKind: z.enum(DOCUMENT_KINDS),
  builtIn: z.boolean(),
  /** False for a version superseded by a newer one. */
  current: z.boolean(),
  /** The administrator's unit that owns a clone; null for built-in outlines. */
  ownerUnit: unitRefOut.nullable(),
  createdAt: z.string(),
  /** May this user clone it (any outline) / edit it (a clone of a unit he administers, current version)? */
  canEdit: z.boolean(),
});
export type OutlineSummary = z.infer<typeof outlineSummary>;

export const outlineListResponse = z.object({ items: z.array(outlineSummary) });
export type OutlineListResponse = z.infer<typeof outlineListResponse>;

/** A section as numbered for display: "I", "1", "a" (the punctuation is added when printed). */
export interface NumberedSectionOut {
  key: string;
  number: string;
  level: number;
  title: string;
}

export const outlineDetail = outlineSummary.extend({
  definition: outlineJson,
  /** The sections with their generated numbers, in reading order. */
  numbered: z.array(z.object({ key: z.string(), number: z.string(), level: z.number(), title: z.string() })),
  /** Reports made with this version (they keep it when the outline gets a new version). */
  reportCount: z.number(),
  /** Other versions of the same code, newest first. */
  versions: z.array(
    z.object({ id: z.number(), version: z.number(), current: z.boolean(), createdAt: z.string() }),
  ),
});
export type OutlineDetail = z.infer<typeof outlineDetail>;

const outlineCode = z
  .string({ error: 'Mã đề cương: cần nhập chữ.' })
  .trim()
  .toLowerCase()
  .min(3, { error: 'Mã đề cương cần ít nhất 3 ký tự.' })
  .max(64, { error: 'Mã đề cương không được dài quá 64 ký tự.' })
  // The same pattern as OUTLINE_CODE_PATTERN (src/domain/outlines/schema.ts).
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    error:
      'Mã đề cương bắt đầu bằng chữ, gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: bao-cao-xa-ha-tinh).',
  });

export const cloneOutlineBody = z.object({
  code: outlineCode,
  name: text('Tên đề cương', 200),
  ownerUnitId: dbId('Đơn vị sở hữu đề cương không hợp lệ.', 'Cần chọn đơn vị sở hữu đề cương.'),
});
export type CloneOutlineBody = z.input<typeof cloneOutlineBody>;

export const updateOutlineBody = z.object({
  /** The whole edited outline; validated with the outline schema (errors name `definition.…`). */
  definition: z.unknown(),
  /** The version the edit started from: a newer version saved meanwhile refuses the save. */
  baseVersion: dbId('Phiên bản gốc của đề cương không hợp lệ.', 'Thiếu phiên bản gốc của đề cương.'),
});
export type UpdateOutlineBody = z.input<typeof updateOutlineBody>;

// ---------- reports ----------
export const reportStatusSchema = z.enum(REPORT_STATUSES);

export const periodOut = z.object({
  kind: z.enum(PERIOD_KINDS),
  year: z.number(),
  index: z.number(),
  start: z.string().optional(),
  end: z.string().optional(),
});

const windowOut = z.object({ start: z.string(), end: z.string() });
const personOut = z.object({ id: z.number(), fullName: z.string() });

export const reportOutlineRef = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  documentKind: z.enum(DOCUMENT_KINDS),
  /** False when the outline has a newer version (the report keeps the one it was made with). */
  current: z.boolean(),
});

export const reportListItem = z.object({
  id: z.number(),
  unit: unitRefOut,
  outline: reportOutlineRef,
  period: periodOut,
  periodKey: z.string(),
  /** "6 tháng đầu năm 2026". */
  periodLabel: z.string(),
  window: windowOut,
  status: reportStatusSchema,
  statusLabel: z.string(),
  revision: z.number(),
  updatedAt: z.string(),
  updatedBy: personOut.nullable(),
});
export type ReportListItem = z.infer<typeof reportListItem>;

export const reportListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ReportListQuery = z.input<typeof reportListQuery>;

export const reportListResponse = z.object({ items: z.array(reportListItem), total: z.number() });
export type ReportListResponse = z.infer<typeof reportListResponse>;

export const createReportBody = z.object({
  outlineId: dbId('Đề cương không hợp lệ.', 'Cần chọn đề cương.'),
  period: periodInSchema,
  /** Overrides the period's ND 09/2019 data window. */
  window: windowSchema.optional(),
});
export type CreateReportBody = z.input<typeof createReportBody>;

/** The steps a report page offers: the workflow's (src/domain/workflow.ts) and "Không phát sinh" in one step. */
export const VIEW_STEPS = [
  'submit',
  'submit-nil',
  'withdraw',
  'return',
  'approve',
  'issue',
  'receive',
  'accept',
  'reject',
  'correct',
] as const;
export type ViewStep = (typeof VIEW_STEPS)[number];

export const reportCommentOut = z.object({
  id: z.number(),
  version: z.number(),
  /** `leader`: the unit's leader returned it; `province`: the receiving unit sent it back. */
  stage: z.enum(['leader', 'province']),
  /** A section key or an indicator code; null for the whole report. */
  target: z.string().nullable(),
  targetKind: z.enum(['section', 'indicator']).nullable(),
  /** "III.2.a" for a section, the section's number for an indicator. */
  targetNumber: z.string().nullable(),
  /** The section title or the indicator label. */
  targetLabel: z.string().nullable(),
  body: z.string(),
  author: personOut.nullable(),
  createdAt: z.string(),
  /** Still to be acted on: the report is returned and the comment is on its current version. */
  open: z.boolean(),
});
export type ReportCommentOut = z.infer<typeof reportCommentOut>;

export const reportChangeOut = z.object({
  kind: z.enum(['value', 'narrative', 'nil']),
  target: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type ReportChangeOut = z.infer<typeof reportChangeOut>;

export const reportChangesOut = z.object({
  /** The version compared against. */
  against: z.number(),
  /** The version compared, or null for the content being corrected (not submitted yet). */
  current: z.number().nullable(),
  items: z.array(reportChangeOut),
});
export type ReportChangesOut = z.infer<typeof reportChangesOut>;

export const reportMeta = reportListItem.extend({
  createdAt: z.string(),
  /** "6 tháng cuối năm 2025", "6 tháng đầu năm 2025": the columns beside each indicator. */
  previousPeriodLabel: z.string().nullable(),
  sameLastYearLabel: z.string().nullable(),
  /** What this user may do now (the server checks again on every request). */
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReturn: z.boolean(),
  /** The overall comment of the last return (the leader's, or the receiving unit's reason). */
  returnComment: z.string().nullable(),
  /** How many times it was submitted (report_versions). */
  version: z.number(),
  /** First issued (sent to the receiving unit), received, accepted: ISO timestamps. */
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /** The reporting round it answers, if any. */
  roundId: z.number().nullable(),
  /** Once issued: the register notation ("05/BC-UBND") and the date of issue of the document sent. */
  notation: z.string().nullable(),
  issuedOn: z.string().nullable(),
  /** The workflow steps THIS user may take now, in workflow order (the buttons to show). */
  steps: z.array(z.enum(VIEW_STEPS)),
  /** Comments of the last return, each with the place it is about. */
  comments: z.array(reportCommentOut),
  /** What changed against the last submitted version (or, once resubmitted, against the one before). */
  changes: reportChangesOut.nullable(),
});
export type ReportMeta = z.infer<typeof reportMeta>;

export const reportIssue = z.object({
  /** `validation`: a value is wrong (errors block submission); `quality`: something a reader would catch. */
  source: z.enum(['validation', 'quality', 'completeness']),
  severity: z.enum(['error', 'warning']),
  /** Indicator code, section or narrative key, or a field path; null for the whole report. */
  path: z.string().nullable(),
  message: z.string(),
});
export type ReportIssue = z.infer<typeof reportIssue>;

const draftedTextJson = z.object({
  drafted: z.array(z.string()),
  draftHash: z.string(),
  paragraphs: z.array(z.string()),
  stale: z.boolean(),
});

/** Everything the report form needs in one answer (slow connections: one request per page). */
export const reportView = z.object({
  report: reportMeta,
  content: contentJson,
  outline: outlineJson,
  issues: z.array(reportIssue),
  /**
   * The document as it prints (the one composer, src/domain/report-document.ts): the form's preview
   * draws it as the page; the DOCX and PDF are rendered from the same document.
   */
  document: documentJson,
  /** True when `document` is the frozen issued one. */
  documentIssued: z.boolean(),
  /**
   * The opening ("Thực hiện Công văn số …") and the closing ("Trên đây là báo cáo … kính gửi …"),
   * drafted and as edited (content.narratives["document.opening"] / ["document.closing"]).
   */
  frame: z.object({ opening: draftedTextJson, closing: draftedTextJson }),
  /** A consolidated report's added sentences by section (src/domain/drafting SectionSupplement). */
  supplements: (z.unknown() as unknown as z.ZodType<Record<string, SectionSupplement>>).nullable(),
  /** A consolidated report's figures: sums, sources and overrides with their reasons (null otherwise). */
  consolidation: consolidatedFigures.nullable(),
  /**
   * An issued report whose figures came from the logbook: the figures whose records changed since
   * ("đã ban hành 12 ≠ hiện nay 13"), with those records. Null for any other report.
   */
  logbook: z.object({ differences: z.array(z.lazy(() => logbookDifferenceOut)) }).nullable(),
});
export type ReportView = z.infer<typeof reportView>;

/** A logbook record behind a figure or a line, as a report shows it (never personal data). */
export const logbookRecordOut = z.object({
  id: z.number(),
  kind: z.string(),
  /** The register's short name: "Đoàn ra, đoàn vào". */
  kindName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  title: z.string(),
  revision: z.number(),
  deleted: z.boolean(),
});
export type LogbookRecordOut = z.infer<typeof logbookRecordOut>;

const outValue = z.unknown() as unknown as z.ZodType<IndicatorValue>;

export const RECORD_CHANGES = ['changed', 'deleted', 'added', 'left'] as const;

export const logbookDifferenceOut = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  issued: outValue.nullable(),
  now: outValue.nullable(),
  records: z.array(
    z.object({ change: z.enum(RECORD_CHANGES), record: logbookRecordOut.nullable(), id: z.number() }),
  ),
});
export type LogbookDifferenceOut = z.infer<typeof logbookDifferenceOut>;

/** POST /api/reports/:id/logbook/refresh: the figures and lines computed again from the logbook. */
export const logbookRefreshBody = z.object({
  revision: dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.'),
});

/**
 * POST /api/reports/:id/logbook/override: the officer's figure instead of the one computed from the
 * logbook, with the reason (value null: back to the computed figure).
 */
export const logbookOverrideBody = z.object({
  revision: dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.'),
  code: z.string().min(1).max(100),
  value: indicatorValueSchema.nullable(),
  reason: z
    .string({ error: 'Lý do phải là chữ.' })
    .max(1000, 'Lý do quá dài (tối đa 1.000 ký tự).')
    .optional(),
});
export type LogbookOverrideBody = z.input<typeof logbookOverrideBody>;

/** GET /api/reports/:id/logbook/records: the records behind a figure (`code`) or a section's lines. */
export const logbookRecordsQuery = z.object({
  code: z.string().max(100).optional(),
  section: z.string().max(100).optional(),
});
export const logbookRecordsResponse = z.object({ items: z.array(logbookRecordOut) });

/** The answer of an autosave: the new revision and who saved; nothing is recomputed for it. */
export const reportSaved = z.object({
  report: z.object({
    id: z.number(),
    revision: z.number(),
    status: reportStatusSchema,
    updatedAt: z.string(),
    updatedBy: personOut.nullable(),
  }),
});
export type ReportSaved = z.infer<typeof reportSaved>;

export const saveReportBody = z.object({
  /** The revision the client's copy started from. */
  revision: dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.'),
  content: reportContentSchema,
});
export type SaveReportBody = z.input<typeof saveReportBody>;

/** The autosave: only what changed since `revision` (src/domain/report-changes.ts). */
export const patchReportBody = z.object({
  /** The revision the changes were made on. */
  revision: dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.'),
  changes: reportChangesSchema,
});
export type PatchReportBody = z.input<typeof patchReportBody>;

/** The 409 answer of a stale save: the error, and what the server holds now so nothing is lost. */
export const reportConflictResponse = errorResponse.extend({
  /** Present for REPORT_CONFLICT; absent for the other 409 answers (REPORT_LOCKED). */
  current: z
    .object({
      revision: z.number(),
      content: contentJson,
      updatedAt: z.string(),
      updatedBy: personOut.nullable(),
      status: reportStatusSchema,
    })
    .optional(),
});
export type ReportConflictResponse = z.infer<typeof reportConflictResponse>;

/** "Không phát sinh" for some sections or the whole report (or undo it with `nil: false`). */
export const nilBody = z
  .object({
    revision: dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.'),
    all: z.boolean().optional(),
    sections: z.array(z.string().max(100)).max(200).optional(),
    nil: z.boolean().default(true),
  })
  .refine((b) => b.all !== undefined || (b.sections?.length ?? 0) > 0, {
    error: 'Cần chọn ít nhất một mục, hoặc cả báo cáo.',
    path: ['sections'],
  });
export type NilBody = z.input<typeof nilBody>;

export const submitBody = z.object({
  revision: dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.'),
});
export type SubmitBody = z.input<typeof submitBody>;

const revisionIn = dbId('Số phiên bản của báo cáo không hợp lệ.', 'Thiếu số phiên bản của báo cáo.');

/** "Trả lại": an overall comment and/or comments on a section or an indicator. */
export const returnBody = z
  .object({
    revision: revisionIn,
    comment: text('Ý kiến khi trả lại', 2000).optional(),
    comments: z
      .array(
        z.object({
          /** A section key or an indicator code of the report's outline; absent for the whole report. */
          target: z.string().max(100).nullish(),
          body: text('Ý kiến', 2000),
        }),
      )
      .max(100, { error: 'Tối đa 100 ý kiến mỗi lần trả lại.' })
      .optional(),
  })
  .refine((b) => b.comment !== undefined || (b.comments?.length ?? 0) > 0, {
    error: 'Cần ghi ý kiến khi trả lại báo cáo.',
    path: ['comment'],
  });
export type ReturnBody = z.input<typeof returnBody>;

/** Approve, receive, accept: the revision the user saw, when the client sends it. */
export const stepBody = z.object({ revision: revisionIn.optional() }).default({});
export type StepBody = z.input<typeof stepBody>;

/** The receiving unit sends the report back: the reason is required. */
export const rejectBody = z.object({
  revision: revisionIn.optional(),
  reason: text('Lý do trả lại', 2000),
});
export type RejectBody = z.input<typeof rejectBody>;

/** A report's history: its versions and every step, from the audit log. */
export const reportHistory = z.object({
  versions: z.array(
    z.object({
      version: z.number(),
      createdAt: z.string(),
      by: personOut.nullable(),
      /** The register notation when this version was issued ("05/BC-UBND"). */
      notation: z.string().nullable(),
    }),
  ),
  steps: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      /** "Duyệt báo cáo". */
      label: z.string(),
      at: z.string(),
      by: personOut.nullable(),
      /** Who, when there is no user (seed, command line). */
      actorLabel: z.string(),
      comment: z.string().nullable(),
      notation: z.string().nullable(),
      version: z.number().nullable(),
    }),
  ),
});
export type ReportHistory = z.infer<typeof reportHistory>;

/** The report JSON file (format doingoai.report/1) as imported. */
export const importReportBody = reportJsonSchema;
/** `?revision=` names the revision being replaced when the report already exists. */
export const importReportQuery = z.object({
  revision: dbIdParam('Số phiên bản không hợp lệ.').optional(),
});
export type ImportReportQuery = z.input<typeof importReportQuery>;
export type ExportedReport = ReportJson;
/** The exported file: the report JSON as stored (checked on import, not on the way out). */
export const exportedReport = z.unknown() as unknown as z.ZodType<ReportJson>;
