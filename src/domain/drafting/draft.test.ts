import { describe, expect, it } from 'vitest';
import type { Indicator, Outline } from '../outline.js';
import { flow, money, stock } from '../outlines/builtin/nodes.js';
import type { Period } from '../periods.js';
import type { ReportContentInput } from '../report-json.js';
import { draftChanged, draftHash, draftReport, flattenDrafted } from './draft.js';
import { content, FIXTURE_OUTLINE } from './fixtures.test-support.js';
import { atUnitLevel, joinNil, nilSentence } from './sentences.js';
import type { DraftedSection, DraftUnit } from './types.js';

const HALF1: Period = { kind: 'half1', year: 2026, index: 0 };
const COMMUNE: DraftUnit = { name: 'xã Lạc Phượng', kind: 'commune' };

function draft(input: ReportContentInput, period: Period = HALF1, unit: DraftUnit = COMMUNE) {
  return draftReport({ outline: FIXTURE_OUTLINE, content: content(input), period, unit });
}

function section(sections: DraftedSection[], key: string): DraftedSection {
  const found = flattenDrafted(sections).find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
}

describe('draftReport: numbering and structure', () => {
  it('numbers sections from their position', () => {
    const d = draft({
      values: { 'delegations.in.count': 1, 'foreigners.resident': 2, 'labour.sent': 3 },
      narratives: { 'directions.text': { text: 'Tiếp tục theo dõi.', mode: 'append' } },
    });
    expect(d.periodLabel).toBe('6 tháng đầu năm 2026');
    expect(d.sections.map((s) => s.number)).toEqual(['I.', 'II.', 'III.']);
    expect(section(d.sections, 'labour')).toMatchObject({ level: 2, number: '3.' });
  });

  it('numbers only the sections that print, as the document does: an empty one has no number', () => {
    // Nothing about foreigners: the form shows "Lao động" as 2., the number the page will carry.
    const d = draft({ values: { 'delegations.in.count': 1, 'labour.sent': 3 } });
    expect(section(d.sections, 'delegations').number).toBe('1.');
    expect(section(d.sections, 'foreigners').number).toBe('');
    expect(section(d.sections, 'labour').number).toBe('2.');
    // "Phương hướng" has nothing yet: it does not print and carries no number.
    expect(d.sections.map((s) => s.number)).toEqual(['I.', 'II.', '']);
  });

  it('uses the default text of narrative blocks', () => {
    expect(section(draft({}).sections, 'background').paragraphs).toEqual([
      'Tình hình chính trị - xã hội cơ bản ổn định.',
    ]);
  });
});

