/**
 * The example report files (examples/*.json) composed as `doingoai preview` and `doingoai render`
 * compose them, with a fixed "today" so that the text never depends on the day the test runs.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { composeFromFile } from '../../src/cli/render.js';
import { readReportFile } from '../../src/cli/report-file.js';
import type { OfficialDocument } from '../../src/domain/document.js';

export const EXAMPLES = path.resolve('examples');
export const GOLDEN = path.join(EXAMPLES, 'golden');
/** The real documents the examples reproduce: 000_….txt, 002_….txt (markdown-ish text). */
export const ORIGINALS = '/work/shared/examples';

/** Only a draft (no issuedOn) prints today's month; every example is dated, but a new one may not be. */
export const TODAY = '2026-06-14';

/** "002-lac-phuong-6-thang-2026" for each examples/*.json, in file order. */
export const exampleNames = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

export async function composeExample(name: string): Promise<OfficialDocument> {
  return composeFromFile(await readReportFile(path.join(EXAMPLES, `${name}.json`)), TODAY);
}
