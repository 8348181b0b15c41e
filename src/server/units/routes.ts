/** The unit catalogue and each unit's document identity, signers and recipients. */

import {
  addSigner,
  createBodyUnit,
  listUnits,
  loadUnitDetail,
  loadUnitRef,
  retireSigner,
  setRecipients,
  updateIdentity,
  updateSigner,
} from '../../db/units.js';
import {
  createBodyUnit as createBodySchema,
  errorResponse,
  identityFields,
  idParam,
  okResponse,
  recipientsBody,
  signerFields,
  signerOut,
  unitDetail,
  unitListQuery,
  unitListResponse,
} from '../../domain/api.js';
import { can } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { mayImportReports } from '../reports/import-access.js';
import { presentSigner, presentUnitDetail, presentUnitSummary } from './present.js';

const signerParams = idParam.extend({ signerId: idParam.shape.id });
const errors = ERROR_RESPONSES;

export function registerUnitRoutes(app: App, ctx: AppContext): void {
  const detail = async (request: Parameters<typeof requireAuth>[0], id: number) => {
    const auth = requireAuth(request);
    const ref = await loadUnitRef(ctx.db, id);
    const access = {
      canRead: can(auth.actor, 'unit.read', ref),
      canManage: can(auth.actor, 'unit.manage', ref),
      canImportReports: await mayImportReports(ctx.db, auth.actor, ref),
    };
    return presentUnitDetail(await loadUnitDetail(ctx.db, id, access), access);
  };

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Danh mục đơn vị hành chính (tìm theo tên hoặc mã, không phân biệt dấu)',
        querystring: unitListQuery,
        response: { 200: unitListResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      requireAuth(request);
      const { items, total } = await listUnits(ctx.db, request.query);
      return { items: items.map(presentUnitSummary), total };
    },
  );

  app.get(
    '/api/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Thông tin một đơn vị',
        params: idParam,
        response: { 200: unitDetail, ...errors },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Sửa thể thức văn bản của đơn vị',
        params: idParam,
        body: identityFields,
        response: { 200: unitDetail, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      authorize(request, 'unit.manage', await loadUnitRef(ctx.db, id));
      await ctx.db.transaction((tx) => updateIdentity(tx, auditActor(request), id, request.body));
      return detail(request, id);
    },
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Thêm cơ quan cấp tỉnh (Sở Ngoại vụ, Văn phòng UBND tỉnh…)',
        body: createBodySchema,
        response: { 200: unitDetail, ...errors },
      },
    },
    async (request) => {
      authorize(request, 'unit.create', await loadUnitRef(ctx.db, request.body.provinceId));
      const id = await ctx.db.transaction((tx) => createBodyUnit(tx, auditActor(request), request.body));
      return detail(request, id);
    },
  );

  app.post(
    '/api/units/:id/signers',
    {
      schema: {
        tags: ['units'],
        summary: 'Thêm người ký',
        params: idParam,
        body: signerFields,
        response: { 200: signerOut, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      authorize(request, 'unit.manage', await loadUnitRef(ctx.db, id));
      return presentSigner(
        await ctx.db.transaction((tx) => addSigner(tx, auditActor(request), id, request.body)),
      );
    },
  );

  app.patch(
    '/api/units/:id/signers/:signerId',
    {
      schema: {
        tags: ['units'],
        summary: 'Sửa người ký',
        params: signerParams,
        body: signerFields,
        response: { 200: signerOut, ...errors },
      },
    },
    async (request) => {
      const { id, signerId } = request.params;
      authorize(request, 'unit.manage', await loadUnitRef(ctx.db, id));
      const signer = await ctx.db.transaction((tx) =>
        updateSigner(tx, auditActor(request), id, signerId, request.body),
      );
      return presentSigner(signer);
    },
  );

  app.delete(
    '/api/units/:id/signers/:signerId',
    {
      schema: {
        tags: ['units'],
        summary: 'Thôi không dùng người ký',
        params: signerParams,
        response: { 200: okResponse, ...errors },
      },
    },
    async (request) => {
      const { id, signerId } = request.params;
      authorize(request, 'unit.manage', await loadUnitRef(ctx.db, id));
      await ctx.db.transaction((tx) => retireSigner(tx, auditActor(request), id, signerId));
      return { ok: true as const };
    },
  );

  app.put(
    '/api/units/:id/recipients',
    {
      schema: {
        tags: ['units'],
        summary: 'Đặt danh sách Kính gửi và Nơi nhận thường dùng',
        params: idParam,
        body: recipientsBody,
        response: { 200: unitDetail, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      authorize(request, 'unit.manage', await loadUnitRef(ctx.db, id));
      const body = request.body;
      if (body.noiNhan.some((line) => /^lưu\s*:/iu.test(line.replace(/^-\s*/, '')))) {
        throw new AppError(
          'VALIDATION',
          'Dòng "Lưu: VT, …" được thêm tự động theo đơn vị lưu; không cần nhập.',
          [{ path: 'noiNhan', message: 'Bỏ dòng "Lưu: …": hệ thống tự thêm.' }],
        );
      }
      const strip = (line: string) =>
        line
          .replace(/^-\s*/, '')
          .replace(/[;.]\s*$/, '')
          .trim();
      await ctx.db.transaction((tx) =>
        setRecipients(tx, auditActor(request), id, {
          kinhGui: body.kinhGui.map(strip).filter(Boolean),
          noiNhan: body.noiNhan.map(strip).filter(Boolean),
        }),
      );
      return detail(request, id);
    },
  );
}
