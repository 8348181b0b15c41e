/**
 * Consolidation of a round on a real database: the province's report drafted from the received
 * reports (sums, trace, narrative naming the units, appendix in code order), a late report shown as
 * a difference and taken in on request, the Excel export, permissions, and the consolidated report
 * going through the same workflow as any report.
 */
import { writeFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outlines, reports, rounds, roundUnits, units } from '../../src/db/schema.js';
import { checkDocx } from '../../src/documents/check.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import type { ReportTrace, RoundConsolidation } from '../../src/domain/consolidation/api.js';
import type { OfficialDocument } from '../../src/domain/document.js';
import { draftReport } from '../../src/domain/drafting/draft.js';
import { previewText } from '../../src/domain/drafting/preview.js';
import type { ReportValues } from '../../src/domain/outline.js';
import { findBuiltInOutline } from '../../src/domain/outlines/index.js';
import type { Period } from '../../src/domain/periods.js';
import { type ReportContentInput, reportContentSchema } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildSigner } from '../support/documents.js';

const PROVINCE = '42';
const PERIOD = { kind: 'half1', year: 2026, index: 0, key: 'half1-2026' } as const;

let database: TestDatabase;
let app: App;
let officer: Client;
let leader: Client;
let communeOfficer: Client;
let outlineId = 0;
let roundId = 0;
let provinceId = 0;
let signerId = 0;
/** Five communes of the province in official code order: three answer, one late, one silent. */
let communes: { id: number; code: string; name: string }[] = [];
const reportOf = new Map<string, number>();

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

async function insertReport(
  unit: number,
  status: 'draft' | 'issued' | 'received' | 'accepted',
  content: ReportContentInput,
  period: { kind: string; year: number; index: number; key: string } = PERIOD,
): Promise<number> {
  const [row] = await database.db
    .insert(reports)
    .values({
      unitId: unit,
      outlineId,
      outlineCode: 'commune-report',
      periodKind: period.kind,
      periodYear: period.year,
      periodIndex: period.index,
      periodKey: period.key,
      windowStart: `${period.year - 1}-12-15`,
      windowEnd: `${period.year}-06-14`,
      status,
      version: status === 'draft' ? 0 : 1,
      content: reportContentSchema.parse(content),
      roundId: period === PERIOD ? roundId : null,
    })
    .returning({ id: reports.id });
  return row?.id ?? 0;
}

const values = (v: ReportValues): ReportContentInput => ({ values: v });

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  outlineId = await ensureOutline();
  provinceId = await unitId(database.db, PROVINCE);
  communes = await database.db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.provinceCode, PROVINCE), eq(units.kind, 'commune')))
    .orderBy(asc(units.code))
    .limit(5);
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'province_officer', unitCode: PROVINCE }])).username,
  );
  leader = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'province_leader', unitCode: PROVINCE }])).username,
  );
  communeOfficer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: communes[0]?.code ?? '' }])).username,
  );
  signerId = await buildSigner(database.db, PROVINCE, { fullName: 'Lê Ngọc Châu' });
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
  const [a, b, c, d] = communes;
  if (!a || !b || !c || !d) throw new Error('not enough communes');
  // Inserted out of code order: the consolidation puts them in order itself.
  reportOf.set(
    b.code,
    await insertReport(
      b.id,
      'accepted',
      values({
        'delegations.in.count': 2,
        'delegations.out.count': 1,
        'foreigners.resident': { total: 5, parts: [{ key: 'Nhật Bản', value: 5 }] },
        'ngo.value': 1000,
      }),
    ),
  );
  reportOf.set(
    a.code,
    await insertReport(
      a.id,
      'received',
      values({
        'delegations.in.count': 7,
        'delegations.out.count': 0,
        'foreigners.resident': {
          total: 9,
          parts: [
            { key: 'Hàn Quốc', value: 6 },
            { key: 'Nhật Bản', value: 3 },
          ],
        },
        'ngo.value': 250.5,
      }),
    ),
  );
  reportOf.set(c.code, await insertReport(c.id, 'received', { nil: { all: true, sections: [] } }));
  // Issued, not yet received: not a source until the province receives it.
  reportOf.set(d.code, await insertReport(d.id, 'issued', values({ 'delegations.in.count': 4 })));
  // The province's own report of the same period last year.
  await database.db.insert(reports).values({
    unitId: provinceId,
    outlineId,
    outlineCode: 'commune-report',
    periodKind: 'half1',
    periodYear: 2025,
    periodIndex: 0,
    periodKey: 'half1-2025',
    windowStart: '2024-12-15',
    windowEnd: '2025-06-14',
    status: 'issued',
    content: reportContentSchema.parse({ values: { 'delegations.in.count': 6 } }),
  });
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

