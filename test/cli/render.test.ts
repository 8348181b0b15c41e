/** `doingoai render`: the real command on the example report files and on bad ones. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/documents/check.js';
import { findSoffice } from '../../src/documents/pdf.js';
import { run } from '../support/process.js';

const EXAMPLES = path.resolve('examples');
const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (name: string) => {
  const file = readdirSync(EXAMPLES).find(
    (f) => f.startsWith(name) && f.endsWith('.json') && !f.endsWith('.outline.json'),
  );
  if (!file) throw new Error(`no example ${name}`);
  return path.join(EXAMPLES, file);
};

function documentText(bytes: Uint8Array): string {
  const xml = unzipSync(bytes)['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  return strFromU8(xml)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

/** A copy of an example with changes, written to the temp folder. */
function variant(name: string, change: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(readFileSync(example(name), 'utf8')) as Record<string, unknown>;
  change(json);
  const base = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(`${base}.json`, JSON.stringify(json));
  // An example on its province's own outline takes its outline file along.
  const outline = example(name).replace(/\.json$/, '.outline.json');
  if (existsSync(outline)) writeFileSync(`${base}.outline.json`, readFileSync(outline));
  return `${base}.json`;
}

const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('doingoai render', () => {
  it.each([
    ['002', '297/BC-UBND', 'ngày 12 tháng 6 năm 2026', 'KT. CHỦ TỊCH'],
    ['004', '118/BC-SNgV', 'ngày 03 tháng 4 năm 2025', 'TL. GIÁM ĐỐC'],
    ['001', '15/KH-UBND', 'ngày 05 tháng 02 năm 2026', 'TM. ỦY BAN NHÂN DÂN'],
  ])('renders example %s as a DOCX that passes the layout check', async (name, number, date, authority) => {
    const out = path.join(dir, `${name}.docx`);
    const res = await run(['render', example(name), '-o', out], {});
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`số ${number}`);
    const bytes = new Uint8Array(readFileSync(out));
    expect(await checkDocx(bytes)).toEqual([]);
    const text = documentText(bytes);
    expect(text).toContain(`Số: ${number}`);
    expect(text).toContain(date);
    expect(text).toContain(authority);
    expect(leftovers()).toEqual([]);
  });

  it('writes the PDF next to the DOCX with --pdf, or says LibreOffice is missing (exit 3, DOCX kept)', async () => {
    const out = path.join(dir, 'with-pdf.docx');
    const res = await run(['render', example('002'), '-o', out, '--pdf'], {});
    expect(existsSync(out)).toBe(true);
    if (await findSoffice()) {
      expect(res.code).toBe(0);
      expect(readFileSync(path.join(dir, 'with-pdf.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      console.warn('LibreOffice absent: only the exit code 3 path of --pdf is tested.');
      expect(res.code).toBe(3);
      expect(res.stderr).toContain('DOCX');
    }
  });

  it('refuses a file that does not match the schema, naming the field, and leaves no file', async () => {
    const bad = variant('002', (j) => {
      (j.values as Record<string, unknown>)['foreigners.resident'] = 'một trăm ba mươi';
      (j.period as Record<string, unknown>).year = 1800;
    });
    const out = path.join(dir, 'bad.docx');
    const res = await run(['render', bad, '-o', out], {});
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('period.year');
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);

    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{ "format": ');
    const broken = await run(['render', notJson, '-o', out], {});
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('JSON');
    const missing = await run(['render', path.join(dir, 'absent.json'), '-o', out], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a numbered document without a signer, naming document.signer; a draft may omit it', async () => {
    const numbered = variant('002', (j) => {
      delete (j.document as Record<string, unknown>).signer;
    });
    const out = path.join(dir, 'unsigned.docx');
    const res = await run(['render', numbered, '-o', out], {});
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('document.signer');
    expect(existsSync(out)).toBe(false);

    const undated = variant('002', (j) => {
      delete (j.document as Record<string, unknown>).issuedOn;
    });
    const noDate = await run(['render', undated, '-o', out], {});
    expect(noDate.code).toBe(1);
    expect(noDate.stderr).toContain('document.issuedOn');

    const draft = variant('002', (j) => {
      const doc = j.document as Record<string, unknown>;
      delete doc.signer;
      delete doc.number;
      delete doc.issuedOn;
    });
    const ok = await run(['render', draft, '-o', out], {});
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('dự thảo');
    const text = documentText(new Uint8Array(readFileSync(out)));
    expect(text).toMatch(/Số:\s+\/BC-UBND/);
  });

  it('prints the month of --date on a draft, and refuses a date that does not exist', async () => {
    const draft = variant('002', (j) => {
      const doc = j.document as Record<string, unknown>;
      delete doc.number;
      delete doc.issuedOn;
    });
    const out = path.join(dir, 'dated-draft.docx');
    const res = await run(['render', draft, '-o', out, '--date', '15/06/2026'], {});
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    // A June report drafted on any day prints June when it is meant to go out in June.
    expect(documentText(new Uint8Array(readFileSync(out)))).toMatch(/ngày\s+tháng 6 năm 2026/);

    const bad = await run(
      ['render', draft, '-o', path.join(dir, 'bad-date.docx'), '--date', '31/02/2026'],
      {},
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--date');
    expect(bad.stderr).toContain('NN/TT/NNNN');
    expect(existsSync(path.join(dir, 'bad-date.docx'))).toBe(false);
  });

  it('renders control characters harmlessly and refuses a 100,000-character paragraph clearly', async () => {
    const controls = variant('002', (j) => {
      const narratives = j.narratives as Record<string, { text: string; mode: string }>;
      narratives['s1.text'] = {
        mode: 'replace',
        text: 'Dòng\u0000có\u0007ký tự\u001b điều khiển\u000b và\ttab.',
      };
    });
    const out = path.join(dir, 'controls.docx');
    const res = await run(['render', controls, '-o', out], {});
    expect(res.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect(await checkDocx(bytes)).toEqual([]);
    // Well-formed XML holds no control characters; the text survives.
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    const stray = [...xml].filter((c) => c.charCodeAt(0) < 0x20 && !'\t\n\r'.includes(c));
    expect(stray).toEqual([]);
    expect(documentText(bytes)).toContain('ký tự điều khiển');

    const huge = variant('002', (j) => {
      const narratives = j.narratives as Record<string, { text: string; mode: string }>;
      narratives['s1.text'] = { mode: 'replace', text: 'Đối ngoại '.repeat(10_000) };
    });
    const big = path.join(dir, 'huge.docx');
    const refused = await run(['render', huge, '-o', big], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('narratives.s1.text');
    expect(refused.stderr).toContain('quá dài');
    expect(existsSync(big)).toBe(false);
  });

  it('says clearly when the output folder does not exist', async () => {
    const res = await run(['render', example('002'), '-o', path.join(dir, 'no', 'such', 'x.docx')], {});
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Không có thư mục');
  });
});
