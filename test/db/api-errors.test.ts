import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase({ catalogue: false });
  app = await buildTestApp(database.db);
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

const expectError = (
  res: { statusCode: number; json(): unknown; body: string },
  status: number,
  code: string,
) => {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(
    /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
  );
  expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.body).not.toMatch(/at .*\.ts:\d+/);
};

describe('the API', () => {
  it('answers health', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('describes itself in OpenAPI, generated from the zod schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/sign-in',
        '/api/units',
        '/api/units/{id}',
        '/api/users',
      ]),
    );
    const signIn = doc.paths['/api/auth/sign-in'].post.requestBody.content['application/json'].schema;
    expect(signIn.required).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('refuses malformed JSON with 400 and a message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expectError(res, 400, 'MALFORMED_JSON');
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(BODY_LIMIT) }),
    });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses the wrong JSON types with field messages', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 12, password: [] },
    });
    expectError(res, 400, 'VALIDATION');
  });

  it('answers unknown API routes with 404 in Vietnamese', async () => {
    expectError(await app.inject({ method: 'GET', url: '/api/khong-co' }), 404, 'ROUTE_NOT_FOUND');
    expectError(await app.inject({ method: 'DELETE', url: '/api/health' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('asks for sign-in before any data', async () => {
    for (const url of ['/api/home', '/api/units', '/api/units/1', '/api/users', '/api/auth/me']) {
      expectError(await app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
    }
  });

  it('asks an anonymous caller to sign in before reading a bad id in the address', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/units/abc' });
    // Authentication comes before validation and lookups (test/db/fuzz.test.ts: signed in, 400).
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('serves a Vietnamese page when the web app is not built', async () => {
    const res = await app.inject({ method: 'GET', url: '/don-vi' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/npm run build:web/);
  });
});
