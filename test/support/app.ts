/** The application on a test database, with factories for users and signed-in clients. */
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { CLI_ACTOR } from '../../src/db/audit.js';
import type { Db } from '../../src/db/client.js';
import { hashPassword } from '../../src/db/password-hash.js';
import { units } from '../../src/db/schema.js';
import { createUser } from '../../src/db/users.js';
import type { GrantIn } from '../../src/domain/api.js';
import type { Role } from '../../src/domain/authz.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export async function buildTestApp(
  db: Db,
  config: Partial<Parameters<typeof buildApp>[0]['config']> = {},
): Promise<App> {
  return buildApp({
    db,
    config: { sessionTtlHours: 12, cookieSecure: false, trustedOrigins: [], env: 'test', ...config },
    webDist: '/nonexistent',
  });
}

export async function unitId(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

let counter = 0;
let hashed: Promise<string> | null = null;

/** Creates a user holding `role` at the unit of `unitCode`. */
export async function buildUser(
  db: Db,
  grants: { role: Role; unitCode: string }[],
  overrides: { username?: string } = {},
) {
  counter += 1;
  hashed ??= hashPassword(TEST_PASSWORD);
  const resolved: GrantIn[] = [];
  for (const g of grants) resolved.push({ role: g.role, unitId: await unitId(db, g.unitCode) });
  const username = overrides.username ?? `user${counter}.${grants[0]?.role ?? 'none'}`.replaceAll('_', '-');
  return createUser(db, CLI_ACTOR, {
    username,
    fullName: `Người thử ${counter}`,
    passwordHash: await hashed,
    grants: resolved,
  });
}

/** A client signed in as `username`: every request carries its session cookie. */
export interface Client {
  cookie: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export async function signIn(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  return {
    cookie,
    request: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
