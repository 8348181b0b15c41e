/**
 * The sources of a consolidation: the received reports of an outline and period (of a round, of a
 * province), read in one query with only what consolidation needs (values, nil answers, the unit's
 * code and name; never the narratives), in official code order. A consolidated report is never a
 * source of another consolidation of the same rows (it would count twice): a province's round
 * takes the communes' and bodies' own reports only; the ministry's round takes the provinces'
 * reports, consolidated ones included, and nothing below them (two levels, each row once).
 */
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { LaterReport } from '../domain/consolidation/checks.js';
import { type AskedUnitSource, type Coverage, coverageOf } from '../domain/consolidation/coverage.js';
import { consolidationDigest, type SourceTexts } from '../domain/consolidation/digest.js';
import { type ConsolidationSource, consolidate, withRequiredZeros } from '../domain/consolidation/index.js';
import { consolidationNarrative } from '../domain/consolidation/narrative.js';
import {
  type FigureOverride,
  readStored,
  type StoredConsolidation,
  sourceValues,
  storeConsolidation,
  withOverrides,
} from '../domain/consolidation/stored.js';
import type { SectionSupplement } from '../domain/drafting/types.js';
import { AppError } from '../domain/errors.js';
import type { Outline, ReportValues } from '../domain/outline.js';
import { consolidatedOutlineCode, indicatorsOf } from '../domain/outlines/index.js';
import { parsePeriodKey, periodKey, samePeriodLastYear, todayInVietnam } from '../domain/periods.js';
import { type ReportContent, reportContentSchema } from '../domain/report-json.js';
import { EDITABLE_STATUSES, type ReportStatus } from '../domain/workflow.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { findCurrentOutline, getOutlineRow, type OutlineRow } from './outlines.js';
import { loadRoundRow, type RoundRow } from './rounds.js';
import { reports, rounds, roundUnits, units } from './schema.js';

/** What the province has received: the reports it consolidates by default. */
export const CONSOLIDATED_STATUSES: readonly ReportStatus[] = ['received', 'accepted'];

export interface SourceFilter {
  outlineCode: string;
  periodKey: string;
  roundId?: number;
  provinceCode?: string;
  statuses?: readonly ReportStatus[];
  /**
   * Include consolidated reports (the ministry's round: each province answers with its own
   * consolidation). Only where the sources' own sources are not sources too.
   */
  withConsolidated?: boolean;
  /** Only these units' reports (the ministry's round: its 34 provinces, read without the rows below). */
  unitIds?: readonly number[];
}

interface NilAnswer {
  all?: boolean;
  sections?: string[];
}

