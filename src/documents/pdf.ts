/**
 * DOCX → PDF through LibreOffice (headless). Conversions go through a bounded queue
 * (pdf-queue.ts: identical requests share one conversion, abandoned ones are dropped) to a few
 * slots, each with its own LibreOffice profile (two soffice on one profile silently lose
 * conversions), one conversion at a time:
 *
 * - resident (the default when a Python with LibreOffice's UNO bridge is found, Debian's
 *   python3-uno): one soffice kept running per slot (pdf-resident.ts), no start-up per document;
 * - per document (fallback): `soffice --convert-to pdf` started for each document.
 *
 * Each conversion works in its own temporary folder, is killed after a timeout, and its output is
 * checked (exists, non-empty, starts with %PDF) before the folder is removed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { constants, readdirSync, rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../domain/errors.js';
import { createPdfQueue, type PdfQueueStats } from './pdf-queue.js';
import { createResidentEngine, type PdfEngine, pdfFailed, readPdf } from './pdf-resident.js';
import { findUnoPython } from './pdf-uno.js';

/** Where LibreOffice usually lives; PATH is searched after these. */
export const SOFFICE_CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

export interface FindOptions {
  /** Paths to try, in order (default: $SOFFICE_PATH, then SOFFICE_CANDIDATES). */
  candidates?: string[];
  /** Also look for soffice / libreoffice on PATH (default true). */
  searchPath?: boolean;
}

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice executable, or null when LibreOffice is not installed. */
export async function findSoffice(options: FindOptions = {}): Promise<string | null> {
  const env = process.env.SOFFICE_PATH ? [process.env.SOFFICE_PATH] : [];
  for (const file of options.candidates ?? [...env, ...SOFFICE_CANDIDATES]) {
    if (await executable(file)) return file;
  }
  if (options.searchPath === false) return null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      if (await executable(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return null;
}

export interface ConverterOptions extends FindOptions {
  /** Conversions running at once, each with its own profile (default 1). */
  slots?: number;
  /** Conversions waiting before new ones are refused with PDF_BUSY (default 8). */
  maxWaiting?: number;
  /** Milliseconds before a conversion is killed (default 60 s). */
  timeoutMs?: number;
  /** 'auto' (resident when python3-uno is there, else per document), or one of them. */
  mode?: 'auto' | 'resident' | 'per-document';
  /** Tests: the engine of each slot instead of LibreOffice. */
  engine?: (slot: number) => PdfEngine;
}

export interface ConvertOptions {
  /** The same key means the same document: concurrent requests share one conversion. */
  key?: string;
  /** Aborted when the requester goes away: its conversion is dropped if not yet started. */
  signal?: AbortSignal;
}

export interface PdfConverter {
  convert(docx: Uint8Array, options?: ConvertOptions): Promise<Uint8Array>;
  /** Which engine runs the conversions, once known ('none' without LibreOffice). */
  mode(): Promise<'resident' | 'per-document' | 'none' | 'custom'>;
  readonly stats: Readonly<PdfQueueStats>;
  /** Conversions waiting for a free slot. */
  readonly waiting: number;
  /** Stops resident LibreOffices and removes the profile folders; the converter can still be used. */
  close(): Promise<void>;
}

function unavailable(): AppError {
  return new AppError('PDF_UNAVAILABLE');
}

function run(
  soffice: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (error) {
      reject(error);
      return;
    }
    let output = '';
    const collect = (d: Buffer) => {
      if (output.length < 4000) output += d.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      // Kill the whole group: soffice starts soffice.bin as a child.
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
      reject(pdfFailed(`quá ${Math.round(timeoutMs / 1000)} giây`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** `soffice --convert-to pdf` for each document, in the slot's own profile. */
function createPerDocumentEngine(soffice: string, folder: string, timeoutMs: number): PdfEngine {
  const profile = path.join(folder, 'profile');
  return {
    async convert(docx) {
      await mkdir(profile, { recursive: true });
      const work = await mkdtemp(path.join(folder, 'job-'));
      try {
        const input = path.join(work, 'document.docx');
        await writeFile(input, docx);
        const outDir = path.join(work, 'out');
        const args = [
          '--headless',
          '--norestore',
          '--nologo',
          '--nolockcheck',
          '--nodefault',
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          input,
        ];
        const { code, output } = await run(soffice, args, timeoutMs).catch((error: unknown) => {
          throw error instanceof AppError
            ? error
            : pdfFailed(`không chạy được LibreOffice: ${String(error)}`);
        });
        return await readPdf(
          path.join(outDir, 'document.pdf'),
          () =>
            `LibreOffice kết thúc với mã ${code} mà không tạo tệp PDF${output.trim() ? `: ${output.trim().slice(0, 200)}` : ''}`,
        );
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    async close() {
      await rm(folder, { recursive: true, force: true });
    },
  };
}

const PREFIX = 'doingoai-soffice-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the profile folders of converters whose process ended without cleaning up (killed). */
function removeStaleFolders(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(PREFIX) ? Number(/^doingoai-soffice-(\d+)-/.exec(name)?.[1]) : 0;
    if (pid && pid !== process.pid && !alive(pid))
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

interface Slots {
  mode: 'resident' | 'per-document' | 'custom';
  engines: PdfEngine[];
  free: PdfEngine[];
}

/** A converter with its queue and its slots (profiles, resident LibreOffices). */
export function createPdfConverter(options: ConverterOptions = {}): PdfConverter {
  const size = Math.max(1, options.slots ?? 1);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const queue = createPdfQueue({ concurrency: size, maxWaiting: options.maxWaiting ?? 8 });
  removeStaleFolders();
  const base = path.join(tmpdir(), `${PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const cleanup = () => rmSync(base, { recursive: true, force: true });
  let slots: Promise<Slots | null> | undefined;

  const makeSlots = async (): Promise<Slots | null> => {
    const custom = options.engine;
    if (custom) {
      const engines = Array.from({ length: size }, (_, i) => custom(i));
      return { mode: 'custom', engines, free: [...engines] };
    }
    const soffice = await findSoffice(options);
    if (!soffice) return null;
    const python = options.mode === 'per-document' ? null : await findUnoPython(soffice);
    if (options.mode === 'resident' && !python) throw unavailable();
    process.once('exit', cleanup);
    const folder = (i: number) => path.join(base, `slot-${i}`);
    const engines = Array.from({ length: size }, (_, i) =>
      python
        ? createResidentEngine({ soffice, python, folder: folder(i), timeoutMs })
        : createPerDocumentEngine(soffice, folder(i), timeoutMs),
    );
    return { mode: python ? 'resident' : 'per-document', engines, free: [...engines] };
  };

  const ready = async (): Promise<Slots> => {
    slots ??= makeSlots();
    const s = await slots;
    if (!s) {
      slots = undefined; // look again next time: LibreOffice may be installed meanwhile
      throw unavailable();
    }
    return s;
  };

  let anonymous = 0;
  return {
    async convert(docx, convertOptions = {}) {
      const s = await ready();
      const key = convertOptions.key ?? `anonymous-${++anonymous}`;
      return queue.run(
        key,
        async () => {
          // The queue runs at most `size` conversions at once: a slot is always free here.
          const engine = s.free.pop();
          if (!engine) throw pdfFailed('không còn chỗ chuyển đổi');
          try {
            return await engine.convert(docx);
          } finally {
            s.free.push(engine);
          }
        },
        convertOptions.signal,
      );
    },
    async mode() {
      try {
        return (await ready()).mode;
      } catch {
        return 'none';
      }
    },
    stats: queue.stats,
    get waiting() {
      return queue.waiting;
    },
    async close() {
      const s = slots ? await slots.catch(() => null) : null;
      slots = undefined;
      if (s) await Promise.all(s.engines.map((e) => e.close()));
      process.removeListener('exit', cleanup);
      await rm(base, { recursive: true, force: true });
    },
  };
}

let shared: PdfConverter | undefined;

/** The process-wide converter (one resident LibreOffice for the whole server). */
export function sharedPdfConverter(): PdfConverter {
  shared ??= createPdfConverter();
  return shared;
}

/** Tests and benchmarks: puts another converter in place of the process-wide one; returns the old. */
export function setSharedPdfConverter(converter: PdfConverter | undefined): PdfConverter | undefined {
  const old = shared;
  shared = converter;
  return old;
}

/** Converts a DOCX to PDF through the process-wide queue. AppError PDF_UNAVAILABLE / PDF_BUSY / PDF_FAILED. */
export function convertToPdf(docx: Uint8Array, options?: ConvertOptions): Promise<Uint8Array> {
  return sharedPdfConverter().convert(docx, options);
}
