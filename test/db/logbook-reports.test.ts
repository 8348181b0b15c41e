/**
 * A report and the unit's logbook, through HTTP (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * opening a draft fills its figures and first lines from the records of its window; the records
 * behind a figure are listed; an override needs a reason (refused without one, and an unexplained
 * figure blocks submission); issuing freezes the figures and their records, and a later change to a
 * record shows on the issued report as "issued ≠ now" with the record that changed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import { previewText } from '../../src/domain/drafting/preview.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildSigner } from '../support/documents.js';
import { changeRecord, deleteRecord, insertRecords } from '../support/logbook.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let leader: Client;
let unit = 0;
let outlineId = 0;
const Q1 = { kind: 'quarter', year: 2026, index: 1 };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  unit = await unitId(database.db, '18562');
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
  leader = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_leader', unitCode: '18562' }])).username,
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

const open = async () => {
  const res = await officer.request('POST', `/api/units/${unit}/reports`, { outlineId, period: Q1 });
  expect(res.statusCode).toBe(200);
  return res.json() as ReportView;
};
const view = async (id: number) => (await officer.request('GET', `/api/reports/${id}`)).json() as ReportView;

const delegation = (startsOn: string, purpose: string) => ({
  kind: 'delegation' as const,
  startsOn,
  data: { direction: 'out', purpose, size: 3, countries: ['Nhật Bản'] },
});

describe('a report from the logbook', () => {
  let reportId = 0;
  let ids: number[] = [];

  it('opens a draft with the figures and the first lines of its window', async () => {
    ids = await insertRecords(database.db, unit, [
      delegation('2026-01-12', 'Khảo sát mô hình nông nghiệp tại Nhật Bản'),
      delegation('2026-02-20', 'Dự hội chợ nông sản tại Nhật Bản'),
      delegation('2026-04-02', 'Ngoài kỳ báo cáo'),
      {
        kind: 'activity',
        startsOn: '2026-03-05',
        sectionKey: 'delegations',
        data: { text: 'Tiếp và làm việc với Đoàn công tác của tỉnh Gunma (Nhật Bản).' },
      },
      {
        kind: 'activity',
        startsOn: '2026-01-08',
        sectionKey: 'delegations',
        data: { text: 'Tham mưu UBND xã cử đoàn đi khảo sát mô hình nông nghiệp.' },
      },
    ]);
    const created = await open();
    reportId = created.report.id;
    expect(created.content.values['delegations.out.count']).toBe(2);
    expect(created.content.values['delegations.out.people']).toBe(6);
    expect(created.content.values['delegations.out.countries']).toEqual(['Nhật Bản']);
    const figure = created.content.logbook?.figures['delegations.out.count'];
    expect(figure?.computed).toBe(2);
    expect(figure?.records).toEqual([
      [ids[0], 1],
      [ids[1], 1],
    ]);
    // Nothing recorded, nothing filled: the officer types it or answers "không phát sinh".
    expect(created.content.values['workers.abroad']).toBeUndefined();
    // The activity lines lead the section, in date order, as the document prints them.
    const text = previewText(created.document);
    const first = text.indexOf('Tham mưu UBND xã cử đoàn đi khảo sát');
    const second = text.indexOf('Tiếp và làm việc với Đoàn công tác của tỉnh Gunma');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);

    // Opening it again changes nothing (no new revision when the records did not change).
    const again = await open();
    expect(again.report.revision).toBe(created.report.revision);
  });

  it('lists the records behind a figure, without personal data', async () => {
    const res = await officer.request(
      'GET',
      `/api/reports/${reportId}/logbook/records?code=delegations.out.count`,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; startsOn: string; title: string }[];
    expect(items.map((i) => [i.id, i.startsOn, i.title])).toEqual([
      [ids[0], '2026-01-12', 'Khảo sát mô hình nông nghiệp tại Nhật Bản'],
      [ids[1], '2026-02-20', 'Dự hội chợ nông sản tại Nhật Bản'],
    ]);
  });

  it('refuses an override without a reason, keeps both values and the reason with one', async () => {
    const current = await view(reportId);
    const refused = await officer.request('POST', `/api/reports/${reportId}/logbook/override`, {
      revision: current.report.revision,
      code: 'delegations.out.count',
      value: 3,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('lý do');

    const saved = await officer.request('POST', `/api/reports/${reportId}/logbook/override`, {
      revision: current.report.revision,
      code: 'delegations.out.count',
      value: 3,
      reason: 'Một đoàn đi ngày 25/2 chưa kịp ghi vào sổ.',
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json() as ReportView;
    expect(after.content.values['delegations.out.count']).toBe(3);
    expect(after.content.logbook?.figures['delegations.out.count']).toMatchObject({
      computed: 2,
      reason: 'Một đoàn đi ngày 25/2 chưa kịp ghi vào sổ.',
    });
    expect(after.issues.some((i) => i.path === 'delegations.out.count' && i.severity === 'error')).toBe(
      false,
    );

    // A refresh keeps the override; a record added in the window moves the computed figure.
    await insertRecords(database.db, unit, [delegation('2026-02-25', 'Đoàn đi ngày 25/2')]);
    const refreshed = await officer.request('POST', `/api/reports/${reportId}/logbook/refresh`, {
      revision: after.report.revision,
    });
    expect(refreshed.statusCode).toBe(200);
    const r = refreshed.json() as ReportView;
    expect(r.content.values['delegations.out.count']).toBe(3);
    expect(r.content.logbook?.figures['delegations.out.count']?.computed).toBe(3);
    // The people follow the records (the officer never overrode them).
    expect(r.content.values['delegations.out.people']).toBe(9);
  });

  it('blocks submission of a figure changed by autosave without a reason', async () => {
    const current = await view(reportId);
    const patched = await officer.request('PATCH', `/api/reports/${reportId}`, {
      revision: current.report.revision,
      changes: { values: { 'delegations.out.people': 12 } },
    });
    expect(patched.statusCode).toBe(200);
    // The autosave never writes what the logbook gave (only the server computes it).
    const forged = await officer.request('PATCH', `/api/reports/${reportId}`, {
      revision: patched.json().report.revision,
      changes: { logbook: { computedAt: 'x', window: { start: '2026-01-01', end: '2026-01-02' } } },
    });
    expect(forged.statusCode).toBe(400);
    const submitted = await officer.request('POST', `/api/reports/${reportId}/submit`, {
      revision: patched.json().report.revision,
    });
    expect(submitted.statusCode).toBe(400);
    expect(submitted.json().error.message).toContain('khác số tính từ sổ theo dõi');
    // Back to the computed figure.
    const back = await officer.request('POST', `/api/reports/${reportId}/logbook/override`, {
      revision: patched.json().report.revision,
      code: 'delegations.out.people',
      value: null,
    });
    expect((back.json() as ReportView).content.values['delegations.out.people']).toBe(9);
  });

  it('freezes the figures at issue and shows a later change of a record, with the record', async () => {
    const signerId = await buildSigner(database.db, '18562');
    // The leader's approval is the workflow's own test; here the report is ready to issue.
    await database.db.update(reports).set({ status: 'approved' }).where(eq(reports.id, reportId));
    const issued = await leader.request('POST', `/api/reports/${reportId}/issue`, {
      signerId,
      issuedOn: '2026-04-10',
    });
    expect(issued.statusCode).toBe(200);
    expect((issued.json() as ReportView).logbook).toEqual({ differences: [] });

    // Refreshing an issued report is refused: its figures are frozen.
    const refused = await officer.request('POST', `/api/reports/${reportId}/logbook/refresh`, {
      revision: (issued.json() as ReportView).report.revision,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('REPORT_LOCKED');

    await changeRecord(database.db, ids[1] as number, { size: 5 });
    await deleteRecord(database.db, ids[0] as number);
    const later = await view(reportId);
    const people = later.logbook?.differences.find((d) => d.code === 'delegations.out.people');
    expect(people).toMatchObject({ issued: 9, now: 8 });
    expect(people?.records.map((r) => [r.id, r.change])).toEqual([
      [ids[0], 'deleted'],
      [ids[1], 'changed'],
    ]);
    expect(people?.records[1]?.record?.title).toBe('Dự hội chợ nông sản tại Nhật Bản');
    const count = later.logbook?.differences.find((d) => d.code === 'delegations.out.count');
    expect(count).toMatchObject({ issued: 3, now: 2 });
    // The issued content still names the records it was computed from.
    expect(later.content.logbook?.figures['delegations.out.count']?.records.map(([id]) => id)).toContain(
      ids[0],
    );

    // The leader is offered a corrected report: reopened, it takes the records as they are now.
    const seen = (await leader.request('GET', `/api/reports/${reportId}`)).json() as ReportView;
    expect(seen.report.steps).toContain('correct');
    const reopened = await leader.request('POST', `/api/reports/${reportId}/correct`, {
      revision: seen.report.revision,
    });
    expect(reopened.statusCode).toBe(200);
    expect((reopened.json() as ReportView).report.status).toBe('returned');
    const refreshed = await officer.request('POST', `/api/reports/${reportId}/logbook/refresh`, {
      revision: (reopened.json() as ReportView).report.revision,
    });
    const corrected = refreshed.json() as ReportView;
    expect(corrected.content.values['delegations.out.people']).toBe(8);
    // The officer's 3 had become the records' own figure before issuing (the late delegation was
    // recorded), so it follows the records again: 2 now that one is deleted.
    expect(corrected.content.values['delegations.out.count']).toBe(2);
    expect(corrected.content.logbook?.figures['delegations.out.count']).toEqual({
      computed: 2,
      records: [
        [ids[1], 2],
        [expect.any(Number), 1],
      ],
    });
    expect(corrected.logbook).toBeNull();
  });
});
