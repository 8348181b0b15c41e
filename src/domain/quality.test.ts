import { describe, expect, it } from 'vitest';
import { draftReport } from './drafting/draft.js';
import { content, FIXTURE_OUTLINE } from './drafting/fixtures.test-support.js';
import { foreignUnitMentions, numberMismatches, parseViNumber } from './drafting/mentions.js';
import type { Indicator, ReportValues } from './outline.js';
import { flow } from './outlines/builtin/nodes.js';
import { outlierReason, type QualityIssue, qualityChecks } from './quality.js';
import type { ReportContentInput } from './report-json.js';

const CATALOGUE = [
  { code: '18277', name: 'Xã Đức Thịnh' },
  { code: '11779', name: 'Xã Tân Minh' },
  { code: '13807', name: 'Xã Tân Minh' },
  { code: '99001', name: 'Xã Tân Minh Đông' },
  { code: '11800', name: 'Xã Lạc Phượng' },
  { code: '00004', name: 'Phường Ba Đình' },
  { code: '26734', name: 'Phường 1' },
  { code: '18200', name: 'Xã Thạch Hà' },
];
const UNIT = { code: '18277', name: 'xã Đức Thịnh' };

function check(
  input: ReportContentInput,
  history?: { periodLabel: string; values: ReportValues }[],
): QualityIssue[] {
  const c = content(input);
  const drafted = draftReport({
    outline: FIXTURE_OUTLINE,
    content: c,
    period: { kind: 'half1', year: 2026, index: 0 },
    unit: { name: UNIT.name, kind: 'commune' },
  });
  return qualityChecks({
    outline: FIXTURE_OUTLINE,
    content: c,
    drafted,
    unit: UNIT,
    catalogue: CATALOGUE,
    ...(history ? { history } : {}),
  });
}

const kinds = (issues: QualityIssue[], kind: string) => issues.filter((i) => i.kind === kind);
const FILLED = { 'delegations.in.count': 1 };

describe('foreignUnitMentions', () => {
  it('finds another commune named in the text, as written', () => {
    expect(foreignUnitMentions('Quảng bá sản phẩm OCOP của xã Tân Minh.', UNIT, CATALOGUE)).toEqual([
      'xã Tân Minh',
    ]);
    expect(foreignUnitMentions('Xã Thạch Hà và phường Ba Đình', UNIT, CATALOGUE)).toEqual([
      'Xã Thạch Hà',
      'phường Ba Đình',
    ]);
  });
  it('prefers the longest catalogue name', () => {
    expect(foreignUnitMentions('tại xã Tân Minh Đông', UNIT, CATALOGUE)).toEqual(['xã Tân Minh Đông']);
  });
  it('finds names made of numbers', () => {
    expect(foreignUnitMentions('phối hợp với Phường 1', UNIT, CATALOGUE)).toEqual(['Phường 1']);
  });
  it('ignores the unit itself, common words and unknown names', () => {
    const text =
      'UBND xã Đức Thịnh; kinh tế - xã hội; Ủy ban MTTQ Việt Nam xã và các tổ chức; phường, xã; xã Không Có Thật; xã tân minh';
    expect(foreignUnitMentions(text, UNIT, CATALOGUE)).toEqual([]);
  });
  it('ignores a name shared with the unit (another province has a commune of the same name)', () => {
    expect(foreignUnitMentions('xã Tân Minh', { code: '11779', name: 'xã Tân Minh' }, CATALOGUE)).toEqual([]);
  });
  it('needs the exact diacritics', () => {
    expect(foreignUnitMentions('xã Tấn Minh', UNIT, CATALOGUE)).toEqual([]);
  });
});

