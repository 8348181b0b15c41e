/**
 * Reporting periods and their data windows under Nghị định 09/2019/NĐ-CP, Điều 12.
 * Dates are ISO calendar dates ("2026-06-14") in Vietnam's calendar: no time, no time zone.
 */

import { AppError } from './errors.js';

export type IsoDate = string;

export const PERIOD_KINDS = [
  'week',
  'month',
  'quarter',
  'half1',
  'half2',
  'nine_months',
  'year',
  'custom',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** The year the period belongs to (for a week or a custom range: the year of its last day). */
  year: number;
  /** Month 1–12 for `month`, quarter 1–4 for `quarter`, 0 otherwise. */
  index: number;
  /** First and last day, only for `week` (7 days) and `custom`: the period is the range itself. */
  start?: IsoDate;
  end?: IsoDate;
}

export interface DataWindow {
  start: IsoDate;
  end: IsoDate;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The 15th of the month before `month` of `year` (December of the previous year for January). */
function fifteenthBefore(year: number, month: number): IsoDate {
  return month === 1 ? iso(year - 1, 12, 15) : iso(year, month - 1, 15);
}

/** The data window of a period (Nghị định 09/2019, Điều 12; 9 months as provinces add it). */
export function dataWindow(period: Period): DataWindow {
  const { year, index } = period;
  switch (period.kind) {
    case 'month':
      return { start: fifteenthBefore(year, index), end: iso(year, index, 14) };
    case 'quarter': {
      const firstMonth = (index - 1) * 3 + 1;
      return { start: fifteenthBefore(year, firstMonth), end: iso(year, firstMonth + 2, 14) };
    }
    case 'half1':
      return { start: iso(year - 1, 12, 15), end: iso(year, 6, 14) };
    case 'half2':
      return { start: iso(year, 6, 15), end: iso(year, 12, 14) };
    case 'nine_months':
      return { start: iso(year - 1, 12, 15), end: iso(year, 9, 14) };
    case 'year':
      return { start: iso(year - 1, 12, 15), end: iso(year, 12, 14) };
    case 'week': {
      const start = period.start ?? '';
      return { start, end: period.end ?? (start ? addDays(start, 6) : '') };
    }
    case 'custom':
      return { start: period.start ?? '', end: period.end ?? '' };
  }
}

/**
 * The Vietnamese name of a period as reports write it: "6 tháng đầu năm 2026", "Quý II năm 2026",
 * "tuần từ ngày 28/3 đến ngày 03/4/2025", "từ ngày 01/01/2026 đến ngày 31/3/2026".
 */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `tháng ${period.index} năm ${period.year}`;
    case 'quarter':
      return `Quý ${ROMAN[period.index - 1]} năm ${period.year}`;
    case 'half1':
      return `6 tháng đầu năm ${period.year}`;
    case 'half2':
      return `6 tháng cuối năm ${period.year}`;
    case 'nine_months':
      return `9 tháng năm ${period.year}`;
    case 'year':
      return `năm ${period.year}`;
    case 'week': {
      const { start, end } = dataWindow(period);
      const sameYear = start.slice(0, 4) === end.slice(0, 4);
      return `tuần từ ngày ${formatDateVn(start, !sameYear)} đến ngày ${formatDateVn(end)}`;
    }
    case 'custom':
      return `từ ngày ${formatDateVn(period.start ?? '')} đến ngày ${formatDateVn(period.end ?? '')}`;
  }
}

/**
 * The period of each kind whose data window contains `date`. A window that opens on 15 December
 * belongs to the next year: on 20/12/2026 the current year window is that of 2027.
 */
