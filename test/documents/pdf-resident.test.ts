/**
 * The resident LibreOffice (one soffice kept running, documents handed over through python3-uno):
 * it gives the same PDF as a bare `soffice --convert-to pdf`, serves several documents with the
 * same process (no start-up per document), restarts when it dies, and explains a missing piece.
 * CI installs LibreOffice and python3-uno (.ci/run): there, their absence fails the tests.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.js';
import { createPdfConverter, findSoffice } from '../../src/documents/pdf.js';
import { createResidentEngine } from '../../src/documents/pdf-resident.js';
import { findUnoPython } from '../../src/documents/pdf-uno.js';
import { communeReport, draftLetter } from './fixtures.js';

const soffice = await findSoffice();
const python = soffice ? await findUnoPython(soffice) : null;
const inCi = process.env.CI === 'true';
if (!python && !inCi) {
  console.warn(
    'LibreOffice with python3-uno is not installed: the resident LibreOffice tests are NOT run here. ' +
      'On Debian: apt-get install libreoffice-writer-nogui python3-uno (CI installs both).',
  );
}

const scratch = mkdtempSync(path.join(tmpdir(), 'doingoai-resident-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Processes whose command line names `folder` (and `name`): one engine's soffice and its helper. */
function processesUsing(folder: string, name = ''): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      if (cmd.includes(folder) && cmd.includes(name)) pids.push(Number(pid));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

const isPdf = (pdf: Uint8Array) => Buffer.from(pdf.subarray(0, 5)).toString('latin1') === '%PDF-';

async function waitGone(folder: string, pids: number[]): Promise<void> {
  for (let i = 0; i < 100 && processesUsing(folder).some((p) => pids.includes(p)); i++)
    await new Promise((r) => setTimeout(r, 50));
}

const pages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;

function pdfText(pdf: Uint8Array, name: string): string | null {
  const file = path.join(scratch, `${name}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null; // poppler-utils absent: the page count is compared only
  }
}

describe('the resident LibreOffice', () => {
  it.runIf(inCi)('is available in CI (LibreOffice and python3-uno installed)', () => {
    expect(soffice).not.toBeNull();
    expect(python).not.toBeNull();
  });

  it.runIf(python)('gives the same PDF as a bare soffice --convert-to pdf', async () => {
    const docx = await renderDocx(communeReport());
    const converter = createPdfConverter();
    expect(await converter.mode()).toBe('resident');
    const resident = await converter.convert(docx);
    await converter.close();

    const input = path.join(scratch, 'document.docx');
    writeFileSync(input, docx);
    execFileSync(
      soffice as string,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(path.join(scratch, 'bare-profile')).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        path.join(scratch, 'bare'),
        input,
      ],
      { stdio: 'ignore' },
    );
    const bare = new Uint8Array(readFileSync(path.join(scratch, 'bare', 'document.pdf')));
    expect(Buffer.from(resident.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pages(resident)).toBeGreaterThan(0);
    expect(pages(resident)).toBe(pages(bare));
    const [a, b] = [pdfText(resident, 'resident'), pdfText(bare, 'bare')];
    if (a !== null && b !== null) {
      expect(a).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(a).toBe(b);
    }
  });

  it.runIf(python)(
    'serves several documents with one soffice, and starts a new one when it dies',
    async () => {
      const folder = path.join(scratch, 'engine');
      const engine = createResidentEngine({
        soffice: soffice as string,
        python: python as string,
        folder,
        // A hung conversion is killed and retried once on a fresh LibreOffice: within the test's time.
        timeoutMs: 25_000,
      });
      try {
        const letter = await renderDocx(draftLetter());
        await engine.convert(letter);
        const first = processesUsing(folder);
        expect(first.length).toBeGreaterThan(0);
        await engine.convert(await renderDocx(communeReport()));
        // The same process converted the second document: no start-up per document.
        expect(processesUsing(folder)).toEqual(first);

        // LibreOffice crashes (its main process killed): the next conversion starts a fresh one.
        const [office] = processesUsing(folder, 'soffice.bin');
        expect(office).toBeDefined();
        process.kill(office as number, 'SIGKILL');
        await waitGone(folder, [office as number]);
        expect(await engine.convert(letter)).toSatisfy(isPdf);
        const second = processesUsing(folder, 'soffice.bin');
        expect(second).toHaveLength(1);
        expect(second).not.toContain(office);

        // The whole helper killed (helper, launcher, soffice): the same, with one start only (a
        // request sent to the dead helper before its exit was seen used to hang until the timeout).
        const all = processesUsing(folder);
        const starts = engine.starts();
        for (const pid of all) process.kill(pid, 'SIGKILL');
        await waitGone(folder, all);
        expect(await engine.convert(letter)).toSatisfy(isPdf);
        expect(engine.starts()).toBe(starts + 1);
        expect(processesUsing(folder, 'soffice.bin').some((p) => all.includes(p))).toBe(false);
      } finally {
        await engine.close();
      }
      expect(processesUsing(folder)).toEqual([]);
    },
  );
});

describe('a resident LibreOffice that cannot start', () => {
  it.runIf(python)(
    'fails with PDF_FAILED and a reason, then tries again on the next conversion',
    async () => {
      const broken = path.join(scratch, 'broken-soffice');
      writeFileSync(broken, '#!/bin/sh\nexit 3\n');
      chmodSync(broken, 0o755);
      const converter = createPdfConverter({ candidates: [broken], searchPath: false, mode: 'resident' });
      for (let i = 0; i < 2; i++) {
        const error = await converter.convert(new Uint8Array([1])).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'PDF_FAILED', status: 502 });
        expect((error as Error).message).toMatch(/^Chuyển văn bản sang PDF không thành công .*LibreOffice/);
      }
      await converter.close();
    },
  );
});
