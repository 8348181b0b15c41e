/**
 * The completeness board and the dashboards on a real database: rounds, their units and reports
 * are written directly (any state, any sending date), then read through the API as the province
 * officer reads them: states and days late, rates, filters, the Excel file, who may see it, and the
 * province's figures summed from its communes.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROUND_FREQUENCIES as COLUMN_FREQUENCIES,
  reports,
  rounds,
  roundUnits,
  units,
} from '../../src/db/schema.js';
import type {
  BoardResponse,
  CompareResponse,
  IndicatorsResponse,
  RatesResponse,
  RoundProgressResponse,
  SeriesResponse,
} from '../../src/domain/api-board.js';
import { parsePeriodKey, todayInVietnam, windowFor } from '../../src/domain/periods.js';
import { reportContentSchema } from '../../src/domain/report-json.js';
import { ROUND_FREQUENCIES } from '../../src/domain/rounds.js';
import { foldForSearch } from '../../src/domain/text.js';
import { daysLate, type ReportStatus } from '../../src/domain/workflow.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let commune: Client;
let province = 0;
let outlineId = 0;
/** Three communes of Hà Tĩnh, in official code order. */
let c: { id: number; code: string; name: string }[] = [];
const round: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };

async function addRound(
  key: string,
  deadline: string,
  unitIds: number[],
  frequency: (typeof COLUMN_FREQUENCIES)[number] = 'month',
): Promise<number> {
  const period = parsePeriodKey(key);
  const window = windowFor(period);
  const [row] = await database.db
    .insert(rounds)
    .values({
      unitId: province,
      name: `Báo cáo ${key}`,
      outlineId,
      outlineCode: 'commune-report',
      periodKind: period.kind,
      periodYear: period.year,
      periodIndex: period.index,
      periodKey: key,
      windowStart: window.start,
      windowEnd: window.end,
      deadlineDays: 5,
      deadline,
      frequency,
    })
    .returning({ id: rounds.id });
  const id = row?.id ?? 0;
  await database.db.insert(roundUnits).values(unitIds.map((u) => ({ roundId: id, unitId: u })));
  return id;
}

async function addReport(input: {
  unit: number;
  key: string;
  status: ReportStatus;
  roundId?: number;
  sentAt?: string;
  values?: Record<string, number>;
}): Promise<number> {
  const period = parsePeriodKey(input.key);
  const window = windowFor(period);
  const [row] = await database.db
    .insert(reports)
    .values({
      unitId: input.unit,
      outlineId,
      outlineCode: 'commune-report',
      periodKind: period.kind,
      periodYear: period.year,
      periodIndex: period.index,
      periodKey: input.key,
      windowStart: window.start,
      windowEnd: window.end,
      status: input.status,
      content: reportContentSchema.parse({ values: input.values ?? {} }),
      roundId: input.roundId ?? null,
      sentAt: input.sentAt ? new Date(input.sentAt) : null,
    })
    .returning({ id: reports.id });
  return row?.id ?? 0;
}

