import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  addWorkingDays,
  DEFAULT_CALENDAR,
  DEFAULT_HOLIDAYS,
  deadlineAfterClose,
  expectedHolidays,
  type HolidayCalendar,
  isHoliday,
  isWorkingDay,
  parseHolidayList,
  workingDaysBetween,
} from './holidays.js';
import { lunarToSolar } from './lunar.js';
import { addDays, dataWindow, weekday } from './periods.js';

const NONE: HolidayCalendar = { off: {}, makeUpDays: {} };

describe('the holiday tables', () => {
  it('holds 11 statutory weekdays off per year, more where the Government swapped days', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028, 2029, 2030]) {
      const days = DEFAULT_HOLIDAYS[year] ?? [];
      expect(days.length, String(year)).toBeGreaterThanOrEqual(11);
      for (const day of days) {
        expect(day.startsWith(String(year)), day).toBe(true);
        expect([0, 6], `${day} is a weekday`).not.toContain(weekday(day));
      }
    }
  });
  it('puts Tết and Giỗ Tổ where the lunar calendar does', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028, 2029, 2030]) {
      const days = DEFAULT_HOLIDAYS[year] ?? [];
      const tet = lunarToSolar(1, 1, year);
      const gioTo = lunarToSolar(10, 3, year);
      // Tết: every weekday from the eve to mùng 3 is off.
      for (let d = -1; d <= 3; d += 1) {
        const date = addDays(tet, d);
        if (weekday(date) !== 0 && weekday(date) !== 6) expect(days, `Tết ${year}: ${date}`).toContain(date);
      }
      const gioToOff =
        weekday(gioTo) === 0 ? addDays(gioTo, 1) : weekday(gioTo) === 6 ? addDays(gioTo, 2) : gioTo;
      expect(days, `Giỗ Tổ ${year}`).toContain(gioToOff);
    }
  });
  it('lists the expected years exactly as the law alone gives them', () => {
    for (const year of [2027, 2028, 2029, 2030])
      expect(DEFAULT_HOLIDAYS[year]).toEqual(expectedHolidays(year));
  });
  it('keeps the decided years close to the law: only the swapped days differ', () => {
    const decided = new Set(DEFAULT_HOLIDAYS[2026]);
    const missing = expectedHolidays(2026).filter((d) => !decided.has(d));
    expect(missing).toEqual([]);
    expect([...decided].filter((d) => !expectedHolidays(2026).includes(d))).toEqual([
      '2026-01-02',
      '2026-08-31',
    ]);
  });
  it('moves a holiday on a weekend to the next weekday', () => {
    // 01/01/2028 is a Saturday; 30/4/2028 a Sunday, 1/5 a Monday.
    expect(expectedHolidays(2028)).toContain('2028-01-03');
    expect(expectedHolidays(2028)).toEqual(expect.arrayContaining(['2028-05-01', '2028-05-02']));
    // 2/9/2029 is a Sunday: 3/9 is its companion day and 4/9 makes up for the Sunday.
    expect(expectedHolidays(2029)).toEqual(expect.arrayContaining(['2029-09-03', '2029-09-04']));
  });
  it('computes years beyond the tables', () => {
    expect(isHoliday('2031-01-01')).toBe(true);
    expect(isHoliday('2031-04-30')).toBe(true);
    expect(isHoliday(addDays(lunarToSolar(1, 1, 2031), 1))).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday outside holidays', () => {
    expect(isWorkingDay('2026-06-15')).toBe(true);
    expect(isWorkingDay('2026-06-13')).toBe(false);
    expect(isWorkingDay('2026-06-14')).toBe(false);
    expect(isWorkingDay('2026-02-18')).toBe(false);
    expect(isWorkingDay('2026-09-02')).toBe(false);
    expect(isWorkingDay('2028-02-29')).toBe(true);
  });
  it('counts a Saturday worked instead of a weekday ("làm bù")', () => {
    expect(isWorkingDay('2026-01-10')).toBe(true);
    expect(isWorkingDay('2026-01-02')).toBe(false);
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2026-01-10', NONE)).toBe(false);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('counts strictly after the closing date', () => {
    // The 6-month window closes on Sunday 14/6/2026.
    expect(addWorkingDays('2026-06-14', 1)).toBe('2026-06-15');
    expect(addWorkingDays('2026-06-12', 1)).toBe('2026-06-15');
    expect(addWorkingDays('2026-06-15', 0)).toBe('2026-06-15');
    expect(addWorkingDays('2026-06-15', 5)).toBe('2026-06-22');
  });
  it('jumps over Tết, 30/4–1/5 and 2/9', () => {
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    expect(addWorkingDays('2024-04-26', 1)).toBe('2024-05-02');
    expect(addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    expect(addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
    expect(addWorkingDays('2024-08-30', 2)).toBe('2024-09-05');
  });
  it('crosses the new year', () => {
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    expect(addWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
  });
  it('is the inverse of workingDaysBetween', () => {
    for (const start of ['2026-02-10', '2025-12-20', '2028-02-25', '2024-04-25', '2030-01-28']) {
      for (const n of [0, 1, 2, 3, 7, 20]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n)), `${start} + ${n}`).toBe(n);
      }
    }
    expect(workingDaysBetween('2026-06-22', '2026-06-15')).toBe(-5);
    expect(workingDaysBetween('2026-06-15', '2026-06-15')).toBe(0);
  });
  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-06-14', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-06-14', 1.5)).toThrow(RangeError);
  });
});

