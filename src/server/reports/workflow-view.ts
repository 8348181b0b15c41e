/**
 * The workflow part of a report's view: the steps this user may take, the comments of the last
 * return placed at their section or indicator, and the changes against the last submission.
 */
import type { Queryable } from '../../db/client.js';
import { lastComments } from '../../db/report-comments.js';
import { lastVersions } from '../../db/report-versions.js';
import { hasReceiver, type ReportRecord } from '../../db/reports.js';
import {
  EDITABLE_STATUSES,
  type ReportChangesOut,
  type ReportCommentOut,
  type ReportMeta,
  VIEW_STEPS,
  type ViewStep,
} from '../../domain/api-reports.js';
import { type Actor, can, type UnitRef } from '../../domain/authz.js';
import type { Indicator, Outline } from '../../domain/outline.js';
import { numberOutline } from '../../domain/outlines/index.js';
import { reportChanges } from '../../domain/report-diff.js';
import { reportContentSchema } from '../../domain/report-json.js';
import { type ReportStep, STEP_RULES, stepAllowed } from '../../domain/workflow.js';

const RECEIVING: ReadonlySet<ReportStep> = new Set(['receive', 'accept', 'reject']);

/** The steps `actor` may take on the report now, in workflow order. */
export async function allowedSteps(
  q: Queryable,
  actor: Actor,
  rec: ReportRecord,
  ref: UnitRef,
): Promise<ViewStep[]> {
  let receiver: boolean | null = null;
  const out: ViewStep[] = [];
  for (const step of VIEW_STEPS) {
    const base: ReportStep = step === 'submit-nil' ? 'submit' : step;
    const rule = STEP_RULES[base];
    if (!stepAllowed(base, rec.row.status) || !can(actor, rule.action, ref)) continue;
    if (RECEIVING.has(base)) {
      receiver ??= await hasReceiver(q, rec);
      if (!receiver) continue;
    }
    out.push(step);
  }
  return out;
}

/** Where a comment's target is on the form: a section's number and title, an indicator's label. */
export function targetIndex(outline: Outline) {
  const index = new Map<string, { kind: 'section' | 'indicator'; number: string; label: string }>();
  for (const s of numberOutline(outline)) {
    index.set(s.key, { kind: 'section', number: s.fullNumber, label: s.title });
    for (const child of s.section.children) {
      if (child.kind === 'indicator') {
        const indicator = child as Indicator;
        index.set(indicator.code, { kind: 'indicator', number: s.fullNumber, label: indicator.label });
      }
    }
  }
  return index;
}

async function commentsOf(q: Queryable, rec: ReportRecord): Promise<ReportCommentOut[]> {
  const rows = await lastComments(q, rec.row.id);
  if (rows.length === 0) return [];
  const index = targetIndex(rec.outline.definition);
  return rows.map((c) => {
    const place = c.target ? index.get(c.target) : undefined;
    return {
      id: c.id,
      version: c.version,
      stage: c.stage,
      target: c.target,
      targetKind: place?.kind ?? null,
      targetNumber: place?.number ?? null,
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
async function changesOf(q: Queryable, rec: ReportRecord): Promise<ReportChangesOut | null> {
  if (rec.row.version < 1) return null;
  const [last, before] = await lastVersions(q, rec.row.id);
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

type WorkflowMeta = Pick<
  ReportMeta,
  'version' | 'sentAt' | 'receivedAt' | 'acceptedAt' | 'roundId' | 'steps' | 'comments' | 'changes'
>;

export async function workflowMeta(
  q: Queryable,
  actor: Actor,
  rec: ReportRecord,
  ref: UnitRef,
): Promise<WorkflowMeta> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    version: rec.row.version,
    sentAt: iso(rec.row.sentAt),
    receivedAt: iso(rec.row.receivedAt),
    acceptedAt: iso(rec.row.acceptedAt),
    roundId: rec.row.roundId,
    steps: await allowedSteps(q, actor, rec, ref),
    comments: await commentsOf(q, rec),
    changes: await changesOf(q, rec),
  };
}
