/**
 * Reports: one per unit, outline code and period. The content (ReportContent) is saved with
 * optimistic concurrency: a save names the revision it started from, and the conditional UPDATE
 * refuses a stale one, so two people editing at once never overwrite each other silently.
 */
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ReportListItem, ReportStatus } from '../domain/api-reports.js';
import { EDITABLE_STATUSES, REPORT_STATUS_LABELS } from '../domain/api-reports.js';
import type { DraftUnit } from '../domain/drafting/types.js';
import { AppError } from '../domain/errors.js';
import type { ReportValues } from '../domain/outline.js';
import {
  type DataWindow,
  type Period,
  parsePeriodKey,
  periodKey,
  periodLabel,
  previousPeriod,
  samePeriodLastYear,
} from '../domain/periods.js';
import type { ReportContent } from '../domain/report-json.js';
import { nfc } from '../domain/text.js';
import { type ReportStep, STEP_RULES, stepAllowed, stepRefusal } from '../domain/workflow.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import type { OutlineRow } from './outlines.js';
import { addComments, type CommentIn } from './report-comments.js';
import { documentContext, draftUnitOf as documentUnitOf } from './report-document.js';
import { snapshotVersion } from './report-versions.js';
import { auditLog, outlines, reports, rounds, units, users } from './schema.js';

export type ReportRow = typeof reports.$inferSelect;

/** A report with what every screen shows beside it: its unit, its outline and who saved it last. */
export interface ReportRecord {
  row: ReportRow;
  content: ReportContent;
  period: Period;
  unit: {
    id: number;
    code: string;
    name: string;
    kind: 'country' | 'province' | 'commune' | 'body';
    provinceCode: string | null;
    path: number[];
  };
  outline: OutlineRow;
  updatedBy: { id: number; fullName: string } | null;
}

/** The period of a stored report: its key says it all (a week's or a custom range's own dates). */
export function periodOfRow(row: Pick<ReportRow, 'periodKey'>): Period {
  return parsePeriodKey(row.periodKey);
}

const recordColumns = {
  row: reports,
  unitId: units.id,
  unitCode: units.code,
  unitName: units.name,
  unitKind: units.kind,
  unitProvince: units.provinceCode,
  unitPath: units.path,
  outline: outlines,
  updatedById: users.id,
  updatedByName: users.fullName,
};

type RecordRow = {
  row: ReportRow;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: ReportRecord['unit']['kind'];
  unitProvince: string | null;
  unitPath: number[];
  outline: OutlineRow;
  updatedById: number | null;
  updatedByName: string | null;
};

function toRecord(r: RecordRow): ReportRecord {
  return {
    row: r.row,
    content: r.row.content as ReportContent,
    period: periodOfRow(r.row),
    unit: {
      id: r.unitId,
      code: r.unitCode,
      name: r.unitName,
      kind: r.unitKind,
      provinceCode: r.unitProvince,
      path: r.unitPath,
    },
    outline: r.outline,
    updatedBy:
      r.updatedById !== null && r.updatedByName !== null
        ? { id: r.updatedById, fullName: r.updatedByName }
        : null,
  };
}

function selectRecords(q: Queryable) {
  return q
    .select(recordColumns)
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .innerJoin(outlines, eq(outlines.id, reports.outlineId))
    .leftJoin(users, eq(users.id, reports.updatedBy));
}

export async function loadReport(q: Queryable, id: number): Promise<ReportRecord> {
  const [r] = await selectRecords(q).where(eq(reports.id, id)).limit(1);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo.');
  return toRecord(r);
}

/** The list entry of a report, as the API gives it. */
export function presentListItem(rec: ReportRecord): ReportListItem {
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

export async function listReports(
  q: Queryable,
  unitId: number,
  query: { year?: number | undefined; limit: number; offset: number },
): Promise<{ items: ReportListItem[]; total: number }> {
  const where = and(eq(reports.unitId, unitId), query.year ? eq(reports.periodYear, query.year) : undefined);
  const [total] = await q.select({ n: count() }).from(reports).where(where);
  const rows = await selectRecords(q)
    .where(where)
    .orderBy(desc(reports.windowEnd), desc(reports.updatedAt))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((r) => presentListItem(toRecord(r))), total: total?.n ?? 0 };
}

export async function findReportId(
  q: Queryable,
  unitId: number,
  outlineCode: string,
  key: string,
): Promise<number | undefined> {
  const [row] = await q
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.unitId, unitId), eq(reports.outlineCode, outlineCode), eq(reports.periodKey, key)))
    .limit(1);
  return row?.id;
}

