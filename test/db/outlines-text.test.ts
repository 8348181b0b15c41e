/**
 * A province's đề cương made into an outline through the API: parsed from pasted text or a file,
 * proposals confirmed or removed, saved by the receiving unit's officer; the report form and the
 * document follow its headings and numbers; bad input is refused with nothing saved.
 */
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outlines } from '../../src/db/schema.js';
import type { ParseOutlineResponse } from '../../src/domain/api-outlines.js';
import type { OutlineDetail, ReportView } from '../../src/domain/api-reports.js';
import type { Outline } from '../../src/domain/outline.js';
import { withoutIndicators } from '../../src/domain/outlines/from-text.js';
import type { App } from '../../src/server/context.js';
import { buildTestApp, buildUser, type Client, signIn, unitId } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let app: App;
let sở: Client;
let commune: Client;
let sởUnit = 0;

/** An invented đề cương with "2.1." sub-numbering, as some provinces write it. */
const DOTTED = [
  'ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC ĐỐI NGOẠI 6 THÁNG ĐẦU NĂM 2026',
  '(Kèm theo Công văn số 123/SNgV-VP)',
  'I. TÌNH HÌNH CHUNG',
  'Nêu ngắn gọn bối cảnh của địa phương.',
  'II. KẾT QUẢ THỰC HIỆN',
  '1. Công tác quản lý đoàn ra, đoàn vào',
  '2. Công tác quản lý người nước ngoài',
  '2.1. Tình hình người nước ngoài đến, cư trú',
  '2.2. Công tác đăng ký hộ tịch có yếu tố nước ngoài',
  '3. Công tác thông tin đối ngoại',
  'III. PHƯƠNG HƯỚNG, NHIỆM VỤ',
].join('\n');

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database.db);
  sởUnit = await unitId(database.db, '42');
  sở = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'province_officer', unitCode: '42' }])).username,
  );
  commune = await signIn(
    app,
    (await buildUser(database.db, [{ role: 'commune_officer', unitCode: '18562' }])).username,
  );
});
afterAll(async () => {
  await app.close();
  await database.destroy();
});

const outlineCount = async () => (await database.db.select({ n: count() }).from(outlines))[0]?.n ?? 0;

describe("a province's đề cương becomes an outline", () => {
  let parsed: ParseOutlineResponse;
  let saved: OutlineDetail;

  it('is parsed from pasted text by the Sở officer: headings as written, its own numbers, indicators proposed', async () => {
    const res = await sở.request('POST', '/api/outlines/parse', { text: DOTTED });
    expect(res.statusCode, res.body).toBe(200);
    parsed = res.json() as ParseOutlineResponse;
    expect(parsed.numbering).toEqual(['roman', 'arabic', 'dotted']);
    expect(parsed.numbered.map((s) => `${s.number} ${s.title}`)).toEqual([
      'I. TÌNH HÌNH CHUNG',
      'II. KẾT QUẢ THỰC HIỆN',
      '1. Công tác quản lý đoàn ra, đoàn vào',
      '2. Công tác quản lý người nước ngoài',
      '2.1. Tình hình người nước ngoài đến, cư trú',
      '2.2. Công tác đăng ký hộ tịch có yếu tố nước ngoài',
      '3. Công tác thông tin đối ngoại',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ',
    ]);
    const codes = parsed.proposals.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['delegations.in.count', 'foreigners.resident']));
    // Nothing is stored by a parse.
    expect(await outlineCount()).toBeGreaterThan(0);
  });

  it('is saved with the proposals the officer kept, audited, and numbered in its own scheme', async () => {
    const before = await outlineCount();
    const removed = new Set(['foreigners.violations']);
    const definition = withoutIndicators(parsed.definition, removed);
    const res = await sở.request('POST', '/api/outlines', {
      code: 'de-cuong-ha-tinh-2026',
      name: 'Đề cương báo cáo 6 tháng (Sở Ngoại vụ Hà Tĩnh)',
      ownerUnitId: sởUnit,
      definition,
      source: 'text',
    });
    expect(res.statusCode, res.body).toBe(200);
    saved = res.json() as OutlineDetail;
    expect(saved).toMatchObject({ code: 'de-cuong-ha-tinh-2026', version: 1, builtIn: false, canEdit: true });
    expect(saved.numbered.find((s) => s.title.startsWith('Tình hình người'))?.number).toBe('2.1.');
    expect(JSON.stringify(saved.definition)).not.toContain('foreigners.violations');
    expect(JSON.stringify(saved.definition)).toContain('foreigners.resident');
    expect(await outlineCount()).toBe(before + 1);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'outline'), eq(auditLog.entityId, String(saved.id))));
    expect(audit.map((a) => a.action)).toEqual(['outline.create']);
  });

  it('gives the report form and the page the same headings and numbers; an open report keeps its version', async () => {
    const made = await sở.request('POST', `/api/units/${sởUnit}/reports`, {
      outlineId: saved.id,
      period: { kind: 'half1', year: 2026 },
    });
    expect(made.statusCode, made.body).toBe(200);
    const view = made.json() as ReportView;
    const key = saved.numbered.find((s) => s.number === '2.1.')?.key as string;
    const save = await sở.request('PUT', `/api/reports/${view.report.id}`, {
      revision: view.report.revision,
      content: {
        ...view.content,
        values: { 'foreigners.resident': 12 },
        narratives: { [key]: { text: 'Quản lý chặt chẽ người nước ngoài.', mode: 'append' } },
      },
    });
    expect(save.statusCode, save.body).toBe(200);
    const read = (await sở.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
    const headings = read.document.body
      .filter((b): b is Extract<typeof b, { kind: 'heading' }> => b.kind === 'heading')
      .map((b) => `${b.number} ${b.text}`);
    expect(headings).toEqual([
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Công tác quản lý người nước ngoài',
      '1.1. Tình hình người nước ngoài đến, cư trú',
    ]);

    // A new version of the outline: the open report keeps the version it was made with.
    const edited: Outline = {
      ...saved.definition,
      sections: saved.definition.sections.map((s, i) => (i === 0 ? { ...s, title: 'BỐI CẢNH' } : s)),
    };
    const v2 = await sở.request('PUT', `/api/outlines/${saved.id}`, { definition: edited, baseVersion: 1 });
    expect(v2.statusCode, v2.body).toBe(200);
    const kept = (await sở.request('GET', `/api/reports/${view.report.id}`)).json() as ReportView;
    expect(kept.report.outline).toMatchObject({ id: saved.id, version: 1 });
    expect(kept.outline.sections[0]?.title).toBe('TÌNH HÌNH CHUNG');
  });

  it('is parsed from a DOCX upload', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            '1. Đoàn ra, đoàn vào',
            '2. Người nước ngoài',
            '- Người nước ngoài cư trú',
            '3. Kiến nghị',
          ].map((t) => new Paragraph({ text: t, alignment: AlignmentType.LEFT })),
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const res = await sở.request('POST', '/api/outlines/parse', {
      file: { name: 'de-cuong.docx', contentBase64: Buffer.from(bytes).toString('base64') },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ParseOutlineResponse;
    expect(body.numbering).toEqual(['arabic', 'dash']);
    expect(body.numbered.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1. Đoàn ra, đoàn vào',
      '2. Người nước ngoài',
      '- Người nước ngoài cư trú',
      '3. Kiến nghị',
    ]);
  });
});

