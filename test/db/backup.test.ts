/**
 * Backup and restore (src/db/backup.ts): a database filled through the app (users, sessions,
 * reports through the whole workflow, register entries, reminders, the audit log) is backed up and
 * restored into a fresh database, and every table's checksum and every sequence are identical. On
 * PostgreSQL the same archive is also restored into the embedded database. A non-empty target, a
 * corrupted archive, a file that is not a backup and an archive of a newer schema are refused with
 * a Vietnamese message, and a restore that fails half-way leaves the target as it was.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  createBackup,
  databaseChecksums,
  readBackup,
  restoreBackup,
  sequenceValues,
} from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/client.js';
import { findCurrentOutline } from '../../src/db/outlines.js';
import { runReminders } from '../../src/db/reminders.js';
import { rounds, roundUnits } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import { communeReport } from '../../src/domain/outlines/index.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/db.js';
import { buildSigner } from '../support/documents.js';

const THACH_HA = '18562';
const NIL_OTHERS = communeReport.sections
  .filter((s) => s.key !== 'delegations' && s.nilPhrase)
  .map((s) => s.key);
const REQUIRED = {
  'agreements.signed': 0,
  'conferences.count': 0,
  'ngo.projects': 0,
  'foreigners.resident': 0,
};

let source: TestDatabase;
let app: App;
let archive: Uint8Array;
const opened: { destroy(): Promise<void> }[] = [];

async function fresh(): Promise<TestDatabase> {
  const database = await createTestDatabase({ catalogue: false });
  opened.push(database);
  return database;
}

/** Users, sessions, three reports issued with numbers, a returned one, reminders, audit rows. */
async function fill(): Promise<void> {
  const unit = await unitId(source.db, THACH_HA);
  const user = async (role: Parameters<typeof buildUser>[1][number]['role'], unitCode: string) =>
    signIn(app, (await buildUser(source.db, [{ role, unitCode }])).username);
  const officer = await user('commune_officer', THACH_HA);
  const leader = await user('commune_leader', THACH_HA);
  await user('province_officer', '42');
  const outline = await findCurrentOutline(source.db, 'commune-report');
  const signerId = await buildSigner(source.db, THACH_HA, { fullName: 'Trần Văn Ký' });
  const ok = async (client: Client, method: 'POST' | 'PUT', url: string, body: object) => {
    const res = await client.request(method, url, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReportView;
  };
  for (let month = 1; month <= 4; month += 1) {
    let view = await ok(officer, 'POST', `/api/units/${unit}/reports`, {
      outlineId: outline?.id,
      period: { kind: 'month', year: 2026, index: month },
    });
    view = await ok(officer, 'PUT', `/api/reports/${view.report.id}`, {
      revision: view.report.revision,
      content: {
        ...view.content,
        values: { ...REQUIRED, 'delegations.in.count': month, 'delegations.out.count': 1 },
        nil: { all: false, sections: NIL_OTHERS },
      },
    });
    view = await ok(officer, 'POST', `/api/reports/${view.report.id}/submit`, {
      revision: view.report.revision,
    });
    if (month === 4) {
      await ok(leader, 'POST', `/api/reports/${view.report.id}/return`, {
        revision: view.report.revision,
        comment: 'Đề nghị rà soát lại số liệu, ghi rõ "đoàn vào".',
      });
      continue;
    }
    view = await ok(leader, 'POST', `/api/reports/${view.report.id}/approve`, {
      revision: view.report.revision,
    });
    await ok(leader, 'POST', `/api/reports/${view.report.id}/issue`, { signerId, issuedOn: '2026-06-12' });
  }
  // A round with a reminder today: notifications.
  const [round] = await source.db
    .insert(rounds)
    .values({
      unitId: await unitId(source.db, '42'),
      name: 'Báo cáo tháng 5 năm 2026',
      outlineId: outline?.id ?? 0,
      outlineCode: 'commune-report',
      periodKind: 'month',
      periodYear: 2026,
      periodIndex: 5,
      periodKey: 'month-2026-05',
      windowStart: '2026-05-01',
      windowEnd: '2026-05-31',
      deadlineDays: 3,
      deadline: '2026-06-04',
    })
    .returning({ id: rounds.id });
  await source.db.insert(roundUnits).values({ roundId: round?.id ?? 0, unitId: unit });
  const reminded = await runReminders(source.db, '2026-06-03', { email: false });
  expect(reminded.created).toBeGreaterThan(0);
}

beforeAll(async () => {
  source = await createTestDatabase();
  app = await buildTestApp(source.db);
  await fill();
  archive = await createBackup(source);
});
afterAll(async () => {
  await app?.close();
  for (const database of opened) await database.destroy();
  await source?.destroy();
});

// A fresh database, a restore of the whole catalogue and the checksums: slow on a loaded machine.
describe('backup and restore', { timeout: 120_000 }, () => {
  it(`restores every table and sequence identically (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const { manifest } = readBackup(archive);
    const count = (name: string) => manifest.tables.find((t) => t.name === name)?.rows ?? 0;
    expect(count('register_entries')).toBe(3);
    expect(count('reports')).toBe(4);
    expect(count('audit_log')).toBeGreaterThan(20);
    expect(count('sessions')).toBe(3);
    expect(count('notifications')).toBeGreaterThan(0);
    expect(count('__drizzle_migrations')).toBe(manifest.migrations.count);

    const target = await fresh();
    const summary = await restoreBackup(target, readBackup(archive), { force: false });
    expect(summary.tables).toBe(manifest.tables.length);
    const expected = await databaseChecksums(source.db);
    expect(Object.keys(expected)).toHaveLength(manifest.tables.length);
    expect(await databaseChecksums(target.db)).toEqual(expected);
    expect(await sequenceValues(target.db)).toEqual(await sequenceValues(source.db));
    // The restored database works: a new issue takes the next number, new rows the next ids.
    const restoredApp = await buildTestApp(target.db);
    try {
      const officer = await signIn(
        restoredApp,
        (await buildUser(target.db, [{ role: 'commune_officer', unitCode: THACH_HA }])).username,
      );
      const res = await officer.request('GET', '/api/auth/me');
      expect(res.statusCode).toBe(200);
    } finally {
      await restoredApp.close();
    }
  });

  // Only PostgreSQL has a second kind of database to restore into here.
  if (usingPostgres)
    it('restores a PostgreSQL backup into the embedded database, identically', async () => {
      const embedded = await openDatabase({ memory: true });
      try {
        await restoreBackup(embedded, readBackup(archive), { force: false });
        expect(await databaseChecksums(embedded.db)).toEqual(await databaseChecksums(source.db));
        expect(await sequenceValues(embedded.db)).toEqual(await sequenceValues(source.db));
      } finally {
        await embedded.close();
      }
    });

  let replaced: TestDatabase;
  it('refuses a database that has data unless forced, and then replaces it', async () => {
    const target = await createTestDatabase();
    opened.push(target);
    replaced = target;
    const before = await databaseChecksums(target.db);
    await expect(restoreBackup(target, readBackup(archive), { force: false })).rejects.toThrow(
      /đã có dữ liệu.*--force/,
    );
    expect(await databaseChecksums(target.db)).toEqual(before);
    await restoreBackup(target, readBackup(archive), { force: true });
    expect(await databaseChecksums(target.db)).toEqual(await databaseChecksums(source.db));
  });

  it('refuses a corrupted archive and a file that is not a backup, with a clear message', () => {
    const damaged = archive.slice();
    for (let i = 200; i < 260; i += 1) damaged[i] = (damaged[i] ?? 0) ^ 0xff;
    expect(() => readBackup(damaged)).toThrow(BackupError);
    expect(() => readBackup(damaged)).toThrow(/bản sao lưu/i);
    expect(() => readBackup(archive.slice(0, archive.length / 2))).toThrow(/không phải bản sao lưu doingoai/);
    expect(() => readBackup(strToU8('CREATE TABLE users (id int);'))).toThrow(
      'Tệp này không phải bản sao lưu doingoai (không đọc được nội dung nén).',
    );
    expect(() => readBackup(zipSync({ 'notes.txt': strToU8('xin chào') }))).toThrow(/thiếu manifest\.json/);
  });

  /** The archive with its manifest (and files) changed, the files' checksums kept right. */
  function rewrite(change: (manifest: Record<string, unknown>, files: Record<string, Uint8Array>) => void) {
    const files = unzipSync(archive);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as Record<
      string,
      unknown
    >;
    change(manifest, files);
    for (const t of manifest.tables as { file: string; sha256: string }[]) {
      t.sha256 = createHash('sha256')
        .update(files[t.file] ?? new Uint8Array())
        .digest('hex');
    }
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    return zipSync(files);
  }

  it('refuses an archive made by a newer version (a migration this version does not know)', async () => {
    const newer = rewrite((_, files) => {
      const name = 'tables/drizzle.__drizzle_migrations.jsonl';
      files[name] = strToU8(
        `${strFromU8(files[name] ?? new Uint8Array())}{"id":99,"hash":"f00d","created_at":9999999999999}\n`,
      );
    });
    const newerArchive = rewrite((m, files) => {
      Object.assign(files, unzipSync(newer));
      for (const t of m.tables as { name: string; rows: number }[]) {
        if (t.name === '__drizzle_migrations') t.rows += 1;
      }
    });
    // Refused before the database is touched: the source itself is safe to name.
    const before = await databaseChecksums(source.db);
    await expect(restoreBackup(source, readBackup(newerArchive), { force: true })).rejects.toThrow(
      /phiên bản doingoai mới hơn/,
    );
    expect(await databaseChecksums(source.db)).toEqual(before);
  });

  it('rolls everything back when the restored data do not match the archive: nothing half restored', async () => {
    const target = replaced;
    await buildUser(target.db, [{ role: 'commune_officer', unitCode: THACH_HA }]);
    const before = await databaseChecksums(target.db);
    const wrong = rewrite((m) => {
      const t = (m.tables as { name: string; md5: string }[]).find((x) => x.name === 'reports');
      if (t) t.md5 = '0'.repeat(32);
    });
    await expect(restoreBackup(target, readBackup(wrong), { force: true })).rejects.toThrow(
      /không khớp bản sao lưu ở bảng reports.*không thay đổi/,
    );
    expect(await databaseChecksums(target.db)).toEqual(before);
  });
});
