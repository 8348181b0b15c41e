/**
 * The fuzzer's figures for `npm run bench -- faults`: the same engine as test/db/fuzz.test.ts
 * (test/support/fuzz.ts) over every route of the OpenAPI description, as five roles and anonymous,
 * on an in-memory database; prints requests sent and answers by status (500s must be 0).
 */
import { buildTestApp, buildUser, signIn, unitId } from '../test/support/app.js';
import { createTestDatabase } from '../test/support/db.js';
import { buildReport, buildSigner } from '../test/support/documents.js';
import { type FuzzSession, runFuzz } from '../test/support/fuzz.js';

export async function fuzzFigures(count = Number(process.env.FUZZ_REQUESTS ?? 10_200)): Promise<string[]> {
  const database = await createTestDatabase();
  const app = await buildTestApp(database.db);
  try {
    const sessions: FuzzSession[] = [{ name: 'anonymous', cookie: null }];
    const ids: number[] = [];
    const roles = [
      ['commune_officer', '18562'],
      ['commune_leader', '18562'],
      ['province_officer', '42'],
      ['province_leader', '42'],
      ['admin', '42'],
    ] as const;
    for (const [role, unitCode] of roles) {
      const user = await buildUser(database.db, [{ role, unitCode }]);
      ids.push(user.id);
      sessions.push({ name: role, cookie: (await signIn(app, user.username)).cookie });
    }
    ids.push(await unitId(database.db, '18562'), await unitId(database.db, '42'));
    ids.push(await buildSigner(database.db, '18562'));
    for (const status of ['draft', 'submitted', 'approved'] as const) {
      ids.push(await buildReport(database.db, '18562', { status }));
    }
    const seed = Number(process.env.FUZZ_SEED ?? 20261404);
    const result = await runFuzz(app, sessions, {
      count,
      seed,
      ids,
      // Signing out would end the session the next requests use; PDFs (LibreOffice) are slow.
      skip: (route, session) =>
        (route === 'POST /api/auth/sign-out' && session.cookie !== null) || route.endsWith('.pdf'),
    });
    const statuses = Object.entries(result.byStatus)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, n]) => `${status}: ${n.toLocaleString('en')}`)
      .join(', ');
    const fiveHundreds = Object.entries(result.byStatus)
      .filter(([status]) => Number(status) >= 500)
      .reduce((n, [, c]) => n + c, 0);
    return [
      `fuzzer (seed ${seed}, PGlite in memory): ${result.requests.toLocaleString('en')} requests over ${result.routes} routes in ${(result.ms / 1000).toFixed(1)} s; 5xx: ${fiveHundreds}`,
      `  answers by status: ${statuses}`,
    ];
  } finally {
    await app.close();
    await database.destroy();
  }
}
