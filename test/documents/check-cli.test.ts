/** `doingoai check <file.docx>`: the real command on a good file, a broken one and a non-DOCX. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.js';
import { run } from '../support/process.js';
import { edit } from './docx-edit.js';
import { communePlan } from './fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('doingoai check', () => {
  it('says "Đạt" and exits 0 for a document that follows the decree', async () => {
    const file = path.join(dir, 'ke-hoach.docx');
    writeFileSync(file, await renderDocx(communePlan()));
    const res = await run(['check', file], {});
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Đạt: /);
  });

  it('lists each problem and exits 1', async () => {
    const broken = edit(await renderDocx(communePlan()), 'word/document.xml', (xml) =>
      xml.replace('Số: 05/KH-UBND', 'Số: 5/KH-UBND').replace('w:left="1701"', 'w:left="1300"'),
    );
    const file = path.join(dir, 'sai.docx');
    writeFileSync(file, broken);
    const res = await run(['check', file], {});
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('có 2 điểm chưa đúng thể thức');
    expect(res.stdout).toContain('Số văn bản dưới 10 phải có số 0 đứng trước');
    expect(res.stdout).toContain('Lề trái phải từ 30 đến 35 mm');
  });

  it('exits 2 with a clear message, no stack trace, for a file that is not a DOCX or does not exist', async () => {
    const file = path.join(dir, 'ghi-chu.docx');
    writeFileSync(file, 'đây không phải tệp Word');
    const res = await run(['check', file], {});
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Tệp không phải văn bản Word (.docx) hợp lệ');
    expect(res.stderr).not.toMatch(/\n\s+at /);
    const missing = await run(['check', path.join(dir, 'khong-co.docx')], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('không có tệp này');
  });
});
