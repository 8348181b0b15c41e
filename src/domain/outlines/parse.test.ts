import { describe, expect, it } from 'vitest';
import { draftReport } from '../drafting/draft.js';
import type { Outline } from '../outline.js';
import { builtInIndicatorIndex, matchIndicators } from './catalogue.js';
import { outlineFromParsed, withoutIndicators } from './from-text.js';
import { numberOutline } from './numbering.js';
import { type ParsedHeading, type ParseResult, parseOutlineText } from './parse.js';
import { validateOutline } from './schema.js';

function parsed(text: string) {
  const result: ParseResult = parseOutlineText(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.parsed;
}

function problems(text: string): string[] {
  const result = parseOutlineText(text);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

const flat = (hs: readonly ParsedHeading[], depth = 0): string[] =>
  hs.flatMap((h) => [`${'  '.repeat(depth)}${h.token} ${h.title}`, ...flat(h.children, depth + 1)]);

describe('parsing the text of a đề cương', () => {
  it('reads "2.1." sub-numbering under "2." as its own level', () => {
    const p = parsed(
      [
        'I. KẾT QUẢ',
        '1. Đoàn ra, đoàn vào',
        '2. Người nước ngoài',
        '2.1. Người nước ngoài cư trú',
        '2.2. Kết hôn có yếu tố nước ngoài',
        'II. PHƯƠNG HƯỚNG',
      ].join('\n'),
    );
    expect(p.numbering).toEqual(['roman', 'arabic', 'dotted']);
    expect(flat(p.headings)).toEqual([
      'I. KẾT QUẢ',
      '  1. Đoàn ra, đoàn vào',
      '  2. Người nước ngoài',
      '    2.1. Người nước ngoài cư trú',
      '    2.2. Kết hôn có yếu tố nước ngoài',
      'II. PHƯƠNG HƯỚNG',
    ]);
  });

  it('reads a flat list of eleven items with dashes under them (1./2./-)', () => {
    const items = Array.from({ length: 11 }, (_, i) => `${i + 1}. Nội dung thứ ${i + 1}`);
    items.splice(3, 0, '- Số đoàn vào', '- Số đoàn ra');
    const p = parsed(items.join('\n'));
    expect(p.numbering).toEqual(['arabic', 'dash']);
    expect(p.headings).toHaveLength(11);
    expect(p.headings[2]?.children.map((h) => h.title)).toEqual(['Số đoàn vào', 'Số đoàn ra']);
  });

  it('infers levels from the order of schemes, not from one province: 1. above a) works as well', () => {
    const p = parsed('1. Tình hình chung\na) Thuận lợi\nb) Khó khăn\n2. Kiến nghị');
    expect(p.numbering).toEqual(['arabic', 'letter']);
    expect(flat(p.headings)).toEqual([
      '1. Tình hình chung',
      '  a) Thuận lợi',
      '  b) Khó khăn',
      '2. Kiến nghị',
    ]);
  });

  it('keeps headings verbatim (NFC, spaces collapsed), guidance under its heading, the preamble apart', () => {
    const nfd = 'I.   Công tác   lãnh sự'.normalize('NFD');
    const p = parsed(`ĐỀ CƯƠNG BÁO CÁO\n${nfd}\nNêu số hồ sơ đã giải quyết.\nKèm số liệu.`);
    expect(p.headings[0]?.title).toBe('Công tác lãnh sự');
    expect(p.headings[0]?.title.normalize('NFC')).toBe(p.headings[0]?.title);
    expect(p.headings[0]?.guidance).toEqual(['Nêu số hồ sơ đã giải quyết.', 'Kèm số liệu.']);
    expect(p.preamble).toEqual(['ĐỀ CƯƠNG BÁO CÁO']);
  });

  it('takes long dash sentences as guidance, not headings', () => {
    const long = `- ${'Tiếp tục tăng cường công tác tuyên truyền, phổ biến pháp luật cho cán bộ và nhân dân; '.repeat(3)}`;
    const p = parsed(`1. Phương hướng\n${long}\n2. Kiến nghị`);
    expect(p.numbering).toEqual(['arabic']);
    expect(p.headings[0]?.children).toEqual([]);
    expect(p.headings[0]?.guidance).toHaveLength(1);
  });

  it('accepts the Latin letter order too (d, e, f)', () => {
    expect(problems('1. A\na) x\nb) y\nc) z\nd) t\ne) u\nf) v')).toEqual([]);
  });
});

describe('bad đề cương text: refused with the line', () => {
  it('no recognisable heading', () => {
    expect(problems('Kính gửi các xã.\nĐề nghị báo cáo.')[0]).toContain('Không tìm thấy đề mục');
    expect(problems('')[0]).toContain('Không tìm thấy đề mục');
  });

  it('numbers that skip, at every level', () => {
    expect(problems('1. Một\n3. Ba')[0]).toBe(
      'Dòng 2: số thứ tự bị nhảy — sau mục 1. là mục 3. ("Ba"); mục tiếp theo phải là 2.',
    );
    expect(problems('I. Một\nIII. Ba')[0]).toContain('mục tiếp theo phải là II.');
    expect(problems('1. Một\na) x\nc) z')[0]).toContain('Dòng 3');
    expect(problems('2. Hai\n3. Ba')[0]).toContain('Dòng 1: mục đầu tiên ở cấp này phải đánh số 1.');
    expect(problems('1. Một\n2. Hai\n3.1. Con')[0]).toContain('Dòng 3');
  });

  it('duplicate headings at one level (not across levels)', () => {
    expect(problems('1. Lãnh sự\n2. Lãnh Sự.')[0]).toContain(
      'Dòng 2: mục "Lãnh Sự." trùng tên với mục cùng cấp ở dòng 1.',
    );
    expect(problems('I. Đối ngoại Đảng\n1. Kết quả\nII. Phương hướng\n1. Kết quả')).toEqual([]);
  });

  it('a level numbered two ways', () => {
    expect(problems('I. A\n1. x\nII. B\na) y')[0]).toContain('Mỗi cấp mục chỉ dùng một kiểu đánh số');
  });
});

describe('numbering in the outline’s scheme', () => {
  it('prints "2.1." under "2." and keeps I./1./a) for an outline without a scheme', () => {
    const { outline } = outlineFromParsed(parsed('I. A\n1. B\n2. C\n2.1. D\n2.2. E'), {
      code: 'thu',
      name: 'Thử',
      documentKind: 'report',
    });
    expect(numberOutline(outline).map((s) => `${s.number}|${s.fullNumber}`)).toEqual([
      'I.|I',
      '1.|I.1',
      '2.|I.2',
      '2.1.|I.2.1',
      '2.2.|I.2.2',
    ]);
    const plain: Outline = { ...outline, numbering: undefined };
    expect(numberOutline(plain).map((s) => s.number)).toEqual(['I.', '1.', '2.', 'a)', 'b)']);
  });

  it('drafts the printed sections with the scheme: renumbered among the printed ones, "1.1." follows its parent', () => {
    const { outline } = outlineFromParsed(
      parsed('1. Chung\n2. Lãnh sự\n2.1. Hồ sơ\n2.2. Bảo hộ\n3. Kiến nghị'),
      {
        code: 'thu',
        name: 'Thử',
        documentKind: 'report',
      },
    );
    const drafted = draftReport({
      outline,
      content: {
        values: {},
        nil: { sections: [], indicators: [] },
        narratives: {
          s2_2: { text: 'Đã bảo hộ 01 công dân.', mode: 'append' },
          s3: { text: 'Đề nghị tập huấn.', mode: 'append' },
        },
      } as never,
      period: { kind: 'year', year: 2026, index: 0 },
      unit: { name: 'xã Thạch Hà', kind: 'commune' },
    });
    const printed = drafted.sections.flatMap((s) => [s, ...s.children]).filter((s) => s.number);
    expect(printed.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1. Lãnh sự',
      '1.1. Bảo hộ',
      '2. Kiến nghị',
    ]);
  });
});

describe('indicator proposals from the catalogue', () => {
  it('a heading on "quản lý người nước ngoài" proposes arrivals, departures and residents, with or without diacritics', () => {
    for (const heading of ['Công tác quản lý người nước ngoài', 'TINH HINH QUAN LY NGUOI NUOC NGOAI']) {
      const codes = matchIndicators(builtInIndicatorIndex(), heading).map((m) => m.entry.indicator.code);
      expect(codes).toEqual(
        expect.arrayContaining(['foreigners.arrived', 'foreigners.departed', 'foreigners.resident']),
      );
    }
  });

  it('a short heading inside a catalogue title or label proposes it ("Công tác lãnh sự", "Kết hôn …")', () => {
    const codes = (h: string) =>
      matchIndicators(builtInIndicatorIndex(), h).map((m) => m.entry.indicator.code);
    expect(codes('Công tác lãnh sự')).toContain('citizens.protection');
    expect(codes('Kết hôn có yếu tố nước ngoài')).toEqual(['civil.marriage']);
    // "nước ngoài" alone is in half the catalogue: it proposes nothing.
    expect(codes('Hợp tác với các tổ chức nước ngoài')).not.toContain('civil.marriage');
  });

  it('tells words apart by their diacritics: "Đối ngoại Đảng" is not "đăng" tải tin, bài đối ngoại', () => {
    const codes = (h: string) =>
      matchIndicators(builtInIndicatorIndex(), h).map((m) => m.entry.indicator.code);
    expect(codes('Đối ngoại Đảng')).toEqual([]);
    expect(codes('Công tác thông tin đối ngoại')).toContain('information.articles');
  });

  it('hands an indicator down to the sub-heading that names it', () => {
    const { proposals } = outlineFromParsed(
      parsed(
        [
          '1. Công tác quản lý đoàn ra, đoàn vào',
          '1.1. Đoàn ra',
          '1.2. Đoàn vào',
          '2. Ngoại giao kinh tế',
          '2.1. Xuất khẩu, nhập khẩu',
        ].join('\n'),
      ),
      { code: 'thu', name: 'Thử', documentKind: 'report' },
    );
    const at = (code: string) => proposals.find((p) => p.code === code)?.sectionKey;
    expect(at('delegations.out.count')).toBe('s1_1');
    expect(at('delegations.in.count')).toBe('s1_2');
    expect(at('delegations.countries')).toBe('s1');
    expect(at('trade.export')).toBe('s2_1');
    expect(at('fdi.projects')).toBe('s2');
  });

  it('gives a field to the sub-heading that is its name, not to a broad heading above it', () => {
    const { proposals } = outlineFromParsed(
      parsed(['I. NỘI DUNG', '1. Ngoại giao', 'a) Ngoại giao kinh tế', 'II. TỔ CHỨC THỰC HIỆN'].join('\n')),
      { code: 'thu', name: 'Thử', documentKind: 'plan' },
    );
    const at = (code: string) => proposals.find((p) => p.code === code)?.sectionKey;
    expect(at('oda.total')).toBe('s1_1_1');
    expect(at('fdi.projects')).toBe('s1_1_1');
    // "Tổ chức thực hiện" closes a plan: it is not "tổ chức phi chính phủ".
    expect(proposals.filter((p) => p.sectionKey === 's2')).toEqual([]);
  });

  it('proposes nothing for a heading about nothing in the catalogue', () => {
    expect(matchIndicators(builtInIndicatorIndex(), 'Thuận lợi')).toEqual([]);
  });

  it('places each code once, keeps the balance check of foreigners, and removes what the officer removes', () => {
    const { outline, proposals } = outlineFromParsed(
      parsed('1. Quản lý người nước ngoài\n2. Tình hình người nước ngoài trên địa bàn'),
      { code: 'thu', name: 'Thử', documentKind: 'report' },
    );
    const codes = proposals.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(outline.checks?.map((c) => c.outflow)).toEqual(['foreigners.departed']);
    expect(validateOutline(outline).ok).toBe(true);
    const trimmed = withoutIndicators(outline, new Set(['foreigners.arrived']));
    expect(JSON.stringify(trimmed)).not.toContain('foreigners.arrived');
    expect(trimmed.checks).toBeUndefined();
    expect(validateOutline(trimmed).ok).toBe(true);
  });
});
