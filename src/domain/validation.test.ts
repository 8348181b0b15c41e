import { describe, expect, it } from 'vitest';
import type { Indicator, Outline, ReportValues } from './outline.js';
import { communeReport, findIndicator } from './outlines/index.js';
import { reportContentSchema } from './report-json.js';
import {
  type ContentToCheck,
  type FieldIssue,
  hasErrors,
  MESSAGES,
  missingRequired,
  validateContent,
  validatePeriodForReport,
  validateValue,
  valueCap,
} from './validation.js';

function indicator(code: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    kind: 'indicator',
    code,
    label: `Nhãn ${code}`,
    unit: 'đoàn',
    valueType: 'integer',
    measure: 'flow',
    aggregation: 'sum',
    phrase: code,
    ...extra,
  };
}

const outline: Outline = {
  code: 'test-report',
  version: 2,
  name: 'Báo cáo thử',
  documentKind: 'report',
  subjectTemplate: 'Kết quả {period}',
  sections: [
    {
      kind: 'section',
      key: 'delegations',
      title: 'Công tác quản lý đoàn ra, đoàn vào',
      nilPhrase: 'đoàn ra, đoàn vào có yếu tố nước ngoài',
      children: [
        indicator('delegations.in.count', { required: true }),
        indicator('delegations.in.countries', { valueType: 'list', unit: '' }),
        { kind: 'narrative', key: 'delegations.notes', label: 'Ghi chú đoàn vào', required: true },
      ],
    },
    {
      kind: 'section',
      key: 'foreigners',
      title: 'Quản lý người nước ngoài',
      nilPhrase: 'người nước ngoài đến, cư trú và làm việc',
      children: [
        indicator('foreigners.arrived', { unit: 'lượt người' }),
        indicator('foreigners.departed', { unit: 'lượt người' }),
        indicator('foreigners.resident', {
          unit: 'người',
          measure: 'stock',
          breakdown: 'country',
          required: true,
        }),
      ],
    },
    {
      kind: 'section',
      key: 'translation',
      title: 'Dịch thuật',
      children: [
        indicator('translation.pages', { valueType: 'decimal', unit: 'trang' }),
        indicator('aid.amount', { valueType: 'money', unit: 'triệu đồng' }),
        indicator('other.note', { valueType: 'text', unit: '' }),
      ],
    },
    {
      kind: 'section',
      key: 'directions',
      title: 'Phương hướng, nhiệm vụ',
      nilAllowed: false,
      children: [
        {
          kind: 'narrative',
          key: 'directions.text',
          label: 'Phương hướng',
          required: true,
          defaultText: 'Tiếp tục …',
        },
      ],
    },
  ],
  checks: [
    {
      kind: 'balance',
      outflow: 'foreigners.departed',
      inflow: 'foreigners.arrived',
      stock: 'foreigners.resident',
      message: 'Số lượt rời đi không thể lớn hơn số lượt đến cộng số người cư trú đầu kỳ.',
    },
  ],
};

const check = (
  values: Record<string, unknown>,
  extra: Partial<ContentToCheck> = {},
  previous?: ReportValues,
) => validateContent(outline, { values: values as ReportValues, ...extra }, previous ? { previous } : {});
const at = (issues: FieldIssue[], path: string) => issues.filter((i) => i.path === path);

