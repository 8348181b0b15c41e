/**
 * Reporting rounds (đợt báo cáo): creating and changing a round with its units, the next
 * occurrence of a recurring round, what the rounds a user sees hold, and each unit's report in a
 * round. Every change writes its audit row in the caller's transaction.
 */
import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { RoundLetterIn } from '../domain/api-rounds.js';
import { type Actor, can } from '../domain/authz.js';
import { AppError } from '../domain/errors.js';
import { type HolidayCalendar, workingDaysBetween } from '../domain/holidays.js';
import {
  type DataWindow,
  dataWindow,
  type IsoDate,
  type Period,
  parsePeriodKey,
  periodKey,
  periodLabel,
} from '../domain/periods.js';
import {
  checkExplicitDeadline,
  defaultRoundName,
  frequencyFits,
  nextRoundPeriod,
  type RoundFrequency,
  type RoundLetter,
  roundDeadline,
} from '../domain/rounds.js';
import { SENT_STATUSES } from '../domain/workflow.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { findCurrentOutline, getOutlineRow, type OutlineRow } from './outlines.js';
import { outlines, reports, rounds, roundUnits, units } from './schema.js';
import { loadUnitRef, type UnitRecord } from './units.js';

export type RoundRow = typeof rounds.$inferSelect;

/** The actor of rounds created by the scheduler. */
export const SCHEDULER_ACTOR: AuditActor = { userId: null, label: 'scheduler' };

/** A unit asked to report (or the receiving unit): the one unit record of src/db/units.ts. */
export type RoundUnit = UnitRecord;

const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  communeKind: units.communeKind,
  provinceCode: units.provinceCode,
  path: units.path,
  active: units.active,
};

export function periodOfRound(row: Pick<RoundRow, 'periodKey'>): Period {
  return parsePeriodKey(row.periodKey);
}

export function windowOfRound(row: Pick<RoundRow, 'windowStart' | 'windowEnd'>): DataWindow {
  return { start: row.windowStart, end: row.windowEnd };
}

export function letterOf(row: Pick<RoundRow, 'letter'>): RoundLetter | null {
  return (row.letter as RoundLetter | null) ?? null;
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }]);
}

export async function loadRoundRow(q: Queryable, id: number): Promise<RoundRow> {
  const [row] = await q.select().from(rounds).where(eq(rounds.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt báo cáo.');
  return row;
}

/** Every active commune of a province, in official code order: a round's default units. */
export async function provinceCommuneIds(q: Queryable, provinceCode: string): Promise<number[]> {
  const rows = await q
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.provinceCode, provinceCode), eq(units.kind, 'commune'), eq(units.active, true)))
    .orderBy(asc(units.code));
  return rows.map((r) => r.id);
}

/** Every active province, in official code order: the default units of a round of the ministry. */
export async function provinceIds(q: Queryable): Promise<number[]> {
  const rows = await q
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.kind, 'province'), eq(units.active, true)))
    .orderBy(asc(units.code));
  return rows.map((r) => r.id);
}

/** A round received by the country unit: the ministry asks the provinces. */
export const isNationalRound = (receiving: Pick<RoundUnit, 'kind'>) => receiving.kind === 'country';

/**
 * The units a round may ask: communes and province-level bodies of the receiving unit's province
 * (not the receiving unit itself); for the ministry (the country unit), the provinces. Refuses an
 * empty list and any other unit, naming it.
 */
async function checkRoundUnits(q: Queryable, receiving: RoundUnit, ids: number[], path = 'unitIds') {
  const unique = [...new Set(ids)];
  const national = isNationalRound(receiving);
  if (unique.length === 0) {
    throw invalid(
      path,
      national
        ? 'Đợt báo cáo phải có ít nhất một tỉnh, thành phố báo cáo.'
        : 'Đợt báo cáo phải có ít nhất một đơn vị báo cáo: hãy chọn các xã, phường hoặc cơ quan.',
    );
  }
  const rows = await q.select(unitColumns).from(units).where(inArray(units.id, unique));
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const id of unique) {
    const unit = found.get(id);
    if (!unit) throw invalid(path, `Không tìm thấy đơn vị mã số ${id}.`);
    if (national) {
      // One answer per province, from the province itself (its UBND tỉnh): a body or a commune
      // reporting beside it would count the province's figures twice.
      if (unit.kind !== 'province') {
        throw invalid(
          path,
          `${unit.name} không phải là tỉnh, thành phố: đợt báo cáo của Bộ chỉ giao cho các tỉnh, thành phố (mỗi tỉnh một báo cáo tổng hợp).`,
        );
      }
      if (!unit.active) throw invalid(path, `${unit.name} đã ngừng hoạt động, không giao báo cáo được.`);
      continue;
    }
    const fits =
      unit.id !== receiving.id &&
      (unit.kind === 'commune' || unit.kind === 'body') &&
      unit.provinceCode === receiving.provinceCode;
    if (!fits) {
      throw invalid(
        path,
        `${unit.name} không thuộc ${receiving.provinceCode ? 'tỉnh của đơn vị nhận báo cáo' : 'đơn vị'}, nên không giao báo cáo được.`,
      );
    }
    if (!unit.active) throw invalid(path, `${unit.name} đã ngừng hoạt động, không giao báo cáo được.`);
  }
  return unique;
}

