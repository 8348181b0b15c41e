import { describe, expect, it } from 'vitest';
import { draftReport } from './drafting/draft.js';
import {
  checkLineageRows,
  formerSumDetails,
  formerSumNote,
  formersBefore,
  type LineageLink,
  parseLineageDate,
  REFORM_2025_DATE,
  sumOfFormers,
} from './lineage.js';
import type { Indicator, Outline } from './outline.js';
import { reportContentSchema } from './report-json.js';

const base = { kind: 'indicator', unit: 'người', phrase: 'người', label: 'x' } as const;
const flow: Indicator = { ...base, code: 'f', valueType: 'integer', measure: 'flow', aggregation: 'sum' };
const stock: Indicator = {
  ...base,
  code: 's',
  valueType: 'integer',
  measure: 'stock',
  aggregation: 'latest',
};
const list: Indicator = {
  ...base,
  code: 'l',
  valueType: 'list',
  measure: 'flow',
  aggregation: 'sum',
  listOf: 'country',
};

const link = (id: number, name: string, kind = 'xã', successorCount = 1): LineageLink => ({
  formerId: id,
  formerCode: String(18560 + id),
  formerName: name,
  formerKind: kind,
  effectiveOn: REFORM_2025_DATE,
  successorCount,
});

describe('the total of the former units', () => {
  it('adds flows and stocks across the former communes and unites lists, by the one rule of totals', () => {
    const { values, basis } = sumOfFormers(
      [flow, stock, list],
      [
        { link: link(1, 'Thị trấn Thạch Hà', 'thị trấn'), values: { f: 3, s: 10, l: ['Lào'] } },
        { link: link(2, 'Xã Thạch Long'), values: { f: 2, s: 5, l: ['Lào', 'Nhật Bản'] } },
      ],
    );
    expect(values).toEqual({ f: 5, s: 15, l: ['Lào', 'Nhật Bản'] });
    expect(basis.units.map((u) => u.reported)).toEqual([true, true]);
    expect(formerSumNote(basis)).toBe('tổng số liệu của các đơn vị cũ: thị trấn Thạch Hà và xã Thạch Long');
  });

  it('names the former communes missing from a partial total', () => {
    const { values, basis } = sumOfFormers(
      [flow],
      [
        { link: link(1, 'Xã Thạch Hà'), values: { f: 4 } },
        { link: link(2, 'Xã Thạch Long'), values: { f: 1 } },
        { link: link(3, 'Xã Thạch Sơn'), values: undefined },
      ],
    );
    expect(values).toEqual({ f: 5 });
    expect(formerSumNote(basis)).toBe(
      'tổng số liệu của các xã cũ: Thạch Hà và Thạch Long; chưa có số liệu của xã Thạch Sơn cũ',
    );
  });

  it('says which figures were computed from a former commune’s logbook', () => {
    const { values, basis } = sumOfFormers(
      [flow],
      [
        { link: link(1, 'Xã Thạch Hà'), values: { f: 4 } },
        { link: link(2, 'Xã Thạch Long'), values: { f: 1 }, fromRecords: true },
      ],
    );
    expect(values).toEqual({ f: 5 });
    expect(formerSumNote(basis)).toBe(
      'tổng số liệu của các xã cũ: Thạch Hà và Thạch Long, số liệu của xã Thạch Long cũ tính từ sổ theo dõi',
    );
  });

  it('has no figures and no note when none of the former communes reported', () => {
    const { values, basis } = sumOfFormers(
      [flow],
      [
        { link: link(1, 'Xã Thạch Hà'), values: undefined },
        { link: link(2, 'Xã Thạch Long'), values: {} },
      ],
    );
    expect(values).toEqual({});
    expect(formerSumNote(basis)).toBeUndefined();
    expect(formerSumDetails(basis)[0]).toContain('Chưa có số liệu cùng kỳ năm trước');
  });

  it('counts a split unit whole in each successor, and says it was split', () => {
    const { values, basis } = sumOfFormers(
      [flow],
      [
        { link: link(1, 'Xã Thạch Hà'), values: { f: 2 } },
        { link: link(2, 'Xã Thạch Long', 'xã', 2), values: { f: 6 } },
      ],
    );
    expect(values).toEqual({ f: 8 });
    expect(basis.units.find((u) => u.name === 'Xã Thạch Long')?.split).toBe(true);
    expect(formerSumDetails(basis).join(' ')).toContain(
      'Xã Thạch Long cũ được chia cho nhiều đơn vị mới; số liệu được tính toàn bộ',
    );
  });
});

describe('which periods the former units stand for', () => {
  const links = [link(1, 'Xã Thạch Hà')];
  it('takes a window that ended before the merger, not one after it', () => {
    expect(formersBefore(links, { start: '2024-12-15', end: '2025-06-14' })).toEqual({
      links,
      straddles: false,
    });
    expect(formersBefore(links, { start: '2025-09-15', end: '2025-12-14' }).links).toEqual([]);
  });
  it('marks a window across the merger date (the unit’s own report wins there)', () => {
    expect(formersBefore(links, { start: '2025-06-15', end: '2025-12-14' })).toEqual({
      links,
      straddles: true,
    });
  });
});