describe('validateValue: one number', () => {
  const count = findIndicator(outline, 'delegations.in.count') as Indicator;
  it('accepts zero and ordinary counts', () => {
    expect(validateValue(count, 0)).toEqual([]);
    expect(validateValue(count, 12)).toEqual([]);
  });
  it('refuses a negative count', () => {
    expect(validateValue(count, -1)).toEqual([
      { path: 'delegations.in.count', message: 'Số lượng không được âm.', severity: 'error' },
    ]);
  });
  it('refuses a decimal where a whole number is expected, but not for decimal indicators', () => {
    expect(validateValue(count, 2.5)[0]?.message).toBe(
      'Chỉ tiêu này là số nguyên (ví dụ 12), không nhập số thập phân.',
    );
    const pages = findIndicator(outline, 'translation.pages') as Indicator;
    expect(validateValue(pages, 180.5)).toEqual([]);
    expect(validateValue(pages, -0.5)[0]?.message).toBe(MESSAGES.negativeValue);
  });
  it('refuses text, lists, NaN and infinity where a number is expected', () => {
    for (const bad of ['12', 'mười hai', ['3'], Number.NaN, Number.POSITIVE_INFINITY, null, true]) {
      expect(validateValue(count, bad), String(bad)).toEqual([
        { path: 'delegations.in.count', message: MESSAGES.notNumber, severity: 'error' },
      ]);
    }
  });
  it('refuses absurd values by the unit of the indicator', () => {
    expect(validateValue(count, 999_999)).toEqual([]);
    expect(validateValue(count, 2_000_000)[0]?.message).toBe('Giá trị quá lớn, vui lòng kiểm tra lại.');
    const resident = findIndicator(outline, 'foreigners.resident') as Indicator;
    expect(valueCap(resident)).toBe(1e9);
    expect(validateValue(resident, 911_897)).toEqual([]);
    expect(validateValue(resident, 1e9 + 1)[0]?.message).toBe(MESSAGES.tooLarge);
    expect(valueCap(indicator('x', { unit: 'cái lạ' }))).toBe(1e9);
    expect(valueCap(indicator('x', { unit: 'cái lạ', valueType: 'money' }))).toBe(1e11);
  });
  it('refuses a breakdown on an indicator that has none', () => {
    expect(validateValue(count, { total: 3, parts: [{ key: 'Lào', value: 3 }] })[0]?.message).toBe(
      MESSAGES.notBrokenDown,
    );
  });
});

describe('validateValue: breakdowns', () => {
  const resident = findIndicator(outline, 'foreigners.resident') as Indicator;
  const value = (total: number, ...parts: [string, number][]) => ({
    total,
    parts: parts.map(([key, v]) => ({ key, value: v })),
  });
  it('accepts parts that add up, and a plain total', () => {
    expect(validateValue(resident, value(3, ['Hàn Quốc', 2], ['Nhật Bản', 1]))).toEqual([]);
    expect(validateValue(resident, value(3))).toEqual([]);
    expect(validateValue(resident, 3)).toEqual([]);
  });
  it('refuses parts adding up to more than the total', () => {
    expect(validateValue(resident, value(2, ['Hàn Quốc', 2], ['Nhật Bản', 1]))).toEqual([
      {
        path: 'foreigners.resident',
        message: 'Tổng các quốc gia (3) lớn hơn tổng số (2). Vui lòng kiểm tra lại.',
        severity: 'error',
      },
    ]);
  });
  it('warns when parts leave some of the total unassigned', () => {
    const issues = validateValue(resident, value(1500, ['Hàn Quốc', 1000], ['Nhật Bản', 200]));
    expect(issues).toEqual([
      {
        path: 'foreigners.resident',
        message: 'Tổng các quốc gia (1.200) nhỏ hơn tổng số (1.500): còn 300 chưa chia theo quốc gia.',
        severity: 'warning',
      },
    ]);
  });
  it('names the part with a bad number, and refuses empty or repeated names', () => {
    const issues = validateValue(resident, value(3, ['Lào', -1], ['', 1], [' Lào ', 1]));
    expect(issues.map((i) => i.message)).toEqual([
      'Quốc gia "Lào": số lượng không được âm.',
      'Có một dòng chưa ghi tên quốc gia.',
      'Quốc gia "Lào" được nhập hai lần.',
    ]);
    expect(validateValue(resident, value(3, ['Lào', 1.5]))[0]?.message).toBe(
      'Quốc gia "Lào": chỉ tiêu này là số nguyên (ví dụ 12), không nhập số thập phân.',
    );
  });
  it('checks the total itself', () => {
    expect(validateValue(resident, value(-3))[0]?.message).toBe('Tổng số: số lượng không được âm.');
  });
  it('refuses a country the catalogue does not have, suggesting the one meant', () => {
    expect(validateValue(resident, value(2, ['Hàn', 2]))).toEqual([
      {
        path: 'foreigners.resident',
        message: 'Không có nước hoặc vùng lãnh thổ "Hàn" trong danh mục. Có phải: Hàn Quốc?',
        severity: 'error',
      },
    ]);
    // Another spelling of a known country is not the official name either: it names it.
    expect(validateValue(resident, value(1, ['Myanmar', 1]))[0]?.message).toBe(
      'Không có nước hoặc vùng lãnh thổ "Myanmar" trong danh mục. Có phải: Mi-an-ma?',
    );
    expect(validateValue(resident, value(3, ['Đài Loan (Trung Quốc)', 1], ['Mi-an-ma', 2]))).toEqual([]);
  });
  it('suggests for the first unknown names of a value only, and still refuses every one', () => {
    const names = Array.from({ length: 25 }, (_, i) => `Xứ lạ ${i}`);
    const messages = validateValue(resident, value(25, ...names.map((n): [string, number] => [n, 1]))).map(
      (i) => i.message,
    );
    expect(messages).toHaveLength(25);
    expect(messages.filter((m) => m.endsWith('Vui lòng chọn tên trong danh sách.')).length).toBeGreaterThan(
      0,
    );
    expect(messages[24]).toBe(
      'Không có nước hoặc vùng lãnh thổ "Xứ lạ 24" trong danh mục. Vui lòng chọn tên trong danh sách.',
    );
  });
  it('keeps free names for a breakdown that is not by country', () => {
    const funds = {
      ...resident,
      breakdown: 'fund_source' as const,
      valueType: 'money' as const,
      unit: 'USD',
    };
    expect(validateValue(funds, value(5, ['Ngân sách tỉnh', 5]))).toEqual([]);
  });
});