describe('draftReport: indicators', () => {
  it('writes flows with the period and the commune, padding small counts', () => {
    const d = draft({ values: { 'delegations.in.count': 3, 'delegations.in.people': 12 } });
    expect(section(d.sections, 'delegations').drafted).toEqual([
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 03 đoàn vào; 12 lượt người.',
    ]);
  });

  it('writes a zero beside filled values as "không phát sinh"', () => {
    const d = draft({ values: { 'delegations.in.count': 2, 'delegations.out.count': 0 } });
    expect(section(d.sections, 'delegations').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 02 đoàn vào; không phát sinh đoàn ra.',
    );
  });

  it('joins the zeros of one sentence into one "không phát sinh X, Y" (not "không có X; không có Y")', () => {
    // The officer wrote a text, so the section is not nil: the zeros are drafted.
    const d = draft({
      values: { 'delegations.in.count': 0, 'delegations.out.count': 0 },
      narratives: { delegations: { text: 'Đã rà soát kế hoạch đoàn ra năm sau.', mode: 'append' } },
    });
    expect(section(d.sections, 'delegations').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã không phát sinh đoàn ra, đoàn vào.',
    );
  });

  it('writes "không phát sinh" alone when every flow is 0', () => {
    const d = draft({ values: { 'foreigners.resident': 130, 'foreigners.visits': 0 } });
    expect(section(d.sections, 'foreigners').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã không phát sinh người nước ngoài đến. ' +
        'Hiện nay, trên địa bàn xã có 130 người nước ngoài đang sinh sống và làm việc.',
    );
  });

  it('keeps blocks placed after sub-sections for after them', () => {
    const outline = {
      ...FIXTURE_OUTLINE,
      sections: FIXTURE_OUTLINE.sections.map((s) =>
        s.key === 'results'
          ? {
              ...s,
              children: [
                ...s.children,
                {
                  kind: 'narrative' as const,
                  key: 'results.limits',
                  label: 'Hạn chế',
                  defaultText: 'Còn hạn chế.',
                },
              ],
            }
          : s,
      ),
    };
    const d = draftReport({ outline, content: content({}), period: HALF1, unit: COMMUNE });
    const results = section(d.sections, 'results');
    expect(results.paragraphs).toEqual([]);
    expect(results.tail).toEqual(['Còn hạn chế.']);
    expect(results.drafted).toEqual(['Còn hạn chế.']);
  });

  it('writes stocks as "Hiện nay" and flows within the period', () => {
    const d = draft({ values: { 'foreigners.resident': 130, 'foreigners.visits': 87 } });
    expect(section(d.sections, 'foreigners').drafted).toEqual([
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 87 lượt người nước ngoài đến. ' +
        'Hiện nay, trên địa bàn xã có 130 người nước ngoài đang sinh sống và làm việc.',
    ]);
  });

  it('compares with the same period last year, with and without a percentage', () => {
    const d = draft({
      values: { 'delegations.in.people': 88, 'delegations.in.count': 5, 'delegations.out.count': 2 },
      comparison: {
        sameLastYear: { 'delegations.in.people': 76, 'delegations.in.count': 0, 'delegations.out.count': 2 },
      },
    });
    const text = section(d.sections, 'delegations').drafted[0];
    expect(text).toContain('05 đoàn vào, tăng 05 đoàn so với cùng kỳ năm 2025;');
    expect(text).toContain('88 lượt người, tăng 12 lượt, tương đương 15,8% so với cùng kỳ năm 2025;');
    expect(text).toContain('02 đoàn ra, bằng cùng kỳ năm 2025');
    // No bracket inside a bracket, no bracket at all around a comparison.
    expect(text).not.toMatch(/\(/);
  });

  it('names last year plainly in a year report and uses a given label', () => {
    const year: Period = { kind: 'year', year: 2025, index: 0 };
    const d = draft(
      { values: { 'foreigners.visits': 87 }, comparison: { sameLastYear: { 'foreigners.visits': 90 } } },
      year,
    );
    expect(section(d.sections, 'foreigners').drafted[0]).toBe(
      'Trong năm 2025, trên địa bàn xã có 87 lượt người nước ngoài đến, giảm 03 lượt, tương đương 3,3% so với năm 2024.',
    );
    const labelled = draftReport({
      outline: FIXTURE_OUTLINE,
      content: content({
        values: { 'foreigners.visits': 87 },
        comparison: { previous: { 'foreigners.visits': 80 } },
      }),
      period: HALF1,
      unit: COMMUNE,
      previousPeriodLabel: '6 tháng cuối năm 2025',
    });
    expect(section(labelled.sections, 'foreigners').drafted[0]).toContain(
      ', tăng 07 lượt, tương đương 8,8% so với 6 tháng cuối năm 2025',
    );
  });

  it('writes markets from a breakdown, and a list as its own sentence', () => {
    const fromBreakdown = draft({
      values: {
        'labour.sent': {
          total: 5,
          parts: [
            { key: 'Hàn Quốc', value: 3 },
            { key: 'Nhật Bản', value: 1 },
            { key: 'Đài Loan (Trung Quốc)', value: 1 },
          ],
        },
      },
    });
    expect(section(fromBreakdown.sections, 'labour').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 05 lao động đi làm việc ở nước ngoài, trong đó có ' +
        '03 lao động tại thị trường Hàn Quốc, 01 lao động tại thị trường Nhật Bản, 01 lao động tại thị trường Đài Loan (Trung Quốc).',
    );
    const fromList = draft({ values: { 'labour.sent': 2, 'labour.markets': ['Hàn Quốc', 'Nhật Bản'] } });
    expect(section(fromList.sections, 'labour').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 02 lao động đi làm việc ở nước ngoài. Các thị trường: Hàn Quốc và Nhật Bản.',
    );
  });

  it('writes decimals, money and text the Vietnamese way', () => {
    const d = draft({
      values: { 'translation.pages': 180.5, 'investment.amount': 911897, 'translation.note': 'đúng hạn' },
    });
    expect(section(d.sections, 'translation').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 180,5 trang biên dịch các loại; tổng mức đầu tư 911.897 triệu đồng. Ghi chú: đúng hạn.',
    );
  });

  it('names the period as the examples do', () => {
    const cases: [Period, string][] = [
      [{ kind: 'quarter', year: 2026, index: 1 }, 'Trong Quý I năm 2026,'],
      [{ kind: 'week', year: 2025, index: 0, start: '2025-03-28', end: '2025-04-03' }, 'Trong tuần,'],
      [{ kind: 'year', year: 2025, index: 0 }, 'Trong năm 2025,'],
      [{ kind: 'month', year: 2026, index: 5 }, 'Trong tháng 5 năm 2026,'],
    ];
    for (const [period, start] of cases) {
      const text = section(draft({ values: { 'foreigners.visits': 4 } }, period).sections, 'foreigners')
        .drafted[0];
      expect(text?.startsWith(start)).toBe(true);
    }
  });

  it('writes for a province and for a department', () => {
    const province = draft({ values: { 'foreigners.visits': 4 } }, HALF1, {
      name: 'tỉnh Hà Tĩnh',
      kind: 'province',
    });
    expect(section(province.sections, 'foreigners').drafted[0]).toContain('trên địa bàn tỉnh có 04 lượt');
    const body = draft(
      { values: { 'translation.pages': 252 } },
      { kind: 'week', year: 2025, index: 0, start: '2025-03-28', end: '2025-04-03' },
      { name: 'Sở Ngoại vụ', kind: 'body' },
    );
    expect(section(body.sections, 'translation').drafted[0]).toBe(
      'Trong tuần, có 252 trang biên dịch các loại.',
    );
  });

  it('drafts the parts of a total after it: "…, trong đó có: …"', () => {
    const outline = structuredClone(FIXTURE_OUTLINE);
    const translation = outline.sections[1]?.children[3];
    if (translation?.kind !== 'section') throw new Error('fixture changed');
    translation.children.splice(1, 0, {
      kind: 'indicator',
      code: 'translation.pages.judicial',
      label: 'Trang có chứng thực',
      unit: 'trang',
      valueType: 'decimal',
      measure: 'flow',
      aggregation: 'sum',
      phrase: 'trang biên dịch có chứng thực tư pháp',
      partOf: 'translation.pages',
    });
    const week = { kind: 'week', year: 2025, index: 0, start: '2025-03-28', end: '2025-04-03' } as const;
    const body = draftReport({
      outline,
      content: content({ values: { 'translation.pages': 252, 'translation.pages.judicial': 180.5 } }),
      period: week,
      unit: { name: 'Sở Ngoại vụ', kind: 'body' },
    });
    expect(section(body.sections, 'translation').drafted[0]).toBe(
      'Trong tuần, có 252 trang biên dịch các loại, trong đó có: 180,5 trang biên dịch có chứng thực tư pháp.',
    );
  });

  it('names the period in section titles that ask for it', () => {
    const outline = structuredClone(FIXTURE_OUTLINE);
    const results = outline.sections[1];
    if (!results) throw new Error('fixture changed');
    results.title = 'Kết quả triển khai công tác đối ngoại {period}';
    const d = draftReport({
      outline,
      content: content({}),
      period: HALF1,
      unit: { name: 'xã A', kind: 'commune' },
    });
    expect(d.sections[1]?.title).toBe('Kết quả triển khai công tác đối ngoại 6 tháng đầu năm 2026');
  });
});

describe('draftReport: nil sections', () => {
  it('answers a section marked nil with its phrase, naming the period as the examples do', () => {
    const d = draft({ nil: { sections: ['delegations'] }, values: { 'delegations.in.count': 3 } });
    const s = section(d.sections, 'delegations');
    expect(s.nil).toBe(true);
    expect(s.paragraphs).toEqual([
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã không phát sinh đoàn ra, đoàn vào có yếu tố nước ngoài.',
    ]);
  });

  it('treats a section whose numbers were entered as 0 as nil', () => {
    const d = draft({ values: { 'delegations.in.count': 0 } });
    expect(section(d.sections, 'delegations').nil).toBe(true);
    expect(section(draft({ values: { 'foreigners.visits': 1 } }).sections, 'foreigners').nil).toBe(false);
  });

  it('never declares a section nil because its numbers were not entered', () => {
    const d = draft({ values: {} });
    const s = section(d.sections, 'foreigners');
    expect(s.nil).toBe(false);
    expect(s.paragraphs.join(' ')).not.toContain('không phát sinh');
  });

  it('does not declare nil a section whose officer wrote text but entered no numbers', () => {
    const d = draft({
      values: { 'delegations.in.count': 0 },
      narratives: { delegations: { text: 'Đón 01 đoàn khảo sát.', mode: 'append' } },
    });
    expect(section(d.sections, 'delegations').nil).toBe(false);
  });

  it('answers every section that can be nil when the whole report is', () => {
    const d = draft({ nil: { all: true }, values: { 'foreigners.visits': 3 } });
    const nils = flattenDrafted(d.sections)
      .filter((s) => s.nil)
      .map((s) => s.key);
    expect(nils).toEqual(['delegations', 'foreigners', 'labour', 'translation']);
    expect(section(d.sections, 'background').paragraphs).toHaveLength(1);
  });

  it('says "trên địa bàn phường/tỉnh" or nothing for a department', () => {
    const ward = draft({ nil: { sections: ['labour'] } }, HALF1, { name: 'phường Hà Đông', kind: 'commune' });
    expect(section(ward.sections, 'labour').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn phường không phát sinh lao động đi làm việc ở nước ngoài.',
    );
    const body = draft({ nil: { sections: ['labour'] } }, HALF1, { name: 'Sở Ngoại vụ', kind: 'body' });
    expect(section(body.sections, 'labour').drafted[0]).toBe(
      'Trong 6 tháng đầu năm 2026, không phát sinh lao động đi làm việc ở nước ngoài.',
    );
  });
});

describe('draftReport: officer edits kept apart', () => {
  it('appends the officer text after the draft', () => {
    const d = draft({
      values: { 'delegations.in.count': 1 },
      narratives: { delegations: { text: 'Đoàn làm việc đúng quy định.\n\nKhông có vụ việc phức tạp.' } },
    });
    const s = section(d.sections, 'delegations');
    expect(s.drafted).toHaveLength(1);
    expect(s.paragraphs).toEqual([
      s.drafted[0],
      'Đoàn làm việc đúng quy định.',
      'Không có vụ việc phức tạp.',
    ]);
    expect(s.stale).toBe(false);
  });

  it('replaces the draft and notices when the numbers changed since', () => {
    const before = draft({ values: { 'delegations.in.count': 1 } });
    const seen = section(before.sections, 'delegations').draftHash;
    const edit = { text: 'Văn bản của cán bộ.', mode: 'replace' as const, draftHash: seen };
    const same = section(
      draft({ values: { 'delegations.in.count': 1 }, narratives: { delegations: edit } }).sections,
      'delegations',
    );
    expect(same.paragraphs).toEqual(['Văn bản của cán bộ.']);
    expect(same.stale).toBe(false);
    const later = section(
      draft({ values: { 'delegations.in.count': 2 }, narratives: { delegations: edit } }).sections,
      'delegations',
    );
    expect(later.drafted[0]).toContain('02 đoàn vào');
    expect(later.paragraphs).toEqual(['Văn bản của cán bộ.']);
    expect(later.stale).toBe(true);
  });

  it('lets a block edit replace or follow its default text', () => {
    const replaced = draft({
      narratives: { 'background.text': { text: 'Bối cảnh riêng.', mode: 'replace' } },
    });
    expect(section(replaced.sections, 'background').paragraphs).toEqual(['Bối cảnh riêng.']);
    const appended = draft({ narratives: { 'background.text': { text: 'Thêm ý.' } } });
    expect(section(appended.sections, 'background').paragraphs).toEqual([
      'Tình hình chính trị - xã hội cơ bản ổn định.',
      'Thêm ý.',
    ]);
  });

  it('keeps an officer text in a nil section', () => {
    const d = draft({
      nil: { sections: ['labour'] },
      narratives: { labour: { text: 'Tuyên truyền về lao động ngoài nước.' } },
    });
    expect(section(d.sections, 'labour').paragraphs).toHaveLength(2);
  });
});

describe('draftHash / draftChanged', () => {
  it('is stable and sensitive to any change', () => {
    expect(draftHash(['a', 'b'])).toBe(draftHash(['a', 'b']));
    expect(draftHash(['a', 'b'])).toMatch(/^[0-9a-f]{8}$/);
    expect(draftChanged(['03 đoàn'], ['03 đoàn'])).toBe(false);
    expect(draftChanged(['03 đoàn'], ['04 đoàn'])).toBe(true);
    expect(draftChanged(['ab'], ['a', 'b'])).toBe(true);
  });
});

describe('the commune wording raised for a province', () => {
  it('turns "UBND xã" and the commune portal into the province ones, and leaves a commune alone', () => {
    const province = { name: 'tỉnh Hà Tĩnh', kind: 'province' } as const;
    const commune = { name: 'xã Thạch Hà', kind: 'commune' } as const;
    const text = 'Đảng ủy, UBND xã đã quán triệt; duy trì Cổng thông tin điện tử xã; UBND xã Thạch Hà.';
    expect(atUnitLevel(text, province)).toBe(
      'Tỉnh ủy, UBND tỉnh đã quán triệt; duy trì Cổng thông tin điện tử tỉnh; UBND tỉnh Thạch Hà.',
    );
    expect(atUnitLevel(text, commune)).toBe(text);
    expect(atUnitLevel('cán bộ cấp xã; xã hội', province)).toBe('cán bộ cấp xã; xã hội');
    expect(nilSentence(province, 'dự án thuộc phạm vi quản lý của UBND xã')).toBe(
      'Trong kỳ báo cáo, trên địa bàn tỉnh không phát sinh dự án thuộc phạm vi quản lý của UBND tỉnh.',
    );
  });
});

// ── Vietnamese as an official writes it (issue 11, point 4) ───────────────────────────────────────

/** One section of the given indicators, drafted for xã Thạch Hà (or the unit given). */
function draftOne(
  indicators: Indicator[],
  input: ReportContentInput,
  period: Period = HALF1,
  unit: DraftUnit = COMMUNE,
): string {
  const outline: Outline = {
    ...FIXTURE_OUTLINE,
    sections: [
      { kind: 'section', key: 'one', title: 'Mục thử', nilPhrase: 'hoạt động', children: indicators },
    ],
  };
  const d = draftReport({ outline, content: content(input), period, unit });
  return section(d.sections, 'one').drafted.join(' ');
}

const EXPORT = money('trade.export', 'Kim ngạch xuất khẩu', 'USD', 'kim ngạch xuất khẩu');
const IMPORT = money('trade.import', 'Kim ngạch nhập khẩu', 'USD', 'kim ngạch nhập khẩu');
const FDI = flow('fdi.projects', 'Dự án FDI', 'dự án', 'dự án FDI được cấp mới', { padSmall: true });

describe('draftReport: as an official writes it', () => {
  it('writes nil export and import turnovers as one "không phát sinh hoạt động xuất nhập khẩu"', () => {
    const text = draftOne([FDI, EXPORT, IMPORT], {
      values: { 'fdi.projects': 1, 'trade.export': 0, 'trade.import': 0 },
    });
    expect(text).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 01 dự án FDI được cấp mới; ' +
        'không phát sinh hoạt động xuất nhập khẩu.',
    );
    expect(text).not.toContain('không có');
  });

  it('joins nil phrases generally, pairing only what Vietnamese writes as one word', () => {
    expect(joinNil(['đoàn ra', 'đoàn vào'])).toBe('đoàn ra, đoàn vào');
    expect(joinNil(['hoạt động nhập khẩu', 'dự án', 'hoạt động xuất khẩu'])).toBe(
      'hoạt động xuất nhập khẩu, dự án',
    );
    expect(joinNil(['công dân xuất cảnh', 'công dân nhập cảnh'])).toBe('công dân xuất nhập cảnh');
    expect(joinNil(['hội nghị', 'hội nghị'])).toBe('hội nghị');
  });

  it('does not say "trên địa bàn xã … đến địa phương": the place is said once', () => {
    const tourists = flow(
      'tourists',
      'Khách quốc tế',
      'lượt khách',
      'lượt khách du lịch quốc tế đến địa phương',
    );
    const resident = stock('resident', 'Người nước ngoài', 'người', 'người nước ngoài cư trú trên địa bàn');
    const values = { tourists: 120, resident: 14 };
    expect(draftOne([tourists, resident], { values })).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 120 lượt khách du lịch quốc tế đến. ' +
        'Hiện nay, trên địa bàn xã có 14 người nước ngoài cư trú.',
    );
    // A department names no area: its phrase keeps the place.
    const body = draftOne([tourists], { values }, HALF1, { name: 'Sở Ngoại vụ', kind: 'body' });
    expect(body).toBe('Trong 6 tháng đầu năm 2026, có 120 lượt khách du lịch quốc tế đến địa phương.');
  });

  it('compares without nested brackets: "tăng 7 lượt người, tương đương 8,8% so với …"', () => {
    const visitors = flow('visitors', 'Người đến', 'lượt người', 'lượt người nước ngoài đến làm việc');
    const text = draftOne([visitors], {
      values: { visitors: 87 },
      comparison: { sameLastYear: { visitors: 80 } },
    });
    expect(text).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 87 lượt người nước ngoài đến làm việc, ' +
        'tăng 7 lượt người, tương đương 8,8% so với cùng kỳ năm 2025.',
    );
  });

  it('names the previous period instead of "kỳ trước"', () => {
    const visitors = flow('visitors', 'Người đến', 'lượt người', 'lượt người nước ngoài đến làm việc');
    const input = { values: { visitors: 12 }, comparison: { previous: { visitors: 10 } } };
    expect(draftOne([visitors], input)).toContain('so với 6 tháng cuối năm 2025.');
    expect(draftOne([visitors], input, { kind: 'quarter', year: 2026, index: 4 })).toContain(
      'so với quý III năm 2026.',
    );
    expect(draftOne([visitors], input, { kind: 'quarter', year: 2026, index: 1 })).toContain(
      'so với quý IV năm 2025.',
    );
    expect(draftOne([visitors], input, { kind: 'month', year: 2026, index: 1 })).toContain(
      'so với tháng 12 năm 2025.',
    );
    expect(
      draftOne([visitors], input, {
        kind: 'custom',
        year: 2026,
        index: 0,
        start: '2026-03-01',
        end: '2026-03-10',
      }),
    ).toContain('so với thời gian từ ngày 19/02/2026 đến ngày 28/02/2026.');
    expect(draftOne([visitors], input)).not.toContain('kỳ trước');
  });

  it('reads a breakdown by nationality as "trong đó có 02 người quốc tịch Trung Quốc, …"', () => {
    const members = flow('members', 'Người trong đoàn', 'người', 'người nước ngoài trong các đoàn vào', {
      breakdown: 'country',
      padSmall: true,
    });
    const two = draftOne([members], {
      values: {
        members: {
          total: 3,
          parts: [
            { key: 'Trung Quốc', value: 2 },
            { key: 'Lào', value: 1 },
          ],
        },
      },
    });
    expect(two).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 03 người nước ngoài trong các đoàn vào, ' +
        'trong đó có 02 người quốc tịch Trung Quốc, 01 người quốc tịch Lào.',
    );
    expect(two).not.toMatch(/\(trong đó: /);
    const marriage = flow(
      'marriage',
      'Kết hôn',
      'trường hợp',
      'trường hợp đăng ký kết hôn có yếu tố nước ngoài',
      {
        breakdown: 'country',
        padSmall: true,
      },
    );
    expect(
      draftOne([marriage], { values: { marriage: { total: 1, parts: [{ key: 'Lào', value: 1 }] } } }),
    ).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 01 trường hợp đăng ký kết hôn có yếu tố nước ngoài với công dân Lào.',
    );
  });

  it('counts the members of a group with it: "01 đoàn vào với 02 người", not "01 đoàn vào; 02 người … trong các đoàn vào"', () => {
    const groups = flow('in.count', 'Đoàn vào', 'đoàn', 'đoàn vào', { padSmall: true });
    const members = flow('in.people', 'Người', 'người', 'người nước ngoài trong các đoàn vào', {
      padSmall: true,
      breakdown: 'country',
    });
    const text = draftOne([groups, members], {
      values: { 'in.count': 1, 'in.people': { total: 2, parts: [{ key: 'Trung Quốc', value: 2 }] } },
    });
    expect(text).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 01 đoàn vào với 02 người nước ngoài, đều mang quốc tịch Trung Quốc.',
    );
    // Without the group's count, the members keep their own phrase.
    expect(draftOne([groups, members], { values: { 'in.people': 5 } })).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có 05 người nước ngoài trong các đoàn vào.',
    );
  });

  it('prints the parts of a total inside it: "tổng mức đầu tư …, trong đó: vốn vay …"', () => {
    const total = money('oda.total', 'Tổng mức đầu tư', 'triệu đồng', 'tổng mức đầu tư');
    const loan = money('oda.loan', 'Vốn vay', 'triệu đồng', 'vốn vay', { partOf: 'oda.total' });
    const grant = money('oda.grant', 'Viện trợ', 'triệu đồng', 'vốn viện trợ không hoàn lại', {
      partOf: 'oda.total',
    });
    const text = draftOne([total, loan, grant], {
      values: { 'oda.total': 911897, 'oda.loan': 648587, 'oda.grant': 25263 },
    });
    expect(text).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có tổng mức đầu tư 911.897 triệu đồng, ' +
        'trong đó: vốn vay 648.587 triệu đồng, vốn viện trợ không hoàn lại 25.263 triệu đồng.',
    );
    expect(text).not.toContain('; vốn vay');
  });

  it('prints an approximate value with "khoảng", in its comparison too', () => {
    const visitors = flow('visitors', 'Người đến', 'lượt', 'lượt người nước ngoài đến làm việc');
    expect(draftOne([visitors], { values: { visitors: 200 }, approximate: ['visitors'] })).toBe(
      'Trong 6 tháng đầu năm 2026, trên địa bàn xã có khoảng 200 lượt người nước ngoài đến làm việc.',
    );
    const compared = draftOne([visitors], {
      values: { visitors: 200 },
      approximate: ['visitors'],
      comparison: { sameLastYear: { visitors: 160 } },
    });
    expect(compared).toContain(
      'khoảng 200 lượt người nước ngoài đến làm việc, tăng khoảng 40 lượt, tương đương khoảng 25%',
    );
    // An exact value beside it stays exact.
    expect(draftOne([visitors], { values: { visitors: 200 } })).not.toContain('khoảng');
  });
});
