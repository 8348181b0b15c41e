/** `doingoai outline parse` and `doingoai render --outline`: the real commands on a đề cương file. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/domain/outline.js';
import { run } from '../support/process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-outline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An invented đề cương in the "I./1./1.1." scheme. */
const DE_CUONG = [
  'ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC ĐỐI NGOẠI NĂM 2025',
  'I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI',
  '1. Ngoại giao kinh tế',
  '2. Công tác lãnh sự, hộ tịch',
  '2.1. Đăng ký kết hôn có yếu tố nước ngoài',
  'II. KIẾN NGHỊ, ĐỀ XUẤT',
].join('\n');

function documentText(bytes: Uint8Array): string {
  const xml = unzipSync(bytes)['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  return strFromU8(xml)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('doingoai outline parse', () => {
  it('writes the outline of a đề cương file and renders a report on it with its own numbers', async () => {
    const source = path.join(dir, 'de-cuong.txt');
    writeFileSync(source, DE_CUONG);
    const out = path.join(dir, 'outline.json');
    const parsed = await run(['outline', 'parse', source, '-o', out, '--code', 'de-cuong-thu'], {});
    expect(parsed.stderr).toBe('');
    expect(parsed.code).toBe(0);
    expect(parsed.stdout).toContain('oda.total');
    const outline = JSON.parse(readFileSync(out, 'utf8')) as Outline;
    expect(outline).toMatchObject({ code: 'de-cuong-thu', numbering: ['roman', 'arabic', 'dotted'] });

    const docx = path.join(dir, 'bao-cao.docx');
    const rendered = await run(
      ['render', path.resolve('examples/000-thach-ha-nam-2025.json'), '--outline', out, '-o', docx],
      {},
    );
    expect(rendered.code, rendered.stderr).toBe(0);
    const lines = documentText(new Uint8Array(readFileSync(docx))).split('\n');
    // The ODA figures and the marriage land under the province's headings, numbered as it numbers them.
    expect(lines).toEqual(
      expect.arrayContaining([
        'I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI',
        '1. Ngoại giao kinh tế',
        '2. Công tác lãnh sự, hộ tịch',
        '2.1. Đăng ký kết hôn có yếu tố nước ngoài',
      ]),
    );
    expect(lines.join('\n')).toContain('911.897');
    expect(lines.join('\n')).not.toContain('Đối ngoại Đảng');
  });

  it('refuses a đề cương whose numbering skips, naming the line, and writes nothing', async () => {
    const source = path.join(dir, 'nhay-so.txt');
    writeFileSync(source, 'I. Kết quả\n1. Đoàn ra\n3. Đoàn vào');
    const out = path.join(dir, 'nhay-so.json');
    const res = await run(['outline', 'parse', source, '-o', out], {});
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Dòng 3: số thứ tự bị nhảy');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a .docx that is not a Word file', async () => {
    const source = path.join(dir, 'gia.docx');
    writeFileSync(source, 'không phải docx');
    const res = await run(['outline', 'parse', source], {});
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('không phải là tệp DOCX');
  });

  it('refuses an outline file that is not a valid outline at render', async () => {
    const bad = path.join(dir, 'bad-outline.json');
    writeFileSync(bad, JSON.stringify({ code: 'x', sections: [] }));
    const res = await run(
      [
        'render',
        path.resolve('examples/000-thach-ha-nam-2025.json'),
        '--outline',
        bad,
        '-o',
        path.join(dir, 'x.docx'),
      ],
      {},
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('đề cương chưa hợp lệ');
    expect(existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });
});
