/**
 * Units' lineage across the 2025 reform: the import (all or nothing, audited), the unit pages, and a
 * merged commune's "same period last year" from its former communes' reports. The lineage here is
 * INVENTED for the test (codes 18565, 18571 are not communes of today's list).
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { importLineage } from '../../src/db/lineage.js';
import { findCurrentOutline } from '../../src/db/outlines.js';
import { createReport } from '../../src/db/reports.js';
import { auditLog, unitLineage, units } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import { AppError } from '../../src/domain/errors.js';
import { checkLineageRows } from '../../src/domain/lineage.js';
import { type Period, windowFor } from '../../src/domain/periods.js';
import { reportContentSchema } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client; // Xã Thạch Hà (merged)
let other: Client; // Xã Đức Thịnh (no lineage)
let thachHa = 0;
let ducThinh = 0;
let outlineId = 0;

const HALF1_2025: Period = { kind: 'half1', year: 2025, index: 0 };
const LINEAGE = [
  ['ma_don_vi_moi', 'ma_don_vi_cu', 'ten_don_vi_cu', 'loai_don_vi_cu', 'ngay_hieu_luc'],
  ['18562', '18562', 'Thị trấn Thạch Hà', 'thị trấn', '01/07/2025'],
  ['18562', '18565', 'Xã Thạch Long', 'xã', '01/07/2025'],
  ['18562', '18571', 'Xã Thạch Sơn', 'xã', ''],
];

/** A report stored for a unit and period (a former unit's, from before the reform). */
async function storeReport(unit: number, period: Period, values: Record<string, unknown>) {
  const outline = await findCurrentOutline(database.db, 'commune-report');
  if (!outline) throw new Error('no outline');
  await createReport(database.db, SEED_ACTOR, {
    unitId: unit,
    outline,
    period,
    window: windowFor(period),
    content: reportContentSchema.parse({ values }),
  });
}

const open = async (client: Client, unit: number, period: object) =>
  (await client.request('POST', `/api/units/${unit}/reports`, { outlineId, period })).json() as ReportView;

const textOf = (view: ReportView) => JSON.stringify(view.document);

/** Fills this year's figures (the comparison is drafted beside them) and reads the report again. */
async function fill(client: Client, view: ReportView, values: Record<string, unknown>): Promise<ReportView> {
  const saved = await client.request('PUT', `/api/reports/${view.report.id}`, {
    revision: view.report.revision,
    content: { ...view.content, values },
  });
  expect(saved.statusCode).toBe(200);
  return (await client.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  thachHa = await unitId(database.db, '18562');
  ducThinh = await unitId(database.db, '18277');
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
  other = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18277' }])).username,
  );
  const outlines = (await officer.request('GET', '/api/outlines')).json().items as {
    id: number;
    code: string;
  }[];
  outlineId = outlines.find((o) => o.code === 'commune-report')?.id ?? 0;
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

describe('importing a lineage', () => {
  it('refuses a file with an unknown successor, in Vietnamese, and imports nothing of it', async () => {
    const { rows, errors } = checkLineageRows([
      ['18562', '18565', 'Xã Thạch Long', 'xã', '01/07/2025'],
      ['99999', '18566', 'Xã Không Có', 'xã', '01/07/2025'],
      ['42', '18567', 'Xã Sai Cấp', 'xã', '01/07/2025'],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'Dòng 3: mã đơn vị mới "42" phải là mã xã gồm 5 chữ số (ví dụ 18562).',
    ]);
    const error = await database.db
      .transaction((tx) => importLineage(tx, SEED_ACTOR, rows))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields?.map((f) => f.message)).toEqual([
      'Dòng 2: không có đơn vị mới mã "99999" trong danh mục.',
    ]);
    const [links] = await database.db.select({ n: count() }).from(unitLineage);
    expect(links?.n).toBe(0);
    const formers = await database.db
      .select()
      .from(units)
      .where(inArray(units.code, ['18565', '18566']));
    expect(formers).toEqual([]);
  });

  it('records the former units (inactive, in the successor’s province) and audits each successor', async () => {
    const { rows, errors } = checkLineageRows(LINEAGE);
    expect(errors).toEqual([]);
    const result = await database.db.transaction((tx) => importLineage(tx, SEED_ACTOR, rows));
    expect(result).toEqual({ links: 3, successors: 1, formersCreated: 2 });
    const formers = await database.db
      .select({ code: units.code, name: units.name, active: units.active, province: units.provinceCode })
      .from(units)
      .where(inArray(units.code, ['18565', '18571']));
    expect(formers.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '18565', name: 'Xã Thạch Long', active: false, province: '42' },
      { code: '18571', name: 'Xã Thạch Sơn', active: false, province: '42' },
    ]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.lineage.import'), eq(auditLog.unitId, thachHa)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.after)).toContain('Xã Thạch Long');
    // Importing the same file again changes nothing but the audit trail.
    const again = await database.db.transaction((tx) => importLineage(tx, SEED_ACTOR, rows));
    expect(again.formersCreated).toBe(0);
    const [links] = await database.db.select({ n: count() }).from(unitLineage);
    expect(links?.n).toBe(3);
  });

  it('shows the former units and the date on the new unit’s page, and the successor on a former unit’s', async () => {
    const page = (await officer.request('GET', `/api/units/${thachHa}`)).json();
    expect(page.formers.map((f: { name: string; effectiveOn: string }) => [f.name, f.effectiveOn])).toEqual([
      ['Thị trấn Thạch Hà', '2025-07-01'],
      ['Xã Thạch Long', '2025-07-01'],
      ['Xã Thạch Sơn', '2025-07-01'],
    ]);
    const formerId = await unitId(database.db, '18565');
    const formerPage = (await officer.request('GET', `/api/units/${formerId}`)).json();
    expect(formerPage.active).toBe(false);
    expect(formerPage.successors).toEqual([
      { id: thachHa, code: '18562', name: 'Xã Thạch Hà', effectiveOn: '2025-07-01' },
    ]);
    // The province's page lists today's communes only.
    const province = (await officer.request('GET', `/api/units/${await unitId(database.db, '42')}`)).json();
    expect(province.children.map((c: { code: string }) => c.code)).not.toContain('18565');
  });
});

