/**
 * PDF at once: an issued report's PDF is made in the background and stored, so its download runs
 * no conversion; the conversion queue is bounded (503 with Retry-After), identical requests share
 * one conversion, and a request abandoned by the client is dropped. A counting converter stands in
 * for LibreOffice (test/documents/pdf.test.ts converts with the real one).
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reportPdfs, reports } from '../../src/db/schema.js';
import { createPdfConverter, type PdfConverter, setSharedPdfConverter } from '../../src/documents/pdf.js';
import type { PdfEngine } from '../../src/documents/pdf-resident.js';
import type { OfficialDocument } from '../../src/domain/document.js';
import { enableIssuedPdfs, pdfAfterIssue, storeMissingPdfs } from '../../src/jobs/issued-pdfs.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport, buildSigner } from '../support/documents.js';

const THACH_HA = '18562';

/** A converter that counts its conversions and holds them until `open()` when `hold()` was called. */
function countingEngine() {
  const state = { conversions: 0, held: false, waiting: [] as (() => void)[] };
  const engine: PdfEngine = {
    async convert(docx) {
      state.conversions++;
      if (state.held) await new Promise<void>((resolve) => state.waiting.push(resolve));
      return new TextEncoder().encode(
        `%PDF-1.7 fake of ${docx.length} bytes, conversion ${state.conversions}`,
      );
    },
    async close() {},
  };
  return {
    state,
    engine,
    hold: () => {
      state.held = true;
    },
    open: () => {
      state.held = false;
      for (const go of state.waiting.splice(0)) go();
    },
  };
}

