/**
 * Imports of sheets into a register, and reading a register for its export.
 *
 * An import is a row of `logbook_imports` from the upload on (status `pending`, the file kept in
 * `source`), while the officer corrects the mapping and reads the preview; the confirmation queues
 * it (`queued`), the background run (src/jobs/logbook-import.ts) claims it and reports its progress
 * (`reading` → `checking` → `writing`), then writes ALL its records, the import's final row and
 * the audit row in ONE transaction (`done`): nothing is ever half-imported. A run that fails
 * leaves no record and marks the import `failed` with the reason.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { LogbookKindCode } from '../domain/logbook/kinds.js';
import type { LogbookData, LogbookEntryInput, LogbookFieldError } from '../domain/logbook/record.js';
import type { SheetMapping } from '../domain/logbook/sheet.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Db, Queryable } from './client.js';
import { logbookImports, logbookRecords, users } from './schema.js';

export const IMPORT_STATUSES = [
  'pending',
  'queued',
  'reading',
  'checking',
  'writing',
  'done',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** The states of an import the background run is working on. */
export const RUNNING_STATUSES: readonly ImportStatus[] = ['queued', 'reading', 'checking', 'writing'];

export interface RefusedRow {
  row: number;
  reasons: LogbookFieldError[];
}

export interface ImportRecord {
  id: number;
  unitId: number;
  kind: LogbookKindCode;
  fileName: string;
  status: ImportStatus;
  mapping: SheetMapping;
  headers: string[];
  totalRows: number;
  doneRows: number;
  createdRows: number;
  refused: RefusedRow[];
  error: string | null;
  fileHash: string | null;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

const importColumns = {
  id: logbookImports.id,
  unitId: logbookImports.unitId,
  kind: logbookImports.kind,
  fileName: logbookImports.fileName,
  status: logbookImports.status,
  mapping: logbookImports.mapping,
  headers: logbookImports.headers,
  totalRows: logbookImports.totalRows,
  doneRows: logbookImports.doneRows,
  createdRows: logbookImports.createdRows,
  refused: logbookImports.refused,
  error: logbookImports.error,
  fileHash: logbookImports.fileHash,
  createdBy: logbookImports.createdBy,
  createdAt: logbookImports.createdAt,
  finishedAt: logbookImports.finishedAt,
};

type ImportRow = {
  [K in keyof typeof importColumns]: (typeof importColumns)[K]['_']['data'] | null;
};

function toRecord(row: ImportRow): ImportRecord {
  return {
    id: row.id as number,
    unitId: row.unitId as number,
    kind: row.kind as LogbookKindCode,
    fileName: row.fileName as string,
    status: row.status as ImportStatus,
    mapping: (row.mapping ?? []) as SheetMapping,
    headers: row.headers ?? [],
    totalRows: row.totalRows ?? 0,
    doneRows: row.doneRows ?? 0,
    createdRows: row.createdRows ?? 0,
    refused: (row.refused ?? []) as RefusedRow[],
    error: row.error ?? null,
    fileHash: row.fileHash ?? null,
    createdBy: row.createdBy ?? null,
    createdAt: (row.createdAt as Date).toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

export interface NewImport {
  unitId: number;
  kind: LogbookKindCode;
  fileName: string;
  fileHash: string;
  source: Uint8Array;
  headers: string[];
  mapping: SheetMapping;
  totalRows: number;
  createdBy: number | null;
}

/** The uploaded file, kept until the import is confirmed and done (nothing official yet: no audit). */
export async function createImportDraft(q: Queryable, input: NewImport): Promise<number> {
  const [row] = await q
    .insert(logbookImports)
    .values({
      unitId: input.unitId,
      kind: input.kind,
      fileName: input.fileName,
      status: 'pending',
      mapping: input.mapping,
      headers: input.headers,
      totalRows: input.totalRows,
      fileHash: input.fileHash,
      source: input.source,
      createdBy: input.createdBy,
    })
    .returning({ id: logbookImports.id });
  if (!row) throw new Error('import not created');
  return row.id;
}

export async function getImport(q: Queryable, id: number): Promise<ImportRecord | null> {
  const [row] = await q.select(importColumns).from(logbookImports).where(eq(logbookImports.id, id)).limit(1);
  return row ? toRecord(row) : null;
}

export async function getImportSource(q: Queryable, id: number): Promise<Uint8Array | null> {
  const [row] = await q
    .select({ source: logbookImports.source })
    .from(logbookImports)
    .where(eq(logbookImports.id, id))
    .limit(1);
  return row?.source ?? null;
}

/** An earlier import of the same file into the same register (done, or on its way). */
export async function findSameFileImport(
  q: Queryable,
  input: { unitId: number; kind: LogbookKindCode; fileHash: string; exceptId?: number },
): Promise<ImportRecord | null> {
  const [row] = await q
    .select(importColumns)
    .from(logbookImports)
    .where(
      and(
        eq(logbookImports.unitId, input.unitId),
        eq(logbookImports.kind, input.kind),
        eq(logbookImports.fileHash, input.fileHash),
        inArray(logbookImports.status, ['done', ...RUNNING_STATUSES]),
        input.exceptId ? ne(logbookImports.id, input.exceptId) : undefined,
      ),
    )
    .orderBy(asc(logbookImports.id))
    .limit(1);
  return row ? toRecord(row) : null;
}

/** The mapping confirmed for the last import of a sheet with exactly these headers (a monthly sheet). */
export async function mappingOfSameHeaders(
  q: Queryable,
  input: { unitId: number; kind: LogbookKindCode; headers: string[] },
): Promise<SheetMapping | null> {
  const [row] = await q
    .select({ mapping: logbookImports.mapping })
    .from(logbookImports)
    .where(
      and(
        eq(logbookImports.unitId, input.unitId),
        eq(logbookImports.kind, input.kind),
        eq(logbookImports.status, 'done'),
        sql`${logbookImports.headers} = ${JSON.stringify(input.headers)}::jsonb`,
      ),
    )
    .orderBy(desc(logbookImports.id))
    .limit(1);
  return row ? (row.mapping as SheetMapping) : null;
}

export async function saveImportMapping(q: Queryable, id: number, mapping: SheetMapping): Promise<void> {
  await q
    .update(logbookImports)
    .set({ mapping })
    .where(and(eq(logbookImports.id, id), eq(logbookImports.status, 'pending')));
}

/** The confirmation: pending → queued with its final mapping. False if it was not pending. */
export async function queueImport(q: Queryable, id: number, mapping: SheetMapping): Promise<boolean> {
  const rows = await q
    .update(logbookImports)
    .set({ status: 'queued', mapping, doneRows: 0, startedAt: new Date() })
    .where(and(eq(logbookImports.id, id), eq(logbookImports.status, 'pending')))
    .returning({ id: logbookImports.id });
  return rows.length === 1;
}

/** The background run takes a queued import (once, whichever process asks). */
export async function claimImport(q: Queryable, id: number): Promise<boolean> {
  const rows = await q
    .update(logbookImports)
    .set({ status: 'reading', startedAt: new Date() })
    .where(and(eq(logbookImports.id, id), eq(logbookImports.status, 'queued')))
    .returning({ id: logbookImports.id });
  return rows.length === 1;
}

export async function setImportProgress(
  q: Queryable,
  id: number,
  progress: { status: ImportStatus; totalRows?: number; doneRows?: number },
): Promise<void> {
  await q
    .update(logbookImports)
    .set({
      status: progress.status,
      ...(progress.totalRows === undefined ? {} : { totalRows: progress.totalRows }),
      ...(progress.doneRows === undefined ? {} : { doneRows: progress.doneRows }),
    })
    .where(and(eq(logbookImports.id, id), inArray(logbookImports.status, RUNNING_STATUSES)));
}

export async function failImport(q: Queryable, id: number, message: string): Promise<void> {
  await q
    .update(logbookImports)
    .set({ status: 'failed', error: message, finishedAt: new Date() })
    .where(and(eq(logbookImports.id, id), inArray(logbookImports.status, RUNNING_STATUSES)));
}

/** Records per INSERT (progress is counted per batch). */
const INSERT_BATCH = 2000;

/**
 * Writes the accepted rows as records of the import, the import as done (with its refused rows)
 * and the audit row, in one transaction: every record or none. Returns the records created, or
 * null if the import was not being written (another run finished it).
 */
export async function commitImport(
  db: Db,
  actor: AuditActor,
  imp: Pick<ImportRecord, 'id' | 'unitId' | 'kind' | 'fileName'>,
  entries: readonly LogbookEntryInput[],
  refused: readonly RefusedRow[],
  onWritten?: (rows: number) => void,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(logbookImports)
      .set({
        status: 'done',
        createdRows: entries.length,
        doneRows: entries.length + refused.length,
        refused,
        source: null,
        finishedAt: new Date(),
      })
      .where(and(eq(logbookImports.id, imp.id), eq(logbookImports.status, 'writing')))
      .returning({ id: logbookImports.id });
    if (claimed.length === 0) return null;
    for (let i = 0; i < entries.length; i += INSERT_BATCH) {
      const batch = entries.slice(i, i + INSERT_BATCH).map((e) => ({
        starts_on: e.startsOn,
        ends_on: e.endsOn ?? null,
        section_key: e.sectionKey ?? null,
        data: e.data,
      }));
      // One parameter per batch (the rows as JSON): building a 1,000-row drizzle INSERT took ~400 ms.
      await tx.execute(sql`
        INSERT INTO logbook_records
          (unit_id, kind, starts_on, ends_on, section_key, data, import_id, created_by, updated_by)
        SELECT ${imp.unitId}::integer, ${imp.kind}::text, r.starts_on, r.ends_on, r.section_key, r.data,
               ${imp.id}::integer, ${actor.userId}::integer, ${actor.userId}::integer
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          AS r(starts_on text, ends_on text, section_key text, data jsonb)`);
      onWritten?.(Math.min(i + INSERT_BATCH, entries.length));
    }
    await writeAudit(tx, actor, {
      action: 'logbook.import',
      entity: 'logbook_import',
      entityId: imp.id,
      unitId: imp.unitId,
      after: { kind: imp.kind, fileName: imp.fileName, created: entries.length, refused: refused.length },
    });
    return entries.length;
  });
}

/** Who confirmed the import, as the audit names him. */
export async function importActor(q: Queryable, imp: ImportRecord): Promise<AuditActor> {
  if (imp.createdBy === null) return { userId: null, label: 'import' };
  const [user] = await q
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, imp.createdBy))
    .limit(1);
  return { userId: imp.createdBy, label: user?.username ?? 'import' };
}

