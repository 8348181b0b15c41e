/**
 * Sheets into and out of a register, through HTTP: the upload proposes a mapping and answers a
 * preview with the refused rows and their reasons; a corrected mapping previews again; the
 * confirmation imports in the background, every record or none (a write failing half-way leaves
 * nothing); the same file twice is told, not silently duplicated; the export re-imports, and a
 * province reader gets it without the personal fields; the upload's size limit is its own.
 */

import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, logbookImports, logbookRecords } from '../../src/db/schema.js';
import type { ImportPreview, ImportStatusView, ImportUpload } from '../../src/domain/api-logbook-sheets.js';
import { resumeStaleImports } from '../../src/jobs/logbook-import.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let officer: Client;
let neighbour: Client;
let province: Client;
let commune = 0;

const HEADERS = [
  'STT',
  'Ngày bắt đầu',
  'Ngày kết thúc',
  'Loại đoàn',
  'Mục đích, nội dung',
  'Số thành viên',
  'Nước, vùng lãnh thổ',
];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Đoàn');
  for (const row of rows) ws.addRow(row as ExcelJS.CellValue[]);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

function upload(client: Client, unit: number, kind: string, file: Buffer | string, fileName = 'doan.xlsx') {
  return app.inject({
    method: 'POST',
    url: `/api/logbook/${unit}/${kind}/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: client.cookie, 'content-type': 'application/octet-stream' },
    payload: typeof file === 'string' ? Buffer.from(file, 'utf8') : file,
  });
}

async function finished(client: Client, id: number): Promise<ImportStatusView> {
  for (let i = 0; i < 600; i++) {
    const res = await client.request('GET', `/api/logbook/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const status = res.json() as ImportStatusView;
    if (status.status === 'done' || status.status === 'failed') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

const recordsOf = async (importId: number) =>
  (await database.db.select().from(logbookRecords).where(eq(logbookRecords.importId, importId))).length;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  commune = await unitId(database.db, '18562');
  officer = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
  neighbour = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18568' }])).username,
  );
  province = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'province_officer', unitCode: '42' }])).username,
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe('import of a sheet into a register', () => {
  let uploaded: ImportUpload;
  let file: Buffer;

  it('proposes the mapping and previews the records and the refused rows with their reasons', async () => {
    file = await xlsx([
      ['SỔ THEO DÕI ĐOÀN RA, ĐOÀN VÀO'],
      HEADERS,
      [
        1,
        new Date(Date.UTC(2026, 2, 1)),
        '04/03/2026',
        'Đoàn vào',
        'Khảo sát dự án cấp nước',
        '12',
        'han quoc',
      ],
      [2, '15/3/2026', null, 'Đoàn ra', 'Xúc tiến đầu tư', 5, 'Nhật Bản; Hàn Quốc'],
      [3, '2026-04-02', '2026-04-01', 'Đoàn vào', 'Làm việc với xã', 3, 'Lào'],
      [4, 'tháng 4/2026', null, 'Đoàn khác', 'Thăm hỏi', 'nhiều', 'Xứ Sở Thần Tiên'],
      [],
      [5, '20/04/2026', null, 'Đoàn ra', 'Học tập kinh nghiệm', '1.234', 'Lào'],
    ]);
    const res = await upload(officer, commune, 'delegation', file);
    expect(res.statusCode, res.body).toBe(200);
    uploaded = res.json() as ImportUpload;
    expect(uploaded.headerRow).toBe(2);
    expect(uploaded.mapping).toEqual([
      null,
      'startsOn',
      'endsOn',
      'data.direction',
      'data.purpose',
      'data.size',
      'data.countries',
    ]);
    expect(uploaded.sameFile).toBeNull();
    const { preview } = uploaded;
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.acceptedRows).toBe(3);
    expect(preview.emptyRows).toBe(0);
    expect(preview.sample[0]?.cells.slice(0, 4)).toEqual([
      '01/03/2026',
      '04/03/2026',
      'Đoàn vào',
      'Khảo sát dự án cấp nước',
    ]);
    expect(preview.sample[0]?.cells).toContain('Hàn Quốc');
    expect(preview.refused.map((r) => r.row)).toEqual([5, 6]);
    const row5 = preview.refused[0]?.reasons.map((r) => r.message) ?? [];
    expect(row5).toEqual(['Ngày kết thúc không được trước ngày bắt đầu.']);
    const row6 = preview.refused[1]?.reasons.map((r) => r.message).join(' | ') ?? '';
    expect(row6).toContain('Ngày bắt đầu: Ngày “tháng 4/2026” không đúng dạng');
    expect(row6).toContain('Loại đoàn: Chọn một trong: Đoàn ra; Đoàn vào.');
    expect(row6).toContain('Số thành viên: “nhiều” không phải là số');
    expect(row6).toContain('Xứ Sở Thần Tiên');
  });

  it("previews again with the officer's mapping, and names a required column left out", async () => {
    const without = [...uploaded.mapping];
    without[3] = null;
    let res = await officer.request('POST', `/api/logbook/imports/${uploaded.import.id}/preview`, {
      mapping: without,
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as ImportPreview).mappingProblems).toEqual([
      'Chưa chọn cột của tệp cho "Loại đoàn" (bắt buộc).',
    ]);
    // Leaving out the end date: row 5 is no longer refused.
    const noEnd = [...uploaded.mapping];
    noEnd[2] = null;
    res = await officer.request('POST', `/api/logbook/imports/${uploaded.import.id}/preview`, {
      mapping: noEnd,
    });
    expect((res.json() as ImportPreview).acceptedRows).toBe(4);
    const confirm = await officer.request('POST', `/api/logbook/imports/${uploaded.import.id}/confirm`, {
      mapping: without,
    });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().error.message).toBe('Chưa chọn cột của tệp cho "Loại đoàn" (bắt buộc).');
  });

  it("only the unit's own people import into its register", async () => {
    expect((await upload(neighbour, commune, 'delegation', file)).statusCode).toBe(403);
    expect((await upload(province, commune, 'delegation', file)).statusCode).toBe(403);
    expect((await neighbour.request('GET', `/api/logbook/imports/${uploaded.import.id}`)).statusCode).toBe(
      403,
    );
    const res = await neighbour.request('POST', `/api/logbook/imports/${uploaded.import.id}/confirm`, {
      mapping: uploaded.mapping,
    });
    expect(res.statusCode).toBe(403);
  });

  it('the confirmation writes the accepted rows with the import and its audit row', async () => {
    const res = await officer.request('POST', `/api/logbook/imports/${uploaded.import.id}/confirm`, {
      mapping: uploaded.mapping,
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = await finished(officer, uploaded.import.id);
    expect(done).toMatchObject({
      status: 'done',
      createdRows: 3,
      refusedRows: 2,
      totalRows: 5,
      writtenRows: 3,
    });
    expect(done.refused.map((r) => r.row)).toEqual([5, 6]);
    const rows = await database.db
      .select()
      .from(logbookRecords)
      .where(eq(logbookRecords.importId, uploaded.import.id))
      .orderBy(logbookRecords.startsOn);
    expect(rows.map((r) => [r.unitId, r.kind, r.startsOn, r.endsOn])).toEqual([
      [commune, 'delegation', '2026-03-01', '2026-03-04'],
      [commune, 'delegation', '2026-03-15', null],
      [commune, 'delegation', '2026-04-20', null],
    ]);
    expect(rows[0]?.data).toEqual({
      direction: 'in',
      purpose: 'Khảo sát dự án cấp nước',
      size: 12,
      countries: ['Hàn Quốc'],
    });
    expect(rows[2]?.data.size).toBe(1234);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'logbook.import'), eq(auditLog.entityId, String(uploaded.import.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ created: 3, refused: 2, fileName: 'doan.xlsx' });
    expect(audit[0]?.unitId).toBe(commune);
    // The file is not kept once imported.
    const [kept] = await database.db
      .select({ source: logbookImports.source })
      .from(logbookImports)
      .where(eq(logbookImports.id, uploaded.import.id));
    expect(kept?.source).toBeNull();
    // Confirmed once only.
    const again = await officer.request('POST', `/api/logbook/imports/${uploaded.import.id}/confirm`, {
      mapping: uploaded.mapping,
    });
    expect(again.statusCode).toBe(409);
  });

  it('the same file a second time is told at upload and refused at confirmation unless repeated on purpose', async () => {
    const res = await upload(officer, commune, 'delegation', file, 'doan-lan-2.xlsx');
    const second = res.json() as ImportUpload;
    expect(second.sameFile).toMatchObject({ importId: uploaded.import.id, createdRows: 3, status: 'done' });
    const refused = await officer.request('POST', `/api/logbook/imports/${second.import.id}/confirm`, {
      mapping: second.mapping,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(
      /^Tệp này đã được nhập vào sổ ngày .* \(3 bản ghi\)\. Nhập lại sẽ tạo bản ghi trùng/,
    );
    expect(await recordsOf(second.import.id)).toBe(0);
    const repeated = await officer.request('POST', `/api/logbook/imports/${second.import.id}/confirm`, {
      mapping: second.mapping,
      repeat: true,
    });
    expect(repeated.statusCode).toBe(200);
    expect((await finished(officer, second.import.id)).createdRows).toBe(3);
  });

  it('nothing is written when a write fails half-way through a large sheet', async () => {
    // A fault in the database: the 2,500th record (in the second batch of inserts) cannot be written.
    await database.db.execute(sql`
      CREATE FUNCTION refuse_marked_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.data->>'purpose' = 'GHI LỖI' THEN RAISE EXCEPTION 'disk full (test)'; END IF;
        RETURN NEW;
      END $$`);
    await database.db.execute(sql`
      CREATE TRIGGER refuse_marked_record BEFORE INSERT ON logbook_records
      FOR EACH ROW EXECUTE FUNCTION refuse_marked_record()`);
    try {
      const lines = ['Ngày bắt đầu;Loại đoàn;Mục đích, nội dung;Số thành viên'];
      for (let i = 1; i <= 3000; i++)
        lines.push(`01/05/2026;Đoàn vào;${i === 2500 ? 'GHI LỖI' : `Đoàn số ${i}`};${i}`);
      const res = await upload(officer, commune, 'delegation', lines.join('\n'), 'lon.csv');
      expect(res.statusCode, res.body).toBe(200);
      const up = res.json() as ImportUpload;
      expect(up.preview.acceptedRows).toBe(3000);
      await officer.request('POST', `/api/logbook/imports/${up.import.id}/confirm`, { mapping: up.mapping });
      const failed = await finished(officer, up.import.id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toBe(
        'Lỗi khi ghi dữ liệu: không bản ghi nào được nhập. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.',
      );
      expect(failed.createdRows).toBe(0);
      expect(await recordsOf(up.import.id)).toBe(0);
      const audit = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'logbook.import'), eq(auditLog.entityId, String(up.import.id))));
      expect(audit).toHaveLength(0);
    } finally {
      await database.db.execute(sql`DROP TRIGGER refuse_marked_record ON logbook_records`);
      await database.db.execute(sql`DROP FUNCTION refuse_marked_record()`);
    }
  });

  it("an import left behind by a process that ended is run again by the scheduler's job", async () => {
    const res = await upload(
      officer,
      commune,
      'delegation',
      'Ngày bắt đầu;Loại đoàn;Mục đích, nội dung;Số thành viên\n07/05/2026;Đoàn ra;Bỏ dở;2\n',
      'do-dang.csv',
    );
    const up = res.json() as ImportUpload;
    // As if a process had claimed it an hour ago and ended before writing.
    await database.db
      .update(logbookImports)
      .set({ status: 'checking', startedAt: new Date(Date.now() - 3600_000) })
      .where(eq(logbookImports.id, up.import.id));
    // A run that is still fresh is left alone.
    expect(await resumeStaleImports(database.db, new Date(Date.now() - 2 * 3600_000))).toEqual({
      resumed: 0,
    });
    expect(await resumeStaleImports(database.db, new Date())).toEqual({ resumed: 1 });
    const status = await finished(officer, up.import.id);
    expect(status).toMatchObject({ status: 'done', createdRows: 1 });
    expect(await recordsOf(up.import.id)).toBe(1);
  });

  it('refuses what is not a sheet, in Vietnamese, and a register the unit does not keep', async () => {
    const xls = await upload(
      officer,
      commune,
      'delegation',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
      'cu.xls',
    );
    expect(xls.statusCode).toBe(400);
    expect(xls.json().error.message).toContain('Excel 97–2003 (.xls)');
    const empty = await upload(officer, commune, 'delegation', Buffer.alloc(0), 'rong.csv');
    expect(empty.statusCode).toBe(400);
    const service = await upload(officer, commune, 'service', 'Ngày;Loại dịch vụ\n', 'dv.csv');
    expect(service.statusCode).toBe(400);
    expect(service.json().error.message).toMatch(/^Đơn vị này không mở sổ theo dõi /);
    const unknown = await upload(officer, commune, 'nothing', 'a;b\n', 'x.csv');
    expect(unknown.statusCode).toBe(400);
  });

  it("the upload takes a file far over the API's 1 MB; the rest of the API keeps its limit", async () => {
    const lines = ['Ngày bắt đầu,Loại đoàn,"Mục đích, nội dung",Số thành viên'];
    const filler = 'x'.repeat(80);
    for (let i = 1; i <= 20_000; i++) lines.push(`02/05/2026,Đoàn ra,Đoàn ${i} ${filler},2`);
    const csv = lines.join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024);
    const res = await upload(officer, commune, 'delegation', csv, 'lon.csv');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect((res.json() as ImportUpload).preview.acceptedRows).toBe(20_000);
    const big = await officer.request(
      'POST',
      `/api/logbook/imports/${(res.json() as ImportUpload).import.id}/preview`,
      {
        mapping: Array.from({ length: 300_000 }, () => null),
      },
    );
    expect(big.statusCode).toBe(413);
  });
});

