/** The request letter of a round: preview of the draft, issuing (number from the register), DOCX and PDF. */
import { issueRoundLetter, roundLetterDocument } from '../../db/round-letter.js';
import { unitSigners } from '../../db/signers.js';
import { idParam } from '../../domain/api.js';
import {
  requestLetterBody,
  requestLetterPreview,
  requestLetterQuery,
  roundDetail,
} from '../../domain/api-rounds.js';
import { previewText } from '../../domain/drafting/index.js';
import { documentFileName, notation } from '../../domain/numbering.js';
import { todayInVietnam } from '../../domain/periods.js';
import { auditActor } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { sendFile } from '../documents/http.js';
import { presentRegisterEntry } from '../documents/present.js';
import {
  clientGone,
  documentKey,
  pdfAvailable,
  renderChecked,
  renderPdf,
  retryLater,
} from '../documents/render.js';
import { ERROR_RESPONSES } from '../errors.js';
import { managedRound, visibleRound } from './routes.js';

const errors = { ...ERROR_RESPONSES, 503: ERROR_RESPONSES[400] };

export function registerRoundLetterRoutes(app: App, ctx: AppContext): void {
  const letterOf = async (request: Parameters<typeof visibleRound>[1], id: number, signerId?: number) => {
    const { record } = await visibleRound(ctx, request, id);
    const today = todayInVietnam();
    const { document, issued } = await roundLetterDocument(ctx.db, record.row, today, signerId);
    const year = document.issuedOn ? Number(document.issuedOn.slice(0, 4)) : Number(today.slice(0, 4));
    // "CV-12-SNgV-VP-2026.docx": the type first, as the other downloads are named.
    const name = (ext: 'docx' | 'pdf') =>
      documentFileName(document.number, `CV-${document.symbol}`, year, ext);
    return { record, document, issued, files: { docx: name('docx'), pdf: name('pdf') } };
  };

  app.get(
    '/api/rounds/:id/request-letter',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Xem trước công văn đề nghị báo cáo của đợt (bản nháp hoặc bản đã ban hành)',
        params: idParam,
        querystring: requestLetterQuery,
        response: { 200: requestLetterPreview, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { record, document, issued, files } = await letterOf(
        request,
        request.params.id,
        request.query.signerId,
      );
      const signers = await unitSigners(ctx.db, record.row.unitId);
      return {
        text: previewText(document),
        document,
        issued,
        notation: document.number ? notation(document.number, document.symbol) : null,
        fileNames: files,
        pdfAvailable: await pdfAvailable(),
        signers: signers.map((s) => ({
          id: s.id,
          fullName: s.fullName,
          title: s.title,
          isDefault: s.isDefault,
        })),
      };
    },
  );

  app.post(
    '/api/rounds/:id/request-letter',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Ban hành công văn đề nghị báo cáo: cấp số công văn, khóa nội dung',
        params: idParam,
        body: requestLetterBody,
        response: { 200: roundDetail.pick({ id: true, requestLetter: true }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params;
      await managedRound(ctx, request, id);
      // The date of issue is checked once, with the register (src/db/register.ts issueNumber).
      const issuedOn = request.body.issuedOn ?? todayInVietnam();
      const { entry } = await ctx.db.transaction((tx) =>
        issueRoundLetter(tx, auditActor(request), { roundId: id, signerId: request.body.signerId, issuedOn }),
      );
      return {
        id,
        requestLetter: {
          notation: entry.notation,
          issuedOn: entry.issuedOn,
          entry: presentRegisterEntry(entry),
        },
      };
    },
  );

  app.get(
    '/api/rounds/:id/request-letter.docx',
    { schema: { tags: ['rounds'], summary: 'Tải công văn DOCX', params: idParam, response: errors } },
    async (request, reply) => {
      const { document, files } = await letterOf(request, request.params.id);
      return sendFile(reply, await renderChecked(document, request.log), 'docx', files.docx);
    },
  );

  app.get(
    '/api/rounds/:id/request-letter.pdf',
    { schema: { tags: ['rounds'], summary: 'Tải công văn PDF', params: idParam, response: errors } },
    async (request, reply) => {
      const { document, files } = await letterOf(request, request.params.id);
      const signal = clientGone(reply);
      const pdf = await renderPdf(await renderChecked(document, request.log), {
        key: documentKey(document),
        signal,
      }).catch((error: unknown) => retryLater(reply, error));
      return sendFile(reply, pdf, 'pdf', files.pdf);
    },
  );
}