async function valuesFor(q: Queryable, unitId: number, outlineCode: string, key: string) {
  const [row] = await q
    .select({ content: reports.content })
    .from(reports)
    .where(and(eq(reports.unitId, unitId), eq(reports.outlineCode, outlineCode), eq(reports.periodKey, key)))
    .limit(1);
  const values = (row?.content as ReportContent | undefined)?.values;
  return values && Object.keys(values).length ? values : undefined;
}

/** Values of this unit's reports for the previous period and the same period last year. */
export async function comparisonFor(
  q: Queryable,
  unitId: number,
  outlineCode: string,
  period: Period,
): Promise<ReportContent['comparison']> {
  const previous = await valuesFor(q, unitId, outlineCode, periodKey(previousPeriod(period)));
  const sameLastYear = await valuesFor(q, unitId, outlineCode, periodKey(samePeriodLastYear(period)));
  return { ...(previous ? { previous } : {}), ...(sameLastYear ? { sameLastYear } : {}) };
}

/** This unit's other reports on the same outline code, newest first: the history of its values. */
export async function historyFor(
  q: Queryable,
  rec: ReportRecord,
  limit = 8,
): Promise<{ periodLabel: string; values: ReportValues }[]> {
  const rows = await q
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.unitId, rec.unit.id),
        eq(reports.outlineCode, rec.outline.code),
        ne(reports.id, rec.row.id),
      ),
    )
    .orderBy(desc(reports.windowEnd))
    .limit(limit);
  return rows
    .filter((r) => r.windowEnd < rec.row.windowEnd)
    .map((r) => ({ periodLabel: periodLabel(periodOfRow(r)), values: (r.content as ReportContent).values }));
}

/**
 * Creates the draft of a unit's report for a period on an outline version, or returns the one
 * that exists already (one report per unit, outline code and period).
 */
export async function createReport(
  q: Queryable,
  actor: AuditActor,
  input: {
    unitId: number;
    outline: OutlineRow;
    period: Period;
    window: DataWindow;
    content: ReportContent;
    /** The reporting round the report answers, when opened through one. */
    roundId?: number | null;
  },
): Promise<{ id: number; created: boolean }> {
  const key = periodKey(input.period);
  const existing = await findReportId(q, input.unitId, input.outline.code, key);
  if (existing) return { id: existing, created: false };
  const inserted = await q
    .insert(reports)
    .values({
      unitId: input.unitId,
      outlineId: input.outline.id,
      outlineCode: input.outline.code,
      periodKind: input.period.kind,
      periodYear: input.period.year,
      periodIndex: input.period.index,
      periodKey: key,
      windowStart: input.window.start,
      windowEnd: input.window.end,
      content: input.content,
      roundId: input.roundId ?? null,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .onConflictDoNothing({ target: [reports.unitId, reports.outlineCode, reports.periodKey] })
    .returning({ id: reports.id });
  const row = inserted[0];
  if (!row) {
    // Someone created it at the same moment.
    const id = await findReportId(q, input.unitId, input.outline.code, key);
    if (!id) throw new Error('report vanished after a conflicting insert');
    return { id, created: false };
  }
  await writeAudit(q, actor, {
    action: 'report.create',
    entity: 'report',
    entityId: row.id,
    unitId: input.unitId,
    after: {
      outline: `${input.outline.code}@${input.outline.version}`,
      period: key,
      window: input.window,
      prefilled: Object.keys(input.content.comparison),
    },
  });
  return { id: row.id, created: true };
}

/** A save named a revision that is not the stored one: the client shows both versions. */
export class ReportConflictError extends AppError {
  readonly current: ReportRecord;
  constructor(current: ReportRecord) {
    super('REPORT_CONFLICT');
    this.current = current;
  }
}

function assertEditable(rec: ReportRecord): void {
  if (!EDITABLE_STATUSES.includes(rec.row.status)) {
    throw new AppError(
      'REPORT_LOCKED',
      `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[rec.row.status]}" nên không sửa được. ` +
        'Chỉ sửa được khi báo cáo đang soạn hoặc bị trả lại.',
    );
  }
}

const AUDIT_TEXT_MAX = 300;

function small(value: unknown): unknown {
  if (typeof value === 'string' && value.length > AUDIT_TEXT_MAX) return `${value.slice(0, AUDIT_TEXT_MAX)}…`;
  if (Array.isArray(value)) return value.map(small);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, small(v)]));
  return value;
}