export function periodsContaining(date: IsoDate): Period[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // The "reporting month" of a date: from the 15th on, data counts toward the next month.
  let year = y;
  let month = m;
  if (d >= 15) {
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  const quarter = Math.ceil(month / 3);
  const periods: Period[] = [
    { kind: 'month', year, index: month },
    { kind: 'quarter', year, index: quarter },
    { kind: month <= 6 ? 'half1' : 'half2', year, index: 0 },
  ];
  if (month <= 9) periods.push({ kind: 'nine_months', year, index: 0 });
  periods.push({ kind: 'year', year, index: 0 });
  return periods;
}

/** "2026-06-14" → "14/06/2026", the short form used in tables and prose. */
export function formatDateShort(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Today's date in Vietnam (UTC+7, no daylight saving). */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** True for a real calendar date written "YYYY-MM-DD" (no 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(value);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Day of the week: 0 Sunday, 1 Monday … 6 Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * A date as Vietnamese documents write it in short form: the day on two digits, the month on two
 * digits only for January and February (Nghị định 30/2020): "03/4/2025", "01/01/2026", "31/3/2026".
 * Without the year: "28/3".
 */
export function formatDateVn(date: IsoDate, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return withYear ? `${day}/${month}/${y}` : `${day}/${month}`;
}

// ---------------------------------------------------------------------------------------------
// Building and checking periods from input

/** Years a period may belong to (as the report JSON schema accepts). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Longest custom range, in days (one year, leap years included). */
export const MAX_CUSTOM_DAYS = 366;

/** Vietnamese names of the kinds, for forms and messages. */
export const PERIOD_KIND_NAMES: Record<PeriodKind, string> = {
  week: 'tuần',
  month: 'tháng',
  quarter: 'quý',
  half1: '6 tháng đầu năm',
  half2: '6 tháng cuối năm',
  nine_months: '9 tháng',
  year: 'năm',
  custom: 'khoảng thời gian tùy chọn',
};

/** A period as it arrives from a form, a file or a URL: nothing trusted yet. */
export interface PeriodInput {
  kind?: unknown;
  year?: unknown;
  index?: unknown;
  start?: unknown;
  end?: unknown;
}

/** A problem with one field of a period (`path` is "period.start" etc. with the default prefix). */
export interface PeriodIssue {
  path: string;
  message: string;
}

export type PeriodCheck = { ok: true; period: Period } | { ok: false; issues: PeriodIssue[] };

const DATE_HINT = 'dạng NNNN-TT-NN, ví dụ 2026-03-28';

function isKind(value: unknown): value is PeriodKind {
  return typeof value === 'string' && (PERIOD_KINDS as readonly string[]).includes(value);
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A week from its first day: 7 days, any weekday (the Sở Ngoại vụ's weeks run Friday to Thursday). */
export function weekPeriod(start: IsoDate): Period {
  const end = addDays(start, 6);
  return { kind: 'week', year: yearOf(end), index: 0, start, end };
}

/** A custom range, unchecked (use `checkPeriod` for input). */
export function customPeriod(start: IsoDate, end: IsoDate): Period {
  return { kind: 'custom', year: yearOf(end), index: 0, start, end };
}

function checkRange(start: unknown, end: unknown, issue: (field: string, message: string) => void): void {
  if (!isIsoDate(start)) issue('start', `Ngày bắt đầu không hợp lệ (${DATE_HINT}).`);
  if (!isIsoDate(end)) issue('end', `Ngày kết thúc không hợp lệ (${DATE_HINT}).`);
  if (!isIsoDate(start) || !isIsoDate(end)) return;
  if (start > end) {
    issue('end', 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.');
  } else if (daysBetween(start, end) + 1 > MAX_CUSTOM_DAYS) {
    issue('end', `Khoảng thời gian dài tối đa ${MAX_CUSTOM_DAYS} ngày (1 năm).`);
  } else if (yearOf(start) < MIN_YEAR || yearOf(end) > MAX_YEAR) {
    issue('start', `Ngày phải nằm trong các năm ${MIN_YEAR}–${MAX_YEAR}.`);
  }
}

function checkYearIndex(kind: PeriodKind, input: PeriodInput, issue: (f: string, m: string) => void): void {
  const { year, index } = input;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    issue('year', `Năm phải là số nguyên từ ${MIN_YEAR} đến ${MAX_YEAR}.`);
  }
  if (kind === 'month' && !(Number.isInteger(index) && (index as number) >= 1 && (index as number) <= 12)) {
    issue('index', 'Tháng phải là số từ 1 đến 12.');
  }
  if (kind === 'quarter' && !(Number.isInteger(index) && (index as number) >= 1 && (index as number) <= 4)) {
    issue('index', 'Quý phải là số từ 1 đến 4.');
  }
}

/**
 * Checks a period from input and normalises it: `index` is 0 for kinds without one; a week is given
 * by its first day (an `end` given must be 6 days later); a custom range by both ends, at most one
 * year; for both, `year` is the year of the last day (a `year` given is ignored).
 */
export function checkPeriod(input: PeriodInput, prefix = 'period'): PeriodCheck {
  const issues: PeriodIssue[] = [];
  const issue = (field: string, message: string) =>
    issues.push({ path: prefix ? `${prefix}.${field}` : field, message });
  const { kind } = input;
  if (!isKind(kind)) {
    issue('kind', 'Loại kỳ báo cáo không hợp lệ (tuần, tháng, quý, 6 tháng, 9 tháng, năm hoặc tùy chọn).');
    return { ok: false, issues };
  }
  if (kind === 'week') {
    if (!isIsoDate(input.start)) {
      issue('start', `Kỳ báo cáo tuần cần ngày đầu tuần hợp lệ (${DATE_HINT}).`);
    } else if (input.end !== undefined && input.end !== addDays(input.start, 6)) {
      issue('end', `Một tuần gồm 7 ngày: ngày cuối tuần phải là ${formatDateVn(addDays(input.start, 6))}.`);
    } else {
      checkRange(input.start, addDays(input.start, 6), issue);
    }
    return issues.length ? { ok: false, issues } : { ok: true, period: weekPeriod(input.start as IsoDate) };
  }
  if (kind === 'custom') {
    checkRange(input.start, input.end, issue);
    return issues.length
      ? { ok: false, issues }
      : { ok: true, period: customPeriod(input.start as IsoDate, input.end as IsoDate) };
  }
  checkYearIndex(kind, input, issue);
  if (issues.length) return { ok: false, issues };
  const index = kind === 'month' || kind === 'quarter' ? (input.index as number) : 0;
  return { ok: true, period: { kind, year: input.year as number, index } };
}

/** `checkPeriod`, throwing a VALIDATION error whose fields carry the Vietnamese messages. */
export function periodFromInput(input: PeriodInput, prefix = 'period'): Period {
  const result = checkPeriod(input, prefix);
  if (result.ok) return result.period;
  throw new AppError('VALIDATION', result.issues[0]?.message, result.issues);
}

/** Problem with a data window override (start after end, not real dates), or null when fine. */
export function windowIssue(window: { start?: unknown; end?: unknown }): PeriodIssue | null {
  let found: PeriodIssue | null = null;
  checkRange(window.start, window.end, (field, message) => {
    found ??= { path: `window.${field}`, message };
  });
  return found;
}

/** The data window of a report: its own override when given (checked), otherwise the period's. */
export function windowFor(period: Period, override?: DataWindow | null): DataWindow {
  if (!override) return dataWindow(period);
  const issue = windowIssue(override);
  if (issue)
    throw new AppError('VALIDATION', `Thời gian chốt số liệu: ${lowerFirst(issue.message)}`, [issue]);
  return { start: override.start, end: override.end };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Keys: a period as one string, for URLs, file names and database lookups

/**
 * "month-2026-03", "quarter-2026-1", "half1-2026", "half2-2026", "nine_months-2026", "year-2026",
 * "week-2025-03-28" (its first day), "custom-2026-01-01-2026-03-31".
 */
export function periodKey(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `month-${period.year}-${String(period.index).padStart(2, '0')}`;
    case 'quarter':
      return `quarter-${period.year}-${period.index}`;
    case 'week':
      return `week-${period.start}`;
    case 'custom':
      return `custom-${period.start}-${period.end}`;
    default:
      return `${period.kind}-${period.year}`;
  }
}

const KEY_PATTERN =
  /^(?:(month)-(\d{4})-(\d{2})|(quarter)-(\d{4})-(\d)|(half1|half2|nine_months|year)-(\d{4})|(week)-(\d{4}-\d{2}-\d{2})|(custom)-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2}))$/;

function inputFromKey(key: string): PeriodInput | null {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  if (m[1]) return { kind: 'month', year: Number(m[2]), index: Number(m[3]) };
  if (m[4]) return { kind: 'quarter', year: Number(m[5]), index: Number(m[6]) };
  if (m[7]) return { kind: m[7], year: Number(m[8]) };
  if (m[9]) return { kind: 'week', start: m[10] };
  return { kind: 'custom', start: m[12], end: m[13] };
}

/** The inverse of `periodKey`; a VALIDATION error in Vietnamese for a key that names no period. */
export function parsePeriodKey(key: string): Period {
  const input = inputFromKey(key);
  const result = input ? checkPeriod(input) : null;
  if (result?.ok) return result.period;
  const why = result && !result.ok ? ` ${result.issues.map((i) => i.message).join(' ')}` : '';
  const message =
    `Mã kỳ báo cáo "${key.slice(0, 60)}" không hợp lệ.${why} Ví dụ mã đúng: month-2026-03, ` +
    'quarter-2026-1, half1-2026, nine_months-2026, year-2026, week-2025-03-28, custom-2026-01-01-2026-03-31.';
  throw new AppError('VALIDATION', message, [{ path: 'period', message }]);
}

// ---------------------------------------------------------------------------------------------
// Neighbouring periods

function shiftYear(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29/02 becomes 28/02 in a common year.
  const day = m === 2 && d === 29 && !isIsoDate(iso(y + years, 2, 29)) ? 28 : d;
  return iso(y + years, m, day);
}

/**
 * The period just before, to compare with ("so với kỳ trước"): the previous month, quarter or week;
 * 6 tháng đầu năm → 6 tháng cuối năm of the year before and back; 9 months and a year → the same
 * period of the year before (no shorter comparable period precedes them); a custom range → a range
 * of the same length ending the day before it starts.
 */
export function previousPeriod(period: Period): Period {
  const { kind, year, index } = period;
  switch (kind) {
    case 'month':
      return index === 1 ? { kind, year: year - 1, index: 12 } : { kind, year, index: index - 1 };
    case 'quarter':
      return index === 1 ? { kind, year: year - 1, index: 4 } : { kind, year, index: index - 1 };
    case 'half1':
      return { kind: 'half2', year: year - 1, index: 0 };
    case 'half2':
      return { kind: 'half1', year, index: 0 };
    case 'nine_months':
    case 'year':
      return { kind, year: year - 1, index: 0 };
    case 'week':
      return weekPeriod(addDays(dataWindow(period).start, -7));
    case 'custom': {
      const { start, end } = dataWindow(period);
      const length = daysBetween(start, end) + 1;
      return customPeriod(addDays(start, -length), addDays(start, -1));
    }
  }
}

/**
 * The period just after, the one "phương hướng, nhiệm vụ" plans for: next month, quarter or week;
 * 6 tháng đầu năm → 6 tháng cuối năm and on to the next year; 9 months → the fourth quarter (the
 * "3 tháng cuối năm"); a year → the next year; a custom range → the same length right after it.
 */
export function nextPeriod(period: Period): Period {
  const { kind, year, index } = period;
  switch (kind) {
    case 'month':
      return index === 12 ? { kind, year: year + 1, index: 1 } : { kind, year, index: index + 1 };
    case 'quarter':
      return index === 4 ? { kind, year: year + 1, index: 1 } : { kind, year, index: index + 1 };
    case 'half1':
      return { kind: 'half2', year, index: 0 };
    case 'half2':
      return { kind: 'half1', year: year + 1, index: 0 };
    case 'nine_months':
      return { kind: 'quarter', year, index: 4 };
    case 'year':
      return { kind, year: year + 1, index: 0 };
    case 'week':
      return weekPeriod(addDays(dataWindow(period).start, 7));
    case 'custom': {
      const { start, end } = dataWindow(period);
      const length = daysBetween(start, end) + 1;
      return customPeriod(addDays(end, 1), addDays(end, length));
    }
  }
}

/**
 * The same period one year earlier ("so với cùng kỳ năm trước"). A week → the week 52 weeks
 * earlier (same weekdays); a custom range → the same calendar dates (29/02 → 28/02).
 */
export function samePeriodLastYear(period: Period): Period {
  switch (period.kind) {
    case 'week':
      return weekPeriod(addDays(dataWindow(period).start, -364));
    case 'custom':
      return customPeriod(shiftYear(period.start ?? '', -1), shiftYear(period.end ?? '', -1));
    default:
      return { ...period, year: period.year - 1 };
  }
}

/**
 * How a report names the period its "phương hướng, nhiệm vụ" covers: "6 tháng cuối năm 2026",
 * "năm 2027", "3 tháng cuối năm 2026" (after 9 months), "tuần tới" (weekly reports, as the Sở
 * Ngoại vụ writes it), "thời gian tới" (custom ranges).
 */
export function nextPeriodLabel(period: Period): string {
  switch (period.kind) {
    case 'nine_months':
      return `3 tháng cuối năm ${period.year}`;
    case 'half2':
      // The report of the last 6 months looks ahead to the whole next year, as reports write it.
      return `năm ${period.year + 1}`;
    case 'week':
      return 'tuần tới';
    case 'custom':
      return 'thời gian tới';
    default:
      return periodLabel(nextPeriod(period));
  }
}

/** True when the period's data window starts after `today`: nothing can be reported for it yet. */
export function isFuturePeriod(period: Period, today: IsoDate, override?: DataWindow | null): boolean {
  return windowFor(period, override).start > today;
}

/** Vietnamese message refusing a report for a period that has not started, or null. */
export function futurePeriodMessage(
  period: Period,
  today: IsoDate,
  override?: DataWindow | null,
): string | null {
  if (!isFuturePeriod(period, today, override)) return null;
  const { start } = windowFor(period, override);
  return (
    `Kỳ báo cáo ${periodLabel(period)} chưa bắt đầu: số liệu được tính từ ngày ${formatDateVn(start)}. ` +
    'Chưa thể lập báo cáo cho kỳ này.'
  );
}
