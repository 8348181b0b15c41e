/**
 * The register of outgoing documents (sổ đăng ký văn bản đi): numbers are taken from a counter per
 * unit, year and series with ONE atomic upsert, so concurrent issues never share a number; the
 * entry and its audit row are written in the caller's transaction.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../domain/errors.js';
import {
  MAX_DOCUMENT_NUMBER,
  type NumberingScheme,
  notation,
  numberTakenMessage,
  registerYear,
  SINGLE_SERIES,
  seriesFor,
} from '../domain/numbering.js';
import { type IsoDate, todayInVietnam } from '../domain/periods.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { registerCounters, registerEntries, units } from './schema.js';

export interface IssueNumberInput {
  unitId: number;
  /** The date of issue (Vietnam calendar date); its year is the register year. */
  issuedOn: IsoDate;
  /** "BC", "KH", "CV": the series under the per-type scheme. */
  typeCode: string;
  /** "BC-UBND": the part after the slash. */
  symbol: string;
  subject: string;
  signerName: string;
  signerTitle: string;
  /** The distribution list as one line ("UBND tỉnh Hà Tĩnh; Sở Ngoại vụ; Lưu: VT, VP."). */
  recipients?: string;
  reportId?: number | null;
  /**
   * A number chosen by hand by the leader issuing (reserved on paper): only a free number below
   * the series' next number. Absent: the register gives the next one.
   */
  number?: number | null;
  /** Today in Vietnam (tests); the date of issue may not be after it. */
  today?: IsoDate;
}

/** A register entry as stored. */
export type RegisterEntryRow = typeof registerEntries.$inferSelect;

/** A register entry with its notation ("05/BC-UBND"): what issuing and the register give back. */
export type RegisterEntryRecord = RegisterEntryRow & { notation: string };

export function registerEntryRecord(row: RegisterEntryRow): RegisterEntryRecord {
  return { ...row, notation: notation(row.number, row.symbol) };
}

export async function getNumberingScheme(
  q: Queryable,
  unitId: number,
): Promise<{ name: string; numberingScheme: NumberingScheme }> {
  const [row] = await q
    .select({ name: units.name, numberingScheme: units.numberingScheme })
    .from(units)
    .where(eq(units.id, unitId))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return row;
}

/** The register entries a series' numbers are counted in: every entry of the year, or one type's. */
function seriesScope(unitId: number, year: number, series: string, typeCode: string) {
  return and(
    eq(registerEntries.unitId, unitId),
    eq(registerEntries.year, year),
    series === SINGLE_SERIES ? undefined : eq(registerEntries.typeCode, typeCode),
  );
}

/**
 * The next number of a series, in one statement. The counter never falls behind the register: a new
 * counter, and one left behind by a change of scheme (single → per type → single), continue after
 * the highest number already registered in the series' scope, so switching schemes back and forth
 * never gives a notation twice and never blocks issuing.
 */
async function takeNextNumber(q: Queryable, unitId: number, year: number, series: string, typeCode: string) {
  const highest = sql`(SELECT COALESCE(MAX(${registerEntries.number}), 0) FROM ${registerEntries}
        WHERE ${seriesScope(unitId, year, series, typeCode)})`;
  const [row] = await q
    .insert(registerCounters)
    .values({ unitId, year, series, lastNumber: sql`1 + ${highest}` })
    .onConflictDoUpdate({
      target: [registerCounters.unitId, registerCounters.year, registerCounters.series],
      set: { lastNumber: sql`GREATEST(${registerCounters.lastNumber}, ${highest}) + 1` },
    })
    .returning({ n: registerCounters.lastNumber });
  const n = row?.n;
  if (typeof n !== 'number') throw new Error('register counter returned no number');
  return n;
}