/** What changed between two contents, keyed "values.<code>", "narratives.<key>", "nil", …; long texts cut. */
export function contentChanges(
  before: ReportContent,
  after: ReportContent,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const perKey = (field: 'values' | 'narratives') => {
    const a: Record<string, unknown> = before[field] ?? {};
    const b: Record<string, unknown> = after[field] ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (same(a[key], b[key])) continue;
      out.before[`${field}.${key}`] = small(a[key] ?? null);
      out.after[`${field}.${key}`] = small(b[key] ?? null);
    }
  };
  perKey('values');
  perKey('narratives');
  for (const field of ['nil', 'document', 'window', 'comparison'] as const) {
    if (same(before[field], after[field])) continue;
    out.before[field] = small(before[field] ?? null);
    out.after[field] = small(after[field] ?? null);
  }
  return out;
}

/** Stores new content if `revision` is still the stored one; returns the new revision. */
export async function saveReportContent(
  q: Queryable,
  actor: AuditActor,
  input: { id: number; revision: number; content: ReportContent; window?: DataWindow; action?: string },
): Promise<number> {
  const rec = await loadReport(q, input.id);
  assertEditable(rec);
  if (rec.row.revision !== input.revision) throw new ReportConflictError(rec);
  // The revision in the WHERE clause is the lock: a concurrent save that committed first wins.
  const updated = await q
    .update(reports)
    .set({
      content: input.content,
      revision: input.revision + 1,
      updatedBy: actor.userId,
      updatedAt: new Date(),
      ...(input.window ? { windowStart: input.window.start, windowEnd: input.window.end } : {}),
    })
    .where(
      and(
        eq(reports.id, input.id),
        eq(reports.revision, input.revision),
        inArray(reports.status, [...EDITABLE_STATUSES]),
      ),
    )
    .returning({ revision: reports.revision });
  if (!updated[0]) throw new ReportConflictError(await loadReport(q, input.id));
  const changes = contentChanges(rec.content, input.content);
  await writeAudit(q, actor, {
    action: input.action ?? 'report.save',
    entity: 'report',
    entityId: input.id,
    unitId: rec.unit.id,
    before: { revision: input.revision, ...changes.before },
    after: { revision: input.revision + 1, ...changes.after },
  });
  return input.revision + 1;
}

/** A workflow step as the server takes it (src/domain/workflow.ts STEP_RULES). */
export interface StepInput {
  id: number;
  step: ReportStep;
  /** The revision the client saw; absent, the step acts on what is stored (the state is still checked). */
  revision?: number | undefined;
  /** The overall comment or the reason, kept in the audit row. */
  note?: string | undefined;
  /** Comments stored with the step (return: the leader's; reject: the receiving unit's reason). */
  comments?: CommentIn[];
  /** More facts for the audit row. */
  details?: Record<string, unknown>;
}

export interface StepResult {
  before: ReportRecord;
  status: ReportStatus;
  version: number;
  revision: number;
}

function refusal(step: ReportStep, status: ReportStatus): AppError {
  return new AppError('CONFLICT', stepRefusal(step, status));
}

/**
 * Takes a step with ONE conditional update (WHERE status IN the step's `from`, and the revision
 * when the client named one): of two leaders approving at once exactly one succeeds, the other gets
 * the state's refusal. A submission also freezes the content as a new version; the audit row and
 * the comments are written in the same transaction.
 */
