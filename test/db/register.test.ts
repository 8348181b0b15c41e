import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.js';
import {
  type IssueNumberInput,
  issueNumber,
  listRegister,
  setNumberingScheme,
} from '../../src/db/register.js';
import { auditLog, registerEntries } from '../../src/db/schema.js';
import { AppError } from '../../src/domain/errors.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/db.js';

let database: TestDatabase;
let thachHa: number;
let ducThinh: number;
let tranPhu: number;

beforeAll(async () => {
  database = await createTestDatabase();
  thachHa = await unitId(database.db, '18562');
  ducThinh = await unitId(database.db, '18277');
  tranPhu = await unitId(database.db, '18100');
});
afterAll(async () => database?.destroy());

const input = (overrides: Partial<IssueNumberInput> & { unitId: number }): IssueNumberInput => ({
  issuedOn: '2026-06-12',
  typeCode: 'BC',
  symbol: 'BC-UBND',
  subject: 'Kết quả công tác đối ngoại 6 tháng đầu năm 2026',
  signerName: 'Nguyễn Văn A',
  signerTitle: 'Phó Chủ tịch',
  ...overrides,
});

const issue = (overrides: Partial<IssueNumberInput> & { unitId: number }) =>
  database.db.transaction((tx) => issueNumber(tx, CLI_ACTOR, input(overrides)));

describe('register of outgoing documents', () => {
  it(`gives 20 concurrent issues 20 distinct consecutive numbers (${usingPostgres ? 'PostgreSQL, separate connections' : 'PGlite'})`, async () => {
    const entries = await Promise.all(Array.from({ length: 20 }, () => issue({ unitId: thachHa })));
    const numbers = entries.map((e) => e.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(entries.map((e) => e.notation)).size).toBe(20);
    const stored = await listRegister(database.db, thachHa, 2026);
    expect(stored.map((e) => e.number)).toEqual(numbers);
    expect(stored[0]?.notation).toBe('01/BC-UBND');
    expect(stored[9]?.notation).toBe('10/BC-UBND');
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'register.issue'), eq(auditLog.unitId, thachHa)));
    expect(audits).toHaveLength(20);
  });

  it('restarts at 01 on 1 January (the year of the date of issue)', async () => {
    const last = await issue({ unitId: ducThinh, issuedOn: '2025-12-31' });
    const before = await issue({ unitId: ducThinh, issuedOn: '2025-12-31' });
    const first = await issue({ unitId: ducThinh, issuedOn: '2026-01-01' });
    expect([last.number, before.number]).toEqual([1, 2]);
    expect(first.number).toBe(1);
    expect(first.notation).toBe('01/BC-UBND');
    expect((await listRegister(database.db, ducThinh, 2025)).map((e) => e.number)).toEqual([1, 2]);
    expect((await listRegister(database.db, ducThinh, 2026)).map((e) => e.number)).toEqual([1]);
  });

  it('keeps one series per type under the per_type scheme, and the change is audited', async () => {
    await database.db.transaction((tx) => setNumberingScheme(tx, CLI_ACTOR, tranPhu, 'per_type'));
    const bc1 = await issue({ unitId: tranPhu });
    const kh1 = await issue({ unitId: tranPhu, typeCode: 'KH', symbol: 'KH-UBND' });
    const bc2 = await issue({ unitId: tranPhu });
    const kh2 = await issue({ unitId: tranPhu, typeCode: 'KH', symbol: 'KH-UBND' });
    expect([bc1.notation, bc2.notation]).toEqual(['01/BC-UBND', '02/BC-UBND']);
    expect([kh1.notation, kh2.notation]).toEqual(['01/KH-UBND', '02/KH-UBND']);
    expect(kh1.series).toBe('KH');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.numbering.update'), eq(auditLog.unitId, tranPhu)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toEqual({ numberingScheme: 'per_type' });

    // Back to one series in mid-year: it continues after the highest number, never repeating one.
    await database.db.transaction((tx) => setNumberingScheme(tx, CLI_ACTOR, tranPhu, 'single'));
    const next = await issue({ unitId: tranPhu });
    expect(next.number).toBe(3);
    expect(next.series).toBe('all');
  });

  it('takes a number chosen by hand only below the next number and unused (reserved on paper), and never moves the counter', async () => {
    const unit = await unitId(database.db, '18073');
    // An empty register has no number to reserve.
    const none = await issue({ unitId: unit, number: 5 }).catch((e: unknown) => e);
    expect((none as AppError).code).toBe('VALIDATION');
    expect((none as AppError).message).toContain('chưa có số nào');
    // A number written in the register outside the system (on paper) leaves 1–6 free below it.
    await database.db.insert(registerEntries).values({
      unitId: unit,
      year: 2026,
      series: 'all',
      number: 7,
      symbol: 'BC-UBND',
      typeCode: 'BC',
      issuedOn: '2026-06-01',
      subject: 'Văn bản ghi tay',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'Phó Chủ tịch',
    });
    const chosen = await issue({ unitId: unit, number: 5, issuedOn: '2026-06-01' });
    expect(chosen.notation).toBe('05/BC-UBND');
    const error = await issue({ unitId: unit, number: 5, issuedOn: '2026-06-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toContain('05/BC-UBND đã được dùng');
    expect((error as AppError).fields?.[0]?.path).toBe('number');
    // Above the next number: refused (nobody can make the register jump or run out of numbers).
    for (const n of [8, 9_000, 99_999]) {
      const jump = await issue({ unitId: unit, number: n }).catch((e: unknown) => e);
      expect((jump as AppError).code).toBe('VALIDATION');
      expect((jump as AppError).message).toContain('nhỏ hơn số tiếp theo của sổ (8)');
    }
    // The automatic numbers continue after the highest number.
    expect((await issue({ unitId: unit })).number).toBe(8);
    const rows = await database.db.select().from(registerEntries).where(eq(registerEntries.unitId, unit));
    expect(rows.map((r) => r.number).sort((a, b) => a - b)).toEqual([5, 7, 8]);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'register.issue'), eq(auditLog.unitId, unit)));
    expect(audits.filter((a) => (a.after as { chosenByHand?: boolean }).chosenByHand)).toHaveLength(1);
  });

  it('keeps every series consistent when the scheme is switched back and forth with issues between', async () => {
    const unit = await unitId(database.db, '18115');
    const scheme = (s: 'single' | 'per_type') =>
      database.db.transaction((tx) => setNumberingScheme(tx, CLI_ACTOR, unit, s));
    const notations: string[] = [];
    const take = async (typeCode: 'BC' | 'KH') =>
      notations.push((await issue({ unitId: unit, typeCode, symbol: `${typeCode}-UBND` })).notation);
    for (let round = 0; round < 3; round++) {
      await scheme('single');
      await take('BC');
      await take('KH');
      await scheme('per_type');
      await take('BC');
      await take('KH');
    }
    await scheme('single');
    await take('BC');
    expect(new Set(notations).size).toBe(notations.length);
    // Under the single scheme each number continues after the highest of the year.
    const numbers = notations.map((n) => Number(n.split('/')[0]));
    expect(numbers.at(-1)).toBe(Math.max(...numbers.slice(0, -1)) + 1);
  });

  it('refuses a date of issue earlier than the last number of the series, or later than today', async () => {
    const unit = await unitId(database.db, '18118');
    await issue({ unitId: unit, issuedOn: '2026-06-12' });
    const earlier = await issue({ unitId: unit, issuedOn: '2026-06-10' }).catch((e: unknown) => e);
    expect((earlier as AppError).code).toBe('VALIDATION');
    expect((earlier as AppError).message).toContain('không được trước ngày 12/06/2026');
    expect((earlier as AppError).fields?.[0]?.path).toBe('issuedOn');
    const future = await issue({ unitId: unit, issuedOn: '2026-06-20', today: '2026-06-15' }).catch(
      (e: unknown) => e,
    );
    expect((future as AppError).message).toContain('không được sau ngày hôm nay');
    expect((await issue({ unitId: unit, issuedOn: '2026-06-12' })).number).toBe(2);
  });
});

