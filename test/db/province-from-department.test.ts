/**
 * A province whose communes report to its Sở Ngoại vụ answers the ministry (issue 13): on the demo,
 * Hà Tĩnh's commune round is received by the Sở, which consolidates onto its report to the UBND
 * tỉnh; the UBND tỉnh's officer drafts the province's report to the ministry from it (the Sở's
 * figures, their trace to the communes, its coverage), the leader issues it, the ministry receives
 * it and consolidates the provinces: each figure once, traceable to the communes. Bad input (no Sở
 * report, not issued, another period, another province) gets a clear message and changes nothing.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/db/demo.js';
import { takeStep } from '../../src/db/reports.js';
import { auditLog, reports, rounds, signers, units } from '../../src/db/schema.js';
import type { ReportTrace, RoundConsolidation } from '../../src/domain/consolidation/api.js';
import {
  DEPARTMENT_CONSOLIDATED_REPORT_CODE,
  PROVINCE_REPORT_CODE,
} from '../../src/domain/outlines/index.js';
import { todayInVietnam } from '../../src/domain/periods.js';
import { type ReportContentInput, reportContentSchema } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let sở: Client;
let officer: Client;
let leader: Client;
let ministry: Client;
let communeRound = 0;
let nationalRound = 0;
let provinceId = 0;
let departmentReport = 0;
let provinceReport = 0;
const communeReports: number[] = [];

async function answer(code: string, content: ReportContentInput): Promise<number> {
  const [round] = await database.db.select().from(rounds).where(eq(rounds.id, communeRound));
  const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!round || !unit) throw new Error(`no round or unit ${code}`);
  const [row] = await database.db
    .insert(reports)
    .values({
      unitId: unit.id,
      outlineId: round.outlineId,
      outlineCode: round.outlineCode,
      periodKind: round.periodKind,
      periodYear: round.periodYear,
      periodIndex: round.periodIndex,
      periodKey: round.periodKey,
      windowStart: round.windowStart,
      windowEnd: round.windowEnd,
      status: 'received',
      version: 1,
      content: reportContentSchema.parse(content),
      roundId: communeRound,
    })
    .returning({ id: reports.id });
  return row?.id ?? 0;
}

const fromDepartment = (client: Client, body: Record<string, unknown>, roundId = nationalRound) =>
  client.request('POST', `/api/rounds/${roundId}/answer-from-department`, body);
const provinceReports = () =>
  database.db
    .select()
    .from(reports)
    .where(and(eq(reports.unitId, provinceId), eq(reports.outlineCode, PROVINCE_REPORT_CODE)));
const revisionOf = async (id: number) =>
  (await database.db.select({ r: reports.revision }).from(reports).where(eq(reports.id, id)))[0]?.r ?? 0;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  await database.db.transaction((tx) => seedDemo(tx, SEED_ACTOR));
  const [body] = await database.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.provinceCode, '42'), eq(units.kind, 'body')));
  const list = await database.db.select().from(rounds).orderBy(asc(rounds.id));
  communeRound = list.find((r) => r.unitId === body?.id)?.id ?? 0;
  const countryId = await unitId(database.db, 'VN');
  nationalRound = list.find((r) => r.unitId === countryId)?.id ?? 0;
  provinceId = await unitId(database.db, '42');
  sở = await signIn(app, 'demo.canbo.songv', DEMO_PASSWORD);
  ministry = await signIn(app, 'demo.canbo.bng', DEMO_PASSWORD);
  // The demo's UBND tỉnh Hà Tĩnh officer and chair (invented accounts).
  officer = await signIn(app, 'demo.canbo.hatinh', DEMO_PASSWORD);
  leader = await signIn(app, 'demo.chutich.hatinh', DEMO_PASSWORD);
  communeReports.push(
    await answer('18562', {
      values: { 'delegations.in.count': 4, 'delegations.out.count': 1 },
      narratives: {
        'delegations#0': {
          text: 'Ngày 12/5, UBND xã đón 01 đoàn của tổ chức KOICA khảo sát dự án cấp nước sạch.',
          mode: 'replace',
        },
      },
    }),
    await answer('18073', { values: { 'delegations.in.count': 7, 'delegations.out.count': 2 } }),
  );
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe("the UBND tỉnh answers the ministry from its Sở Ngoại vụ's consolidated report", () => {
  it('refuses while the Sở has no consolidated report, naming what to choose', async () => {
    const none = await officer.request(
      'GET',
      `/api/rounds/${nationalRound}/department-report?provinceId=${provinceId}`,
    );
    expect(none.json()).toEqual({ report: null });
    // Another province's officer does not see Hà Tĩnh's.
    const ngheAn = await signIn(app, 'demo.canbo.nghean', DEMO_PASSWORD);
    expect(
      (await ngheAn.request('GET', `/api/rounds/${nationalRound}/department-report?provinceId=${provinceId}`))
        .statusCode,
    ).toBe(403);
    const res = await fromDepartment(officer, { provinceId, departmentReportId: communeReports[0] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('không phải báo cáo tổng hợp của Sở Ngoại vụ');
    expect(await provinceReports()).toEqual([]);
  });

  it('refuses a Sở report not yet issued to the UBND tỉnh', async () => {
    const made = await sở.request('POST', `/api/rounds/${communeRound}/consolidation`);
    expect(made.statusCode, made.body).toBe(200);
    departmentReport = (made.json() as RoundConsolidation).report?.id ?? 0;
    const [row] = await database.db.select().from(reports).where(eq(reports.id, departmentReport));
    expect(row?.outlineCode).toBe(DEPARTMENT_CONSOLIDATED_REPORT_CODE);
    // The ministry round's page offers the Sở's report, not yet usable.
    const offered = await officer.request(
      'GET',
      `/api/rounds/${nationalRound}/department-report?provinceId=${provinceId}`,
    );
    expect(offered.json()).toEqual({
      report: {
        id: departmentReport,
        unitName: 'Sở Ngoại vụ tỉnh Hà Tĩnh',
        statusLabel: 'Đang soạn',
        issued: false,
      },
    });
    const res = await fromDepartment(officer, { provinceId, departmentReportId: departmentReport });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/chưa được ban hành \(đang ở trạng thái "Đang soạn"\)/u);
    expect(await provinceReports()).toEqual([]);
  });

  it('refuses the Sở, another province and a report of another period', async () => {
    // Only the UBND tỉnh's own people draft its report.
    expect((await fromDepartment(sở, { provinceId, departmentReportId: departmentReport })).statusCode).toBe(
      403,
    );
    // Another province's officer cannot draft Hà Tĩnh's report; and Hà Tĩnh's Sở report cannot be Nghệ An's.
    const ngheAn = await signIn(app, 'demo.canbo.nghean', DEMO_PASSWORD);
    const other = await fromDepartment(ngheAn, {
      provinceId: await unitId(database.db, '40'),
      departmentReportId: departmentReport,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toContain('không lập được báo cáo của tỉnh từ số liệu của tỉnh khác');
    // The Sở's report issued, but of another period than the ministry's round asks.
    const [body] = await database.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.provinceCode, '42'), eq(units.kind, 'body')));
    const [signer] = await database.db
      .select({ id: signers.id })
      .from(signers)
      .where(eq(signers.unitId, body?.id ?? 0));
    await takeStep(database.db, SEED_ACTOR, { id: departmentReport, step: 'submit' });
    await takeStep(database.db, SEED_ACTOR, { id: departmentReport, step: 'approve' });
    await takeStep(database.db, SEED_ACTOR, {
      id: departmentReport,
      step: 'issue',
      issue: { signerId: signer?.id ?? 0, issuedOn: todayInVietnam() },
    });
    const [current] = await database.db.select().from(reports).where(eq(reports.id, departmentReport));
    await database.db.update(reports).set({ periodKey: 'year-2020' }).where(eq(reports.id, departmentReport));
    const period = await fromDepartment(officer, { provinceId, departmentReportId: departmentReport });
    await database.db
      .update(reports)
      .set({ periodKey: current?.periodKey ?? '' })
      .where(eq(reports.id, departmentReport));
    expect(period.statusCode).toBe(400);
    expect(period.json().error.message).toContain('năm 2020');
    // A round that is not the ministry's (the Sở's own round to the communes).
    const notMinistry = await fromDepartment(
      officer,
      { provinceId, departmentReportId: departmentReport },
      communeRound,
    );
    expect(notMinistry.statusCode).toBe(400);
    expect(await provinceReports()).toEqual([]);
  });

  it("drafts the province's report on the ministry's outline, answering its round, audited", async () => {
    const res = await fromDepartment(officer, { provinceId, departmentReportId: departmentReport });
    expect(res.statusCode, res.body).toBe(200);
    provinceReport = (res.json() as { reportId: number }).reportId;
    const [row] = await provinceReports();
    expect(row).toMatchObject({ id: provinceReport, roundId: nationalRound, status: 'draft' });
    const values = reportContentSchema.parse(row?.content).values;
    expect(values['delegations.in.count']).toBe(4 + 7);
    expect(values['delegations.out.count']).toBe(1 + 2);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(provinceReport)));
    expect(audit.map((a) => a.action)).toContain('report.consolidate.department');
    // Its figures trace to the communes' reports, and its page states the Sở's coverage.
    const trace = (
      await officer.request('GET', `/api/reports/${provinceReport}/trace`)
    ).json() as ReportTrace;
    expect(JSON.stringify(trace)).toContain(`/bao-cao/${communeReports[0]}`);
    const preview = (
      await officer.request('GET', `/api/reports/${provinceReport}/document/preview`)
    ).json() as { text: string; document: { signature: { lines: string[] } } };
    expect(preview.text).toMatch(/2\/\d+ xã, phường/u);
    // In the UBND tỉnh's voice, under its letterhead and notation, never the Sở's.
    expect(preview.text).toMatch(/^\s+ỦY BAN NHÂN DÂN\s+CỘNG HÒA[^\n]*\n\s+TỈNH HÀ TĨNH/u);
    expect(preview.text).toContain('/BC-UBND');
    expect(preview.text).toContain('UBND tỉnh Hà Tĩnh báo cáo kết quả công tác đối ngoại');
    expect(preview.text).not.toMatch(/SỞ NGOẠI VỤ|SNgV/u);
  });

  it('is issued by the province, received by the ministry, and counted once with its trace', async () => {
    // The demo chair signs on behalf of the committee.
    const [chair] = await database.db
      .select({ id: signers.id })
      .from(signers)
      .where(and(eq(signers.unitId, provinceId), eq(signers.authority, 'TM')));
    const signerId = chair?.id ?? 0;
    expect(
      (
        await officer.request('POST', `/api/reports/${provinceReport}/submit`, {
          revision: await revisionOf(provinceReport),
        })
      ).statusCode,
    ).toBe(200);
    const approved = await leader.request('POST', `/api/reports/${provinceReport}/approve`, {
      revision: await revisionOf(provinceReport),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const issued = await leader.request('POST', `/api/reports/${provinceReport}/issue`, { signerId });
    expect(issued.statusCode, issued.body).toBe(200);
    const signature = (
      await leader.request('GET', `/api/reports/${provinceReport}/document/preview`)
    ).json() as { document: { signature: { lines: string[] } } };
    expect(signature.document.signature.lines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    // Once issued, drafting again is refused and nothing changes.
    const again = await fromDepartment(officer, { provinceId, departmentReportId: departmentReport });
    expect(again.statusCode).toBe(409);
    const received = await ministry.request('POST', `/api/reports/${provinceReport}/receive`, {});
    expect(received.statusCode, received.body).toBe(200);

    // Nghệ An's report (the demo's, issued to the ministry) is received too: two provinces answered.
    const [ngheAn] = await database.db
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.unitId, await unitId(database.db, '40')),
          eq(reports.outlineCode, PROVINCE_REPORT_CODE),
        ),
      );
    expect((await ministry.request('POST', `/api/reports/${ngheAn?.id}/receive`, {})).statusCode).toBe(200);
    const state = (await ministry.request('GET', `/api/rounds/${nationalRound}/consolidation`)).json() as {
      coverage: { answered: number; asked: number };
    };
    expect(state.coverage).toMatchObject({ answered: 2, asked: 34 });
    const made = await ministry.request('POST', `/api/rounds/${nationalRound}/consolidation`);
    expect(made.statusCode, made.body).toBe(200);
    const national = (made.json() as RoundConsolidation).report?.id ?? 0;
    const trace = (await ministry.request('GET', `/api/reports/${national}/trace`)).json() as ReportTrace;
    const text = JSON.stringify(trace);
    // The province's report is the source; the Sở's report never beside it.
    expect(text).toContain(`/bao-cao/${provinceReport}`);
    expect(text).not.toContain(`/bao-cao/${departmentReport}"`);
    const [nat] = await database.db.select().from(reports).where(eq(reports.id, national));
    const ngheAnValue = async () => {
      const [r] = await database.db
        .select({ content: reports.content })
        .from(reports)
        .where(
          and(
            eq(reports.unitId, await unitId(database.db, '40')),
            eq(reports.outlineCode, PROVINCE_REPORT_CODE),
          ),
        );
      return Number(reportContentSchema.parse(r?.content).values['delegations.in.count'] ?? 0);
    };
    expect(reportContentSchema.parse(nat?.content).values['delegations.in.count']).toBe(
      (await ngheAnValue()) + 11,
    );
  });
});
