/**
 * The example report files (examples/*.json) composed as `doingoai preview` and `doingoai render`
 * compose them, with a fixed "today" so that the text never depends on the day the test runs.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { outlineForReport } from '../../src/cli/outline.js';
import { composeFromFile } from '../../src/cli/render.js';
import { readReportFile } from '../../src/cli/report-file.js';
import type { OfficialDocument } from '../../src/domain/document.js';
import type { Outline } from '../../src/domain/outline.js';
import { findBuiltInOutline } from '../../src/domain/outlines/index.js';

export const EXAMPLES = path.resolve('examples');
export const GOLDEN = path.join(EXAMPLES, 'golden');
/** The real documents the examples reproduce: 000_….txt, 002_….txt (markdown-ish text). */
export const ORIGINALS = '/work/shared/examples';

/** Only a draft (no issuedOn) prints today's month; every example is dated, but a new one may not be. */
export const TODAY = '2026-06-14';

/** A report file of examples/ (not the outline files beside them, `*.outline.json`). */
export const isReportFile = (f: string) => f.endsWith('.json') && !f.endsWith('.outline.json');

/** "002-lac-phuong-6-thang-2026" for each examples/*.json, in file order. */
export const exampleNames = readdirSync(EXAMPLES)
  .filter(isReportFile)
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** An example composed on its outline: the built-in one it names, or its own file beside it. */
export async function composeExample(name: string): Promise<OfficialDocument> {
  const file = path.join(EXAMPLES, `${name}.json`);
  const json = await readReportFile(file);
  return composeFromFile(json, TODAY, undefined, await outlineForReport(file, json.outline));
}

/** The outline an example is written on: the built-in one it names, or its own file beside it. */
export async function exampleOutline(name: string): Promise<Outline> {
  const file = path.join(EXAMPLES, `${name}.json`);
  const json = await readReportFile(file);
  const outline =
    (await outlineForReport(file, json.outline)) ??
    findBuiltInOutline(json.outline.code, json.outline.version);
  if (!outline) throw new Error(`no outline ${json.outline.code} for ${name}`);
  return outline;
}

/** The original on one line: markdown marks dropped, words broken over lines joined again. */
export function flatOriginal(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((l) =>
      l
        .replace(/[#*\\]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n')
    .replace(/(?<=[\p{L}\p{N}][-/])\n/gu, '')
    .replace(/\n/g, ' ');
}