/** The number the register would give next in a series (without taking it). */
async function nextFreeNumber(q: Queryable, unitId: number, year: number, series: string, typeCode: string) {
  const [row] = await q
    .select({
      n: sql<number>`GREATEST(
        COALESCE((SELECT ${registerCounters.lastNumber} FROM ${registerCounters}
          WHERE ${registerCounters.unitId} = ${unitId} AND ${registerCounters.year} = ${year}
            AND ${registerCounters.series} = ${series}), 0),
        (SELECT COALESCE(MAX(${registerEntries.number}), 0) FROM ${registerEntries}
          WHERE ${seriesScope(unitId, year, series, typeCode)})) + 1`,
    })
    .from(sql`(SELECT 1) AS one`);
  return Number(row?.n ?? 1);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const dateVi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function dateRefused(message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: 'issuedOn', message }]);
}

/**
 * The date of issue against the register: never after today, and in the order of the numbers:
 * an automatic number (the new last one) is not dated before the last number of its series; a
 * number chosen by hand (reserved on paper) is dated between its neighbours.
 */
async function checkIssueDate(
  q: Queryable,
  input: {
    unitId: number;
    year: number;
    series: string;
    typeCode: string;
    issuedOn: IsoDate;
    today: IsoDate;
  },
  chosen: number | null,
): Promise<void> {
  if (input.issuedOn > input.today) throw dateRefused('Ngày ban hành không được sau ngày hôm nay.');
  const scope = seriesScope(input.unitId, input.year, input.series, input.typeCode);
  const [row] = await q
    .select({
      before: sql<
        string | null
      >`MAX(${registerEntries.issuedOn}) FILTER (WHERE ${chosen === null ? sql`true` : sql`${registerEntries.number} < ${chosen}`})`,
      after: sql<
        string | null
      >`MIN(${registerEntries.issuedOn}) FILTER (WHERE ${chosen === null ? sql`false` : sql`${registerEntries.number} > ${chosen}`})`,
    })
    .from(registerEntries)
    .where(scope);
  const before = row?.before ? String(row.before).slice(0, 10) : null;
  const after = row?.after ? String(row.after).slice(0, 10) : null;
  if (before && input.issuedOn < before) {
    throw dateRefused(
      chosen === null
        ? `Ngày ban hành không được trước ngày ${dateVi(before)} của văn bản có số gần nhất trong sổ văn bản đi.`
        : `Số ${chosen} phải có ngày ban hành từ ngày ${dateVi(before)} (ngày của số liền trước) trở đi.`,
    );
  }
  if (after && input.issuedOn > after) {
    throw dateRefused(
      `Số ${chosen} phải có ngày ban hành không sau ngày ${dateVi(after)} (ngày của số liền sau).`,
    );
  }
}

/**
 * Takes the next number (or the number the leader chose by hand), checks the date of issue, and
 * writes the register entry and its audit row. A chosen number must be free and below the next
 * number of the series (a number reserved on paper): it never moves the counter, so nobody can
 * exhaust the register or make it jump.
 */
