/**
 * The stored PDFs of issued reports (table report_pdfs). A PDF belongs to one frozen document:
 * it is found through the hash of the report's `issued_document` as PostgreSQL writes it (jsonb
 * text is canonical), so a report issued again with a new number finds no PDF until its new one
 * is made, and an old PDF can never be served for a new document.
 */
import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { OfficialDocument } from '../domain/document.js';
import { SENT_STATUSES } from '../domain/workflow.js';
import type { Queryable } from './client.js';
import { reportPdfs, reports, reportVersions } from './schema.js';

/** sha256 (hex) of the report's frozen document, in SQL. */
const documentHash: SQL<string> = sql<string>`encode(sha256(convert_to(${reports.issuedDocument}::text, 'UTF8')), 'hex')`;

/** The report is sent (its frozen document is the document) and has one. */
const issued = and(inArray(reports.status, [...SENT_STATUSES]), isNotNull(reports.issuedDocument));

/** The stored PDF of the report's issued document, or null (not issued, or not made yet). */
export async function storedReportPdf(q: Queryable, reportId: number): Promise<Uint8Array | null> {
  const [row] = await q
    .select({ pdf: reportPdfs.pdf })
    .from(reports)
    .innerJoin(
      reportPdfs,
      and(eq(reportPdfs.reportId, reports.id), eq(reportPdfs.documentHash, documentHash)),
    )
    .where(and(eq(reports.id, reportId), issued));
  return row ? row.pdf : null;
}

export interface IssuedDocumentKey {
  reportId: number;
  documentHash: string;
  notation: string | null;
}

/** The report's issued document and its key, read together (null when the report is not issued). */
export async function issuedDocumentOf(
  q: Queryable,
  reportId: number,
): Promise<(IssuedDocumentKey & { document: OfficialDocument }) | null> {
  const [row] = await q
    .select({
      reportId: reports.id,
      documentHash,
      notation: reportVersions.notation,
      document: reports.issuedDocument,
    })
    .from(reports)
    .leftJoin(
      reportVersions,
      and(eq(reportVersions.reportId, reports.id), eq(reportVersions.version, reports.version)),
    )
    .where(and(eq(reports.id, reportId), issued));
  return row ? { ...row, document: row.document as OfficialDocument } : null;
}

/** Issued reports whose frozen document has no stored PDF yet (oldest first, at most `limit`). */
export async function issuedReportsWithoutPdf(q: Queryable, limit: number): Promise<number[]> {
  const rows = await q
    .select({ id: reports.id })
    .from(reports)
    .leftJoin(reportPdfs, and(eq(reportPdfs.reportId, reports.id), eq(reportPdfs.documentHash, documentHash)))
    .where(and(issued, isNull(reportPdfs.reportId)))
    .orderBy(reports.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Stores the PDF of an issued document; a PDF already stored for it is kept (made once). */
export async function storeReportPdf(q: Queryable, key: IssuedDocumentKey, pdf: Uint8Array): Promise<void> {
  await q
    .insert(reportPdfs)
    .values({ reportId: key.reportId, documentHash: key.documentHash, notation: key.notation, pdf })
    .onConflictDoNothing();
}
