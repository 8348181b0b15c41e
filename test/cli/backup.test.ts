/**
 * `doingoai backup` and `doingoai restore` as an operator runs them, on the embedded database:
 * a backup while the server runs (through its socket), a restore refused while it runs, a backup
 * of the stopped folder restored into a new folder identically, and clear messages for a
 * non-empty target, a damaged archive and a missing file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseChecksums, readBackup } from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/client.js';
import { run, startServer } from '../support/process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-backup-'));
const live = path.join(dir, 'live');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checksumsOf(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    return await databaseChecksums(database.db);
  } finally {
    await database.close();
  }
}

describe('doingoai backup and restore (embedded database)', () => {
  it('backs up while the server runs, refuses to restore under it, and restores a stopped folder identically', async () => {
    const online = path.join(dir, 'online.zip');
    const server = await startServer({ DATA_DIR: live });
    try {
      const taken = await run(['backup', online], { DATA_DIR: live });
      expect(taken.code, taken.stderr).toBe(0);
      expect(taken.stdout).toMatch(/Đã sao lưu CSDL nhúng .* \(qua máy chủ đang chạy\): \d+ bảng, \d+ dòng/);
      const refused = await run(['restore', online], { DATA_DIR: live });
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/Hãy dừng máy chủ trước khi khôi phục/);
      // The server still serves after both.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const { manifest } = readBackup(new Uint8Array(readFileSync(online)));
    expect(manifest.source).toBe('pglite');
    expect(manifest.tables.find((t) => t.name === 'units')?.rows).toBeGreaterThan(3000);

    // The online backup restores into a new folder (restore checks every table against it).
    const fromOnline = path.join(dir, 'from-online');
    const restored = await run(['restore', online], { DATA_DIR: fromOnline });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Đã khôi phục \d+ bảng, \d+ dòng/);

    // A backup of the stopped folder restores to exactly the same content.
    const offline = path.join(dir, 'offline.zip');
    const stopped = await run(['backup', offline], { DATA_DIR: live });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout).not.toMatch(/máy chủ đang chạy/);
    // A non-empty target needs --force.
    const again = await run(['restore', offline], { DATA_DIR: fromOnline });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/đã có dữ liệu.*--force/);
    const forced = await run(['restore', offline, '--force'], { DATA_DIR: fromOnline });
    expect(forced.code, forced.stderr).toBe(0);
    expect(await checksumsOf(fromOnline)).toEqual(await checksumsOf(live));
  }, 300_000);

  it('explains a damaged archive, a file that is not a backup and a missing file', async () => {
    const target = path.join(dir, 'untouched');
    const damaged = path.join(dir, 'damaged.zip');
    const bytes = readFileSync(path.join(dir, 'offline.zip'));
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const bad = await run(['restore', damaged], { DATA_DIR: target });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/không phải bản sao lưu doingoai/);

    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'không phải sao lưu\n');
    const wrong = await run(['restore', text], { DATA_DIR: target });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/không phải bản sao lưu doingoai/);

    const missing = await run(['restore', path.join(dir, 'none.zip')], { DATA_DIR: target });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Không đọc được tệp .*none\.zip: không có tệp này/);

    const nothing = await run(['backup', path.join(dir, 'x.zip')], { DATA_DIR: path.join(dir, 'empty') });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/Không có cơ sở dữ liệu nhúng/);
  }, 180_000);
});
