/**
 * The completeness board as the API gives it: the cells and rates are computed by the pure domain
 * (src/domain/board.ts) from the rows the database layer read; here they are shaped and whitelisted
 * through api-board.ts `boardResponse` and `roundProgressResponse`.
 */
import type { BoardRecord, BoardRoundRow, CellRow } from '../../db/board.js';
import { byOfficialCode } from '../../db/board.js';
import type {
  BoardCellOut,
  BoardParams,
  BoardResponse,
  BoardRound,
  BoardUnit,
  RoundProgressResponse,
} from '../../domain/api-board.js';
import {
  type BoardCell,
  boardCell,
  boardMatrix,
  type Rates,
  ratesOf,
  rowMatches,
} from '../../domain/board.js';
import { parsePeriodKey, periodLabel, todayInVietnam } from '../../domain/periods.js';
import { foldForSearch } from '../../domain/text.js';

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

export function presentBoardRound(round: BoardRoundRow, rates: Rates): BoardRound {
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

const presentCell = (c: BoardCell): BoardCellOut => ({
  state: c.state,
  daysLate: c.daysLate,
  reportId: c.reportId,
});

const unitOut = (u: BoardUnit): BoardUnit => ({ id: u.id, code: u.code, name: u.name });

/**
 * The board of a receiving unit. Round filters chose the columns (the record); the row filters
 * (search, state, late only) choose the rows shown, never the rates: a round's rates are always the
 * whole round's.
 */
export function presentBoard(
  unit: BoardUnit,
  params: Pick<BoardParams, 'q' | 'state' | 'lateOnly'>,
  record: BoardRecord,
  today: string = todayInVietnam(),
): BoardResponse {
  const { all, chosen, cells: rows } = record;
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
    unit: unitOut(unit),
    today,
    rounds: chosen.map((r) => presentBoardRound(r, ratesOf(cells.filter((c) => c.roundId === r.id)))),
    rows: matrix.map((row) => ({
      unit: unitOut(row.unit),
      cells: row.cells.map((c) => (c ? presentCell(c) : null)),
    })),
    unitCount: ordered.length,
    totals: ratesOf(cells),
    years: [...new Set(all.map((r) => r.periodYear))].sort((a, b) => b - a),
    outlineCodes: [...outlineNames].map(([code, name]) => ({ code, name })),
  };
}

/** One round's progress: each unit asked (official code order), its state and lateness, the rates. */
export function presentRoundProgress(
  round: BoardRoundRow,
  rows: readonly CellRow[],
  today: string = todayInVietnam(),
): RoundProgressResponse {
  const ordered = [...rows].sort((a, b) => byOfficialCode(a.unit, b.unit));
  const cells = ordered.map((r) => toCell(r, round.deadline, today));
  return {
    round: presentBoardRound(round, ratesOf(cells)),
    today,
    items: ordered.map((r, i) => ({
      unit: unitOut(r.unit),
      cell: presentCell(cells[i] as BoardCell),
    })),
  };
}
