/**
 * kill -9 during autosaves and issues on PostgreSQL (TEST_DATABASE_URL, a database of its own):
 * every save that got 200 is there afterwards, every number issued is in the register once, with
 * no gap, and the server is serving again within seconds.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLoop } from '../support/faults.js';
import { run } from '../support/process.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? '';
const name = `doingoai_kill_${randomBytes(5).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const DATABASE_URL = url.toString();

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
};
beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  const seeded = await run(['seed', '--demo'], { DATABASE_URL });
  if (seeded.code !== 0) throw new Error(seeded.stderr);
}, 120_000);
afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

describe('kill -9 in a loop on PostgreSQL', () => {
  it('loses no acknowledged save or issue, keeps the register without duplicates or gaps, and restarts at once', async () => {
    const result = await killLoop({ DATABASE_URL }, { kills: 5, runMs: [300, 2000] });
    const { verdict } = result;
    expect(result.failures).toEqual([]);
    expect(verdict.ackedSaves).toBeGreaterThan(0);
    expect(verdict.ackedIssues).toBeGreaterThan(0);
    expect(verdict.lostSaves).toBe(0);
    expect(verdict.lostIssues).toBe(0);
    expect(verdict.duplicates).toEqual([]);
    expect(verdict.gaps).toEqual([]);
    expect(Math.max(...result.restartMs)).toBeLessThan(25_000);
  }, 600_000);
});
