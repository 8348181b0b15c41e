/** The PDF route on a server without LibreOffice: a 503 with the Vietnamese message, DOCX still served. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, signIn } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport } from '../support/documents.js';

vi.mock('../../src/documents/pdf.js', () => ({
  findSoffice: async () => null,
  convertToPdf: async () => {
    throw new AppError('PDF_UNAVAILABLE');
  },
}));

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
});
