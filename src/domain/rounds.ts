/**
 * Reporting rounds (đợt báo cáo): the regime of Nghị định 09/2019 as an object. Pure rules: the
 * deadline in working days after the data window closes, the citation of the letter a round answers,
 * the next period of a recurring round, countdowns and default names. Storage is in db/rounds.ts.
 */

import { shortDate } from './document-format.js';
import { AppError } from './errors.js';
import { DEFAULT_CALENDAR, deadlineAfterClose, type HolidayCalendar } from './holidays.js';
import { PROVINCE_REPORT_CODE } from './outlines/builtin/province-report.js';
import {
  type DataWindow,
  daysBetween,
  formatDateVn,
  type IsoDate,
  nextPeriod,
  type Period,
  periodLabel,
} from './periods.js';

export const ROUND_FREQUENCIES = ['once', 'month', 'quarter', 'half', 'nine_months', 'year'] as const;
export type RoundFrequency = (typeof ROUND_FREQUENCIES)[number];

export const ROUND_FREQUENCY_LABELS: Record<RoundFrequency, string> = {
  once: 'Một lần',
  month: 'Hằng tháng',
  quarter: 'Hằng quý',
  half: '6 tháng một lần',
  nine_months: '9 tháng, hằng năm',
  year: 'Hằng năm',
};

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = { open: 'Đang mở', closed: 'Đã đóng' };

/**
 * The outline of the ministry's rounds to the provinces: the UBND tỉnh's report to the Bộ Ngoại
 * giao (builtin/province-report.ts). A province answers with its consolidated report, which is
 * written on it and carries the communes' indicator codes.
 */
export const NATIONAL_ROUND_OUTLINE_CODE = PROVINCE_REPORT_CODE;

/** The most working days a deadline may lie after the data window closes (a sanity cap). */
export const MAX_DEADLINE_DAYS = 60;

/** The letter a round answers (a request from above) or is announced by (the province's own). */
export interface RoundLetter {
  /** "5930/UBND-NgV". */
  number: string;
  date: IsoDate;
  /** "Chủ tịch UBND tỉnh Bắc Ninh". */
  issuer: string;
  kind: 'answers' | 'announced';
}

/** "Công văn số 5930/UBND-NgV ngày 09/6/2026 của Chủ tịch UBND tỉnh Bắc Ninh". */
export function letterCitation(letter: Pick<RoundLetter, 'number' | 'date' | 'issuer'>): string {
  const number = letter.number.trim();
  const issuer = letter.issuer.trim();
  return `Công văn số ${number} ngày ${shortDate(letter.date)}${issuer ? ` của ${issuer}` : ''}`;
}

function deadlineError(message: string, field = 'deadlineDays'): AppError {
  return new AppError('VALIDATION', message, [{ path: field, message }]);
}

/**
 * The deadline of a round: `days` working days after the data window closes (at least one, Nghị
 * định 09/2019 Điều 8 khoản 5). A refusal names the field in Vietnamese.
 */
export function roundDeadline(
  window: DataWindow,
  days: number,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): IsoDate {
  if (!Number.isInteger(days) || days < 1) {
    throw deadlineError(
      'Thời hạn gửi báo cáo phải sau ngày chốt số liệu ít nhất 01 ngày làm việc (Nghị định 09/2019/NĐ-CP): số ngày làm việc phải từ 1 trở lên.',
    );
  }
  if (days > MAX_DEADLINE_DAYS) {
    throw deadlineError(`Số ngày làm việc sau ngày chốt số liệu tối đa là ${MAX_DEADLINE_DAYS}.`);
  }
  return deadlineAfterClose(window, days, calendar);
}

/** Refuses a deadline typed by hand that is not after the data window closes. */
export function checkExplicitDeadline(window: DataWindow, deadline: IsoDate): IsoDate {
  if (deadline <= window.end) {
    throw deadlineError(
      `Thời hạn gửi báo cáo (${formatDateVn(deadline)}) phải sau ngày chốt số liệu ${formatDateVn(window.end)}.`,
      'deadline',
    );
  }
  return deadline;
}

/** Whole days from today to the deadline: 3 = three days left, 0 = today, -2 = two days late. */
export function daysLeft(today: IsoDate, deadline: IsoDate): number {
  return daysBetween(today, deadline);
}

/** "Còn 3 ngày", "Hạn chót hôm nay", "Quá hạn 2 ngày". */
export function countdownText(days: number): string {
  if (days > 0) return `Còn ${days} ngày`;
  if (days === 0) return 'Hạn chót hôm nay';
  return `Quá hạn ${-days} ngày`;
}

/** "trước ngày 17/6/2026", as the request letters write a deadline. */
export function deadlinePhrase(deadline: IsoDate): string {
  return `trước ngày ${shortDate(deadline)}`;
}

/**
 * The period of a recurring round's next occurrence. A 9-month round recurs each year (the next
 * 9 months), not with the fourth quarter that `nextPeriod` plans for.
 */
export function nextRoundPeriod(period: Period, frequency: RoundFrequency): Period | null {
  if (frequency === 'once') return null;
  if (period.kind === 'nine_months') return { kind: 'nine_months', year: period.year + 1, index: 0 };
  return nextPeriod(period);
}

/** The frequency a period kind naturally recurs with (the form's default). */
export function frequencyOfPeriod(period: Pick<Period, 'kind'>): RoundFrequency {
  switch (period.kind) {
    case 'month':
      return 'month';
    case 'quarter':
      return 'quarter';
    case 'half1':
    case 'half2':
      return 'half';
    case 'nine_months':
      return 'nine_months';
    case 'year':
      return 'year';
    default:
      return 'once';
  }
}

/** Which period kinds a frequency may run on (a monthly round on months, etc.). */
export function frequencyFits(frequency: RoundFrequency, period: Pick<Period, 'kind'>): boolean {
  return frequency === 'once' || frequencyOfPeriod(period) === frequency;
}

/** "Báo cáo công tác đối ngoại 6 tháng đầu năm 2026": the name a new round is given by default. */
export function defaultRoundName(period: Period): string {
  return `Báo cáo công tác đối ngoại ${periodLabel(period)}`;
}

/**
 * The subject of the request letter without its "V/v" (the renderer and the preview print
 * "V/v báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026").
 */
export function requestLetterSubject(period: Period): string {
  return `báo cáo kết quả công tác đối ngoại ${periodLabel(period)}`;
}