export async function loadSources(q: Queryable, filter: SourceFilter): Promise<ConsolidationSource[]> {
  const statuses = filter.statuses ?? CONSOLIDATED_STATUSES;
  const conditions = [
    eq(reports.outlineCode, filter.outlineCode),
    eq(reports.periodKey, filter.periodKey),
    inArray(reports.status, [...statuses]),
  ];
  if (!filter.withConsolidated) conditions.push(isNull(reports.consolidation));
  if (filter.roundId !== undefined) conditions.push(eq(reports.roundId, filter.roundId));
  if (filter.provinceCode !== undefined) conditions.push(eq(units.provinceCode, filter.provinceCode));
  if (filter.unitIds !== undefined) conditions.push(inArray(reports.unitId, [...filter.unitIds]));
  const rows = await q
    .select({
      reportId: reports.id,
      version: reports.version,
      unitId: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      part: sql<unknown>`(${reports.content} - ${LONG_PARTS})`,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(...conditions));
  // Ordered here, not by the query: sorting rows that carry their content would spill to disk.
  rows.sort((a, b) => byCode(a.code, b.code));
  return rows.map((r) => ({
    reportId: r.reportId,
    version: r.version,
    unit: { id: r.unitId, code: r.code, name: r.name, kind: r.kind },
    ...sourcePart(r.part),
  }));
}

// ---------------------------------------------------------------------------------------------
// The consolidation of a round: the receiving unit's own report drafted from what it received.

import type { ReportRow } from './report-record.js';

async function receiverOf(q: Queryable, unitId: number) {
  const [row] = await q
    .select({ provinceCode: units.provinceCode, kind: units.kind })
    .from(units)
    .where(eq(units.id, unitId))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị nhận báo cáo của đợt.');
  return row;
}

/**
 * The received reports of the round's units on its outline and period. A unit's report counts
 * whether it was opened through the round or on the unit's own account (one report per unit,
 * outline and period either way). The ministry's round (received by the country unit) counts the
 * provinces' reports, each one its province's consolidation; only the units it asked, never a
 * commune's report beside its province's.
 */
export async function roundSources(
  q: Queryable,
  round: RoundRow,
  statuses: readonly ReportStatus[] = CONSOLIDATED_STATUSES,
): Promise<ConsolidationSource[]> {
  return (await roundsSources(q, [round], statuses)).get(round.id) ?? [];
}

/**
 * The sources of several rounds at once (the 34 provinces' rounds of a period, re-consolidated
 * together): one statement over round_units ⋈ reports by the unique (unit, outline, period) key
 * for every round that lists its units, whatever their number, so that N consolidations cost one
 * read of their rows rather than N. A round without units (none is kept, but older ones may
 * exist) takes its province's reports, as it always did.
 */
/** A row of `roundsSources`'s query as the drivers give it (jsonb parsed; PGlite may give text). */
interface SourceRow {
  round_id: number | string;
  report_id: number | string;
  version: number | string;
  unit_id: number | string;
  code: string;
  name: string;
  kind: string;
  part: unknown;
}

/** Official code order as the sources have always come: shorter codes first, then by code. */
const byCode = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The part of a report's content a consolidation reads, taken in ONE operation on the stored
 * value: each `content -> 'key'` decompresses the whole (TOASTed) content again, so three keys
 * cost three times one (measured: 72 ms against 33 ms over 3,321 reports). The long parts
 * (texts, comparisons) are left in the database; the keys used are picked here.
 */
const LONG_PARTS = sql.raw(`'{narratives,comparison,document,kept,omit,logbook}'::text[]`);
const SOURCE_PART = sql`(r.content - ${LONG_PARTS})`;

function sourcePart(
  raw: unknown,
): Pick<ConsolidationSource, 'values' | 'nilAll' | 'nilSections' | 'approximate'> {
  const part = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {})) as {
    values?: ReportValues | null;
    nil?: NilAnswer | null;
    approximate?: unknown;
  };
  return {
    values: part.values ?? {},
    nilAll: part.nil?.all === true,
    nilSections: part.nil?.sections ?? [],
    approximate: Array.isArray(part.approximate)
      ? part.approximate.filter((v): v is string => typeof v === 'string')
      : [],
  };
}