describe('numberMismatches', () => {
  const ind = (code: string, unit: string, phrase: string): Indicator => flow(code, code, unit, phrase);
  const resident = {
    indicator: ind('r', 'người', 'người nước ngoài đang sinh sống và làm việc'),
    value: 130,
  };
  const arrived = { indicator: ind('a', 'lượt người', 'lượt người nước ngoài đến địa phương'), value: 87 };
  const departed = { indicator: ind('d', 'lượt người', 'lượt người nước ngoài rời địa phương'), value: 40 };
  const pages = { indicator: ind('p', 'trang', 'biên dịch các loại'), value: 1252 };

  it('finds a number that disagrees with its indicator', () => {
    const found = numberMismatches('Hiện nay có 135 người nước ngoài đang sinh sống.', [resident]);
    expect(found).toMatchObject([
      { written: 135, value: 130, quoted: '135 người nước ngoài đang sinh sống' },
    ]);
  });
  it('accepts the right number, padded or with thousands separators', () => {
    expect(numberMismatches('có 130 người nước ngoài', [resident])).toEqual([]);
    expect(numberMismatches('thực hiện 1.252 trang biên dịch các loại', [pages])).toEqual([]);
    expect(numberMismatches('thực hiện 1.250 trang biên dịch các loại', [pages])).toHaveLength(1);
  });
  it('tells indicators apart by their words', () => {
    const list = [arrived, departed];
    expect(numberMismatches('87 lượt người nước ngoài đến địa phương', list)).toEqual([]);
    expect(numberMismatches('45 lượt người nước ngoài rời địa phương', list)).toMatchObject([{ value: 40 }]);
    // "lượt người nước ngoài" alone fits both: ambiguous, not reported.
    expect(numberMismatches('50 lượt người nước ngoài.', list)).toEqual([]);
  });
  it('ignores differences, percentages, dates and one-word matches', () => {
    const text = 'tăng 5 người nước ngoài; 15,8% người nước ngoài; ngày 12 tháng 6; 3 người';
    expect(numberMismatches(text, [resident])).toEqual([]);
  });
  it('parses Vietnamese numbers', () => {
    expect(parseViNumber('1.234,5')).toBe(1234.5);
    expect(parseViNumber('03')).toBe(3);
  });
});

describe('outlierReason', () => {
  const h = (...values: number[]) => values.map((value, i) => ({ label: `kỳ ${i + 1}`, value }));
  it('flags a value more than 5 times the highest before', () => {
    expect(outlierReason(600, h(100, 80))).toContain('mức cao nhất trước đây (100, kỳ 1)');
    expect(outlierReason(500, h(100, 80))).toBeNull();
  });
  it('uses a robust z-score with enough history', () => {
    expect(outlierReason(60, h(10, 12, 11, 13, 12))).toContain('trung vị 12');
    expect(outlierReason(14, h(10, 12, 11, 13, 12))).toBeNull();
  });
  it('flags a large value after periods of zero, and nothing without history', () => {
    expect(outlierReason(150, h(0, 0, 0, 0))).toContain('đều bằng 0');
    expect(outlierReason(3, h(0, 0, 0, 0))).toBeNull();
    expect(outlierReason(1e6, [])).toBeNull();
  });
});

