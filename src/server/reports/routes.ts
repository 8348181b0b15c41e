/**
 * Reports: a unit's list, creating (or reopening) the draft of a period, reading it with everything
 * the form needs, and the autosave with its revision check (409 with the server's copy).
 */
import { getOutlineRow } from '../../db/outlines.js';
import { refreshFromLogbook } from '../../db/report-logbook.js';
import { loadReport, loadReportHead } from '../../db/report-record.js';
import { listReports, ReportConflictError, saveReportChanges, saveReportContent } from '../../db/reports.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import {
  createReportBody,
  patchReportBody,
  reportListQuery,
  reportListResponse,
  reportSaved,
  reportView,
  saveReportBody,
  unitIdParam,
} from '../../domain/api-reports.js';
import { ownUnitsFor } from '../../domain/authz.js';
import { AppError } from '../../domain/errors.js';
import { windowIssue } from '../../domain/periods.js';
import { reportContentSchema } from '../../domain/report-json.js';
import { auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { loadOwners, outlineVisible, ownerOf } from '../outlines/present.js';
import { checkedPeriod, openDraft, SAVE_ERRORS, sendConflict } from './access.js';
import { registerReportLogbookRoutes } from './logbook.js';
import { presentListItem, presentSaved, unitRefOf } from './present.js';
import { registerReportTransferRoutes } from './transfer.js';
import { loadReportView, reportView as viewOf } from './view.js';
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
      const { items, total } = await listReports(ctx.db, request.params.unitId, request.query);
      return { items: items.map(presentListItem), total };
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
      const content = reportContentSchema.parse({
        // A new report keeps none of the outline's default paragraphs: they are proposals.
        kept: [],
        ...(request.body.window ? { window: request.body.window } : {}),
      });
      const { id } = await ctx.db.transaction(async (tx) => {
        const opened = await openDraft(tx, auditActor(request), { unitId, outline, period, window, content });
        // A draft opens with the figures and first lines of its window's logbook records.
        const head = await loadReportHead(tx, opened.id);
        await refreshFromLogbook(tx, auditActor(request), head, outline.definition);
        return opened;
      });
      return loadReportView(ctx.db, auth.actor, id);
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
      requireAuth(request);
      const rec = await loadReport(ctx.db, request.params.id);
      const auth = authorize(request, 'report.read', unitRefOf(rec));
      return viewOf(ctx.db, auth.actor, rec);
    },
  );

  app.put(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Lưu báo cáo (tự động lưu): trả lời phiên bản mới; 409 kèm bản trên máy chủ khi người khác vừa lưu',
        params: idParam,
        body: saveReportBody,
        response: { 200: reportSaved, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const auth = requireAuth(request);
      const { revision, content } = request.body;
      const issue = content.window ? windowIssue(content.window) : null;
      if (issue) {
        const field = { path: `content.${issue.path}`, message: issue.message };
        throw new AppError('VALIDATION', `Thời gian chốt số liệu: ${issue.message}`, [field]);
      }
      try {
        // One statement: authorisation, checks, the change and its audit row (no transaction, no
        // read before); the report is read only when nothing was saved, to say why.
        const saved = await saveReportContent(ctx.db, auditActor(request), {
          id,
          units: ownUnitsFor(auth.actor, 'report.edit'),
          revision,
          content,
          window: 'content',
        });
        return presentSaved(saved, auth.user);
      } catch (error) {
        if (error instanceof ReportConflictError) return sendConflict(request, reply, error);
        throw error;
      }
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Tự động lưu phần đã thay đổi của báo cáo: trả lời phiên bản mới; 409 kèm bản trên máy chủ khi người khác vừa lưu',
        params: idParam,
        body: patchReportBody,
        response: { 200: reportSaved, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const auth = requireAuth(request);
      const { revision, changes } = request.body;
      const issue = changes.window ? windowIssue(changes.window) : null;
      if (issue) {
        const field = { path: `changes.${issue.path}`, message: issue.message };
        throw new AppError('VALIDATION', `Thời gian chốt số liệu: ${issue.message}`, [field]);
      }
      try {
        // One statement, as the PUT: the stored content is read and changed in the database.
        const saved = await saveReportChanges(ctx.db, auditActor(request), {
          id,
          units: ownUnitsFor(auth.actor, 'report.edit'),
          revision,
          changes,
        });
        return presentSaved(saved, auth.user);
      } catch (error) {
        if (error instanceof ReportConflictError) return sendConflict(request, reply, error);
        throw error;
      }
    },
  );

  registerReportWorkflowRoutes(app, ctx);
  registerReportTransferRoutes(app, ctx);
  registerReportLogbookRoutes(app, ctx);
}
