import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.js';
import { convertToPdf, createPdfConverter, findSoffice } from '../../src/documents/pdf.js';
import { AppError } from '../../src/domain/errors.js';
import { communePlan, communeReport, departmentWeekly, draftLetter } from './fixtures.js';

const soffice = await findSoffice();
if (!soffice) {
  console.warn(
    'LibreOffice (soffice) is not installed: the PDF conversion tests that need it are NOT run here. ' +
      'CI installs it (.ci/run); on Debian: apt-get install libreoffice-writer-nogui fonts-liberation2.',
  );
}

const scratch = mkdtempSync(path.join(tmpdir(), 'doingoai-pdf-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in "soffice" shell script: lets the failure paths run without LibreOffice. */
function fakeSoffice(name: string, body: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Working folders of this process's conversions left behind (there must be none). */
function jobFolders(): string[] {
  return readdirSync(tmpdir())
    .filter((d) => d.startsWith(`doingoai-soffice-${process.pid}-`))
    .flatMap((d) => readdirSync(path.join(tmpdir(), d), { recursive: true, encoding: 'utf8' }))
    .filter((f) => path.basename(f).startsWith('job-'));
}

describe('findSoffice', () => {
  it('returns null when no candidate exists and PATH is not searched', async () => {
    expect(await findSoffice({ candidates: ['/nonexistent/soffice'], searchPath: false })).toBeNull();
  });

  it('returns the first executable candidate', async () => {
    const fake = fakeSoffice('found', 'exit 0');
    expect(await findSoffice({ candidates: ['/nonexistent/soffice', fake], searchPath: false })).toBe(fake);
  });
});

describe('PDF conversion failures', () => {
  it('explains in Vietnamese that LibreOffice is missing (PDF_UNAVAILABLE, 503)', async () => {
    const converter = createPdfConverter({ candidates: ['/nonexistent/soffice'], searchPath: false });
    const error = await converter.convert(new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'PDF_UNAVAILABLE', status: 503 });
    expect((error as AppError).message).toMatch(
      /^Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản DOCX/,
    );
  });

  it('reports a converter that writes nothing, and one that writes something other than a PDF', async () => {
    const silent = createPdfConverter({
      candidates: [fakeSoffice('silent', 'exit 0')],
      searchPath: false,
      mode: 'per-document',
    });
    await expect(silent.convert(new Uint8Array([1]))).rejects.toMatchObject({
      code: 'PDF_FAILED',
      status: 502,
    });
    // The last two arguments are "--outdir <dir>" and the input file.
    const liar = fakeSoffice(
      'liar',
      'for a; do prev="$dir"; dir="$a"; done; out="$prev"; mkdir -p "$out"; echo "hello" > "$out/document.pdf"',
    );
    const converter = createPdfConverter({ candidates: [liar], searchPath: false, mode: 'per-document' });
    await expect(converter.convert(new Uint8Array([1]))).rejects.toThrow(/không phải PDF/);
    await silent.close();
    await converter.close();
  });

  it('kills a conversion that runs past the timeout and leaves no temporary files', async () => {
    const slow = fakeSoffice('slow', 'sleep 30');
    const converter = createPdfConverter({ candidates: [slow], searchPath: false, timeoutMs: 300 });
    const started = Date.now();
    await expect(converter.convert(new Uint8Array([1]))).rejects.toMatchObject({ code: 'PDF_FAILED' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(jobFolders()).toEqual([]);
    await converter.close();
  });
});

describe.runIf(soffice)('PDF conversion with LibreOffice', () => {
  it('converts 4 documents at the same time, each to a valid PDF', async () => {
    const docs = [communeReport(), departmentWeekly(), communePlan(), draftLetter()];
    const files = await Promise.all(docs.map(async (d) => convertToPdf(await renderDocx(d))));
    for (const pdf of files) {
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5000);
      expect(Buffer.from(pdf).toString('latin1')).toMatch(/%%EOF\s*$/);
    }
    // Different documents give different PDFs (none was lost or swapped for another's).
    expect(new Set(files.map((f) => f.length)).size).toBe(4);
  });

  it('cleans its working folders after converting', async () => {
    const converter = createPdfConverter({ slots: 1 });
    await converter.convert(await renderDocx(draftLetter()));
    expect(jobFolders()).toEqual([]);
    await converter.close();
  });
});