export interface CreateRoundInput {
  unitId: number;
  name?: string | undefined;
  outline: OutlineRow;
  period: Period;
  window: DataWindow;
  deadlineDays: number;
  /** A deadline chosen by hand (checked: after the data window closes). */
  deadline?: IsoDate | undefined;
  frequency: RoundFrequency;
  guidance: string;
  remindDays: number;
  letter?: RoundLetterIn | null | undefined;
  /** Absent: every active commune of the province. */
  unitIds?: number[] | undefined;
  seriesId?: number | null;
  /** Public holidays for the working-day deadline (HOLIDAYS_FILE); the built-in tables otherwise. */
  calendar?: HolidayCalendar | undefined;
}

function letterValue(letter: RoundLetterIn | null | undefined): RoundLetter | null {
  if (!letter) return null;
  return { number: letter.number, date: letter.date, issuer: letter.issuer, kind: letter.kind };
}

/** Creates a round and its units; its series is itself unless it continues one. */
export async function createRound(q: Queryable, actor: AuditActor, input: CreateRoundInput): Promise<number> {
  const receiving = await loadUnitRef(q, input.unitId);
  const national = isNationalRound(receiving);
  if (
    !national &&
    ((receiving.kind !== 'province' && receiving.kind !== 'body') || !receiving.provinceCode)
  ) {
    throw invalid(
      'unitId',
      'Đơn vị nhận báo cáo phải là Bộ Ngoại giao, một tỉnh, thành phố hoặc một cơ quan cấp tỉnh.',
    );
  }
  if (!frequencyFits(input.frequency, input.period)) {
    throw invalid(
      'frequency',
      'Tần suất không khớp với loại kỳ báo cáo (ví dụ: hằng quý cần kỳ báo cáo theo quý).',
    );
  }
  const ids = await checkRoundUnits(
    q,
    receiving,
    input.unitIds ??
      (national ? await provinceIds(q) : await provinceCommuneIds(q, receiving.provinceCode ?? '')),
  );
  const deadline = input.deadline
    ? checkExplicitDeadline(input.window, input.deadline)
    : roundDeadline(input.window, input.deadlineDays, input.calendar);
  const deadlineDays = input.deadline
    ? Math.max(1, workingDaysBetween(input.window.end, deadline, input.calendar))
    : input.deadlineDays;
  const key = periodKey(input.period);
  const [row] = await q
    .insert(rounds)
    .values({
      unitId: receiving.id,
      name: input.name?.trim() || defaultRoundName(input.period),
      outlineId: input.outline.id,
      outlineCode: input.outline.code,
      periodKind: input.period.kind,
      periodYear: input.period.year,
      periodIndex: input.period.index,
      periodKey: key,
      windowStart: input.window.start,
      windowEnd: input.window.end,
      deadlineDays,
      deadline,
      frequency: input.frequency,
      guidance: input.guidance.trim(),
      letter: letterValue(input.letter),
      remindDays: input.remindDays,
      seriesId: input.seriesId ?? null,
      createdBy: actor.userId,
    })
    .onConflictDoNothing({ target: [rounds.seriesId, rounds.periodKey] })
    .returning({ id: rounds.id });
  if (!row) throw new AppError('CONFLICT', 'Đợt báo cáo của kỳ này đã có trong chuỗi đợt định kỳ.');
  if (input.seriesId == null) await q.update(rounds).set({ seriesId: row.id }).where(eq(rounds.id, row.id));
  await q.insert(roundUnits).values(ids.map((unitId) => ({ roundId: row.id, unitId })));
  // Reports the units already made for this period on this outline answer the round: the board and
  // the consolidation then count the same reports. A province's consolidated report made before the
  // ministry asked points at the province's own round (it answered nobody): it now answers this one.
  const linked = await q
    .update(reports)
    .set({ roundId: row.id })
    .where(
      and(
        answersNoRound,
        eq(reports.outlineCode, input.outline.code),
        eq(reports.periodKey, key),
        inArray(reports.unitId, ids),
      ),
    )
    .returning({ id: reports.id });
  await writeAudit(q, actor, {
    action: 'round.create',
    entity: 'round',
    entityId: row.id,
    unitId: receiving.id,
    after: {
      outline: `${input.outline.code}@${input.outline.version}`,
      period: key,
      window: input.window,
      deadlineDays,
      deadline,
      frequency: input.frequency,
      units: ids.length,
      ...(linked.length ? { linkedReports: linked.map((r) => r.id) } : {}),
      ...(input.seriesId != null ? { seriesId: input.seriesId } : {}),
    },
  });
  return row.id;
}

