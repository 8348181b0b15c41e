/**
 * The dashboards' figures, pure: an indicator over periods for a unit or a province (its own report
 * when it has the figure, else its communes combined), and the communes of a province side by side.
 * Totals use the one combining rule of the system (consolidation/combine.ts).
 */
import type { CompareResponse, SeriesKind, SeriesPoint } from './api-board.js';
import { combineAcrossPeriods, combineAcrossUnits, numericValue } from './consolidation/combine.js';
import type { Indicator, IndicatorValue } from './outline.js';
import { dataWindow, type Period, parsePeriodKey, periodLabel } from './periods.js';

export const isNumericIndicator = (i: Indicator) => i.valueType !== 'list' && i.valueType !== 'text';

/** One report's value of the indicator, with its unit and period. */
export interface ValueRow {
  unit: { id: number; code: string; name: string };
  periodKey: string;
  periodKind: string;
  value: IndicatorValue | undefined;
}

/** The two halves of a year make one kind of period for a series. */
export function seriesKindOf(periodKind: string): SeriesKind {
  if (periodKind === 'half1' || periodKind === 'half2') return 'half';
  return periodKind as SeriesKind;
}

const periodEnd = (key: string) => dataWindow(parsePeriodKey(key)).end;
const byPeriodEnd = (a: string, b: string) => periodEnd(a).localeCompare(periodEnd(b)) || a.localeCompare(b);

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Quý I năm 2026": the label of a period as a dashboard shows it. */
export const periodTitle = (key: string) => capitalized(periodLabel(parsePeriodKey(key)));

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

export interface IndicatorSeries {
  periodKind: SeriesKind | null;
  /** The kinds of period the unit has figures for, the most frequent first. */
  periodKinds: SeriesKind[];
  points: SeriesPoint[];
}

/** The indicator over the periods of one kind (by default the most frequent), or over years. */
export function indicatorSeries(
  indicator: Indicator,
  unitId: number,
  rows: readonly ValueRow[],
  options: { periodKind?: SeriesKind | undefined; by: 'period' | 'year' },
): IndicatorSeries {
  const kindCounts = new Map<SeriesKind, number>();
  for (const r of rows)
    kindCounts.set(seriesKindOf(r.periodKind), (kindCounts.get(seriesKindOf(r.periodKind)) ?? 0) + 1);
  const kinds = [...kindCounts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const periodKind = options.periodKind ?? kinds[0] ?? null;
  const chosen = rows.filter((r) => seriesKindOf(r.periodKind) === periodKind);
  const perPeriod = valuesPerPeriod(indicator, unitId, chosen);
  const points =
    options.by === 'year'
      ? combineByYear(indicator, perPeriod)
      : perPeriod.map((p) => ({
          key: p.key,
          label: capitalized(periodLabel(p.period)),
          value: numericValue(p.value) ?? null,
          source: p.source,
          reports: p.reports,
        }));
  return { periodKind, periodKinds: kinds, points };
}

export interface UnitComparison {
  periodKey: string | null;
  /** The periods with figures, newest first. */
  periodKeys: string[];
  bars: CompareResponse['bars'];
  total: number | null;
  reported: number;
  missing: number;
}

/**
 * The communes of a province side by side for one period (by default the latest with figures): the
 * top N, then the others together; `communeCount` is the province's active communes.
 */
export function compareUnits(
  indicator: Indicator,
  provinceId: number,
  values: readonly ValueRow[],
  options: { periodKey?: string | undefined; top: number },
  communeCount: number,
  /** The periods the communes reported for, when `values` holds only one of them (src/db: comparisonValues). */
  periodKeys?: readonly string[],
): UnitComparison {
  const rows = values.filter((r) => r.unit.id !== provinceId && r.value !== undefined);
  const keys = [...new Set(periodKeys ?? rows.map((r) => r.periodKey))].sort(byPeriodEnd).reverse();
  const periodKey = options.periodKey ?? (periodKeys ? rows[0]?.periodKey : keys[0]) ?? keys[0] ?? null;
  const inPeriod = rows.filter((r) => r.periodKey === periodKey);
  const ranked = inPeriod
    .map((r) => ({ unit: r.unit, value: numericValue(r.value) ?? 0, raw: r.value }))
    .sort((a, b) => b.value - a.value || a.unit.code.localeCompare(b.unit.code));
  const top = ranked.slice(0, options.top);
  const rest = ranked.slice(options.top);
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
  const total = numericValue(
    combineAcrossUnits(
      indicator,
      inPeriod.map((r) => r.value),
    ),
  );
  return {
    periodKey,
    periodKeys: keys,
    bars,
    total: total ?? null,
    reported: inPeriod.length,
    missing: Math.max(0, communeCount - inPeriod.length),
  };
}