describe('export of a register', () => {
  beforeAll(async () => {
    const lines = [
      'Ngày đến,Ngày đi,Họ và tên,Quốc tịch,Số hộ chiếu,Nơi ở,Mục đích',
      '10/01/2026,,Kim Min-jun,Hàn Quốc,M1234567,Thôn 3,Làm việc',
      '10/03/2026,20/03/2026,Tanaka Hiro,nhat ban,TK7654321,Thôn 5,du lich',
    ];
    const res = await upload(officer, commune, 'foreigner', lines.join('\n'), 'nnn.csv');
    expect(res.statusCode, res.body).toBe(200);
    const up = res.json() as ImportUpload;
    expect(up.preview.refused).toEqual([]);
    await officer.request('POST', `/api/logbook/imports/${up.import.id}/confirm`, { mapping: up.mapping });
    expect((await finished(officer, up.import.id)).createdRows).toBe(2);
  });

  it("the unit's own officer gets every column, and the export of personal data is audited", async () => {
    const res = await officer.request('GET', `/api/logbook/${commune}/foreigner/export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toContain('Họ và tên');
    expect(text).toContain('Kim Min-jun');
    expect(text).toContain('M1234567');
    expect(text).toContain('Nhật Bản');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'logbook.export.personal'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: 'foreigner', unitId: commune });
    expect(audit[0]?.after).toMatchObject({ format: 'csv', rows: 2 });
  });

  it('a province reader gets the register without the personal fields', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await province.request('GET', `/api/logbook/${commune}/foreigner/export?format=${format}`);
      expect(res.statusCode).toBe(200);
      let cells: string[];
      if (format === 'csv') cells = res.body.split(/[\r\n,]+/);
      else {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        cells = [];
        book.worksheets[0]?.eachRow((row) => {
          row.eachCell((cell) => {
            cells.push(cell.value instanceof Date ? cell.value.toISOString() : String(cell.value));
          });
        });
      }
      expect(cells).toContain('Quốc tịch');
      expect(cells).toContain('Hàn Quốc');
      for (const personal of ['Họ và tên', 'Số hộ chiếu', 'Kim Min-jun', 'M1234567', 'Thôn 3'])
        expect(cells).not.toContain(personal);
    }
    expect((await neighbour.request('GET', `/api/logbook/${commune}/foreigner/export`)).statusCode).toBe(403);
  });

  it('filters by dates and re-imports as exported', async () => {
    const res = await officer.request(
      'GET',
      `/api/logbook/${commune}/foreigner/export?format=xlsx&from=2026-03-01&to=2026-03-31`,
    );
    expect(res.statusCode).toBe(200);
    const again = await upload(officer, commune, 'foreigner', res.rawPayload, 'xuat.xlsx');
    const up = again.json() as ImportUpload;
    expect(up.preview.refused).toEqual([]);
    expect(up.preview.acceptedRows).toBe(1);
    expect(up.preview.sample[0]?.cells).toEqual([
      '10/03/2026',
      '20/03/2026',
      'Tanaka Hiro',
      'Nhật Bản',
      'TK7654321',
      '',
      'Thôn 5',
      'Du lịch',
      '',
    ]);
    const bad = await officer.request(
      'GET',
      `/api/logbook/${commune}/foreigner/export?from=2026-03-31&to=2026-03-01`,
    );
    expect(bad.statusCode).toBe(400);
  });
});
