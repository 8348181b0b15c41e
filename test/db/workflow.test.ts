/**
 * The report workflow through the API: submitted to the leader, returned with comments on an
 * indicator, corrected and resubmitted as version 2 with its changes, approved, issued with a
 * number, received and accepted by the province; returned by the province with a reason and issued
 * again with a new number; two leaders at once; the wrong people; late and nil reports; the audit.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.js';
import { findCurrentOutline } from '../../src/db/outlines.js';
import { createReport } from '../../src/db/reports.js';
import { auditLog, registerEntries, reports, rounds, roundUnits, units } from '../../src/db/schema.js';
import type { HomeResponse } from '../../src/domain/api.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import { communeReport } from '../../src/domain/outlines/index.js';
import { dataWindow, type Period, periodKey } from '../../src/domain/periods.js';
import { reportContentSchema } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildSigner } from '../support/documents.js';

const THACH_HA = '18562';
const DUC_THINH = '18277';

let database: TestDatabase;
let app: App;
let officer: Client;
let leader: Client;
let leader2: Client;
let otherLeader: Client;
let province: Client;
let provinceLeader: Client;
let outsider: Client;
let unit = 0;
let outlineId = 0;
let signerId = 0;

/** Sections other than the delegations answered "không phát sinh", so that two figures suffice. */
const NIL_OTHERS = communeReport.sections
  .filter((s) => s.key !== 'delegations' && s.nilPhrase)
  .map((s) => s.key);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  unit = await unitId(database.db, THACH_HA);
  const user = async (role: Parameters<typeof buildUser>[1][number]['role'], unitCode: string) =>
    signIn(app, (await buildUser(database.db, [{ role, unitCode }])).username);
  officer = await user('commune_officer', THACH_HA);
  leader = await user('commune_leader', THACH_HA);
  leader2 = await user('commune_leader', THACH_HA);
  otherLeader = await user('commune_leader', DUC_THINH);
  province = await user('province_officer', '42');
  provinceLeader = await user('province_leader', '42');
  const [haiPhong] = await database.db
    .select({ province: units.provinceCode })
    .from(units)
    .where(eq(units.code, '11140'));
  outsider = await user('province_officer', haiPhong?.province ?? '');
  const outline = await findCurrentOutline(database.db, 'commune-report');
  outlineId = outline?.id ?? 0;
  signerId = await buildSigner(database.db, THACH_HA, { fullName: 'Trần Văn Ký' });
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