const state = async (client: Client = officer) =>
  client.request('GET', `/api/rounds/${roundId}/consolidation`);
const make = async (client: Client = officer) =>
  client.request('POST', `/api/rounds/${roundId}/consolidation`);
const lowerKind = (n = '') => n.replace(/^(Xã|Phường|Đặc khu)/u, (k) => k.toLocaleLowerCase('vi-VN'));
const name = (i: number) => communes[i]?.name.replace(/^(Xã|Phường|Đặc khu) /u, '') ?? '';

describe('consolidating a round', () => {
  it('refuses a commune user (403) and shows the counts before anything is made', async () => {
    expect((await make(communeOfficer)).statusCode).toBe(403);
    expect((await state(communeOfficer)).statusCode).toBe(403);
    const res = await state();
    expect(res.statusCode).toBe(200);
    const body = res.json() as RoundConsolidation;
    expect(body.report).toBeNull();
    expect(body.counts).toEqual({ units: 5, received: 3, notReceived: 1, notSent: 1 });
    // Coverage is shown before "Tổng hợp ngay": every unit asked, with its state.
    expect(body.coverage).toMatchObject({ asked: 5, answered: 3, partial: true });
    expect(body.coverage.sentence).toMatch(/^Số liệu tổng hợp từ báo cáo của 3\/5 xã/u);
    expect(body.coverage.units.map((u) => [u.code, u.state])).toEqual([
      [communes[0]?.code, 'answered'],
      [communes[1]?.code, 'answered'],
      [communes[2]?.code, 'nil'],
      [communes[3]?.code, 'not_received'],
      [communes[4]?.code, 'missing'],
    ]);
    expect(body.madeFrom).toBeNull();
  });

  let reportId = 0;
  it('drafts the province report with the sums of the received reports and last year for comparison', async () => {
    const res = await make();
    expect(res.statusCode).toBe(200);
    const body = res.json() as RoundConsolidation;
    reportId = body.report?.id ?? 0;
    expect(body.report).toMatchObject({ status: 'draft', editable: true });
    expect(body.sourcesUsed).toBe(3);
    expect(body.differences).toEqual([]);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ unitId: provinceId, roundId, periodKey: 'half1-2026' });
    const content = reportContentSchema.parse(row?.content);
    expect(content.values['delegations.in.count']).toBe(9);
    expect(content.values['delegations.out.count']).toBe(1);
    expect(content.values['ngo.value']).toBe(1250.5);
    expect(content.values['foreigners.resident']).toEqual({
      total: 14,
      parts: [
        { key: 'Nhật Bản', value: 8 },
        { key: 'Hàn Quốc', value: 6 },
      ],
    });
    expect(content.comparison.sameLastYear).toEqual({ 'delegations.in.count': 6 });
    const consolidation = row?.consolidation as { sources: { reportId: number; version: number }[] };
    expect(consolidation.sources.map((s) => s.reportId)).toEqual([
      reportOf.get(communes[0]?.code ?? ''),
      reportOf.get(communes[1]?.code ?? ''),
      reportOf.get(communes[2]?.code ?? ''),
    ]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'report'), eq(auditLog.entityId, String(reportId))));
    expect(audit.map((a) => a.action)).toContain('report.consolidate');
  });

  it('traces each figure to the reports it came from', async () => {
    const res = await officer.request('GET', `/api/reports/${reportId}/trace`);
    expect(res.statusCode, res.body).toBe(200);
    const trace = res.json() as ReportTrace;
    expect(trace.consolidated).toBe(true);
    // What it was built from, as made: 3 of the 5 communes asked.
    expect(trace.coverage).toMatchObject({ answered: 3, asked: 5, partial: true });
    const delegations = trace.indicators.find((i) => i.code === 'delegations.in.count');
    expect(delegations?.value).toBe(9);
    expect(delegations?.sources.map((s) => [s.unitCode, s.value, s.href])).toEqual([
      [communes[0]?.code, 7, `/bao-cao/${reportOf.get(communes[0]?.code ?? '')}`],
      [communes[1]?.code, 2, `/bao-cao/${reportOf.get(communes[1]?.code ?? '')}`],
    ]);
    // A commune's own report is not a consolidation: nothing to trace.
    const plain = await officer.request('GET', `/api/reports/${reportOf.get(communes[0]?.code ?? '')}/trace`);
    expect(plain.json()).toMatchObject({ consolidated: false, indicators: [], coverage: null });
  });

  it('drafts a narrative naming where activity concentrated and who reported nothing, with the appendix in code order', async () => {
    const res = await officer.request('GET', `/api/reports/${reportId}/document/preview`);
    expect(res.statusCode).toBe(200);
    const { text, document } = res.json() as { text: string; document: OfficialDocument };
    expect(text).toContain('trên địa bàn tỉnh có 01 đoàn ra; 09 đoàn vào');
    expect(text).toContain(`tập trung chủ yếu ở ${lowerKind(communes[0]?.name)}`);
    expect(text).toMatch(new RegExp(`${name(2)} báo cáo không phát sinh hoạt động đối ngoại`));
    // Coverage: 3 of the 5 communes asked are received; the fourth is sent but not received.
    expect(text).toMatch(/Số liệu tổng hợp từ báo cáo của 3\/5 xã/u);
    expect(text).toContain(`chưa gửi báo cáo: ${communes[4]?.name}`);
    expect(text).toContain(`đã gửi nhưng chưa tiếp nhận: ${communes[3]?.name}`);
    expect(text).toMatch(/09 đoàn vào[^.]*, tập trung[^.]*, theo số liệu của 3\/5 xã[^.]* đã gửi báo cáo\./u);
    // No received commune had conferences: said of them, never of the whole province.
    expect(text).not.toMatch(/trên địa bàn tỉnh không phát sinh/u);
    expect(text).toMatch(
      /Theo báo cáo của 3\/5 xã[^.]* đã gửi, không phát sinh [^.]*; chưa có số liệu của 2 xã/u,
    );
    const appendix = document.appendices[0];
    expect(appendix?.title).toContain('Số liệu công tác đối ngoại');
    const table = appendix?.body.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const cellText = (c: unknown) => (typeof c === 'string' ? c : (c as { text: string }).text);
    // Every unit asked, in code order, with its state; blank figures for those not received.
    expect(table.table.rows.map((r) => [cellText(r[1]), cellText(r[2])])).toEqual([
      [communes[0]?.name, 'Đã gửi'],
      [communes[1]?.name, 'Đã gửi'],
      [communes[2]?.name, 'Không phát sinh'],
      [communes[3]?.name, 'Đã gửi, chưa tiếp nhận'],
      [communes[4]?.name, 'Chưa gửi'],
      [expect.stringMatching(/^Tổng cộng \(số liệu của 3\/5 xã/u), ''],
    ]);
    expect(table.table.header[0]).toContain('Đoàn vào (đoàn)');
    const header = table.table.header[0] ?? [];
    const inCol = header.indexOf('Đoàn vào (đoàn)');
    expect(table.table.rows.map((r) => cellText(r[inCol]))).toEqual(['7', '2', '', '', '', '9']);
    // Every total is the sum of its column, and blank where no unit gave the figure.
    const number = (t: string) => Number(t.replaceAll('.', '').replace(',', '.'));
    for (let col = 3; col < header.length; col++) {
      const cells = table.table.rows.map((r) => cellText(r[col]));
      const total = cells.pop();
      const filled = cells.filter((t) => t !== '');
      if (filled.length === 0) expect(total, header[col]).toBe('');
      else
        expect(number(total ?? ''), header[col]).toBeCloseTo(
          filled.map(number).reduce((a, b) => a + b, 0),
          6,
        );
    }
  });

  it('shows the same sentences on the form, without taking the province naming its communes for a copy', async () => {
    const res = await officer.request('GET', `/api/reports/${reportId}`);
    expect(res.statusCode).toBe(200);
    const view = res.json() as ReportView;
    expect(view.supplements).not.toBeNull();
    // The form drafts in the browser with the same function and the supplements of the view.
    const drafted = JSON.stringify(
      draftReport({
        outline: view.outline,
        content: view.content,
        period: view.report.period as Period,
        unit: { name: view.report.unit.name, kind: 'body' },
        ...(view.supplements ? { supplements: view.supplements } : {}),
      }),
    );
    expect(drafted).toContain(`tập trung chủ yếu ở ${lowerKind(communes[0]?.name)}`);
    expect(previewText(view.document)).toContain(`tập trung chủ yếu ở ${lowerKind(communes[0]?.name)}`);
    expect(view.issues.filter((i) => i.message.includes('không phải'))).toEqual([]);
  });

  it('shows a late report as differences and takes it in on request, keeping the officer text', async () => {
    const view = (await officer.request('GET', `/api/reports/${reportId}`)).json() as {
      report: { revision: number };
      content: ReportContentInput;
    };
    const saved = await officer.request('PUT', `/api/reports/${reportId}`, {
      revision: view.report.revision,
      content: {
        ...view.content,
        narratives: { background: { text: 'Tình hình chung ổn định.', mode: 'append' } },
      },
    });
    expect(saved.statusCode).toBe(200);
    const late = reportOf.get(communes[3]?.code ?? '') ?? 0;
    await database.db.update(reports).set({ status: 'received' }).where(eq(reports.id, late));
    const before = (await state()).json() as RoundConsolidation;
    expect(before.counts).toMatchObject({ received: 4, notReceived: 0 });
    expect(before.receivedSince.map((r) => [r.reportId, r.reason])).toEqual([[late, 'new']]);
    expect(before.differences).toEqual([
      expect.objectContaining({ code: 'delegations.in.count', before: 9, after: 13 }),
    ]);
    // The consolidated report's checks say it too, with the units still missing.
    const checked = (await officer.request('GET', `/api/reports/${reportId}`)).json() as ReportView;
    const messages = checked.issues.map((i) => i.message);
    expect(messages).toContain(
      `Sau khi tổng hợp đã nhận thêm báo cáo có số liệu khác: ${communes[3]?.name}. Hãy cập nhật số liệu tổng hợp trên trang đợt báo cáo.`,
    );
    expect(messages.some((m) => m.startsWith('Báo cáo tổng hợp mới có số liệu của 3/5 xã'))).toBe(true);
    expect(messages.some((m) => m.includes('Không phát hiện'))).toBe(false);
    const after = (await make()).json() as RoundConsolidation;
    expect(after.sourcesUsed).toBe(4);
    expect(after.receivedSince).toEqual([]);
    expect(after.differences).toEqual([]);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    const content = reportContentSchema.parse(row?.content);
    expect(content.values['delegations.in.count']).toBe(13);
    expect(content.narratives.background?.text).toBe('Tình hình chung ổn định.');
  });

  it('exports the figures to Excel: totals per indicator and each unit in code order', async () => {
    const res = await officer.request('GET', `/api/rounds/${roundId}/consolidation.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [totals, detail] = book.worksheets;
    const rowOf = (code: string) =>
      totals?.getRows(1, totals.rowCount)?.find((r) => r.getCell(1).value === code);
    const delegations = rowOf('delegations.in.count');
    expect(delegations?.getCell(4).value).toBe(13);
    expect(delegations?.getCell(5).value).toBe(6);
    expect(detail?.getRow(2).getCell(3).value).toBe(communes[0]?.name);
    expect(detail?.getRow(5).getCell(3).value).toBe(communes[3]?.name);
    // Every unit asked, the missing one with a blank figure, and a total that sums the column.
    expect(detail?.getRow(6).getCell(3).value).toBe(communes[4]?.name);
    expect(detail?.getRow(6).getCell(4).value).toBe('Chưa gửi');
    expect(detail?.getRow(7).getCell(3).value).toMatch(/^Tổng cộng \(số liệu của 4\/5 xã/u);
    const headings = (detail?.getRow(1).values ?? []) as unknown[];
    const column = headings.indexOf('Số đoàn vào (đoàn)');
    expect(column).toBeGreaterThan(4);
    const cells = [2, 3, 4, 5, 6].map((r) => detail?.getRow(r).getCell(column).value ?? null);
    expect(cells).toEqual([7, 2, null, 4, null]);
    expect(detail?.getRow(7).getCell(column).value).toBe(13);
    expect(
      (await communeOfficer.request('GET', `/api/rounds/${roundId}/consolidation.xlsx`)).statusCode,
    ).toBe(403);
  });

  it('goes through the workflow like any report, and is no longer refreshed once submitted', async () => {
    const view = (await officer.request('GET', `/api/reports/${reportId}`)).json() as {
      report: { revision: number };
    };
    const submitted = await officer.request('POST', `/api/reports/${reportId}/submit`, {
      revision: view.report.revision,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const refused = await make();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('REPORT_LOCKED');
    const issued = await leader.request('POST', `/api/reports/${reportId}/issue`, { signerId });
    expect(issued.statusCode, issued.body).toBe(200);
    const docx = await officer.request('GET', `/api/reports/${reportId}/document.docx`);
    expect(docx.statusCode).toBe(200);
    expect(await checkDocx(new Uint8Array(docx.rawPayload))).toEqual([]);
    if (process.env.CONSOLIDATION_DOCX_OUT)
      writeFileSync(process.env.CONSOLIDATION_DOCX_OUT, docx.rawPayload);
    expect((await state()).json().report).toMatchObject({ status: 'issued', editable: false });
  });
});

describe('bad input: nothing lost, nothing counted twice', () => {
  const HALF2 = { kind: 'half2', year: 2026, index: 1, key: 'half2-2026' } as const;

  async function newRound(
    unit: number,
    members: readonly number[],
    period: { kind: string; year: number; index: number; key: string } = HALF2,
  ): Promise<number> {
    const [round] = await database.db
      .insert(rounds)
      .values({
        unitId: unit,
        name: `Báo cáo ${period.key}`,
        outlineId,
        outlineCode: 'commune-report',
        periodKind: period.kind,
        periodYear: period.year,
        periodIndex: period.index,
        periodKey: period.key,
        windowStart: '2026-06-15',
        windowEnd: '2026-12-14',
        deadlineDays: 3,
        deadline: '2026-12-17',
      })
      .returning({ id: rounds.id });
    const id = round?.id ?? 0;
    await database.db.insert(roundUnits).values(members.map((m) => ({ roundId: id, unitId: m })));
    return id;
  }

  const ownReports = async (unit: number, key: string) =>
    database.db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.unitId, unit), eq(reports.periodKey, key)));

  it('refuses to consolidate a round with no answers, in Vietnamese, and creates nothing', async () => {
    const id = await newRound(
      provinceId,
      communes.map((c) => c.id),
    );
    const res = await officer.request('POST', `/api/rounds/${id}/consolidation`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Chưa tiếp nhận báo cáo nào của đợt này/u);
    expect(await ownReports(provinceId, HALF2.key)).toEqual([]);
    // The page still shows who was asked and that nobody answered.
    const state = (
      await officer.request('GET', `/api/rounds/${id}/consolidation`)
    ).json() as RoundConsolidation;
    expect(state.coverage).toMatchObject({ asked: 5, answered: 0, partial: true });
    expect(state.coverage.units.every((u) => u.state === 'missing')).toBe(true);
  });

  it("refuses a province consolidating another province's round (403, in Vietnamese)", async () => {
    const other = await unitId(database.db, '01');
    const [commune] = await database.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.provinceCode, '01'), eq(units.kind, 'commune')))
      .limit(1);
    const id = await newRound(other, [commune?.id ?? 0]);
    const refused = await officer.request('POST', `/api/rounds/${id}/consolidation`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(
      /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/u,
    );
    expect((await officer.request('GET', `/api/rounds/${id}/consolidation`)).statusCode).toBe(403);
    expect(await ownReports(other, HALF2.key)).toEqual([]);
  });

  it('counts a unit that answered twice (a corrected version) once, with its corrected figures', async () => {
    const Q = { kind: 'quarter', year: 2026, index: 3, key: 'quarter-2026-3' } as const;
    const [a, b] = communes;
    if (!a || !b) throw new Error('not enough communes');
    const id = await newRound(provinceId, [a.id, b.id], Q);
    const put = async (unit: number, v: number) =>
      (
        await database.db
          .insert(reports)
          .values({
            unitId: unit,
            outlineId,
            outlineCode: 'commune-report',
            periodKind: Q.kind,
            periodYear: Q.year,
            periodIndex: Q.index,
            periodKey: Q.key,
            windowStart: '2026-06-15',
            windowEnd: '2026-09-14',
            status: 'received',
            version: 1,
            roundId: id,
            content: reportContentSchema.parse({ values: { 'delegations.in.count': v } }),
          })
          .returning({ id: reports.id })
      )[0]?.id ?? 0;
    const first = await put(a.id, 3);
    await put(b.id, 2);
    const made = (
      await officer.request('POST', `/api/rounds/${id}/consolidation`)
    ).json() as RoundConsolidation;
    expect(made.coverage).toMatchObject({ asked: 2, answered: 2, partial: false });
    // The corrected report replaces the first: same report, version 2, new figure.
    await database.db
      .update(reports)
      .set({
        version: 2,
        content: reportContentSchema.parse({ values: { 'delegations.in.count': 5 } }),
      })
      .where(eq(reports.id, first));
    const state = (
      await officer.request('GET', `/api/rounds/${id}/consolidation`)
    ).json() as RoundConsolidation;
    expect(state.receivedSince.map((r) => [r.reportId, r.reason, r.version])).toEqual([
      [first, 'newer_version', 2],
    ]);
    expect(state.differences).toEqual([
      expect.objectContaining({ code: 'delegations.in.count', before: 5, after: 7 }),
    ]);
    const after = (
      await officer.request('POST', `/api/rounds/${id}/consolidation`)
    ).json() as RoundConsolidation;
    expect(after.sourcesUsed).toBe(2);
    const [row] = await ownReports(provinceId, Q.key);
    const [own] = await database.db
      .select()
      .from(reports)
      .where(eq(reports.id, row?.id ?? 0));
    expect(reportContentSchema.parse(own?.content).values['delegations.in.count']).toBe(7);
  });
});
