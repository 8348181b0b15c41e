/**
 * The background run of a confirmed import (src/db/logbook-import.ts): the sheet read again from
 * the stored file (or from this process's cache of the upload), every row checked with
 * `checkLogbookEntry`, progress written to the import's row (rows read, checked; written rows are
 * counted in this process, the transaction being invisible to the others until it commits), then
 * every record in one transaction with the import's final row and its audit row.
 *
 * It runs in the process that received the confirmation, right away; the scheduler's job
 * `logbook.imports` puts back in the queue an import whose process ended while running it, and
 * runs it (claimed with a conditional update: one run per import, whichever instance).
 */

import type { Db } from '../db/client.js';
import { activitySections } from '../db/logbook.js';
import {
  claimImport,
  commitImport,
  failImport,
  getImport,
  getImportSource,
  type ImportRecord,
  importActor,
  requeueStaleImports,
  setImportProgress,
} from '../db/logbook-import.js';
import { AppError } from '../domain/errors.js';
import { type LogbookKind, logbookKind } from '../domain/logbook/kinds.js';
import { type CheckedRows, checkRows, type SheetMapping, type SheetRow } from '../domain/logbook/sheet.js';
import type { SheetTable } from '../domain/logbook/sheet-read.js';
import type { SchedulerLog } from './scheduler.js';
import { readSheetOffThread } from './sheet-reader.js';

/** The sheets read at upload, kept for the preview and the run (a few, newest last). */
const tables = new Map<number, SheetTable>();
const KEPT_TABLES = 2;

export function rememberTable(importId: number, table: SheetTable): void {
  tables.delete(importId);
  tables.set(importId, table);
  while (tables.size > KEPT_TABLES) {
    const oldest = tables.keys().next().value;
    if (oldest === undefined) break;
    tables.delete(oldest);
  }
}

export function forgetTable(importId: number): void {
  tables.delete(importId);
}

/** The import's sheet: from the cache, else read again from the stored file. */
export async function importTable(db: Db, imp: ImportRecord): Promise<SheetTable> {
  const cached = tables.get(imp.id);
  if (cached) return cached;
  const kind = logbookKind(imp.kind);
  const source = await getImportSource(db, imp.id);
  if (!kind || !source)
    throw new AppError('NOT_FOUND', 'Tệp của lần nhập này không còn (đã nhập xong hoặc đã hủy).');
  const table = await readSheetOffThread(kind, source);
  rememberTable(imp.id, table);
  return table;
}

/** Records written so far by a run of this process (its transaction is not visible before commit). */
const writing = new Map<number, number>();

export function writtenRows(importId: number): number | undefined {
  return writing.get(importId);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows checked between two pauses. */
const SLICE = 2000;

/**
 * Every row checked, in slices with a pause between them, so that the server keeps answering
 * meanwhile (a 50,000-row sheet is about two seconds of checks); `onSlice` after each slice.
 */
export async function checkRowsYielding(
  kind: LogbookKind,
  mapping: SheetMapping,
  rows: readonly SheetRow[],
  sectionKeys?: ReadonlySet<string>,
  onSlice?: (done: number) => Promise<void>,
): Promise<CheckedRows> {
  const out: CheckedRows = { accepted: [], refused: [], empty: 0 };
  for (let start = 0; start < rows.length; start += SLICE) {
    const part = checkRows(kind, mapping, rows.slice(start, start + SLICE), sectionKeys);
    for (const a of part.accepted) out.accepted.push(a);
    for (const r of part.refused) out.refused.push(r);
    out.empty += part.empty;
    await onSlice?.(Math.min(start + SLICE, rows.length));
    await tick();
  }
  return out;
}

/** The sections an activity may belong to (the unit's outlines), as the form checks them; none for other registers. */
export async function activityKeys(
  db: Db,
  kind: LogbookKind,
  unitId: number,
): Promise<ReadonlySet<string> | undefined> {
  if (kind.code !== 'activity') return undefined;
  return new Set((await activitySections(db, unitId)).map((s) => s.key));
}

/** Runs one queued import to its end: done (all records) or failed (none). */
export async function runLogbookImport(db: Db, importId: number, log?: SchedulerLog): Promise<void> {
  if (!(await claimImport(db, importId))) return;
  try {
    const imp = await getImport(db, importId);
    const kind = imp ? logbookKind(imp.kind) : undefined;
    if (!imp || !kind) throw new Error(`import ${importId} has no register`);
    const table = await importTable(db, imp);
    await setImportProgress(db, importId, { status: 'checking', totalRows: table.rows.length, doneRows: 0 });
    const checked = await checkRowsYielding(
      kind,
      imp.mapping,
      table.rows,
      await activityKeys(db, kind, imp.unitId),
      (done) => setImportProgress(db, importId, { status: 'checking', doneRows: done }),
    );
    const accepted = checked.accepted.map((a) => a.entry);
    const refused = checked.refused;
    await setImportProgress(db, importId, { status: 'writing', doneRows: table.rows.length });
    writing.set(importId, 0);
    const created = await commitImport(db, await importActor(db, imp), imp, accepted, refused, (rows) =>
      writing.set(importId, rows),
    );
    log?.info({ job: 'logbook.import', importId, created, refused: refused.length }, 'sheet imported');
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : 'Lỗi khi ghi dữ liệu: không bản ghi nào được nhập. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.';
    log?.warn({ job: 'logbook.import', importId, err: error }, 'sheet import failed: nothing written');
    await failImport(db, importId, message).catch(() => undefined);
  } finally {
    writing.delete(importId);
    forgetTable(importId);
  }
}

/** Starts a confirmed import in this process, in the background. */
export function startLogbookImport(db: Db, importId: number, log?: SchedulerLog): Promise<void> {
  const run = runLogbookImport(db, importId, log);
  run.catch(() => undefined);
  return run;
}

/** The scheduler's job: imports whose process ended while running them are run again. */
export async function resumeStaleImports(
  db: Db,
  now: Date,
  log?: SchedulerLog,
): Promise<{ resumed: number }> {
  const ids = await requeueStaleImports(db, new Date(now.getTime() - 30 * 60_000));
  for (const id of ids) await runLogbookImport(db, id, log);
  return { resumed: ids.length };
}
