import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  addDays,
  checkPeriod,
  customPeriod,
  dataWindow,
  daysBetween,
  formatDateShort,
  formatDateVn,
  futurePeriodMessage,
  isFuturePeriod,
  isIsoDate,
  nextPeriod,
  nextPeriodLabel,
  type Period,
  type PeriodInput,
  type PeriodKind,
  parsePeriodKey,
  periodFromInput,
  periodKey,
  periodLabel,
  periodsContaining,
  previousPeriod,
  samePeriodLastYear,
  todayInVietnam,
  weekday,
  weekPeriod,
  windowFor,
  windowIssue,
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

describe('dates as documents write them', () => {
  it('pads the day, and the month only for January and February', () => {
    expect(formatDateVn('2025-04-03')).toBe('03/4/2025');
    expect(formatDateVn('2026-01-01')).toBe('01/01/2026');
    expect(formatDateVn('2026-02-28')).toBe('28/02/2026');
    expect(formatDateVn('2026-12-31')).toBe('31/12/2026');
    expect(formatDateVn('2025-03-28', false)).toBe('28/3');
  });
  it('recognises real dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });
  it('adds days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2025-12-29', 6)).toBe('2026-01-04');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(weekday('2025-03-28')).toBe(5);
    expect(weekday('2026-06-14')).toBe(0);
  });
});

