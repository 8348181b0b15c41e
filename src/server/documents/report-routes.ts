/**
 * A report's document: preview, DOCX and PDF downloads, all from the one composer
 * (src/domain/report-document.ts) over the report as read once (src/db/report-record.ts).
 * Issuing is a workflow step (src/server/reports/steps.ts).
 */
import type { FastifyRequest } from 'fastify';
import { loadReport, type ReportRecord, reportSource } from '../../db/report-record.js';
import { idParam } from '../../domain/api.js';
import { documentPreviewResponse } from '../../domain/api-documents.js';
import { previewText } from '../../domain/drafting/index.js';
import { todayInVietnam } from '../../domain/periods.js';
import { composeReportDocument } from '../../domain/report-document.js';
import { authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { unitRefOf } from '../reports/present.js';
import { sendFile } from './http.js';
import { documentFiles, pdfAvailable, renderChecked, renderPdf } from './render.js';

const errors = { ...ERROR_RESPONSES, 503: ERROR_RESPONSES[400] };

export function registerReportDocumentRoutes(app: App, ctx: AppContext): void {
  /** The report and its document, once the user may read the report's unit. */
  const documentOf = async (request: FastifyRequest, id: number) => {
    requireAuth(request);
    const rec: ReportRecord = await loadReport(ctx.db, id);
    authorize(request, 'report.read', unitRefOf(rec));
    const composed = composeReportDocument(reportSource(rec), { today: todayInVietnam() });
    return { rec, ...composed };
  };

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
      const { rec, document, issued } = await documentOf(request, request.params.id);
      return {
        text: previewText(document),
        document,
        issued,
        fileNames: documentFiles(document, rec.row),
        pdfAvailable: await pdfAvailable(),
      };
    },
  );

  app.get(
    '/api/reports/:id/document.docx',
    { schema: { tags: ['documents'], summary: 'Tải văn bản DOCX', params: idParam, response: errors } },
    async (request, reply) => {
      const { rec, document } = await documentOf(request, request.params.id);
      const bytes = await renderChecked(document, request.log);
      return sendFile(reply, bytes, 'docx', documentFiles(document, rec.row).docx);
    },
  );

  app.get(
    '/api/reports/:id/document.pdf',
    { schema: { tags: ['documents'], summary: 'Tải văn bản PDF', params: idParam, response: errors } },
    async (request, reply) => {
      const { rec, document } = await documentOf(request, request.params.id);
      const pdf = await renderPdf(await renderChecked(document, request.log));
      return sendFile(reply, pdf, 'pdf', documentFiles(document, rec.row).pdf);
    },
  );
}
