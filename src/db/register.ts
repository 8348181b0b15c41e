/**
 * The register of outgoing documents (sổ đăng ký văn bản đi): numbers are taken from a counter per
 * unit, year and series with ONE atomic upsert, so concurrent issues never share a number; the
 * entry and its audit row are written in the caller's transaction.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { RegisterEntryOut } from '../domain/api-documents.js';
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
import type { IsoDate } from '../domain/periods.js';
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
  /** A number chosen by hand (a report file that already has one); refused when already used. */
  number?: number | null;
}

type EntryRow = typeof registerEntries.$inferSelect;

export function presentEntry(row: EntryRow): RegisterEntryOut {
  return {
    id: row.id,
    number: row.number,
    notation: notation(row.number, row.symbol),
    symbol: row.symbol,
    typeCode: row.typeCode,
    series: row.series,
    issuedOn: row.issuedOn,
    subject: row.subject,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    recipients: row.recipients,
    reportId: row.reportId,
  };
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

/**
 * The next number of a series, in one statement. A new counter (first document of the year, or
 * the first after a change of scheme) starts after the highest number already in the register for
 * that series, so a switch of scheme in mid-year cannot give a notation twice.
 */
async function takeNextNumber(q: Queryable, unitId: number, year: number, series: string, typeCode: string) {
  const sameSeries = series === SINGLE_SERIES ? sql`true` : sql`${registerEntries.typeCode} = ${typeCode}`;
  const [row] = await q
    .insert(registerCounters)
    .values({
      unitId,
      year,
      series,
      lastNumber: sql`1 + (
        SELECT COALESCE(MAX(${registerEntries.number}), 0) FROM ${registerEntries}
        WHERE ${registerEntries.unitId} = ${unitId} AND ${registerEntries.year} = ${year} AND ${sameSeries})`,
    })
    .onConflictDoUpdate({
      target: [registerCounters.unitId, registerCounters.year, registerCounters.series],
      set: { lastNumber: sql`${registerCounters.lastNumber} + 1` },
    })
    .returning({ n: registerCounters.lastNumber });
  const n = row?.n;
  if (typeof n !== 'number') throw new Error('register counter returned no number');
  return n;
}

/** A chosen number: the counter moves past it so the next automatic number follows it. */
async function reserveChosenNumber(q: Queryable, unitId: number, year: number, series: string, n: number) {
  await q
    .insert(registerCounters)
    .values({ unitId, year, series, lastNumber: n })
    .onConflictDoUpdate({
      target: [registerCounters.unitId, registerCounters.year, registerCounters.series],
      set: { lastNumber: sql`GREATEST(${registerCounters.lastNumber}, excluded.last_number)` },
    });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Takes the next number (or the chosen one) and writes the register entry and its audit row. */
export async function issueNumber(
  q: Queryable,
  actor: AuditActor,
  input: IssueNumberInput,
): Promise<RegisterEntryOut> {
  const year = registerYear(input.issuedOn);
  const { numberingScheme } = await getNumberingScheme(q, input.unitId);
  const series = seriesFor(numberingScheme, input.typeCode);
  let number: number;
  if (input.number != null) {
    number = input.number;
    if (!Number.isInteger(number) || number < 1 || number > MAX_DOCUMENT_NUMBER) {
      throw new AppError('VALIDATION', 'Số văn bản phải là số nguyên từ 1 đến 99.999.', [
        { path: 'document.number', message: 'Số văn bản không hợp lệ.' },
      ]);
    }
    const taken = await q
      .select({ id: registerEntries.id })
      .from(registerEntries)
      .where(
        and(
          eq(registerEntries.unitId, input.unitId),
          eq(registerEntries.year, year),
          sql`(${registerEntries.series} = ${series} OR ${registerEntries.symbol} = ${input.symbol})`,
          eq(registerEntries.number, number),
        ),
      )
      .limit(1);
    if (taken.length > 0) throw numberTaken(number, input.symbol, year);
    await reserveChosenNumber(q, input.unitId, year, series, number);
  } else {
    number = await takeNextNumber(q, input.unitId, year, series, input.typeCode);
  }
  if (number > MAX_DOCUMENT_NUMBER) {
    throw new AppError('CONFLICT', `Sổ văn bản đi năm ${year} đã hết số (tối đa 99.999).`);
  }
  let row: EntryRow | undefined;
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
  const entry = presentEntry(row);
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
    },
  });
  return entry;
}

function numberTaken(number: number, symbol: string, year: number): AppError {
  return new AppError('CONFLICT', numberTakenMessage(number, symbol, year), [
    { path: 'document.number', message: numberTakenMessage(number, symbol, year) },
  ]);
}

/** The register of one unit and year, in number order. */
export async function listRegister(q: Queryable, unitId: number, year: number): Promise<RegisterEntryOut[]> {
  const rows = await q
    .select()
    .from(registerEntries)
    .where(and(eq(registerEntries.unitId, unitId), eq(registerEntries.year, year)))
    .orderBy(asc(registerEntries.number), asc(registerEntries.series), asc(registerEntries.id));
  return rows.map(presentEntry);
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
