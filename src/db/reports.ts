/**
 * Reports: one per unit, outline code and period. The content (ReportContent) is saved with
 * optimistic concurrency: a save names the revision it started from, and the conditional UPDATE
 * refuses a stale one, so two people editing at once never overwrite each other silently.
 */
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { OfficialDocument } from '../domain/document.js';
import { AppError } from '../domain/errors.js';
import {
  type DataWindow,
  type IsoDate,
  type Period,
  parsePeriodKey,
  periodKey,
  previousPeriod,
  samePeriodLastYear,
  windowFor,
} from '../domain/periods.js';
import { composeReportDocument } from '../domain/report-document.js';
import type { ReportChanges, ReportContent } from '../domain/report-json.js';
import type { SignerIdentity, UnitKind } from '../domain/units.js';
import {
  EDITABLE_STATUSES,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  type ReportStep,
  STEP_RULES,
  stepAllowed,
  stepRefusal,
} from '../domain/workflow.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { sameLastYearFromFormers } from './lineage.js';
import type { OutlineRow } from './outlines.js';
import { issueNumber, type RegisterEntryRecord } from './register.js';
import { addComments, type CommentIn } from './report-comments.js';
import {
  hasReceiver,
  loadReport,
  loadReportHead,
  periodOfRow,
  personOf,
  type ReportHead,
  type ReportRecord,
  type ReportRow,
  reportSource,
} from './report-record.js';
import { markVersionIssued, snapshotVersion } from './report-versions.js';
import { auditLog, outlines, reports, units, users } from './schema.js';
import { issuingSigner } from './signers.js';

/** A report as a list shows it: its row, unit, outline version and who saved it last. */
export interface ReportListRow {
  row: ReportRow;
  period: Period;
  unit: { id: number; code: string; name: string; kind: UnitKind };
  outline: OutlineRow;
  updatedBy: { id: number; fullName: string } | null;
}

