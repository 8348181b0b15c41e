/**
 * A report and the unit's logbook (issue 15): a draft takes its figures and first lines from the
 * records of its data window when it is opened and when the officer asks ("Cập nhật từ sổ theo
 * dõi"), never on an autosave; an override of a computed figure needs a reason; an issued report
 * keeps what it took and is compared with the records as they are now.
 *
 * A consolidated report takes its figures from the reports it consolidates, never from a logbook.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { boundIndicators } from '../domain/logbook/bindings.js';
import { logbookKind } from '../domain/logbook/kinds.js';
import type { LogbookData } from '../domain/logbook/record.js';
import {
  applyLogbook,
  type FigureDifference,
  type LogbookComputation,
  logbookDifferences,
  overrideFigure,
} from '../domain/logbook/report-figures.js';
import type { IndicatorValue, Outline } from '../domain/outline.js';
import { sectionsOf } from '../domain/outlines/numbering.js';
import type { DataWindow } from '../domain/periods.js';
import type { ReportContent } from '../domain/report-json.js';
import { EDITABLE_STATUSES, SENT_STATUSES } from '../domain/workflow.js';
import type { AuditActor } from './audit.js';
import type { Queryable } from './client.js';
import { computeLogbook, deletedRecords } from './logbook-compute.js';
import type { ReportHead } from './report-record.js';
import { type SavedReport, saveReportContent } from './reports.js';
import { logbookRecords } from './schema.js';

/** The report takes figures from the logbook: a draft (or returned) report that consolidates nothing. */
export function takesFromLogbook(row: Pick<ReportHead['row'], 'status' | 'consolidation'>): boolean {
  return EDITABLE_STATUSES.includes(row.status) && row.consolidation === null;
}

function windowOf(row: ReportHead['row']): DataWindow {
  return { start: row.windowStart, end: row.windowEnd };
}

/** What the records of the report's window give now (three statements). */
export function computeForReport(
  q: Queryable,
  row: ReportHead['row'],
  outline: Outline,
): Promise<LogbookComputation> {
  return computeLogbook(
    q,
    row.unitId,
    windowOf(row),
    boundIndicators(outline),
    sectionsOf(outline).map((s) => s.key),
  );
}

/**
 * Fills the draft's figures and lines from the logbook; saves (one audited save, revision + 1) only
 * when something changed. Answers the save, or null when the content is as it was (or the report
 * does not take figures from the logbook).
 */
export async function refreshFromLogbook(
  q: Queryable,
  actor: AuditActor,
  head: ReportHead,
  outline: Outline,
  revision = head.row.revision,
): Promise<SavedReport | null> {
  if (!takesFromLogbook(head.row)) return null;
  const computation = await computeForReport(q, head.row, outline);
  const at = new Date().toISOString();
  const next = applyLogbook(outline, head.content, computation, at);
  if (sameApart(head.content, next)) return null;
  return saveReportContent(q, actor, {
    id: head.row.id,
    units: [head.unit.id],
    revision,
    content: next,
    action: 'report.logbook',
  });
}

/** JSON with object keys in order (a jsonb column gives them back in its own order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The same content, apart from when the figures were computed. */
function sameApart(a: ReportContent, b: ReportContent): boolean {
  const strip = (c: ReportContent) =>
    canonical({ ...c, logbook: c.logbook ? { ...c.logbook, computedAt: '' } : undefined });
  return strip(a) === strip(b);
}

/** The officer's figure instead of the computed one, with the reason (or back to the computed one). */
export function saveOverride(
  q: Queryable,
  actor: AuditActor,
  head: ReportHead,
  input: { revision: number; code: string; value: IndicatorValue | null; reason?: string | undefined },
): Promise<SavedReport> {
  const content = overrideFigure(head.content, input.code, input.value, input.reason);
  return saveReportContent(q, actor, {
    id: head.row.id,
    units: [head.unit.id],
    revision: input.revision,
    content,
    action: 'report.logbook_override',
  });
}

/** A record behind a figure or a line, as the report shows it (no personal data). */
export interface RecordSummary {
  id: number;
  kind: string;
  startsOn: string;
  endsOn: string | null;
  title: string;
  revision: number;
  deleted: boolean;
}

/** A record's one-line title without personal data (a foreigner is named by nationality). */
export function recordTitle(kind: string, data: LogbookData): string {
  const def = logbookKind(kind);
  if (!def) return '';
  const titleField = def.fields.find((f) => f.key === def.titleField);
  if (titleField?.personal) {
    const nationality = typeof data.nationality === 'string' ? data.nationality : '';
    return nationality ? `Người quốc tịch ${nationality}` : def.entryWord;
  }
  const raw = data[def.titleField];
  const text =
    typeof raw === 'string'
      ? (titleField?.options?.find((o) => o.value === raw)?.label ?? raw)
      : def.shortName;
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The records of these ids, in date order (the current row, deleted ones too). */
export async function recordSummaries(
  q: Queryable,
  unitId: number,
  ids: readonly number[],
): Promise<RecordSummary[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .select({
      id: logbookRecords.id,
      kind: logbookRecords.kind,
      startsOn: logbookRecords.startsOn,
      endsOn: logbookRecords.endsOn,
      data: logbookRecords.data,
      revision: logbookRecords.revision,
      deletedAt: logbookRecords.deletedAt,
    })
    .from(logbookRecords)
    .where(and(eq(logbookRecords.unitId, unitId), inArray(logbookRecords.id, [...ids])))
    .orderBy(logbookRecords.startsOn, logbookRecords.id);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    title: recordTitle(r.kind, r.data),
    revision: r.revision,
    deleted: r.deletedAt !== null,
  }));
}

/**
 * An issued report's figures against the records now: the figures whose records changed, were
 * deleted, or were added to the window since it was issued. Empty for a report that took nothing
 * from the logbook or is not issued.
 */
export async function issuedDifferences(
  q: Queryable,
  row: ReportHead['row'],
  content: ReportContent,
  outline: Outline,
): Promise<FigureDifference[]> {
  const frozen = content.logbook;
  if (!frozen || !SENT_STATUSES.includes(row.status) || row.consolidation !== null) return [];
  const frozenIds = Object.values(frozen.figures).flatMap((f) => f.records.map(([id]) => id));
  // In turn: `q` may be a transaction's one connection.
  const now = await computeLogbook(q, row.unitId, frozen.window, boundIndicators(outline), []);
  const deleted = await deletedRecords(q, [...new Set(frozenIds)]);
  return logbookDifferences(frozen, now, deleted);
}
