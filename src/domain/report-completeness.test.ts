import { describe, expect, it } from 'vitest';
import { draftReport } from './drafting/draft.js';
import { communeReport } from './outlines/index.js';
import { formChecks } from './report-checks.js';
import { nilSectionOf } from './report-completeness.js';
import { type ReportContent, reportContentSchema } from './report-json.js';

const PERIOD = { kind: 'half1', year: 2026, index: 0 } as const;

function errors(content: ReportContent) {
  const drafted = draftReport({
    outline: communeReport,
    content,
    period: PERIOD,
    unit: { name: 'xã Thạch Hà', kind: 'commune' },
  });
  return formChecks({ outline: communeReport, content, drafted }).filter((i) => i.severity === 'error');
}

const empty = reportContentSchema.parse({});
/** Every section that may be answered "không phát sinh". */
const NIL_SECTIONS = ['delegations', 'agreements', 'conferences', 'ngo_aid', 'foreigners'];

describe('"Không phát sinh" answers the required figures of its section', () => {
  it("an empty report lacks the required figures, each message naming its section's switch", () => {
    const missing = errors(empty);
    expect(missing.map((i) => i.path)).toContain('foreigners.resident');
    const resident = missing.find((i) => i.path === 'foreigners.resident');
    expect(resident?.message).toContain('Người nước ngoài đang sinh sống, làm việc trên địa bàn');
    expect(resident?.message).toContain(
      `bật “Không phát sinh” của mục “${nilSectionOf(communeReport, 'foreigners.resident')?.title}”`,
    );
  });

  it('switching "Không phát sinh" on the sections leaves nothing to type, and no zero to invent', () => {
    const nil = { ...empty, nil: { all: false, sections: NIL_SECTIONS } };
    expect(errors(nil)).toEqual([]);
  });

  it('one section answered nil still leaves the figures of the others', () => {
    const one = { ...empty, nil: { all: false, sections: ['foreigners'] } };
    const paths = errors(one).map((i) => i.path);
    expect(paths).not.toContain('foreigners.resident');
    expect(paths).toContain('agreements.signed');
  });

  it('the whole report answered nil needs no figure', () => {
    expect(errors({ ...empty, nil: { all: true, sections: [] } })).toEqual([]);
  });

  it('finds the section of a figure deep in the outline, and none for a text outside such sections', () => {
    expect(nilSectionOf(communeReport, 'agreements.signed')?.key).toBe('agreements');
    expect(nilSectionOf(communeReport, 'background.text')).toBeNull();
    expect(nilSectionOf(communeReport, 'no.such.code')).toBeNull();
  });
});
