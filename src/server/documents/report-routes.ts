/**
 * A report's document: preview, DOCX and PDF downloads, all from the one composer
 * (src/domain/report-document.ts) over the report as read once (src/db/report-record.ts).
 * Issuing is a workflow step (src/server/reports/steps.ts); an issued report's PDF is made then, in
 * the background, and stored (src/jobs/issued-pdfs.ts): its download answers the stored file.
 */
import type { FastifyRequest } from 'fastify';
import { storedReportPdf } from '../../db/report-pdfs.js';
import { loadReport, type ReportRecord, reportSource } from '../../db/report-record.js';
import { idParam } from '../../domain/api.js';
import { documentPreviewResponse } from '../../domain/api-documents.js';
import { previewText } from '../../domain/drafting/index.js';
import { todayInVietnam } from '../../domain/periods.js';
import { composeReportDocument } from '../../domain/report-document.js';
import { issuedReportPdf } from '../../jobs/issued-pdfs.js';
import { authorize, requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { unitRefOf } from '../reports/present.js';
import { sendFile } from './http.js';
import {
  clientGone,
  documentFiles,
  documentKey,
  pdfAvailable,
  renderChecked,
  renderPdf,
  retryLater,
} from './render.js';

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
        // Without LibreOffice, an issued report's stored PDF still downloads.
        pdfAvailable:
          (await pdfAvailable()) || (issued && (await storedReportPdf(ctx.db, rec.row.id)) !== null),
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
      const { rec, document, issued } = await documentOf(request, request.params.id);
      const signal = clientGone(reply);
      const make = async () => {
        // Issued: the PDF stored when it was issued (made now, once, if the background has not yet).
        const stored = issued ? await issuedReportPdf(ctx.db, rec.row.id, { signal }) : null;
        return (
          stored ??
          renderPdf(await renderChecked(document, request.log), { key: documentKey(document), signal })
        );
      };
      const pdf = await make().catch((error: unknown) => retryLater(reply, error));
      return sendFile(reply, pdf, 'pdf', documentFiles(document, rec.row).pdf);
    },
  );
}
