/**
 * One level up, on a real database: the ministry (Bộ Ngoại giao, the country unit) opens a round to
 * the 34 provinces; each province answers with its consolidated report through the ordinary
 * workflow; the ministry sees them on its board and consolidates them, every figure traceable to
 * its province and from there to the communes' reports. And the bad input: a province consolidating
 * another province's round or the ministry's, the ministry's round closed while a province is still
 * consolidating, a province answering twice (a corrected version): a clear message, nothing lost,
 * no figure counted twice.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundSources, roundsSources } from '../../src/db/consolidation.js';
import { findCurrentOutline } from '../../src/db/outlines.js';
import { loadRoundRow } from '../../src/db/rounds.js';
import { reports, units } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import type { ReportTrace, RoundConsolidation } from '../../src/domain/consolidation/api.js';
import { numericValue } from '../../src/domain/consolidation/index.js';
import type { ReportValues } from '../../src/domain/outline.js';
import { type ReportContentInput, reportContentSchema } from '../../src/domain/report-json.js';
import { NATIONAL_ROUND_OUTLINE_CODE } from '../../src/domain/rounds.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildSigner } from '../support/documents.js';

const PERIOD = { kind: 'half1', year: 2026, index: 0 } as const;
const PERIOD_KEY = 'half1-2026';
/** Nghệ An and Hà Tĩnh answer the ministry; each asks three of its communes. */
const PROVINCES = ['40', '42'] as const;
type Province = (typeof PROVINCES)[number];

let database: TestDatabase;
let app: App;
let ministry: Client;
let outlineId = 0;
let countryId = 0;
let nationalRound = 0;
const officer = {} as Record<Province, Client>;
const leader = {} as Record<Province, Client>;
const signer = {} as Record<Province, number>;
const provinceRound = {} as Record<Province, number>;
const provinceId = {} as Record<Province, number>;
/** Each province's communes (code order) and their received reports. */
const communes = {} as Record<Province, { id: number; code: string; name: string; reportId: number }[]>;

/** Invented figures: each commune its own, so that every total says where it came from. */
function communeValues(province: Province, i: number): ReportValues {
  const base = province === '40' ? 10 : 100;
  return {
    'delegations.in.count': base + i,
    'delegations.out.count': i,
    'ngo.projects': 1,
    'ngo.value': 100.5 * (i + 1),
    'foreigners.resident': { total: 2 + i, parts: [{ key: 'Lào', value: 2 + i }] },
  };
}

async function insertCommuneReport(unit: number, content: ReportContentInput, roundId: number) {
  const [row] = await database.db
    .insert(reports)
    .values({
      unitId: unit,
      outlineId,
      outlineCode: NATIONAL_ROUND_OUTLINE_CODE,
      periodKind: PERIOD.kind,
      periodYear: PERIOD.year,
      periodIndex: PERIOD.index,
      periodKey: PERIOD_KEY,
      windowStart: '2025-12-15',
      windowEnd: '2026-06-14',
      status: 'received',
      version: 1,
      sentAt: new Date('2026-06-16T02:00:00Z'),
      content: reportContentSchema.parse(content),
      roundId,
    })
    .returning({ id: reports.id });
  return row?.id ?? 0;
}

async function openRound(client: Client, unit: number, unitIds?: number[]) {
  return client.request('POST', '/api/rounds', {
    unitId: unit,
    outlineId,
    period: PERIOD,
    deadlineDays: 5,
    guidance: 'Báo cáo theo đề cương.',
    ...(unitIds ? { unitIds } : {}),
  });
}

const revisionOf = async (id: number) =>
  (await database.db.select({ r: reports.revision }).from(reports).where(eq(reports.id, id)))[0]?.r ?? 0;