const today = todayInVietnam();
const reportIds: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  province = await unitId(database.db, '42');
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'province_officer', unitCode: '42' }])).username,
  );
  const outlines = (await officer.request('GET', '/api/outlines')).json().items as {
    id: number;
    code: string;
  }[];
  outlineId = outlines.find((o) => o.code === 'commune-report')?.id ?? 0;
  c = await database.db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.provinceCode, '42'), eq(units.kind, 'commune')))
    .orderBy(units.code)
    .limit(3);
  commune = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: c[0]?.code ?? '' }])).username,
  );
  const [c1, c2, c3] = c.map((u) => u.id) as [number, number, number];
  // Round A: c1 sent the day before the deadline, c2 sent late (23:00 in Vietnam on the 23rd is the
  // 24th there: 4 days late), c3 has nothing.
  round.a = await addRound('month-2026-01', '2026-01-20', [c3, c1, c2]);
  reportIds.a1 = await addReport({
    unit: c1,
    key: 'month-2026-01',
    status: 'issued',
    roundId: round.a,
    sentAt: '2026-01-19T03:00:00Z',
  });
  reportIds.a2 = await addReport({
    unit: c2,
    key: 'month-2026-01',
    status: 'accepted',
    roundId: round.a,
    sentAt: '2026-01-23T20:00:00Z',
  });
  // Round B: nobody has sent; c1 drafts, c2 was returned by its leader.
  round.b = await addRound('month-2026-02', '2026-02-20', [c1, c2]);
  reportIds.b1 = await addReport({ unit: c1, key: 'month-2026-02', status: 'draft', roundId: round.b });
  reportIds.b2 = await addReport({ unit: c2, key: 'month-2026-02', status: 'returned', roundId: round.b });
  // Round C, a one-off of 2025: c1 on time.
  round.c = await addRound('month-2025-12', '2025-12-22', [c1], 'once');
  reportIds.c1 = await addReport({
    unit: c1,
    key: 'month-2025-12',
    status: 'received',
    roundId: round.c,
    sentAt: '2025-12-20T02:00:00Z',
  });

  // Dashboards: quarterly reports of 2025, outside any round.
  const q = (unit: number, i: number, values: Record<string, number>, status: ReportStatus = 'issued') =>
    addReport({ unit, key: `quarter-2025-${i}`, status, values });
  await q(c1, 1, { 'delegations.in.count': 1, 'foreigners.resident': 10 });
  await q(c2, 1, { 'delegations.in.count': 2, 'foreigners.resident': 20 });
  await q(c1, 2, { 'delegations.in.count': 3, 'foreigners.resident': 12 });
  await q(c2, 2, { 'delegations.in.count': 4, 'foreigners.resident': 21 });
  await q(c3, 2, { 'delegations.in.count': 50 }, 'draft'); // not sent: not counted
  await q(c1, 3, { 'delegations.in.count': 3, 'foreigners.resident': 15 });
  await q(c2, 3, { 'delegations.in.count': 5, 'foreigners.resident': 25 });
  await q(c3, 3, { 'delegations.in.count': 1 });
  // The province's own consolidated report of Q3 says 10 delegations: it wins over the sum (9).
  await q(province, 3, { 'delegations.in.count': 10, 'foreigners.resident': 40 });
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