export async function takeStep(q: Queryable, actor: AuditActor, input: StepInput): Promise<StepResult> {
  const rule = STEP_RULES[input.step];
  const rec = await loadReport(q, input.id);
  if (!stepAllowed(input.step, rec.row.status)) throw refusal(input.step, rec.row.status);
  if (input.revision !== undefined && rec.row.revision !== input.revision) throw new ReportConflictError(rec);
  const now = new Date();
  const updated = await q
    .update(reports)
    .set({
      status: rule.to,
      revision: sql`${reports.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: now,
      ...(input.step === 'submit' ? { version: sql`${reports.version} + 1` } : {}),
      ...(input.step === 'receive' ? { receivedAt: now } : {}),
      ...(input.step === 'accept'
        ? { acceptedAt: now, receivedAt: sql`coalesce(${reports.receivedAt}, ${now.toISOString()})` }
        : {}),
    })
    .where(
      and(
        eq(reports.id, input.id),
        inArray(reports.status, [...rule.from]),
        input.revision !== undefined ? eq(reports.revision, input.revision) : undefined,
      ),
    )
    .returning({ version: reports.version, revision: reports.revision });
  const row = updated[0];
  if (!row) {
    // Someone took a step (or saved) between our read and our update.
    const current = await loadReport(q, input.id);
    if (!stepAllowed(input.step, current.row.status)) throw refusal(input.step, current.row.status);
    throw new ReportConflictError(current);
  }
  if (input.step === 'submit') {
    await snapshotVersion(q, {
      reportId: input.id,
      version: row.version,
      content: rec.content,
      userId: actor.userId,
    });
  }
  const stage = input.step === 'reject' ? 'province' : 'leader';
  await addComments(q, {
    reportId: input.id,
    version: rec.row.version,
    stage,
    authorId: actor.userId,
    comments: input.comments ?? [],
  });
  await writeAudit(q, actor, {
    action: rule.audit,
    entity: 'report',
    entityId: input.id,
    unitId: rec.unit.id,
    before: { status: rec.row.status, revision: rec.row.revision, version: rec.row.version },
    after: {
      status: rule.to,
      revision: row.revision,
      version: row.version,
      ...(input.note ? { comment: input.note } : {}),
      ...(input.comments?.length ? { comments: input.comments.length } : {}),
      ...input.details,
    },
  });
  return { before: rec, status: rule.to, version: row.version, revision: row.revision };
}

/**
 * Has the report a receiving unit above it? A commune's report goes to its province; a province's
 * or a body's report only when it answers a round of another unit. Otherwise receive, accept and
 * reject do not apply (a province's own consolidated report with no higher round).
 */
export async function hasReceiver(q: Queryable, rec: ReportRecord): Promise<boolean> {
  if (rec.unit.kind === 'commune') return true;
  if (rec.row.roundId === null) return false;
  const [round] = await q
    .select({ unitId: rounds.unitId })
    .from(rounds)
    .where(eq(rounds.id, rec.row.roundId))
    .limit(1);
  return round !== undefined && round.unitId !== rec.unit.id;
}

/** The audit actions that make a report's history: its creation and every workflow step. */
export const HISTORY_ACTIONS = ['report.create', ...Object.values(STEP_RULES).map((r) => r.audit)];

/** The steps of a report from the audit log, oldest first: who, when, what, with the comment. */
export async function stepHistory(q: Queryable, reportId: number) {
  const rows = await q
    .select({
      id: auditLog.id,
      action: auditLog.action,
      at: auditLog.at,
      actorLabel: auditLog.actorLabel,
      userId: users.id,
      userName: users.fullName,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.entity, 'report'),
        eq(auditLog.entityId, String(reportId)),
        inArray(auditLog.action, HISTORY_ACTIONS),
      ),
    )
    .orderBy(auditLog.id);
  return rows.map((r) => {
    const after = (r.after ?? {}) as { comment?: unknown; notation?: unknown; version?: unknown };
    return {
      id: r.id,
      action: r.action,
      at: r.at,
      by: r.userId !== null && r.userName !== null ? { id: r.userId, fullName: r.userName } : null,
      actorLabel: r.actorLabel,
      comment: typeof after.comment === 'string' ? after.comment : null,
      notation: typeof after.notation === 'string' ? after.notation : null,
      version: typeof after.version === 'number' ? after.version : null,
    };
  });
}

/** The unit as sentences name it: the same rule as the issued document (report-document.ts). */
export function draftUnitOf(unit: ReportRecord['unit']): DraftUnit {
  return documentUnitOf(nfc(unit.name), unit.kind);
}

/** What composing the report's document needs (see documentContext in report-document.ts). */
export function documentContextFor(q: Queryable, rec: ReportRecord) {
  return documentContext(q, rec.unit.id);
}

let catalogueCache: {
  at: number;
  db: Queryable;
  rows: { code: string; name: string; provinceCode: string | null }[];
} | null = null;

/** Codes and names of every province and commune, for the check "another unit's name in the text". */
export async function unitNameCatalogue(
  q: Queryable,
): Promise<{ code: string; name: string; provinceCode: string | null }[]> {
  if (catalogueCache && catalogueCache.db === q && Date.now() - catalogueCache.at < 10 * 60_000) {
    return catalogueCache.rows;
  }
  const rows = await q
    .select({ code: units.code, name: units.name, provinceCode: units.provinceCode })
    .from(units)
    .where(inArray(units.kind, ['province', 'commune']));
  catalogueCache = { at: Date.now(), db: q, rows };
  return rows;
}
