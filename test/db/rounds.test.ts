/**
 * Reporting rounds through the API on a real database: opening a round (default units, subsets,
 * refusals), what a commune sees on its home page, opening its report in the round, another
 * commune refused, recurring occurrences, the request letter as a numbered công văn, the audit.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.js';
import { createDueOccurrences } from '../../src/db/rounds.js';
import { auditLog, reports, rounds, units } from '../../src/db/schema.js';
import { addSigner, createBodyUnit } from '../../src/db/units.js';
import { checkDocx } from '../../src/documents/check.js';
import type { HomeResponse } from '../../src/domain/api.js';
import type { RequestLetterPreview, RoundDetail, RoundListResponse } from '../../src/domain/api-rounds.js';
import { parseHolidayList } from '../../src/domain/holidays.js';
import { defaultBodyIdentity } from '../../src/domain/units.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client; // province officer at the Sở Ngoại vụ
let commune: Client; // commune officer of Xã Thạch Hà
let sibling: Client; // commune officer of another commune
let outsider: Client; // commune officer of a commune of another province
let body = 0;
let thachHa = 0;
let ducThinh = 0;
let outlineId = 0;
let signerId = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  const province = await unitId(database.db, '42');
  body = await database.db.transaction(async (tx) => {
    const id = await createBodyUnit(tx, CLI_ACTOR, {
      provinceId: province,
      name: 'Sở Ngoại vụ tỉnh Hà Tĩnh',
      ...defaultBodyIdentity('Sở Ngoại vụ', 'Tỉnh Hà Tĩnh', 'SNgV'),
    });
    signerId = (
      await addSigner(tx, CLI_ACTOR, id, {
        fullName: 'Võ Đình Khải',
        title: 'Chánh Văn phòng',
        authority: 'TL',
        authorityOf: 'Giám đốc',
        collective: null,
        isDefault: true,
      })
    ).id;
    return id;
  });
  thachHa = await unitId(database.db, '18562');
  ducThinh = await unitId(database.db, '18277');
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'province_officer', unitCode: '42.SNGV' }])).username,
  );
  commune = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
  sibling = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18277' }])).username,
  );
  const [other] = await database.db
    .select({ code: units.code })
    .from(units)
    .where(and(eq(units.provinceCode, '01'), eq(units.kind, 'commune')))
    .limit(1);
  outsider = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: other?.code ?? '' }])).username,
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

const half1 = { kind: 'half1', year: 2026 };
const open = (client: Client, extra: object = {}) =>
  client.request('POST', '/api/rounds', {
    unitId: body,
    outlineId,
    period: half1,
    deadlineDays: 3,
    letter: {
      number: '5930/UBND-NgV',
      date: '2026-06-09',
      issuer: 'Chủ tịch UBND tỉnh Hà Tĩnh',
      kind: 'answers',
    },
    ...extra,
  });

describe('opening a round', () => {
  it('asks every active commune of the province by default, with the ND 09 window and deadline', async () => {
    const res = await open(officer);
    expect(res.statusCode).toBe(200);
    const round = res.json() as RoundDetail;
    const [communes] = await database.db
      .select({ n: count() })
      .from(units)
      .where(and(eq(units.provinceCode, '42'), eq(units.kind, 'commune'), eq(units.active, true)));
    expect(round.unitCount).toBe(communes?.n);
    expect(round.units).toHaveLength(communes?.n ?? -1);
    expect(round).toMatchObject({
      name: 'Báo cáo công tác đối ngoại 6 tháng đầu năm 2026',
      window: { start: '2025-12-15', end: '2026-06-14' },
      deadlineDays: 3,
      deadline: '2026-06-17',
      status: 'open',
      canManage: true,
      letter: { citation: 'Công văn số 5930/UBND-NgV ngày 09/6/2026 của Chủ tịch UBND tỉnh Hà Tĩnh' },
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'round.create'), eq(auditLog.entityId, String(round.id))));
    expect(audit).toHaveLength(1);
  });

  it('counts the deadline with the holidays of HOLIDAYS_FILE when the server has them', async () => {
    // 14/6/2026 is a Sunday: three working days are normally 15, 16 and 17 June.
    const holidays = parseHolidayList('2026-06-15 nghỉ bù\n2026-06-16 nghỉ bù');
    const withHolidays = await buildTestApp(database.db, { holidays });
    try {
      const user = await buildUser(database.db, [{ role: 'province_officer', unitCode: '42.SNGV' }]);
      const client = await signIn(withHolidays, user.username);
      const res = await open(client);
      expect(res.statusCode).toBe(200);
      expect((res.json() as RoundDetail).deadline).toBe('2026-06-19');
    } finally {
      await withHolidays.close();
    }
  });

  it('asks a chosen subset', async () => {
    const res = await open(officer, {
      unitIds: [thachHa, ducThinh],
      period: { kind: 'quarter', year: 2026, index: 1 },
    });
    expect(res.statusCode).toBe(200);
    const round = res.json() as RoundDetail;
    expect(round.units.map((u) => u.unit.code)).toEqual(['18277', '18562']);
  });

  it('refuses a round without units, with a clear message', async () => {
    const res = await open(officer, { unitIds: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('ít nhất một đơn vị báo cáo');
  });

  it('refuses a deadline less than one working day after the data closes', async () => {
    const res = await open(officer, { deadlineDays: 0 });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message).toContain('ít nhất 01 ngày làm việc');
    expect(error.fields[0].path).toContain('deadlineDays');
    const early = await open(officer, { deadline: '2026-06-10' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('phải sau ngày chốt số liệu 14/6/2026');
  });

  it('refuses a unit of another province', async () => {
    const [other] = await database.db
      .select({ id: units.id })
      .from(units)
      .where(eq(units.provinceCode, '01'))
      .limit(1);
    const res = await open(officer, { unitIds: [thachHa, other?.id] });
    expect(res.statusCode).toBe(400);
  });

  it('a commune officer cannot open a round (403)', async () => {
    expect((await open(commune)).statusCode).toBe(403);
  });
});

describe('a commune in a round', () => {
  let roundId = 0;
  beforeAll(async () => {
    const res = await open(officer, {
      name: 'Báo cáo 9 tháng',
      unitIds: [thachHa, ducThinh],
      period: { kind: 'nine_months', year: 2026 },
      deadlineDays: 2,
    });
    roundId = (res.json() as RoundDetail).id;
  });

  it('sees the round on its home page with the deadline and the countdown', async () => {
    const home = (await commune.request('GET', '/api/home')).json() as HomeResponse;
    const item = home.due.find((d) => d.roundId === roundId);
    expect(item).toMatchObject({
      kind: 'report',
      title: 'Báo cáo 9 tháng',
      unit: { code: '18562' },
      deadline: '2026-09-16',
      status: 'not_started',
      href: `/dot-bao-cao/${roundId}`,
      reportId: null,
      canEdit: true,
    });
    expect(item?.daysLeft).toBe(Math.round((Date.parse('2026-09-16') - Date.parse(home.today)) / 86_400_000));
    const officerHome = (await officer.request('GET', '/api/home')).json() as HomeResponse;
    expect(officerHome.due.find((d) => d.roundId === roundId)).toMatchObject({
      kind: 'round',
      progress: { sent: 0, total: 2 },
    });
  });

  it('sees only its own unit in the round, and the round in its list', async () => {
    const detail = (await commune.request('GET', `/api/rounds/${roundId}`)).json() as RoundDetail;
    expect(detail.units.map((u) => u.unit.code)).toEqual(['18562']);
    expect(detail.canManage).toBe(false);
    const list = (await commune.request('GET', '/api/rounds')).json() as RoundListResponse;
    expect(list.items.map((r) => r.id)).toContain(roundId);
    expect((await outsider.request('GET', `/api/rounds/${roundId}`)).statusCode).toBe(403);
  });

  it('opens its report in the round, with the round window, once', async () => {
    const res = await commune.request('POST', `/api/rounds/${roundId}/report`, { unitId: thachHa });
    expect(res.statusCode).toBe(200);
    const { reportId, created } = res.json();
    expect(created).toBe(true);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({
      roundId,
      unitId: thachHa,
      periodKey: 'nine_months-2026',
      windowStart: '2025-12-15',
      windowEnd: '2026-09-14',
    });
    const again = (
      await commune.request('POST', `/api/rounds/${roundId}/report`, { unitId: thachHa })
    ).json();
    expect(again).toMatchObject({ reportId, created: false, status: 'draft' });
    const home = (await commune.request('GET', '/api/home')).json() as HomeResponse;
    expect(home.due.find((d) => d.roundId === roundId)).toMatchObject({
      reportId,
      status: 'draft',
      href: `/bao-cao/${reportId}`,
    });
  });

  it("refuses another commune's report of the round (403)", async () => {
    const res = await sibling.request('POST', `/api/rounds/${roundId}/report`, { unitId: thachHa });
    expect(res.statusCode).toBe(403);
    const outside = await outsider.request('POST', `/api/rounds/${roundId}/report`, { unitId: thachHa });
    expect(outside.statusCode).toBe(403);
  });

  it('the province changes the units and closes the round; the commune cannot', async () => {
    const patched = await officer.request('PATCH', `/api/rounds/${roundId}`, {
      removeUnitIds: [ducThinh],
      deadlineDays: 5,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ unitCount: 1, deadline: '2026-09-21' });
    const empty = await officer.request('PATCH', `/api/rounds/${roundId}`, { removeUnitIds: [thachHa] });
    expect(empty.statusCode).toBe(400);
    expect((await commune.request('POST', `/api/rounds/${roundId}/close`)).statusCode).toBe(403);
    const closed = await officer.request('POST', `/api/rounds/${roundId}/close`);
    expect(closed.json().status).toBe('closed');
    const home = (await commune.request('GET', '/api/home')).json() as HomeResponse;
    expect(home.due.some((d) => d.roundId === roundId)).toBe(false);
    expect((await officer.request('POST', `/api/rounds/${roundId}/reopen`)).json().status).toBe('open');
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'round'), eq(auditLog.entityId, String(roundId))));
    expect(actions.map((a) => a.action)).toEqual([
      'round.create',
      'round.update',
      'round.close',
      'round.reopen',
    ]);
  });
});

describe('recurring rounds', () => {
  it('creates the next occurrence once its data window starts, once', async () => {
    const res = await open(officer, {
      unitIds: [thachHa],
      period: { kind: 'month', year: 2026, index: 3 },
      frequency: 'month',
      deadlineDays: 2,
    });
    const first = res.json() as RoundDetail;
    expect(await createDueOccurrences(database.db, '2026-03-10')).toBe(0);
    expect(await createDueOccurrences(database.db, '2026-03-20')).toBe(1);
    expect(await createDueOccurrences(database.db, '2026-03-20')).toBe(0);
    const series = await database.db.select().from(rounds).where(eq(rounds.seriesId, first.id));
    expect(series.map((r) => r.periodKey).sort()).toEqual(['month-2026-03', 'month-2026-04']);
    const next = series.find((r) => r.periodKey === 'month-2026-04');
    expect(next).toMatchObject({
      name: 'Báo cáo công tác đối ngoại tháng 4 năm 2026',
      windowStart: '2026-03-15',
      windowEnd: '2026-04-14',
      deadline: '2026-04-16',
      deadlineDays: 2,
    });
    const created = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'round.create'), eq(auditLog.entityId, String(next?.id))));
    expect(created[0]?.actorLabel).toBe('scheduler');
    // The province can also create the next one now: May 2026, then the same again.
    const now = await officer.request('POST', `/api/rounds/${next?.id}/next`);
    expect(now.json().created).toBe(true);
    const twice = await officer.request('POST', `/api/rounds/${next?.id}/next`);
    expect(twice.json()).toEqual({ id: now.json().id, created: false });
  });
});

describe('the request letter', () => {
  it('previews, issues one number "01/SNgV-VP" and downloads a valid DOCX', async () => {
    const res = await open(officer, {
      unitIds: [thachHa, ducThinh],
      period: { kind: 'quarter', year: 2026, index: 2 },
      guidance: 'Ghi rõ quốc tịch người nước ngoài.',
    });
    const id = (res.json() as RoundDetail).id;
    const preview = (
      await officer.request('GET', `/api/rounds/${id}/request-letter`)
    ).json() as RequestLetterPreview;
    expect(preview.issued).toBe(false);
    expect(preview.text).toContain('V/v báo cáo kết quả công tác đối ngoại Quý II năm 2026');
    expect(preview.text).toContain('Ủy ban nhân dân xã Thạch Hà');
    expect(preview.signers.map((s) => s.id)).toContain(signerId);
    expect((await commune.request('POST', `/api/rounds/${id}/request-letter`, { signerId })).statusCode).toBe(
      403,
    );
    const issued = await officer.request('POST', `/api/rounds/${id}/request-letter`, {
      signerId,
      issuedOn: '2026-06-10',
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json().requestLetter.notation).toBe('01/SNgV-VP');
    const twice = await officer.request('POST', `/api/rounds/${id}/request-letter`, { signerId });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('01/SNgV-VP');
    const after = (
      await commune.request('GET', `/api/rounds/${id}/request-letter`)
    ).json() as RequestLetterPreview;
    expect(after.issued).toBe(true);
    expect(after.text).toContain('Số: 01/SNgV-VP');
    const docx = await commune.request('GET', `/api/rounds/${id}/request-letter.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('CV-01-SNgV-VP-2026.docx');
    expect(await checkDocx(new Uint8Array(docx.rawPayload))).toEqual([]);
    const pdf = await commune.request('GET', `/api/rounds/${id}/request-letter.pdf`);
    // Without LibreOffice the server says so (503) instead of failing.
    if (pdf.statusCode === 503) expect(pdf.json().error.message).toContain('LibreOffice');
    else expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'round.request_letter'), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
  });

  it('two issues at the same moment give one number', async () => {
    const res = await open(officer, {
      unitIds: [thachHa],
      period: { kind: 'quarter', year: 2026, index: 3 },
    });
    const id = (res.json() as RoundDetail).id;
    const answers = await Promise.all(
      [1, 2].map(() =>
        officer.request('POST', `/api/rounds/${id}/request-letter`, { signerId, issuedOn: '2026-09-01' }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const ok = answers.find((a) => a.statusCode === 200);
    expect(ok?.json().requestLetter.notation).toBe('02/SNgV-VP');
  });
});