describe('validateValue: lists and text', () => {
  const countries = findIndicator(outline, 'delegations.in.countries') as Indicator;
  const note = findIndicator(outline, 'other.note') as Indicator;
  it('wants a list of names', () => {
    expect(validateValue(countries, ['Lào', 'Campuchia'])).toEqual([]);
    expect(validateValue(countries, 'Lào')[0]?.message).toBe(MESSAGES.notList);
    expect(validateValue(countries, [3])[0]?.message).toBe(MESSAGES.notList);
    expect(validateValue(countries, ['Lào', ' '])[0]?.severity).toBe('error');
    expect(validateValue(countries, ['Lào', 'lào'])).toEqual([
      { path: 'delegations.in.countries', message: 'Danh sách có tên bị lặp lại.', severity: 'warning' },
    ]);
  });
  it('takes a list of countries from the catalogue only', () => {
    const visited = { ...countries, listOf: 'country' as const };
    expect(validateValue(visited, ['Lào', 'Mi-an-ma', 'Hàn Quốc'])).toEqual([]);
    expect(validateValue(visited, ['Lào', 'Hàn']).map((i) => i.message)).toEqual([
      'Không có nước hoặc vùng lãnh thổ "Hàn" trong danh mục. Có phải: Hàn Quốc?',
    ]);
    expect(validateValue(visited, ['Lào', 'Lào'])).toEqual([
      { path: 'delegations.in.countries', message: 'Nước "Lào" được nhập hai lần.', severity: 'warning' },
    ]);
    // A list that is not of countries keeps free names.
    expect(validateValue(countries, ['Hội hữu nghị Việt - Lào'])).toEqual([]);
  });
  it('wants text for a text indicator', () => {
    expect(validateValue(note, 'Ghi chú')).toEqual([]);
    expect(validateValue(note, 5)[0]?.message).toBe(MESSAGES.notText);
  });
});

