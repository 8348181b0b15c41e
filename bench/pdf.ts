/**
 * PDF at once (`npm run bench -- pdf`), all in the same run on the same DOCX (a commune 6-month
 * report):
 *
 * - reference: a bare cold `soffice --headless --convert-to pdf` (a new LibreOffice process per
 *   document, its profile already made: what the app did before);
 * - the app's conversion: the resident LibreOffice, warm (after its first document);
 *   target ≤ 0.5× the reference;
 * - the download of an issued report's stored PDF (`GET /api/reports/:id/document.pdf`, the app in
 *   this process on an in-memory database): no conversion at all.
 *
 * Medians; BENCH_PDF_RUNS sets the conversions measured (default 7). Figures grow with the load of
 * the machine (printed); the ratios are measured side by side and hold better.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDocx } from '../src/documents/docx.js';
import { createPdfConverter, findSoffice, setSharedPdfConverter } from '../src/documents/pdf.js';
import { issuedReportPdf } from '../src/jobs/issued-pdfs.js';
import { communeReport } from '../test/documents/fixtures.js';
import { buildTestApp, buildUser, signIn } from '../test/support/app.js';
import { createTestDatabase } from '../test/support/db.js';
import { buildReport, buildSigner } from '../test/support/documents.js';

const RUNS = Math.max(3, Number(process.env.BENCH_PDF_RUNS) || 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The stored PDF's download through the route, on an issued report (ms, median). */
async function storedDownload(): Promise<number> {
  const database = await createTestDatabase();
  const app = await buildTestApp(database.db);
  try {
    const commune = '18562';
    const leader = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_leader', unitCode: commune }])).username,
    );
    const signerId = await buildSigner(database.db, commune);
    const id = await buildReport(database.db, commune);
    const issued = await leader.request('POST', `/api/reports/${id}/issue`, {
      signerId,
      issuedOn: '2026-06-12',
    });
    if (issued.statusCode !== 200) throw new Error(`issue failed: ${issued.body}`);
    await issuedReportPdf(database.db, id); // what the background does after issue
    const download = async () => {
      const res = await leader.request('GET', `/api/reports/${id}/document.pdf`);
      if (res.statusCode !== 200) throw new Error(`download failed: ${res.statusCode}`);
    };
    await timed(10, download); // warm-up
    return await timed(50, download);
  } finally {
    await app.close();
    await database.destroy();
  }
}

export async function benchPdf(): Promise<void> {
  const load = loadavg()[0] ?? 0;
  console.log(`pdf (load average ${load.toFixed(1)} on ${cpus().length} cores: figures grow with load):`);
  const soffice = await findSoffice();
  if (!soffice) {
    console.log('  LibreOffice is not installed here: no conversion figures.');
    return;
  }
  const docx = await renderDocx(communeReport());
  const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-bench-pdf-'));
  const converter = createPdfConverter();
  const previous = setSharedPdfConverter(converter);
  try {
    const input = path.join(dir, 'document.docx');
    writeFileSync(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const bare = () =>
      execFileSync(
        soffice,
        [
          '--headless',
          `-env:UserInstallation=${profile}`,
          '--convert-to',
          'pdf',
          '--outdir',
          path.join(dir, 'out'),
          input,
        ],
        { stdio: 'ignore' },
      );
    bare(); // makes the profile (the first start of a fresh profile takes seconds more)
    const mode = await converter.mode();
    const startAt = performance.now();
    await converter.convert(docx); // starts the resident LibreOffice
    const startMs = performance.now() - startAt;

    // Interleaved, so that both see the same load.
    const bareTimes: number[] = [];
    const appTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareTimes.push(await timed(1, bare));
      appTimes.push(await timed(1, () => converter.convert(docx)));
    }
    const bareMs = median(bareTimes);
    const appMs = median(appTimes);
    const ratio = appMs / bareMs;
    console.log(
      `  bare cold soffice --convert-to pdf: ${bareMs.toFixed(0)} ms (median of ${RUNS}; the reference)`,
    );
    console.log(
      `  app conversion (${mode}, warm): ${appMs.toFixed(0)} ms = ${ratio.toFixed(2)}× the reference ` +
        `(target ≤ 0.5×: ${ratio <= 0.5 ? 'met' : 'NOT met'}); its first document, with LibreOffice's start: ${startMs.toFixed(0)} ms`,
    );
    const downloadMs = await storedDownload();
    console.log(
      `  download of an issued report's stored PDF: ${downloadMs.toFixed(1)} ms (median of 50) = ` +
        `${(downloadMs / bareMs).toFixed(3)}× the reference, no conversion`,
    );
  } finally {
    setSharedPdfConverter(previous);
    await converter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
