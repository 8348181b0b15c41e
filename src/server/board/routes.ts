/**
 * The completeness board (tiến độ báo cáo) of a receiving unit, its Excel export, the progress of
 * one round, and (dashboards.ts) the dashboards. The board needs round.manage on the receiving unit.
 */

import {
  boardUnitsByIds,
  cellRows,
  loadBoardRecord,
  loadBoardRound,
  receivingUnits,
} from '../../db/board.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import {
  boardQuery,
  boardResponse,
  boardUnitsResponse,
  roundProgressResponse,
} from '../../domain/api-board.js';
import { can } from '../../domain/authz.js';
import { asciiSlug } from '../../domain/text.js';
import { authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { sendFile } from '../documents/http.js';
import { ERROR_RESPONSES } from '../errors.js';
import { registerDashboardRoutes } from './dashboards.js';
import { presentBoard, presentRoundProgress } from './present.js';
import { boardXlsx } from './xlsx.js';

export function registerBoardRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/board/units',
    {
      schema: {
        tags: ['board'],
        summary: 'Các đơn vị nhận báo cáo mà người dùng theo dõi được tiến độ',
        response: { 200: boardUnitsResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const own = await boardUnitsByIds(
        ctx.db,
        actor.grants.filter((g) => can(actor, 'round.manage', g.unit)).map((g) => g.unit.id),
      );
      const receiving = (await receivingUnits(ctx.db)).filter((u) => can(actor, 'round.manage', u));
      const seen = new Set<number>();
      const items = [...own, ...receiving]
        .filter((u) => !seen.has(u.id) && seen.add(u.id))
        .map((u) => ({ id: u.id, code: u.code, name: u.name }));
      return { items };
    },
  );

  app.get(
    '/api/board',
    {
      schema: {
        tags: ['board'],
        summary: 'Tiến độ báo cáo: đơn vị × đợt báo cáo, trạng thái, số ngày trễ và tỷ lệ',
        querystring: boardQuery,
        response: { 200: boardResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const unit = await loadUnitRef(ctx.db, request.query.unitId);
      authorize(request, 'round.manage', unit);
      return presentBoard(unit, request.query, await loadBoardRecord(ctx.db, unit.id, request.query));
    },
  );

  app.get(
    '/api/board.xlsx',
    {
      schema: {
        tags: ['board'],
        summary: 'Tải bảng tiến độ báo cáo (Excel): trang "Tiến độ" và trang "Tỷ lệ"',
        querystring: boardQuery,
        response: ERROR_RESPONSES,
      },
    },
    async (request, reply) => {
      const unit = await loadUnitRef(ctx.db, request.query.unitId);
      authorize(request, 'round.manage', unit);
      const board = presentBoard(unit, request.query, await loadBoardRecord(ctx.db, unit.id, request.query));
      const bytes = await boardXlsx(board);
      const day = board.today;
      return sendFile(
        reply,
        bytes,
        'xlsx',
        `Tien-do-bao-cao-${asciiSlug(unit.name)}-${day}.xlsx`,
        `Tiến độ báo cáo ${unit.name} ${day}.xlsx`,
      );
    },
  );

  app.get(
    '/api/rounds/:id/progress',
    {
      schema: {
        tags: ['board'],
        summary: 'Tiến độ của một đợt báo cáo: từng đơn vị, trạng thái, số ngày trễ, tỷ lệ',
        params: idParam,
        response: { 200: roundProgressResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const round = await loadBoardRound(ctx.db, request.params.id);
      authorize(request, 'round.manage', await loadUnitRef(ctx.db, round.unitId));
      return presentRoundProgress(round, await cellRows(ctx.db, [round.id]));
    },
  );

  registerDashboardRoutes(app, ctx);
}
