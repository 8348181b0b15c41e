/**
 * Reporting rounds: the list a user sees, opening a round, reading and changing it, closing and
 * reopening, the next occurrence of a recurring round, and opening a unit's report in the round.
 */
import type { FastifyRequest } from 'fastify';
import { getOutlineRow } from '../../db/outlines.js';
import { requestLetterEntry } from '../../db/round-letter.js';
import {
  canManageRound,
  createNextOccurrence,
  createRound,
  isRoundUnit,
  linkReportToRound,
  listRoundsFor,
  loadRoundRecord,
  loadRoundRow,
  periodOfRound,
  type RoundRecord,
  reportState,
  roundUnitReports,
  setRoundStatus,
  updateRound,
  windowOfRound,
} from '../../db/rounds.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import {
  createRoundBody,
  nextRoundResponse,
  roundDetail,
  roundListQuery,
  roundListResponse,
  roundReportBody,
  roundReportResponse,
  updateRoundBody,
} from '../../domain/api-rounds.js';
import { can } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import {
  dataWindow,
  futurePeriodMessage,
  periodFromInput,
  todayInVietnam,
  windowFor,
} from '../../domain/periods.js';
import { reportContentSchema } from '../../domain/report-json.js';
import { type Auth, auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { presentRegisterEntry } from '../documents/present.js';
import { ERROR_RESPONSES } from '../errors.js';
import { loadOwners, outlineVisible, ownerOf } from '../outlines/present.js';
import { openDraft } from '../reports/access.js';
import { registerRoundLetterRoutes } from './letter-routes.js';
import { presentRound, presentRoundDetail } from './present.js';

const errors = ERROR_RESPONSES;

/** The round, if the user manages it (its receiving unit's province roles). */
export async function managedRound(ctx: AppContext, request: FastifyRequest, id: number) {
  const record = await loadRoundRecord(ctx.db, id);
  const auth = authorize(request, 'round.manage', record.unit);
  return { record, auth };
}

/** The round, if the user manages it or one of his units must answer it (403 otherwise). */
export async function visibleRound(
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
): Promise<{ record: RoundRecord; auth: Auth }> {
  const auth = requireAuth(request);
  const record = await loadRoundRecord(ctx.db, id);
  if (canManageRound(auth.actor, record)) return { record, auth };
  for (const grant of auth.actor.grants) {
    if (can(auth.actor, 'report.read', grant.unit) && (await isRoundUnit(ctx.db, id, grant.unit.id))) {
      return { record, auth };
    }
  }
  throw new AppError('FORBIDDEN');
}

async function detail(ctx: AppContext, request: FastifyRequest, id: number) {
  const { record, auth } = await visibleRound(ctx, request, id);
  const entry = await requestLetterEntry(ctx.db, record.row);
  const letter = entry
    ? { notation: entry.notation, issuedOn: entry.issuedOn, entry: presentRegisterEntry(entry) }
    : null;
  const items = await roundUnitReports(ctx.db, id);
  return presentRoundDetail(record, items, auth.actor, todayInVietnam(), letter);
}

export function registerRoundRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Các đợt báo cáo: đơn vị mình nhận và đơn vị mình phải báo cáo',
        querystring: roundListQuery,
        response: { 200: roundListResponse, ...errors },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const records = await listRoundsFor(ctx.db, auth.actor, request.query);
      const today = todayInVietnam();
      return { items: records.map((r) => presentRound(r, auth.actor, today)) };
    },
  );

  app.post(
    '/api/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Mở đợt báo cáo',
        body: createRoundBody,
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => {
      const body = request.body;
      const auth = authorize(request, 'round.manage', await loadUnitRef(ctx.db, body.unitId));
      const outline = await getOutlineRow(ctx.db, body.outlineId);
      if (!outlineVisible(auth.actor, ownerOf(outline, await loadOwners(ctx.db, [outline])))) {
        throw new AppError('NOT_FOUND', 'Không tìm thấy đề cương.');
      }
      if (!outline.current) {
        throw new AppError('VALIDATION', 'Đề cương này đã có phiên bản mới; hãy chọn phiên bản mới nhất.', [
          { path: 'outlineId', message: 'Hãy chọn phiên bản mới nhất của đề cương.' },
        ]);
      }
      const period = periodFromInput(body.period);
      const window = windowFor(period, body.window);
      const id = await ctx.db.transaction((tx) =>
        createRound(tx, auditActor(request), {
          unitId: body.unitId,
          name: body.name,
          outline,
          period,
          window,
          deadlineDays: body.deadlineDays,
          deadline: body.deadline,
          frequency: body.frequency,
          guidance: body.guidance,
          remindDays: body.remindDays ?? ctx.config.remindDays ?? 3,
          calendar: ctx.config.holidays,
          letter: body.letter,
          unitIds: body.unitIds,
        }),
      );
      return detail(ctx, request, id);
    },
  );

  app.get(
    '/api/rounds/:id',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Một đợt báo cáo với các đơn vị và báo cáo của từng đơn vị',
        params: idParam,
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => detail(ctx, request, request.params.id),
  );

  app.patch(
    '/api/rounds/:id',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Sửa đợt báo cáo (tên, hướng dẫn, thời hạn, đơn vị, công văn)',
        params: idParam,
        body: updateRoundBody,
        response: { 200: roundDetail, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await managedRound(ctx, request, id);
      await ctx.db.transaction((tx) =>
        updateRound(tx, auditActor(request), id, request.body, ctx.config.holidays),
      );
      return detail(ctx, request, id);
    },
  );

  for (const [path, status, summary] of [
    ['close', 'closed', 'Đóng đợt báo cáo'],
    ['reopen', 'open', 'Mở lại đợt báo cáo'],
  ] as const) {
    app.post(
      `/api/rounds/:id/${path}`,
      { schema: { tags: ['rounds'], summary, params: idParam, response: { 200: roundDetail, ...errors } } },
      async (request) => {
        const { id } = request.params;
        await managedRound(ctx, request, id);
        await ctx.db.transaction((tx) => setRoundStatus(tx, auditActor(request), id, status));
        return detail(ctx, request, id);
      },
    );
  }

  app.post(
    '/api/rounds/:id/next',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Tạo ngay đợt kế tiếp của đợt báo cáo định kỳ',
        params: idParam,
        response: { 200: nextRoundResponse, ...errors },
      },
    },
    async (request) => {
      const { record } = await managedRound(ctx, request, request.params.id);
      return ctx.db.transaction((tx) =>
        createNextOccurrence(tx, auditActor(request), record.row, ctx.config.holidays),
      );
    },
  );

  app.post(
    '/api/rounds/:id/report',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Mở (hoặc lập) báo cáo của một đơn vị trong đợt báo cáo',
        params: idParam,
        body: roundReportBody,
        response: { 200: roundReportResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { unitId } = request.body;
      authorize(request, 'report.edit', await loadUnitRef(ctx.db, unitId));
      const row = await loadRoundRow(ctx.db, id);
      if (!(await isRoundUnit(ctx.db, id, unitId))) {
        throw new AppError('VALIDATION', 'Đơn vị này không có trong danh sách báo cáo của đợt.', [
          { path: 'unitId', message: 'Đơn vị không thuộc đợt báo cáo.' },
        ]);
      }
      if (row.status !== 'open') {
        throw new AppError('CONFLICT', 'Đợt báo cáo đã đóng; hãy liên hệ đơn vị nhận báo cáo để mở lại.');
      }
      const period = periodOfRound(row);
      const window = windowOfRound(row);
      const nd09 = dataWindow(period);
      const override = window.start !== nd09.start || window.end !== nd09.end ? window : null;
      const future = futurePeriodMessage(period, todayInVietnam(), override);
      if (future) throw new AppError('PERIOD_IN_FUTURE', future, [{ path: 'period', message: future }]);
      const outline = await getOutlineRow(ctx.db, row.outlineId);
      const content = reportContentSchema.parse({ kept: [], ...(override ? { window: override } : {}) });
      return ctx.db.transaction(async (tx) => {
        const opened = await openDraft(tx, auditActor(request), {
          unitId,
          outline,
          period,
          window,
          content,
          roundId: row.id,
        });
        if (!opened.created) await linkReportToRound(tx, opened.id, row.id);
        return { reportId: opened.id, created: opened.created, ...(await reportState(tx, opened.id)) };
      });
    },
  );

  registerRoundLetterRoutes(app, ctx);
}