export async function roundsSources(
  q: Queryable,
  list: readonly RoundRow[],
  statuses: readonly ReportStatus[] = CONSOLIDATED_STATUSES,
): Promise<Map<number, ConsolidationSource[]>> {
  const out = new Map<number, ConsolidationSource[]>(list.map((r) => [r.id, []]));
  if (list.length === 0) return out;
  const ids = list.map((r) => r.id);
  // Written as SQL and read as plain rows: at 3,321 rows the query builder's mapping of every
  // field would cost as much as the read itself.
  const statusList = sql.join(
    statuses.map((st) => sql`${st}`),
    sql`, `,
  );
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const result = (await q.execute(sql`
    SELECT x.*, ${SOURCE_PART} AS part
    FROM (
      SELECT rd.id AS round_id, r.id AS report_id, r.version, u.id AS unit_id, u.code, u.name, u.kind
      FROM ${rounds} rd
      JOIN ${units} recv ON recv.id = rd.unit_id
      JOIN ${roundUnits} ru ON ru.round_id = rd.id
      JOIN ${reports} r ON r.unit_id = ru.unit_id AND r.outline_code = rd.outline_code
                       AND r.period_key = rd.period_key
      JOIN ${units} u ON u.id = r.unit_id
      WHERE rd.id IN (${idList}) AND r.status IN (${statusList}) AND r.unit_id <> rd.unit_id
        -- Only the ministry's round takes consolidated reports (the provinces' answers); a
        -- province's round takes its units' own reports, within the province.
        AND (recv.kind = 'country' OR (r.consolidation IS NULL AND u.province_code = recv.province_code))
      -- The rows are found first and their content read after, by key: carried through the joins,
      -- the content costs twice as much (measured 66 ms against 38 ms for 3,321 reports).
      OFFSET 0
    ) x
    JOIN ${reports} r ON r.id = x.report_id`)) as unknown as { rows: SourceRow[] };
  // Ordered here, not by the query: sorting rows that carry their content would spill to disk.
  result.rows.sort((a, b) => byCode(a.code, b.code));
  for (const r of result.rows)
    out.get(Number(r.round_id))?.push({
      reportId: Number(r.report_id),
      version: Number(r.version),
      unit: { id: Number(r.unit_id), code: r.code, name: r.name, kind: r.kind },
      ...sourcePart(r.part),
    });
  // Rounds that listed no unit: the older rule, per round (none is made so today).
  const listed = new Set(
    (
      await q
        .selectDistinct({ roundId: roundUnits.roundId })
        .from(roundUnits)
        .where(inArray(roundUnits.roundId, ids))
    ).map((r) => r.roundId),
  );
  for (const round of list) {
    if (listed.has(round.id)) continue;
    const receiving = await receiverOf(q, round.unitId);
    // A round of the ministry without its units would take every unit's report: it takes none.
    if (receiving.kind === 'country') continue;
    const sources = await loadSources(q, {
      outlineCode: round.outlineCode,
      periodKey: round.periodKey,
      statuses,
      ...(receiving.provinceCode ? { provinceCode: receiving.provinceCode } : {}),
    });
    out.set(
      round.id,
      sources.filter((s) => s.unit.id !== round.unitId),
    );
  }
  return out;
}

/**
 * The round of another unit (the level above: the ministry for a province) that asks this round's
 * receiving unit for a report on the consolidated report's outline and period, if any: the
 * consolidated report answers it. The open one first, then the newest.
 */
async function answeredRound(
  q: Queryable,
  round: RoundRow,
  target: Pick<OutlineRow, 'code'>,
): Promise<number | null> {
  const [row] = await q
    .select({ id: rounds.id })
    .from(roundUnits)
    .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
    .where(
      and(
        eq(roundUnits.unitId, round.unitId),
        eq(rounds.outlineCode, target.code),
        eq(rounds.periodKey, round.periodKey),
        ne(rounds.unitId, round.unitId),
      ),
    )
    .orderBy(sql`CASE ${rounds.status} WHEN 'open' THEN 0 ELSE 1 END`, desc(rounds.id))
    .limit(1);
  return row?.id ?? null;
}

/**
 * The outline the receiving unit's consolidated report is written on: for a round asking the
 * communes, the province's own (outlines/index.ts `consolidatedOutlineCode`: the Sở's report to
 * the UBND tỉnh, the UBND tỉnh's to the Bộ), else the round's.
 */
async function targetOutline(q: Queryable, round: RoundRow): Promise<OutlineRow> {
  const { kind } = await receiverOf(q, round.unitId);
  const code = consolidatedOutlineCode(round.outlineCode, kind);
  const found = code === round.outlineCode ? undefined : await findCurrentOutline(q, code);
  return found ?? getOutlineRow(q, round.outlineId);
}