export interface UpdateRoundInput {
  name?: string | undefined;
  guidance?: string | undefined;
  deadlineDays?: number | undefined;
  remindDays?: number | undefined;
  frequency?: RoundFrequency | undefined;
  letter?: RoundLetterIn | null | undefined;
  addUnitIds?: number[] | undefined;
  removeUnitIds?: number[] | undefined;
}

export async function roundUnitIds(q: Queryable, roundId: number): Promise<number[]> {
  const rows = await q
    .select({ id: roundUnits.unitId })
    .from(roundUnits)
    .where(eq(roundUnits.roundId, roundId));
  return rows.map((r) => r.id);
}

/**
 * Changes a round. Removing a unit keeps a report it already made (the report stays its unit's);
 * a round keeps at least one unit.
 */
export async function updateRound(
  q: Queryable,
  actor: AuditActor,
  id: number,
  patch: UpdateRoundInput,
  calendar?: HolidayCalendar,
) {
  const row = await loadRoundRow(q, id);
  const receiving = await loadUnitRef(q, row.unitId);
  const set: Partial<typeof rounds.$inferInsert> = { updatedAt: new Date() };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const change = <K extends keyof RoundRow>(key: K, value: RoundRow[K]) => {
    if (JSON.stringify(row[key]) === JSON.stringify(value)) return;
    before[key] = row[key];
    after[key] = value;
    (set as Record<string, unknown>)[key] = value;
  };
  if (patch.name !== undefined) change('name', patch.name);
  if (patch.guidance !== undefined) change('guidance', patch.guidance.trim());
  if (patch.remindDays !== undefined) change('remindDays', patch.remindDays);
  if (patch.frequency !== undefined) {
    if (!frequencyFits(patch.frequency, periodOfRound(row))) {
      throw invalid('frequency', 'Tần suất không khớp với loại kỳ báo cáo của đợt.');
    }
    change('frequency', patch.frequency);
  }
  if (patch.letter !== undefined) change('letter', letterValue(patch.letter));
  if (patch.deadlineDays !== undefined) {
    change('deadlineDays', patch.deadlineDays);
    change('deadline', roundDeadline(windowOfRound(row), patch.deadlineDays, calendar));
  }
  const current = await roundUnitIds(q, id);
  const add = patch.addUnitIds?.length
    ? await checkRoundUnits(q, receiving, patch.addUnitIds, 'addUnitIds')
    : [];
  const remove = new Set(patch.removeUnitIds ?? []);
  const next = new Set([...current.filter((u) => !remove.has(u)), ...add]);
  if (next.size === 0) {
    throw invalid('removeUnitIds', 'Đợt báo cáo phải còn ít nhất một đơn vị báo cáo.');
  }
  const added = add.filter((u) => !current.includes(u));
  const removed = current.filter((u) => remove.has(u));
  if (added.length) {
    await q
      .insert(roundUnits)
      .values(added.map((unitId) => ({ roundId: id, unitId })))
      .onConflictDoNothing();
    after.addedUnits = added;
  }
  if (removed.length) {
    await q.delete(roundUnits).where(and(eq(roundUnits.roundId, id), inArray(roundUnits.unitId, removed)));
    after.removedUnits = removed;
  }
  if (Object.keys(after).length === 0) return;
  await q.update(rounds).set(set).where(eq(rounds.id, id));
  await writeAudit(q, actor, {
    action: 'round.update',
    entity: 'round',
    entityId: id,
    unitId: row.unitId,
    before,
    after,
  });
}

