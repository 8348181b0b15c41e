import { describe, expect, it } from 'vitest';
import type { TableCell } from '../document.js';
import { draftReport, flattenDrafted } from '../drafting/index.js';
import { communeReport } from '../outlines/index.js';
import { reportContentSchema } from '../report-json.js';
import { consolidationIssues } from './checks.js';
import {
  type AskedUnitSource,
  coverageCounts,
  coverageOf,
  coverageSentence,
  partialMark,
} from './coverage.js';
import { type ConsolidationSource, consolidate, withRequiredZeros } from './index.js';
import { consolidationNarrative } from './narrative.js';
import { consolidationAppendix, storeConsolidation } from './stored.js';

/** The issue's province: 69 communes asked, one answered (01 đoàn ra, the rest nil). */
const asked: AskedUnitSource[] = Array.from({ length: 69 }, (_, i) => ({
  unitId: i + 1,
  // Codes of different lengths, out of order: the official order is numeric.
  code: String(i === 0 ? 18001 : 1800 + 69 - i),
  name: i % 3 === 0 ? `Phường P${i + 1}` : `Xã X${i + 1}`,
  reportId: null,
  status: null,
  sentOn: null,
  nilAll: false,
}));
const answering = asked[5];
if (!answering) throw new Error('no unit');
answering.reportId = 900;
answering.status = 'received';
answering.sentOn = '2026-06-20';

const source: ConsolidationSource = {
  reportId: 900,
  version: 1,
  unit: { id: answering.unitId, code: answering.code, name: answering.name, kind: 'commune' },
  values: { 'delegations.out.count': 1, 'delegations.in.count': 0 },
  nilAll: false,
  nilSections: ['agreements', 'conferences'],
};

const coverage = coverageOf(asked, '2026-06-17', '2026-06-25');
const made = consolidate(communeReport, [source]);
made.values = withRequiredZeros(communeReport, made.values);
const narrative = consolidationNarrative(communeReport, made, coverage);
const stored = storeConsolidation(made, [source], narrative, new Date('2026-06-25T02:00:00Z'), 7, coverage);
const drafted = draftReport({
  outline: communeReport,
  content: reportContentSchema.parse({ values: made.values }),
  period: { kind: 'half1', year: 2026, index: 0 },
  unit: { name: 'tỉnh Hà Tĩnh', kind: 'province' },
  supplements: narrative,
});
const text = flattenDrafted(drafted.sections)
  .flatMap((s) => s.paragraphs)
  .join('\n');

const cellText = (c: TableCell | undefined) => (typeof c === 'string' ? c : (c?.text ?? ''));

