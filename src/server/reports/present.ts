/**
 * Presenters of reports: a stored report (src/db/report-record.ts, src/db/reports.ts) turned into
 * the API's answers (src/domain/api-reports.ts). Pure; the only place where rows become answers.
 */

import type { ReportRecord } from '../../db/report-record.js';
import { hasReceiver } from '../../db/report-record.js';
import type { ReportListRow, SavedReport } from '../../db/reports.js';
import {
  type ReportChangesOut,
  type ReportCommentOut,
  type ReportIssue,
  type ReportListItem,
  type ReportSaved,
  type ReportView,
  VIEW_STEPS,
  type ViewStep,
} from '../../domain/api-reports.js';
import { type Actor, can, type UnitRef } from '../../domain/authz.js';
import type { ConsolidatedFigures } from '../../domain/consolidation/api.js';
import type { OfficialDocument } from '../../domain/document.js';
import type { DraftedFrame } from '../../domain/drafting/compose.js';
import type { DraftedReport, DraftedSection, SectionSupplement } from '../../domain/drafting/types.js';
import { notation } from '../../domain/numbering.js';
import type { Indicator, Outline } from '../../domain/outline.js';
import { periodLabel, previousPeriod, samePeriodLastYear } from '../../domain/periods.js';
import { reportChanges } from '../../domain/report-diff.js';
import { reportContentSchema } from '../../domain/report-json.js';
import {
  EDITABLE_STATUSES,
  REPORT_STATUS_LABELS,
  type ReportStep,
  STEP_RULES,
  stepAllowed,
} from '../../domain/workflow.js';

export function unitRefOf(rec: {
  unit: Pick<ReportRecord['unit'], 'id' | 'kind' | 'provinceCode' | 'path'>;
}): UnitRef {
  return { id: rec.unit.id, kind: rec.unit.kind, provinceCode: rec.unit.provinceCode, path: rec.unit.path };
}

/** The list entry of a report. */
export function presentListItem(rec: ReportListRow | ReportRecord): ReportListItem {
  const { row, unit, outline } = rec;
  return {
    id: row.id,
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    outline: {
      id: outline.id,
      code: outline.code,
      version: outline.version,
      name: outline.name,
      documentKind: outline.documentKind,
      current: outline.current,
    },
    period: rec.period,
    periodKey: row.periodKey,
    periodLabel: periodLabel(rec.period),
    window: { start: row.windowStart, end: row.windowEnd },
    status: row.status,
    statusLabel: REPORT_STATUS_LABELS[row.status],
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: rec.updatedBy,
  };
}

/** The answer of an autosave: what changed about the report itself, nothing recomputed. */
export function presentSaved(saved: SavedReport, by: { id: number; fullName: string }): ReportSaved {
  return {
    report: {
      id: saved.id,
      revision: saved.revision,
      status: saved.status,
      updatedAt: saved.updatedAt.toISOString(),
      updatedBy: by,
    },
  };
}

const RECEIVING: ReadonlySet<ReportStep> = new Set(['receive', 'accept', 'reject']);

/** The steps `actor` may take on the report now, in workflow order. */
export function allowedSteps(actor: Actor, rec: ReportRecord): ViewStep[] {
  const ref = unitRefOf(rec);
  return VIEW_STEPS.filter((step) => {
    const base: ReportStep = step === 'submit-nil' ? 'submit' : step;
    // A consolidated report's figures are its sources': it is never answered "không phát sinh" whole.
    if (step === 'submit-nil' && rec.row.consolidation !== null) return false;
    if (!stepAllowed(base, rec.row.status) || !can(actor, STEP_RULES[base].action, ref)) return false;
    // The leader answers a submitted report with "Trả lại"; "Rút lại" is the officer's button.
    if (base === 'withdraw' && can(actor, 'report.approve', ref)) return false;
    return !RECEIVING.has(base) || hasReceiver(rec);
  });
}

type TargetIndex = Map<string, { kind: 'section' | 'indicator'; number: string; label: string }>;

/**
 * Where a comment's target is: a section's number (as the document prints it) and title, an
 * indicator's label and its section's number.
 */
