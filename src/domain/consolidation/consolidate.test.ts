import { describe, expect, it } from 'vitest';
import { draftReport, flattenDrafted } from '../drafting/index.js';
import type { ReportValues } from '../outline.js';
import { communeReport } from '../outlines/index.js';
import { reportContentSchema } from '../report-json.js';
import { type ConsolidationSource, consolidate } from './index.js';
import { concentrationClause, consolidationNarrative, quietSentence, unitsPhrase } from './narrative.js';

let nextId = 1;
function source(
  code: string,
  name: string,
  values: ReportValues,
  nil: Partial<{ all: boolean; sections: string[] }> = {},
): ConsolidationSource {
  const id = nextId++;
  return {
    reportId: 100 + id,
    version: 1,
    unit: { id, code, name, kind: 'commune' },
    values,
    nilAll: nil.all ?? false,
    nilSections: nil.sections ?? [],
  };
}

const lacPhuong = source('18580', 'Xã Lạc Phượng', {
  'delegations.in.count': 3,
  'foreigners.resident': { total: 10, parts: [{ key: 'Hàn Quốc', value: 10 }] },
  'workers.abroad': {
    total: 4,
    parts: [
      { key: 'Nhật Bản', value: 3 },
      { key: 'Đài Loan', value: 1 },
    ],
  },
  'ngo.value': 1500.5,
  'delegations.in.countries': ['Lào', 'Nhật Bản'],
});
const thachHa = source('18562', 'Xã Thạch Hà', {
  'delegations.in.count': 1,
  'foreigners.resident': {
    total: 5,
    parts: [
      { key: 'Nhật Bản', value: 3 },
      { key: 'Hàn Quốc', value: 2 },
    ],
  },
  'workers.abroad': 2,
  'ngo.value': 0.1,
  'delegations.in.countries': ['Nhật Bản', 'Hàn Quốc'],
});
const bacHong = source('18001', 'Phường Bắc Hồng Lĩnh', { 'delegations.in.count': 6, 'workers.abroad': 0 });
const ducTho = source('18700', 'Xã Đức Thọ', {}, { all: true });
const canLoc = source(
  '18650',
  'Xã Can Lộc',
  { 'delegations.in.count': 0, 'workers.abroad': 1 },
  { sections: ['foreigners'] },
);

const all = [lacPhuong, thachHa, bacHong, ducTho, canLoc];

describe('consolidate', () => {
  const c = consolidate(communeReport, all);

  it('adds flows and stocks across units and merges breakdowns and lists', () => {
    expect(c.values['delegations.in.count']).toBe(10);
    expect(c.values['foreigners.resident']).toEqual({
      total: 15,
      parts: [
        { key: 'Hàn Quốc', value: 12 },
        { key: 'Nhật Bản', value: 3 },
      ],
    });
    expect(c.values['workers.abroad']).toEqual({
      total: 7,
      parts: [
        { key: 'Nhật Bản', value: 3 },
        { key: 'Đài Loan (Trung Quốc)', value: 1 },
      ],
    });
    expect(c.values['ngo.value']).toBe(1500.6);
    // Lists are united in code order of the units: Thạch Hà (18562) before Lạc Phượng (18580).
    expect(c.values['delegations.in.countries']).toEqual(['Nhật Bản', 'Hàn Quốc', 'Lào']);
    expect(c.values['press.articles']).toBeUndefined();
  });

  it('traces every figure to its reports, in official code order', () => {
    expect(c.trace['delegations.in.count']?.map((t) => [t.unitCode, t.value])).toEqual([
      ['18001', 6],
      ['18562', 1],
      ['18580', 3],
      ['18650', 0],
    ]);
    expect(c.trace['delegations.in.count']?.[0]).toMatchObject({
      reportId: bacHong.reportId,
      unitName: 'Phường Bắc Hồng Lĩnh',
    });
  });

  it('names the units that answered the whole report nil', () => {
    expect(c.nilUnits.map((u) => u.code)).toEqual(['18700']);
    expect(c.sourceCount).toBe(5);
  });

  it('sorts the active units of a section by size, the quiet ones in code order', () => {
    const delegations = c.sections.find((s) => s.key === 'delegations');
    expect(delegations?.active.map((a) => [a.unit.code, a.size])).toEqual([
      ['18001', 6],
      ['18580', 3],
      ['18562', 1],
    ]);
    expect(delegations?.quiet.map((u) => u.code)).toEqual(['18650', '18700']);
    const foreigners = c.sections.find((s) => s.key === 'foreigners');
    // Xã Can Lộc answered the section nil.
    expect(foreigners?.quiet.map((u) => u.code)).toEqual(['18001', '18650', '18700']);
  });
});

