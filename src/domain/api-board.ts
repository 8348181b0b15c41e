/**
 * The HTTP API of the completeness board (tiến độ báo cáo), a round's progress and the dashboards
 * (thống kê): one zod schema per boundary, shared by src/server/board and the web pages.
 */
import { z } from 'zod';
import { dbIdParam } from './api.js';
import { ROUND_FREQUENCIES } from './rounds.js';
import { BOARD_STATES } from './workflow.js';

const positiveId = (label: string) => dbIdParam(`${label} không hợp lệ.`);

/** "true"/"1" from a query string; anything else is false. */
const queryFlag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'true' || v === '1');

const outlineCode = z.string().max(100, { error: 'Mã đề cương quá dài.' });

export const boardQuery = z.object({
  /** The receiving unit (a province or a province-level body). */
  unitId: positiveId('Đơn vị nhận báo cáo'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  frequency: z.enum(ROUND_FREQUENCIES, { error: 'Tần suất không hợp lệ.' }).optional(),
  outlineCode: outlineCode.optional(),
  /** Units with at least one cell in this state. */
  state: z.enum(BOARD_STATES, { error: 'Trạng thái không hợp lệ.' }).optional(),
  /** Units whose name or code contains this (diacritics and case ignored). */
  q: z.string().max(200, { error: 'Từ khóa tìm kiếm quá dài.' }).optional(),
  /** Units with at least one late cell. */
  lateOnly: queryFlag,
});
/** What a client sends (the query string of /api/board and /api/board.xlsx). */
export type BoardQuery = Partial<z.infer<typeof boardQuery>> & { unitId: number };
export type BoardParams = z.infer<typeof boardQuery>;

const boardUnit = z.object({ id: z.number(), code: z.string(), name: z.string() });
export type BoardUnit = z.infer<typeof boardUnit>;

const counts = z.object(
  Object.fromEntries(BOARD_STATES.map((s) => [s, z.number()])) as {
    [K in (typeof BOARD_STATES)[number]]: z.ZodNumber;
  },
);

const rates = z.object({
  required: z.number(),
  sent: z.number(),
  sentOnTime: z.number(),
  late: z.number(),
  rate: z.number(),
  onTimeRate: z.number(),
  counts,
});

export const boardRound = rates.extend({
  id: z.number(),
  name: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  deadline: z.string(),
  frequency: z.enum(ROUND_FREQUENCIES),
  outlineCode: z.string(),
  status: z.string(),
});
export type BoardRound = z.infer<typeof boardRound>;

export const boardCellOut = z.object({
  state: z.enum(BOARD_STATES),
  daysLate: z.number(),
  reportId: z.number().nullable(),
});
export type BoardCellOut = z.infer<typeof boardCellOut>;

export const boardResponse = z.object({
  unit: boardUnit,
  today: z.string(),
  /** Columns, oldest first. */
  rounds: z.array(boardRound),
  /** Rows in official code order; a null cell: the unit was not asked in that round. */
  rows: z.array(z.object({ unit: boardUnit, cells: z.array(boardCellOut.nullable()) })),
  /** Units that must report in at least one of the rounds (before the row filters). */
  unitCount: z.number(),
  totals: rates,
  /** What the filters may choose from. */
  years: z.array(z.number()),
  outlineCodes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type BoardResponse = z.infer<typeof boardResponse>;

/** Receiving units the user may follow (round.manage). */
export const boardUnitsResponse = z.object({ items: z.array(boardUnit) });
export type BoardUnitsResponse = z.infer<typeof boardUnitsResponse>;

export const roundProgressResponse = z.object({
  round: boardRound,
  today: z.string(),
  items: z.array(z.object({ unit: boardUnit, cell: boardCellOut })),
});
export type RoundProgressResponse = z.infer<typeof roundProgressResponse>;

// ---------- dashboards ----------

export const indicatorsQuery = z.object({ outlineCode: outlineCode.optional() });

export const indicatorOut = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  measure: z.enum(['flow', 'stock']),
  aggregation: z.enum(['sum', 'latest', 'max']),
  /** Counts are whole numbers: a chart's axis never shows "0,25 đoàn". */
  whole: z.boolean(),
  /** The title of the top-level section it belongs to. */
  section: z.string(),
});
export type IndicatorOut = z.infer<typeof indicatorOut>;

export const indicatorsResponse = z.object({
  outlines: z.array(z.object({ code: z.string(), name: z.string() })),
  outlineCode: z.string(),
  /** Numeric indicators only (counts, decimals, money). */
  indicators: z.array(indicatorOut),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponse>;

/** Kinds of period a series runs over: the two halves of a year make one kind. */
export const SERIES_KINDS = ['week', 'month', 'quarter', 'half', 'nine_months', 'year', 'custom'] as const;
export type SeriesKind = (typeof SERIES_KINDS)[number];
export const SERIES_KIND_LABELS: Record<SeriesKind, string> = {
  week: 'Tuần',
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  nine_months: '9 tháng',
  year: 'Năm',
  custom: 'Khoảng ngày',
};

export const seriesQuery = z.object({
  unitId: positiveId('Đơn vị'),
  outlineCode,
  indicator: z.string().min(1, { error: 'Hãy chọn chỉ tiêu.' }).max(100),
  /** Default: the kind the unit reports most often. */
  periodKind: z.enum(SERIES_KINDS, { error: 'Loại kỳ không hợp lệ.' }).optional(),
  /** `year`: the periods of each year combined (flows added up, a stock at its last value). */
  by: z.enum(['period', 'year']).default('period'),
});
export type SeriesQuery = Omit<z.infer<typeof seriesQuery>, 'by'> & { by?: 'period' | 'year' };

export const seriesPoint = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  /** `own`: the unit's (or the province's own consolidated) report; `units`: summed from its communes. */
  source: z.enum(['own', 'units', 'none']),
  /** Reports the value came from. */
  reports: z.number(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const seriesResponse = z.object({
  unit: boardUnit,
  indicator: indicatorOut,
  periodKind: z.enum(SERIES_KINDS).nullable(),
  periodKinds: z.array(z.enum(SERIES_KINDS)),
  by: z.enum(['period', 'year']),
  points: z.array(seriesPoint),
});
export type SeriesResponse = z.infer<typeof seriesResponse>;

export const compareQuery = z.object({
  /** A province: its communes side by side. */
  unitId: positiveId('Tỉnh'),
  outlineCode,
  indicator: z.string().min(1, { error: 'Hãy chọn chỉ tiêu.' }).max(100),
  /** Default: the latest period with figures. */
  periodKey: z.string().max(60).optional(),
  top: z.coerce.number().int().min(1).max(50).default(10),
});
export type CompareQuery = Omit<z.infer<typeof compareQuery>, 'top'> & { top?: number };

export const compareResponse = z.object({
  unit: boardUnit,
  indicator: indicatorOut,
  periodKey: z.string().nullable(),
  periodLabel: z.string().nullable(),
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
  /** The top units, then one bar "Các đơn vị khác" when there are more. */
  bars: z.array(z.object({ unit: boardUnit.nullable(), label: z.string(), value: z.number() })),
  total: z.number().nullable(),
  /** Units whose report for the period holds the figure; and those that did not report it. */
  reported: z.number(),
  missing: z.number(),
});
export type CompareResponse = z.infer<typeof compareResponse>;

export const ratesQuery = boardQuery.pick({ unitId: true, year: true, frequency: true, outlineCode: true });
export type RatesQuery = z.infer<typeof ratesQuery>;

export const ratesResponse = z.object({
  unit: boardUnit,
  points: z.array(
    z.object({
      roundId: z.number(),
      name: z.string(),
      periodLabel: z.string(),
      deadline: z.string(),
      required: z.number(),
      sent: z.number(),
      rate: z.number(),
      onTimeRate: z.number(),
    }),
  ),
});
export type RatesResponse = z.infer<typeof ratesResponse>;
