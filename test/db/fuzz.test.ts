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
