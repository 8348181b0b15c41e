/**
 * Sheet work off the server's thread: a large file (over OFF_THREAD_BYTES) is parsed, and a large
 * export (over OFF_THREAD_RECORDS) written, in a worker thread, so that a 50,000-row sheet
 * (seconds of CPU in exceljs) never stalls the other requests; small ones are done in place (a
 * worker costs more than it saves).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../domain/errors.js';
import type { LogbookKind } from '../domain/logbook/kinds.js';
import { type ExportableRecord, exportColumns } from '../domain/logbook/sheet.js';
import { readSheet, type SheetTable } from '../domain/logbook/sheet-read.js';
import { registerXlsx } from '../domain/logbook/sheet-write.js';
import type { SheetTask } from './sheet-read-worker.js';

/** Files above this size are read in a worker thread. */
export const OFF_THREAD_BYTES = 512 * 1024;
/** Exports of more records than this are written in a worker thread. */
export const OFF_THREAD_RECORDS = 2000;

/**
 * The worker: the compiled JavaScript beside this file, or (from the sources) a small script that
 * registers tsx in the worker and then imports the TypeScript file.
 */
function startWorker(task: SheetTask): Worker {
  const js = new URL('./sheet-read-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: task });
  // tsx's ESM entry (require.resolve gives its CommonJS twin, beside it).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const source = new URL('./sheet-read-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData: task });
}

type WorkerAnswer<T> = T | { refused: { code: ErrorCode; message: string } } | { failed: string };

function inWorker<T extends object>(task: SheetTask): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(task);
    let settled = false;
    worker.once('message', (answer: WorkerAnswer<T>) => {
      settled = true;
      if ('refused' in answer) reject(new AppError(answer.refused.code, answer.refused.message));
      else if ('failed' in answer) reject(new Error(`sheet worker: ${answer.failed}`));
      else resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`sheet worker ended with code ${code}`));
    });
  });
}

export async function readSheetOffThread(kind: LogbookKind, bytes: Uint8Array): Promise<SheetTable> {
  if (bytes.byteLength <= OFF_THREAD_BYTES) return readSheet(kind, bytes);
  return (await inWorker<{ table: SheetTable }>({ task: 'read', kind: kind.code, bytes })).table;
}

export async function registerXlsxOffThread(
  kind: LogbookKind,
  personal: boolean,
  records: ExportableRecord[],
  title: string,
): Promise<Uint8Array> {
  if (records.length <= OFF_THREAD_RECORDS)
    return registerXlsx(kind, exportColumns(kind, personal), records, title);
  return (await inWorker<{ bytes: Uint8Array }>({ task: 'xlsx', kind: kind.code, personal, records, title }))
    .bytes;
}
