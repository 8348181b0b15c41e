/**
 * The example reports as the pages a clerk signs: each examples/*.json → DOCX (the layout checker
 * finds nothing) → PDF (LibreOffice) → PNG pages (pdftoppm) in test-results/examples/, to look at.
 * The PDF text is checked for what the eye checks first: the motto on one line, Số and the
 * place/date line, no page number on page 1 and "2" on top of page 2, Nơi nhận and the signer's
 * name on the last page.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/documents/check.js';
import { renderDocx } from '../../src/documents/docx.js';
import type { OfficialDocument } from '../../src/domain/document.js';
import { documentDateLine, documentNumberText } from '../../src/domain/document-format.js';
import { previewText } from '../../src/domain/drafting/preview.js';
import { missingPageTools, pageText, writePages } from '../support/pages.js';
import { composeExample, exampleNames } from './examples.js';

const OUT = path.resolve('test-results/examples');
const missing = await missingPageTools();
if (missing) {
  console.warn(
    `The PDF and PNG pages of the examples are NOT checked: ${missing}missing. Only the DOCX layout check runs. CI installs both (.ci/run).`,
  );
}

/**
 * A plausible page count from the length of the text: an A4 page of 14 pt Times New Roman with
 * the Nghị định 30 margins holds roughly 2,500–3,500 characters of body text.
 */
function plausiblePages(doc: OfficialDocument): [number, number] {
  const chars = previewText(doc).replace(/\s+/g, ' ').length;
  return [Math.max(1, Math.ceil(chars / 4500)), Math.ceil(chars / 2000) + 1];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the examples as DOCX', () => {
  it.each(exampleNames)('%s passes the layout check', async (name) => {
    const bytes = await renderDocx(await composeExample(name));
    expect(await checkDocx(bytes)).toEqual([]);
  });
});

describe.runIf(!missing)('the examples as PDF and PNG pages', () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  it.each(exampleNames)('%s', async (name) => {
    const doc = await composeExample(name);
    const { pdfPath, pngs } = await writePages(OUT, name, await renderDocx(doc));
    const [low, high] = plausiblePages(doc);
    expect(pngs.length, `pages of ${name}`).toBeGreaterThanOrEqual(low);
    expect(pngs.length, `pages of ${name}`).toBeLessThanOrEqual(high);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(2000);

    // Page 1: nothing above the header (no page number); the motto's first line whole on one line,
    // its second line, "Số: …" beside the place and date.
    const first = pageText(pdfPath, 1);
    expect(first[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/);
    expect(first.some((l) => l.includes('Độc lập - Tự do - Hạnh phúc'))).toBe(true);
    const numberLine = first.find((l) => l.includes('Số:'));
    expect(numberLine, 'the "Số:" line').toBeDefined();
    expect(collapse(numberLine ?? '')).toContain(collapse(documentNumberText(doc.number, doc.symbol)));
    expect(collapse(numberLine ?? '')).toContain(
      collapse(documentDateLine(doc.place, doc.issuedOn, doc.draftMonth)),
    );

    // Page 2 carries its number at the top.
    if (pngs.length >= 2) expect(pageText(pdfPath, 2)[0]?.trim()).toBe('2');

    // The last page: Nơi nhận and the signer's name.
    const last = pageText(pdfPath, pngs.length).join('\n');
    expect(last).toContain('Nơi nhận:');
    if (doc.signature.name) expect(last).toContain(doc.signature.name);
  });
});
