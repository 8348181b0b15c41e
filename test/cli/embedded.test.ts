/** The command line on the embedded database: first start, the folder lock, users, bad configuration. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { run, startServer } from '../support/process.js';

const dirs: string[] = [];
const tempDataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-cli-'));
  dirs.push(dir);
  return path.join(dir, 'data');
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function signInStatus(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

describe('doingoai serve on the embedded database', () => {
  it('creates the folder and the demo on first start, refuses a second process, and keeps the data', async () => {
    const DATA_DIR = tempDataDir();
    const first = await startServer({ DATA_DIR });
    try {
      expect(first.output()).toMatch(/Tài khoản demo/);
      expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({ status: 'ok' });
      expect(await signInStatus(first.url, 'demo.canbo.thachha', DEMO_PASSWORD)).toBe(200);

      const second = await run(['serve'], { DATA_DIR, PORT: '0' });
      expect(second.code).toBe(3);
      expect(second.stderr).toMatch(/đang được một tiến trình doingoai khác sử dụng/);
      // The first server is unharmed.
      expect(await signInStatus(first.url, 'demo.canbo.thachha', DEMO_PASSWORD)).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // After a clean stop the folder opens again, with everything in it and nothing seeded twice.
    const again = await startServer({ DATA_DIR });
    try {
      expect(again.output()).not.toMatch(/Đã nạp/);
      expect(await signInStatus(again.url, 'demo.quantri', DEMO_PASSWORD)).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it('releases the folder even when told to stop twice in a row', async () => {
    const DATA_DIR = tempDataDir();
    const server = await startServer({ DATA_DIR });
    const closed = new Promise<void>((resolve) => server.child.once('close', () => resolve()));
    server.child.kill('SIGTERM');
    // The second signal arrives while the first shutdown is under way (an impatient Ctrl+C): with
    // `process.once` it killed the process before the lock was released (fails 3 times out of 3).
    await new Promise((r) => setTimeout(r, 3));
    server.child.kill('SIGTERM');
    await closed;
    // The lock was released (a second signal may still end the process once its cleanup is done):
    // the folder opens again straight away, not after the stale-lock delay.
    const next = await startServer({ DATA_DIR });
    await next.stop();
  });

  it('adds the first administrator with a password read from standard input', async () => {
    const DATA_DIR = tempDataDir();
    const seeded = await run(['seed'], { DATA_DIR });
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/thêm 3356 đơn vị/);
    const added = await run(
      [
        'user',
        'add',
        'quantri',
        '--name',
        'Quản Trị Viên',
        '--role',
        'admin',
        '--unit',
        'VN',
        '--password-stdin',
      ],
      { DATA_DIR },
      'mot-mat-khau-rat-dai\n',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Đã tạo người dùng quantri/);

    const unknownUnit = await run(
      ['user', 'add', 'ai.do', '--name', 'Ai Đó', '--role', 'admin', '--unit', '99'],
      {
        DATA_DIR,
      },
    );
    expect(unknownUnit.code).toBe(2);
    expect(unknownUnit.stderr).toMatch(/Không có đơn vị mã "99"/);

    const taken = await run(
      ['user', 'add', 'quantri', '--name', 'Trùng', '--role', 'admin', '--unit', 'VN'],
      { DATA_DIR },
    );
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/đã được dùng/);

    const server = await startServer({ DATA_DIR, NODE_ENV: 'production' });
    try {
      expect(await signInStatus(server.url, 'quantri', 'mot-mat-khau-rat-dai')).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('explains a bad environment and exits non-zero', async () => {
    const bad = await run(['serve'], { PORT: 'ba-nghìn', DATA_DIR: tempDataDir() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Cấu hình môi trường không hợp lệ/);
    expect(bad.stderr).toMatch(/PORT/);
    const url = await run(['migrate'], { DATABASE_URL: 'mysql://x', DATA_DIR: tempDataDir() });
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/DATABASE_URL/);
  });

  it('prints its help in Vietnamese', async () => {
    const help = await run(['--help'], {});
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'user']) expect(help.stdout).toContain(command);
    expect(help.stdout).toMatch(/báo cáo công tác đối ngoại/);
  });
});
