/**
 * The headings of the real documents in /work/shared/examples parsed as a đề cương: each heading
 * as the document writes it, each level in the document's own numbering, and the one document
 * whose numbering skips (Lạc Phượng: 1., 3.) refused at that line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineFromParsed } from '../../src/domain/outlines/from-text.js';
import { type ParsedHeading, parseOutlineText } from '../../src/domain/outlines/parse.js';
import { validateOutline } from '../../src/domain/outlines/schema.js';
import { ORIGINALS } from './examples.js';

const original = (prefix: string): string => {
  const file = readdirSync(ORIGINALS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no original ${prefix}`);
  return readFileSync(path.join(ORIGINALS, file), 'utf8');
};

const parsedOf = (prefix: string) => {
  const result = parseOutlineText(original(prefix));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.parsed;
};

const titles = (headings: readonly ParsedHeading[]) => headings.map((h) => `${h.token} ${h.title}`);

describe('the headings of the real documents', () => {
  it('000 (xã Thạch Hà, Hà Tĩnh): I.–IV. with 1.–9. under I., wrapped headings joined', () => {
    const parsed = parsedOf('000_');
    expect(parsed.numbering.slice(0, 2)).toEqual(['roman', 'arabic']);
    expect(titles(parsed.headings)).toEqual([
      'I. KẾT QUẢ ĐẠT ĐƯỢC.',
      'II. THUẬN LỢI, KHÓ KHĂN.',
      'III. NHIỆM VỤ TRỌNG TÂM NĂM 2026.',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
    const results = parsed.headings[0]?.children ?? [];
    expect(results.map((h) => h.token)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    expect(results[4]?.title).toBe('Các đoàn ra, đoàn vào.');
    // "… và người / Việt Nam ở nước ngoài" is one heading over two lines of the PDF text.
    expect(results[6]?.title).toMatch(
      /^Công tác ngoại giao văn hóa, công tác thông tin đối ngoại và người Việt Nam ở nước ngoài/,
    );
    expect(titles(parsed.headings[1]?.children ?? [])).toEqual(['1. Thuận lợi:', '2. Khó khăn:']);
  });

  it('001 (kế hoạch xã Đức Thịnh): letters a)–đ) in the Vietnamese order', () => {
    const parsed = parsedOf('001_');
    expect(parsed.numbering).toEqual(['roman', 'arabic', 'letter']);
    expect(titles(parsed.headings)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG KẾ HOẠCH',
      'III. TỔ CHỨC THỰC HIỆN',
    ]);
    const diplomacy = parsed.headings[1]?.children[1];
    expect(diplomacy?.title).toBe('Ngoại giao');
    expect(diplomacy?.children.map((h) => h.token)).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)']);
    expect(diplomacy?.children[3]?.title).toBe('Công tác quản lý đoàn ra, đoàn vào');
  });

  it('002 (xã Lạc Phượng, Hải Phòng): the skipped "2." is refused at its line', () => {
    const result = parseOutlineText(original('002_'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = original('002_').split('\n');
    const problem = result.problems[0];
    expect(problem?.line).not.toBeNull();
    expect(lines[(problem?.line ?? 1) - 1]).toContain('3. Đối ngoại nhân dân');
    expect(problem?.message).toContain('sau mục 1. là mục 3.');
  });

  it('002 with the missing "2." written in: I.–V. with a)–k) under 2., Markdown marks dropped', () => {
    const fixed = original('002_').replace(
      /^(.*)\*\*a\) Công tác quản lý đoàn ra, đoàn vào:\*\*/m,
      '##### 2. Ngoại giao nhà nước\n\n$1**a) Công tác quản lý đoàn ra, đoàn vào:**',
    );
    const result = parseOutlineText(fixed);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const { headings, numbering } = result.parsed;
    expect(numbering).toEqual(['roman', 'arabic', 'letter']);
    expect(titles(headings)).toEqual([
      'I. BỐI CẢNH TÌNH HÌNH',
      'II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'III. KẾT QUẢ TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI 6 THÁNG ĐẦU NĂM 2026',
      'IV. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN',
      'V. PHƯƠNG HƯỚNG CÔNG TÁC ĐỐI NGOẠI 6 THÁNG CUỐI NĂM 2026',
    ]);
    const state = headings[2]?.children[1];
    expect(state?.children.map((h) => h.token)).toEqual([
      'a)',
      'b)',
      'c)',
      'd)',
      'đ)',
      'e)',
      'g)',
      'h)',
      'i)',
      'k)',
    ]);
    // A run-in heading keeps its title; the text after the colon is guidance.
    expect(state?.children[0]?.title).toBe('Công tác quản lý đoàn ra, đoàn vào');
    expect(state?.children[4]?.title).toBe('Ngoại giao kinh tế');
  });

  it('004 (Sở Ngoại vụ, weekly): I. with 1.–4., II. with its list as guidance', () => {
    const parsed = parsedOf('004_');
    expect(titles(parsed.headings)).toEqual(['I. KẾT QUẢ THỰC HIỆN', 'II. KẾ HOẠCH TRỌNG TÂM TUẦN TỚI']);
    expect(titles(parsed.headings[0]?.children ?? [])).toEqual([
      '1. Hoạt động hợp tác quốc tế',
      '2. Công tác quản lý đoàn ra, đoàn vào, lãnh sự và người Việt Nam ở nước ngoài',
      '3. Công tác văn phòng, tổ chức bộ máy và hoạt động Thanh tra',
      '4. Công tác dịch thuật, dịch vụ đối ngoại và thủ tục hành chính',
    ]);
    expect(parsed.headings[1]?.guidance.length).toBeGreaterThan(0);
  });

  it('each parsed example makes a valid outline whose indicators keep the catalogue codes', () => {
    for (const prefix of ['000_', '001_', '004_']) {
      const { outline, proposals } = outlineFromParsed(parsedOf(prefix), {
        code: 'de-cuong-thu',
        name: 'Thử',
        documentKind: 'report',
      });
      const checked = validateOutline(outline);
      expect(checked.ok, prefix).toBe(true);
      expect(proposals.length, prefix).toBeGreaterThan(0);
    }
    const weekly = outlineFromParsed(parsedOf('004_'), {
      code: 'tuan',
      name: 'Tuần',
      documentKind: 'report',
    });
    const translation = weekly.proposals.filter((p) => p.code.startsWith('translation.'));
    // "4. Công tác dịch thuật …" (its key s1_4) gets the translation indicators of the built-in outline.
    expect(new Set(translation.map((p) => p.sectionKey))).toEqual(new Set(['s1_4']));
  });
});
