/**
 * Reports: a unit's list, creating (or reopening) the draft of a period, reading it with everything
 * the form needs, and the autosave with its revision check (409 with the server's copy).
 */
import { getOutlineRow } from '../../db/outlines.js';
import { listReports, loadReport, saveReportContent } from '../../db/reports.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import {
  createReportBody,
  reportListQuery,
  reportListResponse,
  reportView,
  saveReportBody,
  unitIdParam,
} from '../../domain/api-reports.js';
import { AppError } from '../../domain/errors.js';
import { windowFor, windowIssue } from '../../domain/periods.js';
import { reportContentSchema } from '../../domain/report-json.js';
import { auditActor, authorize } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { loadOwners, outlineVisible, ownerOf } from '../outlines/present.js';
import { changeThenView, checkedPeriod, openDraft, reportFor, SAVE_ERRORS } from './access.js';
import { registerReportTransferRoutes } from './transfer.js';
import { buildReportView } from './view.js';
import { registerReportWorkflowRoutes } from './workflow.js';

const errors = ERROR_RESPONSES;
export function registerReportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/units/:unitId/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Các báo cáo của một đơn vị',
        params: unitIdParam,
        querystring: reportListQuery,
        response: { 200: reportListResponse, ...errors },
      },
    },
    async (request) => {
      authorize(request, 'report.read', await loadUnitRef(ctx.db, request.params.unitId));
      return listReports(ctx.db, request.params.unitId, request.query);
    },
  );

  app.post(
    '/api/units/:unitId/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Lập báo cáo của đơn vị cho một kỳ (hoặc mở báo cáo đã có)',
        params: unitIdParam,
        body: createReportBody,
        response: { 200: reportView, ...errors },
      },
    },
    async (request) => {
      const { unitId } = request.params;
      const auth = authorize(request, 'report.edit', await loadUnitRef(ctx.db, unitId));
      const outline = await getOutlineRow(ctx.db, request.body.outlineId);
      if (!outlineVisible(auth.actor, ownerOf(outline, await loadOwners(ctx.db, [outline])))) {
        throw new AppError('NOT_FOUND', 'Không tìm thấy đề cương.');
      }
      if (!outline.current) {
        throw new AppError('VALIDATION', 'Đề cương này đã có phiên bản mới; hãy chọn phiên bản mới nhất.', [
          { path: 'outlineId', message: 'Hãy chọn phiên bản mới nhất của đề cương.' },
        ]);
      }
      const { period, window } = checkedPeriod(request.body.period, request.body.window);
      const content = reportContentSchema.parse(request.body.window ? { window: request.body.window } : {});
      const { id } = await ctx.db.transaction((tx) =>
        openDraft(tx, auditActor(request), { unitId, outline, period, window, content }),
      );
      return buildReportView(ctx.db, auth.actor, await loadReport(ctx.db, id));
    },
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Một báo cáo: nội dung, đề cương, văn bản soạn sẵn, các lỗi cần sửa và bản xem trước',
        params: idParam,
        response: { 200: reportView, ...errors },
      },
    },
    async (request) => {
      const { rec, auth } = await reportFor(ctx.db, request, request.params.id, 'report.read');
      return buildReportView(ctx.db, auth.actor, rec);
    },
  );

  app.put(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Lưu báo cáo (tự động lưu); 409 kèm bản trên máy chủ khi người khác vừa lưu',
        params: idParam,
        body: saveReportBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { rec, auth } = await reportFor(ctx.db, request, id, 'report.edit');
      const { revision, content } = request.body;
      const issue = content.window ? windowIssue(content.window) : null;
      if (issue) {
        const field = { path: `content.${issue.path}`, message: issue.message };
        throw new AppError('VALIDATION', `Thời gian chốt số liệu: ${issue.message}`, [field]);
      }
      const window = windowFor(rec.period, content.window);
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: (tx) => saveReportContent(tx, auditActor(request), { id, revision, content, window }),
      });
    },
  );

  registerReportWorkflowRoutes(app, ctx);
  registerReportTransferRoutes(app, ctx);
}