/**
 * The receiving unit's reports of the period on these outline codes, the first code's first: its
 * consolidated report (or last year's) is on the province's outline, or, made before there was
 * one, on the round's.
 */
async function unitReportOn(q: Queryable, unitId: number, codes: readonly string[], key: string) {
  const rows = await q
    .select()
    .from(reports)
    .where(
      and(eq(reports.unitId, unitId), inArray(reports.outlineCode, [...codes]), eq(reports.periodKey, key)),
    );
  return rows.sort((a, b) => codes.indexOf(a.outlineCode) - codes.indexOf(b.outlineCode));
}

/** The receiving unit's consolidated report of the round, if any. */
async function ownReport(q: Queryable, round: RoundRow, target: Pick<OutlineRow, 'code'>) {
  const rows = await unitReportOn(q, round.unitId, [target.code, round.outlineCode], round.periodKey);
  // On the round's own outline only a consolidated report counts (one made before the province's outline).
  return rows.find((r) => r.outlineCode === target.code || r.consolidation !== null);
}

/** The values the receiving unit reported for the same period last year (its stored values). */
async function sameLastYearValues(
  q: Queryable,
  round: RoundRow,
  target: Pick<OutlineRow, 'code'>,
): Promise<ReportValues | undefined> {
  const key = periodKey(samePeriodLastYear(parsePeriodKey(round.periodKey)));
  const rows = await unitReportOn(q, round.unitId, [target.code, round.outlineCode], key);
  const values = (rows[0]?.content as ReportContent | undefined)?.values;
  return values && Object.keys(values).length ? values : undefined;
}

/**
 * What the received reports' officers wrote (their narratives), for the digest: read only when the
 * consolidation is made, never for the live counts.
 */
async function sourceTexts(q: Queryable, sources: readonly ConsolidationSource[]): Promise<SourceTexts[]> {
  if (sources.length === 0) return [];
  const rows = await q
    .select({
      reportId: reports.id,
      narratives: sql<SourceTexts['narratives'] | null>`${reports.content} -> 'narratives'`,
    })
    .from(reports)
    .where(
      inArray(
        reports.id,
        sources.map((s) => s.reportId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.reportId, r.narratives ?? {}]));
  return sources.map((s) => ({ reportId: s.reportId, unit: s.unit, narratives: byId.get(s.reportId) ?? {} }));
}

/** The digest joins the supplements of its sections (the units' facts after the sums). */
function withDigest(
  narrative: Record<string, SectionSupplement>,
  digest: Record<string, SectionSupplement['digest']>,
): Record<string, SectionSupplement> {
  const out = { ...narrative };
  for (const [key, facts] of Object.entries(digest))
    if (facts?.length) out[key] = { ...out[key], digest: facts };
  return out;
}

/** The consolidation as it would be made now, with what it needs to be stored. */
export type LiveConsolidation = Awaited<ReturnType<typeof liveConsolidation>>;

export async function liveConsolidation(q: Queryable, round: RoundRow, now: Date = new Date()) {
  const target = await targetOutline(q, round);
  const outline = target.definition;
  const sources = await roundSources(q, round);
  const made = consolidate(outline, sources);
  if (sources.length) made.values = withRequiredZeros(outline, made.values);
  const coverage = await roundCoverage(q, round, sources, now);
  return { outline, target, sources, made, coverage };
}

/**
 * Every unit the round asked (the receiving unit itself excepted) with its report for the round's
 * outline and period, if any: one query over round_units ⟕ reports by the unique
 * (unit, outline, period) key. A round without units (none is kept, but older ones may exist)
 * asked exactly those that answered.
 */
