/**
 * Consolidation of a round (the receiving unit's own report from what it received), the state of
 * late reports with the differences a refresh would make, the Excel export, and the trace of each
 * figure of a consolidated report, and a figure overridden with its reason. Permission:
 * round.manage on the round's unit (the trace: report.read on the report's unit; an override:
 * report.edit on it).
 */
import {
  consolidateRound,
  consolidationExportData,
  loadReportTrace,
  loadRoundConsolidation,
} from '../../db/consolidation.js';
import { overrideFigure } from '../../db/consolidation-overrides.js';
import { answerFromDepartmentReport, departmentReportOf } from '../../db/province-answer.js';
import { loadReportHead } from '../../db/report-record.js';
import { isRoundUnit, loadRoundRow } from '../../db/rounds.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import { reportView } from '../../domain/api-reports.js';
import { can } from '../../domain/authz.js';
import {
  answerFromDepartmentBody,
  answerFromDepartmentResult,
  departmentReportAnswer,
  departmentReportQuery,
  overrideFigureBody,
  reportTrace,
  roundConsolidation,
} from '../../domain/consolidation/api.js';
import { AppError } from '../../domain/errors.js';
import { REPORT_STATUS_LABELS } from '../../domain/workflow.js';
import { auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { sendFile } from '../documents/http.js';
import { ERROR_RESPONSES } from '../errors.js';
import { changeThenView, reportFor, SAVE_ERRORS } from '../reports/access.js';
import { unitRefOf } from '../reports/present.js';
import { presentReportTrace, presentRoundConsolidation } from './present.js';
import { consolidationXlsx } from './xlsx.js';

export function registerConsolidationRoutes(app: App, ctx: AppContext): void {
  /**
   * The round, if the user manages its receiving unit. Otherwise a refusal that says why: a
   * province asked by the ministry answers with its own consolidated report (made on its own
   * round), it never consolidates the ministry's round nor another province's.
   */
  const roundFor = async (request: Parameters<typeof authorize>[0], id: number) => {
    const round = await loadRoundRow(ctx.db, id);
    const receiving = await loadUnitRef(ctx.db, round.unitId);
    const { actor } = requireAuth(request);
    if (can(actor, 'round.manage', receiving)) return round;
    const manages = actor.grants.some((g) => can(actor, 'round.manage', g.unit));
    if (!manages) throw new AppError('FORBIDDEN');
    const asked = await Promise.all(actor.grants.map((g) => isRoundUnit(ctx.db, round.id, g.unit.id)));
    throw new AppError(
      'FORBIDDEN',
      asked.some(Boolean)
        ? `Đợt báo cáo này do ${receiving.name} nhận; đơn vị của bạn là đơn vị báo cáo. Hãy tổng hợp trên đợt báo cáo mà đơn vị mình giao cho các đơn vị cấp dưới, rồi trình ký, ban hành báo cáo tổng hợp đó: báo cáo sẽ được gửi ${receiving.name}.`
        : `Đợt báo cáo này do ${receiving.name} nhận: chỉ đơn vị nhận báo cáo mới tổng hợp được, không tổng hợp đợt báo cáo của đơn vị khác.`,
    );
  };

  app.get(
    '/api/rounds/:id/consolidation',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'Tình hình tổng hợp của đợt: báo cáo tổng hợp, báo cáo nhận thêm, số liệu thay đổi',
        params: idParam,
        response: { 200: roundConsolidation, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      await roundFor(request, request.params.id);
      return presentRoundConsolidation(await loadRoundConsolidation(ctx.db, request.params.id));
    },
  );

  app.post(
    '/api/rounds/:id/consolidation',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'Tổng hợp (hoặc cập nhật) báo cáo của đơn vị nhận từ các báo cáo đã tiếp nhận',
        params: idParam,
        response: { 200: roundConsolidation, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      await roundFor(request, request.params.id);
      await ctx.db.transaction((tx) => consolidateRound(tx, auditActor(request), request.params.id));
      return presentRoundConsolidation(await loadRoundConsolidation(ctx.db, request.params.id));
    },
  );

  /**
   * The UBND tỉnh's answer to the ministry's round drafted from its Sở Ngoại vụ's consolidated
   * report (issued to the UBND tỉnh) of the same period: report.edit on the province, the
   * province's own officer (the leader then approves and issues it as any report).
   */
  app.post(
    '/api/rounds/:id/answer-from-department',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'Lập báo cáo của tỉnh gửi Bộ Ngoại giao từ báo cáo tổng hợp của Sở Ngoại vụ',
        params: idParam,
        body: answerFromDepartmentBody,
        response: { 200: answerFromDepartmentResult, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      authorize(request, 'report.edit', await loadUnitRef(ctx.db, request.body.provinceId));
      return ctx.db.transaction((tx) =>
        answerFromDepartmentReport(tx, auditActor(request), {
          roundId: request.params.id,
          provinceId: request.body.provinceId,
          departmentReportId: request.body.departmentReportId,
        }),
      );
    },
  );

  app.get(
    '/api/rounds/:id/department-report',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'Báo cáo tổng hợp cùng kỳ của Sở Ngoại vụ mà tỉnh có thể dùng để báo cáo Bộ Ngoại giao',
        params: idParam,
        querystring: departmentReportQuery,
        response: { 200: departmentReportAnswer, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      authorize(request, 'report.edit', await loadUnitRef(ctx.db, request.query.provinceId));
      const row = await departmentReportOf(ctx.db, request.params.id, request.query.provinceId);
      return {
        report: row
          ? {
              id: row.id,
              unitName: row.unitName,
              statusLabel: REPORT_STATUS_LABELS[row.status],
              issued: row.issued,
            }
          : null,
      };
    },
  );

  app.get(
    '/api/rounds/:id/consolidation.xlsx',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'Tải số liệu tổng hợp (Excel): tổng theo chỉ tiêu và chi tiết theo đơn vị',
        params: idParam,
        response: ERROR_RESPONSES,
      },
    },
    async (request, reply) => {
      await roundFor(request, request.params.id);
      const data = await consolidationExportData(ctx.db, request.params.id);
      const bytes = await consolidationXlsx(data);
      const name = `tong-hop-dot-${data.round.id}-${data.round.periodKey}.xlsx`;
      return sendFile(reply, bytes, 'xlsx', name, `Tổng hợp ${data.round.name}.xlsx`);
    },
  );

  app.post(
    '/api/reports/:id/overrides',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'Sửa một số liệu của báo cáo tổng hợp (khác tổng của các đơn vị), bắt buộc ghi lý do',
        params: idParam,
        body: overrideFigureBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { auth } = await reportFor(ctx.db, request, id, 'report.edit');
      const { revision, code, value, reason } = request.body;
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: (tx) =>
          overrideFigure(tx, auditActor(request), {
            reportId: id,
            revision,
            code,
            value,
            reason,
            userName: auth.user.fullName,
          }),
      });
    },
  );

  app.get(
    '/api/reports/:id/trace',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'Nguồn của từng số liệu trong báo cáo tổng hợp',
        params: idParam,
        response: { 200: reportTrace, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      requireAuth(request);
      const head = await loadReportHead(ctx.db, request.params.id);
      authorize(request, 'report.read', unitRefOf(head));
      return presentReportTrace(await loadReportTrace(ctx.db, head.row));
    },
  );
}
