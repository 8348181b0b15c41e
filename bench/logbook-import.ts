/**
 * A 50,000-row sheet imported into a register (`npm run bench -- logbook-import`), through HTTP on
 * the real routes, on PGlite (a folder, as served) and on PostgreSQL (a temporary database):
 * - the upload: the file read, the mapping proposed, every row checked for the preview;
 * - the background run after the confirmation: read again, checked, every record written in one
 *   transaction (polled as the dialog does, every 200 ms);
 * - the export of the 50,000 records as XLSX and CSV.
 * One row in a hundred is refused (a wrong date). Figures, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { CLI_ACTOR, SEED_ACTOR } from '../src/db/audit.js';
import { seedCatalogue } from '../src/db/catalogue.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { hashPassword } from '../src/db/password-hash.js';
import { units } from '../src/db/schema.js';
import { createUser } from '../src/db/users.js';
import type { ImportStatusView, ImportUpload } from '../src/domain/api-logbook-sheets.js';
import { buildApp } from '../src/server/app.js';
import { adminUrl, connectAdmin, createTempDatabase, redacted } from './postgres.js';

const ROWS = 50_000;
const COUNTRIES = ['Hàn Quốc', 'Nhật Bản', 'Lào', 'Trung Quốc', 'Hoa Kỳ', 'Pháp'];

async function sheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Đoàn');
  ws.addRow(['SỔ THEO DÕI ĐOÀN RA, ĐOÀN VÀO (dữ liệu tạo cho benchmark)']);
  ws.addRow([
    'STT',
    'Ngày bắt đầu',
    'Ngày kết thúc',
    'Loại đoàn',
    'Mục đích, nội dung',
    'Số thành viên',
    'Nước, vùng lãnh thổ',
    'Văn bản cho phép',
  ]);
  for (let i = 1; i <= ROWS; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 700)));
    ws.addRow([
      i,
      i % 100 === 0 ? `${i}/13/2026` : day,
      null,
      i % 2 ? 'Đoàn ra' : 'Đoàn vào',
      `Đoàn công tác số ${i} làm việc về hợp tác giáo dục và đầu tư`,
      (i % 20) + 1,
      `${COUNTRIES[i % COUNTRIES.length]}; ${COUNTRIES[(i + 1) % COUNTRIES.length]}`,
      `${i}/QĐ-UBND ngày 03/3/2026`,
    ]);
  }
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const ms = (t: number) => `${Math.round(t).toLocaleString('en')} ms`;

async function run(label: string, database: Database, file: Buffer): Promise<void> {
  await database.migrate();
  await database.db.transaction((tx) => seedCatalogue(tx, SEED_ACTOR));
  const app = await buildApp({
    db: database.db,
    config: { sessionTtlHours: 12, cookieSecure: false, trustedOrigins: [], env: 'test' },
    webDist: '/nonexistent',
  });
  try {
    const [unit] = await database.db
      .select({ id: units.id })
      .from(units)
      .where(eq(units.code, '18562'))
      .limit(1);
    const unitId = unit?.id ?? 0;
    await createUser(database.db, CLI_ACTOR, {
      username: 'bench.canbo',
      fullName: 'Cán bộ benchmark',
      passwordHash: await hashPassword('mat-khau-benchmark'),
      grants: [{ role: 'commune_officer', unitId }],
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'bench.canbo', password: 'mat-khau-benchmark' },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';

    let start = performance.now();
    const up = await app.inject({
      method: 'POST',
      url: `/api/logbook/${unitId}/delegation/imports?fileName=bench.xlsx`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: file,
    });
    const uploadMs = performance.now() - start;
    if (up.statusCode !== 200) throw new Error(`upload: ${up.statusCode} ${up.body.slice(0, 300)}`);
    const upload = up.json() as ImportUpload;

    start = performance.now();
    await app.inject({
      method: 'POST',
      url: `/api/logbook/imports/${upload.import.id}/confirm`,
      headers: { cookie },
      payload: { mapping: upload.mapping },
    });
    const phases: Record<string, number> = {};
    let status: ImportStatusView;
    let polls = 0;
    let slowestPoll = 0;
    for (;;) {
      const pollStart = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/logbook/imports/${upload.import.id}`,
        headers: { cookie },
      });
      slowestPoll = Math.max(slowestPoll, performance.now() - pollStart);
      polls++;
      status = res.json() as ImportStatusView;
      phases[status.status] ??= performance.now() - start;
      if (status.status === 'done' || status.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const runMs = performance.now() - start;

    start = performance.now();
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/logbook/${unitId}/delegation/export?format=xlsx`,
      headers: { cookie },
    });
    const xlsxMs = performance.now() - start;
    start = performance.now();
    const csv = await app.inject({
      method: 'GET',
      url: `/api/logbook/${unitId}/delegation/export?format=csv`,
      headers: { cookie },
    });
    const csvMs = performance.now() - start;

    console.log(`\n${label}`);
    console.log(
      `  upload + mapping + preview of every row: ${ms(uploadMs)} (${upload.preview.acceptedRows} accepted, ${upload.preview.refusedRows} refused)`,
    );
    console.log(
      `  background run: ${ms(runMs)} → ${status.status}, ${status.createdRows} records, ${status.refusedRows} refused; ` +
        `phase first seen at ${Object.entries(phases)
          .map(([k, v]) => `${k} ${ms(v)}`)
          .join(', ')}; ` +
        `${polls} polls, slowest ${ms(slowestPoll)}`,
    );
    console.log(
      `  total (upload to done): ${ms(uploadMs + runMs)}, ${Math.round((ROWS / (uploadMs + runMs)) * 1000).toLocaleString('en')} rows/s`,
    );
    console.log(
      `  export XLSX ${ms(xlsxMs)} (${(xlsx.rawPayload.length / 1e6).toFixed(1)} MB), CSV ${ms(csvMs)} (${(csv.rawPayload.length / 1e6).toFixed(1)} MB)`,
    );
  } finally {
    await app.close();
  }
}

export async function benchLogbookImport(): Promise<void> {
  console.log(`\n## Logbook import: ${ROWS.toLocaleString('en')} rows (delegations register, XLSX)`);
  let start = performance.now();
  const file = await sheet();
  console.log(`sheet made: ${(file.length / 1e6).toFixed(1)} MB in ${ms(performance.now() - start)}`);

  const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-bench-import-'));
  try {
    const pglite = await openDatabase({ dataDir: dir });
    try {
      await run('PGlite (folder)', pglite, file);
    } finally {
      await pglite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const url = adminUrl();
  const admin = await connectAdmin(url);
  if (!admin) return;
  const name = 'doingoai_bench_import';
  try {
    if (!(await createTempDatabase(admin, name, url))) return;
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    start = performance.now();
    const pg = await openDatabase({ databaseUrl: dbUrl.toString() });
    try {
      await run(`PostgreSQL (${redacted(url)})`, pg, file);
    } finally {
      await pg.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}