const board = async (query = '') => {
  const res = await officer.request('GET', `/api/board?unitId=${province}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as BoardResponse;
};

describe('the completeness board', () => {
  it('shows each unit asked × each round with its state and days late, oldest round first', async () => {
    const b = await board();
    expect(b.rounds.map((r) => r.id)).toEqual([round.c, round.a, round.b]);
    expect(b.rows.map((r) => r.unit.code)).toEqual(c.map((u) => u.code));
    const [r1, r2, r3] = b.rows;
    // Columns: C, A, B.
    expect(r1?.cells).toEqual([
      { state: 'received', daysLate: 0, reportId: reportIds.c1 },
      { state: 'issued', daysLate: 0, reportId: reportIds.a1 },
      { state: 'draft', daysLate: daysLate('2026-02-20', null, today), reportId: reportIds.b1 },
    ]);
    expect(r2?.cells).toEqual([
      null,
      { state: 'accepted', daysLate: 4, reportId: reportIds.a2 },
      { state: 'returned', daysLate: daysLate('2026-02-20', null, today), reportId: reportIds.b2 },
    ]);
    expect(r3?.cells).toEqual([
      null,
      { state: 'not_started', daysLate: daysLate('2026-01-20', null, today), reportId: null },
      null,
    ]);
    expect(b.unitCount).toBe(3);
    expect(b.years).toEqual([2026, 2025]);
  });

  it('gives the rates of each round and of the whole board', async () => {
    const b = await board();
    const a = b.rounds.find((r) => r.id === round.a);
    expect(a).toMatchObject({
      required: 3,
      sent: 2,
      sentOnTime: 1,
      late: 2,
      rate: 0.6667,
      onTimeRate: 0.3333,
    });
    expect(a?.counts).toMatchObject({ issued: 1, accepted: 1, not_started: 1 });
    expect(b.rounds.find((r) => r.id === round.b)).toMatchObject({ required: 2, sent: 0, rate: 0 });
    expect(b.rounds.find((r) => r.id === round.c)).toMatchObject({
      required: 1,
      sent: 1,
      rate: 1,
      onTimeRate: 1,
    });
    expect(b.totals).toMatchObject({ required: 6, sent: 3, sentOnTime: 2, rate: 0.5, onTimeRate: 0.3333 });
  });

  it('filters rounds by year, frequency and outline, and rows by state, lateness and name', async () => {
    expect((await board('&year=2025')).rounds.map((r) => r.id)).toEqual([round.c]);
    expect((await board('&frequency=month')).rounds.map((r) => r.id)).toEqual([round.a, round.b]);
    expect((await board('&outlineCode=annual-plan')).rounds).toEqual([]);
    const notStarted = await board('&state=not_started');
    expect(notStarted.rows.map((r) => r.unit.code)).toEqual([c[2]?.code]);
    // Rates stay the round's own whatever rows are shown.
    expect(notStarted.rounds.find((r) => r.id === round.a)?.sent).toBe(2);
    expect((await board('&year=2025&lateOnly=true')).rows).toEqual([]);
    expect((await board('&lateOnly=true')).rows).toHaveLength(3);
    const folded = foldForSearch(c[1]?.name ?? '');
    expect((await board(`&q=${encodeURIComponent(folded)}`)).rows.map((r) => r.unit.code)).toContain(
      c[1]?.code,
    );
    expect((await officer.request('GET', `/api/board?unitId=${province}&state=bogus`)).statusCode).toBe(400);
  });

  it('exports the board to Excel: the matrix in Vietnamese and the rates', async () => {
    const res = await officer.request('GET', `/api/board.xlsx?unitId=${province}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tiến độ');
    expect(sheet).toBeDefined();
    expect(sheet?.getCell('A1').value).toBe('Mã');
    expect(String(sheet?.getCell('D1').value)).toContain('Báo cáo month-2026-01');
    expect(sheet?.getCell('A3').value).toBe(c[1]?.code);
    expect(sheet?.getCell('D3').value).toBe('Đã chấp nhận, trễ 4 ngày');
    expect(sheet?.getCell('D2').value).toBe('Đã gửi');
    expect(sheet?.getCell('D4').value).toBe(
      `Chưa bắt đầu, quá hạn ${daysLate('2026-01-20', null, today)} ngày`,
    );
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    const rates = book.getWorksheet('Tỷ lệ');
    expect(rates?.getCell('A3').value).toBe('Báo cáo month-2026-01');
    expect(rates?.getCell('D3').value).toBe(3);
    expect(rates?.getCell('E3').value).toBe(2);
    expect(rates?.getCell('H3').value).toBeCloseTo(0.6667);
  });

  it('gives one round its progress', async () => {
    const res = await officer.request('GET', `/api/rounds/${round.a}/progress`);
    expect(res.statusCode).toBe(200);
    const p = res.json() as RoundProgressResponse;
    expect(p.items.map((i) => i.cell.state)).toEqual(['issued', 'accepted', 'not_started']);
    expect(p.round).toMatchObject({ required: 3, sent: 2, periodLabel: 'tháng 1 năm 2026' });
  });

  it('keeps communes out of the board, its export and a round progress', async () => {
    expect((await commune.request('GET', `/api/board?unitId=${province}`)).statusCode).toBe(403);
    expect((await commune.request('GET', `/api/board.xlsx?unitId=${province}`)).statusCode).toBe(403);
    expect((await commune.request('GET', `/api/rounds/${round.a}/progress`)).statusCode).toBe(403);
    expect((await commune.request('GET', `/api/dashboards/rates?unitId=${province}`)).statusCode).toBe(403);
    expect((await commune.request('GET', '/api/board/units')).json().items).toEqual([]);
    expect(
      (await officer.request('GET', '/api/board/units')).json().items.map((u: { id: number }) => u.id),
    ).toContain(province);
    expect((await officer.request('GET', '/api/rounds/999999/progress')).statusCode).toBe(404);
  });

  it('keeps the frequencies of the API and of the column alike', () => {
    expect([...ROUND_FREQUENCIES]).toEqual([...COLUMN_FREQUENCIES]);
  });
});

