/**
 * Rendering for the download routes: DOCX (checked against the decree's layout rules), PDF through
 * the LibreOffice queue, and the file names. The renderers are loaded on first use, not at start.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { ConvertOptions } from '../../documents/pdf.js';
import type { OfficialDocument } from '../../domain/document.js';
import { AppError } from '../../domain/errors.js';
import { documentFileName } from '../../domain/numbering.js';

interface YearSource {
  periodYear: number;
}

/** The year in a file name: of the date of issue, else of the draft's date line, else of the period. */
function documentYear(doc: OfficialDocument, report: YearSource): number {
  if (doc.issuedOn) return Number(doc.issuedOn.slice(0, 4));
  return doc.draftMonth?.year ?? report.periodYear;
}

export function documentFiles(doc: OfficialDocument, report: YearSource): { docx: string; pdf: string } {
  const year = documentYear(doc, report);
  return {
    docx: documentFileName(doc.number, doc.symbol, year, 'docx'),
    pdf: documentFileName(doc.number, doc.symbol, year, 'pdf'),
  };
}

/** Renders the DOCX and checks it; a layout problem is logged (the file is still served). */
export async function renderChecked(doc: OfficialDocument, log: FastifyBaseLogger): Promise<Uint8Array> {
  const [{ renderDocx }, { checkDocx }] = await Promise.all([
    import('../../documents/docx.js'),
    import('../../documents/check.js'),
  ]);
  const bytes = await renderDocx(doc);
  const problems = await checkDocx(bytes);
  if (problems.length > 0) log.warn({ problems }, 'rendered DOCX departs from the document layout rules');
  return bytes;
}

/**
 * PDF of a DOCX through the converter's bounded queue. Without LibreOffice: PDF_UNAVAILABLE (503);
 * a full queue: PDF_BUSY (503). Give `key` (see documentKey) so that identical requests share one
 * conversion, and `signal` (see clientGone) so that an abandoned request is dropped.
 */
export async function renderPdf(docx: Uint8Array, options?: ConvertOptions): Promise<Uint8Array> {
  const { convertToPdf } = await import('../../documents/pdf.js');
  return convertToPdf(docx, options);
}

/** The same document gives the same key: concurrent requests for it share one conversion. */
export function documentKey(doc: OfficialDocument): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/** Aborts when the client closes the connection before the answer is sent. */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const raw = reply.raw;
  raw.once('close', () => {
    if (!raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Seconds a client should wait before asking again for a PDF refused because the queue was full. */
export const PDF_RETRY_AFTER_SECONDS = 5;

/** Adds Retry-After to a PDF_BUSY answer, then lets the error handler answer it. */
export function retryLater(reply: FastifyReply, error: unknown): never {
  if (error instanceof AppError && error.code === 'PDF_BUSY')
    reply.header('retry-after', String(PDF_RETRY_AFTER_SECONDS));
  throw error;
}

/** Is LibreOffice installed (can the server produce PDFs)? */
export async function pdfAvailable(): Promise<boolean> {
  const { findSoffice } = await import('../../documents/pdf.js');
  return (await findSoffice()) !== null;
}
