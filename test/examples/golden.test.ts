/**
 * Golden texts of the example reports: the preview text of each examples/*.json is committed in
 * examples/golden/<name>.txt, so any change to the drafting, the outlines or the composition that
 * changes what a commune would print shows up as a diff in review.
 *
 * Beside the goldens, facts a reader of the real document would check are computed from the real
 * document's text (ORIGINALS) rather than written here: every figure with a unit the outline
 * knows ("130 người", "180,5 trang", "911.897 triệu đồng"), every document cited by number and
 * symbol ("Văn bản số 6871/VP-TC"), the number and symbol, the date, the type name and the
 * signing-authority lines.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../src/domain/document.js';
import { previewText } from '../../src/domain/drafting/preview.js';
import type { Outline, OutlineNode } from '../../src/domain/outline.js';
import {
  composeExample,
  EXAMPLES,
  exampleNames,
  exampleOutline,
  flatOriginal,
  GOLDEN,
  ORIGINALS,
} from './examples.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const HOW_TO_UPDATE = 'If the change is intended: UPDATE_GOLDEN=1 npx vitest run test/examples';

const goldenFile = (name: string) => path.join(GOLDEN, `${name}.txt`);

describe('golden preview texts of the examples', () => {
  if (UPDATE) mkdirSync(GOLDEN, { recursive: true });

  it('has examples', () => {
    expect(exampleNames.length).toBeGreaterThan(0);
  });

  it.each(exampleNames)('%s reads as its golden text', async (name) => {
    const text = `${previewText(await composeExample(name)).trimEnd()}\n`;
    const file = goldenFile(name);
    if (UPDATE) {
      const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
      if (before !== text) {
        writeFileSync(file, text);
        console.log(`${before === null ? 'wrote' : 'updated'} ${path.relative(process.cwd(), file)}`);
      }
      return;
    }
    if (!existsSync(file)) {
      expect.fail(
        `No golden text ${path.relative(process.cwd(), file)} for examples/${name}.json. ${HOW_TO_UPDATE}`,
      );
    }
    // A multi-line string comparison: vitest prints a line diff of the changed places only.
    expect(text, `The preview of examples/${name}.json differs from its golden text. ${HOW_TO_UPDATE}`).toBe(
      readFileSync(file, 'utf8'),
    );
  });

  it('keeps no golden text of an example that no longer exists', () => {
    const stale = existsSync(GOLDEN)
      ? readdirSync(GOLDEN).filter((f) => f.endsWith('.txt') && !exampleNames.includes(f.slice(0, -4)))
      : [];
    if (UPDATE) {
      for (const f of stale) rmSync(path.join(GOLDEN, f));
      return;
    }
    expect(stale, `Golden texts without an example in ${EXAMPLES}. ${HOW_TO_UPDATE}`).toEqual([]);
  });
});

// ── What a reader of the original checks ──────────────────────────────────────────────────────────

/** The original document an example reproduces: examples/002-….json ↔ ORIGINALS/002_….txt. */
function originalOf(name: string): string | null {
  if (!existsSync(ORIGINALS)) return null;
  const prefix = /^\d+/.exec(name)?.[0];
  const file = prefix ? readdirSync(ORIGINALS).find((f) => f.startsWith(`${prefix}_`)) : undefined;
  return file ? readFileSync(path.join(ORIGINALS, file), 'utf8') : null;
}