/** The province's own steps: submit, approve, issue (its leader signs). */
async function issue(province: Province, reportId: number) {
  const submitted = await officer[province].request('POST', `/api/reports/${reportId}/submit`, {
    revision: await revisionOf(reportId),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await leader[province].request('POST', `/api/reports/${reportId}/approve`, {
    revision: await revisionOf(reportId),
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const issued = await leader[province].request('POST', `/api/reports/${reportId}/issue`, {
    signerId: signer[province],
  });
  expect(issued.statusCode, issued.body).toBe(200);
}

const consolidate = (client: Client, roundId: number) =>
  client.request('POST', `/api/rounds/${roundId}/consolidation`);
const consolidation = async (client: Client, roundId: number) =>
  (await client.request('GET', `/api/rounds/${roundId}/consolidation`)).json() as RoundConsolidation;
const valuesOf = async (reportId: number) => {
  const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
  return reportContentSchema.parse(row?.content).values;
};
/** The sum over every commune report stored (the bare truth the two levels must equal). */
async function communeSum(code: string): Promise<number> {
  const rows = await database.db
    .select({ content: reports.content })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(units.kind, 'commune'), eq(reports.periodKey, PERIOD_KEY)));
  return rows.reduce((n, r) => n + (numericValue(reportContentSchema.parse(r.content).values[code]) ?? 0), 0);
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  const outline = await findCurrentOutline(database.db, NATIONAL_ROUND_OUTLINE_CODE);
  if (!outline) throw new Error('built-in outline missing');
  outlineId = outline.id;
  countryId = await unitId(database.db, 'VN');
  ministry = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'national_officer', unitCode: 'VN' }])).username,
  );
  for (const p of PROVINCES) {
    provinceId[p] = await unitId(database.db, p);
    officer[p] = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'province_officer', unitCode: p }])).username,
    );
    leader[p] = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'province_leader', unitCode: p }])).username,
    );
    signer[p] = await buildSigner(database.db, p, { fullName: `Người Ký Tỉnh ${p}` });
    const rows = await database.db
      .select({ id: units.id, code: units.code, name: units.name })
      .from(units)
      .where(and(eq(units.provinceCode, p), eq(units.kind, 'commune')))
      .orderBy(asc(units.code))
      .limit(3);
    communes[p] = rows.map((r) => ({ ...r, reportId: 0 }));
  }
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe('the ministry opens a round to the provinces', () => {
  it('asks the 34 provinces by default, and refuses a commune or a province opening it', async () => {
    const wrong = await openRound(ministry, countryId, [communes['40'][0]?.id ?? 0]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('không phải là tỉnh, thành phố');
    expect((await openRound(officer['40'], countryId)).statusCode).toBe(403);
    const res = await openRound(ministry, countryId);
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json() as { id: number; units: { unit: { code: string; kind: string } }[] };
    nationalRound = round.id;
    expect(round.units).toHaveLength(34);
    expect(round.units.every((u) => u.unit.kind === 'province')).toBe(true);
    expect(round.units.map((u) => u.unit.code)).toEqual([...round.units.map((u) => u.unit.code)].sort());
    // The province sees the round it must answer.
    const list = (await officer['40'].request('GET', '/api/rounds')).json() as { items: { id: number }[] };
    expect(list.items.map((r) => r.id)).toContain(nationalRound);
  });

  it('refuses to consolidate while no province has answered', async () => {
    const res = await consolidate(ministry, nationalRound);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Chưa tiếp nhận báo cáo nào');
  });

  it('each province asks its communes, whose reports it receives', async () => {
    for (const p of PROVINCES) {
      const res = await openRound(
        officer[p],
        provinceId[p],
        communes[p].map((c) => c.id),
      );
      expect(res.statusCode, res.body).toBe(200);
      provinceRound[p] = (res.json() as { id: number }).id;
      for (const [i, c] of communes[p].entries()) {
        c.reportId = await insertCommuneReport(c.id, { values: communeValues(p, i) }, provinceRound[p]);
      }
    }
  });
});

describe('a province answers with its consolidated report', () => {
  const own = {} as Record<Province, number>;

  it('refuses a province consolidating the ministry’s round or another province’s, saying why', async () => {
    const national = await consolidate(officer['42'], nationalRound);
    expect(national.statusCode).toBe(403);
    expect(national.json().error.message).toContain('đơn vị của bạn là đơn vị báo cáo');
    const other = await consolidate(officer['42'], provinceRound['40']);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('không tổng hợp đợt báo cáo của đơn vị khác');
    // Nothing was made by either refusal.
    const made = await database.db.select().from(reports).where(eq(reports.unitId, countryId));
    expect(made).toEqual([]);
  });

  it('consolidates its communes into a report that answers the ministry’s round', async () => {
    for (const p of PROVINCES) {
      const res = await consolidate(officer[p], provinceRound[p]);
      expect(res.statusCode, res.body).toBe(200);
      own[p] = (res.json() as RoundConsolidation).report?.id ?? 0;
      const [row] = await database.db.select().from(reports).where(eq(reports.id, own[p]));
      // It is the province's report, sent to the ministry; it keeps the round it consolidated.
      expect(row).toMatchObject({ unitId: provinceId[p], roundId: nationalRound });
      expect((row?.consolidation as { roundId: number } | undefined)?.roundId).toBe(provinceRound[p]);
    }
    expect((await valuesOf(own['40']))['delegations.in.count']).toBe(10 + 11 + 12);
  });

  it('goes through the same workflow: the ministry’s board shows it sent', async () => {
    await issue('40', own['40']);
    const board = await ministry.request('GET', `/api/board?unitId=${countryId}`);
    expect(board.statusCode, board.body).toBe(200);
    const body = board.json() as {
      rows: { unit: { code: string }; cells: ({ state: string } | null)[] }[];
      unitCount: number;
    };
    expect(body.unitCount).toBe(34);
    const stateOf = (code: string) => body.rows.find((r) => r.unit.code === code)?.cells[0]?.state;
    expect(stateOf('40')).toBe('issued');
    expect(stateOf('42')).toBe('draft');
    expect(stateOf('01')).toBe('not_started');
    // Only the ministry receives it: not another province, and the ministry not a commune's report.
    expect((await officer['42'].request('POST', `/api/reports/${own['40']}/receive`, {})).statusCode).toBe(
      403,
    );
    const commune = communes['40'][0]?.reportId ?? 0;
    await database.db.update(reports).set({ status: 'issued' }).where(eq(reports.id, commune));
    expect((await ministry.request('POST', `/api/reports/${commune}/receive`, {})).statusCode).toBe(403);
    await database.db.update(reports).set({ status: 'received' }).where(eq(reports.id, commune));
    const received = await ministry.request('POST', `/api/reports/${own['40']}/receive`, {});
    expect(received.statusCode, received.body).toBe(200);
  });

  let nationalReport = 0;
  it('the ministry consolidates the provinces, never a commune’s report beside its province’s', async () => {
    const res = await consolidate(ministry, nationalRound);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as RoundConsolidation;
    nationalReport = body.report?.id ?? 0;
    expect(body.sourcesUsed).toBe(1);
    expect(body.coverage).toMatchObject({ asked: 34, answered: 1, partial: true });
    expect(body.coverage.sentence).toMatch(/^Số liệu tổng hợp từ báo cáo của 1\/34 tỉnh, thành phố/u);
    const values = await valuesOf(nationalReport);
    // Nghệ An's figures once: its communes' reports (received too, same outline and period) are not sources.
    expect(values['delegations.in.count']).toBe(33);
    expect(values['foreigners.resident']).toEqual({ total: 9, parts: [{ key: 'Lào', value: 9 }] });
  });

  it('reads the sources of several rounds together exactly as each round alone', async () => {
    const all = [provinceRound['40'], provinceRound['42'], nationalRound];
    const rows = await Promise.all(all.map((id) => loadRoundRow(database.db, id)));
    const together = await roundsSources(database.db, rows);
    for (const round of rows) {
      const alone = await roundSources(database.db, round);
      expect(together.get(round.id)).toEqual(alone);
    }
    // Each province's round takes its own communes' reports in code order; the ministry's, the province's report.
    expect(together.get(provinceRound['40'])?.map((s) => s.unit.code)).toEqual(
      communes['40'].map((c) => c.code),
    );
    expect(together.get(provinceRound['42'])?.map((s) => s.unit.code)).toEqual(
      communes['42'].filter((c) => c.reportId).map((c) => c.code),
    );
    expect(together.get(nationalRound)?.map((s) => s.unit.code)).toEqual(['40']);
    expect(together.get(nationalRound)?.[0]?.values['delegations.in.count']).toBe(33);
  });

  it('traces each figure to its province, and from there to the communes', async () => {
    const trace = (
      await ministry.request('GET', `/api/reports/${nationalReport}/trace`)
    ).json() as ReportTrace;
    expect(trace.consolidated).toBe(true);
    const top = trace.indicators.find((i) => i.code === 'delegations.in.count');
    expect(top?.sources.map((s) => [s.unitCode, s.value, s.href])).toEqual([
      ['40', 33, `/bao-cao/${own['40']}`],
    ]);
    const down = await ministry.request('GET', `/api/reports/${own['40']}/trace`);
    expect(down.statusCode).toBe(200);
    const province = (down.json() as ReportTrace).indicators.find((i) => i.code === 'delegations.in.count');
    expect(province?.sources.map((s) => [s.unitCode, s.value, s.href])).toEqual(
      communes['40'].map((c, i) => [c.code, 10 + i, `/bao-cao/${c.reportId}`]),
    );
    // The ministry reads the commune's report itself.
    expect((await ministry.request('GET', `/api/reports/${communes['40'][0]?.reportId}`)).statusCode).toBe(
      200,
    );
  });

  it('closing the ministry’s round while a province is still consolidating loses nothing and counts once', async () => {
    const closed = await ministry.request('POST', `/api/rounds/${nationalRound}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    // Hà Tĩnh's draft still answers the round, with its figures; its page says the round is closed.
    const view = (await officer['42'].request('GET', `/api/reports/${own['42']}`)).json() as ReportView;
    expect(view.report.roundId).toBe(nationalRound);
    expect(view.issues.map((i) => i.message).join('\n')).toContain('đã được đơn vị nhận báo cáo đóng lại');
    // The province refreshes and issues as usual; the ministry receives it from the closed round.
    expect((await consolidate(officer['42'], provinceRound['42'])).statusCode).toBe(200);
    await issue('42', own['42']);
    expect((await ministry.request('POST', `/api/reports/${own['42']}/receive`, {})).statusCode).toBe(200);
    const before = await consolidation(ministry, nationalRound);
    expect(before.receivedSince.map((r) => [r.reportId, r.reason])).toEqual([[own['42'], 'new']]);
    const after = (await consolidate(ministry, nationalRound)).json() as RoundConsolidation;
    expect(after.sourcesUsed).toBe(2);
    const values = await valuesOf(nationalReport);
    expect(values['delegations.in.count']).toBe(await communeSum('delegations.in.count'));
    expect(values['ngo.value']).toBeCloseTo(await communeSum('ngo.value'), 6);
  });

  it('a province that answers again (a corrected version) is counted once, with its new figures', async () => {
    // The ministry returns Nghệ An's report; a commune's corrected report is received; Nghệ An
    // refreshes its consolidation and issues version 2.
    const rejected = await ministry.request('POST', `/api/reports/${own['40']}/reject`, {
      reason: 'Đề nghị rà soát số đoàn vào của phường.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const corrected = communes['40'][0];
    if (!corrected) throw new Error('no commune');
    await database.db
      .update(reports)
      .set({
        version: 2,
        content: reportContentSchema.parse({
          values: { ...communeValues('40', 0), 'delegations.in.count': 40 },
        }),
      })
      .where(eq(reports.id, corrected.reportId));
    expect((await consolidate(officer['40'], provinceRound['40'])).statusCode).toBe(200);
    await issue('40', own['40']);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, own['40']));
    expect(row?.version).toBe(2);
    expect((await ministry.request('POST', `/api/reports/${own['40']}/receive`, {})).statusCode).toBe(200);
    const state = await consolidation(ministry, nationalRound);
    expect(state.receivedSince.map((r) => [r.reportId, r.reason])).toEqual([[own['40'], 'newer_version']]);
    expect(state.differences).toContainEqual(
      expect.objectContaining({ code: 'delegations.in.count', after: 40 + 11 + 12 + 100 + 101 + 102 }),
    );
    const after = (await consolidate(ministry, nationalRound)).json() as RoundConsolidation;
    expect(after.sourcesUsed).toBe(2);
    expect(after.receivedSince).toEqual([]);
    const values = await valuesOf(nationalReport);
    expect(values['delegations.in.count']).toBe(await communeSum('delegations.in.count'));
    expect(values['delegations.in.count']).toBe(40 + 11 + 12 + 100 + 101 + 102);
  });
});
