/**
 * How values of one indicator combine, the rule every total of the system uses (consolidation,
 * board, dashboards). Two directions, because stocks and flows differ:
 * - across units (the communes of a province, for the same period): counts add up, stocks too
 *   (residents of each commune at the same date make the province's residents); `max` keeps the
 *   largest; breakdowns are merged by key; lists are united; texts are joined;
 * - across periods (the months of a quarter, an indicator over time): flows add up, a stock is the
 *   value at the end of the last period (`latest`), `max` keeps the largest.
 * Pure; values that are missing (not filled) are ignored, and nothing filled gives undefined.
 */
import { canonicalCountryName, countryGroupKey, isCountryBreakdown } from '../countries.js';
import type { BrokenDownValue, Indicator, IndicatorValue } from '../outline.js';

export function isBrokenDown(value: IndicatorValue | undefined): value is BrokenDownValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'total' in value;
}

/** The number of a numeric value (its total when broken down); undefined for lists and texts. */
export function numericValue(value: IndicatorValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (isBrokenDown(value)) return value.total;
  return undefined;
}

/** Vietnamese order (one collator: localeCompare with a locale builds one per call). */
const VI = new Intl.Collator('vi');

/** Adds decimals without binary noise (0.1 + 0.2 = 0.3): money and pages carry a few decimals. */
function add(a: number, b: number): number {
  return Math.round((a + b) * 1e6) / 1e6;
}

/**
 * Parts of several values added by key. Countries and markets add up by their catalogue code, so
 * "Hàn Quốc" and "Han Quoc" (a report stored before the catalogue) are one part under the official name.
 */
function mergeParts(
  values: readonly BrokenDownValue[],
  pick: (a: number, b: number) => number,
  byCountry: boolean,
) {
  const parts = new Map<string, { key: string; value: number }>();
  for (const v of values) {
    for (const p of v.parts) {
      const group = byCountry ? countryGroupKey(p.key) : p.key;
      const seen = parts.get(group);
      if (seen) seen.value = pick(seen.value, p.value);
      else parts.set(group, { key: byCountry ? canonicalCountryName(p.key) : p.key, value: p.value });
    }
  }
  return [...parts.values()];
}

function combineNumbers(
  values: readonly IndicatorValue[],
  pick: (a: number, b: number) => number,
  byCountry = false,
) {
  const broken = values.filter(isBrokenDown);
  const numbers = values.map(numericValue).filter((n): n is number => n !== undefined);
  if (numbers.length === 0) return undefined;
  const total = numbers.slice(1).reduce(pick, numbers[0] ?? 0);
  if (broken.length === 0) return total;
  const parts = mergeParts(broken, pick, byCountry);
  parts.sort((a, b) => b.value - a.value || VI.compare(a.key, b.key));
  return { total, parts } satisfies BrokenDownValue;
}

function combineOthers(indicator: Indicator, values: readonly IndicatorValue[]): IndicatorValue | undefined {
  if (indicator.valueType === 'list') {
    // A list of countries unites by code: "Myanmar" and "Mi-an-ma" are one country, named officially.
    const byCountry = indicator.listOf === 'country';
    const seen = new Map<string, string>();
    for (const v of values) {
      if (!Array.isArray(v)) continue;
      for (const item of v) {
        const key = byCountry ? countryGroupKey(item) : item;
        if (!seen.has(key)) seen.set(key, byCountry ? canonicalCountryName(item) : item);
      }
    }
    return seen.size ? [...seen.values()] : undefined;
  }
  const texts = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return texts.length ? [...new Set(texts)].join('; ') : undefined;
}

const isNumeric = (indicator: Indicator) => indicator.valueType !== 'list' && indicator.valueType !== 'text';

/** The value of several units for the same period. */
export function combineAcrossUnits(
  indicator: Indicator,
  values: readonly (IndicatorValue | undefined)[],
): IndicatorValue | undefined {
  const present = values.filter((v): v is IndicatorValue => v !== undefined);
  if (!isNumeric(indicator)) return combineOthers(indicator, present);
  return combineNumbers(
    present,
    indicator.aggregation === 'max' ? Math.max : add,
    isCountryBreakdown(indicator),
  );
}

/** The value of one unit (or one total) over consecutive periods, given oldest first. */
export function combineAcrossPeriods(
  indicator: Indicator,
  values: readonly (IndicatorValue | undefined)[],
): IndicatorValue | undefined {
  const present = values.filter((v): v is IndicatorValue => v !== undefined);
  if (!isNumeric(indicator)) return combineOthers(indicator, present);
  const byCountry = isCountryBreakdown(indicator);
  if (indicator.aggregation === 'max') return combineNumbers(present, Math.max, byCountry);
  if (indicator.measure === 'stock' || indicator.aggregation === 'latest') return present.at(-1);
  return combineNumbers(present, add, byCountry);
}
