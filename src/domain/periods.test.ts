import { describe, expect, it } from 'vitest';
import {
  dataWindow,
  daysBetween,
  formatDateShort,
  periodLabel,
  periodsContaining,
  todayInVietnam,
} from './periods.js';

describe('data windows of Nghị định 09/2019', () => {
  it('closes a month on the 14th, opening on the 15th of the month before', () => {
    expect(dataWindow({ kind: 'month', year: 2026, index: 6 })).toEqual({
      start: '2026-05-15',
      end: '2026-06-14',
    });
    expect(dataWindow({ kind: 'month', year: 2026, index: 1 })).toEqual({
      start: '2025-12-15',
      end: '2026-01-14',
    });
  });
  it('gives the quarters their windows across the year boundary', () => {
    expect(dataWindow({ kind: 'quarter', year: 2026, index: 1 })).toEqual({
      start: '2025-12-15',
      end: '2026-03-14',
    });
    expect(dataWindow({ kind: 'quarter', year: 2026, index: 4 })).toEqual({
      start: '2026-09-15',
      end: '2026-12-14',
    });
  });
  it('gives the 6-month, 9-month and annual windows', () => {
    expect(dataWindow({ kind: 'half1', year: 2026, index: 0 })).toEqual({
      start: '2025-12-15',
      end: '2026-06-14',
    });
    expect(dataWindow({ kind: 'half2', year: 2026, index: 0 })).toEqual({
      start: '2026-06-15',
      end: '2026-12-14',
    });
    expect(dataWindow({ kind: 'nine_months', year: 2026, index: 0 })).toEqual({
      start: '2025-12-15',
      end: '2026-09-14',
    });
    expect(dataWindow({ kind: 'year', year: 2026, index: 0 })).toEqual({
      start: '2025-12-15',
      end: '2026-12-14',
    });
  });
});

describe('periodLabel', () => {
  it('names periods as the reports do', () => {
    expect(periodLabel({ kind: 'half1', year: 2026, index: 0 })).toBe('6 tháng đầu năm 2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, index: 1 })).toBe('Quý I năm 2026');
    expect(periodLabel({ kind: 'year', year: 2025, index: 0 })).toBe('năm 2025');
  });
});

describe('periodsContaining', () => {
  it('puts a date from the 15th into the next month', () => {
    const periods = periodsContaining('2026-11-23');
    expect(periods[0]).toEqual({ kind: 'month', year: 2026, index: 12 });
    expect(periods.map((p) => p.kind)).toEqual(['month', 'quarter', 'half2', 'year']);
  });
  it('moves to the next year from 15 December', () => {
    const periods = periodsContaining('2026-12-20');
    expect(periods[0]).toEqual({ kind: 'month', year: 2027, index: 1 });
    expect(periods.at(-1)).toEqual({ kind: 'year', year: 2027, index: 0 });
  });
  it('keeps every window containing the date', () => {
    for (const date of ['2026-01-01', '2026-03-14', '2026-03-15', '2026-06-14', '2026-09-30', '2028-02-29']) {
      for (const period of periodsContaining(date)) {
        const w = dataWindow(period);
        expect(w.start <= date && date <= w.end, `${date} in ${periodLabel(period)}`).toBe(true);
      }
    }
  });
});

describe('date helpers', () => {
  it('formats dd/mm/yyyy and counts days', () => {
    expect(formatDateShort('2026-06-04')).toBe('04/06/2026');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
  });
  it('takes the Vietnamese calendar day', () => {
    expect(todayInVietnam(new Date('2026-11-23T18:30:00Z'))).toBe('2026-11-24');
  });
});
