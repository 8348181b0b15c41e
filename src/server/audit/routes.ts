/** The audit trail for administrators: who changed what, when, before and after. */

import { listAudit } from '../../db/audit-log.js';
import { loadUnitRef } from '../../db/units.js';
import { auditListQuery, auditListResponse } from '../../domain/api.js';
import { adminScope, can, canAnywhere } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { presentAuditEntry } from './present.js';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi dữ liệu trong phạm vi quản trị',
        querystring: auditListQuery,
        response: { 200: auditListResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      if (!canAnywhere(auth.actor, 'audit.read')) throw new AppError('FORBIDDEN');
      const { unitId } = request.query;
      if (unitId && !can(auth.actor, 'audit.read', await loadUnitRef(ctx.db, unitId))) {
        throw new AppError('FORBIDDEN', 'Bạn chỉ xem được nhật ký của các đơn vị mình quản trị.');
      }
      const { items, total } = await listAudit(ctx.db, request.query, adminScope(auth.actor));
      return { items: items.map(presentAuditEntry), total };
    },
  );
}