describe('validateContent', () => {
  it('finds nothing wrong in a sound report', () => {
    const issues = check(
      {
        'delegations.in.count': 3,
        'foreigners.arrived': 10,
        'foreigners.departed': 4,
        'translation.pages': 180.5,
      },
      {
        narratives: {
          delegations: { text: 'x', mode: 'append' },
          'directions.text': { text: 'y', mode: 'replace' },
        },
      },
      { 'foreigners.resident': 5 },
    );
    expect(issues).toEqual([]);
    expect(hasErrors(issues)).toBe(false);
  });
  it('names a code or a key the outline does not have', () => {
    const issues = check(
      { 'delegations.out.count': 2 },
      { narratives: { nowhere: { text: 'x', mode: 'append' } } },
    );
    expect(issues).toEqual([
      {
        path: 'delegations.out.count',
        message: 'Chỉ tiêu “delegations.out.count” không có trong đề cương “Báo cáo thử” (phiên bản 2).',
        severity: 'error',
      },
      {
        path: 'nowhere',
        message: 'Mục “nowhere” không có trong đề cương “Báo cáo thử” (phiên bản 2).',
        severity: 'error',
      },
    ]);
  });
  it('collects the issues of every value', () => {
    const issues = check({ 'delegations.in.count': -2, 'translation.pages': 'nhiều', 'aid.amount': 1e10 });
    expect(at(issues, 'delegations.in.count')[0]?.message).toBe(MESSAGES.negativeCount);
    expect(at(issues, 'translation.pages')[0]?.message).toBe(MESSAGES.notNumber);
    expect(at(issues, 'aid.amount')[0]?.message).toBe(MESSAGES.tooLarge);
    expect(hasErrors(issues)).toBe(true);
  });
});

describe('balance checks', () => {
  it('refuses more departures than arrivals plus the stock at the start, at the outflow field', () => {
    const issues = check(
      { 'foreigners.arrived': 3, 'foreigners.departed': 9 },
      {},
      { 'foreigners.resident': 5 },
    );
    expect(issues).toEqual([
      {
        path: 'foreigners.departed',
        message: 'Số lượt rời đi không thể lớn hơn số lượt đến cộng số người cư trú đầu kỳ. (9 > 3 + 5)',
        severity: 'error',
      },
    ]);
  });
  it('accepts departures up to arrivals plus the stock, a broken-down stock included', () => {
    const previous = { 'foreigners.resident': { total: 6, parts: [{ key: 'Lào', value: 6 }] } };
    expect(check({ 'foreigners.arrived': 3, 'foreigners.departed': 9 }, {}, previous)).toEqual([]);
  });
  it('reads the stock from the comparison values when no context is given', () => {
    const issues = check(
      { 'foreigners.arrived': 0, 'foreigners.departed': 2 },
      { comparison: { previous: { 'foreigners.resident': 1 } } },
    );
    expect(at(issues, 'foreigners.departed')).toHaveLength(1);
  });
  it('says nothing when the stock at the start is unknown', () => {
    expect(check({ 'foreigners.arrived': 0, 'foreigners.departed': 50 })).toEqual([]);
  });
  it('applies the check of the built-in commune outline', () => {
    const issues = validateContent(
      communeReport,
      { values: { 'foreigners.arrived': 1, 'foreigners.departed': 4 } },
      { previous: { 'foreigners.resident': 2 } },
    );
    expect(at(issues, 'foreigners.departed')[0]?.message).toMatch(
      /^Số lượt người nước ngoài rời địa phương không thể lớn hơn/,
    );
  });
});

