/**
 * A report as a file (format doingoai.report/1, docs/report-json.md): export, and import into a
 * unit's draft (created when missing; an existing draft is replaced only by naming its revision).
 */

import { findOutlineVersion } from '../../db/outlines.js';
import { loadReport } from '../../db/report-record.js';
import { findReportId, ReportConflictError, saveReportContent } from '../../db/reports.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import {
  exportedReport,
  importReportBody,
  importReportQuery,
  reportView,
  unitIdParam,
} from '../../domain/api-reports.js';
import { canonicalCountryLists } from '../../domain/countries-content.js';
import { AppError } from '../../domain/errors.js';
import { periodKey } from '../../domain/periods.js';
import { REPORT_FORMAT, type ReportContent, type ReportJson } from '../../domain/report-json.js';
import { auditActor, authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { loadOwners, outlineVisible, ownerOf } from '../outlines/present.js';
import { checkedPeriod, openDraft, SAVE_ERRORS, sendConflict } from './access.js';
import { mayImportReports } from './import-access.js';
import { unitRefOf } from './present.js';
import { loadReportView } from './view.js';

/** "bao-cao-18562-half1-2026.json": ASCII only, safe in every browser's download. */
function fileName(unitCode: string, key: string): string {
  return `bao-cao-${unitCode}-${key}.json`.replace(/[^A-Za-z0-9._-]/g, '-');
}

function contentOf(json: ReportJson): ReportContent {
  const { format: _f, unit: _u, outline: _o, period: _p, ...content } = json;
  return content;
}

export function registerReportTransferRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/reports/:id/export',
    {
      schema: {
        tags: ['reports'],
        summary: 'Tải báo cáo dưới dạng tệp JSON (doingoai.report/1)',
        params: idParam,
        response: { 200: exportedReport, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      requireAuth(request);
      const rec = await loadReport(ctx.db, request.params.id);
      authorize(request, 'report.read', unitRefOf(rec));
      const json: ReportJson = {
        format: REPORT_FORMAT,
        unit: { code: rec.unit.code, name: rec.unit.name },
        outline: { code: rec.outline.code, version: rec.outline.version },
        period: rec.period,
        ...rec.content,
      };
      return reply
        .header('content-disposition', `attachment; filename="${fileName(rec.unit.code, rec.row.periodKey)}"`)
        .send(json);
    },
  );

  app.post(
    '/api/units/:unitId/reports/import',
    {
      schema: {
        tags: ['reports'],
        summary: 'Nhập báo cáo từ tệp JSON vào bản nháp của đơn vị (?revision= khi thay bản nháp đã có)',
        params: unitIdParam,
        querystring: importReportQuery,
        body: importReportBody,
        response: { 200: reportView, ...SAVE_ERRORS },
      },
    },
    async (request, reply) => {
      const { unitId } = request.params;
      const unit = await loadUnitRef(ctx.db, unitId);
      const auth = requireAuth(request);
      if (!(await mayImportReports(ctx.db, auth.actor, unit))) throw new AppError('FORBIDDEN');
      const json = request.body;
      if (json.unit.code !== unit.code) {
        const message = `Tệp này là báo cáo của đơn vị mã "${json.unit.code}", không phải của đơn vị đang mở (mã "${unit.code}").`;
        throw new AppError('VALIDATION', message, [{ path: 'unit.code', message }]);
      }
      const outline = await findOutlineVersion(ctx.db, json.outline.code, json.outline.version);
      if (!outline || !outlineVisible(auth.actor, ownerOf(outline, await loadOwners(ctx.db, [outline])))) {
        const version = json.outline.version ? ` phiên bản ${json.outline.version}` : '';
        const message = `Không có đề cương mã "${json.outline.code}"${version} trong hệ thống.`;
        throw new AppError('VALIDATION', message, [{ path: 'outline.code', message }]);
      }
      const { period, window } = checkedPeriod(json.period, json.window);
      const content = contentOf(json);
      // An old file's "Myanmar" in a list of countries is imported as "Mi-an-ma".
      content.values = canonicalCountryLists(outline.definition, content.values);
      const actor = auditActor(request);
      try {
        const id = await ctx.db.transaction(async (tx) => {
          const existing = await findReportId(tx, unitId, outline.code, periodKey(period));
          if (!existing) return (await openDraft(tx, actor, { unitId, outline, period, window, content })).id;
          // Replacing a draft someone may be editing needs its revision: the client confirms first.
          const revision = request.query.revision ?? -1;
          await saveReportContent(tx, actor, {
            id: existing,
            units: [unitId],
            revision,
            content,
            window,
            action: 'report.import',
          });
          return existing;
        });
        return loadReportView(ctx.db, auth.actor, id);
      } catch (error) {
        if (error instanceof ReportConflictError) return sendConflict(request, reply, error);
        throw error;
      }
    },
  );
}