export async function setRoundStatus(q: Queryable, actor: AuditActor, id: number, status: 'open' | 'closed') {
  const row = await loadRoundRow(q, id);
  if (row.status === status) return;
  await q.update(rounds).set({ status, updatedAt: new Date() }).where(eq(rounds.id, id));
  await writeAudit(q, actor, {
    action: status === 'closed' ? 'round.close' : 'round.reopen',
    entity: 'round',
    entityId: id,
    unitId: row.unitId,
    before: { status: row.status },
    after: { status },
  });
}

/** The name of the next occurrence: the period's label replaced when the name carries it. */
function nextName(name: string, from: Period, to: Period): string {
  if (name === defaultRoundName(from)) return defaultRoundName(to);
  const label = periodLabel(from);
  return name.includes(label) ? name.replace(label, periodLabel(to)) : `${name} (${periodLabel(to)})`;
}

/**
 * The next occurrence of a recurring round: same units, the current version of the same outline,
 * the next period with its ND 09 window and the same working days to the deadline. Returns the
 * existing one when it is there already (one per series and period).
 */
export async function createNextOccurrence(
  q: Queryable,
  actor: AuditActor,
  row: RoundRow,
  calendar?: HolidayCalendar,
): Promise<{ id: number; created: boolean }> {
  const from = periodOfRound(row);
  const to = nextRoundPeriod(from, row.frequency);
  if (!to) throw new AppError('CONFLICT', 'Đợt báo cáo này chỉ diễn ra một lần, không có kỳ tiếp theo.');
  const seriesId = row.seriesId ?? row.id;
  const key = periodKey(to);
  const existing = await findInSeries(q, seriesId, key);
  if (existing) return { id: existing, created: false };
  const outline = (await findCurrentOutline(q, row.outlineCode)) ?? (await getOutlineRow(q, row.outlineId));
  const ids = await roundUnitIds(q, row.id);
  const window = dataWindow(to);
  try {
    const id = await createRound(q, actor, {
      unitId: row.unitId,
      name: nextName(row.name, from, to),
      outline,
      period: to,
      window,
      deadlineDays: row.deadlineDays,
      calendar,
      frequency: row.frequency,
      guidance: row.guidance,
      remindDays: row.remindDays,
      letter: letterOf(row),
      unitIds: ids,
      seriesId,
    });
    return { id, created: true };
  } catch (error) {
    const again =
      error instanceof AppError && error.code === 'CONFLICT'
        ? await findInSeries(q, seriesId, key)
        : undefined;
    if (again) return { id: again, created: false };
    throw error;
  }
}

async function findInSeries(q: Queryable, seriesId: number, key: string): Promise<number | undefined> {
  const [found] = await q
    .select({ id: rounds.id })
    .from(rounds)
    .where(and(eq(rounds.seriesId, seriesId), eq(rounds.periodKey, key)))
    .limit(1);
  return found?.id;
}

/**
 * For each open recurring round that is the latest of its series, creates the next occurrence once
 * that period's data window has started (and the ones after, when the scheduler was away).
 * Idempotent: a second run the same day creates nothing. Returns how many rounds were created.
 */
export async function createDueOccurrences(
  q: Queryable,
  today: IsoDate,
  calendar?: HolidayCalendar,
): Promise<number> {
  const candidates = await q
    .select()
    .from(rounds)
    .where(ne(rounds.frequency, 'once'))
    .orderBy(asc(rounds.seriesId), desc(rounds.windowEnd), desc(rounds.id));
  const latest = new Map<number, RoundRow>();
  for (const row of candidates) {
    const series = row.seriesId ?? row.id;
    if (!latest.has(series)) latest.set(series, row);
  }
  let created = 0;
  for (let row of latest.values()) {
    // A year of monthly rounds at most, should the scheduler have been stopped that long.
    for (let i = 0; i < 12 && row.status === 'open'; i += 1) {
      const next = nextRoundPeriod(periodOfRound(row), row.frequency);
      if (!next || dataWindow(next).start > today) break;
      const result = await createNextOccurrence(q, SCHEDULER_ACTOR, row, calendar);
      if (result.created) created += 1;
      row = await loadRoundRow(q, result.id);
    }
  }
  return created;
}

// ---------------------------------------------------------------------------------------------
// Reading rounds

export interface RoundRecord {
  row: RoundRow;
  unit: RoundUnit;
  outline: { id: number; code: string; name: string; version: number };
  unitCount: number;
  sentCount: number;
  /** The receiving unit's work: reports issued to it and not yet received, received and not yet accepted, sent back and not yet corrected. */
  toReceive: number;
  toAccept: number;
  returnedToUnits: number;
}

