/**
 * The report as the form needs it, in one answer: meta, content, outline, drafted text, issues
 * (validation, completeness, quality) and the text preview of the document.
 */
import type { Queryable } from '../../db/client.js';
import { documentContextFor, historyFor, presentListItem, type ReportRecord } from '../../db/reports.js';
import { EDITABLE_STATUSES, type ReportIssue, type ReportView } from '../../domain/api-reports.js';
import { type Actor, can, type UnitRef } from '../../domain/authz.js';
import { readStored } from '../../domain/consolidation/stored.js';
import {
  composeDocument,
  type DraftedReport,
  draftReport,
  previewText,
} from '../../domain/drafting/index.js';
import { periodLabel, previousPeriod, samePeriodLastYear, todayInVietnam } from '../../domain/periods.js';
import { contentChecks } from './checks.js';
import { workflowMeta } from './workflow-view.js';

export function unitRefOf(rec: ReportRecord): UnitRef {
  return { id: rec.unit.id, kind: rec.unit.kind, provinceCode: rec.unit.provinceCode, path: rec.unit.path };
}

/** Drafted text, every issue, and the document preview of a report. */
export async function analyseReport(q: Queryable, rec: ReportRecord) {
  const outline = rec.outline.definition;
  const ctx = await documentContextFor(q, rec);
  // A consolidated report adds where activity concentrated and who reported nothing.
  const supplements = readStored(rec.row.consolidation)?.narrative;
  const drafted: DraftedReport = draftReport({
    outline,
    content: rec.content,
    period: rec.period,
    unit: ctx.unit,
    ...(supplements ? { supplements } : {}),
  });
  const history = await historyFor(q, rec);
  const issues: ReportIssue[] = await contentChecks(q, { rec, drafted, history });
  const document = composeDocument({
    outline,
    content: rec.content,
    period: rec.period,
    unit: ctx.unit,
    identity: ctx.identity,
    defaults: ctx.defaults,
    today: todayInVietnam(),
    drafted,
  });
  return { drafted, issues, document, preview: previewText(document), supplements: supplements ?? null };
}

/** Issues that block submission: wrong values and missing required parts. */
export function blockingIssues(issues: readonly ReportIssue[]): ReportIssue[] {
  return issues.filter((i) => i.severity === 'error' && i.source !== 'quality');
}

export async function buildReportView(q: Queryable, actor: Actor, rec: ReportRecord): Promise<ReportView> {
  const analysis = await analyseReport(q, rec);
  const ref = unitRefOf(rec);
  const editable = EDITABLE_STATUSES.includes(rec.row.status);
  const workflow = await workflowMeta(q, actor, rec, ref);
  return {
    report: {
      ...presentListItem(rec),
      createdAt: rec.row.createdAt.toISOString(),
      previousPeriodLabel: periodLabel(previousPeriod(rec.period)),
      sameLastYearLabel: periodLabel(samePeriodLastYear(rec.period)),
      canEdit: editable && can(actor, 'report.edit', ref),
      // The same answers as the workflow's steps and comments, kept for the API's older fields.
      canSubmit: workflow.steps.includes('submit'),
      canReturn: workflow.steps.includes('return'),
      returnComment: workflow.comments.find((c) => c.open && c.target === null)?.body ?? null,
      ...workflow,
    },
    content: rec.content,
    outline: rec.outline.definition,
    drafted: analysis.drafted,
    issues: analysis.issues,
    preview: analysis.preview,
    supplements: analysis.supplements,
  };
}
