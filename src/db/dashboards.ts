/**
 * The dashboards' reads: an indicator of an outline, and its value in the reports that reached the
 * receiving unit (issued, received, accepted). Only the one indicator's value is read from each
 * report (a JSON path in SQL); the figures are computed by src/domain/dashboards.ts.
 */
import { and, count, eq, inArray, or, sql } from 'drizzle-orm';
import { isNumericIndicator, type ValueRow } from '../domain/dashboards.js';
import { AppError } from '../domain/errors.js';
import type { Indicator, IndicatorValue } from '../domain/outline.js';
import { findIndicator, indicatorsOf } from '../domain/outlines/index.js';
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

/**
 * The indicator's value in the sent reports on an outline of `unitId`, and, when `communesOf` is a
 * province code, of that province's communes too.
 */
export async function indicatorValues(
  q: Queryable,
  input: { unitId: number; communesOf: string | null; outlineCode: string; indicator: string },
): Promise<ValueRow[]> {
  const whose = input.communesOf
    ? or(
        eq(reports.unitId, input.unitId),
        and(eq(units.provinceCode, input.communesOf), eq(units.kind, 'commune')),
      )
    : eq(reports.unitId, input.unitId);
  const rows = await q
    .select({
      unitId: units.id,
      code: units.code,
      name: units.name,
      periodKey: reports.periodKey,
      periodKind: reports.periodKind,
      value: sql<IndicatorValue | null>`${reports.content} -> 'values' -> ${input.indicator}`,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(
      and(eq(reports.outlineCode, input.outlineCode), inArray(reports.status, [...SENT_STATUSES]), whose),
    );
  return rows.map((r) => ({
    unit: { id: r.unitId, code: r.code, name: r.name },
    periodKey: r.periodKey,
    periodKind: r.periodKind,
    value: r.value ?? undefined,
  }));
}

/** The active communes of a province. */
export async function activeCommuneCount(q: Queryable, provinceCode: string): Promise<number> {
  const [communes] = await q
    .select({ n: count() })
    .from(units)
    .where(and(eq(units.provinceCode, provinceCode), eq(units.kind, 'commune'), eq(units.active, true)));
  return communes?.n ?? 0;
}