async function recordsOf(q: Queryable, rows: RoundRow[]): Promise<RoundRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const unitRows = await q
    .select(unitColumns)
    .from(units)
    .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))]));
  const outlineRows = await q
    .select({ id: outlines.id, code: outlines.code, name: outlines.name, version: outlines.version })
    .from(outlines)
    .where(inArray(outlines.id, [...new Set(rows.map((r) => r.outlineId))]));
  const unitCounts = await q
    .select({ roundId: roundUnits.roundId, n: count() })
    .from(roundUnits)
    .where(inArray(roundUnits.roundId, ids))
    .groupBy(roundUnits.roundId);
  const stateCounts = await q
    .select({
      roundId: reports.roundId,
      status: reports.status,
      wasSent: sql<boolean>`${reports.sentAt} IS NOT NULL`,
      n: count(),
    })
    .from(reports)
    .innerJoin(
      roundUnits,
      and(eq(roundUnits.roundId, reports.roundId), eq(roundUnits.unitId, reports.unitId)),
    )
    .where(inArray(reports.roundId, ids))
    .groupBy(reports.roundId, reports.status, sql`${reports.sentAt} IS NOT NULL`);
  const tally = (roundId: number, test: (s: (typeof stateCounts)[number]) => boolean) =>
    stateCounts.filter((c) => c.roundId === roundId && test(c)).reduce((n, c) => n + c.n, 0);
  const unitMap = new Map(unitRows.map((u) => [u.id, u]));
  const outlineMap = new Map(outlineRows.map((o) => [o.id, o]));
  const unitCount = new Map(unitCounts.map((c) => [c.roundId, c.n]));
  return rows.map((row) => ({
    row,
    unit: unitMap.get(row.unitId) as RoundUnit,
    outline: outlineMap.get(row.outlineId) as RoundRecord['outline'],
    unitCount: unitCount.get(row.id) ?? 0,
    sentCount: tally(row.id, (c) => (SENT_STATUSES as readonly string[]).includes(c.status)),
    toReceive: tally(row.id, (c) => c.status === 'issued'),
    toAccept: tally(row.id, (c) => c.status === 'received'),
    // Sent once and returned (by the receiving unit, or after a correction's return): awaiting the unit.
    returnedToUnits: tally(row.id, (c) => c.status === 'returned' && c.wasSent),
  }));
}

export async function loadRoundRecord(q: Queryable, id: number): Promise<RoundRecord> {
  const [record] = await recordsOf(q, [await loadRoundRow(q, id)]);
  if (!record) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt báo cáo.');
  return record;
}

/** Provinces where the actor may manage rounds (province roles reach their whole province). */
function managedProvinces(actor: Actor): string[] {
  const codes = actor.grants
    .filter((g) => g.role === 'province_officer' || g.role === 'province_leader')
    .map((g) => g.unit.provinceCode)
    .filter((c): c is string => c !== null);
  return [...new Set(codes)];
}

/** The ministry's units where the actor manages rounds (its rounds to the provinces). */
function managedNationalUnits(actor: Actor): number[] {
  const ids = actor.grants
    .filter((g) => g.role === 'national_officer' || g.role === 'national_leader')
    .map((g) => g.unit.id);
  return [...new Set(ids)];
}

/** The rounds received by the units where the actor manages rounds: his province's, the ministry's. */
function receivedByManaged(q: Queryable, actor: Actor): SQL[] {
  const provinces = managedProvinces(actor);
  const national = managedNationalUnits(actor);
  const reach: SQL[] = [];
  if (provinces.length) {
    reach.push(
      inArray(
        rounds.unitId,
        q.select({ id: units.id }).from(units).where(inArray(units.provinceCode, provinces)),
      ),
    );
  }
  if (national.length) reach.push(inArray(rounds.unitId, national));
  return reach;
}

/**
 * The rounds a user sees: those his units receive (where he may manage rounds) and those his units
 * must answer; newest first.
 */
