import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../db/client.js';
import { explainFolderError } from './database.js';

const errno = (code: string) => Object.assign(new Error(`${code}: raw system message`), { code });

describe('start-up errors of the data folder', () => {
  it('names the folder and says what to do for a read-only, full, forbidden or impossible folder', () => {
    const dir = '/srv/doingoai/data';
    expect(explainFolderError(errno('EROFS'), dir)).toMatch(/\/srv\/doingoai\/data nằm trên ổ đĩa chỉ đọc/);
    expect(explainFolderError(errno('ENOSPC'), dir)).toMatch(/đã đầy\. Hãy giải phóng dung lượng/);
    expect(explainFolderError(errno('EACCES'), dir)).toMatch(/Không có quyền ghi/);
    expect(explainFolderError(errno('ENOTDIR'), dir)).toMatch(/là tệp chứ không phải thư mục/);
  });
  it('reads PGlite’s own forms: emscripten errno numbers, PostgreSQL’s disk_full and its texts, wrapped causes', () => {
    const dir = '/d';
    expect(explainFolderError({ name: 'ErrnoError', errno: 51 }, dir)).toMatch(/đã đầy/);
    expect(explainFolderError({ name: 'ErrnoError', errno: 69 }, dir)).toMatch(/chỉ đọc/);
    expect(explainFolderError(Object.assign(new Error('x'), { code: '53100' }), dir)).toMatch(/đã đầy/);
    const wrapped = new Error('Failed query', {
      cause: new Error('could not extend file "base/5/1259": No space left on device'),
    });
    expect(explainFolderError(wrapped, dir)).toMatch(/đã đầy/);
  });
  it('leaves other errors alone', () => {
    expect(explainFolderError(new Error('syntax error at or near "x"'), '/d')).toBeNull();
    expect(explainFolderError('a string', '/d')).toBeNull();
  });
});

describe('a database that is away', () => {
  it('is told from a faulty query: restart, refused connection, lost connection, wrapped by drizzle', () => {
    const pgError = (code: string) => Object.assign(new Error('terminating connection'), { code });
    expect(isDatabaseUnavailable(pgError('57P01'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P03'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true);
    expect(isDatabaseUnavailable(errno('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: pgError('57P01') }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(pgError('23505'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
