/**
 * Section numbers of an outline, generated from position (never stored, so there are no gaps), in
 * the outline's scheme per level; by default level 1 Roman "I.", level 2 Arabic "1.", level 3
 * Vietnamese letters "a)" … "y)" as Nghị định 30/2020 (Phụ lục I) prints them: the alphabet
 * without f, j, w, z and with đ after d. A province's đề cương may use "2.1." or dashes instead.
 * Also the walker and look-ups every other outline consumer uses.
 */
import type { Indicator, NarrativeBlock, NumberStyle, Outline, OutlineNode, Section } from '../outline.js';

/** The 23 letters of level-3 items, in order. */
export const SECTION_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const;

/** Deepest section level an outline may have (I. → 1. → a)). */
export const MAX_SECTION_DEPTH = 3;

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 4 → "IV", 14 → "XIV". */
export function toRoman(n: number): string {
  let rest = Math.floor(n);
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** 0 → "a", 4 → "đ", 22 → "y"; past "y" two letters ("aa", "ab", …) so numbers stay distinct. */
export function sectionLetter(index: number): string {
  const n = SECTION_LETTERS.length;
  if (index < n) return SECTION_LETTERS[index] as string;
  return `${SECTION_LETTERS[Math.floor(index / n) - 1] ?? 'y'}${SECTION_LETTERS[index % n]}`;
}

/** Today's scheme, and the scheme of an outline that names none: I. / 1. / a). */
export const DEFAULT_NUMBERING: readonly NumberStyle[] = ['roman', 'arabic', 'letter'];

/** The numbering style of `level` (1-based) in a scheme; levels past the scheme print a dash. */
export function numberStyleAt(numbering: readonly NumberStyle[] | undefined, level: number): NumberStyle {
  const scheme = numbering?.length ? numbering : DEFAULT_NUMBERING;
  return scheme[level - 1] ?? 'dash';
}

export interface SectionNumberParts {
  /** Without its punctuation: "I", "2", "2.1", "đ", "-", "". */
  bare: string;
  /** As printed before the title: "I.", "2.", "2.1.", "đ)", "-", "". */
  number: string;
  /** The Arabic numbers a "2.1." child continues: [2] for "2.", [2, 1] for "2.1.". */
  chain: number[];
}

/**
 * The number of the `index`-th (0-based) section numbered in `style`, under a parent whose
 * Arabic chain is `parentChain` (only "2.1."-style numbers use it).
 */
export function formatSectionNumber(
  style: NumberStyle,
  index: number,
  parentChain: readonly number[] = [],
): SectionNumberParts {
  const n = index + 1;
  switch (style) {
    case 'roman':
      return { bare: toRoman(n), number: `${toRoman(n)}.`, chain: [n] };
    case 'arabic':
      return { bare: String(n), number: `${n}.`, chain: [n] };
    case 'dotted': {
      const chain = [...parentChain, n];
      return { bare: chain.join('.'), number: `${chain.join('.')}.`, chain };
    }
    case 'letter':
      return { bare: sectionLetter(index), number: `${sectionLetter(index)})`, chain: [n] };
    case 'dash':
      return { bare: '-', number: '-', chain: [n] };
    case 'none':
      return { bare: '', number: '', chain: [n] };
  }
}

/** The bare number of the `index`-th (0-based) section at `level` (1-based): "I", "2", "đ". */
export function sectionNumberBare(level: number, index: number, numbering?: readonly NumberStyle[]): string {
  return formatSectionNumber(numberStyleAt(numbering, level), index).bare;
}

/**
 * The number as printed before the title, in the outline's scheme (default level 1 "I.", level 2
 * "1.", level 3 "a)"; deeper levels, refused by the outline schema, print as a dash). A "2.1."
 * level needs its parent's number: numberOutline and the drafting pass it.
 */
export function sectionNumber(level: number, index: number, numbering?: readonly NumberStyle[]): string {
  return formatSectionNumber(numberStyleAt(numbering, level), index).number;
}

export interface NumberedSection {
  key: string;
  title: string;
  /** 1 for top-level sections. */
  level: number;
  /** Position among the sibling sections (narratives and indicators are not counted). */
  index: number;
  /** As printed: "I.", "2.", "2.1.", "a)", "-", "" (in the outline's scheme). */
  number: string;
  /** All numbers from the top, for lists and messages: "III.2.a", "I.2.1". */
  fullNumber: string;
  parentKey: string | null;
  section: Section;
}

/** The part a section adds to its parent's full number: a dash or no number counts its position. */
function fullNumberOf(parent: NumberedSection | null, style: NumberStyle, parts: SectionNumberParts): string {
  const own = style === 'dash' || style === 'none' ? String(parts.chain.at(-1)) : parts.bare;
  if (!parent) return own;
  // "2.1." under "2." already carries its parent's number: "I.2.1", not "I.2.2.1".
  if (style === 'dotted' && /^\d/.test(parent.number)) return `${parent.fullNumber}.${parts.chain.at(-1)}`;
  return `${parent.fullNumber}.${own}`;
}

function childSections(node: Section): Section[] {
  return node.children.filter((c): c is Section => c.kind === 'section');
}

/**
 * What the look-ups below need, built once per outline object when the object is frozen (the
 * server's outline versions: src/db/outline-definitions.ts): a report's checks look up hundreds of
 * codes, each a walk of the whole tree otherwise. A mutable outline (the editor's) is walked anew.
 */
interface OutlineIndex {
  numbered: NumberedSection[];
  indicators: Indicator[];
  narratives: NarrativeBlock[];
  sections: Map<string, Section>;
  indicatorByCode: Map<string, Indicator>;
  narrativeByKey: Map<string, NarrativeBlock>;
}
const indexes = new WeakMap<Outline, OutlineIndex>();

function indexOf(outline: Outline): OutlineIndex | null {
  if (!Object.isFrozen(outline)) return null;
  let index = indexes.get(outline);
  if (!index) {
    const numbered = Object.freeze(numberSections(outline)) as NumberedSection[];
    const indicators = Object.freeze(walkIndicators(outline.sections)) as Indicator[];
    const narratives = Object.freeze(walkNarratives(outline.sections)) as NarrativeBlock[];
    index = {
      numbered,
      indicators,
      narratives,
      // The first of a duplicated key wins, as the linear look-ups did.
      sections: new Map(numbered.toReversed().map((s) => [s.key, s.section])),
      indicatorByCode: new Map(indicators.toReversed().map((i) => [i.code, i])),
      narrativeByKey: new Map(narratives.toReversed().map((n) => [n.key, n])),
    };
    indexes.set(outline, index);
  }
  return index;
}

/** Every section in reading order with its generated number, in the outline's scheme. */
export function numberOutline(outline: Outline): NumberedSection[] {
  return indexOf(outline)?.numbered ?? numberSections(outline);
}

function numberSections(outline: Outline): NumberedSection[] {
  const out: NumberedSection[] = [];
  const visit = (
    sections: Section[],
    level: number,
    parent: NumberedSection | null,
    parentChain: readonly number[],
  ): void => {
    const style = numberStyleAt(outline.numbering, level);
    sections.forEach((section, index) => {
      const parts = formatSectionNumber(style, index, parentChain);
      const numbered: NumberedSection = {
        key: section.key,
        title: section.title,
        level,
        index,
        number: parts.number,
        fullNumber: fullNumberOf(parent, style, parts),
        parentKey: parent?.key ?? null,
        section,
      };
      out.push(numbered);
      visit(childSections(section), level + 1, numbered, parts.chain);
    });
  };
  visit(outline.sections, 1, null, []);
  return out;
}

/** The generated numbers by section key. */
export function sectionNumbers(outline: Outline): Map<string, NumberedSection> {
  return new Map(numberOutline(outline).map((s) => [s.key, s]));
}

export interface WalkContext {
  /** The sections containing the node, outermost first (empty for a top-level section). */
  ancestors: Section[];
  /** Level of the node: 1 for a top-level section, its section's level + 1 for its children. */
  level: number;
  /** Position of the node in its parent's list. */
  index: number;
}

/**
 * Visits every node depth-first in reading order. Returning `false` from `visit` for a section
 * skips its children.
 */
export function walkOutline(outline: Outline, visit: (node: OutlineNode, ctx: WalkContext) => unknown): void {
  const walk = (nodes: OutlineNode[], ancestors: Section[]): void => {
    nodes.forEach((node, index) => {
      const descend = visit(node, { ancestors, level: ancestors.length + 1, index });
      if (node.kind === 'section' && descend !== false) walk(node.children, [...ancestors, node]);
    });
  };
  walk(outline.sections, []);
}

/** The indicators of an outline or of one section (with its sub-sections), in reading order. */
export function indicatorsOf(source: Outline | Section): Indicator[] {
  if ('sections' in source) return indexOf(source)?.indicators ?? walkIndicators(source.sections);
  return walkIndicators(source.children);
}

function walkIndicators(nodes: OutlineNode[]): Indicator[] {
  const out: Indicator[] = [];
  const walk = (list: OutlineNode[]): void => {
    for (const node of list) {
      if (node.kind === 'indicator') out.push(node);
      else if (node.kind === 'section') walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** The narrative blocks of an outline or of one section, in reading order. */
export function narrativesOf(source: Outline | Section): NarrativeBlock[] {
  if ('sections' in source) return indexOf(source)?.narratives ?? walkNarratives(source.sections);
  return walkNarratives(source.children);
}

function walkNarratives(nodes: OutlineNode[]): NarrativeBlock[] {
  const out: NarrativeBlock[] = [];
  const walk = (list: OutlineNode[]): void => {
    for (const node of list) {
      if (node.kind === 'narrative') out.push(node);
      else if (node.kind === 'section') walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** Every section of an outline in reading order. */
export function sectionsOf(outline: Outline): Section[] {
  return numberOutline(outline).map((s) => s.section);
}

export function findIndicator(outline: Outline, code: string): Indicator | undefined {
  const index = indexOf(outline);
  return index ? index.indicatorByCode.get(code) : indicatorsOf(outline).find((i) => i.code === code);
}

export function findSection(outline: Outline, key: string): Section | undefined {
  const index = indexOf(outline);
  return index ? index.sections.get(key) : sectionsOf(outline).find((s) => s.key === key);
}

export function findNarrative(outline: Outline, key: string): NarrativeBlock | undefined {
  const index = indexOf(outline);
  return index ? index.narrativeByKey.get(key) : narrativesOf(outline).find((n) => n.key === key);
}

/** The section that directly contains the node with this key (indicator code, narrative or section key). */
export function parentSectionOf(outline: Outline, key: string): Section | null | undefined {
  let found: Section | null | undefined;
  walkOutline(outline, (node, ctx) => {
    if (found !== undefined) return false;
    const nodeKey = node.kind === 'indicator' ? node.code : node.key;
    if (nodeKey === key) found = ctx.ancestors.at(-1) ?? null;
    return undefined;
  });
  return found;
}
