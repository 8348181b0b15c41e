/** How the server hands out the web app: one page for every client route, compressed, cached. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let dist: string;
const script = `console.log(${JSON.stringify('Hệ thống báo cáo '.repeat(200))});`;

beforeAll(async () => {
  database = await createTestDatabase({ catalogue: false });
  dist = mkdtempSync(path.join(tmpdir(), 'doingoai-web-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="vi"><div id="root"></div></html>');
  const file = path.join(dist, 'assets', 'index-abc123.js');
  writeFileSync(file, script);
  writeFileSync(`${file}.br`, brotliCompressSync(script));
  writeFileSync(`${file}.gz`, gzipSync(script));
  app = await buildApp({
    db: database.db,
    config: { sessionTtlHours: 12, cookieSecure: false, trustedOrigins: [], env: 'test' },
    webDist: dist,
  });
});
afterAll(async () => {
  await app.close();
  await database.destroy();
  rmSync(dist, { recursive: true, force: true });
});

describe('the web app', () => {
  it('answers every client route with the page, never cached stale', async () => {
    for (const url of ['/', '/dang-nhap', '/don-vi/12', '/nguoi-dung?q=a']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends scripts pre-compressed and cacheable for a year', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('does not turn a missing asset into the page', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/missing-0000.js' });
    expect(res.statusCode).toBe(404);
  });

  it('never asks browsers to upgrade to https (plain HTTP on a LAN must work)', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(String(res.headers['content-security-policy'])).not.toMatch(/upgrade-insecure-requests/);
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'/);
  });

  it('compresses large API answers', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString()).openapi).toMatch(/^3\./);
  });
});