export async function roundCoverage(
  q: Queryable,
  round: RoundRow,
  sources: readonly ConsolidationSource[],
  now: Date = new Date(),
): Promise<Coverage> {
  const rows = await q
    .select({
      unitId: units.id,
      code: units.code,
      name: units.name,
      reportId: reports.id,
      status: reports.status,
      sentAt: reports.sentAt,
      consolidation: sql<boolean>`${reports.consolidation} IS NOT NULL`,
    })
    .from(roundUnits)
    .innerJoin(units, eq(units.id, roundUnits.unitId))
    .leftJoin(
      reports,
      and(
        eq(reports.unitId, roundUnits.unitId),
        eq(reports.outlineCode, round.outlineCode),
        eq(reports.periodKey, round.periodKey),
      ),
    )
    .where(eq(roundUnits.roundId, round.id));
  const nil = new Map(sources.map((s) => [s.unit.id, s.nilAll]));
  const asked: AskedUnitSource[] = rows
    .filter((r) => r.unitId !== round.unitId)
    .map((r) => ({
      unitId: r.unitId,
      code: r.code,
      name: r.name,
      reportId: r.reportId,
      status: r.status,
      sentOn: r.sentAt ? todayInVietnam(r.sentAt) : null,
      nilAll: nil.get(r.unitId) ?? false,
    }));
  const fallback: AskedUnitSource[] = sources.map((s) => ({
    unitId: s.unit.id,
    code: s.unit.code,
    name: s.unit.name,
    reportId: s.reportId,
    status: 'received',
    sentOn: null,
    nilAll: s.nilAll,
  }));
  return coverageOf(asked.length ? asked : fallback, round.deadline, todayInVietnam(now));
}