describe('qualityChecks', () => {
  it('reports another commune named in an officer text', () => {
    const issues = check({
      values: FILLED,
      narratives: { 'background.text': { text: 'Quảng bá sản phẩm OCOP của xã Tân Minh.' } },
    });
    expect(kinds(issues, 'foreign_unit')).toMatchObject([
      { severity: 'error', key: 'background', message: expect.stringContaining('"xã Tân Minh"') },
    ]);
  });

  it('reports a narrative number that disagrees with the indicator', () => {
    const issues = check({
      values: { ...FILLED, 'foreigners.resident': 130 },
      narratives: { foreigners: { text: 'Hiện nay có 135 người nước ngoài đang sinh sống và làm việc.' } },
    });
    const [issue] = kinds(issues, 'number_mismatch');
    expect(issue?.key).toBe('foreigners.resident');
    expect(issue?.message).toContain('"135 người nước ngoài đang sinh sống và làm việc"');
    expect(issue?.message).toContain('là 130 người');
    expect(issue?.message).toContain('mục II.2');
  });

  it('reports empty required indicators and narratives, not when nil', () => {
    // Nothing entered: the required count is missing (a blank section is never taken as nil).
    const issues = check({});
    expect(kinds(issues, 'missing_required').map((i) => i.key)).toEqual([
      'delegations.in.count',
      'directions.text',
    ]);
    const nilSection = check({ nil: { sections: ['delegations'] } });
    expect(kinds(nilSection, 'missing_required').map((i) => i.key)).toEqual(['directions.text']);
    const withOut = check({ values: { 'delegations.out.count': 1 } });
    expect(kinds(withOut, 'missing_required').map((i) => i.key)).toEqual([
      'delegations.in.count',
      'directions.text',
    ]);
    const written = check({ values: FILLED, narratives: { directions: { text: 'Tiếp tục.' } } });
    expect(kinds(written, 'missing_required')).toEqual([]);
  });

  it('warns when a nil section has numbers', () => {
    const issues = check({ values: { 'delegations.in.count': 2 }, nil: { sections: ['delegations'] } });
    expect(kinds(issues, 'nil_with_values')).toMatchObject([
      { key: 'delegations.in.count', severity: 'warning' },
    ]);
  });

  it('warns about an outlier against history, with the reason', () => {
    const issues = check({ values: { ...FILLED, 'foreigners.visits': 900 } }, [
      { periodLabel: '6 tháng đầu năm 2025', values: { 'foreigners.visits': 87 } },
      { periodLabel: '6 tháng cuối năm 2025', values: { 'foreigners.visits': 120 } },
    ]);
    expect(kinds(issues, 'outlier')).toMatchObject([
      { key: 'foreigners.visits', message: expect.stringContaining('(120, 6 tháng cuối năm 2025)') },
    ]);
  });

  it('warns about a replaced draft that the numbers have since changed', () => {
    const issues = check({
      values: { 'delegations.in.count': 4 },
      narratives: { delegations: { text: 'Đón 03 đoàn vào.', mode: 'replace', draftHash: '00000000' } },
    });
    expect(kinds(issues, 'stale_edit')).toMatchObject([{ key: 'delegations' }]);
    expect(kinds(issues, 'number_mismatch')).toMatchObject([{ key: 'delegations.in.count' }]);
  });

  it('warns when the subject promises the next period’s tasks and that part is empty', () => {
    const missing = kinds(check({ values: FILLED }), 'promised_part');
    expect(missing).toMatchObject([{ key: 'directions', severity: 'warning' }]);
    expect(missing[0]?.message).toContain('Trích yếu nêu phương hướng, nhiệm vụ kỳ tới');
    expect(
      kinds(
        check({ values: FILLED, narratives: { directions: { text: 'Tiếp tục quản lý đoàn vào.' } } }),
        'promised_part',
      ),
    ).toEqual([]);
    // A subject of the officer's own that promises nothing more.
    expect(
      kinds(
        check({ values: FILLED, document: { subject: 'Kết quả công tác đối ngoại 6 tháng đầu năm 2026' } }),
        'promised_part',
      ),
    ).toEqual([]);
  });

  it('finds nothing in a clean report and lists errors before warnings', () => {
    expect(
      check({
        values: { 'delegations.in.count': 3, 'foreigners.resident': 130 },
        narratives: {
          directions: { text: 'Tiếp tục quản lý 130 người nước ngoài đang sinh sống tại xã Đức Thịnh.' },
        },
      }),
    ).toEqual([]);
    const mixed = check({
      values: { 'delegations.in.count': 2, 'delegations.out.count': 1 },
      nil: { sections: ['delegations'] },
    });
    const severities = mixed.map((i) => i.severity);
    expect(severities).toEqual([...severities].sort());
  });
});