describe('nil sections', () => {
  it('warns when a section answered "không phát sinh" still has figures', () => {
    const issues = check(
      { 'delegations.in.count': 2, 'delegations.in.countries': ['Lào'] },
      { nil: { all: false, sections: ['delegations'] } },
    );
    expect(issues).toEqual([
      {
        path: 'delegations',
        message:
          'Mục “Công tác quản lý đoàn ra, đoàn vào” được đánh dấu “Không phát sinh” nhưng vẫn có số liệu: “Nhãn delegations.in.count”, “Nhãn delegations.in.countries”. Vui lòng bỏ đánh dấu hoặc xóa số liệu.',
        severity: 'warning',
      },
    ]);
  });
  it('does not count zeros and empty lists as figures', () => {
    expect(
      check(
        { 'delegations.in.count': 0, 'delegations.in.countries': [] },
        { nil: { all: false, sections: ['delegations'] } },
      ),
    ).toEqual([]);
  });
  it('warns for the whole report answered "không phát sinh"', () => {
    const issues = check({ 'foreigners.arrived': 1 }, { nil: { all: true, sections: [] } });
    expect(issues.map((i) => [i.path, i.severity])).toEqual([['nil.all', 'warning']]);
  });
  it('answers "không phát sinh" for a section without a nilPhrase, unless the outline forbids it', () => {
    expect(check({}, { nil: { all: false, sections: ['translation'] } })).toEqual([]);
  });

  it('refuses unknown sections and sections that cannot be nil', () => {
    const issues = check({}, { nil: { all: false, sections: ['ghost', 'directions'] } });
    expect(issues.map((i) => i.message)).toEqual([
      'Mục “ghost” không có trong đề cương “Báo cáo thử” (phiên bản 2).',
      'Mục “Phương hướng, nhiệm vụ” không thể đánh dấu “Không phát sinh”.',
    ]);
  });
});

describe('missingRequired', () => {
  it('lists required fields not filled, skipping nil sections and narratives with a default', () => {
    expect(missingRequired(outline, { values: {} }).map((i) => i.path)).toEqual([
      'delegations.in.count',
      'delegations.notes',
      'foreigners.resident',
    ]);
    const filled = missingRequired(outline, {
      values: { 'foreigners.resident': 0 },
      nil: { all: false, sections: ['delegations'] },
    });
    expect(filled).toEqual([]);
    expect(missingRequired(outline, { values: {}, nil: { all: true, sections: [] } })).toEqual([]);
  });
});

describe('validatePeriodForReport', () => {
  it('refuses a period whose window has not started, in Vietnamese', () => {
    expect(validatePeriodForReport({ kind: 'year', year: 2027, index: 0 }, '2026-06-12')).toBe(
      'Kỳ báo cáo năm 2027 chưa bắt đầu: số liệu được tính từ ngày 15/12/2026. Chưa thể lập báo cáo cho kỳ này.',
    );
    expect(validatePeriodForReport({ kind: 'half1', year: 2026, index: 0 }, '2026-06-12')).toBeNull();
  });
  it('takes the report window override into account', () => {
    const period = { kind: 'month', year: 2026, index: 7 } as const;
    expect(validatePeriodForReport(period, '2026-06-10')).not.toBeNull();
    expect(
      validatePeriodForReport(period, '2026-06-10', { start: '2026-06-01', end: '2026-06-30' }),
    ).toBeNull();
  });
});

describe('approximate values', () => {
  it('accepts numeric codes of the outline and refuses others in Vietnamese, naming the code', () => {
    const ok = validateContent(communeReport, {
      values: { 'tourists.foreign': 200 },
      approximate: ['tourists.foreign'],
    });
    expect(ok).toEqual([]);
    const issues = validateContent(communeReport, {
      values: {},
      approximate: ['no.such.code', 'delegations.in.countries'],
    });
    expect(issues.map((i) => i.path)).toEqual(['no.such.code', 'delegations.in.countries']);
    expect(issues[0]?.message).toContain(
      '“no.such.code” được đánh dấu “khoảng” nhưng không có trong đề cương',
    );
    expect(issues[1]?.message).toMatch(/không phải là số nên không thể đánh dấu “khoảng”/);
  });

  it('keeps a file without the set valid, and refuses a set that is not a list of codes', () => {
    expect(reportContentSchema.parse({}).approximate).toBeUndefined();
    const bad = reportContentSchema.safeParse({ approximate: 'tourists.foreign' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(
      'Trường "approximate" phải là danh sách mã chỉ tiêu có số liệu ước tính.',
    );
  });
});
