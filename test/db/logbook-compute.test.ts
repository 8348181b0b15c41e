/**
 * Indicators computed from the logbook, on the database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): flows count the records that start (or end) in the window, stocks those that
 * hold at its end, deleted records never count, breakdowns and lists come from the records, money
 * in different currencies is never mixed, and the activity log gives each section its lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLogbook } from '../../src/db/logbook-compute.js';
import { boundIndicators } from '../../src/domain/logbook/bindings.js';
import type { Outline } from '../../src/domain/outline.js';
import { findBuiltInOutline, sectionsOf } from '../../src/domain/outlines/index.js';
import { unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { deleteRecord, insertRecords } from '../support/logbook.js';

let database: TestDatabase;
let unit = 0;
let other = 0;
const commune = findBuiltInOutline('commune-report') as Outline;
const department = findBuiltInOutline('department-report') as Outline;
const Q1 = { start: '2026-01-01', end: '2026-03-31' };

beforeAll(async () => {
  database = await createTestDatabase();
  unit = await unitId(database.db, '18562');
  other = await unitId(database.db, '18568');
});
afterAll(async () => {
  await database.destroy();
});

const compute = (u: number, outline: Outline, window = Q1) =>
  computeLogbook(
    database.db,
    u,
    window,
    boundIndicators(outline),
    sectionsOf(outline).map((s) => s.key),
  );

const delegation = (startsOn: string, direction: 'in' | 'out', size: number, countries: string[]) => ({
  kind: 'delegation' as const,
  startsOn,
  data: { direction, purpose: `Đoàn ${startsOn}`, size, countries },
});

describe('figures computed from the logbook', () => {
  it('counts flows in the window only, sums sizes, lists countries, and leaves deleted records out', async () => {
    const ids = await insertRecords(database.db, unit, [
      delegation('2025-12-31', 'out', 4, ['Nhật Bản']), // before the window
      delegation('2026-01-01', 'out', 3, ['Hàn Quốc']),
      delegation('2026-03-31', 'out', 5, ['Nhật Bản', 'Hàn Quốc']),
      delegation('2026-04-01', 'out', 7, ['Lào']), // after
      delegation('2026-02-10', 'in', 6, ['Lào']),
      delegation('2026-02-11', 'out', 9, ['Thái Lan']), // deleted below
    ]);
    await insertRecords(database.db, other, [delegation('2026-02-01', 'out', 2, ['Pháp'])]);
    await deleteRecord(database.db, ids[5] as number);
    const { figures } = await compute(unit, commune);
    const out = figures.get('delegations.out.count');
    expect(out).toEqual({
      ok: true,
      value: 2,
      records: [
        { id: ids[1], revision: 1 },
        { id: ids[2], revision: 1 },
      ],
    });
    expect(figures.get('delegations.out.people')).toMatchObject({ ok: true, value: 8 });
    expect(figures.get('delegations.out.countries')).toMatchObject({
      ok: true,
      value: ['Hàn Quốc', 'Nhật Bản'],
    });
    expect(figures.get('delegations.in.count')).toMatchObject({ ok: true, value: 1 });
    expect(figures.get('delegations.in.countries')).toMatchObject({ ok: true, value: ['Lào'] });
    // Nothing recorded: nothing computed (the officer types it, or answers "không phát sinh").
    expect(figures.has('conferences.count')).toBe(false);
  });

  it('takes foreigners arriving and leaving in the window, and those resident at its end by nationality', async () => {
    const person = (startsOn: string, endsOn: string | null, nationality: string) => ({
      kind: 'foreigner' as const,
      startsOn,
      endsOn,
      data: { fullName: 'Người thử nghiệm', nationality, purpose: 'work' },
    });
    await insertRecords(database.db, unit, [
      person('2025-11-01', null, 'Hàn Quốc'), // resident since before, still here
      person('2025-11-02', '2026-02-01', 'Nhật Bản'), // left in the window
      person('2026-01-15', '2026-03-31', 'Nhật Bản'), // arrived and left on the last day: not resident
      person('2026-02-15', '2026-04-10', 'Trung Quốc'), // arrived, resident at the end
      person('2026-04-02', null, 'Lào'), // after the window
    ]);
    const { figures } = await compute(unit, commune);
    expect(figures.get('foreigners.arrived')).toMatchObject({ ok: true, value: 2 });
    expect(figures.get('foreigners.departed')).toMatchObject({ ok: true, value: 2 });
    expect(figures.get('foreigners.resident')).toMatchObject({
      ok: true,
      value: {
        total: 2,
        parts: [
          { key: 'Hàn Quốc', value: 1 },
          { key: 'Trung Quốc', value: 1 },
        ],
      },
    });
  });

  it('breaks workers down by market and marriages by nationality; agreements signed and in force', async () => {
    await insertRecords(database.db, unit, [
      { kind: 'worker', startsOn: '2026-01-01', data: { market: 'Nhật Bản', count: 5 } },
      { kind: 'worker', startsOn: '2026-02-01', data: { market: 'Nhật Bản', count: 2 } },
      { kind: 'worker', startsOn: '2026-03-01', data: { market: 'Đài Loan (Trung Quốc)', count: 4 } },
      {
        kind: 'civil_registration',
        startsOn: '2026-03-02',
        data: { type: 'marriage', country: 'Hàn Quốc', count: 1 },
      },
      {
        kind: 'civil_registration',
        startsOn: '2026-03-03',
        data: { type: 'birth', country: 'Hàn Quốc', count: 1 },
      },
      {
        kind: 'agreement',
        startsOn: '2024-05-01',
        endsOn: '2027-05-01',
        data: { name: 'A', partner: 'Tỉnh Gunma' },
      },
      {
        kind: 'agreement',
        startsOn: '2023-01-01',
        endsOn: '2026-03-31',
        data: { name: 'B', partner: 'Quận X' },
      },
      { kind: 'agreement', startsOn: '2026-02-20', data: { name: 'C', partner: 'Thành phố Y' } },
    ]);
    const { figures } = await compute(unit, commune);
    expect(figures.get('workers.abroad')).toMatchObject({
      ok: true,
      value: {
        total: 11,
        parts: [
          { key: 'Nhật Bản', value: 7 },
          { key: 'Đài Loan (Trung Quốc)', value: 4 },
        ],
      },
    });
    expect(figures.get('civil.marriage')).toMatchObject({
      ok: true,
      value: { total: 1, parts: [{ key: 'Hàn Quốc', value: 1 }] },
    });
    expect(figures.get('civil.birth')).toMatchObject({ ok: true, value: 1 });
    expect(figures.get('agreements.signed')).toMatchObject({ ok: true, value: 1 });
    // In force at the window's end: A, and C (no end); B expired on the last day.
    expect(figures.get('agreements.active')).toMatchObject({ ok: true, value: 2 });
    expect(figures.get('agreements.partners')).toMatchObject({ ok: true, value: ['Thành phố Y'] });
  });

  it('converts đồng to triệu đồng and refuses to mix currencies', async () => {
    const project = (startsOn: string, currency: string, loan: number) => ({
      kind: 'project' as const,
      startsOn,
      data: {
        type: 'oda',
        name: `Dự án ${startsOn}`,
        donor: 'JICA',
        currency,
        committedLoan: loan,
        committedGrant: 0,
      },
    });
    const window = { start: '2026-04-01', end: '2026-06-30' };
    await insertRecords(database.db, unit, [
      project('2026-04-10', 'VND', 2_500_000_000),
      project('2026-05-10', 'VND', 500_000),
    ]);
    let { figures } = await compute(unit, commune, window);
    expect(figures.get('oda.projects')).toMatchObject({ ok: true, value: 2 });
    expect(figures.get('oda.loan')).toMatchObject({ ok: true, value: 2500.5 });
    expect(figures.get('oda.total')).toMatchObject({ ok: true, value: 2500.5 });

    const [usd] = await insertRecords(database.db, unit, [project('2026-06-01', 'USD', 1_000_000)]);
    ({ figures } = await compute(unit, commune, window));
    const loan = figures.get('oda.loan');
    expect(loan?.ok).toBe(false);
    if (loan && !loan.ok) {
      expect(loan.reason).toContain('1 dự án ghi bằng USD');
      expect(loan.reason).toContain('không tự quy đổi tỷ giá');
      expect(loan.records.map((r) => r.id)).toContain(usd);
    }
    expect(figures.get('oda.projects')).toMatchObject({ ok: true, value: 3 });
  });

  it('sums the department services by kind, fees in triệu đồng', async () => {
    const body = await unitId(database.db, '42');
    const svc = (startsOn: string, service: string, quantity: number, fees?: number) => ({
      kind: 'service' as const,
      startsOn,
      data: { service, quantity, ...(fees ? { fees } : {}) },
    });
    await insertRecords(database.db, body, [
      svc('2026-01-05', 'translation.judicial', 12.5, 1_250_000),
      svc('2026-01-06', 'translation.content', 30),
      svc('2026-01-07', 'interpreting', 6, 3_000_000),
      svc('2026-01-08', 'legalisation', 4),
    ]);
    const { figures } = await compute(body, department);
    expect(figures.get('translation.pages.total')).toMatchObject({ ok: true, value: 42.5 });
    expect(figures.get('translation.pages.judicial')).toMatchObject({ ok: true, value: 12.5 });
    expect(figures.get('interpreting.hours')).toMatchObject({ ok: true, value: 6 });
    expect(figures.get('legalisation.files')).toMatchObject({ ok: true, value: 4 });
    expect(figures.get('services.fees')).toMatchObject({ ok: true, value: 4.25 });
  });

  it('gives each section the activity-log entries of the window in date order', async () => {
    const [late, early] = await insertRecords(database.db, unit, [
      { kind: 'activity', startsOn: '2026-03-20', sectionKey: 'delegations', data: { text: 'Đón đoàn B.' } },
      { kind: 'activity', startsOn: '2026-01-20', sectionKey: 'delegations', data: { text: 'Đón đoàn A.' } },
      { kind: 'activity', startsOn: '2026-05-20', sectionKey: 'delegations', data: { text: 'Ngoài kỳ.' } },
    ]);
    const { lines } = await compute(unit, commune);
    expect(lines.delegations?.map((l) => [l.id, l.date, l.text])).toEqual([
      [early, '2026-01-20', 'Đón đoàn A.'],
      [late, '2026-03-20', 'Đón đoàn B.'],
    ]);
  });
});
