/**
 * Shared by the report routes: the report's head authorised on its unit (after the sign-in is
 * checked: an anonymous request learns nothing about which reports exist), the 409 answer of a
 * stale save, the period check and opening a draft.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditActor } from '../../db/audit.js';
import type { Db, Queryable } from '../../db/client.js';
import type { OutlineRow } from '../../db/outlines.js';
import { loadReportHead, type ReportHead } from '../../db/report-record.js';
import { comparisonFor, createReport, ReportConflictError } from '../../db/reports.js';
import { type ReportConflictResponse, reportConflictResponse } from '../../domain/api-reports.js';
import type { Action, Actor } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import {
  type DataWindow,
  futurePeriodMessage,
  type Period,
  type PeriodInput,
  periodFromInput,
  todayInVietnam,
  windowFor,
} from '../../domain/periods.js';
import { type ReportContent, reportContentSchema } from '../../domain/report-json.js';
import { type Auth, authorize, requireAuth } from '../auth/plugin.js';
import { ERROR_RESPONSES } from '../errors.js';
import { unitRefOf } from './present.js';
import { loadReportView } from './view.js';

/** The report's head, if the user may take `action` on its unit (401 before any lookup, 403 after). */
export async function reportFor(
  q: Queryable,
  request: FastifyRequest,
  id: number,
  action: Action,
): Promise<{ head: ReportHead; auth: Auth }> {
  requireAuth(request);
  const head = await loadReportHead(q, id);
  const auth = authorize(request, action, unitRefOf(head));
  return { head, auth };
}

/** 409 with what the server holds now, so that the client can show both versions and lose nothing. */
export function sendConflict(request: FastifyRequest, reply: FastifyReply, error: ReportConflictError) {
  const { row, content, updatedBy } = error.current;
  const at = new Date(row.updatedAt.getTime() + 7 * 3600_000).toISOString();
  const when = `${at.slice(11, 16)} ngày ${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)}`;
  const message =
    `Báo cáo đã được ${updatedBy?.fullName ?? 'người khác'} lưu lúc ${when} trong lúc bạn đang sửa. ` +
    'Bản của bạn chưa được lưu: hãy so sánh hai bản rồi chọn bản giữ lại.';
  const body: ReportConflictResponse = {
    error: { code: error.code, message, requestId: request.id },
    current: {
      revision: row.revision,
      content,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy,
      status: row.status,
    },
  };
  return reply.status(409).send(body);
}

/**
 * Runs a change of the report in one transaction and answers the report's view; a stale revision
 * gets the 409 with the server's copy instead (nothing is lost).
 */
export async function changeThenView(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { id: number; actor: Actor; change: (tx: Queryable) => Promise<unknown> },
) {
  try {
    await db.transaction((tx) => input.change(tx));
  } catch (error) {
    if (error instanceof ReportConflictError) return sendConflict(request, reply, error);
    throw error;
  }
  return loadReportView(db, input.actor, input.id);
}

/** Answers of routes that save: a stale revision gets the server's copy. */
export const SAVE_ERRORS = { ...ERROR_RESPONSES, 409: reportConflictResponse };

/** The period from input, refused when its data window has not started. */
export function checkedPeriod(
  input: PeriodInput,
  override?: DataWindow | null,
): { period: Period; window: DataWindow } {
  const period = periodFromInput(input);
  const window = windowFor(period, override);
  const future = futurePeriodMessage(period, todayInVietnam(), override);
  if (future) throw new AppError('PERIOD_IN_FUTURE', future, [{ path: 'period', message: future }]);
  return { period, window };
}

/** Opens the draft of a unit's report, or the existing one; new drafts get last periods' values. */
export async function openDraft(
  q: Queryable,
  actor: AuditActor,
  input: {
    unitId: number;
    outline: OutlineRow;
    period: Period;
    window: DataWindow;
    content?: ReportContent;
    roundId?: number | null;
  },
) {
  const computed = await comparisonFor(q, input.unitId, input.outline, input.period);
  const content = input.content ?? reportContentSchema.parse({});
  // Figures of a file win; the note on former units goes only with the total it explains.
  const { sameLastYearFormers, ...comparison } = computed;
  const given = Object.fromEntries(Object.entries(content.comparison).filter(([, v]) => v !== undefined));
  const prefilled: ReportContent = {
    ...content,
    comparison: {
      ...comparison,
      ...(sameLastYearFormers && !content.comparison.sameLastYear ? { sameLastYearFormers } : {}),
      ...given,
    },
  };
  return createReport(q, actor, { ...input, content: prefilled });
}
