/**
 * Consolidation as the API gives it: whitelisted through consolidation/api.ts `roundConsolidation`
 * and `reportTrace`. What a refresh would change is computed by src/domain/consolidation/changes.ts.
 */
import type { ReportTraceRecord, RoundConsolidationRecord } from '../../db/consolidation.js';
import { EDITABLE_STATUSES, REPORT_STATUS_LABELS } from '../../domain/api-reports.js';
import type { ConsolidatedFigures, ReportTrace, RoundConsolidation } from '../../domain/consolidation/api.js';
import { consolidationChanges } from '../../domain/consolidation/changes.js';
import {
  ANSWER_STATE_LABELS,
  type Coverage,
  coverageCounts,
  coverageSentence,
  isAnswered,
  kindsOf,
} from '../../domain/consolidation/coverage.js';
import { indicatorsOf } from '../../domain/consolidation/index.js';
import { type StoredConsolidation, traceOf } from '../../domain/consolidation/stored.js';
import type { Outline, ReportValues } from '../../domain/outline.js';
import { reportContentSchema } from '../../domain/report-json.js';

function presentCoverage(coverage: Coverage): RoundConsolidation['coverage'] {
  const c = coverageCounts(coverage);
  return {
    asked: c.asked,
    answered: c.answered,
    late: c.late,
    partial: c.partial,
    deadline: coverage.deadline,
    sentence: coverageSentence(coverage, 'danh sách bên dưới'),
    units: coverage.units.map((u) => ({
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      state: u.state,
      stateLabel: ANSWER_STATE_LABELS[u.state],
      reportId: u.reportId,
      daysLate: u.daysLate,
    })),
  };
}

export function presentRoundConsolidation(record: RoundConsolidationRecord): RoundConsolidation {
  const { roundId, own, stored, live } = record;
  const c = coverageCounts(record.coverage);
  const counts = {
    units: c.asked,
    received: c.answered,
    notReceived: c.notReceived,
    notSent: c.missing,
  };
  const coverage = presentCoverage(record.coverage);
  const report = own
    ? {
        id: own.id,
        status: own.status,
        statusLabel: REPORT_STATUS_LABELS[own.status],
        madeAt: stored?.madeAt ?? null,
        editable: EDITABLE_STATUSES.includes(own.status),
      }
    : null;
  const made = stored?.coverage ? coverageCounts(stored.coverage) : null;
  const madeFrom = made ? { answered: made.answered, asked: made.asked } : null;
  const empty = { receivedSince: [], withdrawn: [], differences: [] };
  if (!own || !stored || !live)
    return { roundId, report, counts, coverage, madeFrom, sourcesUsed: 0, ...empty };
  // Against the sums as made (an override is not a change a refresh would make).
  const values = stored.sums ?? reportContentSchema.parse(own.content ?? {}).values;
  const changes = consolidationChanges(live.outline, stored, live.sources, live.made, values);
  return { roundId, report, counts, coverage, madeFrom, sourcesUsed: stored.sources.length, ...changes };
}

export function presentReportTrace({ report, stored, outline }: ReportTraceRecord): ReportTrace {
  if (!stored || !outline) {
    return {
      reportId: report.id,
      consolidated: false,
      madeAt: null,
      roundId: null,
      coverage: null,
      sources: [],
      indicators: [],
    };
  }
  const values = reportContentSchema.parse(report.content ?? {}).values;
  const trace = traceOf(stored);
  const indicators = indicatorsOf(outline.sections).flatMap((i) => {
    const entries = trace[i.code] ?? [];
    if (entries.length === 0 && values[i.code] === undefined) return [];
    return [
      {
        code: i.code,
        label: i.label,
        unit: i.unit,
        value: values[i.code] ?? null,
        sources: entries.map((e) => ({
          reportId: e.reportId,
          unitCode: e.unitCode,
          unitName: e.unitName,
          value: e.value,
          href: `/bao-cao/${e.reportId}`,
        })),
      },
    ];
  });
  return {
    reportId: report.id,
    consolidated: true,
    madeAt: stored.madeAt,
    roundId: stored.roundId,
    coverage: stored.coverage
      ? {
          answered: coverageCounts(stored.coverage).answered,
          asked: coverageCounts(stored.coverage).asked,
          partial: coverageCounts(stored.coverage).partial,
          sentence: coverageSentence(stored.coverage),
        }
      : null,
    sources: stored.sources.map(({ reportId, unitId, unitCode, unitName, version, nilAll }) => ({
      reportId,
      unitId,
      unitCode,
      unitName,
      version,
      nilAll,
    })),
    indicators,
  };
}

/**
 * The figures of a consolidated report for its page: per indicator the sum as consolidated, its
 * number of sources and the override with its reason; the coverage when it was made.
 */
export function presentConsolidatedFigures(
  outline: Outline,
  stored: StoredConsolidation,
  values: ReportValues,
): ConsolidatedFigures {
  const figures: ConsolidatedFigures['figures'] = {};
  for (const i of indicatorsOf(outline.sections)) {
    const override = stored.overrides?.[i.code];
    figures[i.code] = {
      sum: (stored.sums ? stored.sums[i.code] : override ? undefined : values[i.code]) ?? null,
      sources: stored.trace[i.code]?.length ?? 0,
      override: override
        ? { value: override.value, reason: override.reason, by: override.userName, at: override.at }
        : null,
    };
  }
  const coverage = stored.coverage;
  const counts = coverage ? coverageCounts(coverage) : null;
  return {
    madeAt: stored.madeAt,
    roundId: stored.roundId,
    sources: stored.sources.length,
    unitsKind: kindsOf(coverage?.units ?? stored.sources.map((s) => ({ name: s.unitName }))),
    coverage:
      coverage && counts
        ? {
            answered: counts.answered,
            asked: counts.asked,
            partial: counts.partial,
            sentence: coverageSentence(coverage, 'danh sách bên dưới'),
            waiting: coverage.units
              .filter((u) => !isAnswered(u))
              .map((u) => ({ name: u.name, stateLabel: ANSWER_STATE_LABELS[u.state], daysLate: u.daysLate })),
          }
        : null,
    figures,
  };
}
