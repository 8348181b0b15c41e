/** `doingoai preview` on the example report files and on bad files, as a user runs it. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/process.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && !f.endsWith('.outline.json'));

describe('doingoai preview', () => {
  it('finds the example files', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('prints %s as a document, then the quality checks', async (name) => {
    const file = path.join(EXAMPLES, name);
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      document?: { number?: number; signer?: { fullName: string } };
    };
    const r = await run(['preview', file], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(r.stdout).toMatch(/BÁO CÁO|KẾ HOẠCH/);
    expect(r.stdout).toContain('Nơi nhận:');
    expect(r.stdout).toContain('Kiểm tra chất lượng');
    if (json.document?.number) expect(r.stdout).toMatch(new RegExp(`Số: 0?${json.document.number}/`));
    if (json.document?.signer) expect(r.stdout).toContain(json.document.signer.fullName);
    expect(r.stdout).not.toMatch(/undefined|NaN|\[object/);
  });

  it('drafts the numbers of the file and reports another commune named in it', async () => {
    const example = path.join(EXAMPLES, examples.find((e) => e.startsWith('002')) ?? examples[0] ?? '');
    const source = JSON.parse(readFileSync(example, 'utf8'));
    // The example is written on its province's own outline: the copy takes it along.
    write('edited.outline.json', readFileSync(example.replace(/\.json$/, '.outline.json'), 'utf8'));
    const file = write('edited.json', {
      ...source,
      values: {
        ...source.values,
        'foreigners.resident': 130,
        'delegations.in.count': 3,
        'delegations.out.count': 0,
      },
      nil: { all: false, sections: [] },
      narratives: {
        ...source.narratives,
        's1.text': { text: 'Quảng bá sản phẩm OCOP của xã Tân Minh.' },
      },
    });
    const r = await run(['preview', file, '--today', '2026-06-20'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('03 đoàn vào');
    expect(r.stdout).toContain('130 người nước ngoài');
    expect(r.stdout).toMatch(/\[lỗi\] Văn bản nhắc đến "xã Tân Minh"/);
  });

  it('refuses a missing file, invalid JSON and invalid fields with Vietnamese messages', async () => {
    const missing = await run(['preview', path.join(dir, 'khong-co.json')], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp');

    const broken = await run(['preview', write('broken.json', '{ "format": ')], {});
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('không phải JSON hợp lệ');

    const bad = await run(
      [
        'preview',
        write('bad.json', {
          format: 'doingoai.report/1',
          unit: { code: '11140' },
          outline: { code: 'commune-report' },
          period: { kind: 'half1', year: 2026 },
          values: { 'delegations.in.count': true },
        }),
      ],
      {},
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('values.delegations.in.count: Giá trị phải là một số');
    for (const r of [missing, broken, bad]) expect(r.stderr).not.toMatch(/\n\s+at /);

    const unknown = await run(
      [
        'preview',
        write('unknown.json', {
          format: 'doingoai.report/1',
          unit: { code: '99999' },
          outline: { code: 'commune-report' },
          period: { kind: 'half1', year: 2026 },
        }),
      ],
      {},
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unit.code: Không có đơn vị mã "99999"');
  });
});
