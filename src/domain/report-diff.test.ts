import { describe, expect, it } from 'vitest';
import { communeReport } from './outlines/index.js';
import { reportChanges } from './report-diff.js';
import { type ReportContent, reportContentSchema } from './report-json.js';

const content = (input: Partial<ReportContent>): ReportContent => reportContentSchema.parse(input);

describe('reportChanges', () => {
  it('lists nothing when the contents are the same', () => {
    const a = content({ values: { 'delegations.in.count': 3 } });
    expect(reportChanges(communeReport, a, a)).toEqual([]);
  });

  it('names each changed figure by its label with its unit, in the outline order', () => {
    const before = content({ values: { 'delegations.in.count': 3, 'delegations.out.count': 1 } });
    const after = content({ values: { 'delegations.in.count': 5, 'delegations.out.count': 1200 } });
    const changes = reportChanges(communeReport, before, after);
    expect(changes).toEqual([
      {
        kind: 'value',
        target: 'delegations.out.count',
        label: 'Số đoàn ra',
        before: '1 đoàn',
        after: '1.200 đoàn',
      },
      {
        kind: 'value',
        target: 'delegations.in.count',
        label: 'Số đoàn vào',
        before: '3 đoàn',
        after: '5 đoàn',
      },
    ]);
  });

  it('shows a figure added or removed as empty on the other side, and breakdowns with their parts', () => {
    const before = content({ values: { 'delegations.in.count': 2 } });
    const after = content({
      values: {
        'foreigners.resident': {
          total: 3,
          parts: [
            { key: 'Hàn Quốc', value: 2 },
            { key: 'Nhật Bản', value: 1 },
          ],
        },
      },
    });
    const changes = reportChanges(communeReport, before, after);
    expect(changes.find((c) => c.target === 'delegations.in.count')).toMatchObject({
      before: '2 đoàn',
      after: '(trống)',
    });
    const resident = changes.find((c) => c.target === 'foreigners.resident');
    expect(resident?.before).toBe('(trống)');
    expect(resident?.after).toMatch(/^3 .*\(Hàn Quốc: 2, Nhật Bản: 1\)$/);
  });

  it('reports the officer text and "không phát sinh" changes with the section number', () => {
    const before = content({ nil: { all: false, sections: ['delegations'] } });
    const after = content({
      nil: { all: true, sections: [] },
      narratives: { delegations: { text: 'Đã tiếp 2 đoàn.', mode: 'append' } },
    });
    const changes = reportChanges(communeReport, before, after);
    expect(changes.map((c) => c.kind)).toEqual(['narrative', 'nil', 'nil']);
    expect(changes[0]).toMatchObject({ before: '(trống)', after: 'Đã tiếp 2 đoàn.' });
    expect(changes[0]?.label).toMatch(
      /^Nội dung viết thêm — III\.2\.a\. Công tác quản lý đoàn ra, đoàn vào$/,
    );
    expect(changes[1]).toMatchObject({ target: 'all', before: 'Không', after: 'Có' });
    expect(changes[2]).toMatchObject({ target: 'delegations', before: 'Có', after: 'Không' });
  });

  it('names an edited opening or closing as such, not by its key', () => {
    const after = content({
      narratives: {
        'document.closing': { text: 'UBND xã kính đề nghị Sở Ngoại vụ quan tâm.', mode: 'append' },
      },
    });
    const [change] = reportChanges(communeReport, content({}), after);
    expect(change?.label).toBe('Nội dung viết thêm — đoạn kết');
  });
});

describe('reportChanges: paragraphs', () => {
  it('names a deleted drafted paragraph by its section, and a default kept or a section left out', () => {
    const before = content({ kept: [] });
    const after = content({
      kept: ['background.text'],
      omit: ['proposals'],
      narratives: { 'foreigners#0': { text: '', mode: 'replace' } },
    });
    const changes = reportChanges(communeReport, before, after);
    expect(changes.map((c) => [c.target, c.before, c.after])).toEqual([
      ['foreigners#0', '(trống)', '(đã xóa đoạn)'],
      ['background.text', 'Không', 'Có'],
      ['proposals', 'Không', 'Có'],
    ]);
    expect(changes[0]?.label).toMatch(/đoạn soạn sẵn của .*Công tác quản lý người nước ngoài/);
  });
});
