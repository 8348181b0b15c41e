import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../src/db/schema.js';
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

const signInRaw = (username: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, headers });

describe('sign-in', () => {
  it('signs in with the right password and sets an httpOnly SameSite session cookie', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const res = await signInRaw(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe(user.username);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/doingoai_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The database keeps a hash of the token, never the token itself.
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    const stored = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(token);
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const res = await signInRaw(`  ${user.username.toUpperCase()} `, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const wrong = await signInRaw(user.username, 'sai-mat-khau');
    const unknown = await signInRaw('khong.co.ai', 'sai-mat-khau');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('asks for the missing fields in Vietnamese', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['password', 'username']);
    expect(JSON.stringify(body)).toMatch(/Vui lòng nhập tên đăng nhập/);
  });

  it('answers a locked account like a wrong password, whatever the password', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    await database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const right = await signInRaw(user.username, TEST_PASSWORD);
    const wrong = await signInRaw(user.username, 'sai-mat-khau');
    expect(right.statusCode).toBe(401);
    expect(right.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(right.json().error.message).toBe(wrong.json().error.message);
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('records sign-in in the audit log', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    await signIn(app, user.username);
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(rows.map((r) => r.action)).toContain('auth.sign_in');
  });
});

describe('sessions', () => {
  it('knows who is signed in, and forgets after sign-out', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const client = await signIn(app, user.username);
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().grants[0].unit.code).toBe('18562');
    expect((await client.request('POST', '/api/auth/sign-out')).statusCode).toBe(200);
    const after = await client.request('GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/đăng nhập/);
  });

  it('refuses an expired session', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const client = await signIn(app, user.username);
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    const res = await client.request('GET', '/api/home');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends the sessions of a user whose account is locked', async () => {
    const admin = await buildUser(database.db, [{ role: 'admin', unitCode: '42' }]);
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const client = await signIn(app, user.username);
    const adminClient = await signIn(app, admin.username);
    expect((await adminClient.request('PATCH', `/api/users/${user.id}`, { active: false })).statusCode).toBe(
      200,
    );
    expect((await client.request('GET', '/api/home')).statusCode).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request from another site', async () => {
    const user = await buildUser(database.db, [{ role: 'admin', unitCode: '42' }]);
    const client = await signIn(app, user.username);
    const forged = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: client.cookie, origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { fullName: 'Bị đổi tên' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF');
    const fetchMeta = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: client.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMeta.statusCode).toBe(403);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.fullName).not.toBe('Bị đổi tên');
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('accepts the same request from our own origin', async () => {
    const user = await buildUser(database.db, [{ role: 'admin', unitCode: '42' }]);
    const client = await signIn(app, user.username);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: {
        cookie: client.cookie,
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
        'sec-fetch-site': 'same-origin',
      },
      payload: { fullName: 'Tên mới' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a form post (not JSON) with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a&password=b',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/JSON/);
  });
});
