/**
 * The PDF of an issued report is made once, in the background, and stored beside its frozen
 * document (src/db/report-pdfs.ts), so that downloading it is instant:
 *
 * - right after a report is issued (src/server/reports/steps.ts calls `pdfAfterIssue`), when the
 *   background jobs run in this process;
 * - by the job `pdfs.issued` of every run (scheduler.ts): issued reports without a stored PDF, so
 *   that a crash, a restart or LibreOffice installed later heals by itself;
 * - on demand when someone downloads it first (src/server/documents/report-routes.ts).
 *
 * All three go through `issuedReportPdf`: a stored PDF is answered as it is; otherwise one
 * conversion per frozen document (the converter's queue shares it between callers) and the
 * result stored (a second store of the same document keeps the first).
 */
import type { Db } from '../db/client.js';
import {
  issuedDocumentOf,
  issuedReportsWithoutPdf,
  storedReportPdf,
  storeReportPdf,
} from '../db/report-pdfs.js';
import { renderDocx } from '../documents/docx.js';
import { type PdfConverter, sharedPdfConverter } from '../documents/pdf.js';
import { abandoned } from '../documents/pdf-queue.js';
import { AppError } from '../domain/errors.js';
import type { SchedulerLog } from './scheduler.js';

export interface IssuedPdfOptions {
  /** Default: the process-wide converter (one resident LibreOffice). */
  converter?: PdfConverter;
  /** The requester went away: a conversion not yet started is dropped. */
  signal?: AbortSignal;
}

/** Makes (or reads) the PDF: stored → answered; else one conversion, then stored. */
async function makeIssuedPdf(
  db: Db,
  reportId: number,
  converter: PdfConverter,
  signal: AbortSignal,
): Promise<Uint8Array | null> {
  const stored = await storedReportPdf(db, reportId);
  if (stored) return stored;
  const issued = await issuedDocumentOf(db, reportId);
  if (!issued) return null;
  const pdf = await converter.convert(await renderDocx(issued.document), {
    key: `report-${issued.reportId}-${issued.documentHash}`,
    signal,
  });
  await storeReportPdf(db, issued, pdf);
  return pdf;
}

interface Flight {
  promise: Promise<Uint8Array | null>;
  /** Aborted when every requester has gone away: the conversion is dropped if not started. */
  controller: AbortController;
  requesters: number;
}

/** Per database, the reports whose PDF is being read or made in this process. */
const flights = new WeakMap<Db, Map<number, Flight>>();

/**
 * The PDF of the report's issued document, made and stored if needed; null if not issued.
 * Concurrent callers for one report share one read-convert-store (nothing done twice, even
 * between the read that finds nothing and the conversion).
 */
export function issuedReportPdf(
  db: Db,
  reportId: number,
  options: IssuedPdfOptions = {},
): Promise<Uint8Array | null> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abandoned());
  let byReport = flights.get(db);
  if (!byReport) {
    byReport = new Map();
    flights.set(db, byReport);
  }
  const reports = byReport;
  let flight = reports.get(reportId);
  if (!flight) {
    const controller = new AbortController();
    const promise = makeIssuedPdf(
      db,
      reportId,
      options.converter ?? sharedPdfConverter(),
      controller.signal,
    ).finally(() => reports.delete(reportId));
    promise.catch(() => undefined); // every requester may have gone: nobody else reads the failure
    flight = { promise, controller, requesters: 0 };
    reports.set(reportId, flight);
  }
  const joined = flight;
  joined.requesters++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      joined.requesters--;
      if (joined.requesters === 0) joined.controller.abort();
      reject(abandoned());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    joined.promise.then(
      (pdf) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(pdf);
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The job: PDFs of issued reports that have none yet, at most `limit` a run, one at a time. */
export async function storeMissingPdfs(
  db: Db,
  options: { converter?: PdfConverter; limit?: number } = {},
): Promise<{ made: number; failed: number; waiting: number } | { skipped: string }> {
  const converter = options.converter ?? sharedPdfConverter();
  if ((await converter.mode()) === 'none') return { skipped: 'LibreOffice is not installed' };
  const ids = await issuedReportsWithoutPdf(db, options.limit ?? 50);
  let made = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      await issuedReportPdf(db, id, { converter });
      made++;
    } catch (error) {
      // A busy queue (users first) or a document LibreOffice cannot convert: the next run retries.
      if (error instanceof AppError && error.code === 'PDF_BUSY') break;
      failed++;
    }
  }
  return { made, failed, waiting: ids.length - made - failed };
}

let background: { converter?: PdfConverter } | null = null;

/** Called by the job runner: PDFs are made right after issue while the jobs run in this process. */
export function enableIssuedPdfs(options: { converter?: PdfConverter } = {}): () => void {
  const mine = { ...options };
  background = mine;
  return () => {
    if (background === mine) background = null;
  };
}

/** After an issue has committed: makes its PDF in the background (nothing when jobs are off). */
export function pdfAfterIssue(db: Db, reportId: number, log: SchedulerLog): void {
  const options = background;
  if (!options) return;
  void (async () => {
    const converter = options.converter ?? sharedPdfConverter();
    if ((await converter.mode()) === 'none') return;
    await issuedReportPdf(db, reportId, { converter });
    log.info({ job: 'pdfs.issued', reportId }, 'PDF of the issued report stored');
  })().catch((error: unknown) => {
    // The job of the next run tries again.
    log.warn({ job: 'pdfs.issued', reportId, err: error }, 'PDF of the issued report not made');
  });
}
