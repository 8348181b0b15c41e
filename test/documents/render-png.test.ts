/**
 * The picture, not only the XML: each fixture goes DOCX → PDF (LibreOffice) → PNG pages (pdftoppm)
 * into test-results/documents/ for a person to look at, and the PDF text is checked for what the
 * eye checks: the motto on one line, the date line beside the number, page numbers from page 2.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.js';
import { missingPageTools, pageText, writePages } from '../support/pages.js';
import { FIXTURES } from './fixtures.js';

const OUT = path.resolve('test-results/documents');
const missing = await missingPageTools();
if (missing) {
  console.warn(`The PNG rendering test is NOT run: ${missing}missing. CI installs both (.ci/run).`);
}

/** Expected page counts (a range: font metrics differ slightly between machines). */
const PAGES: Record<keyof typeof FIXTURES, [number, number]> = {
  'commune-report': [2, 4],
  'department-weekly': [1, 3],
  'commune-plan': [1, 3],
  'province-consolidated': [5, 8],
  'draft-letter': [1, 1],
};

describe.runIf(!missing)('fixtures rendered to PDF and PNG pages', () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  it.each(Object.keys(FIXTURES) as (keyof typeof FIXTURES)[])('%s', async (name) => {
    const { pdfPath, pngs } = await writePages(OUT, name, await renderDocx(FIXTURES[name]()));
    const [low, high] = PAGES[name];
    expect(pngs.length).toBeGreaterThanOrEqual(low);
    expect(pngs.length).toBeLessThanOrEqual(high);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(2000);

    const first = pageText(pdfPath, 1);
    // Page 1: no page number above the header; the motto on one line; Số and the date on one line.
    expect(first[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/);
    expect(first.some((l) => /Số:.*\S+, ngày .* năm/.test(l))).toBe(true);
    // From page 2 a number at the top; each appendix starts unnumbered and counts from 1 again.
    let offset = 0;
    for (let page = 2; page <= pngs.length; page++) {
      const top = pageText(pdfPath, page)[0]?.trim() ?? '';
      if (top.startsWith('Phụ lục')) offset = page - 1;
      else expect(top, `page ${page}`).toBe(String(page - offset));
    }
  });
});
