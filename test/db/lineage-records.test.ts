/**
 * A former commune that sent no report of a period but kept its logbook: the merged commune's
 * "same period last year" takes its figures from its records of that window, and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { importLineage } from '../../src/db/lineage.js';
import { logbookRecords } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import { checkLineageRows } from '../../src/domain/lineage.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let thachHa = 0;
let outlineId = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  thachHa = await unitId(database.db, '18562');
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
  const outlines = (await officer.request('GET', '/api/outlines')).json().items as {
    id: number;
    code: string;
  }[];
  outlineId = outlines.find((o) => o.code === 'commune-report')?.id ?? 0;
  const { rows } = checkLineageRows([
    ['18562', '18562', 'Thị trấn Thạch Hà', 'thị trấn', '01/07/2025'],
    ['18562', '18571', 'Xã Thạch Sơn', 'xã', '01/07/2025'],
  ]);
  await database.db.transaction((tx) => importLineage(tx, SEED_ACTOR, rows));
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe('"same period last year" from a former commune’s logbook', () => {
  it('computes its figures from its records of that window when it sent no report, and says so', async () => {
    const thachSon = await unitId(database.db, '18571');
    const delegation = (startsOn: string, size: number) => ({
      unitId: thachSon,
      kind: 'delegation' as const,
      startsOn,
      data: { direction: 'in', purpose: 'Khảo sát dự án (dữ liệu thử)', size },
    });
    // Two delegations in the window of Q2 2025 (15/03–14/06/2025), one after it.
    await database.db
      .insert(logbookRecords)
      .values([delegation('2025-04-10', 3), delegation('2025-05-20', 4), delegation('2025-06-20', 9)]);
    const view = (
      await officer.request('POST', `/api/units/${thachHa}/reports`, {
        outlineId,
        period: { kind: 'quarter', year: 2026, index: 2 },
      })
    ).json() as ReportView;
    expect(view.content.comparison.sameLastYear).toMatchObject({
      'delegations.in.count': 2,
      'delegations.in.people': 7,
    });
    expect(
      view.content.comparison.sameLastYearFormers?.units.map((u) => [
        u.name,
        u.reported,
        u.fromRecords ?? false,
      ]),
    ).toEqual([
      ['Thị trấn Thạch Hà', false, false],
      ['Xã Thạch Sơn', true, true],
    ]);
  });

  it('lets the successor’s officer bring in a former commune’s old report file, and nobody else', async () => {
    const thachSon = await unitId(database.db, '18571');
    const file = {
      format: 'doingoai.report/1',
      unit: { code: '18571', name: 'Xã Thạch Sơn' },
      outline: { code: 'commune-report', version: 1 },
      period: { kind: 'quarter', year: 2025, index: 1 },
      values: { 'delegations.in.count': 5 },
    };
    const stranger = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18277' }])).username,
    );
    expect((await stranger.request('POST', `/api/units/${thachSon}/reports/import`, file)).statusCode).toBe(
      403,
    );
    const page = (await officer.request('GET', `/api/units/${thachSon}`)).json() as {
      canImportReports: boolean;
    };
    expect(page.canImportReports).toBe(true);
    const imported = await officer.request('POST', `/api/units/${thachSon}/reports/import`, file);
    expect(imported.statusCode, imported.body).toBe(200);
    // Thạch Hà's first quarter of 2026 compares with Thạch Sơn's imported report of 2025.
    const view = (
      await officer.request('POST', `/api/units/${thachHa}/reports`, {
        outlineId,
        period: { kind: 'quarter', year: 2026, index: 1 },
      })
    ).json() as ReportView;
    expect(view.content.comparison.sameLastYear?.['delegations.in.count']).toBe(5);
    expect(view.content.comparison.sameLastYearFormers?.units.find((u) => u.code === '18571')).toMatchObject({
      reported: true,
    });
  });
});
