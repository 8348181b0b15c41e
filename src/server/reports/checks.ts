/**
 * The checks of a report's content as API issues: value validation (src/domain/validation.ts),
 * what is still missing, and the quality checks a human reader would make (src/domain/quality.ts).
 */
import type { Queryable } from '../../db/client.js';
import { type ReportRecord, unitNameCatalogue } from '../../db/reports.js';
import type { ReportIssue } from '../../domain/api-reports.js';
import type { DraftedReport } from '../../domain/drafting/index.js';
import type { ReportValues } from '../../domain/outline.js';
import { qualityChecks } from '../../domain/quality.js';
import { missingRequired, validateContent } from '../../domain/validation.js';
import { missingSections } from './completeness.js';

export interface CheckInput {
  rec: ReportRecord;
  drafted: DraftedReport;
  history: { periodLabel: string; values: ReportValues }[];
}

/** Quality kinds already reported by the validation or the completeness check. */
const COVERED = new Set(['missing_required', 'nil_with_values']);

export async function contentChecks(q: Queryable, input: CheckInput): Promise<ReportIssue[]> {
  const { rec, drafted, history } = input;
  const outline = rec.outline.definition;
  const content = rec.content;
  const validation: ReportIssue[] = validateContent(outline, content).map((i) => ({
    source: 'validation',
    severity: i.severity,
    path: i.path,
    message: i.message,
  }));
  const missing: ReportIssue[] = [
    ...missingRequired(outline, content).map((i) => ({
      source: 'completeness' as const,
      severity: i.severity,
      path: i.path,
      message: i.message,
    })),
    ...missingSections(outline, content, drafted),
  ];
  // A province or one of its bodies names its own communes (a consolidated report says where activity
  // concentrated); only a commune naming another unit is suspect.
  const provinceLevel = rec.unit.kind === 'province' || rec.unit.kind === 'body';
  const catalogue = (await unitNameCatalogue(q)).filter(
    (u) => !provinceLevel || u.provinceCode !== rec.unit.provinceCode,
  );
  const quality: ReportIssue[] = qualityChecks({
    outline,
    content,
    drafted,
    unit: { code: rec.unit.code, name: rec.unit.name },
    catalogue,
    history,
  })
    .filter((i) => !COVERED.has(i.kind))
    .map((i) => ({ source: 'quality', severity: i.severity, path: i.key ?? null, message: i.message }));
  return [...validation, ...missing, ...quality];
}
