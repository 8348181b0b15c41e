/**
 * The completeness board (bảng theo dõi tiến độ): for a receiving unit, each unit that must report
 * × each round, the state of its report and how late it is; per round, how many reported and how
 * many on time. Pure: the database gives one row per (round, unit) and this file does the rest.
 */
import type { IsoDate } from './periods.js';
import {
  BOARD_STATES,
  type BoardState,
  boardState,
  daysLate,
  type ReportStatus,
  SENT_STATUSES,
} from './workflow.js';

/** One (round, unit) pair as the database gives it: the report, if any, of that unit for that round. */
export interface CellSource {
  roundId: number;
  unitId: number;
  reportId: number | null;
  status: ReportStatus | null;
  /** The calendar date (Vietnam) the report was first issued, if it was. */
  sentOn: IsoDate | null;
}

export interface BoardCell {
  roundId: number;
  unitId: number;
  reportId: number | null;
  state: BoardState;
  /** Days after the deadline the report was sent, or, not sent yet, the days since the deadline. */
  daysLate: number;
  /** The report reached the receiving unit (issued, received or accepted). */
  sent: boolean;
}

/** The cell of a unit in a round whose deadline is `deadline`, as of `today`. */
export function boardCell(source: CellSource, deadline: IsoDate, today: IsoDate): BoardCell {
  const state = boardState(source.status);
  return {
    roundId: source.roundId,
    unitId: source.unitId,
    reportId: source.reportId,
    state,
    daysLate: daysLate(deadline, source.sentOn, today),
    sent: source.status !== null && SENT_STATUSES.includes(source.status),
  };
}

export interface Rates {
  /** Units that must report. */
  required: number;
  /** Units whose report reached the receiving unit. */
  sent: number;
  /** Of those, sent on or before the deadline. */
  sentOnTime: number;
  /** Units late: sent after the deadline, or not sent with the deadline passed. */
  late: number;
  /** sent / required, from 0 to 1 (0 when nobody must report). */
  rate: number;
  /** sentOnTime / required. */
  onTimeRate: number;
  /** How many units are in each state. */
  counts: Record<BoardState, number>;
}

/** A share from 0 to 1, four decimals; 0 of 0 is 0. */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

export function emptyCounts(): Record<BoardState, number> {
  return Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<BoardState, number>;
}

/** The rates of a set of cells (a round's, or all the board's). */
export function ratesOf(cells: readonly BoardCell[]): Rates {
  const counts = emptyCounts();
  let sent = 0;
  let sentOnTime = 0;
  let late = 0;
  for (const cell of cells) {
    counts[cell.state] += 1;
    if (cell.sent) sent += 1;
    if (cell.sent && cell.daysLate === 0) sentOnTime += 1;
    if (cell.daysLate > 0) late += 1;
  }
  const required = cells.length;
  return {
    required,
    sent,
    sentOnTime,
    late,
    rate: ratio(sent, required),
    onTimeRate: ratio(sentOnTime, required),
    counts,
  };
}

/** Filters on the rows of the board (a unit is shown when one of its cells matches). */
export interface RowFilter {
  state?: BoardState | undefined;
  lateOnly?: boolean | undefined;
}

export function cellMatches(cell: BoardCell, filter: RowFilter): boolean {
  if (filter.state !== undefined && cell.state !== filter.state) return false;
  if (filter.lateOnly && cell.daysLate === 0) return false;
  return true;
}

export function rowMatches(cells: readonly (BoardCell | null)[], filter: RowFilter): boolean {
  if (filter.state === undefined && !filter.lateOnly) return true;
  return cells.some((c) => c !== null && cellMatches(c, filter));
}

/**
 * The matrix: one row per unit (in the order given), one column per round (in the order given);
 * a cell is null where the unit was not asked to report in that round.
 */
export function boardMatrix<U extends { id: number }>(
  units: readonly U[],
  roundIds: readonly number[],
  cells: readonly BoardCell[],
): { unit: U; cells: (BoardCell | null)[] }[] {
  const byKey = new Map<string, BoardCell>();
  for (const c of cells) byKey.set(`${c.roundId}:${c.unitId}`, c);
  return units.map((unit) => ({
    unit,
    cells: roundIds.map((roundId) => byKey.get(`${roundId}:${unit.id}`) ?? null),
  }));
}

/** "3 ngày" late as the board writes it; empty when on time. */
export function lateText(days: number): string {
  return days > 0 ? `trễ ${days} ngày` : '';
}