describe('"same period last year" of a merged commune', () => {
  it('is the total of its former communes’ reports, says so, and names the one without a report', async () => {
    await storeReport(thachHa, HALF1_2025, { 'delegations.in.count': 2, 'foreigners.resident': 10 });
    await storeReport(await unitId(database.db, '18565'), HALF1_2025, {
      'delegations.in.count': 1,
      'foreigners.resident': 5,
    });
    const opened = await open(officer, thachHa, { kind: 'half1', year: 2026 });
    const view = await fill(officer, opened, { 'delegations.in.count': 5, 'foreigners.resident': 20 });
    expect(view.content.comparison.sameLastYear).toEqual({
      'delegations.in.count': 3,
      'foreigners.resident': 15,
    });
    expect(view.content.comparison.sameLastYearFormers?.units.map((u) => [u.name, u.reported])).toEqual([
      ['Thị trấn Thạch Hà', true],
      ['Xã Thạch Long', true],
      ['Xã Thạch Sơn', false],
    ]);
    expect(textOf(view)).toContain(
      'so với cùng kỳ năm 2025 (tổng số liệu của các đơn vị cũ: thị trấn Thạch Hà và xã Thạch Long; chưa có số liệu của xã Thạch Sơn cũ)',
    );
  });

  it('leaves a commune the reform did not merge with its own report of last year', async () => {
    await storeReport(ducThinh, HALF1_2025, { 'delegations.in.count': 7 });
    const view = await fill(other, await open(other, ducThinh, { kind: 'half1', year: 2026 }), {
      'delegations.in.count': 9,
    });
    expect(view.content.comparison.sameLastYear).toEqual({ 'delegations.in.count': 7 });
    expect(view.content.comparison.sameLastYearFormers).toBeUndefined();
    expect(textOf(view)).toContain('so với cùng kỳ năm 2025');
    expect(textOf(view)).not.toContain('xã cũ');
  });

  it('uses the merged commune’s own report for a period after the reform', async () => {
    const q4: Period = { kind: 'quarter', year: 2025, index: 4 };
    await storeReport(thachHa, q4, { 'delegations.in.count': 4 });
    await storeReport(await unitId(database.db, '18565'), q4, { 'delegations.in.count': 100 });
    const view = await open(officer, thachHa, { kind: 'quarter', year: 2026, index: 4 });
    expect(view.content.comparison.sameLastYear).toEqual({ 'delegations.in.count': 4 });
    expect(view.content.comparison.sameLastYearFormers).toBeUndefined();
  });

  it('prints no comparison with last year when none of the former communes reported', async () => {
    const view = await fill(
      officer,
      await open(officer, thachHa, { kind: 'quarter', year: 2026, index: 1 }),
      {
        'delegations.in.count': 2,
      },
    );
    expect(view.content.comparison.sameLastYear).toBeUndefined();
    expect(view.content.comparison.sameLastYearFormers?.units.every((u) => !u.reported)).toBe(true);
    expect(textOf(view)).not.toContain('cùng kỳ năm 2025');
  });

  it('counts a former commune split between two new ones whole in each, and marks it split', async () => {
    // Xã Thạch Long cũ (invented) also went partly to Xã Lộc Hà (18568).
    const { rows } = checkLineageRows([['18568', '18565', 'Xã Thạch Long', 'xã', '01/07/2025']]);
    await database.db.transaction((tx) => importLineage(tx, SEED_ACTOR, rows));
    const page = (await officer.request('GET', `/api/units/${thachHa}`)).json();
    expect(page.formers.find((f: { code: string }) => f.code === '18565')?.split).toBe(true);
    const formerPage = (
      await officer.request('GET', `/api/units/${await unitId(database.db, '18565')}`)
    ).json();
    expect(formerPage.successors.map((s: { code: string }) => s.code)).toEqual(['18562', '18568']);
    const view = await open(officer, thachHa, { kind: 'quarter', year: 2026, index: 2 });
    expect(view.content.comparison.sameLastYearFormers?.units.find((u) => u.code === '18565')?.split).toBe(
      true,
    );
  });

  it('takes the own report for a period last year across the merger date, the former units’ without one', async () => {
    // The second half of 2025 (15/06–14/12/2025) reaches across 01/07/2025.
    const half2: Period = { kind: 'half2', year: 2025, index: 0 };
    await storeReport(await unitId(database.db, '18565'), half2, { 'delegations.in.count': 1 });
    await storeReport(await unitId(database.db, '18571'), half2, { 'delegations.in.count': 2 });
    const locHa = await unitId(database.db, '18568');
    const withoutOwn = await open(
      await signIn(
        app,
        (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18568' }])).username,
      ),
      locHa,
      { kind: 'half2', year: 2026 },
    );
    // Xã Lộc Hà has no report of its own for it: its one former unit (Thạch Long cũ) stands in.
    expect(withoutOwn.content.comparison.sameLastYear).toEqual({ 'delegations.in.count': 1 });
    await storeReport(thachHa, half2, { 'delegations.in.count': 9 });
    const withOwn = await open(officer, thachHa, { kind: 'half2', year: 2026 });
    expect(withOwn.content.comparison.sameLastYear).toEqual({ 'delegations.in.count': 9 });
    expect(withOwn.content.comparison.sameLastYearFormers).toBeUndefined();
  });
});
