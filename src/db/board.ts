/**
 * The completeness board's queries: the rounds of a receiving unit (one small query) and every
 * (round, unit) cell of those rounds in one query (round_units LEFT JOIN reports), never one per
 * unit or per round: 170 communes × 24 rounds is 4,080 rows in one answer.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type {
  BoardParams,
  BoardResponse,
  BoardRound,
  BoardUnit,
  RoundProgressResponse,
} from '../domain/api-board.js';
import type { UnitRef } from '../domain/authz.js';
import { type BoardCell, boardCell, boardMatrix, type Rates, ratesOf, rowMatches } from '../domain/board.js';
import { AppError } from '../domain/errors.js';
import { parsePeriodKey, periodLabel, todayInVietnam } from '../domain/periods.js';
import type { RoundFrequency } from '../domain/rounds.js';
import { foldForSearch } from '../domain/text.js';
import type { ReportStatus } from '../domain/workflow.js';
import type { Queryable } from './client.js';
import { outlines, reports, rounds, roundUnits, units } from './schema.js';

export interface BoardRoundRow {
  id: number;
  unitId: number;
  name: string;
  outlineCode: string;
  outlineName: string;
  periodKey: string;
  periodYear: number;
  windowEnd: string;
  deadline: string;
  frequency: RoundFrequency;
  status: string;
}

const roundColumns = {
  id: rounds.id,
  unitId: rounds.unitId,
  name: rounds.name,
  outlineCode: rounds.outlineCode,
  outlineName: outlines.name,
  periodKey: rounds.periodKey,
  periodYear: rounds.periodYear,
  windowEnd: rounds.windowEnd,
  deadline: rounds.deadline,
  frequency: rounds.frequency,
  status: rounds.status,
};

/** Every round a unit receives, oldest first (by the end of its data window, then its deadline). */
export async function roundsReceivedBy(q: Queryable, unitId: number): Promise<BoardRoundRow[]> {
  return q
    .select(roundColumns)
    .from(rounds)
    .innerJoin(outlines, eq(outlines.id, rounds.outlineId))
    .where(eq(rounds.unitId, unitId))
    .orderBy(rounds.windowEnd, rounds.deadline, rounds.id);
}

export async function loadBoardRound(q: Queryable, id: number): Promise<BoardRoundRow> {
  const [row] = await q
    .select(roundColumns)
    .from(rounds)
    .innerJoin(outlines, eq(outlines.id, rounds.outlineId))
    .where(eq(rounds.id, id))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt báo cáo.');
  return row;
}

export interface CellRow {
  roundId: number;
  unit: BoardUnit & { kind: string; searchKey: string };
  reportId: number | null;
  status: ReportStatus | null;
  sentAt: Date | null;
}

/** The cells of these rounds: each unit asked, with its report for the round if there is one. */
export async function cellRows(q: Queryable, roundIds: readonly number[]): Promise<CellRow[]> {
  if (roundIds.length === 0) return [];
  const rows = await q
    .select({
      roundId: roundUnits.roundId,
      unitId: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      searchKey: units.searchKey,
      reportId: reports.id,
      status: reports.status,
      sentAt: reports.sentAt,
    })
    .from(roundUnits)
    .innerJoin(units, eq(units.id, roundUnits.unitId))
    .leftJoin(reports, and(eq(reports.roundId, roundUnits.roundId), eq(reports.unitId, roundUnits.unitId)))
    .where(inArray(roundUnits.roundId, [...roundIds]));
  return rows.map((r) => ({
    roundId: r.roundId,
    unit: { id: r.unitId, code: r.code, name: r.name, kind: r.kind, searchKey: r.searchKey },
    reportId: r.reportId,
    status: r.status,
    sentAt: r.sentAt,
  }));
}

const KIND_ORDER: Record<string, number> = { country: 0, province: 1, body: 2, commune: 3 };