describe('weeks and custom ranges', () => {
  it('makes a week of 7 days from its first day, in the year of its last day', () => {
    const week = weekPeriod('2025-12-29');
    expect(week).toEqual({ kind: 'week', year: 2026, index: 0, start: '2025-12-29', end: '2026-01-04' });
    expect(dataWindow(week)).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(dataWindow({ kind: 'week', year: 2025, index: 0, start: '2025-03-28' }).end).toBe('2025-04-03');
  });
  it('labels weeks as the Sở Ngoại vụ does, with the year on both ends only across a new year', () => {
    expect(periodLabel(weekPeriod('2025-03-28'))).toBe('tuần từ ngày 28/3 đến ngày 03/4/2025');
    expect(periodLabel(weekPeriod('2025-12-29'))).toBe('tuần từ ngày 29/12/2025 đến ngày 04/01/2026');
    expect(periodLabel(weekPeriod('2028-02-26'))).toBe('tuần từ ngày 26/02 đến ngày 03/3/2028');
  });
  it('labels custom ranges with both dates in full', () => {
    expect(periodLabel(customPeriod('2026-01-01', '2026-03-31'))).toBe(
      'từ ngày 01/01/2026 đến ngày 31/3/2026',
    );
  });
  it('labels every fixed kind', () => {
    expect(periodLabel({ kind: 'half2', year: 2026, index: 0 })).toBe('6 tháng cuối năm 2026');
    expect(periodLabel({ kind: 'month', year: 2026, index: 3 })).toBe('tháng 3 năm 2026');
    expect(periodLabel({ kind: 'nine_months', year: 2026, index: 0 })).toBe('9 tháng năm 2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, index: 4 })).toBe('Quý IV năm 2026');
  });
});

describe('checkPeriod and periodFromInput', () => {
  const messages = (input: PeriodInput) => {
    const r = checkPeriod(input);
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };
  it('accepts and normalises good input', () => {
    expect(periodFromInput({ kind: 'half1', year: 2026, index: 5 })).toEqual({
      kind: 'half1',
      year: 2026,
      index: 0,
    });
    expect(periodFromInput({ kind: 'month', year: 2026, index: 12 })).toEqual({
      kind: 'month',
      year: 2026,
      index: 12,
    });
    expect(periodFromInput({ kind: 'week', year: 1999, start: '2025-03-28' })).toEqual(
      weekPeriod('2025-03-28'),
    );
    expect(periodFromInput({ kind: 'custom', start: '2028-01-01', end: '2028-12-31' }).year).toBe(2028);
  });
  it('names the field in Vietnamese for each mistake', () => {
    expect(messages({ kind: 'fortnight', year: 2026 })[0]).toMatch(
      /^period\.kind: Loại kỳ báo cáo không hợp lệ/,
    );
    expect(messages({ kind: 'month', year: 2026, index: 13 })).toEqual([
      'period.index: Tháng phải là số từ 1 đến 12.',
    ]);
    expect(messages({ kind: 'month', year: 2026, index: 2.5 })).toHaveLength(1);
    expect(messages({ kind: 'quarter', year: 2026, index: 0 })).toEqual([
      'period.index: Quý phải là số từ 1 đến 4.',
    ]);
    expect(messages({ kind: 'year', year: '2026' })[0]).toMatch(
      /^period\.year: Năm phải là số nguyên từ 2000/,
    );
    expect(messages({ kind: 'year', year: 1999 })).toHaveLength(1);
    expect(messages({ kind: 'week' })[0]).toMatch(/^period\.start: Kỳ báo cáo tuần cần ngày đầu tuần/);
    expect(messages({ kind: 'week', start: '2025-03-28', end: '2025-04-04' })).toEqual([
      'period.end: Một tuần gồm 7 ngày: ngày cuối tuần phải là 03/4/2025.',
    ]);
    expect(messages({ kind: 'custom', start: '2026-03-31', end: '2026-01-01' })).toEqual([
      'period.end: Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.',
    ]);
    expect(messages({ kind: 'custom', start: '2026-02-30', end: 'hôm nay' })).toHaveLength(2);
  });
  it('limits a custom range to one year, leap years included', () => {
    expect(checkPeriod({ kind: 'custom', start: '2027-12-15', end: '2028-12-14' }).ok).toBe(true);
    expect(messages({ kind: 'custom', start: '2026-01-01', end: '2027-01-02' })[0]).toMatch(
      /tối đa 366 ngày/,
    );
    expect(checkPeriod({ kind: 'custom', start: '2026-05-05', end: '2026-05-05' }).ok).toBe(true);
  });
  it('throws a VALIDATION AppError carrying the fields', () => {
    try {
      periodFromInput({ kind: 'quarter', year: 2026, index: 7 }, 'ky');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
      expect((error as AppError).fields).toEqual([
        { path: 'ky.index', message: 'Quý phải là số từ 1 đến 4.' },
      ]);
    }
  });
});

describe('windowFor', () => {
  const half1 = { kind: 'half1', year: 2026, index: 0 } as const;
  it('gives the ND 09 window without override and the override when valid', () => {
    expect(windowFor(half1)).toEqual(dataWindow(half1));
    expect(windowFor(half1, { start: '2026-01-01', end: '2026-06-10' })).toEqual({
      start: '2026-01-01',
      end: '2026-06-10',
    });
  });
  it('refuses an override that ends before it starts, or is not a date', () => {
    expect(() => windowFor(half1, { start: '2026-06-10', end: '2026-01-01' })).toThrow(
      'Thời gian chốt số liệu: ngày kết thúc phải sau hoặc trùng ngày bắt đầu.',
    );
    expect(windowIssue({ start: '2026-01-01', end: '2026-02-31' })?.path).toBe('window.end');
  });
  it('starts the March 2028 window on 15/02 and the March 2027 one on 15/02 too', () => {
    expect(windowFor({ kind: 'month', year: 2028, index: 3 })).toEqual({
      start: '2028-02-15',
      end: '2028-03-14',
    });
    expect(daysBetween('2028-02-15', '2028-03-14')).toBe(28);
    expect(daysBetween('2027-02-15', '2027-03-14')).toBe(27);
  });
});

describe('periodKey and parsePeriodKey', () => {
  const samples: Period[] = [
    { kind: 'month', year: 2026, index: 3 },
    { kind: 'month', year: 2026, index: 12 },
    { kind: 'quarter', year: 2026, index: 1 },
    { kind: 'half1', year: 2026, index: 0 },
    { kind: 'half2', year: 2026, index: 0 },
    { kind: 'nine_months', year: 2026, index: 0 },
    { kind: 'year', year: 2025, index: 0 },
    weekPeriod('2025-03-28'),
    weekPeriod('2025-12-29'),
    customPeriod('2026-01-01', '2026-03-31'),
  ];
  it('writes the documented keys', () => {
    expect(samples.map(periodKey)).toEqual([
      'month-2026-03',
      'month-2026-12',
      'quarter-2026-1',
      'half1-2026',
      'half2-2026',
      'nine_months-2026',
      'year-2025',
      'week-2025-03-28',
      'week-2025-12-29',
      'custom-2026-01-01-2026-03-31',
    ]);
  });
  it('reads back every key it writes', () => {
    for (const period of samples) expect(parsePeriodKey(periodKey(period))).toEqual(period);
  });
  it('refuses bad keys with a Vietnamese message', () => {
    for (const key of [
      '',
      'month-2026-13',
      'month-2026-3',
      'quarter-2026-5',
      'week-2026-02-30',
      'half3-2026',
      'year-1999',
      'custom-2026-03-31-2026-01-01',
      'year-2026; drop',
    ]) {
      expect(() => parsePeriodKey(key), key).toThrow(/^Mã kỳ báo cáo ".*" không hợp lệ/);
    }
    expect(() => parsePeriodKey('month-2026-13')).toThrow(/Tháng phải là số từ 1 đến 12/);
  });
});

describe('previous, next and same period last year', () => {
  const p = (kind: PeriodKind, year: number, index = 0): Period => ({ kind, year, index });
  it('steps back across year boundaries', () => {
    expect(previousPeriod(p('month', 2026, 1))).toEqual(p('month', 2025, 12));
    expect(previousPeriod(p('month', 2026, 7))).toEqual(p('month', 2026, 6));
    expect(previousPeriod(p('quarter', 2026, 1))).toEqual(p('quarter', 2025, 4));
    expect(previousPeriod(p('half1', 2026))).toEqual(p('half2', 2025));
    expect(previousPeriod(p('half2', 2026))).toEqual(p('half1', 2026));
    expect(previousPeriod(p('nine_months', 2026))).toEqual(p('nine_months', 2025));
    expect(previousPeriod(p('year', 2026))).toEqual(p('year', 2025));
    expect(previousPeriod(weekPeriod('2026-01-02'))).toEqual(weekPeriod('2025-12-26'));
    expect(previousPeriod(customPeriod('2028-03-01', '2028-03-31'))).toEqual(
      customPeriod('2028-01-30', '2028-02-29'),
    );
  });
  it('steps forward, and next is the inverse of previous for kinds that chain', () => {
    expect(nextPeriod(p('month', 2026, 12))).toEqual(p('month', 2027, 1));
    expect(nextPeriod(p('quarter', 2026, 4))).toEqual(p('quarter', 2027, 1));
    expect(nextPeriod(p('half2', 2026))).toEqual(p('half1', 2027));
    expect(nextPeriod(p('nine_months', 2026))).toEqual(p('quarter', 2026, 4));
    const chained = [
      p('month', 2028, 2),
      p('quarter', 2026, 1),
      p('half1', 2026),
      p('half2', 2026),
      p('year', 2026),
      weekPeriod('2025-12-29'),
      customPeriod('2026-01-01', '2026-03-31'),
    ];
    for (const period of chained) expect(previousPeriod(nextPeriod(period))).toEqual(period);
  });
  it('keeps windows adjacent: the next window opens the day after this one closes', () => {
    for (const period of [
      p('month', 2026, 12),
      p('quarter', 2026, 2),
      p('half1', 2026),
      p('half2', 2026),
      weekPeriod('2028-02-25'),
      customPeriod('2028-02-01', '2028-02-29'),
    ]) {
      expect(dataWindow(nextPeriod(period)).start).toBe(addDays(dataWindow(period).end, 1));
    }
  });
  it('finds the same period last year', () => {
    expect(samePeriodLastYear(p('quarter', 2026, 2))).toEqual(p('quarter', 2025, 2));
    expect(samePeriodLastYear(p('half1', 2026))).toEqual(p('half1', 2025));
    const week = samePeriodLastYear(weekPeriod('2025-03-28'));
    expect(week).toEqual(weekPeriod('2024-03-29'));
    expect(weekday(week.start ?? '')).toBe(weekday('2025-03-28'));
    expect(samePeriodLastYear(customPeriod('2028-02-01', '2028-02-29'))).toEqual(
      customPeriod('2027-02-01', '2027-02-28'),
    );
  });
  it('names the period of the "phương hướng" part', () => {
    expect(nextPeriodLabel(p('half1', 2026))).toBe('6 tháng cuối năm 2026');
    expect(nextPeriodLabel(p('half2', 2026))).toBe('năm 2027');
    expect(nextPeriodLabel(p('year', 2025))).toBe('năm 2026');
    expect(nextPeriodLabel(p('nine_months', 2026))).toBe('3 tháng cuối năm 2026');
    expect(nextPeriodLabel(p('quarter', 2026, 4))).toBe('Quý I năm 2027');
    expect(nextPeriodLabel(p('month', 2026, 12))).toBe('tháng 1 năm 2027');
    expect(nextPeriodLabel(weekPeriod('2025-03-28'))).toBe('tuần tới');
    expect(nextPeriodLabel(customPeriod('2026-01-01', '2026-01-31'))).toBe('thời gian tới');
  });
});

describe('future periods', () => {
  it('refuses a period whose window has not started, accepts one in progress', () => {
    const half2 = { kind: 'half2', year: 2026, index: 0 } as const;
    expect(isFuturePeriod(half2, '2026-06-14')).toBe(true);
    expect(isFuturePeriod(half2, '2026-06-15')).toBe(false);
    // The Lạc Phượng 6-month report is dated 12/6/2026, before its window closes on 14/6.
    expect(isFuturePeriod({ kind: 'half1', year: 2026, index: 0 }, '2026-06-12')).toBe(false);
    // From 15 December the next year's annual window is open.
    expect(isFuturePeriod({ kind: 'year', year: 2027, index: 0 }, '2026-12-15')).toBe(false);
    expect(futurePeriodMessage(half2, '2026-06-01')).toBe(
      'Kỳ báo cáo 6 tháng cuối năm 2026 chưa bắt đầu: số liệu được tính từ ngày 15/6/2026. Chưa thể lập báo cáo cho kỳ này.',
    );
    expect(futurePeriodMessage(half2, '2026-07-01')).toBeNull();
  });
});
