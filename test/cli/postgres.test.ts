/**
 * The same command on PostgreSQL (run by `npm run test:db` with TEST_DATABASE_URL): the same
 * migrations, the catalogue, and never an account with a known password.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/demo.js';
import { run, startServer } from '../support/process.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? '';
const name = `doingoai_cli_${randomBytes(5).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const DATABASE_URL = url.toString();

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
};
beforeAll(() => admin(`CREATE DATABASE ${name}`));
afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

describe('doingoai serve on PostgreSQL', () => {
  it('migrates, loads the catalogue and creates no demo account in production', async () => {
    const server = await startServer({ DATABASE_URL, NODE_ENV: 'production' });
    try {
      expect(server.output()).toMatch(/PostgreSQL/);
      expect(server.output()).not.toMatch(/Tài khoản demo/);
      const res = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo.quantri', password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(401);
    } finally {
      await server.stop();
    }
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM units WHERE kind = 'commune'");
    const users = await client.query('SELECT count(*)::int AS n FROM users');
    await client.end();
    expect(rows[0].n).toBe(3321);
    expect(users.rows[0].n).toBe(0);
  });

  it('creates the demo only when asked', async () => {
    const seeded = await run(['seed', '--demo'], { DATABASE_URL });
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Đã tạo dữ liệu demo/);
  });

  it('explains an unreachable server', async () => {
    const down = await run(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/Không kết nối được tới PostgreSQL/);
  });
});