describe('register over HTTP', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database.db);
  });
  afterAll(async () => app?.close());

  it("lists a year to the unit's people, not to another commune", async () => {
    const leader = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_leader', unitCode: '18562' }])).username,
    );
    const res = await leader.request('GET', `/api/units/${thachHa}/register?year=2026`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    expect(body.unit.numberingScheme).toBe('single');
    expect(body.canManage).toBe(false);
    expect(body.items[0].notation).toBe('01/BC-UBND');
    expect(body.items).toHaveLength(20);
    expect(body.years).toContain(2026);

    const other = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18277' }])).username,
    );
    expect((await other.request('GET', `/api/units/${thachHa}/register?year=2026`)).statusCode).toBe(403);
    const bad = await leader.request('GET', `/api/units/${thachHa}/register?year=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Năm');
  });

  it('exports the register to Excel and to CSV with the columns of the register', async () => {
    const admin = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'admin', unitCode: '42' }])).username,
    );
    const xlsx = await admin.request('GET', `/api/units/${thachHa}/register/export?year=2026&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(xlsx.headers['content-disposition']);
    expect(disposition).toContain('filename="So-van-ban-di-Xa-Thach-Ha-2026.xlsx"');
    expect(disposition).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(['Số, ký hiệu', 'Ngày ban hành', 'Loại', 'Trích yếu', 'Người ký', 'Nơi nhận']);
    expect((sheet.getRow(5).values as unknown[]).slice(1, 4)).toEqual([
      '01/BC-UBND',
      '12/06/2026',
      'Báo cáo',
    ]);
    expect(sheet.rowCount).toBe(4 + 20);

    const csv = await admin.request('GET', `/api/units/${thachHa}/register/export?year=2026&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload[0]).toBe(0xef); // UTF-8 byte-order mark for Excel
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Số, ký hiệu",Ngày ban hành,Loại,Trích yếu,Người ký,Nơi nhận');
    expect(lines).toHaveLength(21);
    expect((await admin.request('GET', `/api/units/${thachHa}/register/export?format=pdf`)).statusCode).toBe(
      400,
    );
  });

  it('lets an administrator switch the numbering scheme, and nobody else', async () => {
    const unit = await unitId(database.db, '18277');
    const leader = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'commune_leader', unitCode: '18277' }])).username,
    );
    expect(
      (await leader.request('PUT', `/api/units/${unit}/numbering-scheme`, { scheme: 'per_type' })).statusCode,
    ).toBe(403);
    const admin = await signIn(
      app,
      (await buildUser(database.db, [{ role: 'admin', unitCode: '42' }])).username,
    );
    const bad = await admin.request('PUT', `/api/units/${unit}/numbering-scheme`, { scheme: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Cách đánh số');
    const ok = await admin.request('PUT', `/api/units/${unit}/numbering-scheme`, { scheme: 'per_type' });
    expect(ok.statusCode).toBe(200);
    const list = await admin.request('GET', `/api/units/${unit}/register`);
    expect(list.json().unit.numberingScheme).toBe('per_type');
    expect(list.json().canManage).toBe(true);
  });
});
