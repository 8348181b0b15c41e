/**
 * The indicator catalogue: every indicator of the built-in outlines, once per code, with the
 * section it sits in. Codes are stable across outlines, so a province's own outline that reuses
 * them consolidates and compares with every other province and year.
 *
 * Proposals: a heading of a province's đề cương is matched against the catalogue with a keyword
 * index, diacritics-insensitive, over pairs of syllables (Vietnamese words are mostly two
 * syllables: "người nước", "nước ngoài", "đoàn vào"), weighted by how rare each pair is in the
 * catalogue so that "đối ngoại" or "nước ngoài" alone proves nothing. A heading proposes the
 * indicators of a built-in section whose title it covers ("Tình hình quản lý người nước ngoài"
 * covers "Công tác quản lý người nước ngoài": arrivals, departures, residents, violations), and
 * an indicator whose label it covers. The officer confirms or removes each proposal.
 */
import type { Indicator, Outline, Section } from '../outline.js';
import { foldForSearch } from '../text.js';
import { BUILT_IN_OUTLINES } from './index.js';

export interface CatalogueEntry {
  indicator: Indicator;
  /** The built-in section the indicator sits in, and the outline. */
  sectionTitle: string;
  nilPhrase: string | undefined;
  outlineCode: string;
}

/** Syllables that say nothing about the subject of a heading. */
const STOP = new Set(
  'cong tac tinh hinh ket qua viec cac nhung va cua trong tren dia ban thuc hien so luot doi voi ve cho tai o la co duoc nham ky bao cao nam thang'.split(
    ' ',
  ),
);
const STOP_PAIRS = new Set(['cong tac', 'tinh hinh', 'ket qua', 'dia ban', 'thuc hien', 'bao cao']);

/** The syllable pairs of a text, folded, without stop pairs; single syllables for one-word texts. */
export function keyPairs(text: string): Set<string> {
  const syllables = foldForSearch(text)
    .replace(/\{[a-z]+\}/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < syllables.length; i++) {
    const a = syllables[i] as string;
    const b = syllables[i + 1] as string;
    const pair = `${a} ${b}`;
    if (STOP_PAIRS.has(pair) || (STOP.has(a) && STOP.has(b))) continue;
    pairs.add(pair);
  }
  if (pairs.size === 0) for (const s of syllables) if (!STOP.has(s)) pairs.add(s);
  return pairs;
}

function collect(outlines: readonly Outline[]): CatalogueEntry[] {
  const seen = new Set<string>();
  const out: CatalogueEntry[] = [];
  const walk = (section: Section, outlineCode: string) => {
    for (const node of section.children) {
      if (node.kind === 'section') walk(node, outlineCode);
      else if (node.kind === 'indicator' && !seen.has(node.code)) {
        seen.add(node.code);
        out.push({ indicator: node, sectionTitle: section.title, nilPhrase: section.nilPhrase, outlineCode });
      }
    }
  };
  for (const outline of outlines) for (const s of outline.sections) walk(s, outline.code);
  return out;
}

interface IndexedEntry extends CatalogueEntry {
  sectionPairs: Set<string>;
  labelPairs: Set<string>;
}

export interface IndicatorIndex {
  entries: IndexedEntry[];
  /** Weight of a syllable pair: rarer pairs weigh more. */
  weight: (pair: string) => number;
}

/** The keyword index over a catalogue (by default the built-in outlines'). */
export function buildIndicatorIndex(outlines: readonly Outline[] = BUILT_IN_OUTLINES): IndicatorIndex {
  const entries = collect(outlines).map((e) => ({
    ...e,
    sectionPairs: keyPairs(e.sectionTitle),
    labelPairs: keyPairs(`${e.indicator.label} ${e.indicator.phrase}`),
  }));
  const documents = new Map<string, number>();
  const titles = new Set(entries.map((e) => e.sectionTitle));
  const texts = [...titles.values(), ...entries.map((e) => `${e.indicator.label} ${e.indicator.phrase}`)];
  for (const text of texts)
    for (const pair of keyPairs(text)) documents.set(pair, (documents.get(pair) ?? 0) + 1);
  const total = texts.length;
  return {
    entries,
    weight: (pair) => Math.log(1 + total / (documents.get(pair) ?? 1)),
  };
}

let defaultIndex: IndicatorIndex | undefined;

/** The index over the built-in outlines, built once. */
export function builtInIndicatorIndex(): IndicatorIndex {
  defaultIndex ??= buildIndicatorIndex();
  return defaultIndex;
}

/** How much of `wanted` (weighted) the heading's pairs cover: 1 when all of it. */
function coverage(index: IndicatorIndex, heading: Set<string>, wanted: Set<string>): number {
  let all = 0;
  let found = 0;
  for (const pair of wanted) {
    const w = index.weight(pair);
    all += w;
    if (heading.has(pair)) found += w;
  }
  return all === 0 ? 0 : found / all;
}

/** A heading covering this share of a section title or an indicator label proposes its indicators. */
export const PROPOSAL_THRESHOLD = 0.6;

export interface IndicatorMatch {
  entry: CatalogueEntry;
  /** 0…1: how well the heading covers the section title or the label. */
  score: number;
  /** What matched, for the officer: the built-in section title or the indicator label. */
  matched: string;
}

/** The catalogue indicators a heading proposes, best first. */
export function matchIndicators(index: IndicatorIndex, heading: string): IndicatorMatch[] {
  const pairs = keyPairs(heading);
  const out: IndicatorMatch[] = [];
  for (const entry of index.entries) {
    const bySection = coverage(index, pairs, entry.sectionPairs);
    const byLabel = coverage(index, pairs, entry.labelPairs);
    const score = Math.max(bySection, byLabel);
    if (score >= PROPOSAL_THRESHOLD) {
      out.push({
        entry,
        score,
        matched: bySection >= byLabel ? entry.sectionTitle : entry.indicator.label,
      });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}