let database: TestDatabase;
let app: App;
let leader: Client;
let officer: Client;
let signerId: number;
let fake: ReturnType<typeof countingEngine>;
let converter: PdfConverter;
let previous: PdfConverter | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  leader = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_leader', unitCode: THACH_HA }])).username,
  );
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: THACH_HA }])).username,
  );
  signerId = await buildSigner(database.db, THACH_HA, { fullName: 'Trần Văn Ký' });
});
beforeEach(() => {
  fake = countingEngine();
  converter = createPdfConverter({ engine: () => fake.engine, maxWaiting: 1 });
  previous = setSharedPdfConverter(converter);
  return () => {
    fake.open();
    setSharedPdfConverter(previous);
  };
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

async function issuedReport(): Promise<number> {
  const id = await buildReport(database.db, THACH_HA);
  const res = await leader.request('POST', `/api/reports/${id}/issue`, { signerId, issuedOn: '2026-06-12' });
  expect(res.statusCode).toBe(200);
  return id;
}

const storedRows = async (id: number) =>
  database.db.select().from(reportPdfs).where(eq(reportPdfs.reportId, id));

describe('the PDF of an issued report', () => {
  it('is made right after issue in the background, stored, and downloaded with no conversion', async () => {
    const disable = enableIssuedPdfs();
    try {
      const id = await issuedReport();
      // The issue route started it; wait for the background to store it.
      for (let i = 0; i < 100 && (await storedRows(id)).length === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await storedRows(id)).toHaveLength(1);
      expect(fake.state.conversions).toBe(1);

      const first = await officer.request('GET', `/api/reports/${id}/document.pdf`);
      const second = await officer.request('GET', `/api/reports/${id}/document.pdf`);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toBe('application/pdf');
      expect(first.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
      // Both downloads answered the stored file: still the one conversion made at issue.
      expect(fake.state.conversions).toBe(1);
    } finally {
      disable();
    }
  });

  it('is made once by the job for issued reports that have none, and never again', async () => {
    const id = await issuedReport(); // no background here (jobs off): nothing stored yet
    expect(await storedRows(id)).toHaveLength(0);
    const run = await storeMissingPdfs(database.db, { converter });
    expect(run).toMatchObject({ failed: 0 });
    expect(await storedRows(id)).toHaveLength(1);
    const before = fake.state.conversions;
    expect(await storeMissingPdfs(database.db, { converter })).toMatchObject({ made: 0 });
    expect(fake.state.conversions).toBe(before);
  });

  it('is not served for a document issued again with another number: a new PDF is made', async () => {
    const id = await issuedReport();
    await storeMissingPdfs(database.db, { converter });
    const old = (await officer.request('GET', `/api/reports/${id}/document.pdf`)).rawPayload;
    const [row] = await database.db.select().from(reports).where(eq(reports.id, id));
    const reissued = { ...(row?.issuedDocument as OfficialDocument), number: 999 };
    await database.db.update(reports).set({ issuedDocument: reissued }).where(eq(reports.id, id));

    const fresh = await officer.request('GET', `/api/reports/${id}/document.pdf`);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.rawPayload.equals(old)).toBe(false);
    expect(await storedRows(id)).toHaveLength(2);
  });

  it('requested many times at once: every request gets the one PDF, converted and stored once', async () => {
    const id = await issuedReport();
    fake.hold();
    const requests = Array.from({ length: 6 }, () =>
      officer.request('GET', `/api/reports/${id}/document.pdf`),
    );
    await new Promise((r) => setTimeout(r, 100));
    fake.open();
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(fake.state.conversions).toBe(1);
    expect(await storedRows(id)).toHaveLength(1);
  });

  it('a conversion failing in the background leaves nothing stored and the download still works', async () => {
    const failing = createPdfConverter({
      engine: () => ({
        convert: async () => {
          throw new Error('soffice crashed');
        },
        close: async () => undefined,
      }),
    });
    const disable = enableIssuedPdfs({ converter: failing });
    const warnings: object[] = [];
    try {
      const id = await issuedReport();
      pdfAfterIssue(database.db, id, {
        info: () => undefined,
        warn: (o) => warnings.push(o),
        error: () => undefined,
      });
      for (let i = 0; i < 100 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(warnings.length).toBeGreaterThan(0);
      expect(await storedRows(id)).toHaveLength(0);
      const res = await officer.request('GET', `/api/reports/${id}/document.pdf`);
      expect(res.statusCode).toBe(200);
      expect(await storedRows(id)).toHaveLength(1);
    } finally {
      disable();
    }
  });
});

describe('the PDF queue, through the download route', () => {
  it('refuses with 503, a Vietnamese message and Retry-After when full; the others still get their PDF', async () => {
    const drafts = await Promise.all(
      [1, 2, 3].map(() => buildReport(database.db, THACH_HA, { status: 'draft' })),
    );
    fake.hold();
    const running = officer.request('GET', `/api/reports/${drafts[0]}/document.pdf`);
    await new Promise((r) => setTimeout(r, 100));
    const waiting = officer.request('GET', `/api/reports/${drafts[1]}/document.pdf`);
    await new Promise((r) => setTimeout(r, 100));
    const refused = await officer.request('GET', `/api/reports/${drafts[2]}/document.pdf`);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json().error.code).toBe('PDF_BUSY');
    expect(refused.json().error.message).toMatch(/^Máy chủ đang bận chuyển nhiều văn bản khác sang PDF/);
    fake.open();
    expect((await running).statusCode).toBe(200);
    expect((await waiting).statusCode).toBe(200);
    // Nothing was lost: asked again, the refused one is served.
    expect((await officer.request('GET', `/api/reports/${drafts[2]}/document.pdf`)).statusCode).toBe(200);
  });

  it('drops the conversion of a request whose client went away before it started', async () => {
    const [busy, abandoned] = await Promise.all(
      [1, 2].map(() => buildReport(database.db, THACH_HA, { status: 'draft' })),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    fake.hold();
    const first = fetch(`${base}/api/reports/${busy}/document.pdf`, { headers: { cookie: officer.cookie } });
    for (let i = 0; i < 100 && fake.state.conversions === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const controller = new AbortController();
    const gone = fetch(`${base}/api/reports/${abandoned}/document.pdf`, {
      headers: { cookie: officer.cookie },
      signal: controller.signal,
    }).catch((error: unknown) => error);
    for (let i = 0; i < 100 && converter.waiting === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(converter.waiting).toBe(1);
    controller.abort();
    for (let i = 0; i < 100 && converter.stats.dropped === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    fake.open();
    expect((await first).status).toBe(200);
    await gone;
    expect(converter.stats.dropped).toBe(1);
    // Only the first document was converted: the abandoned one never reached LibreOffice.
    expect(fake.state.conversions).toBe(1);
  });
});
