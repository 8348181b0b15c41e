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
 * an indicator whose label it covers; a short heading all inside a section title or a label
 * ("Công tác lãnh sự", "Kết hôn có yếu tố nước ngoài") does too. The officer confirms or removes
 * each proposal.
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
const STOP = new Set('các những và của trong trên số lượt về cho tại ở là có được nhằm'.split(' '));
/** Two-syllable words that say nothing either: "công tác", "tình hình", "kết quả" … */
const STOP_WORDS =
  /(?<!\p{L})(tổ chức thực hiện|công tác|tình hình|kết quả|địa bàn|thực hiện|báo cáo|đối với)(?!\p{L})/gu;
const STOP_FOLDED = new Set([...STOP].map(foldForSearch));
const STOP_WORDS_FOLDED =
  /\b(to chuc thuc hien|cong tac|tinh hinh|ket qua|dia ban|thuc hien|bao cao|doi voi)\b/g;

/** A text with no Vietnamese diacritics at all ("Quan ly nguoi nuoc ngoai") is matched folded. */
export const typedWithoutDiacritics = (text: string) => foldForSearch(text) === text.toLowerCase();

/**
 * The syllable pairs of a text, folded, with filler words left out first ("Công tác lãnh sự" →
 * "lãnh sự"); single syllables for a one-word text.
 */
export function keyPairs(text: string, fold = false): Set<string> {
  // Lower case with the diacritics kept: folded, "Đảng" and "đăng" (or "hội" and "hồi") would be one
  // syllable; only the old and new places of the tone mark ("uỷ", "ủy") are made one. A text typed
  // without diacritics is matched folded (`fold`).
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\{[a-z]+\}/g, ' ')
    .replace(/uỷ(?!\p{L})/gu, 'ủy')
    .replace(/oà(?!\p{L})/gu, 'òa');
  const syllables = (fold ? foldForSearch(lower) : lower)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(fold ? STOP_WORDS_FOLDED : STOP_WORDS, ' ')
    .split(' ')
    .filter((s) => s && !(fold ? STOP_FOLDED : STOP).has(s));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < syllables.length; i++) pairs.add(`${syllables[i]} ${syllables[i + 1]}`);
  if (pairs.size === 0) for (const s of syllables) pairs.add(s);
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
  /** Whether the pairs are folded (no diacritics). */
  fold: boolean;
  /** The same catalogue folded, for headings typed without diacritics. */
  folded?: IndicatorIndex;
}

/** The keyword index over a catalogue (by default the built-in outlines'). */
export function buildIndicatorIndex(
  outlines: readonly Outline[] = BUILT_IN_OUTLINES,
  fold = false,
): IndicatorIndex {
  const entries = collect(outlines).map((e) => ({
    ...e,
    sectionPairs: keyPairs(e.sectionTitle, fold),
    labelPairs: keyPairs(`${e.indicator.label} ${e.indicator.phrase}`, fold),
  }));
  const documents = new Map<string, number>();
  const titles = new Set(entries.map((e) => e.sectionTitle));
  const texts = [...titles.values(), ...entries.map((e) => `${e.indicator.label} ${e.indicator.phrase}`)];
  for (const text of texts)
    for (const pair of keyPairs(text, fold)) documents.set(pair, (documents.get(pair) ?? 0) + 1);
  const total = texts.length;
  return {
    entries,
    weight: (pair) => Math.log(1 + total / (documents.get(pair) ?? 1)),
    fold,
    ...(fold ? {} : { folded: buildIndicatorIndex(outlines, true) }),
  };
}

/** The index to match `heading` with: the folded one for a heading typed without diacritics. */
function indexFor(index: IndicatorIndex, heading: string): IndicatorIndex {
  return !index.fold && index.folded && typedWithoutDiacritics(heading) ? index.folded : index;
}

let defaultIndex: IndicatorIndex | undefined;

/** The index over the built-in outlines, built once. */
export function builtInIndicatorIndex(): IndicatorIndex {
  defaultIndex ??= buildIndicatorIndex();
  return defaultIndex;
}

/**
 * How much of `wanted` (weighted) `have` covers: 1 when all of it. Pairs met all over the catalogue
 * ("nước ngoài", "quốc tế") alone prove nothing: without a shared pair rarer than that, 0 (unless
 * `anyPair`).
 */
function coverage(index: IndicatorIndex, have: Set<string>, wanted: Set<string>, anyPair = false): number {
  let all = 0;
  let found = 0;
  let telling = false;
  for (const pair of wanted) {
    const w = index.weight(pair);
    all += w;
    if (have.has(pair)) {
      found += w;
      if (w >= TELLING_WEIGHT) telling = true;
    }
  }
  return all === 0 || !(telling || anyPair) ? 0 : found / all;
}

/** The weight of a pair found in few catalogue texts ("lãnh sự", "kết hôn", "đoàn ra"). */
const TELLING_WEIGHT = 2.5;

/** A heading covering this share of a section title or an indicator label proposes its indicators. */
export const PROPOSAL_THRESHOLD = 0.6;

export interface IndicatorMatch {
  entry: CatalogueEntry;
  /** 0…1: how well the heading covers the section title or the label. */
  score: number;
  /**
   * 0…1: how well they cover each other (the lesser of the two directions): breaks a tie between
   * "Ngoại giao" (all inside "Ngoại giao kinh tế") and "Ngoại giao kinh tế" itself.
   */
  mutual: number;
  /** What matched, for the officer: the built-in section title or the indicator label. */
  matched: string;
}

/**
 * How well a heading names one indicator by its label and phrase alone (0…1): used to hand an
 * indicator down from a heading that matched its section to the sub-heading that names it.
 */
export function labelScore(exact: IndicatorIndex, heading: string, code: string): number {
  const index = indexFor(exact, heading);
  const entry = index.entries.find((e) => e.indicator.code === code);
  if (!entry) return 0;
  const pairs = keyPairs(heading, index.fold);
  // Among indicators already proposed above, a common pair ("đoàn vào") is telling enough.
  return Math.max(
    coverage(index, pairs, entry.labelPairs, true),
    coverage(index, entry.labelPairs, pairs, true),
  );
}

/** A sub-heading naming this share of an indicator's label takes it from the heading above. */
export const HAND_DOWN_THRESHOLD = 0.2;

/** The catalogue indicators a heading proposes, best first. */
export function matchIndicators(exact: IndicatorIndex, heading: string): IndicatorMatch[] {
  const index = indexFor(exact, heading);
  const pairs = keyPairs(heading, index.fold);
  const out: IndicatorMatch[] = [];
  for (const entry of index.entries) {
    // The heading covers the section title or the label ("Tình hình quản lý người nước ngoài"), or
    // is all inside one ("Công tác lãnh sự" in "Công tác lãnh sự, bảo hộ công dân …").
    const sectionWays = [
      coverage(index, pairs, entry.sectionPairs),
      coverage(index, entry.sectionPairs, pairs),
    ];
    const labelWays = [coverage(index, pairs, entry.labelPairs), coverage(index, entry.labelPairs, pairs)];
    const bySection = Math.max(...sectionWays);
    const byLabel = Math.max(...labelWays);
    const score = Math.max(bySection, byLabel);
    if (score >= PROPOSAL_THRESHOLD) {
      out.push({
        entry,
        score,
        mutual: Math.max(Math.min(...sectionWays), Math.min(...labelWays)),
        matched: bySection >= byLabel ? entry.sectionTitle : entry.indicator.label,
      });
    }
  }
  return out.sort((a, b) => b.score - a.score || b.mutual - a.mutual);
}
