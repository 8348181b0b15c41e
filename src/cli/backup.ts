/**
 * `doingoai backup <file>` and `doingoai restore <file>` (src/db/backup.ts does the work).
 *
 * PostgreSQL: the command connects like any client; the backup is one read-only snapshot, so the
 * servers keep running. Embedded database: the running server holds the data folder's lock, so
 * it answers backup requests on a Unix socket in that folder (`doingoai-backup.sock`, mode 0600:
 * only the account that owns the data can ask); when no server runs, the command opens the folder
 * itself. A restore needs the embedded database stopped (the lock says so).
 */
import { existsSync } from 'node:fs';
import { chmod, open, readFile, rename, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Command } from 'commander';
import { BackupError, createBackup, readBackup, restoreBackup } from '../db/backup.js';
import { type Database, DatabaseOpenError, openDatabase } from '../db/client.js';
import { DataDirLockedError } from '../db/lock.js';
import type { Config } from '../server/config.js';
import { DATABASE_NOT_READY } from './database.js';
import { CliError } from './errors.js';

export const BACKUP_SOCKET = 'doingoai-backup.sock';
/** Unix socket paths are limited to about 107 bytes. */
const SOCKET_PATH_MAX = 100;
const USER_ERROR = 2;

export const socketPath = (dataDir: string) => path.join(dataDir, BACKUP_SOCKET);

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The running server's side (embedded database only): each connection gets "OK <bytes>\n" and
 * the archive, or "ERR <message>\n".
 */
export async function startBackupSocket(
  dataDir: string,
  database: Pick<Database, 'db' | 'kind'>,
  log: Log,
): Promise<{ close(): Promise<void> } | null> {
  const where = socketPath(dataDir);
  if (Buffer.byteLength(where) > SOCKET_PATH_MAX) {
    log.warn(
      { socket: where },
      'backup socket path too long: online backups of the embedded database are off',
    );
    return null;
  }
  // Left by a server killed before it could remove it; this process holds the folder's lock.
  await rm(where, { force: true });
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    createBackup(database)
      .then((bytes) => {
        log.info({ bytes: bytes.length }, 'backup taken through the backup socket');
        socket.write(`OK ${bytes.length}\n`);
        socket.end(bytes);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        log.warn({ err: message }, 'backup through the backup socket failed');
        socket.end(`ERR ${message.replaceAll('\n', ' ')}\n`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where, () => resolve());
  });
  await chmod(where, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }).then(() => rm(where, { force: true })),
  };
}

/** Asks a running server for a backup; null when no server answers on the folder's socket. */
async function backupFromServer(dataDir: string): Promise<Uint8Array | null> {
  const where = socketPath(dataDir);
  if (!existsSync(where)) return null;
  const received = await new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(where);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // No server behind a socket file left over: open the folder directly.
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve(null);
      else reject(error);
    });
  });
  if (!received) return null;
  const newline = received.indexOf(10);
  const head = received.subarray(0, newline < 0 ? received.length : newline).toString('utf8');
  if (head.startsWith('ERR ')) {
    throw new CliError(`Máy chủ doingoai không tạo được bản sao lưu: ${head.slice(4)}`, 1);
  }
  const match = /^OK (\d+)$/.exec(head);
  const body = received.subarray(newline + 1);
  if (!match || body.length !== Number(match[1])) {
    throw new CliError('Máy chủ doingoai ngắt kết nối giữa chừng khi gửi bản sao lưu. Hãy thử lại.', 1);
  }
  return new Uint8Array(body);
}

async function openForCommand(config: Config, purpose: 'backup' | 'restore'): Promise<Database> {
  try {
    return await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    );
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new CliError(
        purpose === 'restore'
          ? `Máy chủ doingoai đang chạy trên thư mục dữ liệu ${config.dataDir}. ` +
              'Hãy dừng máy chủ trước khi khôi phục, rồi chạy lại lệnh.'
          : `Thư mục dữ liệu ${config.dataDir} đang được một tiến trình doingoai khác giữ và tiến trình đó ` +
              'không nhận yêu cầu sao lưu. Hãy dừng tiến trình đó rồi chạy lại lệnh.',
        DATABASE_NOT_READY,
      );
    }
    if (error instanceof DatabaseOpenError) throw new CliError(error.message, DATABASE_NOT_READY);
    throw error;
  }
}