/** The overrides whose indicator the outline still has (undefined when none is left). */
function keptOverrides(
  outline: Outline,
  overrides: Record<string, FigureOverride> | undefined,
): Record<string, FigureOverride> | undefined {
  if (!overrides) return undefined;
  const codes = new Set(indicatorsOf(outline).map((i) => i.code));
  const kept = Object.entries(overrides).filter(([code]) => codes.has(code));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/**
 * Makes or refreshes the receiving unit's consolidated report of a round: its values are the
 * consolidation of the received reports, its same-period comparison the unit's own report of last
 * year, and `reports.consolidation` records the sources. Only while the report can be edited
 * (draft or returned); the officer's texts and document details are kept. Audited.
 */
export async function consolidateRound(
  q: Queryable,
  actor: AuditActor,
  roundId: number,
  now: Date = new Date(),
): Promise<{ reportId: number; created: boolean }> {
  const round = await loadRoundRow(q, roundId);
  const { target, sources, made, coverage } = await liveConsolidation(q, round, now);
  if (sources.length === 0) {
    throw new AppError(
      'BAD_REQUEST',
      'Chưa tiếp nhận báo cáo nào của đợt này nên chưa tổng hợp được. Hãy tiếp nhận các báo cáo đã gửi trước.',
    );
  }
  const existing = await ownReport(q, round, target);
  // A report made on the round's outline before the province's existed stays on it.
  const written =
    existing && existing.outlineId !== target.id ? await getOutlineRow(q, existing.outlineId) : target;
  const roundOutline =
    round.outlineId === written.id
      ? written.definition
      : (await getOutlineRow(q, round.outlineId)).definition;
  const digest = consolidationDigest(roundOutline, written.definition, await sourceTexts(q, sources));
  const narrative = withDigest(consolidationNarrative(written.definition, made, coverage), digest);
  const before = existing ? readStored(existing.consolidation) : null;
  // The receiving unit's overrides (each with its reason) survive a refresh: the new sum shows beside them.
  const overrides = keptOverrides(written.definition, before?.overrides);
  const stored: StoredConsolidation = {
    ...storeConsolidation(made, sources, narrative, now, round.id, coverage),
    ...(overrides ? { overrides } : {}),
  };
  const values = withOverrides(made.values, overrides);
  const sameLastYear = await sameLastYearValues(q, round, target);
  const summary = {
    sources: stored.sources.length,
    asked: coverage.units.length,
    madeAt: stored.madeAt,
  };
  if (!existing) {
    const content: ReportContent = reportContentSchema.parse({
      // The outline's default paragraphs are proposals: none is kept until the officer keeps it.
      kept: [],
      values,
      approximate: made.approximate,
      comparison: sameLastYear ? { sameLastYear } : {},
      window: { start: round.windowStart, end: round.windowEnd },
    });
    const [row] = await q
      .insert(reports)
      .values({
        unitId: round.unitId,
        outlineId: target.id,
        outlineCode: target.code,
        periodKind: round.periodKind,
        periodYear: round.periodYear,
        periodIndex: round.periodIndex,
        periodKey: round.periodKey,
        windowStart: round.windowStart,
        windowEnd: round.windowEnd,
        content,
        // The report answers the round of the level above when there is one (the ministry's), and
        // otherwise points at the round it consolidates; `consolidation.roundId` keeps the latter.
        roundId: (await answeredRound(q, round, written)) ?? round.id,
        consolidation: stored,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: reports.id });
    if (!row) throw new Error('consolidated report not inserted');
    await writeAudit(q, actor, {
      action: 'report.consolidate',
      entity: 'report',
      entityId: row.id,
      unitId: round.unitId,
      after: { roundId: round.id, ...summary },
    });
    return { reportId: row.id, created: true };
  }
  const current = reportContentSchema.parse(existing.content ?? {});
  const content: ReportContent = {
    ...current,
    values: { ...ownValues(written.definition, roundOutline, current.values), ...values },
    approximate: made.approximate,
    comparison: { ...current.comparison, ...(sameLastYear ? { sameLastYear } : {}) },
  };
  const updated = await q
    .update(reports)
    .set({
      content,
      consolidation: stored,
      // A refresh keeps the round the report answers (the ministry's); one that answered nothing
      // joins the level above's round if there is one now.
      roundId:
        existing.roundId !== null && existing.roundId !== round.id
          ? existing.roundId
          : ((await answeredRound(q, round, written)) ?? round.id),
      revision: sql`${reports.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: now,
    })
    .where(and(eq(reports.id, existing.id), inArray(reports.status, [...EDITABLE_STATUSES])))
    .returning({ id: reports.id });
  if (updated.length === 0) {
    throw new AppError(
      'REPORT_LOCKED',
      'Báo cáo tổng hợp đã gửi lãnh đạo hoặc đã ban hành nên không cập nhật số liệu được nữa. Muốn cập nhật, lãnh đạo cần trả lại báo cáo.',
    );
  }
  await writeAudit(q, actor, {
    action: before ? 'report.consolidate.refresh' : 'report.consolidate',
    entity: 'report',
    entityId: existing.id,
    unitId: round.unitId,
    before: before ? { sources: before.sources.length, madeAt: before.madeAt } : null,
    after: { roundId: round.id, ...summary, ...(overrides ? { overrides: Object.keys(overrides) } : {}) },
  });
  return { reportId: existing.id, created: false };
}

/**
 * The figures of the receiving unit's own activities (indicators its outline has and the round's
 * does not, as the Sở's translation pages): typed by its officer, kept by every refresh.
 */
function ownValues(written: Outline, asked: Outline, values: ReportValues): ReportValues {
  const consolidated = new Set(indicatorsOf(asked).map((i) => i.code));
  const out: ReportValues = {};
  for (const i of indicatorsOf(written)) {
    const value = values[i.code];
    if (!consolidated.has(i.code) && value !== undefined) out[i.code] = value;
  }
  return out;
}

/** Where a round's consolidation stands: what was made, and what would be made now. */
export interface RoundConsolidationRecord {
  roundId: number;
  /** Every unit asked and where it stands now. */
  coverage: Coverage;
  /** The receiving unit's own report for the round's outline and period, if any. */
  own: ReportRow | null;
  /** What the own report keeps of its consolidation (null until it is made). */
  stored: StoredConsolidation | null;
  /** The consolidation as it would be made now; read only once the own report is one. */
  live: LiveConsolidation | null;
}

export async function loadRoundConsolidation(
  q: Queryable,
  roundId: number,
): Promise<RoundConsolidationRecord> {
  const round = await loadRoundRow(q, roundId);
  const live = await liveConsolidation(q, round);
  const own = (await ownReport(q, round, live.target)) ?? null;
  const stored = own ? readStored(own.consolidation) : null;
  return { roundId, coverage: live.coverage, own, stored, live: own && stored ? live : null };
}

/** A report with what its trace needs: its stored consolidation and, when it is one, its outline. */
export interface ReportTraceRecord {
  report: ReportRow;
  stored: StoredConsolidation | null;
  outline: Outline | null;
}

export async function loadReportTrace(q: Queryable, report: ReportRow): Promise<ReportTraceRecord> {
  const stored = readStored(report.consolidation);
  if (!stored) return { report, stored: null, outline: null };
  return { report, stored, outline: (await getOutlineRow(q, report.outlineId)).definition };
}

/** What the spreadsheet of a round shows: the consolidated report's figures once made, else the live ones. */
export async function consolidationExportData(q: Queryable, roundId: number) {
  const round = await loadRoundRow(q, roundId);
  const target = await targetOutline(q, round);
  const own = await ownReport(q, round, target);
  const stored = own ? readStored(own.consolidation) : null;
  const sameLastYear = await sameLastYearValues(q, round, target);
  const [unit] = await q.select({ name: units.name }).from(units).where(eq(units.id, round.unitId)).limit(1);
  if (own && stored) {
    const outline = (await getOutlineRow(q, own.outlineId)).definition;
    return {
      round,
      unitName: unit?.name ?? '',
      outline,
      totals: reportContentSchema.parse(own.content ?? {}).values,
      sameLastYear: sameLastYear ?? {},
      stored,
    };
  }
  const { outline, sources, made, coverage } = await liveConsolidation(q, round);
  return {
    round,
    unitName: unit?.name ?? '',
    outline,
    totals: made.values,
    sameLastYear: sameLastYear ?? {},
    stored: storeConsolidation(made, sources, {}, new Date(), round.id, coverage),
  };
}

const sameValues = (a: ReportValues, b: ReportValues) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)) return false;
  return true;
};

/**
 * The round's reports that changed since a consolidation was made: received since (new, or a
 * corrected version whose figures differ from those used) and sources returned since. Read for
 * the checks of the consolidated report; nothing for a consolidation made outside a round.
 */
export async function laterReports(q: Queryable, stored: StoredConsolidation): Promise<LaterReport[]> {
  if (stored.roundId === null) return [];
  const round = await loadRoundRow(q, stored.roundId);
  const sources = await roundSources(q, round);
  const used = new Map(stored.sources.map((s) => [s.reportId, s]));
  const usedValues = sourceValues(stored);
  const codes = new Set(Object.keys(stored.trace));
  const pick = (values: ReportValues) =>
    Object.fromEntries(Object.entries(values).filter(([k]) => codes.size === 0 || codes.has(k)));
  const later: LaterReport[] = [];
  for (const s of sources) {
    const before = used.get(s.reportId);
    if (!before) later.push({ unitName: s.unit.name, reason: 'new', version: s.version });
    else if (
      s.version > before.version &&
      (s.nilAll !== before.nilAll || !sameValues(pick(s.values), usedValues.get(s.reportId) ?? {}))
    )
      later.push({ unitName: s.unit.name, reason: 'newer_version', version: s.version });
  }
  const current = new Set(sources.map((s) => s.reportId));
  for (const s of stored.sources)
    if (!current.has(s.reportId))
      later.push({ unitName: s.unitName, reason: 'withdrawn', version: s.version });
  return later;
}
