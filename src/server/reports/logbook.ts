/**
 * A report's figures and first lines from the unit's logbook (issue 15):
 * - POST /api/reports/:id/logbook/refresh   "Cập nhật từ sổ theo dõi" (the form also asks on opening a draft)
 * - POST /api/reports/:id/logbook/override  the officer's figure instead of the computed one, with a reason
 * - GET  /api/reports/:id/logbook/records   the records behind a figure or a section's lines
 * and the issued report's differences with the records now (part of its view).
 */
import type { Queryable } from '../../db/client.js';
import { getOutlineRow } from '../../db/outlines.js';
import {
  issuedDifferences,
  type RecordSummary,
  recordSummaries,
  refreshFromLogbook,
  saveOverride,
} from '../../db/report-logbook.js';
import type { ReportRecord } from '../../db/report-record.js';
import { idParam } from '../../domain/api.js';
import {
  type LogbookDifferenceOut,
  type LogbookRecordOut,
  logbookOverrideBody,
  logbookRecordsQuery,
  logbookRecordsResponse,
  logbookRefreshBody,
  type ReportView,
  reportView,
} from '../../domain/api-reports.js';
import { AppError } from '../../domain/errors.js';
import { logbookKind } from '../../domain/logbook/kinds.js';
import { findIndicator } from '../../domain/outlines/numbering.js';
import { EDITABLE_STATUSES, REPORT_STATUS_LABELS } from '../../domain/workflow.js';
import { auditActor } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { changeThenView, reportFor, SAVE_ERRORS } from './access.js';

export function presentRecord(r: RecordSummary): LogbookRecordOut {
  return {
    id: r.id,
    kind: r.kind,
    kindName: logbookKind(r.kind)?.shortName ?? r.kind,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    title: r.title,
    revision: r.revision,
    deleted: r.deleted,
  };
}

/** The issued report's differences with the records now, the changed records named. */
export async function logbookOfView(q: Queryable, rec: ReportRecord): Promise<ReportView['logbook']> {
  const outline = rec.outline.definition;
  const differences = await issuedDifferences(q, rec.row, rec.content, outline);
  if (!rec.content.logbook || differences.length === 0)
    return rec.content.logbook ? { differences: [] } : null;
  const ids = [...new Set(differences.flatMap((d) => d.records.map((r) => r.id)))];
  const summaries = new Map((await recordSummaries(q, rec.row.unitId, ids)).map((r) => [r.id, r]));
  const out: LogbookDifferenceOut[] = differences.map((d) => {
    const indicator = findIndicator(outline, d.code);
    return {
      code: d.code,
      label: indicator?.label ?? d.code,
      unit: indicator?.unit ?? '',
      issued: d.issued,
      now: d.now,
      records: d.records.map((r) => {
        const s = summaries.get(r.id);
        return { id: r.id, change: r.change, record: s ? presentRecord(s) : null };
      }),
    };
  });
  return { differences: out };
}

export function registerReportLogbookRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/reports/:id/logbook/refresh',
    {
      schema: {
        tags: ['reports'],
        summary: 'Cập nhật số liệu và các dòng nhật ký của báo cáo đang soạn từ sổ theo dõi của đơn vị',
        params: idParam,
        body: logbookRefreshBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { head, auth } = await reportFor(ctx.db, request, id, 'report.edit');
      if (!EDITABLE_STATUSES.includes(head.row.status)) {
        throw new AppError(
          'REPORT_LOCKED',
          `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[head.row.status]}": số liệu đã chốt, không cập nhật từ sổ theo dõi.`,
        );
      }
      if (head.row.consolidation !== null) {
        throw new AppError(
          'VALIDATION',
          'Báo cáo tổng hợp lấy số liệu từ báo cáo của các đơn vị, không lấy từ sổ theo dõi.',
        );
      }
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: async (tx) => {
          const outline = (await getOutlineRow(tx, head.row.outlineId)).definition;
          await refreshFromLogbook(tx, auditActor(request), head, outline, request.body.revision);
        },
      });
    },
  );

  app.post(
    '/api/reports/:id/logbook/override',
    {
      schema: {
        tags: ['reports'],
        summary: 'Dùng số liệu khác số tính từ sổ theo dõi (cần ghi lý do), hoặc trở lại số tính từ sổ',
        params: idParam,
        body: logbookOverrideBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { head, auth } = await reportFor(ctx.db, request, id, 'report.edit');
      const { revision, code, value, reason } = request.body;
      return changeThenView(ctx.db, request, reply, {
        id,
        actor: auth.actor,
        change: (tx) => saveOverride(tx, auditActor(request), head, { revision, code, value, reason }),
      });
    },
  );

  app.get(
    '/api/reports/:id/logbook/records',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Các bản ghi sổ theo dõi làm nên một số liệu (hoặc các dòng nhật ký của một mục) của báo cáo',
        params: idParam,
        querystring: logbookRecordsQuery,
        response: { 200: logbookRecordsResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { head } = await reportFor(ctx.db, request, id, 'report.read');
      const part = head.content.logbook;
      const { code, section } = request.query;
      const ids = code
        ? (part?.figures[code]?.records.map(([rid]) => rid) ?? [])
        : section
          ? (part?.lines[section]?.map((l) => l.id) ?? [])
          : [];
      const items = await recordSummaries(ctx.db, head.unit.id, ids);
      return { items: items.map(presentRecord) };
    },
  );
}
