/**
 * Countries catalogue figures (`npm run bench -- countries`). The catalogue runs on every autosave
 * (the content schema writes official names, the validation checks them) and on every keystroke of
 * the form's picker; each figure is printed with its ratio to a reference measured in the same run:
 * - a report with 300 breakdown rows named by country: parse + validate, against the same rows in a
 *   breakdown that is not by country (no catalogue at all); official names, other spellings, unknown
 *   names (first time, with suggestions, then again as the next autosave sees them);
 * - the picker's search as the officer types, against a plain substring filter over the names.
 */
import { COUNTRIES, searchCountries } from '../src/domain/countries.js';
import type { Indicator, Outline } from '../src/domain/outline.js';
import { reportContentSchema } from '../src/domain/report-json.js';
import { foldForSearch } from '../src/domain/text.js';
import { validateContent } from '../src/domain/validation.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(runs: number, fn: (run: number) => unknown): number {
  for (let i = 0; i < 3; i++) fn(-1 - i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

const indicator = (code: string, breakdown: Indicator['breakdown']): Indicator => ({
  kind: 'indicator',
  code,
  label: code,
  unit: 'người',
  phrase: 'người',
  valueType: 'integer',
  measure: 'flow',
  aggregation: 'sum',
  breakdown,
});

const outline: Outline = {
  code: 'bench',
  version: 1,
  name: 'bench',
  documentKind: 'report',
  sections: [
    {
      kind: 'section',
      key: 's',
      title: 'S',
      children: [indicator('by.country', 'country'), indicator('by.fund', 'fund_source')],
    },
  ],
} as unknown as Outline;

const ROWS = 300;
const content = (code: string, names: (i: number) => string) => ({
  values: {
    [code]: { total: ROWS, parts: Array.from({ length: ROWS }, (_, i) => ({ key: names(i), value: 1 })) },
  },
});
const official = (i: number) => COUNTRIES[i % COUNTRIES.length]?.name ?? 'Lào';
const alias = (i: number) => {
  const c = COUNTRIES[i % COUNTRIES.length];
  return c?.aliases[0] ?? c?.name ?? 'Lào';
};

function check(raw: unknown): number {
  return validateContent(outline, reportContentSchema.parse(raw)).length;
}

function line(name: string, ms: number, reference: number): void {
  console.log(`  ${name.padEnd(58)} ${ms.toFixed(3).padStart(8)} ms   ×${(ms / reference).toFixed(2)}`);
}

export function benchCountries(): void {
  console.log(
    `\ncountries: ${COUNTRIES.length} in the catalogue; a report value with ${ROWS} rows, parse + validate`,
  );
  // Everything once first, so that no case pays for the others' compilation.
  for (const names of [official, alias])
    for (const code of ['by.fund', 'by.country']) check(content(code, names));
  const reference = time(30, () => check(content('by.fund', official)));
  line('reference: rows of a breakdown not by country', reference, reference);
  line(
    'official names',
    time(30, () => check(content('by.country', official))),
    reference,
  );
  line(
    'other spellings (written as official names)',
    time(30, () => check(content('by.country', alias))),
    reference,
  );
  let round = 0;
  const unknownFirst = time(5, () => {
    round += 1;
    return check(content('by.country', (i) => `Nước lạ ${round} số ${i}`));
  });
  line('unknown names, first time (suggestions computed)', unknownFirst, reference);
  const unknownAgain = time(30, () => check(content('by.country', (i) => `Nước lạ 1 số ${i}`)));
  line('unknown names again (the next autosave)', unknownAgain, reference);

  const typed = ['h', 'ha', 'han', 'han q', 'myan', 'xin', 'dai lo', 'phillip'];
  const names = COUNTRIES.map((c) => ({ name: c.name, folded: foldForSearch(c.name) }));
  const plain = time(200, (i) => {
    const q = foldForSearch(typed[Math.abs(i) % typed.length] ?? '');
    return names.filter((n) => n.folded.includes(q)).length;
  });
  console.log('picker search, one keystroke');
  line('reference: plain substring filter over the names', plain, plain);
  line(
    'catalogue search (aliases, hints, misspellings, ranked)',
    time(200, (i) => searchCountries(typed[Math.abs(i) % typed.length] ?? '', 40)),
    plain,
  );
}
