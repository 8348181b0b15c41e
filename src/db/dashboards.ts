/**
 * The dashboards' figures: an indicator over periods for a unit or a province, the communes of a
 * province side by side, from the reports that reached the receiving unit (issued, received,
 * accepted). Only the one indicator's value is read from each report (a JSON path in SQL), and the
 * totals use the one combining rule of the system (src/domain/consolidation/combine.ts).
 */
import { and, count, eq, inArray, or, sql } from 'drizzle-orm';
import type {
  BoardUnit,
  CompareResponse,
  IndicatorOut,
  SeriesKind,
  SeriesPoint,
  SeriesResponse,
} from '../domain/api-board.js';
import { combineAcrossPeriods, combineAcrossUnits, numericValue } from '../domain/consolidation/combine.js';
import { AppError } from '../domain/errors.js';
import type { Indicator, IndicatorValue, Outline } from '../domain/outline.js';
import { findIndicator, indicatorsOf } from '../domain/outlines/index.js';
import { dataWindow, type Period, parsePeriodKey, periodLabel } from '../domain/periods.js';
import { SENT_STATUSES } from '../domain/workflow.js';
import type { Queryable } from './client.js';
import { findCurrentOutline } from './outlines.js';
import { reports, units } from './schema.js';

export const isNumericIndicator = (i: Indicator) => i.valueType !== 'list' && i.valueType !== 'text';

/** The numeric indicators of an outline, with the title of their top-level section. */
export function numericIndicators(outline: Outline): IndicatorOut[] {
  return outline.sections.flatMap((section) =>
    indicatorsOf(section)
      .filter(isNumericIndicator)
      .map((i) => presentIndicator(i, section.title)),
  );
}

function presentIndicator(i: Indicator, section: string): IndicatorOut {
  return {
    code: i.code,
    label: i.label,
    unit: i.unit,
    measure: i.measure,
    aggregation: i.aggregation,
    section,
  };
}

/** The indicator of an outline (its current version), refused when unknown or not a number. */
export async function loadIndicator(
  q: Queryable,
  outlineCode: string,
  code: string,
): Promise<{ indicator: Indicator; out: IndicatorOut }> {
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
  return { indicator, out: presentIndicator(indicator, section?.title ?? '') };
}

export interface ValueRow {
  unit: BoardUnit;
  periodKey: string;
  periodKind: string;
  value: IndicatorValue | undefined;
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

/** The two halves of a year make one kind of period for a series. */
export function seriesKindOf(periodKind: string): SeriesKind {
  if (periodKind === 'half1' || periodKind === 'half2') return 'half';
  return periodKind as SeriesKind;
}

const periodEnd = (key: string) => dataWindow(parsePeriodKey(key)).end;
const byPeriodEnd = (a: string, b: string) => periodEnd(a).localeCompare(periodEnd(b)) || a.localeCompare(b);

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

interface PeriodValue {
  key: string;
  period: Period;
  value: IndicatorValue | undefined;
  source: SeriesPoint['source'];
  reports: number;
}

/**
 * One value per period: the unit's own report when it has the figure (for a province, its own
 * consolidated report), otherwise the communes' values combined across units.
 */
export function valuesPerPeriod(
  indicator: Indicator,
  unitId: number,
  rows: readonly ValueRow[],
): PeriodValue[] {
  const byKey = new Map<string, ValueRow[]>();
  for (const r of rows) byKey.set(r.periodKey, [...(byKey.get(r.periodKey) ?? []), r]);
  return [...byKey.keys()].sort(byPeriodEnd).map((key) => {
    const group = byKey.get(key) ?? [];
    const own = group.find((r) => r.unit.id === unitId && r.value !== undefined);
    const period = parsePeriodKey(key);
    if (own) return { key, period, value: own.value, source: 'own', reports: 1 };
    const others = group.filter((r) => r.unit.id !== unitId && r.value !== undefined);
    if (others.length === 0) return { key, period, value: undefined, source: 'none', reports: 0 };
    const value = combineAcrossUnits(
      indicator,
      others.map((r) => r.value),
    );
    return { key, period, value, source: 'units', reports: others.length };
  });
}

/** The periods of each year combined (flows added, a stock at its last value, `max` the largest). */
export function combineByYear(indicator: Indicator, perPeriod: readonly PeriodValue[]): SeriesPoint[] {
  const years = new Map<number, PeriodValue[]>();
  for (const p of perPeriod) years.set(p.period.year, [...(years.get(p.period.year) ?? []), p]);
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, periods]) => {
      const value = combineAcrossPeriods(
        indicator,
        periods.map((p) => p.value),
      );
      const sources = new Set(periods.filter((p) => p.source !== 'none').map((p) => p.source));
      return {
        key: String(year),
        label: `Năm ${year}`,
        value: numericValue(value) ?? null,
        source: sources.size === 0 ? 'none' : sources.has('units') ? 'units' : 'own',
        reports: periods.reduce((n, p) => n + p.reports, 0),
      };
    });
}

