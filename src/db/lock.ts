/**
 * An exclusive lock on a PGlite data folder. PGlite does not lock its folder itself, and two
 * processes on one folder silently corrupt it, so every process takes this lock before opening.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock not refreshed for this long is taken as left by a process that died. */
export const STALE_LOCK_MS = 30_000;

export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình doingoai khác sử dụng. ` +
        'Hãy dừng tiến trình đó trước, hoặc chỉ định thư mục khác bằng DATA_DIR. ' +
        `Nếu tiến trình trước vừa bị tắt đột ngột, hãy chờ ${STALE_LOCK_MS / 1000} giây rồi thử lại.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'doingoai.lock'),
      stale: STALE_LOCK_MS,
      update: 5_000,
      retries: 0,
      realpath: false,
      onCompromised: (error) => {
        // Another process took the folder: stop writing at once rather than corrupt it.
        console.error(`Mất khóa thư mục dữ liệu ${dataDir}: ${error.message}. Dừng để bảo vệ dữ liệu.`);
        process.exit(75);
      },
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ELOCKED') {
      throw new DataDirLockedError(dataDir);
    }
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await release().catch(() => undefined);
    },
  };
}