/** Official code order: province-level bodies, then communes; codes of equal length as numbers. */
export function byOfficialCode(a: { kind: string; code: string }, b: { kind: string; code: string }): number {
  return (
    (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
    a.code.length - b.code.length ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

function toCell(row: CellRow, deadline: string, today: string): BoardCell {
  return boardCell(
    {
      roundId: row.roundId,
      unitId: row.unit.id,
      reportId: row.reportId,
      status: row.status,
      sentOn: row.sentAt ? todayInVietnam(row.sentAt) : null,
    },
    deadline,
    today,
  );
}

export function presentRound(round: BoardRoundRow, rates: Rates): BoardRound {
  return {
    id: round.id,
    name: round.name,
    periodKey: round.periodKey,
    periodLabel: periodLabel(parsePeriodKey(round.periodKey)),
    deadline: round.deadline,
    frequency: round.frequency,
    outlineCode: round.outlineCode,
    status: round.status,
    ...rates,
  };
}

const presentCell = (c: BoardCell) => ({ state: c.state, daysLate: c.daysLate, reportId: c.reportId });

/** The rounds a board shows under the round filters (year, frequency, outline). */
export function filterRounds(
  all: readonly BoardRoundRow[],
  params: Omit<BoardParams, 'unitId'>,
): BoardRoundRow[] {
  return all.filter(
    (r) =>
      (params.year === undefined || r.periodYear === params.year) &&
      (params.frequency === undefined || r.frequency === params.frequency) &&
      (params.outlineCode === undefined || r.outlineCode === params.outlineCode),
  );
}

/**
 * The board of a receiving unit. Round filters choose the columns; the row filters (search, state,
 * late only) choose the rows shown, never the rates: a round's rates are always the whole round's.
 */
export async function loadBoard(
  q: Queryable,
  unit: BoardUnit,
  params: BoardParams,
  today: string = todayInVietnam(),
): Promise<BoardResponse> {
  const all = await roundsReceivedBy(q, unit.id);
  const chosen = filterRounds(all, params);
  const rows = await cellRows(
    q,
    chosen.map((r) => r.id),
  );
  const deadlines = new Map(chosen.map((r) => [r.id, r.deadline]));
  const cells = rows.map((r) => toCell(r, deadlines.get(r.roundId) ?? '', today));
  const unitsById = new Map(rows.map((r) => [r.unit.id, r.unit]));
  const ordered = [...unitsById.values()].sort(byOfficialCode);
  const term = params.q ? foldForSearch(params.q) : '';
  const searched = term ? ordered.filter((u) => u.searchKey.includes(term)) : ordered;
  const matrix = boardMatrix(
    searched,
    chosen.map((r) => r.id),
    cells,
  ).filter((row) => rowMatches(row.cells, { state: params.state, lateOnly: params.lateOnly }));
  const outlineNames = new Map(all.map((r) => [r.outlineCode, r.outlineName]));
  return {
    unit,
    today,
    rounds: chosen.map((r) => presentRound(r, ratesOf(cells.filter((c) => c.roundId === r.id)))),
    rows: matrix.map((row) => ({
      unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name },
      cells: row.cells.map((c) => (c ? presentCell(c) : null)),
    })),
    unitCount: ordered.length,
    totals: ratesOf(cells),
    years: [...new Set(all.map((r) => r.periodYear))].sort((a, b) => b - a),
    outlineCodes: [...outlineNames].map(([code, name]) => ({ code, name })),
  };
}

/** One round's progress: each unit asked, its state and lateness, and the round's rates. */
export async function loadRoundProgress(
  q: Queryable,
  round: BoardRoundRow,
  today: string = todayInVietnam(),
): Promise<RoundProgressResponse> {
  const rows = (await cellRows(q, [round.id])).sort((a, b) => byOfficialCode(a.unit, b.unit));
  const cells = rows.map((r) => toCell(r, round.deadline, today));
  return {
    round: presentRound(round, ratesOf(cells)),
    today,
    items: rows.map((r, i) => ({
      unit: { id: r.unit.id, code: r.unit.code, name: r.unit.name },
      cell: presentCell(cells[i] as BoardCell),
    })),
  };
}

/** Units that receive rounds, with their refs: the candidates of the board's unit picker. */
export async function receivingUnits(q: Queryable): Promise<(BoardUnit & UnitRef)[]> {
  const rows = await q
    .selectDistinct({
      id: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      provinceCode: units.provinceCode,
      path: units.path,
    })
    .from(rounds)
    .innerJoin(units, eq(units.id, rounds.unitId));
  return rows.sort(byOfficialCode);
}

/** Units by id (refs and names), for the picker's own grant units. */
export async function boardUnitsByIds(
  q: Queryable,
  ids: readonly number[],
): Promise<(BoardUnit & UnitRef)[]> {
  if (ids.length === 0) return [];
  return q
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      provinceCode: units.provinceCode,
      path: units.path,
    })
    .from(units)
    .where(inArray(units.id, [...ids]));
}
