/**
 * The examples checked sentence by sentence against the real documents they reproduce: each
 * sentence the document prints (drafted or carried over) says no figure the original does not
 * say, and each figure of the original is printed. A figure is a number with the word it counts
 * ("01 trường hợp", "911.897 triệu đồng", "8,8%"); counts are compared without their leading zero
 * ("01" and "1" are the same count), dates and document numbers as they are written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OfficialDocument } from '../../src/domain/document.js';
import { composeExample, exampleNames, flatOriginal, ORIGINALS } from './examples.js';

const CHECKED = ['000', '001', '002', '004'];

function originalText(prefix: string): string | null {
  if (!existsSync(ORIGINALS)) return null;
  const file = readdirSync(ORIGINALS).find((f) => f.startsWith(`${prefix}_`));
  return file ? readFileSync(path.join(ORIGINALS, file), 'utf8') : null;
}

/** The sentences the document prints in its body (headings aside): split after ". ", "; " and ":". */
function sentencesOf(doc: OfficialDocument): string[] {
  return doc.body
    .flatMap((b) => ('runs' in b ? [b.runs.map((r) => r.text).join('')] : []))
    .flatMap((p) => p.split(/(?<=[.;:])\s+(?=[\p{Lu}\d-])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "01" → "1"; "911.897" and "180,5" as written. */
const canonical = (n: string) => (/^\d+$/.test(n) ? String(Number(n)) : n);

/**
 * The figures of a text: a number (with its own separators) and the word after it, or a
 * percentage; dates ("04/11/2025") and symbols ("59-NQ/TW") are not counts and are left out.
 */
function figuresOf(text: string): string[] {
  const re = /(?<![\p{L}\p{N}/.,-])(\d+(?:[.,]\d+)*)(?![\p{N}/-])(?:\s*(%)|\s+(\p{L}+))?/gu;
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    const [, n = '', percent, raw] = m;
    const word = raw?.toLocaleLowerCase('vi-VN');
    if (percent) out.push(`${canonical(n)}%`);
    // A year ("năm 2026 của …") and a length of time ("6 tháng đầu năm") are not figures.
    else if (word && !/^(19|20)\d\d$/.test(n) && !/^(năm|tháng|ngày|tuần|quý)$/u.test(word)) {
      out.push(`${canonical(n)} ${word}`);
    }
  }
  return out;
}

describe('the examples checked sentence by sentence against the originals', () => {
  const names = CHECKED.map((p) => [p, exampleNames.find((n) => n.startsWith(`${p}-`))] as const);

  it('has an example and an original for each document checked', () => {
    for (const [prefix, name] of names) {
      expect(name, `examples/${prefix}-….json`).toBeDefined();
      expect(originalText(prefix), `${ORIGINALS}/${prefix}_….txt`).not.toBeNull();
    }
  });

  it.each(names)(
    '%s: every figure printed is in the original, and every figure of the original is printed',
    async (prefix, name) => {
      const original = originalText(prefix);
      if (!name || original === null) throw new Error(`no example or original for ${prefix}`);
      const theirs = flatOriginal(original);
      const theirFigures = new Set(figuresOf(theirs));
      const words = new Set(theirs.toLocaleLowerCase('vi-VN').split(/[^\p{L}]+/u));
      // "01 dự án" for "được hưởng lợi Tiểu dự án …": one named thing is a count of one.
      const said = (f: string) => theirFigures.has(f) || (/^1 /.test(f) && words.has(f.slice(2)));
      const doc = await composeExample(name);
      const sentences = sentencesOf(doc);
      const unfounded = sentences.flatMap((s) =>
        figuresOf(s)
          .filter((f) => !said(f))
          .map((f) => `${f} ← “${s}”`),
      );
      expect(unfounded, `figures printed in ${name} that the original does not say`).toEqual([]);
      const ours = new Set(sentences.flatMap(figuresOf));
      expect(
        [...theirFigures].filter((f) => !ours.has(f)),
        `figures of the original missing from ${name}`,
      ).toEqual([]);
    },
  );
});

describe('the sentence check is not vacuous', () => {
  it('compares figures in the examples and their originals', async () => {
    let printed = 0;
    let original = 0;
    for (const prefix of CHECKED) {
      const name = exampleNames.find((n) => n.startsWith(`${prefix}-`));
      if (!name) continue;
      printed += sentencesOf(await composeExample(name)).flatMap(figuresOf).length;
      original += figuresOf(flatOriginal(originalText(prefix) ?? '')).length;
    }
    expect(printed).toBeGreaterThan(5);
    expect(original).toBeGreaterThan(5);
  });
});

describe('figuresOf', () => {
  it('reads counts, amounts and percentages, and leaves dates, years and symbols out', () => {
    expect(
      figuresOf(
        'Thực hiện Công văn số 1584/SNgV-VPTTr ngày 04/11/2025, trong 06 tháng đầu năm 2026 có 02 người quốc tịch ' +
          'Trung Quốc; tổng mức đầu tư 911.897 triệu đồng; 180,5 trang, tăng 7 lượt người, tương đương 8,8%.',
      ),
    ).toEqual(['2 người', '911.897 triệu', '180,5 trang', '7 lượt', '8,8%']);
  });
});
