/**
 * Sheet work in a worker thread (sheet-reader.ts starts it): parsing a 50,000-row XLSX, or
 * writing one, takes seconds of CPU that the server's thread must not spend while other officers
 * wait for their answers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../domain/errors.js';
import { logbookKind } from '../domain/logbook/kinds.js';
import { type ExportableRecord, exportColumns } from '../domain/logbook/sheet.js';
import { readSheet } from '../domain/logbook/sheet-read.js';
import { registerXlsx } from '../domain/logbook/sheet-write.js';

export type SheetTask =
  | { task: 'read'; kind: string; bytes: Uint8Array }
  | { task: 'xlsx'; kind: string; personal: boolean; records: ExportableRecord[]; title: string };

async function run(job: SheetTask) {
  const kind = logbookKind(job.kind);
  if (!kind) throw new AppError('NOT_FOUND', 'Không có sổ theo dõi này.');
  if (job.task === 'read') return { table: await readSheet(kind, job.bytes) };
  return { bytes: await registerXlsx(kind, exportColumns(kind, job.personal), job.records, job.title) };
}

try {
  parentPort?.postMessage(await run(workerData as SheetTask));
} catch (error) {
  parentPort?.postMessage(
    error instanceof AppError
      ? { refused: { code: error.code, message: error.message } }
      : { failed: error instanceof Error ? error.message : String(error) },
  );
}