describe('a lineage file', () => {
  it('reads rows under a header, both date forms, and 01/07/2025 when the date is empty', () => {
    const { rows, errors } = checkLineageRows([
      ['ma_don_vi_moi', 'ma_don_vi_cu', 'ten_don_vi_cu', 'loai_don_vi_cu', 'ngay_hieu_luc'],
      ['18562', '18562', 'Thị trấn Thạch Hà', 'Thị trấn', '01/07/2025'],
      ['18562', '18565', 'Xã Thạch Long', 'xã', ''],
      ['18568', '18565', 'Xã Thạch Long', 'xã', '2025-07-01'],
    ]);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.successorCode, r.formerCode, r.formerKind, r.effectiveOn, r.line])).toEqual([
      ['18562', '18562', 'thị trấn', '2025-07-01', 2],
      ['18562', '18565', 'xã', '2025-07-01', 3],
      ['18568', '18565', 'xã', '2025-07-01', 4],
    ]);
  });

  it('refuses bad rows with Vietnamese messages naming the line', () => {
    const { errors } = checkLineageRows([
      ['18562', '18565', 'Xã Thạch Long', 'xã', '31/02/2025'],
      ['1856', '18566', 'Xã Thạch Sơn', 'huyện', 'hôm qua'],
      ['18562', '18567'],
      ['18562', '18568', 'Xã Khác', 'xã', '2025-07-01'],
      ['18577', '18568', 'Xã Khác nữa', 'xã', '2025-07-01'],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'Dòng 1: ngày hiệu lực "31/02/2025" không phải là ngày (ghi dạng 01/07/2025 hoặc 2025-07-01).',
      'Dòng 2: mã đơn vị mới "1856" phải là mã xã gồm 5 chữ số (ví dụ 18562); loại đơn vị cũ "huyện" không hợp lệ (chỉ nhận: xã, phường, thị trấn); ngày hiệu lực "hôm qua" không phải là ngày (ghi dạng 01/07/2025 hoặc 2025-07-01).',
      'Dòng 3: cần 5 cột (mã đơn vị mới, mã đơn vị cũ, tên đơn vị cũ, loại đơn vị cũ, ngày hiệu lực), dòng này có 2 cột.',
      'Dòng 5: mã đơn vị cũ 18568 đã mang tên "Xã Khác" ở dòng 4.',
    ]);
  });

  it('reads dates written by hand', () => {
    expect(parseLineageDate('1/7/2025')).toBe('2025-07-01');
    expect(parseLineageDate('2025-13-01')).toBeUndefined();
  });
});

describe('drafting a comparison with a total of former communes', () => {
  const outline: Outline = {
    code: 't',
    name: 't',
    documentKind: 'report',
    sections: [
      {
        kind: 'section',
        key: 'a',
        title: 'Đoàn vào',
        children: [
          { ...flow, code: 'in', phrase: 'đoàn vào', unit: 'đoàn', label: 'Đoàn vào' },
          { ...flow, code: 'out', phrase: 'đoàn ra', unit: 'đoàn', label: 'Đoàn ra' },
        ],
      },
    ],
  } as unknown as Outline;
  const draft = (comparison: object) =>
    draftReport({
      outline,
      period: { kind: 'half1', year: 2026, index: 0 },
      unit: { name: 'Xã Thạch Hà', kind: 'commune' },
      content: reportContentSchema.parse({ values: { in: 4, out: 2 }, comparison }),
    } as Parameters<typeof draftReport>[0]);
  const text = (d: ReturnType<typeof draftReport>) => d.sections.flatMap((s) => s.paragraphs).join('\n');

  it('names the former communes once, at the first comparison with last year', () => {
    const basis = sumOfFormers(
      [flow],
      [
        { link: link(1, 'Xã Thạch Hà'), values: { f: 1 } },
        { link: link(2, 'Xã Thạch Long'), values: { f: 1 } },
        { link: link(3, 'Xã Thạch Sơn'), values: undefined },
      ],
    ).basis;
    const t = text(draft({ sameLastYear: { in: 2, out: 1 }, sameLastYearFormers: basis }));
    const note = 'tổng số liệu của các xã cũ: Thạch Hà và Thạch Long; chưa có số liệu của xã Thạch Sơn cũ';
    expect(t).toContain(`so với cùng kỳ năm 2025 (${note})`);
    expect(t.split(note).length).toBe(2);
  });

  it('prints no comparison with last year when none of the former communes reported', () => {
    const basis = sumOfFormers([flow], [{ link: link(1, 'Xã Thạch Hà'), values: undefined }]).basis;
    const t = text(draft({ sameLastYearFormers: basis }));
    expect(t).not.toContain('cùng kỳ');
    expect(t).not.toContain('xã cũ');
  });
});
