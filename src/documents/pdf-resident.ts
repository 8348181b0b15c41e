/**
 * A resident LibreOffice: one soffice kept running behind the UNO helper (pdf-uno.ts), so that a
 * conversion costs the document's layout only, not LibreOffice's start-up (about a tenth of a
 * bare `soffice --convert-to pdf` here). One conversion at a time per engine. It starts on first
 * use; if it dies or a conversion passes the timeout, it is killed (process group: helper and
 * soffice) and the next conversion starts a fresh one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../domain/errors.js';
import { UNO_WORKER } from './pdf-uno.js';

export interface PdfEngine {
  convert(docx: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ResidentOptions {
  soffice: string;
  python: string;
  /** A folder of its own: the LibreOffice profile and the working files go there. */
  folder: string;
  timeoutMs: number;
  /**
   * Milliseconds for LibreOffice to start and answer (default: half the timeout, at most 30 s; a
   * fresh profile takes a few seconds). A start that hangs is killed and tried once more.
   */
  startTimeoutMs?: number;
}

export function pdfFailed(detail: string): AppError {
  return new AppError('PDF_FAILED', `${new AppError('PDF_FAILED').message} (${detail})`);
}

/** Checks what a converter wrote: exists, non-empty, a PDF. */
export async function readPdf(file: string, detail: () => string): Promise<Uint8Array> {
  let pdf: Buffer;
  try {
    pdf = await readFile(file);
  } catch {
    throw pdfFailed(detail());
  }
  if (pdf.length < 5 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw pdfFailed('tệp tạo ra không phải PDF');
  }
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

interface Answer {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  error?: string;
  fatal?: boolean;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  pending: Map<number, (answer: Answer) => void>;
  /** Stopped (killed, died): nothing sent to it will ever be answered. */
  stopped: string | null;
}

function killGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Keeps the event loop alive only while a conversion waits (a CLI may end with soffice idle). */
function hold(child: ChildProcess, on: boolean): void {
  for (const stream of [child.stdout, child.stderr, child.stdin] as unknown as (Socket | null)[]) {
    if (on) stream?.ref?.();
    else stream?.unref?.();
  }
  if (on) child.ref();
  else child.unref();
}

export interface ResidentEngine extends PdfEngine {
  /** LibreOffices started so far (one, plus one per restart). */
  starts(): number;
}

export function createResidentEngine(options: ResidentOptions): ResidentEngine {
  // A LibreOffice killed mid-write may leave its profile (registrymodifications.xcu) truncated,
  // which can stop the next start: each start after a failure takes a new profile (~1 s more).
  let generation = 0;
  let failedSinceStart = false;
  const profileDir = () => path.join(options.folder, `profile-${generation}`);
  const startMs = options.startTimeoutMs ?? Math.min(30_000, options.timeoutMs / 2);
  let worker: Worker | null = null;
  let nextId = 1;
  let busy: Promise<unknown> = Promise.resolve();
  let listening = false;
  const onExit = () => {
    if (worker) killGroup(worker.child);
  };

  const stop = (w: Worker, reason: string) => {
    if (worker === w) worker = null;
    failedSinceStart = true;
    w.stopped ??= reason;
    killGroup(w.child);
    for (const deliver of w.pending.values()) deliver({ error: reason, fatal: true });
    w.pending.clear();
  };

  let starts = 0;
  const start = (): Worker => {
    starts++;
    if (failedSinceStart) {
      void rm(profileDir(), { recursive: true, force: true });
      generation++;
      failedSinceStart = false;
    }
    const profile = pathToFileURL(profileDir()).href;
    const pipe = `doingoai-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    const child = spawn(
      options.python,
      ['-c', UNO_WORKER, options.soffice, profile, pipe, String(startMs / 1000)],
      { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
    );
    const w: Worker = { child, ready: Promise.resolve(), pending: new Map(), stopped: null };
    let errors = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (errors.length < 2000) errors += d.toString();
    });
    let buffer = '';
    let readyAnswer: ((a: Answer) => void) | null = null;
    w.ready = new Promise<void>((resolve, reject) => {
      readyAnswer = (a) =>
        a.ready ? resolve() : reject(pdfFailed(`LibreOffice không khởi động: ${a.error}`));
    });
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let answer: Answer;
        try {
          answer = JSON.parse(line) as Answer;
        } catch {
          continue;
        }
        if (answer.id === undefined) readyAnswer?.(answer);
        else w.pending.get(answer.id)?.(answer);
        if (answer.id !== undefined) w.pending.delete(answer.id);
      }
    });
    const ended = (why: string) => {
      readyAnswer?.({
        ready: false,
        error: `${why}${errors.trim() ? `: ${errors.trim().slice(0, 300)}` : ''}`,
      });
      stop(w, `LibreOffice dừng giữa chừng (${why})`);
    };
    child.on('error', (error) => ended(String(error)));
    child.on('exit', (code, signal) => ended(`mã ${code ?? signal}`));
    child.stdin?.on('error', () => undefined);
    if (!listening) {
      process.on('exit', onExit);
      listening = true;
    }
    return w;
  };

  const convertOnce = async (docx: Uint8Array, again = true): Promise<Uint8Array> => {
    if (!worker) worker = start();
    const w = worker;
    hold(w.child, true);
    await mkdir(options.folder, { recursive: true });
    const work = await mkdtemp(path.join(options.folder, 'job-'));
    const timer: { id?: NodeJS.Timeout } = {};
    try {
      const input = path.join(work, 'document.docx');
      const output = path.join(work, 'document.pdf');
      await writeFile(input, docx);
      const answer = await new Promise<Answer>((resolve) => {
        // It may have died while the files were written (its exit seen meanwhile).
        if (w.stopped) {
          resolve({ error: w.stopped, fatal: true });
          return;
        }
        timer.id = setTimeout(() => {
          stop(w, `quá ${Math.round(options.timeoutMs / 1000)} giây`);
        }, options.timeoutMs);
        w.ready.then(
          () => {
            const id = nextId++;
            w.pending.set(id, resolve);
            w.child.stdin?.write(`${JSON.stringify({ id, input, output })}\n`);
          },
          (error: unknown) =>
            resolve({ error: error instanceof Error ? error.message : String(error), fatal: true }),
        );
        // stop() answers everything pending, including a conversion not yet sent.
        w.pending.set(-1, resolve);
      });
      w.pending.delete(-1);
      if (answer.fatal) {
        stop(w, answer.error ?? 'LibreOffice dừng');
        // LibreOffice died (killed, crashed, out of memory) or hung: once more with a fresh one.
        if (again) return await convertOnce(docx, false);
      }
      if (!answer.ok)
        throw answer.error?.startsWith('Chuyển văn bản')
          ? new AppError('PDF_FAILED', answer.error)
          : pdfFailed(answer.error ?? 'không rõ lỗi');
      return await readPdf(output, () => 'LibreOffice không tạo tệp PDF');
    } finally {
      clearTimeout(timer.id);
      if (worker === w) hold(w.child, false);
      await rm(work, { recursive: true, force: true });
    }
  };

  return {
    starts: () => starts,
    convert(docx) {
      const result = busy.then(() => convertOnce(docx));
      busy = result.catch(() => undefined);
      return result;
    },
    async close() {
      await busy;
      if (worker) {
        const w = worker;
        worker = null;
        w.child.stdin?.end();
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            killGroup(w.child);
            resolve();
          }, 5000);
          w.child.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
          if (w.child.exitCode !== null || w.child.signalCode !== null) {
            clearTimeout(t);
            resolve();
          }
        });
      }
      process.removeListener('exit', onExit);
      listening = false;
      await rm(options.folder, { recursive: true, force: true });
    },
  };
}
