import { type Database, DatabaseOpenError, isDatabaseUnavailable, openDatabase } from '../db/client.js';
import { DataDirLockedError } from '../db/lock.js';
import type { Config } from '../server/config.js';
import { CliError } from './errors.js';

/** Exit code when the database cannot be opened: locked, unreachable, or its folder unusable. */
export const DATABASE_NOT_READY = 3;

/** The system error codes a data folder can meet, with what the operator should do about each. */
const FOLDER_ERRORS: Record<string, (dataDir: string) => string> = {
  EROFS: (d) =>
    `Thư mục dữ liệu ${d} nằm trên ổ đĩa chỉ đọc nên không ghi được. ` +
    'Hãy gắn lại ổ đĩa ở chế độ ghi được, hoặc đặt DATA_DIR sang một thư mục ghi được.',
  EACCES: (d) =>
    `Không có quyền ghi vào thư mục dữ liệu ${d}. ` +
    'Hãy cấp quyền ghi cho người dùng chạy doingoai (ví dụ chown), hoặc đặt DATA_DIR sang thư mục khác.',
  EPERM: (d) =>
    `Hệ điều hành không cho phép ghi vào thư mục dữ liệu ${d}. ` +
    'Hãy kiểm tra quyền của thư mục, hoặc đặt DATA_DIR sang thư mục khác.',
  ENOSPC: (d) =>
    `Ổ đĩa chứa thư mục dữ liệu ${d} đã đầy. ` +
    'Hãy giải phóng dung lượng (xóa tệp tạm, nhật ký cũ) hoặc chuyển DATA_DIR sang ổ đĩa khác, rồi chạy lại.',
  EDQUOT: (d) =>
    `Đã hết hạn mức dung lượng (quota) cho thư mục dữ liệu ${d}. ` +
    'Hãy giải phóng dung lượng hoặc xin tăng hạn mức, rồi chạy lại.',
  ENOTDIR: (d) =>
    `Không tạo được thư mục dữ liệu ${d}: một phần của đường dẫn là tệp chứ không phải thư mục. ` +
    'Hãy sửa DATA_DIR cho đúng một thư mục.',
  ENOENT: (d) =>
    `Không tạo được thư mục dữ liệu ${d}: đường dẫn không tồn tại. ` +
    'Hãy tạo thư mục cha trước, hoặc sửa DATA_DIR.',
  ENAMETOOLONG: (d) => `Đường dẫn thư mục dữ liệu ${d} quá dài. Hãy đặt DATA_DIR ngắn hơn.`,
  ELOOP: (d) => `Đường dẫn thư mục dữ liệu ${d} chứa liên kết vòng. Hãy sửa DATA_DIR.`,
  EIO: (d) =>
    `Lỗi đọc ghi ổ đĩa ở thư mục dữ liệu ${d}. ` +
    'Ổ đĩa có thể bị hỏng: hãy kiểm tra ổ đĩa và khôi phục từ bản sao lưu nếu cần.',
};

/**
 * PGlite runs PostgreSQL over emscripten's file system, which turns a system error into
 * PostgreSQL's text ("could not write …: No space left on device") or SQLSTATE: read both.
 */
const FOLDER_TEXTS: [RegExp, string][] = [
  [/no space left on device|disk full/i, 'ENOSPC'],
  [/read-only file system/i, 'EROFS'],
  [/permission denied/i, 'EACCES'],
  [/disk quota exceeded/i, 'EDQUOT'],
];
const FOLDER_SQLSTATES: Record<string, string> = { '53100': 'ENOSPC' };
/** emscripten's errno numbers (PGlite's file system throws ErrnoError { errno }). */
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'EACCES',
  29: 'EIO',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
};

/**
 * The message for a system error met while opening the data folder, or null when it is not one
 * (then the error is unexpected and reported as it is). Looks through wrappers' causes.
 */
export function explainFolderError(error: unknown, dataDir: string): string | null {
  let e: unknown = error;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const { code, errno, name, message, cause } = e as {
      code?: unknown;
      errno?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    e = cause;
    const known =
      typeof code === 'string'
        ? (FOLDER_SQLSTATES[code] ?? code)
        : name === 'ErrnoError' && typeof errno === 'number'
          ? EMSCRIPTEN_ERRNO[errno]
          : undefined;
    const text = typeof message === 'string' ? message : '';
    const byText = FOLDER_TEXTS.find(([pattern]) => pattern.test(text))?.[1];
    const explain = FOLDER_ERRORS[known ?? ''] ?? FOLDER_ERRORS[byText ?? ''];
    if (explain) return explain(dataDir);
  }
  return null;
}

/**
 * A start-up step (migrations, the catalogue) failed: the message for the operator when the cause
 * is the data folder or the database going away, null for anything else.
 */
export function explainStartupError(error: unknown, config: Config, database: Database): CliError | null {
  if (database.kind === 'postgres' && isDatabaseUnavailable(error)) {
    return new CliError(
      `PostgreSQL tại ${database.location} ngừng trả lời trong lúc khởi động. ` +
        'Hãy kiểm tra máy chủ PostgreSQL đang chạy ổn định rồi chạy lại.',
      DATABASE_NOT_READY,
    );
  }
  const folder = database.kind === 'pglite' ? explainFolderError(error, config.dataDir) : null;
  return folder ? new CliError(folder, DATABASE_NOT_READY) : null;
}

/** Opens PostgreSQL when DATABASE_URL is set, otherwise the embedded database in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  try {
    return await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    );
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DatabaseOpenError) {
      throw new CliError(error.message, DATABASE_NOT_READY);
    }
    const folder = config.databaseUrl ? null : explainFolderError(error, config.dataDir);
    if (folder) throw new CliError(folder, DATABASE_NOT_READY);
    throw error;
  }
}
