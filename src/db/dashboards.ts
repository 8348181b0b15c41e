/**
 * The dashboards' reads: an indicator of an outline, and its value in the reports that reached the
 * receiving unit (issued, received, accepted). Only the one indicator's value is read from each
 * report (a JSON path in SQL); the figures are computed by src/domain/dashboards.ts.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { isNumericIndicator, type ValueRow } from '../domain/dashboards.js';
import { AppError } from '../domain/errors.js';
import type { Indicator, IndicatorValue } from '../domain/outline.js';
import { findIndicator, indicatorsOf } from '../domain/outlines/index.js';
import { dataWindow, parsePeriodKey } from '../domain/periods.js';
import { SENT_STATUSES } from '../domain/workflow.js';
import type { Queryable } from './client.js';
import { findCurrentOutline } from './outlines.js';
import { reports, units } from './schema.js';

/** A numeric indicator of an outline's current version, with the title of its top-level section. */
export interface IndicatorRecord {
  indicator: Indicator;
  section: string;
}

/** The indicator of an outline (its current version), refused when unknown or not a number. */
export async function loadIndicator(
  q: Queryable,
  outlineCode: string,
  code: string,
): Promise<IndicatorRecord> {
  const outline = await findCurrentOutline(q, outlineCode);
  if (!outline) {
    throw new AppError('VALIDATION', 'Không có đề cương này.', [
      { path: 'outlineCode', message: 'Không có đề cương này.' },
    ]);
  }
  const indicator = findIndicator(outline.definition, code);
  if (!indicator || !isNumericIndicator(indicator)) {
    const message = 'Chỉ tiêu này không có trong đề cương hoặc không phải là số liệu.';
    throw new AppError('VALIDATION', message, [{ path: 'indicator', message }]);
  }
  const section = outline.definition.sections.find((s) => indicatorsOf(s).some((i) => i.code === code));
  return { indicator, section: section?.title ?? '' };
}

/** The units whose reports a dashboard reads: the unit itself and, for a province, its communes. */
async function unitsRead(
  q: Queryable,
  unitId: number,
  communesOf: string | null,
): Promise<{ id: number; code: string; name: string }[]> {
  const columns = { id: units.id, code: units.code, name: units.name };
  // Two index lookups (the unit by id, the communes by province) instead of an OR across the
  // joined tables, which keeps the planner from using either index and scans every report.
  const own = await q.select(columns).from(units).where(eq(units.id, unitId));
  if (!communesOf) return own;
  const communes = await q
    .select(columns)
    .from(units)
    .where(and(eq(units.provinceCode, communesOf), eq(units.kind, 'commune')));
  return [...own, ...communes.filter((c) => c.id !== unitId)];
}

/**
 * The indicator's value in the sent reports on an outline of the given units, for one period or
 * all. Reports are found by the unique (unit, outline, period) index: the cost follows the units and
 * periods asked for, not the rows stored.
 */
async function valuesOf(
  q: Queryable,
  who: readonly { id: number; code: string; name: string }[],
  input: { outlineCode: string; indicator: string; periodKey?: string },
): Promise<ValueRow[]> {
  if (who.length === 0) return [];
  const byId = new Map(who.map((u) => [u.id, u]));
  const conditions = [
    inArray(
      reports.unitId,
      who.map((u) => u.id),
    ),
    eq(reports.outlineCode, input.outlineCode),
    inArray(reports.status, [...SENT_STATUSES]),
  ];
  if (input.periodKey !== undefined) conditions.push(eq(reports.periodKey, input.periodKey));
  const rows = await q
    .select({
      unitId: reports.unitId,
      periodKey: reports.periodKey,
      periodKind: reports.periodKind,
      value: sql<IndicatorValue | null>`${reports.content} -> 'values' -> ${input.indicator}`,
    })
    .from(reports)
    .where(and(...conditions));
  return rows.flatMap((r) => {
    const unit = byId.get(r.unitId);
    if (!unit) return [];
    return [{ unit, periodKey: r.periodKey, periodKind: r.periodKind, value: r.value ?? undefined }];
  });
}

/**
 * The indicator's value in the sent reports on an outline of `unitId`, and, when `communesOf` is a
 * province code, of that province's communes too: every period (a series).
 */
export async function indicatorValues(
  q: Queryable,
  input: { unitId: number; communesOf: string | null; outlineCode: string; indicator: string },
): Promise<ValueRow[]> {
  return valuesOf(q, await unitsRead(q, input.unitId, input.communesOf), input);
}

/**
 * The periods (keys) with sent reports on an outline, newest first. Read as a skip scan of the
 * (outline_code, period_key) index: one index probe per period, whatever the number of reports
 * stored in each.
 */
async function sentPeriodKeys(q: Queryable, outlineCode: string): Promise<string[]> {
  const sent = sql.join(
    SENT_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = (await q.execute(sql`
    WITH RECURSIVE k(key) AS (
      (SELECT period_key FROM reports WHERE outline_code = ${outlineCode} AND status IN (${sent})
       ORDER BY period_key LIMIT 1)
      UNION ALL
      SELECT (SELECT r.period_key FROM reports r
              WHERE r.outline_code = ${outlineCode} AND r.status IN (${sent}) AND r.period_key > k.key
              ORDER BY r.period_key LIMIT 1)
      FROM k WHERE k.key IS NOT NULL
    )
    SELECT key FROM k WHERE key IS NOT NULL`)) as unknown as { rows: { key: string | null }[] };
  const keys = result.rows.flatMap((r) => (r.key ? [r.key] : []));
  const end = (key: string) => dataWindow(parsePeriodKey(key)).end;
  return keys.sort((a, b) => end(b).localeCompare(end(a)) || b.localeCompare(a));
}

/**
 * What comparing a province's communes needs: the periods they sent reports for (newest first) and
 * the indicator's values for ONE period (the one asked, else the newest with a value). Only that
 * period's reports are read, so the cost does not grow with the stored history.
 */
export async function comparisonValues(
  q: Queryable,
  input: {
    provinceId: number;
    provinceCode: string;
    outlineCode: string;
    indicator: string;
    periodKey?: string;
  },
): Promise<{ periodKeys: string[]; rows: ValueRow[] }> {
  const communes = (
    await q
      .select({ id: units.id, code: units.code, name: units.name })
      .from(units)
      .where(and(eq(units.provinceCode, input.provinceCode), eq(units.kind, 'commune')))
  ).filter((u) => u.id !== input.provinceId);
  const periodKeys = await sentPeriodKeys(q, input.outlineCode);
  const read = (periodKey: string) => valuesOf(q, communes, { ...input, periodKey });
  if (input.periodKey !== undefined) return { periodKeys, rows: await read(input.periodKey) };
  for (const key of periodKeys) {
    const rows = await read(key);
    if (rows.some((r) => r.value !== undefined)) return { periodKeys, rows };
  }
  return { periodKeys, rows: [] };
}

/** The active communes of a province. */
export async function activeCommuneCount(q: Queryable, provinceCode: string): Promise<number> {
  const [communes] = await q
    .select({ n: count() })
    .from(units)
    .where(and(eq(units.provinceCode, provinceCode), eq(units.kind, 'commune'), eq(units.active, true)));
  return communes?.n ?? 0;
}
