/**
 * Reporting periods and their data windows under Nghị định 09/2019/NĐ-CP, Điều 12.
 * Dates are ISO calendar dates ("2026-06-14") in Vietnam's calendar: no time, no time zone.
 */

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
    case 'week':
    case 'custom':
      return { start: period.start ?? '', end: period.end ?? '' };
  }
}

/** The Vietnamese name of a period as reports write it: "6 tháng đầu năm 2026", "Quý II năm 2026". */
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
    case 'week':
    case 'custom':
      return `từ ngày ${period.start} đến ngày ${period.end}`;
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
