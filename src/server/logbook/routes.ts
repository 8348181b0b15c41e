/**
 * The logbook (sổ theo dõi, issue 15): a unit's registers, their records and the audited changes.
 * Reading is `logbook.read` on the keeping unit (its own people, the province for its units, the
 * ministry); changing is `logbook.edit` (the keeping unit's own people only). Personal fields
 * leave the server only for the keeping unit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  activitySections,
  createLogbookRecord,
  deleteLogbookRecord,
  keptKind,
  LogbookConflictError,
  type LogbookRecordRow,
  listLogbookRecords,
  loadLogbookRecord,
  logbookCounts,
  restoreLogbookRecord,
  updateLogbookRecord,
} from '../../db/logbook.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import {
  logbookConflictResponse,
  logbookEntryBody,
  logbookListQuery,
  logbookListResponse,
  logbookRecordOut,
  logbookRestoreBody,
  logbookRevisionQuery,
  logbookSummaryResponse,
  logbookUpdateBody,
  unitKindParams,
  unitLogbookParams,
} from '../../domain/api-logbook.js';
import { can } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/periods.js';
import { auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { presentLogbookConflict, presentLogbookRecord } from './present.js';

const errors = ERROR_RESPONSES;
const changeErrors = { ...ERROR_RESPONSES, 409: logbookConflictResponse };

export function registerLogbookRoutes(app: App, ctx: AppContext): void {
  /** The record and its unit, read by someone allowed `action` there; `own`: of the keeping unit. */
  const recordFor = async (request: FastifyRequest, id: number, action: 'logbook.read' | 'logbook.edit') => {
    const auth = requireAuth(request);
    const record = await loadLogbookRecord(ctx.db, id);
    const unit = await loadUnitRef(ctx.db, record.unitId);
    authorize(request, action, unit);
    const own = can(auth.actor, 'logbook.edit', unit);
    // A deleted record exists only for its own unit (which may restore it).
    if (record.deleted && !own) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi trong sổ theo dõi.');
    return { record, unit, own };
  };

  /** Runs a change; a stale revision answers 409 with the record as it is now. */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<LogbookRecordRow>,
  ) => {
    try {
      return presentLogbookRecord(await run(), true);
    } catch (error) {
      if (error instanceof LogbookConflictError)
        return reply.status(409).send(presentLogbookConflict(request.id, error.current, true));
      throw error;
    }
  };

  app.get(
    '/api/units/:unitId/logbook',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Các sổ theo dõi của đơn vị và số bản ghi (năm nay, tất cả), các lĩnh vực của nhật ký',
        params: unitLogbookParams,
        response: { 200: logbookSummaryResponse, ...errors },
      },
    },
    async (request) => {
      const unit = await loadUnitRef(ctx.db, request.params.unitId);
      const auth = authorize(request, 'logbook.read', unit);
      const year = Number(todayInVietnam().slice(0, 4));
      const [kinds, sections] = await Promise.all([
        logbookCounts(ctx.db, unit, year),
        activitySections(ctx.db, unit.id),
      ]);
      return {
        unit: { id: unit.id, name: unit.name, kind: unit.kind },
        canEdit: can(auth.actor, 'logbook.edit', unit),
        kinds,
        sections,
      };
    },
  );

  app.get(
    '/api/units/:unitId/logbook/:kind',
    {
      schema: {
        tags: ['logbook'],
        summary:
          'Danh sách bản ghi của một sổ theo dõi (lọc theo ngày, từ khóa, nước, lựa chọn), mới nhất trước',
        params: unitKindParams,
        querystring: logbookListQuery,
        response: { 200: logbookListResponse, ...errors },
      },
    },
    async (request) => {
      const unit = await loadUnitRef(ctx.db, request.params.unitId);
      const auth = authorize(request, 'logbook.read', unit);
      const kind = keptKind(unit.kind, request.params.kind);
      const own = can(auth.actor, 'logbook.edit', unit);
      const { items, total } = await listLogbookRecords(ctx.db, unit.id, kind, request.query, own);
      return {
        items: items.map((r) => presentLogbookRecord(r, own)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        canEdit: own,
      };
    },
  );

  app.post(
    '/api/units/:unitId/logbook/:kind',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Thêm một bản ghi vào sổ theo dõi',
        params: unitKindParams,
        body: logbookEntryBody,
        response: { 200: logbookRecordOut, ...errors },
      },
    },
    async (request) => {
      const unit = await loadUnitRef(ctx.db, request.params.unitId);
      authorize(request, 'logbook.edit', unit);
      const row = await ctx.db.transaction((tx) =>
        createLogbookRecord(tx, auditActor(request), unit, request.params.kind, request.body),
      );
      return presentLogbookRecord(row, true);
    },
  );

  app.get(
    '/api/logbook/:id',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Một bản ghi của sổ theo dõi',
        params: idParam,
        response: { 200: logbookRecordOut, ...errors },
      },
    },
    async (request) => {
      const { record, own } = await recordFor(request, request.params.id, 'logbook.read');
      return presentLogbookRecord(record, own);
    },
  );

  app.put(
    '/api/logbook/:id',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Sửa một bản ghi (kèm số phiên bản đang sửa; 409 kèm bản hiện tại khi người khác vừa sửa)',
        params: idParam,
        body: logbookUpdateBody,
        response: { 200: logbookRecordOut, ...changeErrors },
      },
    },
    async (request, reply) => {
      const { unit } = await recordFor(request, request.params.id, 'logbook.edit');
      const { revision, ...input } = request.body;
      return change(request, reply, () =>
        ctx.db.transaction((tx) =>
          updateLogbookRecord(tx, auditActor(request), unit, request.params.id, revision, input),
        ),
      );
    },
  );

  app.delete(
    '/api/logbook/:id',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Xóa một bản ghi (giữ lại để khôi phục; 409 khi người khác vừa sửa)',
        params: idParam,
        querystring: logbookRevisionQuery,
        response: { 200: logbookRecordOut, ...changeErrors },
      },
    },
    async (request, reply) => {
      const { unit } = await recordFor(request, request.params.id, 'logbook.edit');
      return change(request, reply, () =>
        ctx.db.transaction((tx) =>
          deleteLogbookRecord(tx, auditActor(request), unit, request.params.id, request.query.revision),
        ),
      );
    },
  );

  app.post(
    '/api/logbook/:id/restore',
    {
      schema: {
        tags: ['logbook'],
        summary: 'Khôi phục một bản ghi đã xóa',
        params: idParam,
        body: logbookRestoreBody,
        response: { 200: logbookRecordOut, ...changeErrors },
      },
    },
    async (request, reply) => {
      const { unit } = await recordFor(request, request.params.id, 'logbook.edit');
      return change(request, reply, () =>
        ctx.db.transaction((tx) =>
          restoreLogbookRecord(tx, auditActor(request), unit, request.params.id, request.body.revision),
        ),
      );
    },
  );
}
