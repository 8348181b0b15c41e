/**
 * What a refresh of a consolidated report would change: the reports received since it was made
 * (new, or in a newer version), the sources no longer received, and the figures that would differ.
 */
import type { IndicatorValue, Outline, ReportValues } from '../outline.js';
import type { RoundConsolidation, SourceRef } from './api.js';
import { type ConsolidationSource, indicatorsOf } from './index.js';
import type { StoredConsolidation } from './stored.js';

export type ConsolidationChanges = Pick<RoundConsolidation, 'receivedSince' | 'withdrawn' | 'differences'>;

const sameValue = (a: IndicatorValue | undefined, b: IndicatorValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const refOf = (s: ConsolidationSource): SourceRef => ({
  reportId: s.reportId,
  unitId: s.unit.id,
  unitCode: s.unit.code,
  unitName: s.unit.name,
  version: s.version,
});

/**
 * `stored`: the consolidation as made; `sources` and `made`: as it would be made now; `values`: the
 * figures of the consolidated report now (the officer may have corrected some).
 */
export function consolidationChanges(
  outline: Outline,
  stored: StoredConsolidation,
  sources: readonly ConsolidationSource[],
  made: { values: ReportValues },
  values: ReportValues,
): ConsolidationChanges {
  const used = new Map(stored.sources.map((s) => [s.reportId, s]));
  const current = new Set(sources.map((s) => s.reportId));
  const receivedSince = sources.flatMap((s): RoundConsolidation['receivedSince'] => {
    const before = used.get(s.reportId);
    if (!before) return [{ ...refOf(s), reason: 'new' as const }];
    return s.version > before.version ? [{ ...refOf(s), reason: 'newer_version' as const }] : [];
  });
  const withdrawn = stored.sources
    .filter((s) => !current.has(s.reportId))
    .map(({ reportId, unitId, unitCode, unitName, version }) => ({
      reportId,
      unitId,
      unitCode,
      unitName,
      version,
    }));
  const differences = indicatorsOf(outline.sections).flatMap((i) => {
    const before = values[i.code];
    const after = made.values[i.code];
    if (sameValue(before, after)) return [];
    return [{ code: i.code, label: i.label, unit: i.unit, before: before ?? null, after: after ?? null }];
  });
  return { receivedSince, withdrawn, differences };
}
