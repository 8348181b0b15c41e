/**
 * The PDF route on a server without LibreOffice: a 503 with the Vietnamese message, DOCX still
 * served; an issued report whose PDF was stored (made where LibreOffice was) still downloads it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issuedDocumentOf, storeReportPdf } from '../../src/db/report-pdfs.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, signIn } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport, buildSigner } from '../support/documents.js';

// A server where LibreOffice is not found: the real converter, looking where nothing is installed.
vi.mock('../../src/documents/pdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/documents/pdf.js')>();
  const none = real.createPdfConverter({ candidates: ['/nonexistent/soffice'], searchPath: false });
  return {
    ...real,
    findSoffice: async () => null,
    convertToPdf: (docx: Uint8Array) => none.convert(docx),
    sharedPdfConverter: () => none,
  };
});

let database: TestDatabase;
let app: App;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe('documents without LibreOffice', () => {
  it('answers the PDF with 503 and a message pointing to the DOCX, which still downloads', async () => {
    const officer = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
    );
    const id = await buildReport(database.db, '18562', { status: 'draft' });
    const pdf = await officer.request('GET', `/api/reports/${id}/document.pdf`);
    expect(pdf.statusCode).toBe(503);
    expect(pdf.json().error.code).toBe('PDF_UNAVAILABLE');
    expect(pdf.json().error.message).toContain('LibreOffice');
    const preview = await officer.request('GET', `/api/reports/${id}/document/preview`);
    expect(preview.json().pdfAvailable).toBe(false);
    expect((await officer.request('GET', `/api/reports/${id}/document.docx`)).statusCode).toBe(200);
  });

  it("serves an issued report's stored PDF, and says PDF is available for it", async () => {
    const leader = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_leader', unitCode: '18562' }])).username,
    );
    const signerId = await buildSigner(database.db, '18562');
    const id = await buildReport(database.db, '18562');
    const issued = await leader.request('POST', `/api/reports/${id}/issue`, {
      signerId,
      issuedOn: '2026-06-12',
    });
    expect(issued.statusCode).toBe(200);
    expect((await leader.request('GET', `/api/reports/${id}/document.pdf`)).statusCode).toBe(503);
    expect((await leader.request('GET', `/api/reports/${id}/document/preview`)).json().pdfAvailable).toBe(
      false,
    );

    const key = await issuedDocumentOf(database.db, id);
    if (!key) throw new Error('the report is not issued');
    const stored = new TextEncoder().encode('%PDF-1.7 made where LibreOffice was installed');
    await storeReportPdf(database.db, key, stored);
    const pdf = await leader.request('GET', `/api/reports/${id}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.body).toBe('%PDF-1.7 made where LibreOffice was installed');
    expect((await leader.request('GET', `/api/reports/${id}/document/preview`)).json().pdfAvailable).toBe(
      true,
    );
  });
});