export async function indicatorSeries(
  q: Queryable,
  input: {
    unit: BoardUnit & { kind: string; provinceCode: string | null };
    outlineCode: string;
    indicator: string;
    periodKind?: SeriesKind | undefined;
    by: 'period' | 'year';
  },
): Promise<SeriesResponse> {
  const { indicator, out } = await loadIndicator(q, input.outlineCode, input.indicator);
  const rows = await indicatorValues(q, {
    unitId: input.unit.id,
    communesOf: input.unit.kind === 'province' ? input.unit.provinceCode : null,
    outlineCode: input.outlineCode,
    indicator: input.indicator,
  });
  const kindCounts = new Map<SeriesKind, number>();
  for (const r of rows)
    kindCounts.set(seriesKindOf(r.periodKind), (kindCounts.get(seriesKindOf(r.periodKind)) ?? 0) + 1);
  const kinds = [...kindCounts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const periodKind = input.periodKind ?? kinds[0] ?? null;
  const chosen = rows.filter((r) => seriesKindOf(r.periodKind) === periodKind);
  const perPeriod = valuesPerPeriod(indicator, input.unit.id, chosen);
  const points =
    input.by === 'year'
      ? combineByYear(indicator, perPeriod)
      : perPeriod.map((p) => ({
          key: p.key,
          label: capitalized(periodLabel(p.period)),
          value: numericValue(p.value) ?? null,
          source: p.source,
          reports: p.reports,
        }));
  return {
    unit: { id: input.unit.id, code: input.unit.code, name: input.unit.name },
    indicator: out,
    periodKind,
    periodKinds: kinds,
    by: input.by,
    points,
  };
}

/** The communes of a province side by side for one period: the top N, then the others together. */
export async function compareUnits(
  q: Queryable,
  input: {
    province: BoardUnit & { provinceCode: string };
    outlineCode: string;
    indicator: string;
    periodKey?: string | undefined;
    top: number;
  },
): Promise<CompareResponse> {
  const { indicator, out } = await loadIndicator(q, input.outlineCode, input.indicator);
  const rows = (
    await indicatorValues(q, {
      unitId: input.province.id,
      communesOf: input.province.provinceCode,
      outlineCode: input.outlineCode,
      indicator: input.indicator,
    })
  ).filter((r) => r.unit.id !== input.province.id && r.value !== undefined);
  const keys = [...new Set(rows.map((r) => r.periodKey))].sort(byPeriodEnd).reverse();
  const periodKey = input.periodKey ?? keys[0] ?? null;
  const inPeriod = rows.filter((r) => r.periodKey === periodKey);
  const ranked = inPeriod
    .map((r) => ({ unit: r.unit, value: numericValue(r.value) ?? 0, raw: r.value }))
    .sort((a, b) => b.value - a.value || a.unit.code.localeCompare(b.unit.code));
  const top = ranked.slice(0, input.top);
  const rest = ranked.slice(input.top);
  const bars: CompareResponse['bars'] = top.map((r) => ({
    unit: r.unit,
    label: r.unit.name,
    value: r.value,
  }));
  if (rest.length > 0) {
    const others = numericValue(
      combineAcrossUnits(
        indicator,
        rest.map((r) => r.raw),
      ),
    );
    bars.push({ unit: null, label: `Các đơn vị khác (${rest.length})`, value: others ?? 0 });
  }
  const [communes] = await q
    .select({ n: count() })
    .from(units)
    .where(
      and(
        eq(units.provinceCode, input.province.provinceCode),
        eq(units.kind, 'commune'),
        eq(units.active, true),
      ),
    );
  const total = numericValue(
    combineAcrossUnits(
      indicator,
      inPeriod.map((r) => r.value),
    ),
  );
  return {
    unit: { id: input.province.id, code: input.province.code, name: input.province.name },
    indicator: out,
    periodKey,
    periodLabel: periodKey ? capitalized(periodLabel(parsePeriodKey(periodKey))) : null,
    periods: keys.map((key) => ({ key, label: capitalized(periodLabel(parsePeriodKey(key))) })),
    bars,
    total: total ?? null,
    reported: inPeriod.length,
    missing: Math.max(0, (communes?.n ?? 0) - inPeriod.length),
  };
}
