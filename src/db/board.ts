/**
 * The completeness board's queries: the rounds of a receiving unit (one small query) and every
 * (round, unit) cell of those rounds in one query (round_units LEFT JOIN reports), never one per
 * unit or per round: 170 communes × 24 rounds is 4,080 rows in one answer.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { BoardParams } from '../domain/api-board.js';
import type { UnitRef } from '../domain/authz.js';
import { AppError } from '../domain/errors.js';
import type { RoundFrequency } from '../domain/rounds.js';
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

/** A unit on the board: its code and name, with its kind (for the order) and search key. */
export interface BoardUnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  searchKey: string;
}

/** A unit that may have a board: its reference for the policy, its code and its name. */
export type BoardUnitRef = UnitRef & { code: string; name: string };

export interface CellRow {
  roundId: number;
  unit: BoardUnitRow;
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

/** What a board is made of: every round the unit receives, those the filters chose, their cells. */
export interface BoardRecord {
  all: BoardRoundRow[];
  chosen: BoardRoundRow[];
  cells: CellRow[];
}

/** The board of a receiving unit: the rounds it receives (one query) and their cells (one query). */
export async function loadBoardRecord(
  q: Queryable,
  unitId: number,
  params: Omit<BoardParams, 'unitId'>,
): Promise<BoardRecord> {
  const all = await roundsReceivedBy(q, unitId);
  const chosen = filterRounds(all, params);
  const cells = await cellRows(
    q,
    chosen.map((r) => r.id),
  );
  return { all, chosen, cells };
}

/** Units that receive rounds, with their refs: the candidates of the board's unit picker. */
export async function receivingUnits(q: Queryable): Promise<BoardUnitRef[]> {
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
export async function boardUnitsByIds(q: Queryable, ids: readonly number[]): Promise<BoardUnitRef[]> {
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
