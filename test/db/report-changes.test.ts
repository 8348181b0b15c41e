/**
 * The autosave sends only what changed (PATCH /api/reports/:id): the database applies the changes
 * to the stored content under the revision check, in one statement with its audit row; the content
 * stored is the content the form holds; every refusal of the whole-content save (PUT) is refused
 * alike, with the same code and the same Vietnamese message.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reports } from '../../src/db/schema.js';
import type { ReportConflictResponse, ReportSaved, ReportView } from '../../src/domain/api-reports.js';
import { reportContentChanges } from '../../src/domain/report-changes.js';
import type { ReportContent } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let colleague: Client;
let sibling: Client;
let leader: Client;
let unit = 0;
let outlineId = 0;
let counting = false;
let statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({
    logQuery: (query) => {
      if (counting) statements.push(query);
    },
  });
  app = await buildTestApp(database.db);
  unit = await unitId(database.db, '18562'); // Xã Thạch Hà
  const client = async (role: 'commune_officer' | 'commune_leader', unitCode: string) =>
    signIn(app, (await buildUser(database.db, [{ role, unitCode }])).username);
  officer = await client('commune_officer', '18562');
  colleague = await client('commune_officer', '18562');
  leader = await client('commune_leader', '18562');
  sibling = await client('commune_officer', '18277');
  const outlines = (await officer.request('GET', '/api/outlines')).json().items as {
    id: number;
    code: string;
  }[];
  outlineId = outlines.find((o) => o.code === 'commune-report')?.id ?? 0;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

let nextMonth = 0;
async function draft(): Promise<ReportView> {
  nextMonth += 1;
  const res = await officer.request('POST', `/api/units/${unit}/reports`, {
    outlineId,
    period: { kind: 'month', year: 2025, index: nextMonth },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReportView;
}

const patch = (client: Client, id: number, revision: number, changes: object) =>
  client.request('PATCH', `/api/reports/${id}`, { revision, changes });

async function stored(id: number) {
  const [row] = await database.db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw new Error(`report ${id} not found`);
  return row;
}

async function lastSave(id: number) {
  const [row] = await database.db
    .select({ before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, String(id)), eq(auditLog.action, 'report.save')))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('autosave of what changed', () => {
  it('stores exactly the content the form holds, edit after edit, in one statement with its audit row', async () => {
    const view = await draft();
    const id = view.report.id;
    let base = view.content;
    let revision = view.report.revision;
    const edits: ((c: ReportContent) => ReportContent)[] = [
      (c) => ({ ...c, values: { ...c.values, 'foreigners.resident': 12, 'delegations.in.count': 3 } }),
      (c) => ({
        ...c,
        narratives: { ...c.narratives, background: { text: 'Tình hình ổn định.', mode: 'append' } },
      }),
      (c) => ({
        ...c,
        values: { ...c.values, 'foreigners.resident': 13 },
        nil: { all: false, sections: ['x'] },
      }),
      (c) => ({ ...c, window: { start: '2025-01-10', end: '2025-02-09' }, kept: ['background#1'] }),
      (c) => {
        const { background: _gone, ...narratives } = c.narratives;
        const { 'delegations.in.count': _removed, ...values } = c.values;
        const { window: _window, ...rest } = c;
        return { ...rest, values, narratives };
      },
    ];
    for (const edit of edits) {
      const next = edit(base);
      statements = [];
      counting = true;
      const res = await patch(officer, id, revision, reportContentChanges(base, next));
      counting = false;
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as ReportSaved).report.revision).toBe(revision + 1);
      const row = await stored(id);
      expect(row.content).toEqual(next);
      // The session check and one write (a window removed puts the period's back: one more).
      const writes = statements.filter((s) => !/\bsessions\b/.test(s));
      expect(writes.length, statements.join('\n---\n')).toBeLessThanOrEqual(
        next.window || !base.window ? 1 : 2,
      );
      expect(writes[0]).toMatch(/UPDATE reports[\s\S]*INSERT INTO audit_log/);
      base = next;
      revision += 1;
    }
    // A window removed: the report follows its period's window again.
    const reread = (await officer.request('GET', `/api/reports/${id}`)).json() as ReportView;
    expect(reread.report.window).toEqual({ start: '2024-12-15', end: '2025-01-14' });
    expect(reread.content).toEqual(base);
  });

  it('audits only the keys that changed, long texts cut', async () => {
    const view = await draft();
    const long = `Xã đã tổ chức ${'rất nhiều '.repeat(40)}hoạt động.`;
    const res = await patch(officer, view.report.id, view.report.revision, {
      values: { 'foreigners.resident': 9 },
      narratives: { extra: { text: long, mode: 'append' } },
      // Sent, but the same as stored: not a change.
      nil: view.content.nil,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await lastSave(view.report.id);
    expect(row?.before).toEqual({
      revision: view.report.revision,
      'values.foreigners.resident': null,
      'narratives.extra': null,
    });
    expect(row?.after).toEqual({
      revision: view.report.revision + 1,
      'values.foreigners.resident': 9,
      'narratives.extra': { text: `${long.slice(0, 300)}…`, mode: 'append' },
    });
  });

  it('CONFLICT: changes made on a revision someone else moved on get 409 with the server copy', async () => {
    const view = await draft();
    const id = view.report.id;
    const first = await patch(officer, id, 1, { values: { 'foreigners.resident': 120 } });
    expect(first.statusCode).toBe(200);
    const second = await patch(colleague, id, 1, { values: { 'foreigners.resident': 125 } });
    expect(second.statusCode).toBe(409);
    const body = second.json() as ReportConflictResponse;
    expect(body.error.code).toBe('REPORT_CONFLICT');
    expect(body.error.message).toMatch(/Bản của bạn chưa được lưu/);
    expect(body.current?.revision).toBe(2);
    expect(body.current?.content.values['foreigners.resident']).toBe(120);
    expect((await stored(id)).content as ReportContent).toMatchObject({
      values: { 'foreigners.resident': 120 },
    });
    // Of saves racing from one revision exactly one wins.
    const race = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        patch(n % 2 ? officer : colleague, id, 2, { values: { 'foreigners.resident': n } }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect((await stored(id)).revision).toBe(3);
  });

  it('refuses what the whole-content save refuses, with the same code and message', async () => {
    const view = await draft();
    const id = view.report.id;
    const cases: { content: object; changes: object }[] = [
      {
        content: { values: { 'delegations.in.count': 1e15 } },
        changes: { values: { 'delegations.in.count': 1e15 } },
      },
      {
        content: { narratives: { background: { text: 'a'.repeat(25_000) } } },
        changes: { narratives: { background: { text: 'a'.repeat(25_000) } } },
      },
      {
        content: { window: { start: '2025-02-31', end: '2025-03-01' } },
        changes: { window: { start: '2025-02-31', end: '2025-03-01' } },
      },
      {
        content: { window: { start: '2025-03-31', end: '2025-03-01' } },
        changes: { window: { start: '2025-03-31', end: '2025-03-01' } },
      },
      {
        content: { values: { 'trade.export': 'x'.repeat(3000) } },
        changes: { values: { 'trade.export': 'x'.repeat(3000) } },
      },
    ];
    for (const { content, changes } of cases) {
      const whole = await officer.request('PUT', `/api/reports/${id}`, { revision: 1, content });
      const part = await patch(officer, id, 1, changes);
      expect(whole.statusCode, whole.body).toBe(400);
      expect(part.statusCode, part.body).toBe(400);
      const [w, p] = [whole.json().error, part.json().error];
      expect(p.code).toBe(w.code);
      expect(p.message).toBe(w.message);
      expect(p.fields.map((f: { message: string }) => f.message)).toEqual(
        w.fields.map((f: { message: string }) => f.message),
      );
      expect(p.fields.map((f: { path: string }) => f.path.replace(/^changes\./, ''))).toEqual(
        w.fields.map((f: { path: string }) => f.path.replace(/^content\./, '')),
      );
    }
    // A part the content does not have is refused (the whole content strips it silently).
    const unknown = await patch(officer, id, 1, { format: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION');
    // Another commune, no session, a report that does not exist: as the PUT.
    for (const [client, target] of [
      [sibling, id],
      [officer, 999_999],
    ] as const) {
      const w = await client.request('PUT', `/api/reports/${target}`, { revision: 1, content: {} });
      const p = await patch(client, target, 1, {});
      expect([p.statusCode, p.json().error.code, p.json().error.message]).toEqual([
        w.statusCode,
        w.json().error.code,
        w.json().error.message,
      ]);
    }
    const anonymous = await app.inject({
      method: 'PATCH',
      url: `/api/reports/${id}`,
      payload: { revision: 1, changes: {} },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await stored(id)).revision).toBe(1);
  });

  it('a report sent to the leader is locked against changes, as against a whole save', async () => {
    const view = await draft();
    const id = view.report.id;
    const nil = await officer.request('POST', `/api/reports/${id}/nil`, { revision: 1, all: true });
    expect(nil.statusCode, nil.body).toBe(200);
    const revision = (nil.json() as ReportView).report.revision;
    const sent = await officer.request('POST', `/api/reports/${id}/submit`, { revision });
    expect(sent.statusCode, sent.body).toBe(200);
    const now = (sent.json() as ReportView).report.revision;
    const w = await officer.request('PUT', `/api/reports/${id}`, { revision: now, content: {} });
    const p = await patch(officer, id, now, { values: { 'foreigners.resident': 1 } });
    expect(p.statusCode).toBe(409);
    expect(p.json().error.code).toBe('REPORT_LOCKED');
    expect(p.json().error.message).toBe(w.json().error.message);
    expect((await leader.request('GET', `/api/reports/${id}`)).json().report.status).toBe('submitted');
  });
});
