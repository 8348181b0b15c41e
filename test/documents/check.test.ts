import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocx, type LayoutProblem } from '../../src/documents/check.js';
import { renderDocx } from '../../src/documents/docx.js';
import { AppError } from '../../src/domain/errors.js';
import { edit } from './docx-edit.js';
import { communePlan, communeReport } from './fixtures.js';

const DOC = 'word/document.xml';
let report: Uint8Array;
let plan: Uint8Array;

beforeAll(async () => {
  report = await renderDocx(communeReport());
  plan = await renderDocx(communePlan());
});

function codes(problems: LayoutProblem[]): string[] {
  return [...new Set(problems.map((p) => p.code))].sort();
}

describe('checkDocx on deliberately broken documents', () => {
  it('a wrong font', async () => {
    const bytes = edit(report, 'word/styles.xml', (xml) => xml.replaceAll('Times New Roman', 'Arial'));
    const problems = await checkDocx(bytes);
    expect(codes(problems)).toEqual(['font']);
    expect(problems[0]?.message).toMatch(/Times New Roman.*Arial/);
  });

  it('a font set on one run only', async () => {
    const bytes = edit(report, DOC, (xml) => {
      const at = xml.lastIndexOf('<w:rPr>', xml.indexOf('Phạm Văn Thành')) + '<w:rPr>'.length;
      return `${xml.slice(0, at)}<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/>${xml.slice(at)}`;
    });
    const problems = await checkDocx(bytes);
    expect(codes(problems)).toEqual(['font']);
    expect(problems[0]?.where).toContain('Phạm Văn Thành');
  });

  it('a margin outside the legal range', async () => {
    const bytes = edit(report, DOC, (xml) => xml.replace('w:left="1701"', 'w:left="1134"'));
    const problems = await checkDocx(bytes);
    expect(codes(problems)).toEqual(['margin']);
    expect(problems[0]?.message).toBe('Lề trái phải từ 30 đến 35 mm (đang là 20 mm).');
  });

  it('a paper size other than A4', async () => {
    const bytes = edit(report, DOC, (xml) =>
      xml.replace('w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'),
    );
    expect(codes(await checkDocx(bytes))).toEqual(['page_size']);
  });

  it('a number below 10 without its leading zero', async () => {
    const bytes = edit(plan, DOC, (xml) => xml.replace('Số: 05/KH-UBND', 'Số: 5/KH-UBND'));
    const problems = await checkDocx(bytes);
    expect(codes(problems)).toEqual(['number_format']);
    expect(problems[0]?.message).toMatch(/số 0 đứng trước.*"Số: 5\/KH-UBND"/);
  });

  it('a date whose month 1 lacks its zero, or whose month 6 has one', async () => {
    const january = edit(plan, DOC, (xml) =>
      xml.replace('ngày 05 tháng 01 năm 2026', 'ngày 5 tháng 1 năm 2026'),
    );
    expect(codes(await checkDocx(january))).toEqual(['date_format']);
    const june = edit(report, DOC, (xml) => xml.replace('ngày 12 tháng 6 năm', 'ngày 12 tháng 06 năm'));
    expect(codes(await checkDocx(june))).toEqual(['date_format']);
  });

  it('a page number on page 1', async () => {
    const bytes = edit(report, DOC, (xml) => xml.replace('<w:titlePg/>', ''));
    const problems = await checkDocx(bytes);
    expect(codes(problems)).toEqual(['page_number']);
    expect(problems[0]?.message).toMatch(/Trang đầu không được đánh số trang/);
  });

  it('no page numbers from page 2', async () => {
    const bytes = edit(report, 'word/header1.xml', (xml) => xml.replace('PAGE', 'DATE'));
    expect(codes(await checkDocx(bytes))).toEqual(['page_number']);
  });

  it('a Nơi nhận list without its archive line', async () => {
    const bytes = await renderDocx({ ...communeReport(), noiNhan: ['Như trên', 'Lãnh đạo UBND xã'] });
    const problems = await checkDocx(bytes);
    expect(codes(problems)).toEqual(['luu_line']);
    expect(problems[0]?.message).toMatch(/- Lưu: VT/);
  });

  it('an issued document without the signer’s name (a draft may leave it)', async () => {
    const unsigned = { ...communeReport(), signature: { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: '' } };
    expect(codes(await checkDocx(await renderDocx(unsigned)))).toEqual(['signature']);
    expect(await checkDocx(await renderDocx({ ...unsigned, number: null, issuedOn: null }))).toEqual([]);
  });

  it('a bordered header table, a missing motto rule and a Quốc hiệu not in bold', async () => {
    const bytes = edit(report, DOC, (xml) => {
      const start = xml.indexOf('<w:tblBorders>');
      const end = xml.indexOf('</w:tblBorders>');
      const bordered = `${xml.slice(0, start)}<w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders>${xml.slice(end + 15)}`;
      const motto = bordered.indexOf('Độc lập - Tự do - Hạnh phúc');
      const ruleAt = bordered.indexOf('<w:pBdr>', motto);
      const ruleEnd = bordered.indexOf('</w:pBdr>', ruleAt) + '</w:pBdr>'.length;
      const noRule = bordered.slice(0, ruleAt) + bordered.slice(ruleEnd);
      const qh = noRule.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      const rPr = noRule.lastIndexOf('<w:b/>', qh);
      return noRule.slice(0, rPr) + noRule.slice(rPr + '<w:b/>'.length);
    });
    const problems = await checkDocx(bytes);
    expect(codes(problems)).toEqual(['header_table', 'motto_rule', 'style']);
    expect(problems.find((p) => p.code === 'style')?.message).toBe('Quốc hiệu phải in đậm.');
  });

  it('sizes outside the element ranges (Nơi nhận at 14 pt, body at 12 pt)', async () => {
    const bytes = edit(report, DOC, (xml) =>
      xml
        .replace(
          /<w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">Nơi nhận:/,
          '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">Nơi nhận:',
        )
        // Body runs take the document default size; give this one its own 12 pt.
        .replace(
          '<w:r><w:t xml:space="preserve">Trong nước',
          '<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">Trong nước',
        ),
    );
    const problems = await checkDocx(bytes);
    expect(problems.map((p) => p.message).sort()).toEqual([
      'Cỡ chữ "Nơi nhận:" phải là 12 (đang là 14).',
      'Cỡ chữ nội dung phải là 13–14 (đang là 12).',
    ]);
  });

  it('refuses bytes that are not a DOCX with NOT_DOCX', async () => {
    await expect(checkDocx(strToU8('not a zip'))).rejects.toMatchObject({ code: 'NOT_DOCX' });
    const zipWithoutDocument = zipSync({ 'a.txt': strToU8('x') });
    await expect(checkDocx(zipWithoutDocument)).rejects.toBeInstanceOf(AppError);
    await expect(checkDocx(zipWithoutDocument)).rejects.toThrow(/word\/document\.xml/);
    const broken = edit(report, DOC, (xml) => xml.replace('</w:body>', ''));
    await expect(checkDocx(broken)).rejects.toMatchObject({ code: 'NOT_DOCX' });
  });
});