describe('deadlineAfterClose', () => {
  it('sets the deadline after the window of a period', () => {
    const half1 = dataWindow({ kind: 'half1', year: 2026, index: 0 });
    expect(deadlineAfterClose(half1, 1)).toBe('2026-06-15');
    expect(deadlineAfterClose(half1, 2)).toBe('2026-06-16');
    // The January 2026 window closes on Wednesday 14/1.
    expect(deadlineAfterClose(dataWindow({ kind: 'month', year: 2026, index: 1 }), 2)).toBe('2026-01-16');
    // The February 2026 window closes on Saturday 14/2, in the Tết break.
    expect(deadlineAfterClose(dataWindow({ kind: 'month', year: 2026, index: 2 }), 1)).toBe('2026-02-23');
    // March 2028 starts on 15/02/2028 and closes on Tuesday 14/3.
    const march2028 = dataWindow({ kind: 'month', year: 2028, index: 3 });
    expect(march2028.start).toBe('2028-02-15');
    expect(deadlineAfterClose(march2028, 1)).toBe('2028-03-15');
  });
  it('requires at least one working day, as Nghị định 09/2019 does', () => {
    const window = { start: '2026-05-15', end: '2026-06-14' };
    expect(() => deadlineAfterClose(window, 0)).toThrow(/ít nhất 01 ngày làm việc/);
    try {
      deadlineAfterClose(window, 0.5);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields?.[0]?.path).toBe('deadlineDays');
    }
  });
});

describe('parseHolidayList', () => {
  it('reads dates, notes, comments and make-up days, replacing only the years listed', () => {
    const calendar = parseHolidayList(
      [
        '# Tết Đinh Mùi 2027, as decided',
        '2027-02-04  Tết Âm lịch',
        '2027-02-05',
        '',
        '2027-02-20 Làm bù  # Saturday',
        '2027-02-05',
      ].join('\r\n'),
    );
    expect(calendar.off[2027]).toEqual(['2027-02-04', '2027-02-05']);
    expect(calendar.makeUpDays[2027]).toEqual(['2027-02-20']);
    expect(calendar.off[2026]).toEqual(DEFAULT_CALENDAR.off[2026]);
    expect(isWorkingDay('2027-02-04', calendar)).toBe(false);
    expect(isWorkingDay('2027-02-08', calendar)).toBe(true);
    expect(isWorkingDay('2027-02-20', calendar)).toBe(true);
  });
  it('can start from no holidays at all', () => {
    const calendar = parseHolidayList('2026-03-02', NONE);
    expect(isWorkingDay('2026-03-02', calendar)).toBe(false);
    expect(Object.keys(calendar.off)).toEqual(['2026']);
  });
  it('names the line of a bad date in Vietnamese', () => {
    expect(() => parseHolidayList('2027-01-01\n2027-02-30 Tết')).toThrow(
      'Danh sách ngày nghỉ lễ không hợp lệ. Dòng 2: "2027-02-30" không phải ngày hợp lệ (dạng NNNN-TT-NN, ví dụ 2027-02-05).',
    );
    expect(() => parseHolidayList('05/02/2027')).toThrow(/Dòng 1: "05\/02\/2027"/);
  });
});
