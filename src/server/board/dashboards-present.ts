/**
 * The dashboards as the API gives them: the figures come from src/domain/dashboards.ts; here they
 * are shaped and whitelisted through api-board.ts `indicatorOut`, `seriesResponse`, `compareResponse`.
 */
import type { IndicatorRecord } from '../../db/dashboards.js';
import type { BoardUnit, CompareResponse, IndicatorOut, SeriesResponse } from '../../domain/api-board.js';
import {
  type IndicatorSeries,
  isNumericIndicator,
  periodTitle,
  type UnitComparison,
} from '../../domain/dashboards.js';
import type { Outline } from '../../domain/outline.js';
import { indicatorsOf } from '../../domain/outlines/index.js';

export function presentIndicator({ indicator: i, section }: IndicatorRecord): IndicatorOut {
  return {
    code: i.code,
    label: i.label,
    unit: i.unit,
    measure: i.measure,
    aggregation: i.aggregation,
    whole: i.valueType === 'integer',
    section,
  };
}

/** The numeric indicators of an outline, with the title of their top-level section. */
export function presentNumericIndicators(outline: Outline): IndicatorOut[] {
  return outline.sections.flatMap((section) =>
    indicatorsOf(section)
      .filter(isNumericIndicator)
      .map((indicator) => presentIndicator({ indicator, section: section.title })),
  );
}

const unitOut = (u: BoardUnit): BoardUnit => ({ id: u.id, code: u.code, name: u.name });

export function presentSeries(
  unit: BoardUnit,
  indicator: IndicatorRecord,
  series: IndicatorSeries,
  by: 'period' | 'year',
): SeriesResponse {
  return {
    unit: unitOut(unit),
    indicator: presentIndicator(indicator),
    periodKind: series.periodKind,
    periodKinds: series.periodKinds,
    by,
    points: series.points,
  };
}

export function presentComparison(
  province: BoardUnit,
  indicator: IndicatorRecord,
  comparison: UnitComparison,
): CompareResponse {
  const { periodKey } = comparison;
  return {
    unit: unitOut(province),
    indicator: presentIndicator(indicator),
    periodKey,
    periodLabel: periodKey ? periodTitle(periodKey) : null,
    periods: comparison.periodKeys.map((key) => ({ key, label: periodTitle(key) })),
    bars: comparison.bars,
    total: comparison.total,
    reported: comparison.reported,
    missing: comparison.missing,
  };
}
