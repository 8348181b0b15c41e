/** The register of outgoing documents (sổ văn bản đi) of a unit: list, export, numbering scheme. */
import { getNumberingScheme, listRegister, registerYears, setNumberingScheme } from '../../db/register.js';
import { loadUnitRef } from '../../db/units.js';
import { okResponse } from '../../domain/api.js';
import {
  numberingSchemeBody,
  registerExportQuery,
  registerQuery,
  registerResponse,
  unitIdParam,
} from '../../domain/api-documents.js';
import { can } from '../../domain/authz.js';
import { todayInVietnam } from '../../domain/periods.js';
import { asciiSlug } from '../../domain/text.js';
import { auditActor, authorize } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { sendFile } from './http.js';
import { presentRegisterEntry } from './present.js';
import { registerCsv, registerXlsx } from './register-export.js';

const currentYear = () => Number(todayInVietnam().slice(0, 4));

export function registerRegisterRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/units/:unitId/register',
    {
      schema: {
        tags: ['register'],
        summary: 'Sổ văn bản đi của đơn vị trong một năm',
        params: unitIdParam,
        querystring: registerQuery,
        response: { 200: registerResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { unitId } = request.params;
      const ref = await loadUnitRef(ctx.db, unitId);
      const auth = authorize(request, 'report.read', ref);
      const year = request.query.year ?? currentYear();
      const unit = await getNumberingScheme(ctx.db, unitId);
      return {
        unit: { id: unitId, name: unit.name, numberingScheme: unit.numberingScheme },
        year,
        years: await registerYears(ctx.db, unitId, year),
        items: (await listRegister(ctx.db, unitId, year)).map(presentRegisterEntry),
        canManage: can(auth.actor, 'unit.manage', ref),
      };
    },
  );

  app.get(
    '/api/units/:unitId/register/export',
    {
      schema: {
        tags: ['register'],
        summary: 'Tải sổ văn bản đi (Excel hoặc CSV)',
        params: unitIdParam,
        querystring: registerExportQuery,
        response: ERROR_RESPONSES,
      },
    },
    async (request, reply) => {
      const { unitId } = request.params;
      authorize(request, 'report.read', await loadUnitRef(ctx.db, unitId));
      const year = request.query.year ?? currentYear();
      const unit = await getNumberingScheme(ctx.db, unitId);
      const entries = (await listRegister(ctx.db, unitId, year)).map(presentRegisterEntry);
      const base = `So-van-ban-di-${asciiSlug(unit.name)}-${year}`;
      const utf8 = `Sổ văn bản đi ${unit.name} ${year}`;
      if (request.query.format === 'csv') {
        return sendFile(reply, registerCsv(entries), 'csv', `${base}.csv`, `${utf8}.csv`);
      }
      const bytes = await registerXlsx(entries, { unitName: unit.name, year });
      return sendFile(reply, bytes, 'xlsx', `${base}.xlsx`, `${utf8}.xlsx`);
    },
  );

  app.put(
    '/api/units/:unitId/numbering-scheme',
    {
      schema: {
        tags: ['register'],
        summary: 'Chọn cách đánh số văn bản của đơn vị (một dãy chung hoặc mỗi loại một dãy)',
        params: unitIdParam,
        body: numberingSchemeBody,
        response: { 200: okResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { unitId } = request.params;
      authorize(request, 'unit.manage', await loadUnitRef(ctx.db, unitId));
      await ctx.db.transaction((tx) =>
        setNumberingScheme(tx, auditActor(request), unitId, request.body.scheme),
      );
      return { ok: true as const };
    },
  );
}
