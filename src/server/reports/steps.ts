/**
 * The steps after submission: the officer takes a sent report back while the leader has not acted;
 * the leader approves and issues (number from the register, document
 * frozen); the receiving unit (report.receive on the report's unit: province roles reach their
 * province) receives, accepts, or returns the report with a reason. Each runs through `takeStep`:
 * one conditional update (two people at once: one succeeds, the other gets a clear 409), audited in
 * the same transaction, answering the report's view. And the history of a report.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listVersions } from '../../db/report-versions.js';
import { type StepInput, stepHistory, takeStep } from '../../db/reports.js';
import { idParam } from '../../domain/api.js';
import { issueBody } from '../../domain/api-documents.js';
import { rejectBody, reportHistory, reportView, stepBody } from '../../domain/api-reports.js';
import { auditActionLabel } from '../../domain/audit.js';
import { todayInVietnam } from '../../domain/periods.js';
import { type ReportStep, STEP_RULES } from '../../domain/workflow.js';
import { pdfAfterIssue } from '../../jobs/issued-pdfs.js';
import { auditActor } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { changeThenView, reportFor, SAVE_ERRORS } from './access.js';

export function registerReportStepRoutes(app: App, ctx: AppContext): void {
  /** Authorise, check the receiving unit when the step needs one, take the step, answer the view. */
  const step = async (
    request: FastifyRequest<{ Params: { id: number } }>,
    reply: FastifyReply,
    input: { step: ReportStep; revision?: number | undefined; reason?: string; issue?: StepInput['issue'] },
  ) => {
    const { id } = request.params;
    const rule = STEP_RULES[input.step];
    const { auth } = await reportFor(ctx.db, request, id, rule.action);
    const reason = input.reason;
    const view = await changeThenView(ctx.db, request, reply, {
      id,
      actor: auth.actor,
      change: (tx) =>
        takeStep(tx, auditActor(request), {
          id,
          step: input.step,
          revision: input.revision,
          ...(reason ? { note: reason, comments: [{ target: null, body: reason }] } : {}),
          ...(input.issue ? { issue: input.issue } : {}),
        }),
    });
    // Committed: the issued document's PDF is made in the background (src/jobs/issued-pdfs.ts).
    if (input.step === 'issue' && reply.statusCode < 300) pdfAfterIssue(ctx.db, id, request.log);
    return view;
  };

  const simple: {
    step: 'withdraw' | 'approve' | 'receive' | 'accept' | 'correct';
    path: string;
    summary: string;
  }[] = [
    {
      step: 'withdraw',
      path: 'withdraw',
      summary: 'Cán bộ rút lại báo cáo đã gửi (về trạng thái đang soạn) khi lãnh đạo chưa xử lý',
    },
    { step: 'approve', path: 'approve', summary: 'Lãnh đạo duyệt báo cáo (sau đó ban hành)' },
    { step: 'receive', path: 'receive', summary: 'Đơn vị nhận báo cáo tiếp nhận báo cáo đã ban hành' },
    { step: 'accept', path: 'accept', summary: 'Đơn vị nhận báo cáo chấp nhận báo cáo' },
    {
      step: 'correct',
      path: 'correct',
      summary:
        'Lãnh đạo mở lại báo cáo đã ban hành thành bản điều chỉnh (sửa, trình và ban hành lại với số mới)',
    },
  ];
  for (const s of simple) {
    app.post(
      `/api/reports/:id/${s.path}`,
      {
        schema: {
          tags: ['reports'],
          summary: s.summary,
          params: idParam,
          body: stepBody,
          response: { 200: reportView, ...SAVE_ERRORS },
        },
      },
      (request, reply) => step(request, reply, { step: s.step, revision: request.body?.revision }),
    );
  }

  app.post(
    '/api/reports/:id/issue',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Lãnh đạo ban hành báo cáo: cấp số từ sổ văn bản đi, ngày và người ký, khóa văn bản và gửi đơn vị nhận',
        params: idParam,
        body: issueBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    (request, reply) =>
      step(request, reply, {
        step: 'issue',
        revision: request.body.revision,
        issue: {
          signerId: request.body.signerId,
          issuedOn: request.body.issuedOn ?? todayInVietnam(),
          number: request.body.number ?? null,
        },
      }),
  );

  app.post(
    '/api/reports/:id/reject',
    {
      schema: {
        tags: ['reports'],
        summary: 'Đơn vị nhận báo cáo trả lại báo cáo, kèm lý do (đơn vị gửi sửa và gửi lại)',
        params: idParam,
        body: rejectBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    (request, reply) =>
      step(request, reply, { step: 'reject', revision: request.body.revision, reason: request.body.reason }),
  );

  app.get(
    '/api/reports/:id/history',
    {
      schema: {
        tags: ['reports'],
        summary: 'Lịch sử báo cáo: các lần gửi (phiên bản, số văn bản) và các bước xử lý',
        params: idParam,
        response: { 200: reportHistory, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params;
      await reportFor(ctx.db, request, id, 'report.read');
      const versions = await listVersions(ctx.db, id);
      const steps = await stepHistory(ctx.db, id);
      return {
        versions: versions.map((v) => ({
          version: v.version,
          createdAt: v.createdAt.toISOString(),
          by: v.createdBy,
          notation: v.notation,
        })),
        steps: steps.map((s) => ({
          id: s.id,
          action: s.action,
          label: auditActionLabel(s.action),
          at: s.at.toISOString(),
          by: s.by,
          actorLabel: s.actorLabel,
          comment: s.comment,
          notation: s.notation,
          version: s.version,
        })),
      };
    },
  );
}
