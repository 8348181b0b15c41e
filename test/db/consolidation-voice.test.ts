/**
 * The province's voice (issue 13, point 2), on the demo province: the Sở Ngoại vụ consolidates its
 * communes' reports into its own report to the UBND tỉnh, on the province-level outline (its
 * figures summed under the commune codes, "trên địa bàn tỉnh", its own activities kept across a
 * refresh), with the communes' own facts proposed beside the sums and the signer a report to the
 * UBND tỉnh expects.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACTOR } from '../../src/db/audit.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/db/demo.js';
import { reports, rounds, units } from '../../src/db/schema.js';
import type { ReportView } from '../../src/domain/api-reports.js';
import type { RoundConsolidation } from '../../src/domain/consolidation/api.js';
import { DEPARTMENT_CONSOLIDATED_REPORT_CODE } from '../../src/domain/outlines/index.js';
import { type ReportContentInput, reportContentSchema } from '../../src/domain/report-json.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, type Client, signIn } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let roundId = 0;
let reportId = 0;

const THACH_HA_FACT = 'Ngày 12/5, UBND xã đón 01 đoàn của tổ chức KOICA khảo sát dự án cấp nước sạch.';
const THANH_SEN_FACT = 'Tiếp 02 đoàn doanh nghiệp Nhật Bản tìm hiểu cơ hội đầu tư tại cụm công nghiệp.';

async function answer(code: string, content: ReportContentInput): Promise<void> {
  const [round] = await database.db.select().from(rounds).where(eq(rounds.id, roundId));
  const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!round || !unit) throw new Error(`no round or unit ${code}`);
  await database.db.insert(reports).values({
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
    roundId,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  await database.db.transaction((tx) => seedDemo(tx, SEED_ACTOR));
  const [round] = await database.db.select({ id: rounds.id }).from(rounds).orderBy(asc(rounds.id)).limit(1);
  roundId = round?.id ?? 0;
  officer = await signIn(app, 'demo.canbo.songv', DEMO_PASSWORD);
  await answer('18562', {
    values: { 'delegations.in.count': 1, 'delegations.out.count': 0 },
    narratives: { 'delegations#0': { text: THACH_HA_FACT, mode: 'replace' } },
  });
  await answer('18073', {
    values: { 'delegations.in.count': 2, 'delegations.out.count': 0 },
    narratives: {
      delegations: { text: `- ${THANH_SEN_FACT}`, mode: 'append' },
      // Boilerplate kept word for word says nothing of what happened: not carried up.
      'direction.text': {
        text: 'UBND xã đã quán triệt, triển khai nghiêm túc các chủ trương, đường lối đối ngoại của Đảng; chính sách, pháp luật của Nhà nước và các văn bản chỉ đạo của cấp trên về công tác đối ngoại.',
        mode: 'replace',
      },
    },
  });
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

const view = async () => (await officer.request('GET', `/api/reports/${reportId}`)).json() as ReportView;
const preview = async () => {
  const res = await officer.request('GET', `/api/reports/${reportId}/document/preview`);
  expect(res.statusCode).toBe(200);
  return res.json() as { text: string; document: { signature: { lines: string[]; name: string } } };
};

describe("the Sở's consolidated report, in the province's voice", () => {
  it('is written on the province-level outline, the communes summed under the same codes', async () => {
    const res = await officer.request('POST', `/api/rounds/${roundId}/consolidation`);
    expect(res.statusCode, res.body).toBe(200);
    reportId = (res.json() as RoundConsolidation).report?.id ?? 0;
    const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row?.outlineCode).toBe(DEPARTMENT_CONSOLIDATED_REPORT_CODE);
    expect(reportContentSchema.parse(row?.content).values['delegations.in.count']).toBe(3);
    // The round page finds it again.
    const state = (
      await officer.request('GET', `/api/rounds/${roundId}/consolidation`)
    ).json() as RoundConsolidation;
    expect(state.report?.id).toBe(reportId);
  });

  it('speaks as the Sở of the province, never as a commune, and closes to the UBND tỉnh', async () => {
    const { text, document } = await preview();
    expect(text).toMatch(/trên địa bàn tỉnh có 03 đoàn vào/u);
    expect(text).not.toMatch(/(UBND|trên địa bàn) xã(?! Thạch Hà)(?!\p{L})/u);
    expect(text).not.toMatch(/Tỉnh ủy, UBND tỉnh đã quán triệt/u);
    expect(text).toMatch(/kính báo cáo Ủy ban nhân dân tỉnh Hà Tĩnh xem xét, chỉ đạo\.\/\.$/mu);
    // A report to the UBND tỉnh is signed "KT. GIÁM ĐỐC", not "TL. … CHÁNH VĂN PHÒNG".
    expect(document.signature.lines).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });

  it("proposes the communes' own facts beside the sums, naming each commune, printed once kept", async () => {
    const before = await view();
    const digest = before.supplements?.delegations?.digest ?? [];
    expect(digest.map((d) => d.text)).toEqual([
      `Phường Thành Sen: ${THANH_SEN_FACT}`,
      'Ngày 12/5, UBND xã Thạch Hà đón 01 đoàn của tổ chức KOICA khảo sát dự án cấp nước sạch.',
    ]);
    expect(before.supplements?.direction).toBeUndefined();
    // Proposals: not in the document until the officer keeps them.
    expect((await preview()).text).not.toContain('KOICA');
    const kept = await officer.request('PUT', `/api/reports/${reportId}`, {
      revision: before.report.revision,
      content: {
        ...before.content,
        kept: [...(before.content.kept ?? []), ...digest.map((d) => d.key)],
        values: { ...before.content.values, 'translation.pages.total': 252 },
      },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const { text } = await preview();
    // Right after the sums of the section, in code order.
    expect(text).toMatch(
      /03 đoàn vào[^\n]*\n\s*Phường Thành Sen: Tiếp 02 đoàn doanh nghiệp Nhật Bản[^\n]*\n\s*Ngày 12\/5, UBND xã Thạch Hà đón 01 đoàn của tổ chức KOICA/u,
    );
    // The Sở's own figure is its own work, not the province's area.
    expect(text).toMatch(/Trong [^,]+, có 252 trang biên dịch các loại\./u);
  });

  it("keeps the Sở's own figures and the facts kept when a later report is taken in", async () => {
    await answer('18277', {
      values: { 'delegations.in.count': 1 },
      narratives: {
        'delegations#0': {
          text: 'Xã tiếp 01 đoàn tình nguyện viên Hàn Quốc của tổ chức KOICA.',
          mode: 'replace',
        },
      },
    });
    const res = await officer.request('POST', `/api/rounds/${roundId}/consolidation`);
    expect(res.statusCode, res.body).toBe(200);
    const after = await view();
    expect(after.content.values['delegations.in.count']).toBe(4);
    expect(after.content.values['translation.pages.total']).toBe(252);
    const { text } = await preview();
    expect(text).toContain('UBND xã Thạch Hà đón 01 đoàn của tổ chức KOICA');
    // The new commune's fact is proposed, not printed.
    expect(after.supplements?.delegations?.digest?.map((d) => d.text)).toContain(
      'Xã Đức Thịnh tiếp 01 đoàn tình nguyện viên Hàn Quốc của tổ chức KOICA.',
    );
    expect(text).not.toContain('Đức Thịnh tiếp 01 đoàn');
  });
});