/**
 * Imports left behind by a process that ended while running them (older than `staleBefore` and
 * still queued or running): put back in the queue for the next run.
 */
export async function requeueStaleImports(q: Queryable, staleBefore: Date): Promise<number[]> {
  const rows = await q
    .update(logbookImports)
    .set({ status: 'queued', startedAt: new Date() })
    .where(
      and(
        inArray(logbookImports.status, RUNNING_STATUSES),
        lt(logbookImports.startedAt, staleBefore),
        sql`${logbookImports.source} IS NOT NULL`,
      ),
    )
    .returning({ id: logbookImports.id });
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Export

export interface ExportRecordRow {
  startsOn: string;
  endsOn: string | null;
  sectionKey: string | null;
  data: LogbookData;
}

/** A register's live records for its export, in date order, between `from` and `to` when given. */
export async function recordsForExport(
  q: Queryable,
  unitId: number,
  kind: LogbookKindCode,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<ExportRecordRow[]> {
  return q
    .select({
      startsOn: logbookRecords.startsOn,
      endsOn: logbookRecords.endsOn,
      sectionKey: logbookRecords.sectionKey,
      data: logbookRecords.data,
    })
    .from(logbookRecords)
    .where(
      and(
        eq(logbookRecords.unitId, unitId),
        eq(logbookRecords.kind, kind),
        isNull(logbookRecords.deletedAt),
        range.from ? gte(logbookRecords.startsOn, range.from) : undefined,
        range.to ? lte(logbookRecords.startsOn, range.to) : undefined,
      ),
    )
    .orderBy(asc(logbookRecords.startsOn), asc(logbookRecords.id));
}

/** An export that carried personal data is audited: who exported which register, which dates. */
export async function auditPersonalExport(
  db: Db,
  actor: AuditActor,
  input: { unitId: number; kind: LogbookKindCode; format: string; from?: string; to?: string; rows: number },
): Promise<void> {
  await writeAudit(db, actor, {
    action: 'logbook.export.personal',
    entity: 'logbook',
    entityId: input.kind,
    unitId: input.unitId,
    after: { format: input.format, from: input.from ?? null, to: input.to ?? null, rows: input.rows },
  });
}
