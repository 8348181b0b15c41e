/**
 * An exclusive lock on a PGlite data folder. PGlite does not lock its folder itself, and two
 * processes on one folder silently corrupt it, so every process takes this lock before opening.
 *
 * The lock is a file naming its holder: process id, the process's start time, the host, the boot
 * and the folder itself (device and inode). A lock whose holder is gone is taken over at once, so
 * the server starts again straight after a kill -9 or a power cut:
 * - same host, same boot: the holder is gone when its pid is not alive, or is now another process
 *   (a different start time: the pid was reused, as pid 1 in a restarted container);
 * - same host, another boot: the machine restarted since, the holder is gone;
 * - another folder (other inode): the folder was copied with its lock, the lock is not ours;
 * - another host: a copy too, unless the folder is the same one seen over a network share (same
 *   inode) and its holder still refreshes it (every HEARTBEAT_MS): then it is refused.
 * A lock held by a live process is refused with a message naming it.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'doingoai.lock';
/** The holder refreshes its lock this often; a lock from another host older than STALE_REMOTE_MS is stale. */
export const HEARTBEAT_MS = 10_000;
export const STALE_REMOTE_MS = 3 * HEARTBEAT_MS;

export interface LockRecord {
  pid: number;
  hostname: string;
  /** Linux's boot id: another value means the machine restarted since the lock was taken. */
  bootId: string | null;
  /** The holder's start time as the kernel counts it (/proc/<pid>/stat), to tell a reused pid. */
  processStart: string | null;
  folder: { dev: number; ino: number };
  token: string;
  startedAt: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Pick<LockRecord, 'pid' | 'hostname' | 'startedAt'> | null,
  ) {
    const who = holder
      ? ` (tiến trình số ${holder.pid} trên máy ${holder.hostname}, chạy từ ${holder.startedAt})`
      : '';
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình doingoai khác sử dụng${who}. ` +
        'Hãy dừng tiến trình đó trước, hoặc chỉ định thư mục khác bằng DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const bootId = (): string | null =>
  readOr(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), null);

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function processStart(pid: number): string | null {
  return readOr(() => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  }, null);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function folderId(dataDir: string): { dev: number; ino: number } {
  const st = statSync(dataDir);
  return { dev: st.dev, ino: st.ino };
}

/** Why a lock found on the folder no longer protects anything, or null when its holder may be alive. */
export function staleReason(
  record: LockRecord,
  here: { hostname: string; bootId: string | null; folder: { dev: number; ino: number } },
  lockAgeMs: number,
  probe: { isAlive: (pid: number) => boolean; processStart: (pid: number) => string | null } = {
    isAlive,
    processStart,
  },
): string | null {
  if (record.hostname !== here.hostname) {
    if (record.folder.ino !== here.folder.ino) return `bản sao của thư mục từ máy ${record.hostname}`;
    return lockAgeMs > STALE_REMOTE_MS ? `máy ${record.hostname} không còn giữ khóa` : null;
  }
  if (record.folder.dev !== here.folder.dev || record.folder.ino !== here.folder.ino) {
    return 'bản sao của một thư mục dữ liệu khác';
  }
  if (record.bootId && here.bootId && record.bootId !== here.bootId) return 'máy đã khởi động lại';
  if (!probe.isAlive(record.pid)) return `tiến trình số ${record.pid} không còn chạy`;
  const start = probe.processStart(record.pid);
  if (record.processStart && start && start !== record.processStart) {
    return `số tiến trình ${record.pid} nay thuộc một tiến trình khác`;
  }
  return null;
}

function parseRecord(text: string): LockRecord | null {
  try {
    const r = JSON.parse(text) as Partial<LockRecord>;
    if (typeof r.pid !== 'number' || typeof r.hostname !== 'string' || typeof r.token !== 'string')
      return null;
    if (!r.folder || typeof r.folder.ino !== 'number' || typeof r.folder.dev !== 'number') return null;
    return r as LockRecord;
  } catch {
    return null;
  }
}

/** Writes the record to a file of its own, then links it in place: the lock is never half written. */
function tryCreate(lockPath: string, record: LockRecord): boolean {
  const tmp = `${lockPath}.${record.token}`;
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(record)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Runs `fn` while holding a short mutex (a folder) so that two processes finding the same stale
 * lock do not both take it over. A mutex left by a process killed inside (a few milliseconds'
 * window) is cleared after 10 s.
 */
function withTakeoverMutex<T>(lockPath: string, fn: () => T): T | null {
  const mutex = `${lockPath}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = readOr(() => Date.now() - statSync(mutex).mtimeMs, 0);
    if (age > 10_000) rmSync(mutex, { recursive: true, force: true });
    return null;
  }
  try {
    return fn();
  } finally {
    readOr(() => rmdirSync(mutex), undefined);
  }
}

/** The outcome of looking at the lock already there. */
type Existing = { kind: 'held'; record: LockRecord | null } | { kind: 'gone' } | { kind: 'retry' };

function inspectExisting(
  lockPath: string,
  here: { hostname: string; bootId: string | null; folder: { dev: number; ino: number } },
): Existing {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'retry' };
    throw error;
  }
  const age = Date.now() - st.mtimeMs;
  if (st.isDirectory()) {
    // The lock of earlier versions (proper-lockfile): a folder refreshed every 5 s by its holder.
    return age > 30_000 ? { kind: 'gone' } : { kind: 'held', record: null };
  }
  const record = parseRecord(readOr(() => readFileSync(lockPath, 'utf8'), ''));
  // Unreadable: not written by this code (the record is linked in whole); nothing to protect.
  if (!record) return { kind: 'gone' };
  return staleReason(record, here, age) ? { kind: 'gone' } : { kind: 'held', record };
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const here = { hostname: os.hostname(), bootId: bootId(), folder: folderId(dataDir) };
  const record: LockRecord = {
    pid: process.pid,
    hostname: here.hostname,
    bootId: here.bootId,
    processStart: processStart(process.pid),
    folder: here.folder,
    token: randomBytes(8).toString('hex'),
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath, record)) break;
    const existing = inspectExisting(lockPath, here);
    if (existing.kind === 'held') {
      throw new DataDirLockedError(dataDir, existing.record);
    }
    if (existing.kind === 'gone') {
      const taken = withTakeoverMutex(lockPath, () => {
        // Looked at again under the mutex: another process may have taken it over meanwhile.
        if (inspectExisting(lockPath, here).kind !== 'gone') return false;
        rmSync(lockPath, { recursive: true, force: true });
        return tryCreate(lockPath, record);
      });
      if (taken) break;
    }
    if (attempt >= 20) throw new DataDirLockedError(dataDir, null);
    await new Promise((r) => setTimeout(r, 50));
  }

  // Refresh the lock (for a folder shared over the network) and check it is still ours: if another
  // process took the folder, stop writing at once rather than corrupt it.
  const heartbeat = setInterval(() => {
    const now = parseRecord(readOr(() => readFileSync(lockPath, 'utf8'), ''));
    if (now?.token !== record.token) {
      console.error(`Mất khóa thư mục dữ liệu ${dataDir}. Dừng để bảo vệ dữ liệu.`);
      process.exit(75);
    }
    readOr(() => utimesSync(lockPath, new Date(), new Date()), undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      const now = parseRecord(readOr(() => readFileSync(lockPath, 'utf8'), ''));
      if (now?.token === record.token) readOr(() => unlinkSync(lockPath), undefined);
    },
  };
}
