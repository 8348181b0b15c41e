/**
 * The HTTP API of consolidation (src/server/consolidation), shared with the web app:
 * - GET  /api/rounds/:id/consolidation       the state of a round's consolidation (`roundConsolidation`)
 * - POST /api/rounds/:id/consolidation       makes or refreshes it (same answer)
 * - GET  /api/rounds/:id/consolidation.xlsx  the figures as a spreadsheet
 * - GET  /api/reports/:id/trace              where each figure of a consolidated report came from
 * - POST /api/reports/:id/overrides          a figure set instead of its sum, with the reason
 */
import { z } from 'zod';
import { dbId, dbIdParam } from '../api.js';
import { indicatorValueSchema as inputValueSchema } from '../report-json.js';

/** An indicator's value in an answer (no input transforms: responses are only serialised). */
const indicatorValueSchema = z.union([
  z.number(),
  z.string(),
  z.array(z.string()),
  z.object({ total: z.number(), parts: z.array(z.object({ key: z.string(), value: z.number() })) }),
]);

const sourceRef = z.object({
  reportId: z.number().int(),
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  version: z.number().int(),
});
export type SourceRef = z.infer<typeof sourceRef>;

export const roundConsolidation = z.object({
  roundId: z.number().int(),
  /** The consolidated report, once made. */
  report: z
    .object({
      id: z.number().int(),
      status: z.string(),
      statusLabel: z.string(),
      madeAt: z.string().nullable(),
      /** Can the figures still be refreshed (draft or returned)? */
      editable: z.boolean(),
    })
    .nullable(),
  counts: z.object({
    /** Units that must report. */
    units: z.number().int(),
    /** Received (or accepted) by the receiving unit: the sources of the consolidation. */
    received: z.number().int(),
    /** Issued by the unit but not yet received. */
    notReceived: z.number().int(),
    /** Not yet issued (no report, draft, with the leader, returned). */
    notSent: z.number().int(),
  }),
  /**
   * Every unit asked and where it stands now (official code order), with the sentence the page
   * shows before "Tổng hợp ngay" ("3/5 xã, phường …; chưa gửi báo cáo: …").
   */
  coverage: z.object({
    asked: z.number().int(),
    answered: z.number().int(),
    late: z.number().int(),
    partial: z.boolean(),
    deadline: z.string(),
    sentence: z.string(),
    units: z.array(
      z.object({
        unitId: z.number().int(),
        code: z.string(),
        name: z.string(),
        state: z.enum(['answered', 'nil', 'not_received', 'missing']),
        stateLabel: z.string(),
        reportId: z.number().int().nullable(),
        daysLate: z.number().int(),
      }),
    ),
  }),
  /** What the consolidated report was made from: units answered of units asked (null for older ones). */
  madeFrom: z.object({ answered: z.number().int(), asked: z.number().int() }).nullable(),
  /** The sources the consolidated report was made from. */
  sourcesUsed: z.number().int(),
  /** Reports received since it was made: not among its sources, or in a newer version. */
  receivedSince: z.array(sourceRef.extend({ reason: z.enum(['new', 'newer_version']) })),
  /** Sources it used that are no longer received (returned to the unit since). */
  withdrawn: z.array(sourceRef),
  /** Figures that would change if it were refreshed now. */
  differences: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      before: indicatorValueSchema.nullable(),
      after: indicatorValueSchema.nullable(),
    }),
  ),
});
export type RoundConsolidation = z.infer<typeof roundConsolidation>;

export const reportTrace = z.object({
  reportId: z.number().int(),
  /** False for a report that is not a consolidation: nothing to show. */
  consolidated: z.boolean(),
  madeAt: z.string().nullable(),
  roundId: z.number().int().nullable(),
  /** Units answered of units asked when it was made, and the sentence saying so (null for older ones). */
  coverage: z
    .object({
      answered: z.number().int(),
      asked: z.number().int(),
      partial: z.boolean(),
      sentence: z.string(),
    })
    .nullable(),
  sources: z.array(sourceRef.extend({ nilAll: z.boolean() })),
  indicators: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      /** The figure in the report now (the officer may have corrected it). */
      value: indicatorValueSchema.nullable(),
      /** The consolidated figure: the combination of the sources' values. */
      sources: z.array(
        z.object({
          reportId: z.number().int(),
          unitCode: z.string(),
          unitName: z.string(),
          value: indicatorValueSchema,
          href: z.string(),
        }),
      ),
    }),
  ),
});
export type ReportTrace = z.infer<typeof reportTrace>;

/**
 * A consolidated report's figures as its page shows them (part of the report's view): each figure's
 * sum of the sources, how many sources gave it, and the receiving unit's override with its reason;
 * the coverage when it was made.
 */
export const consolidatedFigures = z.object({
  madeAt: z.string(),
  roundId: z.number().int().nullable(),
  /** Reports consolidated. */
  sources: z.number().int(),
  /** "xã, phường": the kinds of the units asked, for "Tổng của các xã, phường: 12". */
  unitsKind: z.string(),
  coverage: z
    .object({
      answered: z.number().int(),
      asked: z.number().int(),
      partial: z.boolean(),
      sentence: z.string(),
      /** The units whose figures are not in it (official code order), with their state. */
      waiting: z.array(z.object({ name: z.string(), stateLabel: z.string(), daysLate: z.number().int() })),
    })
    .nullable(),
  figures: z.record(
    z.string(),
    z.object({
      /** The combination of the sources' values (null: no source gave it). */
      sum: indicatorValueSchema.nullable(),
      /** Sources that gave the figure. */
      sources: z.number().int(),
      override: z
        .object({ value: indicatorValueSchema, reason: z.string(), by: z.string(), at: z.string() })
        .nullable(),
    }),
  ),
});
export type ConsolidatedFigures = z.infer<typeof consolidatedFigures>;

/** POST /api/reports/:id/overrides: a figure set instead of the sum, with its reason (value null: the sum back). */
export const overrideFigureBody = z.object({
  revision: z.number({ error: 'Thiếu số phiên bản của báo cáo.' }).int().min(0),
  code: z.string().min(1).max(100),
  value: inputValueSchema.nullable(),
  reason: z.string({ error: 'Lý do sửa số liệu phải là chữ.' }).max(2000).default(''),
});
export type OverrideFigureBody = z.input<typeof overrideFigureBody>;

/**
 * The UBND tỉnh answers the ministry's round from its Sở Ngoại vụ's consolidated report of the
 * same period (the province whose communes report to the Sở).
 */
export const answerFromDepartmentBody = z.object({
  provinceId: dbId('Tỉnh, thành phố không hợp lệ.'),
  departmentReportId: dbId(
    'Báo cáo tổng hợp của Sở Ngoại vụ không hợp lệ.',
    'Hãy chọn báo cáo tổng hợp của Sở Ngoại vụ.',
  ),
});
export type AnswerFromDepartmentBody = z.input<typeof answerFromDepartmentBody>;
export const answerFromDepartmentResult = z.object({ reportId: z.number().int(), created: z.boolean() });

export const departmentReportQuery = z.object({ provinceId: dbIdParam('Tỉnh, thành phố không hợp lệ.') });
/** The Sở Ngoại vụ's consolidated report of the round's period the province may answer from, if any. */
export const departmentReportAnswer = z.object({
  report: z
    .object({
      id: z.number().int(),
      unitName: z.string(),
      statusLabel: z.string(),
      /** Issued to the UBND tỉnh (or received): the province may draft from it. */
      issued: z.boolean(),
    })
    .nullable(),
});
export type DepartmentReportAnswer = z.infer<typeof departmentReportAnswer>;
