/**
 * Rendering for the download routes: DOCX (checked against the decree's layout rules), PDF through
 * the LibreOffice queue, and the file names. The renderers are loaded on first use, not at start.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { OfficialDocument } from '../../domain/document.js';
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

/** PDF of a DOCX; without LibreOffice the converter throws its 503 error with a Vietnamese message. */
export async function renderPdf(docx: Uint8Array): Promise<Uint8Array> {
  const { convertToPdf } = await import('../../documents/pdf.js');
  return convertToPdf(docx);
}

/** Is LibreOffice installed (can the server produce PDFs)? */
export async function pdfAvailable(): Promise<boolean> {
  const { findSoffice } = await import('../../documents/pdf.js');
  return (await findSoffice()) !== null;
}
