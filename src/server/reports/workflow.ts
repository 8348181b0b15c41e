/**
 * "Không phát sinh" for some sections, submission to the leader (refused while values are wrong or
 * required parts are empty), the whole report answered "Không phát sinh" and submitted in one step,
 * and the leader's return with comments. The other steps (issuing among them) are in steps.ts.
 */

import type { Queryable } from '../../db/client.js';
import { getOutlineRow } from '../../db/outlines.js';
import { loadReport, type ReportHead } from '../../db/report-record.js';
import { saveReportContent, takeStep } from '../../db/reports.js';
import { idParam } from '../../domain/api.js';
import { EDITABLE_STATUSES, nilBody, reportView, returnBody, submitBody } from '../../domain/api-reports.js';
import { AppError } from '../../domain/errors.js';
import { findSection } from '../../domain/outlines/index.js';
import { blockingIssues } from '../../domain/report-checks.js';
import type { ReportContent } from '../../domain/report-json.js';
import { stepAllowed, stepRefusal } from '../../domain/workflow.js';
import { auditActor } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { changeThenView, reportFor, SAVE_ERRORS } from './access.js';
import { targetIndex } from './present.js';
import { registerReportStepRoutes } from './steps.js';
import { analyseReport } from './view.js';

/** The outline version a report was made with. */
async function outlineOf(q: Queryable, head: ReportHead) {
  return (await getOutlineRow(q, head.row.outlineId)).definition;
}

export function registerReportWorkflowRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/reports/:id/nil',
    {
      schema: {
        tags: ['reports'],
        summary: 'Đánh dấu (hoặc bỏ đánh dấu) "Không phát sinh" cho một số mục hoặc cả báo cáo',
        params: idParam,
        body: nilBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { head, auth } = await reportFor(ctx.db, request, id, 'report.edit');
      const { revision, all, sections = [], nil } = request.body;
      const outline = await outlineOf(ctx.db, head);
      const fields = sections.flatMap((key, i) => {
        const section = findSection(outline, key);
        if (!section) return [{ path: `sections.${i}`, message: `Đề cương không có mục mang mã "${key}".` }];
        if (section.nilAllowed === false)
          return [
            {
              path: `sections.${i}`,
              message: `Mục "${section.title}" không trả lời "Không phát sinh" được.`,
            },
          ];
        return [];
      });
      if (fields.length) throw new AppError('VALIDATION', fields[0]?.message, fields);
      const current = new Set(head.content.nil.sections);
      for (const key of sections) {
        if (nil) current.add(key);
        else current.delete(key);
      }
      const content: ReportContent = {
        ...head.content,
        nil: { all: all ?? head.content.nil.all, sections: [...current] },
      };
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: (tx) =>
          saveReportContent(tx, auditActor(request), {
            id,
            units: [head.unit.id],
            revision,
            content,
            action: 'report.nil',
          }),
      });
    },
  );

  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags: ['reports'],
        summary: 'Gửi báo cáo cho lãnh đạo (khi không còn lỗi và đã điền đủ mục bắt buộc)',
        params: idParam,
        body: submitBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { head, auth } = await reportFor(ctx.db, request, id, 'report.submit');
      if (EDITABLE_STATUSES.includes(head.row.status) && head.row.revision === request.body.revision) {
        const blocking = blockingIssues((await analyseReport(ctx.db, await loadReport(ctx.db, id))).issues);
        if (blocking.length) {
          const list = blocking
            .slice(0, 5)
            .map((i) => i.message)
            .join(' ');
          const more = blocking.length > 5 ? ` (và ${blocking.length - 5} lỗi khác)` : '';
          throw new AppError(
            'REPORT_INCOMPLETE',
            `Báo cáo chưa gửi được, còn ${blocking.length} điểm cần sửa: ${list}${more}`,
            blocking.map((i) => ({ path: i.path ?? '', message: i.message })),
          );
        }
      }
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: (tx) =>
          takeStep(tx, auditActor(request), { id, step: 'submit', revision: request.body.revision }),
      });
    },
  );

  app.post(
    '/api/reports/:id/submit-nil',
    {
      schema: {
        tags: ['reports'],
        summary: 'Cả báo cáo "Không phát sinh" và gửi lãnh đạo trong một bước (tính là đã gửi)',
        params: idParam,
        body: submitBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { head, auth } = await reportFor(ctx.db, request, id, 'report.submit');
      if (!stepAllowed('submit', head.row.status)) {
        throw new AppError('CONFLICT', stepRefusal('submit', head.row.status));
      }
      if (head.row.consolidation !== null) {
        throw new AppError(
          'BAD_REQUEST',
          'Báo cáo tổng hợp lấy số liệu từ báo cáo của các đơn vị nên không ghi "không phát sinh" cho cả báo cáo được. Hãy gửi lãnh đạo như một báo cáo thường.',
        );
      }
      const actor = auditActor(request);
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: async (tx) => {
          let revision = request.body.revision;
          if (!head.content.nil.all) {
            const content: ReportContent = { ...head.content, nil: { ...head.content.nil, all: true } };
            const saved = await saveReportContent(tx, actor, {
              id,
              units: [head.unit.id],
              revision,
              content,
              action: 'report.nil',
            });
            revision = saved.revision;
          }
          await takeStep(tx, actor, { id, step: 'submit', revision, details: { nil: true } });
        },
      });
    },
  );

  app.post(
    '/api/reports/:id/return',
    {
      schema: {
        tags: ['reports'],
        summary: 'Lãnh đạo trả lại báo cáo để sửa, kèm ý kiến chung và ý kiến tại từng mục, chỉ tiêu',
        params: idParam,
        body: returnBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { head, auth } = await reportFor(ctx.db, request, id, 'report.approve');
      const { revision, comment, comments = [] } = request.body;
      const index = targetIndex(await outlineOf(ctx.db, head), null);
      const fields = comments.flatMap((c, i) =>
        c.target && !index.has(c.target)
          ? [
              {
                path: `comments.${i}.target`,
                message: `Đề cương không có mục hay chỉ tiêu mang mã "${c.target}".`,
              },
            ]
          : [],
      );
      if (fields.length) throw new AppError('VALIDATION', fields[0]?.message, fields);
      const all = [
        ...(comment ? [{ target: null, body: comment }] : []),
        ...comments.map((c) => ({ target: c.target ?? null, body: c.body })),
      ];
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: (tx) =>
          takeStep(tx, auditActor(request), { id, step: 'return', revision, note: comment, comments: all }),
      });
    },
  );

  registerReportStepRoutes(app, ctx);
}
