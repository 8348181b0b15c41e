import { describe, expect, it } from 'vitest';
import { applyReportChanges, hasChanges, reportContentChanges } from './report-changes.js';
import { type ReportContent, reportChangesSchema, reportContentSchema } from './report-json.js';

const base = reportContentSchema.parse({
  values: { 'foreigners.resident': 12, 'delegations.in.countries': ['Lào'] },
  narratives: { background: { text: 'Tình hình ổn định.', mode: 'append' } },
  kept: ['background#1'],
  window: { start: '2026-01-01', end: '2026-06-30' },
});

describe('what an autosave sends', () => {
  it('sends nothing when nothing changed', () => {
    expect(hasChanges(reportContentChanges(base, structuredClone(base)))).toBe(false);
  });

  it('sends the figure typed, not the rest of the report', () => {
    const next = { ...base, values: { ...base.values, 'foreigners.resident': 13 } };
    expect(reportContentChanges(base, next)).toEqual({ values: { 'foreigners.resident': 13 } });
  });

  it('names what was removed with null, and gives back the form content when applied', () => {
    const { window: _w, kept: _k, ...rest } = base;
    const edits: ReportContent[] = [
      { ...rest, values: { 'delegations.in.countries': ['Lào', 'Thái Lan'] }, narratives: {} },
      { ...base, nil: { all: true, sections: [] }, omit: ['awards'] },
      { ...base, narratives: { ...base.narratives, 'background#2': { text: '', mode: 'replace' } } },
    ];
    for (const next of edits) {
      const changes = reportContentChanges(base, next);
      // What is sent passes the server's check, and makes the form's content of the server's.
      const checked = reportChangesSchema.parse(JSON.parse(JSON.stringify(changes)));
      expect(applyReportChanges(base, checked)).toEqual(next);
    }
    expect(reportContentChanges(base, edits[0] as ReportContent)).toMatchObject({
      window: null,
      kept: null,
      values: { 'foreigners.resident': null },
      narratives: { background: null },
    });
  });
});