export async function listReports(
  q: Queryable,
  unitId: number,
  query: { year?: number | undefined; limit: number; offset: number },
): Promise<{ items: ReportListRow[]; total: number }> {
  const where = and(eq(reports.unitId, unitId), query.year ? eq(reports.periodYear, query.year) : undefined);
  const [total] = await q.select({ n: count() }).from(reports).where(where);
  const rows = await q
    .select({
      row: reports,
      unit: { id: units.id, code: units.code, name: units.name, kind: units.kind },
      outline: outlines,
      updatedById: users.id,
      updatedByName: users.fullName,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .innerJoin(outlines, eq(outlines.id, reports.outlineId))
    .leftJoin(users, eq(users.id, reports.updatedBy))
    .where(where)
    .orderBy(desc(reports.windowEnd), desc(reports.updatedAt))
    .limit(query.limit)
    .offset(query.offset);
  return {
    items: rows.map((r) => ({
      row: r.row,
      period: periodOfRow(r.row),
      unit: r.unit,
      outline: r.outline,
      updatedBy: personOf(r.updatedById, r.updatedByName),
    })),
    total: total?.n ?? 0,
  };
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

/**
 * Values of this unit's reports for the previous period and the same period last year. A merged
 * unit whose period last year ended before the merger takes the total of its former units'
 * reports instead, and says which they are (src/db/lineage.ts).
 */
export async function comparisonFor(
  q: Queryable,
  unitId: number,
  outline: Pick<OutlineRow, 'code' | 'definition'>,
  period: Period,
): Promise<ReportContent['comparison']> {
  const previous = await valuesFor(q, unitId, outline.code, periodKey(previousPeriod(period)));
  const formers = await sameLastYearFromFormers(q, unitId, outline, period);
  if (formers) {
    const values = Object.keys(formers.values).length ? formers.values : undefined;
    return {
      ...(previous ? { previous } : {}),
      ...(values ? { sameLastYear: values } : {}),
      sameLastYearFormers: formers.basis,
    };
  }
  const sameLastYear = await valuesFor(q, unitId, outline.code, periodKey(samePeriodLastYear(period)));
  return { ...(previous ? { previous } : {}), ...(sameLastYear ? { sameLastYear } : {}) };
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

function assertEditable(head: ReportHead): void {
  if (!EDITABLE_STATUSES.includes(head.row.status)) {
    throw new AppError(
      'REPORT_LOCKED',
      `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[head.row.status]}" nên không sửa được. ` +
        'Chỉ sửa được khi báo cáo đang soạn hoặc bị trả lại.',
    );
  }
}

export interface SavedReport {
  id: number;
  revision: number;
  status: ReportStatus;
  updatedAt: Date;
}

export interface SaveInput {
  id: number;
  /**
   * The units whose reports this user may edit (`ownUnitsFor(actor, 'report.edit')`, or the head's
   * unit once a route has authorised it): a report of another unit is refused as FORBIDDEN.
   */
  units: readonly number[];
  revision: number;
  content: ReportContent;
  /**
   * The data window columns: a window to store; `'content'` = the content's own window or, when it
   * has none, the period's default (the autosave); absent = left as they are.
   */
  window?: DataWindow | 'content';
  /** The audit action (default `report.save`). */
  action?: string;
}

type SaveOutcome = {
  period_key: string;
  status: ReportStatus;
  window_start: string;
  window_end: string;
};

/**
 * The codes of a consolidated report's summed figures (its consolidation's sums and traced codes),
 * which a save of the form never changes; NULL for any other report (read at no cost then).
 */
const SUMMED_CODES = sql.raw(`CASE WHEN consolidation IS NULL THEN NULL ELSE ARRAY(
  SELECT jsonb_object_keys(COALESCE(consolidation -> 'sums', '{}'::jsonb))
  UNION SELECT jsonb_object_keys(COALESCE(consolidation -> 'trace', '{}'::jsonb))) END`);

/**
 * Stores new content if `revision` is still the stored one, in ONE statement (a data-modifying
 * WITH): the authorisation (`unit_id = ANY(units)`), the state and revision checks, the update and
 * its audit row, whose "what changed" the database computes from the stored row
 * (`audit_content_changes`, migration 0005) so that the old content never travels back. Atomic
 * without a transaction; an autosave is this statement and the session's. Only when nothing was
 * saved does it read the report again, to say why: NOT_FOUND, FORBIDDEN, REPORT_LOCKED, or the 409
 * with the server's copy.
 */
export async function saveReportContent(
  q: Queryable,
  actor: AuditActor,
  input: SaveInput,
): Promise<SavedReport> {
  const { id, revision, content } = input;
  const explicit = input.window === 'content' ? content.window : input.window;
  const window = explicit
    ? sql`, window_start = ${explicit.start}::text, window_end = ${explicit.end}::text`
    : sql``;
  const now = new Date();
  const editable = editableStatuses();
  const units = `{${input.units.map((u) => Math.trunc(u)).join(',')}}`;
  // The revision in the UPDATE's WHERE clause is the lock: a concurrent save that committed first
  // wins, and this one updates nothing (PostgreSQL re-checks the condition on the newest row).
  const result = (await q.execute(sql`
    WITH sent AS (SELECT ${JSON.stringify(content)}::jsonb AS content),
    old AS (
      SELECT id, unit_id, status, content, period_key, window_start, window_end,
        ${SUMMED_CODES} AS summed FROM reports
      WHERE id = ${id}::int AND unit_id = ANY(${units}::int[])
    ), input AS (
      -- A consolidated report's summed figures change by consolidating or by an override with its
      -- reason (src/db/consolidation-overrides.ts), never by a save of the form; the unit's own
      -- figures (the Sở's own work) are typed as in any report.
      SELECT CASE WHEN old.summed IS NULL THEN sent.content
        ELSE jsonb_set(sent.content, '{values}',
          (COALESCE(sent.content -> 'values', '{}'::jsonb) - old.summed)
          || (SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
              FROM jsonb_each(COALESCE(old.content -> 'values', '{}'::jsonb)) AS e
              WHERE e.key = ANY(old.summed)))
        END AS content
      FROM old, sent
    ), saved AS (
      UPDATE reports SET content = input.content, revision = ${revision + 1}::int,
        updated_by = ${actor.userId}::int, updated_at = ${now.toISOString()}::timestamptz ${window}
      FROM old, input
      WHERE reports.id = old.id AND reports.revision = ${revision}::int AND reports.status IN (${editable})
      RETURNING reports.id
    ), diff AS MATERIALIZED (
      -- Computed once (a lateral call would be inlined and run for "before" and "after" alike).
      SELECT audit_content_changes(old.content, input.content) AS changes FROM saved, old, input
    ), audited AS (
      INSERT INTO audit_log (actor_user_id, actor_label, action, entity, entity_id, unit_id, before, after, request_id)
      SELECT ${actor.userId}::int, ${actor.label}::text, ${input.action ?? 'report.save'}::text, 'report',
        ${String(id)}::text, old.unit_id,
        jsonb_build_object('revision', ${revision}::int) || (diff.changes -> 'before'),
        jsonb_build_object('revision', ${revision + 1}::int) || (diff.changes -> 'after'),
        ${actor.requestId ?? null}::text
      FROM diff, old
    )
    SELECT old.period_key, old.status, old.window_start, old.window_end FROM saved, old`)) as unknown as {
    rows: SaveOutcome[];
  };
  const [outcome] = result.rows;
  if (!outcome) return whyNotSaved(q, input);
  if (input.window === 'content' && !content.window) await followPeriodWindow(q, id, revision + 1, outcome);
  return { id, revision: revision + 1, status: outcome.status, updatedAt: now };
}

/**
 * Without a window of its own the report follows its period's; put it back if a window was removed
 * (rare: one more conditional update on the revision the save has just written).
 */
async function followPeriodWindow(q: Queryable, id: number, revision: number, outcome: SaveOutcome) {
  const period = windowFor(parsePeriodKey(outcome.period_key));
  if (period.start !== outcome.window_start || period.end !== outcome.window_end) {
    await q.execute(sql`
      UPDATE reports SET window_start = ${period.start}::text, window_end = ${period.end}::text
      WHERE id = ${id}::int AND revision = ${revision}::int`);
  }
}

export interface SaveChangesInput extends Omit<SaveInput, 'content' | 'window'> {
  /** Only what changed since `revision` (src/domain/report-changes.ts). */
  changes: ReportChanges;
}

/**
 * The autosave: applies only what changed (`changes`) if `revision` is still the stored one, in ONE
 * statement like saveReportContent, with the same authorisation, checks and refusals. The database
 * reads the stored content once (report_content_patch, migration 0009), applies the changes and
 * computes the audit's before/after for the changed keys only; a few hundred bytes travel instead
 * of the whole content. A window set moves the window columns with it; a window removed puts the
 * period's back.
 */
export async function saveReportChanges(
  q: Queryable,
  actor: AuditActor,
  input: SaveChangesInput,
): Promise<SavedReport> {
  const { id, revision, changes } = input;
  const window = changes.window
    ? sql`, window_start = ${changes.window.start}::text, window_end = ${changes.window.end}::text`
    : sql``;
  const now = new Date();
  const units = `{${input.units.map((u) => Math.trunc(u)).join(',')}}`;
  const result = (await q.execute(sql`
    WITH old AS (
      SELECT id, unit_id, content, period_key, window_start, window_end,
        ${SUMMED_CODES} AS summed FROM reports
      WHERE id = ${id}::int AND unit_id = ANY(${units}::int[])
    ), patched AS MATERIALIZED (
      -- The stored content read once: the new content and what changed, together. A consolidated
      -- report's summed figures change by consolidating or by an override with its reason
      -- (src/db/consolidation-overrides.ts), never by a save of the form.
      SELECT report_content_patch(old.content, CASE
        WHEN old.summed IS NULL OR NOT (sent.changes ? 'values') THEN sent.changes
        ELSE jsonb_set(sent.changes, '{values}', (sent.changes -> 'values') - old.summed) END) AS r
      FROM old, (SELECT ${JSON.stringify(changes)}::jsonb AS changes) AS sent
    ), saved AS (
      UPDATE reports SET content = patched.r -> 'content', revision = ${revision + 1}::int,
        updated_by = ${actor.userId}::int, updated_at = ${now.toISOString()}::timestamptz ${window}
      FROM old, patched
      WHERE reports.id = old.id AND reports.revision = ${revision}::int AND reports.status IN (${editableStatuses()})
      RETURNING reports.status
    ), audited AS (
      INSERT INTO audit_log (actor_user_id, actor_label, action, entity, entity_id, unit_id, before, after, request_id)
      SELECT ${actor.userId}::int, ${actor.label}::text, ${input.action ?? 'report.save'}::text, 'report',
        ${String(id)}::text, old.unit_id,
        jsonb_build_object('revision', ${revision}::int) || (patched.r -> 'before'),
        jsonb_build_object('revision', ${revision + 1}::int) || (patched.r -> 'after'),
        ${actor.requestId ?? null}::text
      FROM saved, old, patched
    )
    SELECT old.period_key, saved.status, old.window_start, old.window_end FROM saved, old`)) as unknown as {
    rows: SaveOutcome[];
  };
  const [outcome] = result.rows;
  if (!outcome) return whyNotSaved(q, input);
  if (changes.window === null) await followPeriodWindow(q, id, revision + 1, outcome);
  return { id, revision: revision + 1, status: outcome.status, updatedAt: now };
}

function editableStatuses() {
  return sql.join(
    EDITABLE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
}

/** Why a save stored nothing, read only on that rare path. */
async function whyNotSaved(q: Queryable, input: Pick<SaveInput, 'id' | 'units'>): Promise<never> {
  const head = await loadReportHead(q, input.id);
  if (!input.units.includes(head.unit.id)) throw new AppError('FORBIDDEN');
  assertEditable(head);
  throw new ReportConflictError(await loadReport(q, input.id));
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
  /** Issuing: the signer, the date of issue and, rarely, a number reserved on paper. */
  issue?: { signerId: number; issuedOn: IsoDate; number?: number | null | undefined; today?: IsoDate };
}

export interface StepResult {
  status: ReportStatus;
  version: number;
  revision: number;
  /** Issuing: the register entry taken. */
  entry?: RegisterEntryRecord;
}

function refusal(step: ReportStep, head: ReportHead): AppError {
  const status = head.row.status;
  if (step === 'issue' && status === 'issued') {
    return new AppError('CONFLICT', 'Báo cáo này đã được ban hành; không cấp số lần nữa.');
  }
  return new AppError('CONFLICT', stepRefusal(step, status));
}

/**
 * Takes a step with ONE conditional update (WHERE status IN the step's `from`, and the revision
 * when the client named one): of two leaders approving at once exactly one succeeds, the other gets
 * the state's refusal. A submission also freezes the content as a new version; issuing composes the
 * document, takes its number from the register and freezes it; the audit row and the comments are
 * written in the same transaction.
 */
export async function takeStep(q: Queryable, actor: AuditActor, input: StepInput): Promise<StepResult> {
  const rule = STEP_RULES[input.step];
  const head = await loadReportHead(q, input.id);
  if (!stepAllowed(input.step, head.row.status)) throw refusal(input.step, head);
  if (input.revision !== undefined && head.row.revision !== input.revision) {
    throw new ReportConflictError(await loadReport(q, input.id));
  }
  if (rule.action === 'report.receive' && !hasReceiver(head)) throw new AppError('CONFLICT', NO_RECEIVER);
  // Issuing: the signer is checked and the draft is read before the claim.
  const issuing = input.step === 'issue' ? input.issue : undefined;
  if (input.step === 'issue' && !issuing) throw new Error('issue step without signer and date');
  const signer = issuing ? await issuingSigner(q, head.unit.id, issuing.signerId) : undefined;
  const record = issuing ? await loadReport(q, input.id) : undefined;
  const now = new Date();
  const updated = await q
    .update(reports)
    .set({
      status: rule.to,
      revision: sql`${reports.revision} + 1`,
      updatedBy: actor.userId,
      updatedAt: now,
      ...(input.step === 'submit' ? { version: sql`${reports.version} + 1` } : {}),
      // The first issue is when the report was sent: lateness is measured on it.
      ...(input.step === 'issue' ? { sentAt: sql`coalesce(${reports.sentAt}, now())` } : {}),
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
    const current = await loadReportHead(q, input.id);
    if (!stepAllowed(input.step, current.row.status)) throw refusal(input.step, current);
    throw new ReportConflictError(await loadReport(q, input.id));
  }
  if (input.step === 'submit') {
    await snapshotVersion(q, {
      reportId: input.id,
      version: row.version,
      content: head.content,
      userId: actor.userId,
    });
  }
  let entry: RegisterEntryRecord | undefined;
  if (issuing && record && signer) {
    entry = await freezeIssued(q, actor, record, signer, issuing);
  }
  const stage = input.step === 'reject' ? 'province' : 'leader';
  await addComments(q, {
    reportId: input.id,
    version: head.row.version,
    stage,
    authorId: actor.userId,
    comments: input.comments ?? [],
  });
  await writeAudit(q, actor, {
    action: rule.audit,
    entity: 'report',
    entityId: input.id,
    unitId: head.unit.id,
    before: { status: head.row.status, revision: head.row.revision, version: head.row.version },
    after: {
      status: rule.to,
      revision: row.revision,
      version: row.version,
      ...(entry ? { notation: entry.notation, issuedOn: entry.issuedOn } : {}),
      ...(input.note ? { comment: input.note } : {}),
      ...(input.comments?.length ? { comments: input.comments.length } : {}),
      ...input.details,
    },
  });
  return { status: rule.to, version: row.version, revision: row.revision, ...(entry ? { entry } : {}) };
}

const NO_RECEIVER =
  'Báo cáo này không gửi lên đơn vị cấp trên nào (không thuộc đợt báo cáo của cấp trên), nên không có bước tiếp nhận.';

/**
 * Issuing, inside the step's transaction: the document composed by the one composer with the
 * signer and the date, the number taken from the register, the document frozen with both.
 */
async function freezeIssued(
  q: Queryable,
  actor: AuditActor,
  record: ReportRecord,
  signer: SignerIdentity,
  issuing: NonNullable<StepInput['issue']>,
): Promise<RegisterEntryRecord> {
  const { document: draft } = composeReportDocument(reportSource(record), {
    signer,
    today: issuing.issuedOn,
  });
  const entry = await issueNumber(q, actor, {
    unitId: record.unit.id,
    issuedOn: issuing.issuedOn,
    ...(issuing.today ? { today: issuing.today } : {}),
    typeCode: draft.type,
    symbol: draft.symbol,
    subject: draft.subject,
    signerName: signer.fullName,
    signerTitle: signer.title,
    recipients: draft.noiNhan.join('; '),
    reportId: record.row.id,
    number: issuing.number ?? null,
  });
  const { draftMonth: _draftMonth, ...rest } = draft;
  const document: OfficialDocument = { ...rest, number: entry.number, issuedOn: issuing.issuedOn };
  await q
    .update(reports)
    .set({ issuedDocument: document, registerEntryId: entry.id })
    .where(eq(reports.id, record.row.id));
  // A report returned by the receiving unit and issued again gets a new number on its new version.
  await markVersionIssued(q, {
    reportId: record.row.id,
    version: record.row.version,
    notation: entry.notation,
  });
  return entry;
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