describe('dashboards', () => {
  const series = async (query: string) => {
    const res = await officer.request('GET', `/api/dashboards/series?outlineCode=commune-report&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SeriesResponse;
  };

  it('sums a province from its communes per period, or takes its own consolidated report', async () => {
    const s = await series(`unitId=${province}&indicator=delegations.in.count&periodKind=quarter`);
    expect(s.points.map((p) => [p.key, p.value, p.source, p.reports])).toEqual([
      ['quarter-2025-1', 3, 'units', 2],
      ['quarter-2025-2', 7, 'units', 2],
      ['quarter-2025-3', 10, 'own', 1],
    ]);
    expect(s.points[0]?.label).toBe('Quý I năm 2025');
    expect(s.periodKinds).toContain('month');
  });

  it('combines periods by their rule: flows add up, a stock is its last value', async () => {
    const flow = await series(`unitId=${province}&indicator=delegations.in.count&periodKind=quarter&by=year`);
    expect(flow.points).toEqual([{ key: '2025', label: 'Năm 2025', value: 20, source: 'units', reports: 5 }]);
    const stock = await series(`unitId=${province}&indicator=foreigners.resident&periodKind=quarter&by=year`);
    expect(stock.points[0]?.value).toBe(40);
    const unit = await series(`unitId=${c[0]?.id}&indicator=foreigners.resident&periodKind=quarter&by=year`);
    expect(unit.points[0]).toMatchObject({ value: 15, source: 'own' });
  });

  it('puts the communes side by side: the top ones, then the others together', async () => {
    const res = await officer.request(
      'GET',
      `/api/dashboards/units?unitId=${province}&outlineCode=commune-report&indicator=delegations.in.count&periodKey=quarter-2025-3&top=1`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CompareResponse;
    expect(body.bars).toEqual([
      { unit: c[1], label: c[1]?.name, value: 5 },
      { unit: null, label: 'Các đơn vị khác (2)', value: 4 },
    ]);
    expect(body).toMatchObject({ total: 9, reported: 3, periodLabel: 'Quý III năm 2025' });
    expect(body.missing).toBeGreaterThan(0);
    const latest = (
      await officer.request(
        'GET',
        `/api/dashboards/units?unitId=${province}&outlineCode=commune-report&indicator=delegations.in.count`,
      )
    ).json() as CompareResponse;
    expect(latest.periodKey).toBe('quarter-2025-3');
  });

  it('lists reporting rates over rounds and the numeric indicators to choose from', async () => {
    const rates = (
      await officer.request('GET', `/api/dashboards/rates?unitId=${province}`)
    ).json() as RatesResponse;
    expect(rates.points.map((p) => [p.roundId, p.rate])).toEqual([
      [round.c, 1],
      [round.a, 0.6667],
      [round.b, 0],
    ]);
    const list = (await officer.request('GET', '/api/dashboards/indicators')).json() as IndicatorsResponse;
    expect(list.outlineCode).toBe('commune-report');
    const codes = list.indicators.map((i) => i.code);
    expect(codes).toContain('delegations.in.count');
    expect(codes).not.toContain('agreements.partners');
    // Counts are whole numbers, so their chart axis has no "0,25 đoàn"; money is not.
    const whole = new Map(list.indicators.map((i) => [i.code, i.whole]));
    expect(whole.get('delegations.in.count')).toBe(true);
    expect(whole.get('oda.total')).toBe(false);
  });

  it('refuses an indicator that is not a number, with a message', async () => {
    const res = await officer.request(
      'GET',
      `/api/dashboards/series?unitId=${province}&outlineCode=commune-report&indicator=agreements.partners`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('indicator');
  });
});
