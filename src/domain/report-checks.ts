/**
 * The checks of a report's content as API issues: value validation (validation.ts), what is still
 * missing (report-completeness.ts), and the quality checks a human reader would make (quality.ts).
 * Pure: the caller hands in the drafting, the unit's history and the catalogue of unit names.
 */
import type { ReportIssue } from './api-reports.js';
import { consolidationIssues, type LaterReport } from './consolidation/checks.js';
import type { Coverage } from './consolidation/coverage.js';
import type { DraftedReport } from './drafting/types.js';
import { logbookIssues } from './logbook/report-figures.js';
import type { Outline, ReportValues } from './outline.js';
import { qualityChecks } from './quality.js';
import { missingSections, withNilHint } from './report-completeness.js';
import type { ReportContent } from './report-json.js';
import { missingRequired, validateContent } from './validation.js';

export interface CheckInput {
  outline: Outline;
  content: ReportContent;
  drafted: DraftedReport;
  unit: { code: string; name: string };
  /** Names another unit may be mentioned by (see `catalogueFor`). */
  catalogue: readonly { code: string; name: string }[];
  history: { periodLabel: string; values: ReportValues }[];
  /**
   * A consolidated report's coverage as made and the round's reports changed since: warnings for
   * missing and late units and for later reports that differ (consolidation/checks.ts).
   */
  consolidation?: { coverage: Coverage | null; later: readonly LaterReport[] };
}

/** Quality kinds already reported by the validation or the completeness check. */
const COVERED = new Set(['missing_required', 'nil_with_values']);

/**
 * What the form checks as the officer types (the browser runs it on every change): wrong values and
 * missing required parts. The server runs the same function, plus the quality checks.
 */
export function formChecks(input: Pick<CheckInput, 'outline' | 'content' | 'drafted'>): ReportIssue[] {
  const { outline, content, drafted } = input;
  const validation: ReportIssue[] = validateContent(outline, content).map((i) => ({
    source: 'validation',
    severity: i.severity,
    path: i.path,
    message: i.message,
  }));
  const missing: ReportIssue[] = [
    // A missing figure says where its section's "Không phát sinh" is, the other way to answer it.
    ...missingRequired(outline, content).map((i) => ({
      source: 'completeness' as const,
      severity: i.severity,
      path: i.path,
      message: withNilHint(outline, i.path, i.message),
    })),
    ...missingSections(outline, content, drafted),
  ];
  // A figure other than the one computed from the logbook needs the officer's reason.
  const logbook: ReportIssue[] = logbookIssues(outline, content).map((i) => ({
    source: 'validation',
    severity: 'error',
    path: i.path,
    message: i.message,
  }));
  return [...validation, ...logbook, ...missing];
}

export function reportChecks(input: CheckInput): ReportIssue[] {
  const { outline, content, drafted } = input;
  const quality: ReportIssue[] = qualityChecks({
    outline,
    content,
    drafted,
    unit: input.unit,
    catalogue: input.catalogue,
    history: input.history,
  })
    .filter((i) => !COVERED.has(i.kind))
    .map((i) => ({ source: 'quality', severity: i.severity, path: i.key ?? null, message: i.message }));
  const consolidation = input.consolidation
    ? consolidationIssues(input.consolidation.coverage, input.consolidation.later)
    : [];
  return [...formChecks(input), ...quality, ...consolidation];
}

/** Issues that block submission: wrong values and missing required parts. */
export function blockingIssues(issues: readonly ReportIssue[]): ReportIssue[] {
  return issues.filter((i) => i.severity === 'error' && i.source !== 'quality');
}

type Catalogue = readonly { code: string; name: string; provinceCode: string | null }[];
const perProvince = new WeakMap<Catalogue, Map<string, Catalogue>>();

/**
 * The names a unit's text is checked against. A province or one of its bodies names its own
 * communes (a consolidated report says where activity concentrated): only a commune naming another
 * unit is suspect. The filtered list is kept per catalogue and province, so that the name index
 * built on it (drafting/mentions.ts, cached by list identity) is built once, not on every request.
 */
export function catalogueFor(
  catalogue: Catalogue,
  unit: { kind: string; provinceCode: string | null },
): Catalogue {
  if (unit.kind !== 'province' && unit.kind !== 'body') return catalogue;
  let lists = perProvince.get(catalogue);
  if (!lists) {
    lists = new Map();
    perProvince.set(catalogue, lists);
  }
  const key = unit.provinceCode ?? '';
  let list = lists.get(key);
  if (!list) {
    // A name its own communes bear is not suspect, even when a commune of another province bears
    // it too ("Xã Hương Sơn" exists in several provinces).
    const own = new Set(catalogue.filter((u) => u.provinceCode === unit.provinceCode).map((u) => u.name));
    list = catalogue.filter((u) => u.provinceCode !== unit.provinceCode && !own.has(u.name));
    lists.set(key, list);
  }
  return list;
}
