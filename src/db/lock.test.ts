import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DataDirLockedError,
  LOCK_FILE,
  type LockRecord,
  lockDataDir,
  STALE_REMOTE_MS,
  staleReason,
} from './lock.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'doingoai-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => {
  const dir = path.join(root, `d${++n}`);
  mkdirSync(dir);
  return dir;
};

const here = { hostname: 'may-a', bootId: 'boot-1', folder: { dev: 1, ino: 100 } };
const record = (over: Partial<LockRecord> = {}): LockRecord => ({
  pid: 4242,
  hostname: 'may-a',
  bootId: 'boot-1',
  processStart: '777',
  folder: { dev: 1, ino: 100 },
  token: 't',
  startedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const alive = { isAlive: () => true, processStart: () => '777' };

describe('whether a lock still protects its folder', () => {
  it('holds while its process lives on this host, in this boot, on this folder', () => {
    expect(staleReason(record(), here, 0, alive)).toBeNull();
  });
  it('is stale when the process is gone, its pid now belongs to another process, or the machine restarted', () => {
    expect(staleReason(record(), here, 0, { ...alive, isAlive: () => false })).toMatch(/không còn chạy/);
    expect(staleReason(record(), here, 0, { ...alive, processStart: () => '999' })).toMatch(
      /tiến trình khác/,
    );
    expect(staleReason(record({ bootId: 'boot-0' }), here, 0, alive)).toMatch(/khởi động lại/);
  });
  it('is stale on a copy of the folder, here or from another host', () => {
    expect(staleReason(record({ folder: { dev: 1, ino: 555 } }), here, 0, alive)).toMatch(/bản sao/);
    expect(staleReason(record({ hostname: 'may-b', folder: { dev: 9, ino: 555 } }), here, 0, alive)).toMatch(
      /bản sao/,
    );
  });
  it('from another host on the same folder (a network share), holds while refreshed', () => {
    const remote = record({ hostname: 'may-b', folder: { dev: 9, ino: 100 } });
    expect(staleReason(remote, here, 1_000, alive)).toBeNull();
    expect(staleReason(remote, here, STALE_REMOTE_MS + 1, alive)).toMatch(/không còn giữ khóa/);
  });
});

describe('lockDataDir', () => {
  it('refuses a folder held by a live process, naming it, and frees it on release', async () => {
    const dir = folder();
    const lock = await lockDataDir(dir);
    const error = await lockDataDir(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toMatch(new RegExp(`tiến trình số ${process.pid} trên máy`));
    await lock.release();
    await (await lockDataDir(dir)).release();
  });

  it('takes over at once the lock of a process killed with SIGKILL', async () => {
    const dir = folder();
    // A real process that took the lock and was killed: its pid is dead now.
    const child = spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 10)']);
    expect(child.status).toBe(0);
    const mine = await lockDataDir(dir);
    const stale = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockRecord;
    await mine.release();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...stale, pid: child.pid, token: 'dead' }));
    const started = performance.now();
    const lock = await lockDataDir(dir);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('opens a copy of a folder whose original is in use', async () => {
    const dir = folder();
    const original = await lockDataDir(dir);
    const copy = path.join(root, `copy${n}`);
    cpSync(dir, copy, { recursive: true });
    const lock = await lockDataDir(copy);
    await lock.release();
    await original.release();
  });

  it('takes over a lock of an earlier version (a folder) once it is no longer refreshed', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, LOCK_FILE));
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    const old = new Date(Date.now() - 60_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(path.join(dir, LOCK_FILE), old, old);
    await (await lockDataDir(dir)).release();
  });
});
