/**
 * Sign-in limits that slow a guesser without locking the real user out: by user and address,
 * by account and by address, reserved atomically, with X-Forwarded-For trusted only from the
 * proxies in TRUSTED_PROXIES; and the password policy at every place a password is chosen.
 */
import { Writable } from 'node:stream';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThrottle } from '../../src/db/schema.js';
import { SIGN_IN_RULES } from '../../src/db/sessions.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, signIn, TEST_PASSWORD } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

const attempt = (username: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password },
    remoteAddress: ip,
    headers,
  });

/** Time passes: every wait that was set has run out. */
const waitsRunOut = () => database.db.update(signInThrottle).set({ blockedUntil: new Date(0) });

const officer = () => buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);

describe('sign-in limits by user and address', () => {
  it('lets five wrong passwords through, then makes each next try wait longer and longer', async () => {
    const user = await officer();
    for (let i = 0; i < SIGN_IN_RULES.pair.free; i++) {
      expect((await attempt(user.username, `sai-${i}`, '203.0.113.7')).statusCode).toBe(401);
    }
    const paused = await attempt(user.username, TEST_PASSWORD, '203.0.113.7');
    expect(paused.statusCode).toBe(429);
    expect(paused.headers['retry-after']).toBe('1');
    expect(paused.json().error.message).toMatch(/thử lại sau 1 giây/);
    const waits: string[] = [];
    for (let i = 0; i < 4; i++) {
      await waitsRunOut();
      expect((await attempt(user.username, 'sai-nua', '203.0.113.7')).statusCode).toBe(401);
      waits.push(String((await attempt(user.username, 'sai-nua', '203.0.113.7')).headers['retry-after']));
    }
    expect(waits).toEqual(['2', '4', '8', '16']);
    // Waiting it out, the right password still works, and the count starts again.
    await waitsRunOut();
    expect((await attempt(user.username, TEST_PASSWORD, '203.0.113.7')).statusCode).toBe(200);
    expect((await attempt(user.username, 'sai-lan-nua', '203.0.113.7')).statusCode).toBe(401);
  });

  it('never makes one address wait more than five minutes', async () => {
    const user = await officer();
    let last = 0;
    for (let i = 0; i < 20; i++) {
      await waitsRunOut();
      await attempt(user.username, 'sai', '203.0.113.8');
      const res = await attempt(user.username, 'sai', '203.0.113.8');
      if (res.statusCode === 429) last = Number(res.headers['retry-after']);
    }
    expect(last).toBe(SIGN_IN_RULES.pair.capSeconds);
  });

  it("lets the real user sign in at once after an attacker's failures from another address", async () => {
    const user = await officer();
    for (let i = 0; i < 12; i++) await attempt(user.username, `doan-${i}`, '198.51.100.66');
    expect((await attempt(user.username, 'doan', '198.51.100.66')).statusCode).toBe(429);
    expect((await attempt(user.username, TEST_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
  });

  it('slows an account attacked from many addresses only mildly, and not at all where its owner signs in', async () => {
    const user = await officer();
    // The owner has signed in from the office before.
    expect((await attempt(user.username, TEST_PASSWORD, '192.0.2.20')).statusCode).toBe(200);
    for (let i = 0; i < 40; i++) {
      await attempt(user.username, `phan-tan-${i}`, `198.51.100.${i + 1}`);
      await waitsRunOut();
    }
    // From a new address: at most a minute between tries on this account.
    await attempt(user.username, 'phan-tan-cuoi', '198.51.100.200');
    const fromNew = await attempt(user.username, TEST_PASSWORD, '192.0.2.99');
    expect(fromNew.statusCode).toBe(429);
    expect(Number(fromNew.headers['retry-after'])).toBeLessThanOrEqual(SIGN_IN_RULES.user.capSeconds);
    // From the office, at the same moment: no wait at all.
    expect((await attempt(user.username, TEST_PASSWORD, '192.0.2.20')).statusCode).toBe(200);
  });

  it('checks no more passwords than allowed when twenty wrong attempts arrive at once', async () => {
    const user = await officer();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(user.username, `song-song-${i}`, '203.0.113.50')),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_RULES.pair.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - SIGN_IN_RULES.pair.free);
  });

  it('lets a whole office behind one address sign in at the same moment (only failures count for the address)', async () => {
    // 60 officers of a province's training day, first sign-in from the same public address.
    const users = [];
    for (let i = 0; i < SIGN_IN_RULES.ip.free + 10; i++) users.push(await officer());
    const answers = await Promise.all(users.map((u) => attempt(u.username, TEST_PASSWORD, '203.0.113.60')));
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 200)).toEqual([]);
    // Failures from that address still count: past the free ones a stranger's next try waits.
    for (let i = 0; i < SIGN_IN_RULES.ip.free; i++) {
      await attempt(`khong-co-${i}`, 'sai-mat-khau', '203.0.113.60');
    }
    const stranger = await officer();
    expect((await attempt(stranger.username, TEST_PASSWORD, '203.0.113.60')).statusCode).toBe(429);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const user = await officer();
    for (let i = 0; i < SIGN_IN_RULES.pair.free; i++) {
      await attempt(user.username, `gia-${i}`, '203.0.113.90', { 'x-forwarded-for': `10.9.9.${i}` });
    }
    const res = await attempt(user.username, 'gia', '203.0.113.90', { 'x-forwarded-for': '10.9.9.200' });
    expect(res.statusCode).toBe(429);
  });

  it('believes X-Forwarded-For from a proxy named in TRUSTED_PROXIES', async () => {
    const proxied = await buildTestApp(database.db, { trustedProxies: ['127.0.0.1'] });
    try {
      const user = await officer();
      const via = (password: string, client: string) =>
        proxied.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { username: user.username, password },
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < 8; i++) await via(`sai-${i}`, '198.51.100.77');
      expect((await via(TEST_PASSWORD, '198.51.100.77')).statusCode).toBe(429);
      // Another client behind the same proxy is another address.
      expect((await via(TEST_PASSWORD, '192.0.2.77')).statusCode).toBe(200);
      const keys = await database.db
        .select({ key: signInThrottle.key })
        .from(signInThrottle)
        .where(like(signInThrottle.key, `%${user.username}`));
      expect(keys.map((k) => k.key)).toContain(`pair:198.51.100.77|${user.username}`);
    } finally {
      await proxied.close();
    }
  });
});