/** The original's lines without the markdown marks (#, *, backslashes) the conversion left. */
function cleanLines(text: string): string[] {
  return text
    .normalize('NFC')
    .split('\n')
    .map((l) =>
      l
        .replace(/[#*\\]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * The whole text on one line: figures and citations broken over lines in the original join again,
 * a symbol broken after its hyphen or slash ("55/KH-" + "UBND") without a space.
 */
const flat = flatOriginal;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The units the outline prints after its numbers ("người", "trang", "triệu đồng", …). */
function outlineUnits(outline: Outline): string[] {
  const units = new Set<string>();
  const walk = (node: OutlineNode) => {
    if (node.kind === 'indicator' && node.unit.trim()) units.add(node.unit.trim());
    if (node.kind === 'section') node.children.forEach(walk);
  };
  outline.sections.forEach(walk);
  return [...units];
}

/** "130 người", "180,5 trang", "911.897 triệu đồng": a number (with its own separators) and a unit. */
function figures(text: string, units: string[]): string[] {
  if (units.length === 0) return [];
  const alternatives = [...units].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}/.,-])(\\d+(?:[.,]\\d+)*)\\s+(${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return [...new Set([...flat(text).matchAll(re)].map((m) => `${m[1]} ${m[2]}`))];
}

/** Documents cited by number and symbol: "6871/VP-TC", "59-NQ/TW", "88/2012/NĐ-CP". */
function citations(text: string): string[] {
  const re = /(?<![\p{L}\p{N}/])\d+(?:\/\d{4})?[-/]\p{Lu}[\p{L}]*(?:[-/]\p{Lu}[\p{L}]*)*/gu;
  return [...new Set(flat(text).match(re) ?? [])];
}

/** The signing-authority line ("KT. CHỦ TỊCH") and the position under it ("PHÓ CHỦ TỊCH"). */
function authorityLines(text: string): string[] {
  const lines = cleanLines(text);
  const at = lines.findIndex((l) => /^(KT|TM|TL|TUQ|Q)\. \p{Lu}/u.test(l));
  return at < 0 ? [] : lines.slice(at, at + 2);
}

const originals = new Map(exampleNames.map((n) => [n, originalOf(n)] as const));
const missing = exampleNames.filter((n) => !originals.get(n));
if (missing.length > 0) {
  console.warn(
    `The comparison with the original documents is NOT run for ${missing.join(', ')}: no text in ${ORIGINALS}.`,
  );
}

describe('the examples say what the original documents say', () => {
  const compared = exampleNames.filter((n) => originals.get(n));

  it.each(compared)('%s: figures, citations, number, date, type and signing authority', async (name) => {
    const original = originals.get(name) ?? '';
    const outline = await exampleOutline(name);
    const doc = await composeExample(name);
    const ours = previewText(doc);
    const oursFlat = flat(ours);

    const units = outlineUnits(outline);
    const theirs = figures(original, units);
    const have = new Set(figures(ours, units));
    expect(
      theirs.filter((f) => !have.has(f)),
      `figures of the original missing from ${name}`,
    ).toEqual([]);

    const cited = new Set(citations(ours));
    expect(
      citations(original).filter((c) => !cited.has(c)),
      `documents cited in the original but not in ${name}`,
    ).toEqual([]);

    const number = /Số: ?(\d+\/[\p{L}-]+)/u.exec(flat(original))?.[1];
    if (number) expect(oursFlat).toContain(`Số: ${number}`);
    const date = /ngày \d{1,2} tháng \d{1,2} năm \d{4}/.exec(flat(original))?.[0];
    if (date) expect(oursFlat).toContain(date);

    const names: string[] = Object.values(DOCUMENT_TYPES).filter(Boolean);
    const typeName = cleanLines(original).find((l) => names.includes(l));
    if (typeName) expect(DOCUMENT_TYPES[doc.type]).toBe(typeName);

    const authority = authorityLines(original);
    expect(authority.length, 'the original has a signing-authority line').toBe(2);
    expect(doc.signature.lines).toEqual(authority);
  });

  it('finds figures and citations in the originals at all (the rules are not vacuous)', async () => {
    const texts = compared.map((n) => originals.get(n) ?? '');
    if (texts.length === 0) return;
    const units = [...new Set((await Promise.all(exampleNames.map(exampleOutline))).flatMap(outlineUnits))];
    expect(texts.flatMap((t) => figures(t, units)).length).toBeGreaterThan(5);
    expect(texts.flatMap(citations).length).toBeGreaterThan(5);
  });
});