export function targetIndex(outline: Outline, drafted: DraftedReport | null): TargetIndex {
  const numbers = new Map<string, string>();
  const walk = (sections: readonly DraftedSection[], prefix: string) => {
    for (const s of sections) {
      const own = s.number.replace(/[.)]$/, '');
      const full = s.number ? (prefix ? `${prefix}.${own}` : own) : prefix;
      numbers.set(s.key, full);
      walk(s.children, full);
    }
  };
  walk(drafted?.sections ?? [], '');
  const index: TargetIndex = new Map();
  const visit = (nodes: Outline['sections']) => {
    for (const s of nodes) {
      const number = numbers.get(s.key) ?? '';
      index.set(s.key, { kind: 'section', number, label: s.title });
      for (const child of s.children) {
        if (child.kind === 'indicator') {
          const indicator = child as Indicator;
          index.set(indicator.code, { kind: 'indicator', number, label: indicator.label });
        } else if (child.kind === 'section') visit([child]);
      }
    }
  };
  visit(outline.sections);
  return index;
}

function commentsOf(rec: ReportRecord, index: TargetIndex): ReportCommentOut[] {
  return rec.comments.map((c) => {
    const place = c.target ? index.get(c.target) : undefined;
    return {
      id: c.id,
      version: c.version,
      stage: c.stage,
      target: c.target,
      targetKind: place?.kind ?? null,
      targetNumber: place?.number || null,
      targetLabel: place?.label ?? null,
      body: c.body,
      author: c.author,
      createdAt: c.createdAt.toISOString(),
      open: rec.row.status === 'returned' && c.version === rec.row.version,
    };
  });
}

/**
 * While the report is being corrected: its content against the last submitted version. Once
 * submitted again: that version against the one before it (what the leader or the receiving unit
 * needs to see). Null when there is nothing to compare.
 */
function changesOf(rec: ReportRecord): ReportChangesOut | null {
  if (rec.row.version < 1) return null;
  const [last, before] = rec.versions;
  if (!last) return null;
  const outline = rec.outline.definition;
  const parse = (c: unknown) => reportContentSchema.parse(c ?? {});
  if (EDITABLE_STATUSES.includes(rec.row.status)) {
    const items = reportChanges(outline, parse(last.content), parse(rec.content));
    return items.length ? { against: last.version, current: null, items } : null;
  }
  if (!before) return null;
  const items = reportChanges(outline, parse(before.content), parse(last.content));
  return { against: before.version, current: last.version, items };
}

export interface ReportAnalysis {
  drafted: DraftedReport | null;
  issues: ReportIssue[];
  document: OfficialDocument;
  /** True when the document is the frozen issued one. */
  issued: boolean;
  supplements: Record<string, SectionSupplement> | null;
  consolidation: ConsolidatedFigures | null;
  frame: DraftedFrame;
  /** An issued report's figures from the logbook that the records no longer give (null otherwise). */
  logbook: ReportView['logbook'];
}

export function presentReportView(actor: Actor, rec: ReportRecord, analysis: ReportAnalysis): ReportView {
  const ref = unitRefOf(rec);
  const editable = EDITABLE_STATUSES.includes(rec.row.status);
  // A correction is offered where the logbook no longer gives the issued figures.
  const corrections = (analysis.logbook?.differences.length ?? 0) > 0;
  const steps = allowedSteps(actor, rec).filter((s) => s !== 'correct' || corrections);
  const comments = commentsOf(rec, targetIndex(rec.outline.definition, analysis.drafted));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    report: {
      ...presentListItem(rec),
      createdAt: rec.row.createdAt.toISOString(),
      previousPeriodLabel: periodLabel(previousPeriod(rec.period)),
      sameLastYearLabel: periodLabel(samePeriodLastYear(rec.period)),
      canEdit: editable && can(actor, 'report.edit', ref),
      // The same answers as the workflow's steps and comments, kept for the API's older fields.
      canSubmit: steps.includes('submit'),
      canReturn: steps.includes('return'),
      returnComment: comments.find((c) => c.open && c.target === null)?.body ?? null,
      version: rec.row.version,
      sentAt: iso(rec.row.sentAt),
      receivedAt: iso(rec.row.receivedAt),
      acceptedAt: iso(rec.row.acceptedAt),
      roundId: rec.row.roundId,
      notation:
        analysis.issued && analysis.document.number !== null
          ? notation(analysis.document.number, analysis.document.symbol)
          : null,
      issuedOn: analysis.issued ? analysis.document.issuedOn : null,
      steps,
      comments,
      changes: changesOf(rec),
    },
    content: rec.content,
    outline: rec.outline.definition,
    issues: analysis.issues,
    document: analysis.document,
    documentIssued: analysis.issued,
    supplements: analysis.supplements,
    consolidation: analysis.consolidation,
    frame: analysis.frame,
    logbook: analysis.logbook,
  };
}
