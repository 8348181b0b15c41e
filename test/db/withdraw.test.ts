/**
 * "Rút lại": the officer takes a report sent to the leader back to the draft while the leader has
 * not acted on it; once the leader has returned, approved or issued it, the server refuses with a
 * clear 409. A double click takes the step once. Every withdrawal is audited.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCurrentOutline } from '../../src/db/outlines.js';
import { auditLog } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const THACH_HA = '18562';

let database: TestDatabase;
let app: App;
let officer: Client;
let leader: Client;
let unit = 0;
let outlineId = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  unit = await unitId(database.db, THACH_HA);
  const user = async (role: Parameters<typeof buildUser>[1][number]['role']) =>
    signIn(app, (await buildUser(database.db, [{ role, unitCode: THACH_HA }])).username);
  officer = await user('commune_officer');
  leader = await user('commune_leader');
  outlineId = (await findCurrentOutline(database.db, 'commune-report'))?.id ?? 0;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

let month = 0;
/** A report of Thạch Hà for a month of its own, answered "không phát sinh" and sent to the leader. */
async function submitted(): Promise<ReportView> {
  month += 1;
  const created = await officer.request('POST', `/api/units/${unit}/reports`, {
    outlineId,
    period: { kind: 'month', year: 2026, index: month },
  });
  expect(created.statusCode, created.body).toBe(200);
  const draft = created.json() as ReportView;
  const sent = await step(officer, draft, 'submit-nil');
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json() as ReportView;
}

function step(client: Client, view: ReportView, path: string, body: object = {}) {
  return client.request('POST', `/api/reports/${view.report.id}/${path}`, {
    revision: view.report.revision,
    ...body,
  });
}

const withdrawals = async (id: number) =>
  database.db
    .select({ by: auditLog.actorUserId, at: auditLog.at, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'report'),
        eq(auditLog.entityId, String(id)),
        eq(auditLog.action, 'report.withdraw'),
      ),
    );

describe('Rút lại', () => {
  it('the officer sees "Rút lại" on a sent report, takes it back to the draft, edits and sends it again', async () => {
    const view = await submitted();
    expect(view.report.steps).toContain('withdraw');
    // The leader answers with "Trả lại", not with the officer's button.
    const leaderView = (await leader.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
    expect(leaderView.report.steps).not.toContain('withdraw');

    const res = await step(officer, view, 'withdraw');
    expect(res.statusCode, res.body).toBe(200);
    const back = res.json() as ReportView;
    expect(back.report.status).toBe('draft');
    expect(back.report.canEdit).toBe(true);
    expect(back.report.steps).toContain('submit');

    const audit = await withdrawals(view.report.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.by).toBeGreaterThan(0);
    expect(audit[0]?.before).toMatchObject({ status: 'submitted' });
    expect(audit[0]?.after).toMatchObject({ status: 'draft' });

    const again = await step(officer, back, 'submit-nil');
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as ReportView).report.status).toBe('submitted');
  });

  it('is refused with a Vietnamese 409 once the leader has returned or approved the report', async () => {
    const first = await submitted();
    const approved = await step(leader, first, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    const late = await step(officer, approved.json() as ReportView, 'withdraw');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      'Không rút lại được: báo cáo đã duyệt, lãnh đạo đã xử lý báo cáo này.',
    );

    const second = await submitted();
    const returned = await step(leader, second, 'return', { comment: 'Bổ sung số liệu.' });
    expect(returned.statusCode, returned.body).toBe(200);
    const refused = await step(officer, returned.json() as ReportView, 'withdraw');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('bị trả lại');
    // Nothing was taken back: the leader's return stands.
    const now = (await officer.request('GET', `/api/reports/${second.report.id}`)).json() as ReportView;
    expect(now.report.status).toBe('returned');
    expect(await withdrawals(first.report.id)).toHaveLength(0);
    expect(await withdrawals(second.report.id)).toHaveLength(0);
  });

  it('a double click takes the report back once; the second click is told it is already done', async () => {
    const view = await submitted();
    const results = await Promise.all([step(officer, view, 'withdraw'), step(officer, view, 'withdraw')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409);
    expect(refused?.json().error.message).toBe(
      'Báo cáo này đã được rút lại rồi: đang ở trạng thái đang soạn.',
    );
    expect(await withdrawals(view.report.id)).toHaveLength(1);
  });

  it('refuses a report still being drafted, and a leader of another commune', async () => {
    const view = await submitted();
    const outsider = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18277' }])).username,
    );
    expect((await step(outsider, view, 'withdraw')).statusCode).toBe(403);
    const back = (await step(officer, view, 'withdraw')).json() as ReportView;
    const twice = await step(officer, back, 'withdraw');
    expect(twice.statusCode).toBe(409);
  });
});
