/**
 * A figure of a consolidated report set by the province instead of the sum of its communes: only
 * with a reason (a clear 400 without one, nothing changed), kept with who and when and audited in
 * the same transaction, printed in the document, kept across a re-consolidation with the new sum
 * beside it; a save of the form never changes a consolidated figure, and the page's commune-only
 * step ("không phát sinh" for the whole report) is neither offered nor taken.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outlines, reports, rounds, roundUnits, units } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import type { RoundConsolidation } from '../../src/domain/consolidation/api.js';
import { findBuiltInOutline } from '../../src/domain/outlines/index.js';
import { type ReportContentInput, reportContentSchema } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const PROVINCE = '42';
const PERIOD = { kind: 'half1', year: 2026, index: 0, key: 'half1-2026' } as const;
const CODE = 'delegations.in.count';
const REASON = 'Xã thứ hai báo cáo thiếu 5 đoàn, đã xác minh qua điện thoại ngày 20/6/2026';

let database: TestDatabase;
let app: App;
let officer: Client;
let communeOfficer: Client;
let outlineId = 0;
let roundId = 0;
let reportId = 0;
let communes: { id: number; code: string; name: string }[] = [];

async function ensureOutline(): Promise<number> {
  const [existing] = await database.db
    .select({ id: outlines.id })
    .from(outlines)
    .where(eq(outlines.code, 'commune-report'))
    .limit(1);
  if (existing) return existing.id;
  const definition = findBuiltInOutline('commune-report');
  if (!definition) throw new Error('no commune outline');
  const [row] = await database.db
    .insert(outlines)
    .values({
      code: 'commune-report',
      version: definition.version,
      name: definition.name,
      documentKind: 'report',
      definition,
      builtIn: true,
    })
    .returning({ id: outlines.id });
  return row?.id ?? 0;
}

async function insertReport(unit: number, content: ReportContentInput): Promise<number> {
  const [row] = await database.db
    .insert(reports)
    .values({
      unitId: unit,
      outlineId,
      outlineCode: 'commune-report',
      periodKind: PERIOD.kind,
      periodYear: PERIOD.year,
      periodIndex: PERIOD.index,
      periodKey: PERIOD.key,
      windowStart: '2025-12-15',
      windowEnd: '2026-06-14',
      status: 'received',
      version: 1,
      content: reportContentSchema.parse(content),
      roundId,
    })
    .returning({ id: reports.id });
  return row?.id ?? 0;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  outlineId = await ensureOutline();
  const provinceId = await unitId(database.db, PROVINCE);
  communes = await database.db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.provinceCode, PROVINCE), eq(units.kind, 'commune')))
    .orderBy(asc(units.code))
    .limit(3);
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'province_officer', unitCode: PROVINCE }])).username,
  );
  communeOfficer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: communes[0]?.code ?? '' }])).username,
  );
  const [round] = await database.db
    .insert(rounds)
    .values({
      unitId: provinceId,
      name: 'Báo cáo công tác đối ngoại 6 tháng đầu năm 2026',
      outlineId,
      outlineCode: 'commune-report',
      periodKind: PERIOD.kind,
      periodYear: PERIOD.year,
      periodIndex: PERIOD.index,
      periodKey: PERIOD.key,
      windowStart: '2025-12-15',
      windowEnd: '2026-06-14',
      deadlineDays: 3,
      deadline: '2026-06-17',
    })
    .returning({ id: rounds.id });
  roundId = round?.id ?? 0;
  await database.db.insert(roundUnits).values(communes.map((c) => ({ roundId, unitId: c.id })));
  const [a, b] = communes;
  if (!a || !b) throw new Error('not enough communes');
  await insertReport(a.id, { values: { [CODE]: 7, 'delegations.out.count': 1 } });
  await insertReport(b.id, { values: { [CODE]: 2 } });
  const made = await officer.request('POST', `/api/rounds/${roundId}/consolidation`);
  expect(made.statusCode, made.body).toBe(200);
  reportId = (made.json() as RoundConsolidation).report?.id ?? 0;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

const view = async (): Promise<ReportView> => {
  const res = await officer.request('GET', `/api/reports/${reportId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReportView;
};
const override = (body: Record<string, unknown>, client: Client = officer) =>
  client.request('POST', `/api/reports/${reportId}/overrides`, body);
const auditOf = async (action: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'report'),
        eq(auditLog.entityId, String(reportId)),
        eq(auditLog.action, action),
      ),
    );
const previewText = async () => {
  const res = await officer.request('GET', `/api/reports/${reportId}/document/preview`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { text: string }).text;
};

describe('overriding a figure of a consolidated report', () => {
  it('gives the page each figure with its sum and number of sources, and no "không phát sinh" for the whole report', async () => {
    const v = await view();
    expect(v.consolidation?.figures[CODE]).toEqual({ sum: 9, sources: 2, override: null });
    expect(v.consolidation?.coverage).toMatchObject({ answered: 2, asked: 3, partial: true });
    expect(v.consolidation?.coverage?.waiting.map((w) => [w.name, w.stateLabel])).toEqual([
      [communes[2]?.name, 'Chưa gửi'],
    ]);
    expect(v.consolidation?.unitsKind).toMatch(/^(xã|phường)/u);
    expect(v.report.steps).toContain('submit');
    expect(v.report.steps).not.toContain('submit-nil');
    const nil = await officer.request('POST', `/api/reports/${reportId}/submit-nil`, {
      revision: v.report.revision,
    });
    expect(nil.statusCode).toBe(400);
    expect(nil.json().error.message).toMatch(/Báo cáo tổng hợp .* không ghi "không phát sinh"/u);
    expect((await view()).report.status).toBe('draft');
  });

  it('refuses an override without a reason with a clear message (400) and changes nothing', async () => {
    const before = await view();
    for (const reason of [undefined, '', '   ', 'sửa']) {
      const res = await override({ revision: before.report.revision, code: CODE, value: 14, reason });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(/^Hãy ghi lý do sửa số liệu "Số đoàn vào"/u);
      expect(res.json().error.fields).toEqual([{ path: 'reason', message: expect.any(String) }]);
    }
    const after = await view();
    expect(after.report.revision).toBe(before.report.revision);
    expect(after.content.values[CODE]).toBe(9);
    expect(await auditOf('report.override')).toEqual([]);
  });

  it('refuses a figure of the wrong kind, an unknown indicator, the sum itself and a stale revision', async () => {
    const { report } = await view();
    const wrong = await override({ revision: report.revision, code: CODE, value: -3, reason: REASON });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/^Số đoàn vào: Số lượng không được âm/u);
    const unknown = await override({ revision: report.revision, code: 'no.such', value: 3, reason: REASON });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('không có chỉ tiêu mã "no.such"');
    const sum = await override({ revision: report.revision, code: CODE, value: 9, reason: REASON });
    expect(sum.statusCode).toBe(400);
    expect(sum.json().error.message).toContain('bằng tổng của các đơn vị (9)');
    const stale = await override({ revision: report.revision - 1, code: CODE, value: 14, reason: REASON });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('REPORT_CONFLICT');
  });

  it('refuses a commune user (403) and a report that is not a consolidation (400)', async () => {
    const { report } = await view();
    const res = await override(
      { revision: report.revision, code: CODE, value: 14, reason: REASON },
      communeOfficer,
    );
    expect(res.statusCode).toBe(403);
    const [own] = await database.db
      .select({ id: reports.id, revision: reports.revision })
      .from(reports)
      .where(eq(reports.unitId, communes[0]?.id ?? 0));
    const plain = await communeOfficer.request('POST', `/api/reports/${own?.id}/overrides`, {
      revision: own?.revision,
      code: CODE,
      value: 14,
      reason: REASON,
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.message).toMatch(/^Báo cáo này không phải báo cáo tổng hợp/u);
  });

  it('sets the figure with its reason, who and when, audits it, and the document prints it', async () => {
    const { report } = await view();
    const res = await override({ revision: report.revision, code: CODE, value: 14, reason: `  ${REASON}  ` });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ReportView;
    expect(v.report.revision).toBe(report.revision + 1);
    expect(v.content.values[CODE]).toBe(14);
    expect(v.consolidation?.figures[CODE]).toMatchObject({
      sum: 9,
      sources: 2,
      override: { value: 14, reason: REASON, by: expect.any(String), at: expect.any(String) },
    });
    const [audit] = await auditOf('report.override');
    expect(audit?.before).toMatchObject({ code: CODE, value: 9 });
    expect(audit?.after).toMatchObject({ code: CODE, value: 14, sum: 9, reason: REASON });
    expect(await previewText()).toContain('14 đoàn vào');
  });

  it('keeps the figure when the form is saved with other figures', async () => {
    const v = await view();
    const content = {
      ...v.content,
      values: { ...v.content.values, [CODE]: 99, 'delegations.out.count': 50 },
      narratives: { ...v.content.narratives, results: { text: 'Sở Ngoại vụ đã tổng hợp.', mode: 'append' } },
    };
    const res = await officer.request('PUT', `/api/reports/${reportId}`, {
      revision: v.report.revision,
      content,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await view();
    expect(after.content.values[CODE]).toBe(14);
    expect(after.content.values['delegations.out.count']).toBe(1);
    // The text was saved all the same.
    expect(after.content.narratives.results?.text).toBe('Sở Ngoại vụ đã tổng hợp.');
  });

  it('keeps the figure when the form autosaves a change of figures (PATCH, as the form sends it)', async () => {
    const v = await view();
    const res = await officer.request('PATCH', `/api/reports/${reportId}`, {
      revision: v.report.revision,
      changes: {
        values: { [CODE]: 77, 'delegations.out.count': 40 },
        narratives: { results: { text: 'Sở Ngoại vụ đã tổng hợp lại.', mode: 'append' } },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await view();
    expect(after.content.values[CODE]).toBe(14);
    expect(after.content.values['delegations.out.count']).toBe(1);
    expect(after.content.narratives.results?.text).toBe('Sở Ngoại vụ đã tổng hợp lại.');
  });

  it('keeps the override across a re-consolidation and shows the new sum beside it', async () => {
    const third = communes[2];
    if (!third) throw new Error('no third commune');
    await insertReport(third.id, { values: { [CODE]: 3 } });
    const state = (
      await officer.request('GET', `/api/rounds/${roundId}/consolidation`)
    ).json() as RoundConsolidation;
    // What a refresh would change is the sum (9 → 12), not the province's figure.
    expect(state.differences.find((d) => d.code === CODE)).toMatchObject({ before: 9, after: 12 });
    const refreshed = await officer.request('POST', `/api/rounds/${roundId}/consolidation`);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect((refreshed.json() as RoundConsolidation).differences).toEqual([]);
    const v = await view();
    expect(v.content.values[CODE]).toBe(14);
    expect(v.consolidation?.figures[CODE]).toMatchObject({
      sum: 12,
      sources: 3,
      override: { value: 14, reason: REASON },
    });
    expect(v.consolidation?.coverage).toMatchObject({ answered: 3, asked: 3, partial: false });
    expect(await previewText()).toContain('14 đoàn vào');
    const [audit] = await auditOf('report.consolidate.refresh');
    expect(audit?.after).toMatchObject({ overrides: [CODE] });
  });

  it("says under the appendix where the figure used differs from the column's sum", async () => {
    const text = await previewText();
    // The total row stays the sum of the column (3 + 6 + 3 = 12), the note gives the figure used.
    const total = text.split('\n').find((l) => l.includes('Tổng cộng'));
    expect(total?.split('|').map((c) => c.trim())).toContain('12');
    // The communes of this test are wards: "tổng của các phường".
    expect(text).toContain(
      `Số liệu “Số đoàn vào” được điều chỉnh thành 14 đoàn (tổng của các phường: 12 đoàn; lý do: ${REASON}).`,
    );
  });

  it('marks the overridden figure in the Excel export: the figure used, the sum, the reason', async () => {
    const res = await officer.request('GET', `/api/rounds/${roundId}/consolidation.xlsx`);
    expect(res.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [totals, detail] = book.worksheets;
    const rows = (sheet: typeof totals) => sheet?.getRows(1, sheet.rowCount) ?? [];
    const row = rows(totals).find((r) => r.getCell(1).value === CODE);
    expect(row?.getCell(4).value).toBe(14);
    expect(row?.getCell(7).value).toBe(12);
    expect(String(row?.getCell(8).value)).toContain(REASON);
    // Other figures carry no mark.
    expect(
      rows(totals)
        .find((r) => r.getCell(1).value === 'delegations.out.count')
        ?.getCell(8).value,
    ).toBeNull();
    const texts = rows(detail).map((r) => String(r.getCell(3).value ?? ''));
    expect(texts.some((t) => t.startsWith('Số liệu “Số đoàn vào” được điều chỉnh thành 14 đoàn'))).toBe(true);
  });

  it('puts the sum back on request, audited', async () => {
    const { report } = await view();
    const res = await override({ revision: report.revision, code: CODE, value: null });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ReportView;
    expect(v.content.values[CODE]).toBe(12);
    expect(v.consolidation?.figures[CODE]).toMatchObject({ sum: 12, override: null });
    const [audit] = await auditOf('report.override.remove');
    expect(audit?.before).toMatchObject({ code: CODE, value: 14, reason: REASON });
    expect(audit?.after).toMatchObject({ code: CODE, value: 12 });
    const again = await override({ revision: v.report.revision, code: CODE, value: null });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('chưa được sửa');
  });

  it('refuses an override once the report has gone to the leader (409)', async () => {
    const { report } = await view();
    const submitted = await officer.request('POST', `/api/reports/${reportId}/submit`, {
      revision: report.revision,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const after = submitted.json() as ReportView;
    const res = await override({ revision: after.report.revision, code: CODE, value: 20, reason: REASON });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REPORT_LOCKED');
  });
});
