/**
 * Every printed sentence is the unit's, through the API: a new report prints no default paragraph
 * of the outline; saving a kept default, an edited and a deleted paragraph changes the document
 * (and is audited); a section without a nilPhrase is answered "Không phát sinh."; a section the
 * outline requires cannot be left out.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import { previewText } from '../../src/domain/drafting/preview.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let unit = 0;
let outlineId = 0;

const BACKGROUND = 'tình hình thế giới, khu vực tiếp tục có nhiều diễn biến phức tạp';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  unit = await unitId(database.db, '18562'); // Xã Thạch Hà
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
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

const view = async (id: number) => (await officer.request('GET', `/api/reports/${id}`)).json() as ReportView;
const save = async (id: number, revision: number, content: object) =>
  officer.request('PUT', `/api/reports/${id}`, { revision, content });

describe('the paragraphs of a report', () => {
  it('prints a default only once kept, and an edited or deleted paragraph as the officer left it', async () => {
    const created = (
      await officer.request('POST', `/api/units/${unit}/reports`, {
        outlineId,
        period: { kind: 'quarter', year: 2026, index: 1 },
      })
    ).json() as ReportView;
    const id = created.report.id;
    expect(created.content.kept).toEqual([]);
    expect(previewText(created.document)).not.toContain(BACKGROUND);

    // Figures drafted, the background default kept.
    const first = await save(id, created.report.revision, {
      ...created.content,
      values: { 'foreigners.resident': 130, 'foreigners.arrived': 12 },
      kept: ['background.text'],
    });
    expect(first.statusCode).toBe(200);
    let current = await view(id);
    let text = previewText(current.document);
    expect(text).toContain(BACKGROUND);
    expect(text).toContain('130 người nước ngoài');

    // The paragraph of figures deleted, the background rewritten.
    const second = await save(id, current.report.revision, {
      ...current.content,
      narratives: {
        'foreigners#0': { text: '', mode: 'replace' },
        'background.text': { text: 'Tình hình địa phương ổn định.', mode: 'replace' },
      },
    });
    expect(second.statusCode).toBe(200);
    current = await view(id);
    text = previewText(current.document);
    expect(text).not.toContain('130 người nước ngoài');
    expect(text).not.toContain(BACKGROUND);
    expect(text).toContain('Tình hình địa phương ổn định.');
    expect(current.issues.filter((i) => i.path === 'foreigners#0')).toEqual([]);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'report'), eq(auditLog.entityId, String(id))));
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('answers "Không phát sinh." for a section without a nilPhrase, and refuses leaving out a required one', async () => {
    const created = (
      await officer.request('POST', `/api/units/${unit}/reports`, {
        outlineId,
        period: { kind: 'quarter', year: 2026, index: 2 },
      })
    ).json() as ReportView;
    const id = created.report.id;
    const nil = await officer.request('POST', `/api/reports/${id}/nil`, {
      revision: created.report.revision,
      sections: ['background'],
      nil: true,
    });
    expect(nil.statusCode).toBe(200);
    expect(previewText((nil.json() as ReportView).document)).toMatch(
      /BỐI CẢNH TÌNH HÌNH\s+Không phát sinh\./,
    );
  });
});
