/**
 * Public holidays and working days, for report deadlines ("at least one working day after the data
 * closes", Nghị định 09/2019, Điều 8 khoản 5).
 *
 * Holidays (Bộ luật Lao động 2019, Điều 112): Tết Dương lịch 01/01; Tết Âm lịch 5 days; Giỗ Tổ Hùng
 * Vương 10/3 âm lịch; 30/4; 01/5; Quốc khánh 02/9 and one day before or after it. A holiday on a
 * Saturday or Sunday is made up on the next working day (khoản 3). Every year the Government fixes the
 * exact days for civil servants and may swap a working day for a Saturday worked instead ("làm bù").
 * The tables below list the weekdays off for civil servants; 2024–2026 as decided, 2027–2030 as
 * expected from the law (`expectedHolidays`) until the decisions are published. Another list can be
 * supplied with `parseHolidayList` (the server reads it from HOLIDAYS_FILE).
 */
import { AppError } from './errors.js';
import { lunarToSolar } from './lunar.js';
import { addDays, type DataWindow, daysBetween, type IsoDate, isIsoDate, weekday } from './periods.js';

/**
 * Weekdays off for civil servants, by year. Sources for the decided years: the Government's yearly
 * notices (2024: Thông báo of Bộ LĐTBXH; 30/4/2024 swap by Công văn 2450/VPCP-KGVX; 2025: 30/4 swap
 * of 02/5 for 26/4; 2026: Tết Dương lịch swap by Công văn 12729/VPCP-KGVX, Tết Bính Ngọ 14/2–22/2,
 * Quốc khánh 29/8–02/9) as reported by the press. 2027–2030: `expectedHolidays`.
 */
export const DEFAULT_HOLIDAYS: Readonly<Record<number, readonly IsoDate[]>> = {
  2024: [
    '2024-01-01',
    // Tết Giáp Thìn: 08/02–14/02.
    '2024-02-08',
    '2024-02-09',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-04-18', // Giỗ Tổ Hùng Vương
    '2024-04-29', // swapped for Saturday 04/5
    '2024-04-30',
    '2024-05-01',
    '2024-09-02',
    '2024-09-03',
  ],
  2025: [
    '2025-01-01',
    // Tết Ất Tỵ: 25/01–02/02.
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07', // Giỗ Tổ Hùng Vương
    '2025-04-30',
    '2025-05-01',
    '2025-05-02', // swapped for Saturday 26/4
    '2025-09-01',
    '2025-09-02',
  ],
  2026: [
    '2026-01-01',
    '2026-01-02', // swapped for Saturday 10/01
    // Tết Bính Ngọ: 14/02–22/02.
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27', // Giỗ Tổ Hùng Vương falls on Sunday 26/4
    '2026-04-30',
    '2026-05-01',
    '2026-08-31', // Quốc khánh break 29/8–02/9
    '2026-09-01',
    '2026-09-02',
  ],
  2027: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-04-16',
    '2027-04-30',
    '2027-05-03',
    '2027-09-02',
    '2027-09-03',
  ],
  2028: [
    '2028-01-03',
    '2028-01-25',
    '2028-01-26',
    '2028-01-27',
    '2028-01-28',
    '2028-01-31',
    '2028-04-04',
    '2028-05-01',
    '2028-05-02',
    '2028-09-01',
    '2028-09-04',
  ],
  2029: [
    '2029-01-01',
    '2029-02-12',
    '2029-02-13',
    '2029-02-14',
    '2029-02-15',
    '2029-02-16',
    '2029-04-23',
    '2029-04-30',
    '2029-05-01',
    '2029-09-03',
    '2029-09-04',
  ],
  2030: [
    '2030-01-01',
    '2030-02-01',
    '2030-02-04',
    '2030-02-05',
    '2030-02-06',
    '2030-02-07',
    '2030-04-12',
    '2030-04-30',
    '2030-05-01',
    '2030-09-02',
    '2030-09-03',
  ],
};

/**
 * Saturdays worked in exchange for a weekday off ("làm bù"). The make-up day of the 2026 Quốc khánh
 * swap (31/8) was not found in the sources read: add it with HOLIDAYS_FILE when known.
 */
export const DEFAULT_MAKEUP_DAYS: Readonly<Record<number, readonly IsoDate[]>> = {
  2024: ['2024-05-04'],
  2025: ['2025-04-26'],
  2026: ['2026-01-10'],
};

/** Holidays by year; a year missing from `off` gets `expectedHolidays(year)`. */
export interface HolidayCalendar {
  off: Readonly<Record<number, readonly IsoDate[]>>;
  makeUpDays: Readonly<Record<number, readonly IsoDate[]>>;
}

export const DEFAULT_CALENDAR: HolidayCalendar = { off: DEFAULT_HOLIDAYS, makeUpDays: DEFAULT_MAKEUP_DAYS };

function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** 2/9 and its companion day, by the weekday of 2/9 (0 Sunday): as the recent decisions chose. */
const NATIONAL_DAY_COMPANION = [1, 1, -1, -1, 1, -1, -1];

