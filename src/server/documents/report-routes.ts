/** Issuing a report and its document: preview, DOCX and PDF downloads. */
import { issueReport } from '../../db/issue.js';
import { loadReport, type ReportRow, reportDocument } from '../../db/report-document.js';
import { loadUnitRef } from '../../db/units.js';
import { idParam } from '../../domain/api.js';
import { documentPreviewResponse, issueBody, issueResponse } from '../../domain/api-documents.js';
import type { Action } from '../../domain/authz.js';
import { previewText } from '../../domain/drafting/index.js';
import { AppError } from '../../domain/errors.js';
import { notation } from '../../domain/numbering.js';
import { todayInVietnam } from '../../domain/periods.js';
import { auditActor, authorize } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { sendFile } from './http.js';
import { documentFiles, pdfAvailable, renderChecked, renderPdf } from './render.js';

const errors = { ...ERROR_RESPONSES, 503: ERROR_RESPONSES[400] };

export function registerReportDocumentRoutes(app: App, ctx: AppContext): void {
  /** The report, once the user may take `action` on its unit (404 before 403 leaks nothing new). */
  const reportFor = async (
    request: Parameters<typeof authorize>[0],
    id: number,
    action: Action,
  ): Promise<ReportRow> => {
    const report = await loadReport(ctx.db, id);
    authorize(request, action, await loadUnitRef(ctx.db, report.unitId));
    return report;
  };

  app.post(
    '/api/reports/:id/issue',
    {
      schema: {
        tags: ['documents'],
        summary: 'Ban hành báo cáo: cấp số, ngày và người ký, khóa nội dung văn bản',
        params: idParam,
        body: issueBody,
        response: { 200: issueResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const report = await reportFor(request, request.params.id, 'report.approve');
      const today = todayInVietnam();
      const issuedOn = request.body.issuedOn ?? today;
      if (issuedOn > today) {
        throw new AppError('VALIDATION', 'Ngày ban hành không được sau ngày hôm nay.', [
          { path: 'issuedOn', message: 'Ngày ban hành không được sau ngày hôm nay.' },
        ]);
      }
      const { entry } = await ctx.db.transaction((tx) =>
        issueReport(tx, auditActor(request), {
          reportId: report.id,
          signerId: request.body.signerId,
          issuedOn,
        }),
      );
      // Side effects (the PDF) come after commit, on demand, from the frozen document.
      return {
        reportId: report.id,
        status: 'issued' as const,
        number: entry.number,
        notation: notation(entry.number, entry.symbol),
        issuedOn: entry.issuedOn,
        entry,
      };
    },
  );

  app.get(
    '/api/reports/:id/document/preview',
    {
      schema: {
        tags: ['documents'],
        summary: 'Xem trước văn bản của báo cáo (chữ và cấu trúc để hiển thị)',
        params: idParam,
        response: { 200: documentPreviewResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const report = await reportFor(request, request.params.id, 'report.read');
      const { document, issued } = await reportDocument(ctx.db, report);
      return {
        text: previewText(document),
        document,
        issued,
        fileNames: documentFiles(document, report),
        pdfAvailable: await pdfAvailable(),
      };
    },
  );

  app.get(
    '/api/reports/:id/document.docx',
    { schema: { tags: ['documents'], summary: 'Tải văn bản DOCX', params: idParam, response: errors } },
    async (request, reply) => {
      const report = await reportFor(request, request.params.id, 'report.read');
      const { document } = await reportDocument(ctx.db, report);
      const bytes = await renderChecked(document, request.log);
      const names = documentFiles(document, report);
      return sendFile(reply, bytes, 'docx', names.docx);
    },
  );

  app.get(
    '/api/reports/:id/document.pdf',
    { schema: { tags: ['documents'], summary: 'Tải văn bản PDF', params: idParam, response: errors } },
    async (request, reply) => {
      const report = await reportFor(request, request.params.id, 'report.read');
      const { document } = await reportDocument(ctx.db, report);
      const pdf = await renderPdf(await renderChecked(document, request.log));
      return sendFile(reply, pdf, 'pdf', documentFiles(document, report).pdf);
    },
  );
}
