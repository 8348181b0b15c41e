/**
 * "Read once": opening a report and an autosave cost a small, fixed number of SQL statements,
 * whatever the report's size (a query logger on the test database counts them, the session check
 * included).
 */
import { readFileSync } from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
import type { ReportSaved, ReportView } from '../../src/domain/api-reports.js';
import type { ReportJson } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const THACH_HA = '18562';
let database: TestDatabase;
let app: App;
let officer: Client;
let leader: Client;
let counting = false;
let statements: string[] = [];

/** The example of Thạch Hà's yearly report: every section filled, long texts (≈14 KB). */
const example = JSON.parse(
  readFileSync(new URL('../support/fixtures/000-thach-ha-commune-report.json', import.meta.url), 'utf8'),
) as ReportJson;

beforeAll(async () => {
  database = await createTestDatabase({
    logQuery: (query) => {
      if (counting) statements.push(query);
    },
  });
  app = await buildTestApp(database.db);
  await buildUser(database.db, [{ role: 'commune_officer', unitCode: THACH_HA }], { username: 'q.officer' });
  await buildUser(database.db, [{ role: 'commune_leader', unitCode: THACH_HA }], { username: 'q.leader' });
  officer = await signIn(app, 'q.officer');
  leader = await signIn(app, 'q.leader');
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  statements = [];
  counting = true;
  try {
    const result = await run();
    return { result, statements: [...statements] };
  } finally {
    counting = false;
  }
}

async function outlineId(): Promise<number> {
  const res = await officer.request('GET', '/api/outlines');
  const list = res.json() as { items: { id: number; code: string }[] };
  const found = list.items.find((o) => o.code === 'commune-report');
  if (!found) throw new Error('no commune-report outline');
  return found.id;
}

async function open(period: { kind: string; year: number; index: number }): Promise<ReportView> {
  const res = await officer.request('POST', `/api/units/${await unitId(database.db, THACH_HA)}/reports`, {
    outlineId: await outlineId(),
    period,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReportView;
}

describe('SQL statements per request', () => {
  it('opening a report takes at most 6 statements and an autosave at most 4, small or large', async () => {
    const { format: _f, unit: _u, outline: _o, period: _p, ...full } = example;
    const figures: { size: string; open: number; save: number; patch: number }[] = [];
    for (const [size, content, period] of [
      ['empty', {}, { kind: 'year', year: 2024, index: 0 }],
      ['full example', full, { kind: 'year', year: 2025, index: 0 }],
    ] as const) {
      const view = await open(period);
      // A history, a return with comments and a submitted version: every part of the view has rows.
      const filled = await officer.request('PUT', `/api/reports/${view.report.id}`, {
        revision: view.report.revision,
        content: { ...view.content, ...content },
      });
      expect(filled.statusCode, filled.body).toBe(200);
      let revision = (filled.json() as ReportSaved).report.revision;
      if (size === 'full example') {
        const submitted = await officer.request('POST', `/api/reports/${view.report.id}/submit`, {
          revision,
        });
        expect(submitted.statusCode, submitted.body).toBe(200);
        const returned = await leader.request('POST', `/api/reports/${view.report.id}/return`, {
          revision: (submitted.json() as ReportView).report.revision,
          comment: 'Bổ sung số liệu lao động.',
          comments: [{ target: 'delegations.in.count', body: 'Kiểm tra lại số đoàn vào.' }],
        });
        expect(returned.statusCode, returned.body).toBe(200);
        revision = (returned.json() as ReportView).report.revision;
      }
      // Warm: the unit-name catalogue is read once and kept (as in a running server).
      await officer.request('GET', `/api/reports/${view.report.id}`);

      const opened = await counted(() => officer.request('GET', `/api/reports/${view.report.id}`));
      expect(opened.result.statusCode).toBe(200);
      const openedView = opened.result.json() as ReportView;
      if (size === 'full example') {
        expect(openedView.report.comments).toHaveLength(2);
        expect(openedView.report.changes).toBeNull();
        expect(openedView.report.status).toBe('returned');
      }
      expect(opened.statements.length, opened.statements.join('\n---\n')).toBeLessThanOrEqual(6);

      const saved = await counted(() =>
        officer.request('PUT', `/api/reports/${view.report.id}`, {
          revision,
          content: {
            ...openedView.content,
            narratives: { ...openedView.content.narratives, extra: { text: 'Thêm.', mode: 'append' } },
          },
        }),
      );
      expect(saved.result.statusCode, saved.result.body).toBe(200);
      expect((saved.result.json() as ReportSaved).report.revision).toBe(revision + 1);
      expect(saved.statements.length, saved.statements.join('\n---\n')).toBeLessThanOrEqual(4);
      // The form's autosave: only what changed (PATCH).
      const patched = await counted(() =>
        officer.request('PATCH', `/api/reports/${view.report.id}`, {
          revision: revision + 1,
          changes: { values: { 'foreigners.resident': 11 } },
        }),
      );
      expect(patched.result.statusCode, patched.result.body).toBe(200);
      expect((patched.result.json() as ReportSaved).report.revision).toBe(revision + 2);
      expect(patched.statements.length, patched.statements.join('\n---\n')).toBeLessThanOrEqual(4);
      figures.push({
        size,
        open: opened.statements.length,
        save: saved.statements.length,
        patch: patched.statements.length,
      });
    }
    // Whatever the size: the same number of statements.
    expect(new Set(figures.map((f) => f.open)).size).toBe(1);
    expect(new Set(figures.map((f) => f.save)).size).toBe(1);
    expect(new Set(figures.map((f) => f.patch)).size).toBe(1);
  });

  it('an autosave writes its audit row in the same statement as the change', async () => {
    const view = await open({ kind: 'year', year: 2023, index: 0 });
    const saved = await counted(() =>
      officer.request('PUT', `/api/reports/${view.report.id}`, {
        revision: view.report.revision,
        content: { ...view.content, values: { 'foreigners.resident': 7 } },
      }),
    );
    expect(saved.result.statusCode).toBe(200);
    const writes = saved.statements.filter((s) => /\b(update|insert)\b/i.test(s));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/UPDATE reports[\s\S]*INSERT INTO audit_log/);
  });

  it('an autosave reads nothing before it writes; the database records only what changed, long texts cut', async () => {
    const view = await open({ kind: 'year', year: 2022, index: 0 });
    const long = `Xã đã tổ chức ${'rất nhiều '.repeat(40)}hoạt động.`;
    const saved = await counted(() =>
      officer.request('PUT', `/api/reports/${view.report.id}`, {
        revision: view.report.revision,
        content: {
          ...view.content,
          values: { ...view.content.values, 'foreigners.resident': 9 },
          narratives: { ...view.content.narratives, extra: { text: long, mode: 'append' } },
        },
      }),
    );
    expect(saved.result.statusCode, saved.result.body).toBe(200);
    // The session check, then the one write: no read of the report in between.
    const rest = saved.statements.filter((s) => !/\bsessions\b/.test(s));
    expect(rest, saved.statements.join('\n---\n')).toHaveLength(1);
    const [row] = await database.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(view.report.id)), eq(auditLog.action, 'report.save')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row?.before).toEqual({
      revision: view.report.revision,
      'values.foreigners.resident': null,
      'narratives.extra': null,
    });
    const text = (
      (row?.after as Record<string, unknown> | undefined)?.['narratives.extra'] as
        | { text: string }
        | undefined
    )?.text;
    expect(text).toBe(`${long.slice(0, 300)}…`);
    expect(row?.after).toMatchObject({
      revision: view.report.revision + 1,
      'values.foreigners.resident': 9,
      'narratives.extra': { mode: 'append' },
    });
  });
});