/**
 * Weekdays off in `year` as the law alone gives them, before the Government's yearly decision: Tết
 * Âm lịch is the eve and the first four days of the lunar year; a holiday on a weekend moves to the
 * next free weekday. No swaps.
 */
export function expectedHolidays(year: number): IsoDate[] {
  const tet = lunarToSolar(1, 1, year);
  const national = `${year}-09-02`;
  const statutory: IsoDate[] = [
    `${year}-01-01`,
    ...[-1, 0, 1, 2, 3].map((d) => addDays(tet, d)),
    lunarToSolar(10, 3, year),
    `${year}-04-30`,
    `${year}-05-01`,
    national,
    addDays(national, NATIONAL_DAY_COMPANION[weekday(national)] ?? 1),
  ].sort();
  const off = new Set<IsoDate>();
  for (const day of statutory) {
    let date = day;
    while (isWeekend(date) || off.has(date)) date = addDays(date, 1);
    off.add(date);
  }
  return [...off].sort();
}

const expectedCache = new Map<number, readonly IsoDate[]>();

function offDays(year: number, calendar: HolidayCalendar): readonly IsoDate[] {
  const listed = calendar.off[year];
  if (listed) return listed;
  let expected = expectedCache.get(year);
  if (!expected) {
    expected = expectedHolidays(year);
    expectedCache.set(year, expected);
  }
  return expected;
}

/** A holiday (a day off that would otherwise be worked). */
export function isHoliday(date: IsoDate, calendar: HolidayCalendar = DEFAULT_CALENDAR): boolean {
  return offDays(Number(date.slice(0, 4)), calendar).includes(date);
}

/** Monday to Friday and not a holiday, or a Saturday worked in exchange ("làm bù"). */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar = DEFAULT_CALENDAR): boolean {
  if (calendar.makeUpDays[Number(date.slice(0, 4))]?.includes(date)) return true;
  return !isWeekend(date) && !isHoliday(date, calendar);
}

/**
 * The `n`-th working day strictly after `date` (n ≥ 1); n = 0 gives `date` itself. Data closing on
 * Sunday 14/6/2026 plus 1 working day gives Monday 15/6/2026.
 */
export function addWorkingDays(
  date: IsoDate,
  n: number,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): IsoDate {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let current = date;
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

/**
 * Working days in the range after `from` up to and including `to` (so the count of `addWorkingDays`:
 * workingDaysBetween(d, addWorkingDays(d, n)) = n); negative when `to` is before `from`.
 */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  const days = daysBetween(from, to);
  for (let i = 1; i <= days; i += 1) if (isWorkingDay(addDays(from, i), calendar)) count += 1;
  return count;
}

/**
 * The deadline of a report: `n` working days after its data window closes. Nghị định 09/2019
 * (Điều 8 khoản 5) requires at least one working day between the closing and the deadline.
 */
export function deadlineAfterClose(
  window: DataWindow,
  n: number,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): IsoDate {
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError(
      'VALIDATION',
      'Thời hạn gửi báo cáo phải cách ngày chốt số liệu ít nhất 01 ngày làm việc (Nghị định 09/2019/NĐ-CP).',
      [{ path: 'deadlineDays', message: 'Số ngày làm việc phải là số nguyên từ 1 trở lên.' }],
    );
  }
  return addWorkingDays(window.end, n, calendar);
}

const MAKE_UP_NOTE = /^(làm bù|lam bu)(?=\s|$)/iu;

/**
 * Reads a holiday list: one ISO date per line, optionally followed by a note; "# …" is a comment.
 * A note starting with "làm bù" marks a Saturday or Sunday worked instead of a weekday:
 *
 *     # Tết Đinh Mùi 2027
 *     2027-02-05  Tết Âm lịch
 *     2027-02-20  làm bù
 *
 * Each year present in the list replaces that year of `base` entirely; other years keep `base`.
 */
export function parseHolidayList(text: string, base: HolidayCalendar = DEFAULT_CALENDAR): HolidayCalendar {
  const off: Record<number, IsoDate[]> = {};
  const makeUp: Record<number, IsoDate[]> = {};
  const lines = text.normalize('NFC').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [date = '', ...rest] = line.split(/\s+/);
    if (!isIsoDate(date as unknown)) {
      const message = `Dòng ${i + 1}: "${date.slice(0, 40)}" không phải ngày hợp lệ (dạng NNNN-TT-NN, ví dụ 2027-02-05).`;
      throw new AppError('VALIDATION', `Danh sách ngày nghỉ lễ không hợp lệ. ${message}`, [
        { path: `line.${i + 1}`, message },
      ]);
    }
    const year = Number(date.slice(0, 4));
    off[year] ??= [];
    makeUp[year] ??= [];
    (MAKE_UP_NOTE.test(rest.join(' ')) ? makeUp[year] : off[year]).push(date);
  });
  return {
    off: { ...base.off, ...sortLists(off) },
    makeUpDays: { ...base.makeUpDays, ...sortLists(makeUp) },
  };
}

function sortLists(lists: Record<number, IsoDate[]>): Record<number, IsoDate[]> {
  return Object.fromEntries(Object.entries(lists).map(([y, dates]) => [y, [...new Set(dates)].sort()]));
}