describe('who may make outlines', () => {
  it("refuses a commune officer: parsing and saving are the receiving unit's", async () => {
    expect((await commune.request('POST', '/api/outlines/parse', { text: DOTTED })).statusCode).toBe(403);
    const res = await commune.request('POST', '/api/outlines', {
      code: 'de-cuong-xa',
      name: 'Đề cương xã',
      ownerUnitId: await unitId(database.db, '18562'),
      definition: {},
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('bad input: a clear Vietnamese message, nothing saved', () => {
  const refused = async (body: unknown, status = 400) => {
    const before = await outlineCount();
    const res = await sở.request('POST', '/api/outlines/parse', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(await outlineCount()).toBe(before);
    return res.json().error as { message: string; fields?: { message: string }[] };
  };

  it('nothing pasted and no file, or a file that is not base64', async () => {
    expect((await refused({ text: '   ' })).message).toContain('Hãy dán nội dung đề cương');
    const broken = await refused({ file: { name: 'de-cuong.docx', contentBase64: '%%% không phải base64' } });
    expect(broken.message).toContain('bị hỏng');
  });

  it('text with no recognisable heading', async () => {
    const error = await refused({ text: 'Kính gửi Sở Ngoại vụ.\nĐề nghị các xã báo cáo đúng hạn.' });
    expect(error.message).toContain('Không tìm thấy đề mục');
  });

  it('numbering that skips, naming the line', async () => {
    const error = await refused({ text: 'I. Kết quả\n1. Đoàn ra\n3. Đoàn vào\nII. Phương hướng' });
    expect(error.message).toContain('Dòng 3');
    expect(error.message).toContain('2.');
  });

  it('duplicated headings at one level', async () => {
    const error = await refused({ text: '1. Đoàn ra, đoàn vào\n2. Lãnh sự\n3. Đoàn ra, đoàn vào' });
    expect(error.message).toMatch(/Dòng 3.*trùng tên.*dòng 1/);
  });

  it('a DOCX that is not a DOCX', async () => {
    const error = await refused({
      file: { name: 'de-cuong.docx', contentBase64: Buffer.from('%PDF-1.4 not really').toString('base64') },
    });
    expect(error.message).toContain('không phải là tệp DOCX');
  });

  it('a 50 MB upload: refused before it is read, with the limit', async () => {
    const huge = 'A'.repeat(50 * 1024 * 1024);
    const error = await refused({ file: { name: 'de-cuong.pdf', contentBase64: huge } }, 413);
    expect(error.message).toContain('5 MB');
  });

  it('a save with a bad definition or a code in use', async () => {
    const before = await outlineCount();
    const bad = await sở.request('POST', '/api/outlines', {
      code: 'de-cuong-hong',
      name: 'Hỏng',
      ownerUnitId: sởUnit,
      definition: { documentKind: 'report', subjectTemplate: '{period}', sections: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('ít nhất một mục');
    const taken = await sở.request('POST', '/api/outlines', {
      code: 'commune-report',
      name: 'Trùng mã',
      ownerUnitId: sởUnit,
      definition: (await sở.request('POST', '/api/outlines/parse', { text: DOTTED })).json().definition,
    });
    expect(taken.statusCode).toBe(409);
    expect(await outlineCount()).toBe(before);
  });
});
