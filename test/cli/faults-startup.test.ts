/** Start-up errors an operator can act on: a data folder that cannot be created, an unreachable database. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('doingoai serve explains what stops it from starting', () => {
  it('a data folder that cannot be created: names it, says what to do, exit 3, no stack trace', async () => {
    // A file where a folder should be: fails for every user, root included.
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const DATA_DIR = path.join(file, 'data');
    const result = await run(['serve'], { DATA_DIR, PORT: '0' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`Không tạo được thư mục dữ liệu ${DATA_DIR}`);
    expect(result.stderr).toMatch(/Hãy sửa DATA_DIR/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable PostgreSQL: names the address without its password, exit 3, no stack trace', async () => {
    const result = await run(['serve'], {
      DATABASE_URL: 'postgres://app:secret@127.0.0.1:1/none',
      PORT: '0',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /Không kết nối được tới PostgreSQL tại postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
