/**
 * DOCX → PDF through LibreOffice (headless). Two soffice processes sharing one user profile
 * silently lose conversions, so every conversion goes through a small pool: each slot has its own
 * profile folder and runs one conversion at a time; callers queue for a free slot. Each conversion
 * works in its own temporary folder, is killed after a timeout, and its output is checked (exists,
 * non-empty, starts with %PDF) before the folder is removed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { constants, readdirSync, rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../domain/errors.js';

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
  /** Conversions running at once, each with its own profile (default: 2, or 1 on one core). */
  slots?: number;
  /** Milliseconds before a conversion is killed (default 60 s). */
  timeoutMs?: number;
}

export interface PdfConverter {
  convert(docx: Uint8Array): Promise<Uint8Array>;
  /** Removes the profile folders; the converter can still be used (profiles are re-created). */
  close(): Promise<void>;
}

function unavailable(): AppError {
  return new AppError('PDF_UNAVAILABLE');
}

function failed(detail: string): AppError {
  return new AppError('PDF_FAILED', `${new AppError('PDF_FAILED').message} (${detail})`);
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
      reject(failed(`quá ${Math.round(timeoutMs / 1000)} giây`));
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

interface Slot {
  profile: string;
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

/** A converter with its own pool of LibreOffice profiles. */
export function createPdfConverter(options: ConverterOptions = {}): PdfConverter {
  const size = Math.max(1, options.slots ?? Math.min(2, cpus().length));
  const timeoutMs = options.timeoutMs ?? 60_000;
  removeStaleFolders();
  const base = path.join(tmpdir(), `${PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const free: Slot[] = Array.from({ length: size }, (_, i) => ({ profile: path.join(base, `profile-${i}`) }));
  const waiting: ((slot: Slot) => void)[] = [];
  let soffice: Promise<string | null> | undefined;
  const cleanup = () => rmSync(base, { recursive: true, force: true });
  let registered = false;

  const acquire = (): Promise<Slot> => {
    const slot = free.pop();
    return slot ? Promise.resolve(slot) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };

  async function convertIn(slot: Slot, exe: string, docx: Uint8Array): Promise<Uint8Array> {
    await mkdir(slot.profile, { recursive: true });
    const work = await mkdtemp(path.join(base, 'job-'));
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
        `-env:UserInstallation=${pathToFileURL(slot.profile).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        input,
      ];
      const { code, output } = await run(exe, args, timeoutMs).catch((error: unknown) => {
        throw error instanceof AppError ? error : failed(`không chạy được LibreOffice: ${String(error)}`);
      });
      let pdf: Buffer;
      try {
        pdf = await readFile(path.join(outDir, 'document.pdf'));
      } catch {
        throw failed(
          `LibreOffice kết thúc với mã ${code} mà không tạo tệp PDF${output.trim() ? `: ${output.trim().slice(0, 200)}` : ''}`,
        );
      }
      if (pdf.length < 5 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw failed('tệp tạo ra không phải PDF');
      }
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  return {
    async convert(docx) {
      soffice ??= findSoffice(options);
      const exe = await soffice;
      if (!exe) {
        soffice = undefined; // look again next time: LibreOffice may be installed meanwhile
        throw unavailable();
      }
      if (!registered) {
        process.once('exit', cleanup);
        registered = true;
      }
      const slot = await acquire();
      try {
        return await convertIn(slot, exe, docx);
      } finally {
        release(slot);
      }
    },
    async close() {
      process.removeListener('exit', cleanup);
      registered = false;
      await rm(base, { recursive: true, force: true });
    },
  };
}

let shared: PdfConverter | undefined;

/** Converts a DOCX to PDF through the process-wide pool. AppError PDF_UNAVAILABLE / PDF_FAILED. */
export function convertToPdf(docx: Uint8Array): Promise<Uint8Array> {
  shared ??= createPdfConverter();
  return shared.convert(docx);
}