export async function issueNumber(
  q: Queryable,
  actor: AuditActor,
  input: IssueNumberInput,
): Promise<RegisterEntryRecord> {
  const year = registerYear(input.issuedOn);
  const { numberingScheme } = await getNumberingScheme(q, input.unitId);
  const series = seriesFor(numberingScheme, input.typeCode);
  const chosen = input.number ?? null;
  const today = input.today ?? todayInVietnam();
  await checkIssueDate(
    q,
    { unitId: input.unitId, year, series, typeCode: input.typeCode, issuedOn: input.issuedOn, today },
    chosen,
  );
  let number: number;
  if (chosen !== null) {
    const next = await nextFreeNumber(q, input.unitId, year, series, input.typeCode);
    if (!Number.isInteger(chosen) || chosen < 1 || chosen >= next) {
      const message =
        next <= 1
          ? `Sổ văn bản đi năm ${year} chưa có số nào: hãy để hệ thống tự cấp số.`
          : `Chỉ chọn được số đã để dành, nhỏ hơn số tiếp theo của sổ (${next}) và chưa dùng; hãy để hệ thống tự cấp số.`;
      throw new AppError('VALIDATION', message, [{ path: 'number', message }]);
    }
    const taken = await q
      .select({ id: registerEntries.id })
      .from(registerEntries)
      .where(
        and(
          eq(registerEntries.unitId, input.unitId),
          eq(registerEntries.year, year),
          sql`(${registerEntries.series} = ${series} OR ${registerEntries.symbol} = ${input.symbol})`,
          eq(registerEntries.number, chosen),
        ),
      )
      .limit(1);
    if (taken.length > 0) throw numberTaken(chosen, input.symbol, year);
    number = chosen;
  } else {
    number = await takeNextNumber(q, input.unitId, year, series, input.typeCode);
  }
  if (number > MAX_DOCUMENT_NUMBER) {
    throw new AppError('CONFLICT', `Sổ văn bản đi năm ${year} đã hết số (tối đa 99.999).`);
  }
  let row: RegisterEntryRow | undefined;
  try {
    [row] = await q
      .insert(registerEntries)
      .values({
        unitId: input.unitId,
        year,
        series,
        number,
        symbol: input.symbol,
        typeCode: input.typeCode,
        issuedOn: input.issuedOn,
        subject: input.subject,
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        recipients: input.recipients ?? '',
        reportId: input.reportId ?? null,
        createdBy: actor.userId,
      })
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(number, input.symbol, year);
    throw error;
  }
  if (!row) throw new Error('register insert returned no row');
  const entry = registerEntryRecord(row);
  await writeAudit(q, actor, {
    action: 'register.issue',
    entity: 'register_entry',
    entityId: row.id,
    unitId: input.unitId,
    after: {
      notation: entry.notation,
      issuedOn: entry.issuedOn,
      subject: entry.subject,
      reportId: entry.reportId,
      ...(chosen !== null ? { chosenByHand: true } : {}),
    },
  });
  return entry;
}

function numberTaken(number: number, symbol: string, year: number): AppError {
  return new AppError('CONFLICT', numberTakenMessage(number, symbol, year), [
    { path: 'number', message: numberTakenMessage(number, symbol, year) },
  ]);
}

/** The register of one unit and year, in number order. */
export async function listRegister(
  q: Queryable,
  unitId: number,
  year: number,
): Promise<RegisterEntryRecord[]> {
  const rows = await q
    .select()
    .from(registerEntries)
    .where(and(eq(registerEntries.unitId, unitId), eq(registerEntries.year, year)))
    .orderBy(asc(registerEntries.number), asc(registerEntries.series), asc(registerEntries.id));
  return rows.map(registerEntryRecord);
}

/** Years with entries, newest first, always including `current`. */
export async function registerYears(q: Queryable, unitId: number, current: number): Promise<number[]> {
  const rows = await q
    .selectDistinct({ year: registerEntries.year })
    .from(registerEntries)
    .where(eq(registerEntries.unitId, unitId))
    .orderBy(desc(registerEntries.year));
  const years = new Set([current, ...rows.map((r) => r.year)]);
  return [...years].sort((a, b) => b - a);
}

/** The head of the unit's choice of numbering (audited). */
export async function setNumberingScheme(
  q: Queryable,
  actor: AuditActor,
  unitId: number,
  scheme: NumberingScheme,
): Promise<void> {
  const before = await getNumberingScheme(q, unitId);
  if (before.numberingScheme === scheme) return;
  await q.update(units).set({ numberingScheme: scheme, updatedAt: new Date() }).where(eq(units.id, unitId));
  await writeAudit(q, actor, {
    action: 'unit.numbering.update',
    entity: 'unit',
    entityId: unitId,
    unitId,
    before: { numberingScheme: before.numberingScheme },
    after: { numberingScheme: scheme },
  });
}