describe('coverage of a consolidation', () => {
  it('counts the units asked and answered, late ones included, in official code order', () => {
    expect(coverageCounts(coverage)).toEqual({
      asked: 69,
      answered: 1,
      notReceived: 0,
      missing: 68,
      late: 69,
      partial: true,
    });
    const codes = coverage.units.map((u) => Number(u.code));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(coverage.units.find((u) => u.unitId === answering.unitId)).toMatchObject({
      state: 'answered',
      daysLate: 3,
    });
    expect(partialMark(coverage)).toBe('(số liệu của 1/69 xã, phường)');
    // Too many to name in a sentence: counted, and the appendix names them.
    expect(coverageSentence(coverage)).toBe(
      'Số liệu tổng hợp từ báo cáo của 1/69 xã, phường; chưa gửi báo cáo: 68 xã, phường (danh sách tại Phụ lục).',
    );
  });

  it('a report sent but not received is shown apart and not counted; complete coverage has no mark', () => {
    const two = coverageOf(
      [
        { ...asked[0], status: 'issued', reportId: 1, sentOn: '2026-06-10' } as AskedUnitSource,
        {
          ...asked[1],
          status: 'accepted',
          reportId: 2,
          sentOn: '2026-06-10',
          nilAll: true,
        } as AskedUnitSource,
      ],
      '2026-06-17',
      '2026-06-25',
    );
    expect(two.units.map((u) => [u.state, u.daysLate])).toEqual([
      ['nil', 0],
      ['not_received', 0],
    ]);
    expect(coverageSentence(two)).toBe(
      `Số liệu tổng hợp từ báo cáo của 1/2 xã, phường; đã gửi nhưng chưa tiếp nhận: ${asked[0]?.name}.`,
    );
    const complete = coverageOf(
      [{ ...asked[1], status: 'received', reportId: 2 } as AskedUnitSource],
      '2026-06-17',
      '2026-06-10',
    );
    expect(coverageCounts(complete).partial).toBe(false);
    expect(partialMark(complete)).toBe('');
  });

  it("never turns one commune's figures or nil into the province's while others are missing", () => {
    expect(text).toContain('Số liệu tổng hợp từ báo cáo của 1/69 xã, phường');
    expect(text).toMatch(/có 01 đoàn ra[^.]*, theo số liệu của 1\/69 xã, phường đã gửi báo cáo\./u);
    expect(text).not.toMatch(/trên địa bàn tỉnh không phát sinh/u);
    expect(text).not.toMatch(/thuộc thẩm quyền (quản lý )?của UBND tỉnh/u);
    expect(text).toMatch(
      /Theo báo cáo của 1\/69 xã, phường đã gửi, không phát sinh hội nghị, hội thảo quốc tế; chưa có số liệu của 68 xã, phường còn lại\./u,
    );
  });

  it('lists every unit asked in the appendix, with its state, blanks for the missing and totals that sum the columns', () => {
    const appendix = consolidationAppendix(communeReport, stored, '6 tháng đầu năm 2026');
    const table = appendix.body.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const { header, rows } = table.table;
    expect(rows).toHaveLength(70);
    expect(rows.slice(0, -1).map((r) => cellText(r[1]))).toEqual(coverage.units.map((u) => u.name));
    const states = rows.slice(0, -1).map((r) => cellText(r[2]));
    expect(states.filter((s) => s === 'Chưa gửi')).toHaveLength(68);
    expect(states.filter((s) => s === 'Đã gửi')).toHaveLength(1);
    expect(cellText(rows.at(-1)?.[1])).toBe('Tổng cộng (số liệu của 1/69 xã, phường)');
    const heads = header[0] ?? [];
    const parse = (t: string) => Number(t.replaceAll('.', '').replace(',', '.'));
    for (let col = 3; col < heads.length; col++) {
      const column = rows.slice(0, -1).map((r) => cellText(r[col]));
      const filled = column.filter((t) => t !== '');
      const total = cellText(rows.at(-1)?.[col]);
      // Not reported is never 0: a column nobody filled has a blank total.
      if (filled.length === 0) expect(total, heads[col]).toBe('');
      else expect(parse(total), heads[col]).toBe(filled.map(parse).reduce((a, b) => a + b, 0));
    }
    const outCol = heads.indexOf('Đoàn ra (đoàn)');
    expect(rows.map((r) => cellText(r[outCol])).filter((t) => t !== '')).toEqual(['1', '1']);
    // The report's values hold required zeros; the appendix's total of a column nobody filled stays blank.
    const resident = heads.indexOf('Người nước ngoài cư trú (người)');
    expect(made.values['foreigners.resident']).toBe(0);
    expect(cellText(rows.at(-1)?.[resident])).toBe('');
  });

  it('warns about missing and late units and about later reports that differ', () => {
    const issues = consolidationIssues(stored.coverage, [
      { unitName: 'Xã X2', reason: 'new', version: 1 },
      { unitName: 'Xã X3', reason: 'newer_version', version: 2 },
    ]);
    const messages = issues.map((i) => i.message);
    expect(issues.every((i) => i.severity === 'warning' && i.source === 'quality')).toBe(true);
    expect(messages[0]).toMatch(
      /^Báo cáo tổng hợp mới có số liệu của 1\/69 xã, phường: các tổng số chưa đầy đủ\./u,
    );
    expect(messages[1]).toMatch(
      /^69 xã, phường gửi báo cáo trễ hạn hoặc chưa gửi khi đã quá hạn 17\/06\/2026/u,
    );
    expect(messages[2]).toBe(
      'Sau khi tổng hợp đã nhận thêm báo cáo có số liệu khác: Xã X2, Xã X3 (bản sửa lần 2). Hãy cập nhật số liệu tổng hợp trên trang đợt báo cáo.',
    );
    const onTime = coverageOf(
      [{ ...asked[1], status: 'received', reportId: 2 } as AskedUnitSource],
      '2026-06-17',
      '2026-06-10',
    );
    expect(consolidationIssues(onTime, [])).toEqual([]);
  });
});
