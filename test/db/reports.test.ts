/**
 * Reports through the API on a real database: creating a draft, autosave with revisions, the
 * conflict of two editors, clean text, field messages, size limits, periods in the future, other
 * communes' reports, comparisons pre-filled, import/export, submission and return, the audit.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reports } from '../../src/db/schema.js';
import type { ReportConflictResponse, ReportSaved, ReportView } from '../../src/domain/api-reports.js';
import { previewText } from '../../src/domain/drafting/preview.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let colleague: Client;
let leader: Client;
let sibling: Client;
let unit = 0;
let outlineId = 0;
let officerName = '';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  unit = await unitId(database.db, '18562'); // Xã Thạch Hà
  const a = await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }]);
  officerName = a.fullName;
  officer = await signIn(app, a.username);
  colleague = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
  leader = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_leader', unitCode: '18562' }])).username,
  );
  sibling = await signIn(
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

const create = async (client: Client, period: object, extra: object = {}) =>
  client.request('POST', `/api/units/${unit}/reports`, { outlineId, period, ...extra });

const save = async (client: Client, id: number, revision: number, content: object) =>
  client.request('PUT', `/api/reports/${id}`, { revision, content });

const auditRows = (id: number) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'report'), eq(auditLog.entityId, String(id))));

describe('creating a report', () => {
  it('opens a draft with the form, the drafted text and the preview, once per period', async () => {
    const res = await create(officer, { kind: 'quarter', year: 2026, index: 1 });
    expect(res.statusCode).toBe(200);
    const view = res.json() as ReportView;
    expect(view.report).toMatchObject({
      status: 'draft',
      statusLabel: 'Đang soạn',
      revision: 1,
      periodKey: 'quarter-2026-1',
      periodLabel: 'Quý I năm 2026',
      window: { start: '2025-12-15', end: '2026-03-14' },
      unit: { code: '18562' },
      outline: { code: 'commune-report', version: 1 },
      canEdit: true,
      canSubmit: true,
      canReturn: false,
    });
    expect(view.outline.code).toBe('commune-report');
    expect(previewText(view.document)).toContain('BÁO CÁO');
    expect(previewText(view.document)).toContain('Quý I năm 2026');
    const again = (await create(colleague, { kind: 'quarter', year: 2026, index: 1 })).json() as ReportView;
    expect(again.report.id).toBe(view.report.id);
    expect(await auditRows(view.report.id)).toHaveLength(1);
  });

  it('refuses a period whose data has not started, naming the period', async () => {
    const res = await create(officer, { kind: 'year', year: 2099 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PERIOD_IN_FUTURE');
    expect(res.json().error.message).toContain('năm 2099');
    const month = await create(officer, { kind: 'month', year: 2026, index: 13 });
    expect(month.statusCode).toBe(400);
    expect(month.json().error.fields[0].path).toMatch(/^period/);
  });

  it('keeps another commune out: no creating, reading or saving its reports', async () => {
    const view = (await create(officer, { kind: 'month', year: 2026, index: 2 })).json() as ReportView;
    expect((await sibling.request('GET', `/api/reports/${view.report.id}`)).statusCode).toBe(403);
    expect((await save(sibling, view.report.id, 1, {})).statusCode).toBe(403);
    expect((await sibling.request('GET', `/api/reports/${view.report.id}/export`)).statusCode).toBe(403);
    expect((await create(sibling, { kind: 'month', year: 2026, index: 2 })).statusCode).toBe(403);
    expect((await sibling.request('GET', `/api/units/${unit}/reports`)).statusCode).toBe(403);
    expect(await auditRows(view.report.id)).toHaveLength(1);
  });

  it('lets the province read a commune report (list, view, export) without editing it', async () => {
    const province = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'province_officer', unitCode: '42' }])).username,
    );
    const view = (await create(officer, { kind: 'month', year: 2026, index: 4 })).json() as ReportView;
    const id = view.report.id;
    expect(view.report).toMatchObject({ canEdit: true, canSubmit: true });

    const list = await province.request('GET', `/api/units/${unit}/reports`);
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { id: number }[]).map((r) => r.id)).toContain(id);
    const opened = await province.request('GET', `/api/reports/${id}`);
    expect(opened.statusCode).toBe(200);
    expect((opened.json() as ReportView).report).toMatchObject({
      id,
      status: 'draft',
      canEdit: false,
      canSubmit: false,
      canReturn: false,
    });
    expect((await province.request('GET', `/api/reports/${id}/export`)).statusCode).toBe(200);
    expect((await province.request('GET', `/api/reports/${id}/document.docx`)).statusCode).toBe(200);
    expect((await save(province, id, view.report.revision, {})).statusCode).toBe(403);

    const own = await officer.request('GET', `/api/reports/${id}`);
    expect((own.json() as ReportView).report).toMatchObject({ canEdit: true, canSubmit: true });
    expect((await sibling.request('GET', `/api/reports/${id}`)).statusCode).toBe(403);
    expect((await sibling.request('GET', `/api/units/${unit}/reports`)).statusCode).toBe(403);
  });
});

describe('autosave', () => {
  it('stores the content, moves the revision on and audits only what changed', async () => {
    const view = (await create(officer, { kind: 'month', year: 2026, index: 3 })).json() as ReportView;
    const id = view.report.id;
    const res = await save(officer, id, 1, {
      values: { 'foreigners.resident': 130, 'delegations.in.count': 3 },
    });
    expect(res.statusCode).toBe(200);
    // The save answers the new revision only; the report read again has the content and its document.
    const saved = res.json() as ReportSaved;
    expect(saved.report.revision).toBe(2);
    expect(saved.report.updatedBy?.fullName).toBe(officerName);
    const reread = (await officer.request('GET', `/api/reports/${id}`)).json() as ReportView;
    expect(reread.content.values['foreigners.resident']).toBe(130);
    expect(previewText(reread.document)).toContain('130');
    const rows = await auditRows(id);
    const last = rows.find((r) => r.action === 'report.save');
    expect(last?.after).toMatchObject({ revision: 2, 'values.foreigners.resident': 130 });
    expect(last?.before).toMatchObject({ revision: 1, 'values.foreigners.resident': null });
    expect(Object.keys(last?.after as object)).not.toContain('narratives');
  });

  it('CONFLICT: of two saves from the same revision the second gets 409 with the server copy; nothing is lost', async () => {
    const view = (await create(officer, { kind: 'month', year: 2026, index: 4 })).json() as ReportView;
    const id = view.report.id;
    const first = await save(officer, id, 1, { values: { 'foreigners.resident': 120 } });
    expect(first.statusCode).toBe(200);
    const second = await save(colleague, id, 1, { values: { 'foreigners.resident': 125 } });
    expect(second.statusCode).toBe(409);
    const body = second.json() as ReportConflictResponse;
    expect(body.error.code).toBe('REPORT_CONFLICT');
    expect(body.error.message).toContain(officerName);
    expect(body.current?.revision).toBe(2);
    expect(body.current?.content.values['foreigners.resident']).toBe(120);
    expect(body.current?.updatedBy?.fullName).toBe(officerName);
    // The second editor keeps his copy and saves it knowingly on top of the current revision.
    const retry = await save(colleague, id, body.current?.revision ?? 0, {
      values: { 'foreigners.resident': 125 },
    });
    expect(retry.statusCode).toBe(200);
    expect((retry.json() as ReportView).report.revision).toBe(3);
    const saves = (await auditRows(id)).filter((r) => r.action === 'report.save');
    expect(saves).toHaveLength(2);
  });

  it('really concurrent saves from one revision: exactly one wins', async () => {
    const view = (await create(officer, { kind: 'month', year: 2026, index: 5 })).json() as ReportView;
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        save(n % 2 ? officer : colleague, view.report.id, 1, { values: { 'foreigners.resident': n } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, view.report.id));
    expect(row?.revision).toBe(2);
  });

  it('stores NFD text as NFC, without control characters', async () => {
    const view = (await create(officer, { kind: 'month', year: 2026, index: 6 })).json() as ReportView;
    const typed = 'Đoàn công tác xã Thạch Hà\u0007 làm việc'.normalize('NFD');
    const res = await save(officer, view.report.id, 1, { narratives: { background: { text: typed } } });
    expect(res.statusCode).toBe(200);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, view.report.id));
    const content = row?.content as { narratives: Record<string, { text: string }> } | undefined;
    const stored = content?.narratives.background?.text;
    expect(stored).toBe('Đoàn công tác xã Thạch Hà làm việc'.normalize('NFC'));
    expect(stored?.normalize('NFC')).toBe(stored);
  });

  it('gives field messages for negative, decimal and absurd values, and still saves the draft', async () => {
    const view = (await create(officer, { kind: 'month', year: 2026, index: 7 })).json() as ReportView;
    const res = await save(officer, view.report.id, 1, {
      values: { 'delegations.in.count': -2, 'foreigners.resident': 12.5 },
    });
    expect(res.statusCode).toBe(200);
    // The save answers at once; the report read again carries the checks of what was saved.
    const reread = (await officer.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
    const issues = reread.issues;
    const at = (path: string) => issues.filter((i) => i.path === path && i.severity === 'error');
    expect(at('delegations.in.count')[0]?.message).toMatch(/âm/);
    expect(at('foreigners.resident')[0]?.message).toMatch(/số nguyên|thập phân/);
    expect(reread.content.values['delegations.in.count']).toBe(-2);
    const absurd = await save(officer, view.report.id, 2, { values: { 'delegations.in.count': 1e15 } });
    expect(absurd.statusCode).toBe(400);
    expect(absurd.json().error.fields[0]).toMatchObject({
      path: 'content.values.delegations.in.count',
    });
    expect(absurd.json().error.fields[0].message).toMatch(/quá lớn/);
  });

  it('refuses a text too long with a clear message, and a 1 MB body before reading it', async () => {
    const view = (await create(officer, { kind: 'month', year: 2026, index: 8 })).json() as ReportView;
    const long = await save(officer, view.report.id, 1, {
      narratives: { background: { text: 'a'.repeat(25_000) } },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].path).toBe('content.narratives.background.text');
    expect(long.json().error.fields[0].message).toMatch(/quá dài/);
    const huge = await save(officer, view.report.id, 1, {
      narratives: { background: { text: 'a'.repeat(1_100_000) } },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/quá lớn \(tối đa 1 MB\)/);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, view.report.id));
    expect(row?.revision).toBe(1);
    expect(await auditRows(view.report.id)).toHaveLength(1);
  });
});

describe('data window', () => {
  it('takes an override at creation and on save, and names the field of a wrong one', async () => {
    const res = await create(
      officer,
      { kind: 'month', year: 2026, index: 9 },
      { window: { start: '2026-08-01', end: '2026-08-31' } },
    );
    const view = res.json() as ReportView;
    expect(view.report.window).toEqual({ start: '2026-08-01', end: '2026-08-31' });
    const bad = await save(officer, view.report.id, 1, {
      window: { start: '2026-08-31', end: '2026-08-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('content.window.end');
    const back = await save(officer, view.report.id, 1, {});
    expect(back.statusCode).toBe(200);
    const reread = (await officer.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
    expect(reread.report.window).toEqual({ start: '2026-08-15', end: '2026-09-14' });
  });
});

describe('comparisons', () => {
  it('pre-fills the previous period and the same period last year from earlier reports', async () => {
    const half2 = (await create(officer, { kind: 'half2', year: 2025 })).json() as ReportView;
    await save(officer, half2.report.id, 1, { values: { 'foreigners.resident': 110 } });
    const half1 = (await create(officer, { kind: 'half1', year: 2025 })).json() as ReportView;
    await save(officer, half1.report.id, 1, { values: { 'foreigners.resident': 90 } });
    const now = (await create(officer, { kind: 'half1', year: 2026 })).json() as ReportView;
    expect(now.content.comparison.previous?.['foreigners.resident']).toBe(110);
    expect(now.content.comparison.sameLastYear?.['foreigners.resident']).toBe(90);
    expect(now.report.previousPeriodLabel).toBe('6 tháng cuối năm 2025');
    expect(now.report.sameLastYearLabel).toBe('6 tháng đầu năm 2025');
  });
});

describe('"không phát sinh", submission and return', () => {
  it('refuses submission while required parts are missing, then submits, locks and returns', async () => {
    const view = (await create(officer, { kind: 'quarter', year: 2026, index: 2 })).json() as ReportView;
    const id = view.report.id;
    const refused = await officer.request('POST', `/api/reports/${id}/submit`, { revision: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('REPORT_INCOMPLETE');
    expect(refused.json().error.fields.length).toBeGreaterThan(0);
    const nil = await officer.request('POST', `/api/reports/${id}/nil`, { revision: 1, all: true });
    expect(nil.statusCode).toBe(200);
    expect((nil.json() as ReportView).content.nil.all).toBe(true);
    const wrongKey = await officer.request('POST', `/api/reports/${id}/nil`, {
      revision: 2,
      sections: ['khong-co'],
    });
    expect(wrongKey.statusCode).toBe(400);
    expect(wrongKey.json().error.fields[0].path).toBe('sections.0');
    const submitted = await officer.request('POST', `/api/reports/${id}/submit`, { revision: 2 });
    expect(submitted.statusCode).toBe(200);
    expect((submitted.json() as ReportView).report.status).toBe('submitted');
    const locked = await save(officer, id, 3, { values: {} });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('REPORT_LOCKED');
    expect(
      (await officer.request('POST', `/api/reports/${id}/return`, { revision: 3, comment: 'Sửa lại' }))
        .statusCode,
    ).toBe(403);
    const returned = await leader.request('POST', `/api/reports/${id}/return`, {
      revision: 3,
      comment: 'Bổ sung số liệu người nước ngoài.',
    });
    expect(returned.statusCode).toBe(200);
    expect((returned.json() as ReportView).report).toMatchObject({
      status: 'returned',
      returnComment: 'Bổ sung số liệu người nước ngoài.',
      canReturn: false,
    });
    expect((await save(officer, id, 4, { values: { 'foreigners.resident': 5 } })).statusCode).toBe(200);
    const actions = (await auditRows(id)).map((r) => r.action);
    expect(actions).toEqual(['report.create', 'report.nil', 'report.submit', 'report.return', 'report.save']);
  });
});

describe('report JSON export and import', () => {
  it('round-trips a report through its file, and refuses a file of another unit', async () => {
    const view = (await create(officer, { kind: 'nine_months', year: 2026 })).json() as ReportView;
    const id = view.report.id;
    await save(officer, id, 1, {
      values: { 'foreigners.resident': 77 },
      narratives: { background: { text: 'Tình hình ổn định.' } },
    });
    const exported = await officer.request('GET', `/api/reports/${id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('bao-cao-18562-nine_months-2026.json');
    const file = exported.json();
    expect(file).toMatchObject({
      format: 'doingoai.report/1',
      unit: { code: '18562' },
      outline: { code: 'commune-report', version: 1 },
      period: { kind: 'nine_months', year: 2026 },
      values: { 'foreigners.resident': 77 },
    });
    // Into a new period: a new draft with the same content.
    const copy = await officer.request('POST', `/api/units/${unit}/reports/import`, {
      ...file,
      period: { kind: 'year', year: 2025 },
    });
    expect(copy.statusCode).toBe(200);
    const copied = copy.json() as ReportView;
    expect(copied.report.id).not.toBe(id);
    expect(copied.content.values['foreigners.resident']).toBe(77);
    expect(copied.content.narratives.background?.text).toBe('Tình hình ổn định.');
    // Over the existing draft: only by naming its revision.
    const changed = { ...file, values: { 'foreigners.resident': 78 } };
    const blind = await officer.request('POST', `/api/units/${unit}/reports/import`, changed);
    expect(blind.statusCode).toBe(409);
    expect((blind.json() as ReportConflictResponse).current?.revision).toBe(2);
    const ok = await officer.request('POST', `/api/units/${unit}/reports/import?revision=2`, changed);
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as ReportView).content.values['foreigners.resident']).toBe(78);
    const wrongUnit = await officer.request('POST', `/api/units/${unit}/reports/import`, {
      ...file,
      unit: { code: '18277' },
    });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.fields[0].path).toBe('unit.code');
    const badValue = await officer.request('POST', `/api/units/${unit}/reports/import`, {
      ...file,
      values: { 'foreigners.resident': true },
    });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().error.fields[0].path).toMatch(/^values\.foreigners\.resident/);
  });

  it('imports an old file naming countries another way under their official names, and flags an unknown one', async () => {
    const view = (await create(officer, { kind: 'quarter', year: 2024, index: 2 })).json() as ReportView;
    const file = (await officer.request('GET', `/api/reports/${view.report.id}/export`)).json();
    const imported = await officer.request('POST', `/api/units/${unit}/reports/import?revision=1`, {
      ...file,
      values: {
        'workers.abroad': {
          total: 3,
          parts: [
            { key: 'Korea', value: 1 },
            { key: 'Myanmar', value: 1 },
            { key: 'Hàn', value: 1 },
          ],
        },
        'delegations.in.countries': ['Lao', 'Singapore'],
      },
    });
    expect(imported.statusCode).toBe(200);
    const content = (imported.json() as ReportView).content;
    expect(content.values['workers.abroad']).toEqual({
      total: 3,
      parts: [
        { key: 'Hàn Quốc', value: 1 },
        { key: 'Mi-an-ma', value: 1 },
        { key: 'Hàn', value: 1 },
      ],
    });
    expect(content.values['delegations.in.countries']).toEqual(['Lào', 'Xin-ga-po']);
    expect((imported.json() as ReportView).issues.map((i) => i.message)).toContain(
      'Không có nước hoặc vùng lãnh thổ "Hàn" trong danh mục. Có phải: Hàn Quốc?',
    );
  });
});
