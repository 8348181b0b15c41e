/**
 * The picture of a document: DOCX → PDF (LibreOffice) → PNG pages (pdftoppm) written to a folder for
 * a person to look at, and the PDF read back page by page (pdftotext) for what the eye checks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { convertToPdf, findSoffice } from '../../src/documents/pdf.js';

const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFTOTEXT = '/usr/bin/pdftotext';

/** What is missing for the pages ("LibreOffice (soffice) poppler-utils (…) "), '' when nothing is. */
export async function missingPageTools(): Promise<string> {
  const soffice = await findSoffice();
  const poppler = [PDFTOPPM, PDFTOTEXT].every((f) => existsSync(f));
  return `${soffice ? '' : 'LibreOffice (soffice) '}${poppler ? '' : 'poppler-utils (pdftoppm, pdftotext) '}`;
}

export interface WrittenPages {
  pdfPath: string;
  /** The PNG pages' paths, one per page. */
  pngs: string[];
}

/** Writes `<name>.docx`, `<name>.pdf` and `<name>-<page>.png` (60 dpi) into `out`. */
export async function writePages(out: string, name: string, docx: Uint8Array): Promise<WrittenPages> {
  const pdfPath = path.join(out, `${name}.pdf`);
  writeFileSync(path.join(out, `${name}.docx`), docx);
  writeFileSync(pdfPath, await convertToPdf(docx));
  execFileSync(PDFTOPPM, ['-r', '60', '-png', pdfPath, path.join(out, name)]);
  const pngs = readdirSync(out)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => path.join(out, f));
  return { pdfPath, pngs };
}

/** The non-blank lines of one page of a PDF, laid out as on the page. */
export function pageText(pdf: string, page: number): string[] {
  const text = execFileSync(PDFTOTEXT, ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });
  return text.split('\n').filter((l) => l.trim());
}
