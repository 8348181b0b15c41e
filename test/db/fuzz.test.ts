/**
 * The fuzzer over every route of the OpenAPI description: at least 10,000 bounded requests as
 * every role and anonymous, with hostile ids, text, types and JSON. No request may get a 500.
 * A failure prints its seed, route, input and answer; FUZZ_SEED=<seed> replays the run.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport, buildSigner } from '../support/documents.js';
import { describeFailures, type FuzzSession, runFuzz } from '../support/fuzz.js';

// PDF conversion (LibreOffice, ~1 s each) is not what is fuzzed here: the DOCX behind it is.
vi.mock('../../src/documents/pdf.js', () => ({
  findSoffice: async () => null,
  convertToPdf: async () => {
    throw new AppError('PDF_UNAVAILABLE');
  },
}));

const COMMUNE = '18562';
const PROVINCE = '42';
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261404);

let database: TestDatabase;
let app: App;
const sessions: FuzzSession[] = [{ name: 'anonymous', cookie: null }];
const ids: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  const roles = [
    ['commune_officer', COMMUNE],
    ['commune_leader', COMMUNE],
    ['province_officer', PROVINCE],
    ['province_leader', PROVINCE],
    ['admin', PROVINCE],
  ] as const;
  for (const [role, unitCode] of roles) {
    const user = await buildUser(database.db, [{ role, unitCode }]);
    ids.push(user.id);
    sessions.push({ name: role, cookie: (await signIn(app, user.username)).cookie });
  }
  ids.push(await unitId(database.db, COMMUNE), await unitId(database.db, PROVINCE));
  ids.push(await buildSigner(database.db, COMMUNE));
  for (const status of ['draft', 'submitted', 'approved'] as const) {
    ids.push(await buildReport(database.db, COMMUNE, { status }));
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe('hostile input, route by route', () => {
  const as = (name: string) => sessions.find((s) => s.name === name)?.cookie ?? '';
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload: payload as object } : {}),
    });

  it('refuses ids beyond the integer columns with 400, in paths, queries and bodies', async () => {
    const admin = as('admin');
    for (const url of [
      '/api/reports/2147483648',
      '/api/users/9007199254740992',
      '/api/units/4294967296/register',
      '/api/rounds/2147483648/progress',
      '/api/users?unitId=2147483648',
      '/api/audit?userId=9007199254740992',
    ]) {
      const res = await send('GET', url, admin);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    const body = await send('POST', `/api/reports/${ids.at(-1)}/issue`, as('commune_leader'), {
      signerId: 2 ** 31,
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.message).toBe('Người ký không hợp lệ.');
    // The largest id that fits is a well-formed id of a row that does not exist.
    expect((await send('GET', '/api/reports/2147483647', admin)).statusCode).toBe(404);
  });

  it('refuses NUL characters and lone surrogates with 400 and a Vietnamese message at every kind of route', async () => {
    const commune = ids[5] as number;
    const cases: [string, 'POST' | 'PUT' | 'PATCH', string, string, unknown][] = [
      ['anonymous', 'POST', '/api/auth/sign-in', '', { username: 'a\u0000', password: 'x' }],
      ['anonymous', 'POST', '/api/auth/sign-in', '', { username: 'abc', password: 'mat\uD800khau' }],
      ['admin', 'PATCH', `/api/users/${ids[0]}`, '', { fullName: 'Nguyễn\u0000 An' }],
      [
        'admin',
        'POST',
        `/api/units/${commune}/signers`,
        '',
        { fullName: 'Lê\uDC00', title: 'Chủ tịch', authority: 'NONE' },
      ],
      [
        'admin',
        'PUT',
        `/api/units/${commune}/recipients`,
        '',
        { kinhGui: ['UBND tỉnh'], noiNhan: ['Lưu: VT\u0000'] },
      ],
      [
        'commune_officer',
        'PUT',
        `/api/reports/${ids.at(-3)}`,
        '',
        { revision: 1, content: { narrative: { a: 'x\uD83D' } } },
      ],
    ];
    for (const [who, method, url, , payload] of cases) {
      const res = await send(method, url, as(who), payload);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error.message).toMatch(/ký tự không hợp lệ/);
    }
    const query = await send('GET', '/api/users?q=an%00', as('admin'));
    expect(query.statusCode).toBe(400);
  });

  it('asks for a session before looking anything up: an existing and a missing report answer alike', async () => {
    const existing = await send('GET', `/api/reports/${ids.at(-1)}`, '');
    const missing = await send('GET', '/api/reports/2147483000', '');
    const malformed = await send('GET', '/api/reports/abc', '');
    for (const res of [existing, missing, malformed]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    const write = await send('POST', `/api/reports/${ids.at(-1)}/approve`, '', {});
    expect(write.statusCode).toBe(401);
    // The public routes stay public.
    expect((await send('GET', '/api/health', '')).statusCode).toBe(200);
    expect((await send('GET', '/api/openapi.json', '')).statusCode).toBe(200);
  });
});

// Last: the fuzzer changes data at random (it may lock a user), so the named cases come first.
describe('fuzzing every route', () => {
  it(`answers ${REQUESTS} hostile requests over every route and role without a single 500`, async () => {
    const result = await runFuzz(app, sessions, {
      count: REQUESTS,
      seed: SEED,
      ids,
      // Signing out would end the session the rest of the run relies on.
      skip: (route, session) => route === 'POST /api/auth/sign-out' && session.cookie !== null,
    });
    console.log(
      `fuzz: seed ${result.seed}, ${result.requests} requests over ${result.routes} routes in ${result.ms} ms;`,
      JSON.stringify(result.byStatus),
    );
    console.log('slowest routes (ms):', JSON.stringify(result.msByRoute.slice(0, 12)));
    expect(result.requests).toBeGreaterThanOrEqual(Math.min(REQUESTS, 10_000));
    expect(result.failures, describeFailures(result)).toEqual([]);
  }, 300_000);
});