let month = 0;
/** A new draft of Thạch Hà for a month of its own. */
async function draft(): Promise<ReportView> {
  month += 1;
  const res = await officer.request('POST', `/api/units/${unit}/reports`, {
    outlineId,
    period: { kind: 'month', year: 2026, index: month },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as ReportView;
}

/** Required figures outside the delegations' section. */
const REQUIRED = {
  'agreements.signed': 0,
  'conferences.count': 0,
  'ngo.projects': 0,
  'foreigners.resident': 0,
};

async function fill(view: ReportView, values: Record<string, number>): Promise<ReportView> {
  const res = await officer.request('PUT', `/api/reports/${view.report.id}`, {
    revision: view.report.revision,
    content: {
      ...view.content,
      values: { ...REQUIRED, ...values },
      nil: { all: false, sections: NIL_OTHERS },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  // An autosave answers the new revision only: the page reads the report again when it needs it.
  return (await officer.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
}

async function step(client: Client, view: ReportView, path: string, body: object = {}) {
  return client.request('POST', `/api/reports/${view.report.id}/${path}`, {
    revision: view.report.revision,
    ...body,
  });
}

async function current(id: number): Promise<ReportView> {
  return (await officer.request('GET', `/api/reports/${id}`)).json() as ReportView;
}

const issue = (client: Client, id: number) =>
  client.request('POST', `/api/reports/${id}/issue`, { signerId, issuedOn: '2026-06-12' });

const auditActions = async (id: number) =>
  (
    await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'report'), eq(auditLog.entityId, String(id))))
      .orderBy(auditLog.id)
  ).map((r) => r.action);

/** Submitted and approved by the leader: ready to issue. */
async function approved(): Promise<ReportView> {
  let view = await fill(await draft(), { 'delegations.in.count': 1, 'delegations.out.count': 0 });
  view = (await step(officer, view, 'submit')).json() as ReportView;
  const res = await step(leader, view, 'approve');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReportView;
}

describe('the whole chain', () => {
  it('draft → submitted → returned with an indicator comment → version 2 with its changes → approved → issued → received → accepted', async () => {
    let view = await draft();
    expect(view.report).toMatchObject({ status: 'draft', version: 0, steps: ['submit', 'submit-nil'] });
    view = await fill(view, { 'delegations.in.count': 3, 'delegations.out.count': 1 });

    const submitted = await step(officer, view, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    view = submitted.json() as ReportView;
    // The officer may only take it back while the leader has not acted ("Rút lại").
    expect(view.report).toMatchObject({ status: 'submitted', version: 1, steps: ['withdraw'] });
    const asLeader = await leader.request('GET', `/api/reports/${view.report.id}`);
    expect((asLeader.json() as ReportView).report.steps).toEqual(['return', 'approve', 'issue']);

    const returned = await step(leader, view, 'return', {
      comment: 'Đề nghị rà soát lại số liệu.',
      comments: [{ target: 'delegations.in.count', body: 'Số đoàn vào chưa khớp sổ theo dõi.' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    view = returned.json() as ReportView;
    expect(view.report.status).toBe('returned');
    expect(view.report.returnComment).toBe('Đề nghị rà soát lại số liệu.');
    expect(view.report.comments).toHaveLength(2);
    expect(view.report.comments[1]).toMatchObject({
      stage: 'leader',
      target: 'delegations.in.count',
      targetKind: 'indicator',
      targetLabel: 'Số đoàn vào',
      body: 'Số đoàn vào chưa khớp sổ theo dõi.',
      version: 1,
      open: true,
    });
    expect(view.report.comments[1]?.targetNumber).toMatch(/^[IVX]+/);

    // Corrected: the changes against the submitted version show while editing.
    view = (await officer.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
    view = await fill(view, { 'delegations.in.count': 5, 'delegations.out.count': 1 });
    expect(view.report.changes).toEqual({
      against: 1,
      current: null,
      items: [
        {
          kind: 'value',
          target: 'delegations.in.count',
          label: 'Số đoàn vào',
          before: '3 đoàn',
          after: '5 đoàn',
        },
      ],
    });

    view = (await step(officer, view, 'submit')).json() as ReportView;
    expect(view.report).toMatchObject({ status: 'submitted', version: 2 });
    expect(view.report.changes).toMatchObject({ against: 1, current: 2 });
    expect(view.report.changes?.items.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      'Số đoàn vào: 3 đoàn → 5 đoàn',
    ]);
    expect(view.report.comments.every((c) => !c.open)).toBe(true);

    const approvedRes = await step(leader, view, 'approve');
    expect(approvedRes.statusCode).toBe(200);
    view = approvedRes.json() as ReportView;
    expect(view.report.status).toBe('approved');
    const twice = await leader.request('POST', `/api/reports/${view.report.id}/approve`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Báo cáo này đã được duyệt rồi.');

    const issued = await issue(leader, view.report.id);
    expect(issued.statusCode, issued.body).toBe(200);
    const notation = issued.json().report.notation as string;
    expect(notation).toMatch(/^\d{2}\/BC-UBND$/);
    view = (await province.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
    expect(view.report.status).toBe('issued');
    expect(view.report.sentAt).not.toBeNull();
    expect(view.report.steps).toEqual(['receive', 'accept', 'reject']);

    const received = await step(province, view, 'receive');
    expect(received.statusCode, received.body).toBe(200);
    view = received.json() as ReportView;
    expect(view.report).toMatchObject({ status: 'received', steps: ['accept', 'reject'] });
    expect(view.report.receivedAt).not.toBeNull();
    const accepted = await step(province, view, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect((accepted.json() as ReportView).report).toMatchObject({ status: 'accepted', steps: [] });
    // The accepted report still downloads as the document that was issued.
    const preview = (await province.request('GET', `/api/reports/${view.report.id}/document/preview`)).json();
    expect(preview.issued).toBe(true);

    const history = (await officer.request('GET', `/api/reports/${view.report.id}/history`)).json();
    expect(
      history.versions.map((v: { version: number; notation: string | null }) => [v.version, v.notation]),
    ).toEqual([
      [1, null],
      [2, notation],
    ]);
    expect(history.steps.map((s: { action: string }) => s.action)).toEqual([
      'report.create',
      'report.submit',
      'report.return',
      'report.submit',
      'report.approve',
      'report.issue',
      'report.receive',
      'report.accept',
    ]);
    expect(history.steps[2]).toMatchObject({
      label: 'Trả lại báo cáo',
      comment: 'Đề nghị rà soát lại số liệu.',
    });
    expect(history.steps[5].notation).toBe(notation);
  });

  it('the province returns an issued report with a reason; corrected, resubmitted and issued again with a new number', async () => {
    const view = await approved();
    const first = await issue(leader, view.report.id);
    expect(first.statusCode).toBe(200);
    const sentAt = (await current(view.report.id)).report.sentAt;

    const noReason = await province.request('POST', `/api/reports/${view.report.id}/reject`, {
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await province.request('POST', `/api/reports/${view.report.id}/reject`, {
      reason: 'Thiếu số liệu lao động đi làm việc ở nước ngoài.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    let back = rejected.json() as ReportView;
    expect(back.report.status).toBe('returned');
    expect(back.report.comments).toMatchObject([
      {
        stage: 'province',
        target: null,
        body: 'Thiếu số liệu lao động đi làm việc ở nước ngoài.',
        open: true,
      },
    ]);
    // A returned report is a draft again: its document has no number until it is issued again.
    const preview = (await officer.request('GET', `/api/reports/${view.report.id}/document/preview`)).json();
    expect(preview.issued).toBe(false);

    back = await current(view.report.id);
    back = await fill(back, { 'delegations.in.count': 2, 'delegations.out.count': 0 });
    back = (await step(officer, back, 'submit')).json() as ReportView;
    expect(back.report.version).toBe(2);
    const second = await issue(leader, view.report.id);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().report.notation).not.toBe(first.json().report.notation);
    const after = await current(view.report.id);
    expect(after.report.status).toBe('issued');
    expect(after.report.sentAt).toBe(sentAt);
    const history = (await officer.request('GET', `/api/reports/${view.report.id}/history`)).json();
    expect(history.versions.map((v: { notation: string }) => v.notation)).toEqual([
      first.json().report.notation,
      second.json().report.notation,
    ]);
    expect(history.steps.find((s: { action: string }) => s.action === 'report.reject')).toMatchObject({
      label: 'Cấp trên trả lại báo cáo',
      comment: 'Thiếu số liệu lao động đi làm việc ở nước ngoài.',
    });
  });
});

describe('numbers come from the register only', () => {
  it('ignores a number typed into the report, and a corrected report takes the next number', async () => {
    let view = await draft();
    view = await fill(view, { 'delegations.in.count': 1, 'delegations.out.count': 0 });
    const typed = await officer.request('PUT', `/api/reports/${view.report.id}`, {
      revision: view.report.revision,
      content: { ...view.content, document: { ...view.content.document, number: 90 } },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    view = (await step(officer, await current(view.report.id), 'submit')).json() as ReportView;
    const first = await issue(leader, view.report.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().report.notation).not.toMatch(/^90\//);

    const rejected = await province.request('POST', `/api/reports/${view.report.id}/reject`, {
      reason: 'Đề nghị bổ sung số liệu.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    view = await fill(await current(view.report.id), {
      'delegations.in.count': 2,
      'delegations.out.count': 0,
    });
    view = (await step(officer, view, 'submit')).json() as ReportView;
    const second = await issue(leader, view.report.id);
    expect(second.statusCode, second.body).toBe(200);
    const number = (r: typeof first) => Number(String(r.json().report.notation).split('/')[0]);
    expect(number(second)).toBe(number(first) + 1);
  });
});

describe('two people at once, twice, and the wrong people', () => {
  it('two leaders approving at the same moment: exactly one succeeds, the other gets a clear 409', async () => {
    let view = await fill(await draft(), { 'delegations.in.count': 1, 'delegations.out.count': 1 });
    view = (await step(officer, view, 'submit')).json() as ReportView;
    const results = await Promise.all([step(leader, view, 'approve'), step(leader2, view, 'approve')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409);
    expect(refused?.json().error.message).toBe('Báo cáo này đã được duyệt rồi.');
    expect((await auditActions(view.report.id)).filter((a) => a === 'report.approve')).toHaveLength(1);
  });

  it('two leaders issuing at the same moment: one number, one issue', async () => {
    const view = await approved();
    const results = await Promise.all([issue(leader, view.report.id), issue(leader2, view.report.id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const entries = await database.db
      .select()
      .from(registerEntries)
      .where(eq(registerEntries.reportId, view.report.id));
    expect(entries).toHaveLength(1);
    expect((await auditActions(view.report.id)).filter((a) => a === 'report.issue')).toHaveLength(1);
  });

  it('refuses another commune leader, a commune officer approving or receiving, and a province officer of another province', async () => {
    let view = await fill(await draft(), { 'delegations.in.count': 1, 'delegations.out.count': 1 });
    view = (await step(officer, view, 'submit')).json() as ReportView;
    expect((await step(otherLeader, view, 'approve')).statusCode).toBe(403);
    expect((await step(otherLeader, view, 'return', { comment: 'Không' })).statusCode).toBe(403);
    expect((await step(officer, view, 'approve')).statusCode).toBe(403);
    expect((await step(province, view, 'approve')).statusCode).toBe(403);
    view = (await step(leader, view, 'approve')).json() as ReportView;
    expect((await issue(otherLeader, view.report.id)).statusCode).toBe(403);
    expect((await issue(leader, view.report.id)).statusCode).toBe(200);
    view = await current(view.report.id);
    expect((await step(officer, view, 'receive')).statusCode).toBe(403);
    expect((await step(leader, view, 'receive')).statusCode).toBe(403);
    expect((await step(outsider, view, 'receive')).statusCode).toBe(403);
    expect((await step(outsider, view, 'reject', { reason: 'Sai' })).statusCode).toBe(403);
    // The province may not approve or edit the commune's report, only receive it.
    expect((await step(provinceLeader, view, 'receive')).statusCode).toBe(200);
    expect((await current(view.report.id)).report.status).toBe('received');
  });

  it('refuses steps the state does not allow, with the reason in Vietnamese', async () => {
    const view = await draft();
    const approve = await step(leader, view, 'approve');
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.message).toContain('"Duyệt"');
    expect(approve.json().error.message).toContain('đang soạn');
    const receive = await step(province, view, 'receive');
    expect(receive.statusCode).toBe(409);
  });
});

describe('late, nil and consolidated reports', () => {
  it('submits after the round deadline (lateness is counted elsewhere)', async () => {
    let view = await draft();
    const period: Period = view.report.period as Period;
    const [round] = await database.db
      .insert(rounds)
      .values({
        unitId: await unitId(database.db, '42'),
        name: 'Đợt thử đã quá hạn',
        outlineId,
        outlineCode: 'commune-report',
        periodKind: period.kind,
        periodYear: period.year,
        periodIndex: period.index,
        periodKey: periodKey(period),
        windowStart: view.report.window.start,
        windowEnd: view.report.window.end,
        deadlineDays: 1,
        deadline: '2026-01-05',
      })
      .returning({ id: rounds.id });
    await database.db.update(reports).set({ roundId: round?.id }).where(eq(reports.id, view.report.id));
    view = await fill(await current(view.report.id), {
      'delegations.in.count': 0,
      'delegations.out.count': 0,
    });
    expect(view.report.roundId).toBe(round?.id);
    const res = await step(officer, view, 'submit');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ReportView).report.status).toBe('submitted');
  });

  it("the province's home lists its work in a round: reports to receive or accept, returned ones, late units", async () => {
    const view = await approved();
    const period = view.report.period as Period;
    const [round] = await database.db
      .insert(rounds)
      .values({
        unitId: await unitId(database.db, '42'),
        name: 'Đợt có việc của tỉnh',
        outlineId,
        outlineCode: 'commune-report',
        periodKind: period.kind,
        periodYear: period.year,
        periodIndex: period.index,
        periodKey: periodKey(period),
        windowStart: view.report.window.start,
        windowEnd: view.report.window.end,
        deadlineDays: 1,
        deadline: '2026-01-05',
      })
      .returning({ id: rounds.id });
    const roundId = round?.id ?? 0;
    await database.db.insert(roundUnits).values([
      { roundId, unitId: unit },
      { roundId, unitId: await unitId(database.db, DUC_THINH) },
    ]);
    await database.db.update(reports).set({ roundId }).where(eq(reports.id, view.report.id));
    const work = async () =>
      ((await province.request('GET', '/api/home')).json() as HomeResponse).due.find(
        (d) => d.roundId === roundId,
      )?.work;
    // Past the deadline, nobody has sent: two units late, nothing to receive.
    expect(await work()).toEqual({ toReceive: 0, toAccept: 0, returned: 0, late: 2 });
    const issued = await issue(leader, view.report.id);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(await work()).toEqual({ toReceive: 1, toAccept: 0, returned: 0, late: 1 });
    const received = await step(province, issued.json() as ReportView, 'receive');
    expect(received.statusCode, received.body).toBe(200);
    expect(await work()).toEqual({ toReceive: 0, toAccept: 1, returned: 0, late: 1 });
    const rejected = await province.request('POST', `/api/reports/${view.report.id}/reject`, {
      reason: 'Thiếu số liệu đoàn ra.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await work()).toEqual({ toReceive: 0, toAccept: 0, returned: 1, late: 2 });
  });

  it('"Không phát sinh" for the whole report in one step counts as submitted', async () => {
    const view = await draft();
    const res = await step(officer, view, 'submit-nil');
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as ReportView;
    expect(after.report).toMatchObject({ status: 'submitted', version: 1 });
    expect(after.content.nil.all).toBe(true);
    expect(await auditActions(view.report.id)).toEqual(['report.create', 'report.nil', 'report.submit']);
    const again = await step(officer, after, 'submit-nil');
    expect(again.statusCode).toBe(409);
    expect((await step(leader, view, 'submit-nil')).statusCode).toBe(409);
    expect((await step(otherLeader, view, 'submit-nil')).statusCode).toBe(403);
  });

  it('a province report with no round of a higher unit has no receiving steps', async () => {
    const outline = await findCurrentOutline(database.db, 'commune-report');
    if (!outline) throw new Error('outline missing');
    const period: Period = { kind: 'year', year: 2025, index: 0 };
    const { id } = await createReport(database.db, CLI_ACTOR, {
      unitId: await unitId(database.db, '42'),
      outline,
      period,
      window: dataWindow(period),
      content: reportContentSchema.parse({}),
    });
    await database.db.update(reports).set({ status: 'issued' }).where(eq(reports.id, id));
    const view = (await province.request('GET', `/api/reports/${id}`)).json() as ReportView;
    expect(view.report.steps).toEqual([]);
    const receive = await province.request('POST', `/api/reports/${id}/receive`, {});
    expect(receive.statusCode).toBe(409);
    expect(receive.json().error.message).toContain('không có bước tiếp nhận');
  });

  it('writes one audit row for every step', async () => {
    let view = await fill(await draft(), { 'delegations.in.count': 1, 'delegations.out.count': 1 });
    view = (await step(officer, view, 'submit')).json() as ReportView;
    view = (
      await step(leader, view, 'return', { comments: [{ target: 'delegations', body: 'Bổ sung.' }] })
    ).json();
    view = (await step(officer, view, 'submit')).json() as ReportView;
    view = (await step(leader, view, 'approve')).json() as ReportView;
    await issue(leader, view.report.id);
    view = await current(view.report.id);
    view = (await step(province, view, 'receive')).json() as ReportView;
    view = (await step(province, view, 'reject', { reason: 'Sai kỳ.' })).json() as ReportView;
    view = (await step(officer, view, 'submit')).json() as ReportView;
    await issue(leader, view.report.id);
    view = await current(view.report.id);
    view = (await step(province, view, 'accept')).json() as ReportView;
    expect(view.report.status).toBe('accepted');
    const actions = (await auditActions(view.report.id)).filter((a) => a !== 'report.save');
    expect(actions).toEqual([
      'report.create',
      'report.submit',
      'report.return',
      'report.submit',
      'report.approve',
      'report.issue',
      'report.receive',
      'report.reject',
      'report.submit',
      'report.issue',
      'report.accept',
    ]);
  });
});
