/**
 * Outlines (đề cương): the catalogue, one outline with its numbered sections, cloning, and saving
 * an edited clone as a new version. Built-in outlines are never changed in place.
 */
import {
  cloneOutline,
  getOutlineRow,
  listOutlineRows,
  type OutlineRow,
  saveOutlineVersion,
} from '../../db/outlines.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import {
  cloneOutlineBody,
  outlineDetail,
  outlineListQuery,
  outlineListResponse,
  updateOutlineBody,
} from '../../domain/api-reports.js';
import { type Actor, canAnywhere } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { validateOutline } from '../../domain/outlines/schema.js';
import { auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { loadOwners, outlineVisible, ownerOf, presentDetail, presentSummary } from './present.js';
import { registerOutlineTextRoutes } from './text-routes.js';

const errors = ERROR_RESPONSES;

export function registerOutlineRoutes(app: App, ctx: AppContext): void {
  registerOutlineTextRoutes(app, ctx);
  /** The outline, if this user may see it (otherwise it does not exist for him). */
  const visibleOutline = async (actor: Actor, id: number) => {
    const row = await getOutlineRow(ctx.db, id);
    const owner = ownerOf(row, await loadOwners(ctx.db, [row]));
    if (!outlineVisible(actor, owner)) throw new AppError('NOT_FOUND', 'Không tìm thấy đề cương.');
    return { row, owner };
  };
  const detail = async (actor: Actor, row: OutlineRow) =>
    presentDetail(ctx.db, actor, row, ownerOf(row, await loadOwners(ctx.db, [row])));

  app.get(
    '/api/outlines',
    {
      schema: {
        tags: ['outlines'],
        summary: 'Danh mục đề cương: đề cương có sẵn và đề cương của các đơn vị trong phạm vi',
        querystring: outlineListQuery,
        response: { 200: outlineListResponse, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const rows = await listOutlineRows(ctx.db, {
        all: request.query.all,
        documentKind: request.query.documentKind,
        ownerUnitIds: null,
      });
      const owners = await loadOwners(ctx.db, rows);
      const items = rows
        .map((row) => ({ row, owner: ownerOf(row, owners) }))
        .filter(({ owner }) => outlineVisible(actor, owner))
        .map(({ row, owner }) => presentSummary(actor, row, owner));
      return { items };
    },
  );

  app.get(
    '/api/outlines/:id',
    {
      schema: {
        tags: ['outlines'],
        summary: 'Một đề cương: nội dung và các mục đã đánh số',
        params: idParam,
        response: { 200: outlineDetail, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { row, owner } = await visibleOutline(actor, request.params.id);
      return presentDetail(ctx.db, actor, row, owner);
    },
  );

  app.post(
    '/api/outlines/:id/clone',
    {
      schema: {
        tags: ['outlines'],
        summary: 'Nhân bản đề cương cho một đơn vị (để sửa bản sao)',
        params: idParam,
        body: cloneOutlineBody,
        response: { 200: outlineDetail, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { row: source } = await visibleOutline(actor, request.params.id);
      authorize(request, 'outline.manage', await loadUnitRef(ctx.db, request.body.ownerUnitId));
      const id = await ctx.db.transaction((tx) =>
        cloneOutline(tx, auditActor(request), { source, ...request.body }),
      );
      return detail(actor, await getOutlineRow(ctx.db, id));
    },
  );

  app.put(
    '/api/outlines/:id',
    {
      schema: {
        tags: ['outlines'],
        summary: 'Lưu đề cương đã sửa thành phiên bản mới (báo cáo cũ giữ phiên bản của mình)',
        params: idParam,
        body: updateOutlineBody,
        response: { 200: outlineDetail, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { row, owner } = await visibleOutline(actor, request.params.id);
      if (!owner) {
        if (!canAnywhere(actor, 'outline.manage')) throw new AppError('FORBIDDEN');
        throw new AppError('OUTLINE_BUILT_IN');
      }
      authorize(request, 'outline.manage', owner);
      const checked = validateOutline(request.body.definition);
      if (!checked.ok) {
        const fields = checked.errors.map((e) => ({ path: `definition.${e.path}`, message: e.message }));
        throw new AppError('VALIDATION', fields.length === 1 ? fields[0]?.message : undefined, fields);
      }
      if (checked.outline.documentKind !== row.documentKind) {
        throw new AppError('VALIDATION', 'Không đổi được loại văn bản của đề cương (báo cáo / kế hoạch).', [
          { path: 'definition.documentKind', message: 'Loại văn bản phải giữ như bản gốc.' },
        ]);
      }
      const id = await ctx.db.transaction((tx) =>
        saveOutlineVersion(tx, auditActor(request), {
          current: row,
          baseVersion: request.body.baseVersion,
          definition: checked.outline,
        }),
      );
      return detail(actor, await getOutlineRow(ctx.db, id));
    },
  );
}