/** Writes beside the target, flushes, then renames: a failed backup never leaves half a file. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Không ghi được tệp sao lưu ${file}: ${reason}`, USER_ERROR);
  }
}

export async function backupCommand(config: Config, file: string): Promise<void> {
  const target = path.resolve(file);
  let bytes: Uint8Array | null = null;
  let where: string;
  if (config.databaseUrl) {
    const database = await openForCommand(config, 'backup');
    where = `PostgreSQL ${database.location}`;
    try {
      bytes = await createBackup(database);
    } finally {
      await database.close();
    }
  } else {
    where = `CSDL nhúng ${config.dataDir}`;
    if (!existsSync(path.join(config.dataDir, 'pgdata'))) {
      throw new CliError(
        `Không có cơ sở dữ liệu nhúng trong thư mục ${config.dataDir}. Hãy kiểm tra DATA_DIR.`,
        USER_ERROR,
      );
    }
    bytes = await backupFromServer(config.dataDir);
    if (bytes) {
      where += ' (qua máy chủ đang chạy)';
    } else {
      const database = await openForCommand(config, 'backup');
      try {
        bytes = await createBackup(database);
      } finally {
        await database.close();
      }
    }
  }
  await writeAtomically(target, bytes);
  const { manifest } = readBackup(bytes);
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Đã sao lưu ${where}: ${manifest.tables.length} bảng, ${rows} dòng, vào ${target} ` +
      `(${Math.ceil(bytes.length / 1024)} KB).`,
  );
}

export async function restoreCommand(
  config: Config,
  file: string,
  options: { force: boolean },
): Promise<void> {
  const source = path.resolve(file);
  let bytes: Uint8Array;
  try {
    if (!(await stat(source)).isFile()) throw new Error('không phải tệp');
    bytes = new Uint8Array(await readFile(source));
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT'
        ? 'không có tệp này'
        : String(error instanceof Error ? error.message : error);
    throw new CliError(`Không đọc được tệp ${source}: ${reason}.`, USER_ERROR);
  }
  let archive: ReturnType<typeof readBackup>;
  try {
    archive = readBackup(bytes);
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(`${source}: ${error.message}`, USER_ERROR);
    throw error;
  }
  const database = await openForCommand(config, 'restore');
  try {
    const summary = await restoreBackup(database, archive, options);
    console.log(
      `Đã khôi phục ${summary.tables} bảng, ${summary.rows} dòng từ ${source} ` +
        `(sao lưu lúc ${archive.manifest.createdAt}, doingoai ${archive.manifest.appVersion}) ` +
        `vào ${database.kind === 'pglite' ? `CSDL nhúng ${database.location}` : `PostgreSQL ${database.location}`}.` +
        (summary.migrationsAfter > 0
          ? ` Đã áp dụng thêm ${summary.migrationsAfter} bản cập nhật cấu trúc CSDL.`
          : ''),
    );
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, USER_ERROR);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Khôi phục thất bại, cơ sở dữ liệu không thay đổi: ${reason}`, 1);
  } finally {
    await database.close();
  }
}

export function registerBackupCommands(program: Command, config: () => Config): void {
  program
    .command('backup')
    .description('Sao lưu toàn bộ CSDL (nhúng hoặc PostgreSQL) vào một tệp, kể cả khi máy chủ đang chạy')
    .argument('<file>', 'tệp sao lưu sẽ tạo, ví dụ doingoai-2026-06-12.zip')
    .action(async (file: string) => backupCommand(config(), file));
  program
    .command('restore')
    .description('Khôi phục CSDL từ một tệp sao lưu (CSDL đích phải trống, trừ khi có --force)')
    .argument('<file>', 'tệp sao lưu do "doingoai backup" tạo')
    .option('--force', 'xóa dữ liệu đang có trong CSDL đích rồi khôi phục')
    .action(async (file: string, opts: { force?: boolean }) =>
      restoreCommand(config(), file, { force: opts.force === true }),
    );
}