describe('session cookie', () => {
  it('warns in the log at start when production runs with COOKIE_SECURE=false', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const lax = await buildApp({
      db: database.db,
      config: { sessionTtlHours: 12, cookieSecure: false, trustedOrigins: [], env: 'production' },
      webDist: '/nonexistent',
      logger: { level: 'warn', stream },
    });
    await lax.close();
    expect(lines.join('')).toMatch(/COOKIE_SECURE=false under NODE_ENV=production/);
  });

  it('is Secure when the configuration says so (the default under NODE_ENV=production)', async () => {
    const secure = await buildTestApp(database.db, { cookieSecure: true, env: 'production' });
    try {
      const user = await officer();
      const res = await secure.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: user.username, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await secure.close();
    }
  });
});

describe('password policy', () => {
  it('refuses a common password and one holding the own name when creating a user', async () => {
    const admin = await buildUser(database.db, [{ role: 'admin', unitCode: '42' }]);
    const client = await signIn(app, admin.username);
    const body = (password: string) => ({
      username: `tran.thi.hoa${password.length}`,
      fullName: 'Trần Thị Hoa',
      password,
      grants: [{ role: 'province_officer', unitId: admin.grants[0]?.unit.id }],
    });
    const common = await client.request('POST', '/api/users', body('1234567890'));
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields[0]).toMatchObject({ path: 'password' });
    expect(common.json().error.message).toMatch(/quá phổ biến/);
    const ownName = await client.request('POST', '/api/users', body('TranThiHoa-2026'));
    expect(ownName.statusCode).toBe(400);
    expect(ownName.json().error.message).toMatch(/họ tên/);
    const good = await client.request('POST', '/api/users', body('mây trắng bay xa'));
    expect(good.json()).toMatchObject({ fullName: 'Trần Thị Hoa' });
  });

  it('refuses a common password on a reset by an administrator and on a change by the user', async () => {
    const admin = await buildUser(database.db, [{ role: 'admin', unitCode: '42' }]);
    const user = await officer();
    const adminClient = await signIn(app, admin.username);
    const reset = await adminClient.request('PATCH', `/api/users/${user.id}`, { password: 'password123' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.message).toMatch(/quá phổ biến/);
    const own = await signIn(app, user.username);
    const change = await own.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: `${user.username}-moi`,
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.fields[0]).toMatchObject({ path: 'newPassword' });
  });
});
