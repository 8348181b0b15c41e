import { describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/documents/check.js';
import { renderDocx } from '../../src/documents/docx.js';
import { resolveLayout } from '../../src/documents/layout.js';
import { AppError } from '../../src/domain/errors.js';
import { documentText, part } from './docx-edit.js';
import { communePlan, communeReport, draftLetter, FIXTURES, provinceConsolidated } from './fixtures.js';

describe('renderDocx', () => {
  it.each(Object.entries(FIXTURES))('%s renders and passes the layout check', async (_name, make) => {
    const bytes = await renderDocx(make());
    expect(bytes[0]).toBe(0x50); // "PK": a zip package
    expect(await checkDocx(bytes)).toEqual([]);
  });

  it('prints the number, date, type, subject, Kính gửi, Nơi nhận and signature as the decree writes them', async () => {
    const text = documentText(await renderDocx(communeReport()));
    expect(text).toContain('Số: 297/BC-UBND');
    expect(text).toContain('Lạc Phượng, ngày 12 tháng 6 năm 2026');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/^BÁO CÁO$/m);
    expect(text).toContain('Kính gửi: Sở Ngoại vụ thành phố Hải Phòng');
    expect(text).toMatch(/^I\. BỐI CẢNH TÌNH HÌNH$/m);
    expect(text).toMatch(/^Nơi nhận:\n- Như trên;\n- TT Đảng ủy; TT HĐND xã;/m);
    expect(text).toMatch(/^- Lưu: VT, VP\.$/m);
    expect(text).toMatch(/^TM\. ỦY BAN NHÂN DÂN\nKT\. CHỦ TỊCH\nPHÓ CHỦ TỊCH$/m);
    expect(text).toContain('Phạm Văn Thành');
  });

  it('pads numbers below 10 and January/February, and has no Kính gửi on a plan', async () => {
    const text = documentText(await renderDocx(communePlan()));
    expect(text).toContain('Số: 05/KH-UBND');
    expect(text).toContain('Đức Thịnh, ngày 05 tháng 01 năm 2026');
    expect(text).not.toContain('Kính gửi');
    expect(text).toMatch(/^KẾ HOẠCH$/m);
  });

  it('leaves blanks on a draft and puts the V/v subject of a công văn under its number', async () => {
    const text = documentText(await renderDocx(draftLetter()));
    expect(text).toMatch(/^Số:\s{3,}\/SNgV-VP$/m);
    expect(text).toMatch(/^Hà Tĩnh, ngày\s+tháng 02 năm 2026$/m);
    expect(text).toMatch(/^V\/v báo cáo công tác đối ngoại$/m);
    expect(text).toMatch(
      /^Kính gửi: - UBND các xã, phường trên địa bàn tỉnh;\n- Các sở, ban, ngành cấp tỉnh\.$/m,
    );
  });

  it('lays out A4 with the default margins, page numbers from page 2 and a borderless header', async () => {
    const xml = part(await renderDocx(communeReport()), 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    const headerTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    const tableBorders = headerTable.match(/<w:tblBorders>.*?<\/w:tblBorders>/)?.[0] ?? '';
    expect(tableBorders).toMatch(/w:val="none"/);
    expect(tableBorders).not.toMatch(/w:val="single"/);
    expect(headerTable.match(/<w:tcBorders>.*?<\/w:tcBorders>/g)?.join('') ?? '').not.toMatch(
      /w:val="single"/,
    );
    // The rules under the issuer and the motto are paragraph borders (2 of them).
    expect(headerTable.match(/<w:pBdr><w:top w:val="single"/g)).toHaveLength(2);
  });

  it('starts each appendix on its own landscape section, numbered from 1, with the computed note', async () => {
    const bytes = await renderDocx(provinceConsolidated(100));
    const xml = part(bytes, 'word/document.xml');
    const sections = xml.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[1]).toMatch(/w:orient="landscape"/);
    expect(sections[1]).toContain('<w:pgNumType w:start="1"/>');
    expect(sections[1]).toContain('<w:titlePg/>');
    const text = documentText(bytes);
    expect(text).toContain('(Kèm theo Báo cáo số 412/BC-UBND ngày 18/6/2026 của UBND tỉnh Hà Tĩnh)');
    expect(text).toMatch(/^SỐ LIỆU CÔNG TÁC ĐỐI NGOẠI 6 THÁNG ĐẦU NĂM 2026 CỦA CÁC XÃ, PHƯỜNG$/m);
    // 100 communes and the total row, and the header row repeats on every page.
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(1);
    expect(text).toContain('Xã Hồng Lĩnh 10');
  });

  it('uses the smaller header pair with a 13 pt body', async () => {
    const xml = part(await renderDocx(communeReport(), { bodySize: 13 }), 'word/document.xml');
    const motto = xml.slice(0, xml.indexOf('CỘNG HÒA XÃ HỘI'));
    expect(motto.slice(motto.lastIndexOf('<w:rPr>'))).toContain('<w:sz w:val="24"/>');
  });

  it('applies a unit’s margins inside the legal ranges and refuses others, naming the field', async () => {
    const xml = part(
      await renderDocx(communeReport(), { margins: { top: 25, left: 35, right: 20, bottom: 25 } }),
      'word/document.xml',
    );
    expect(xml).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1417" w:left="1984"/);
    try {
      await renderDocx(communeReport(), { margins: { left: 25, top: 30 }, bodySize: 12 as 13 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const fields = (error as AppError).fields?.map((f) => f.path);
      expect(fields).toEqual(['margins.top', 'margins.left', 'bodySize']);
      expect((error as AppError).message).toMatch(/Lề trái phải từ 30 đến 35 mm/);
    }
    expect(() => resolveLayout({ lineSpacing: 2 })).toThrow(/Giãn dòng/);
    expect(() => resolveLayout({ firstLineIndentCm: 2 })).toThrow(/Lùi đầu dòng/);
  });

  it('refuses an impossible date with the field named, not a crash', async () => {
    await expect(renderDocx({ ...communeReport(), issuedOn: '2026-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'issuedOn' }],
    });
  });
});