describe('the consolidated narrative', () => {
  it('names units grouped by kind as the examples do', () => {
    expect(unitsPhrase([{ name: 'Xã A' }, { name: 'Xã B' }, { name: 'Phường C' }])).toBe(
      'các xã A, B và phường C',
    );
    expect(unitsPhrase([{ name: 'Xã A' }])).toBe('xã A');
    expect(unitsPhrase([{ name: 'Phường C' }, { name: 'Xã A' }, { name: 'Sở Ngoại vụ' }])).toBe(
      'phường C, xã A và Sở Ngoại vụ',
    );
  });

  it('says where activity concentrated: the leading units making most of it', () => {
    const u = (code: string, name: string) => ({ id: Number(code), code, name, kind: 'commune' });
    const active = [
      { unit: u('1', 'Xã A'), size: 50 },
      { unit: u('2', 'Xã B'), size: 30 },
      { unit: u('3', 'Phường C'), size: 15 },
      { unit: u('4', 'Xã D'), size: 5 },
    ];
    expect(concentrationClause(active, 10)).toBe('tập trung chủ yếu ở các xã A, B');
    expect(concentrationClause(active.slice(2), 10)).toBe('tập trung chủ yếu ở phường C');
    const even = active.slice(2).map((a) => ({ ...a, size: 5 }));
    expect(concentrationClause(even, 10)).toBe('tập trung ở phường C và xã D');
    expect(concentrationClause([], 10)).toBeUndefined();
    expect(concentrationClause(active.slice(0, 1), 1)).toBeUndefined();
  });

  it('says which units reported nothing, counting them when there are many', () => {
    const u = (i: number) => ({
      id: i,
      code: String(i),
      name: i % 2 ? `Xã X${i}` : `Phường P${i}`,
      kind: 'commune',
    });
    expect(quietSentence([u(1), u(3)], 'đoàn ra, đoàn vào có yếu tố nước ngoài')).toBe(
      'Các xã X1, X3 báo cáo không phát sinh đoàn ra, đoàn vào có yếu tố nước ngoài.',
    );
    expect(
      quietSentence(
        Array.from({ length: 12 }, (_, i) => u(i + 1)),
        'hội nghị',
      ),
    ).toBe('Có 12 xã, phường báo cáo không phát sinh hội nghị.');
    expect(quietSentence([], 'x')).toBeUndefined();
  });

  it('drafts the consolidated report with the concentration and the quiet units', () => {
    const c = consolidate(communeReport, all);
    const supplements = consolidationNarrative(communeReport, c);
    const drafted = draftReport({
      outline: communeReport,
      content: reportContentSchema.parse({ values: c.values }),
      period: { kind: 'half1', year: 2026, index: 0 },
      unit: { name: 'tỉnh Hà Tĩnh', kind: 'province' },
      supplements,
    });
    const byKey = new Map(flattenDrafted(drafted.sections).map((s) => [s.key, s]));
    const delegations = byKey.get('delegations')?.paragraphs.join(' ') ?? '';
    expect(delegations).toContain('trên địa bàn tỉnh có 10 đoàn vào');
    expect(delegations).toContain('có 10 đoàn vào, tập trung chủ yếu ở phường Bắc Hồng Lĩnh. ');
    expect(delegations).toContain(
      'Xã Can Lộc báo cáo không phát sinh đoàn ra, đoàn vào có yếu tố nước ngoài.',
    );
    const results = byKey.get('results')?.paragraphs.join(' ') ?? '';
    expect(results).toContain('Xã Đức Thọ báo cáo không phát sinh hoạt động đối ngoại trong kỳ báo cáo.');
  });
});

describe('consolidate: approximate values', () => {
  it('sums an estimate with exact figures into an estimate, printed "khoảng"', () => {
    const estimated = {
      ...source('18580', 'Xã Lạc Phượng', { 'tourists.foreign': 200 }),
      approximate: ['tourists.foreign'],
    };
    const exact = source('18562', 'Xã Thạch Hà', { 'tourists.foreign': 35, 'delegations.in.count': 2 });
    const c = consolidate(communeReport, [estimated, exact]);
    expect(c.values['tourists.foreign']).toBe(235);
    expect(c.approximate).toEqual(['tourists.foreign']);
    const drafted = draftReport({
      outline: communeReport,
      content: reportContentSchema.parse({ values: c.values, approximate: c.approximate }),
      period: { kind: 'half1', year: 2026, index: 0 },
      unit: { name: 'tỉnh Hà Tĩnh', kind: 'province' },
    });
    const text = flattenDrafted(drafted.sections)
      .flatMap((s) => s.paragraphs)
      .join(' ');
    expect(text).toContain('khoảng 235 lượt khách du lịch quốc tế');
    // The exact figures stay exact.
    expect(text).toContain('có 02 đoàn vào');
    expect(text).not.toContain('khoảng 02');
  });

  it('keeps a total exact when no unit estimated it', () => {
    const c = consolidate(communeReport, [
      source('18580', 'Xã Lạc Phượng', { 'tourists.foreign': 200 }),
      source('18562', 'Xã Thạch Hà', { 'tourists.foreign': 35 }),
    ]);
    expect(c.approximate).toEqual([]);
  });
});