export async function listRoundsFor(
  q: Queryable,
  actor: Actor,
  filter: { year?: number | undefined; status?: 'open' | 'closed' | undefined },
): Promise<RoundRecord[]> {
  const own = [...new Set(actor.grants.map((g) => g.unit.id))];
  if (own.length === 0) return [];
  const answering = q
    .select({ id: roundUnits.roundId })
    .from(roundUnits)
    .where(inArray(roundUnits.unitId, own));
  const reach: SQL[] = [inArray(rounds.id, answering), ...receivedByManaged(q, actor)];
  const rows = await q
    .select()
    .from(rounds)
    .where(
      and(
        or(...reach),
        filter.year ? eq(rounds.periodYear, filter.year) : undefined,
        filter.status ? eq(rounds.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(rounds.windowEnd), desc(rounds.id))
    .limit(500);
  return recordsOf(q, rows);
}

export function canManageRound(actor: Actor, record: Pick<RoundRecord, 'unit'>): boolean {
  return can(actor, 'round.manage', record.unit);
}

export interface RoundUnitReport {
  unit: RoundUnit;
  report: { id: number; status: (typeof reports.$inferSelect)['status']; sentAt: Date | null } | null;
}

/** The units of a round in official code order, each with its report in the round, if any. */
export async function roundUnitReports(q: Queryable, roundId: number): Promise<RoundUnitReport[]> {
  const rows = await q
    .select({
      unit: unitColumns,
      reportId: reports.id,
      status: reports.status,
      sentAt: reports.sentAt,
    })
    .from(roundUnits)
    .innerJoin(units, eq(units.id, roundUnits.unitId))
    .leftJoin(reports, and(eq(reports.roundId, roundUnits.roundId), eq(reports.unitId, roundUnits.unitId)))
    .where(eq(roundUnits.roundId, roundId))
    .orderBy(sql`CASE ${units.kind} WHEN 'body' THEN 0 ELSE 1 END`, asc(units.code));
  return rows.map((r) => ({
    unit: r.unit,
    report:
      r.reportId !== null && r.status !== null
        ? { id: r.reportId, status: r.status, sentAt: r.sentAt }
        : null,
  }));
}

/** Is the unit one of the round's units? */
export async function isRoundUnit(q: Queryable, roundId: number, unitId: number): Promise<boolean> {
  const [row] = await q
    .select({ id: roundUnits.unitId })
    .from(roundUnits)
    .where(and(eq(roundUnits.roundId, roundId), eq(roundUnits.unitId, unitId)))
    .limit(1);
  return Boolean(row);
}

/**
 * A report that answers no round of another unit: made outside any round, or a consolidated
 * report pointing at the round its own unit received (the round it consolidates).
 */
export const answersNoRound: SQL = sql`(${reports.roundId} IS NULL OR ${reports.roundId} IN (SELECT ${rounds.id} FROM ${rounds} WHERE ${rounds.unitId} = ${reports.unitId}))`;

/**
 * A unit's report of the period on the round's outline that was opened outside the round (from
 * the reports page), or a consolidated report of the unit's own round, joins the round the first
 * time it is opened through it.
 */
export async function linkReportToRound(q: Queryable, reportId: number, roundId: number): Promise<void> {
  await q
    .update(reports)
    .set({ roundId })
    .where(and(eq(reports.id, reportId), answersNoRound));
}

/** A report's revision and status (a round's "Không phát sinh" submits from them). */
export async function reportState(q: Queryable, reportId: number) {
  const [row] = await q
    .select({ revision: reports.revision, status: reports.status })
    .from(reports)
    .where(eq(reports.id, reportId))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo.');
  return row;
}

/** Open rounds that name any of these units, with each unit's report in the round (home page). */
export async function openRoundsOfUnits(q: Queryable, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return q
    .select({
      round: rounds,
      unit: unitColumns,
      reportId: reports.id,
      reportStatus: reports.status,
      revision: reports.revision,
    })
    .from(roundUnits)
    .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
    .innerJoin(units, eq(units.id, roundUnits.unitId))
    .leftJoin(reports, and(eq(reports.roundId, rounds.id), eq(reports.unitId, roundUnits.unitId)))
    .where(and(inArray(roundUnits.unitId, unitIds), eq(rounds.status, 'open')))
    .orderBy(asc(rounds.deadline), asc(units.code));
}

/** Open rounds received by units of these provinces or by the ministry (the receiving officer's home page). */
export async function openRoundsOfProvinces(q: Queryable, actor: Actor): Promise<RoundRecord[]> {
  const reach = receivedByManaged(q, actor);
  if (reach.length === 0) return [];
  const rows = await q
    .select()
    .from(rounds)
    .where(and(eq(rounds.status, 'open'), or(...reach)))
    .orderBy(asc(rounds.deadline))
    .limit(50);
  return (await recordsOf(q, rows)).filter((r) => canManageRound(actor, r));
}
