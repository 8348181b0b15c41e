/** The web app asks who is signed in as it loads: an answer, never a 401 that the console would log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, signIn } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe('GET /api/auth/session', () => {
  it('answers 200 with nobody for a visitor, and the user once signed in', async () => {
    const visitor = await app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ me: null });

    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const client = await signIn(app, user.username);
    const res = await client.request('GET', '/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json().me.user.username).toBe(user.username);
    expect(res.json().me.grants[0].role).toBe('commune_officer');
  });

  it('a session that ended is nobody, not an error', async () => {
    const user = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
    const client = await signIn(app, user.username);
    await client.request('POST', '/api/auth/sign-out');
    const res = await client.request('GET', '/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ me: null });
  });
});
