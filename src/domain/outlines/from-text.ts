/**
 * A parsed đề cương made into an outline: one section per heading (its title as written, numbered
 * in the province's scheme), a text box for each heading with nothing under it or with guidance
 * (the guidance becomes the hint), and the indicators the catalogue proposes for each heading.
 * Each indicator code goes to one heading only: the one that matches it best (the first on a tie),
 * then down to the sub-heading under it that names it best by its label ("Đoàn vào" under
 * "Công tác quản lý đoàn ra, đoàn vào" takes the incoming delegations).
 */
import type { DocumentKind, Indicator, Outline, OutlineNode, Section } from '../outline.js';
import {
  builtInIndicatorIndex,
  HAND_DOWN_THRESHOLD,
  type IndicatorIndex,
  labelScore,
  matchIndicators,
} from './catalogue.js';
import { BUILT_IN_OUTLINES } from './index.js';
import type { ParsedHeading, ParsedOutlineText } from './parse.js';

export interface IndicatorProposal {
  /** The section (heading) it is proposed for. */
  sectionKey: string;
  code: string;
  label: string;
  /** The built-in section title or indicator label the heading matched. */
  matched: string;
  score: number;
}

export interface OutlineFromText {
  outline: Outline;
  /** Every indicator placed in `outline`, with why: the officer confirms or removes each. */
  proposals: IndicatorProposal[];
}

export interface OutlineMeta {
  code: string;
  name: string;
  documentKind: DocumentKind;
  subjectTemplate?: string;
}

const HINT_MAX = 500;

export const DEFAULT_SUBJECTS: Record<DocumentKind, string> = {
  report: 'Kết quả công tác đối ngoại {period} và phương hướng, nhiệm vụ trọng tâm {next}',
  plan: 'Kế hoạch hoạt động đối ngoại {period}',
};

/** Guidance lines as one hint, cut at a word before the hint's limit. */
function hintOf(guidance: readonly string[]): string | undefined {
  const text = guidance.join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (text.length <= HINT_MAX) return text;
  const cut = text.slice(0, HINT_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), HINT_MAX / 2))}…`;
}

interface Placed {
  heading: ParsedHeading;
  key: string;
}

/** Builds the outline of a parsed đề cương, with the proposed indicators in place. */
export function outlineFromParsed(
  parsed: ParsedOutlineText,
  meta: OutlineMeta,
  index: IndicatorIndex = builtInIndicatorIndex(),
): OutlineFromText {
  // 1. Every heading with its key ("s2.1.3": position from the top), in reading order.
  const placed: Placed[] = [];
  const place = (headings: readonly ParsedHeading[], prefix: string) =>
    headings.forEach((heading, i) => {
      const key = `${prefix}${prefix ? '_' : 's'}${i + 1}`;
      placed.push({ heading, key });
      place(heading.children, key);
    });
  place(parsed.headings, '');

  // 2. Each catalogue code to the heading that matches it best.
  const best = new Map<
    string,
    { key: string; score: number; mutual: number; matched: string; indicator: Indicator }
  >();
  const nilPhrases = new Map<string, string>();
  for (const { heading, key } of placed) {
    for (const match of matchIndicators(index, heading.title)) {
      const code = match.entry.indicator.code;
      const current = best.get(code);
      // On a tie the first heading (the one above) keeps it; sub-headings get theirs below.
      // A heading that names it as fully, and is named by it better ("Ngoại giao kinh tế" under
      // "Ngoại giao"), takes it too.
      if (
        !current ||
        match.score > current.score ||
        (match.score === current.score && match.mutual > current.mutual)
      ) {
        best.set(code, {
          key,
          score: match.score,
          mutual: match.mutual,
          matched: match.matched,
          indicator: match.entry.indicator,
        });
      }
    }
  }
  // A heading hands an indicator down to the sub-heading that names it best by its label
  // ("1. … đoàn ra, đoàn vào" → "1.2. Đoàn vào": the incoming delegations).
  for (const b of best.values()) {
    let down: { key: string; score: number } | null = null;
    for (const { heading, key } of placed) {
      if (!key.startsWith(`${b.key}_`)) continue;
      const score = labelScore(index, heading.title, b.indicator.code);
      if (score >= HAND_DOWN_THRESHOLD && (!down || score > down.score)) down = { key, score };
    }
    if (down) {
      b.key = down.key;
      b.matched = b.indicator.label;
    }
  }
  const bySection = new Map<string, Indicator[]>();
  const proposals: IndicatorProposal[] = [];
  for (const [code, b] of best) {
    bySection.set(b.key, [...(bySection.get(b.key) ?? []), b.indicator]);
    proposals.push({ sectionKey: b.key, code, label: b.indicator.label, matched: b.matched, score: b.score });
    const entry = index.entries.find((e) => e.indicator.code === code);
    if (entry?.nilPhrase && !nilPhrases.has(b.key)) nilPhrases.set(b.key, entry.nilPhrase);
  }
  // Keep the catalogue's order of indicators within a section (totals before their parts).
  const order = new Map(index.entries.map((e, i) => [e.indicator.code, i]));
  for (const list of bySection.values())
    list.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  // A part without its total in the same outline loses its "partOf".
  const present = new Set(best.keys());

  // 3. The sections.
  const build = (heading: ParsedHeading, key: string): Section => {
    const indicators = (bySection.get(key) ?? []).map((indicator) => {
      if (indicator.partOf && !present.has(indicator.partOf)) {
        const { partOf: _dropped, ...rest } = indicator;
        return rest;
      }
      return indicator;
    });
    const children: OutlineNode[] = [...indicators];
    const hint = hintOf(heading.guidance);
    if (heading.children.length === 0 || hint) {
      children.push({ kind: 'narrative', key: `${key}.text`, label: 'Nội dung', ...(hint ? { hint } : {}) });
    }
    heading.children.forEach((child, i) => {
      children.push(build(child, `${key}_${i + 1}`));
    });
    const nilPhrase = nilPhrases.get(key);
    return { kind: 'section', key, title: heading.title, ...(nilPhrase ? { nilPhrase } : {}), children };
  };
  const sections = parsed.headings.map((h, i) => build(h, `s${i + 1}`));

  // 4. The built-in consistency checks whose indicators are all there.
  const checks = BUILT_IN_OUTLINES.flatMap((o) => o.checks ?? []).filter(
    (c, i, all) =>
      [c.outflow, c.inflow, c.stock].every((code) => present.has(code)) &&
      all.findIndex((d) => d.outflow === c.outflow && d.inflow === c.inflow) === i,
  );

  const outline: Outline = {
    code: meta.code,
    version: 1,
    name: meta.name,
    documentKind: meta.documentKind,
    subjectTemplate: meta.subjectTemplate ?? DEFAULT_SUBJECTS[meta.documentKind],
    numbering: parsed.numbering,
    sections,
    ...(checks.length ? { checks } : {}),
  };
  return { outline, proposals };
}

/** The outline without the indicators the officer removed (and the checks that named them). */
export function withoutIndicators(outline: Outline, removed: ReadonlySet<string>): Outline {
  if (removed.size === 0) return outline;
  const prune = (nodes: readonly OutlineNode[]): OutlineNode[] =>
    nodes
      .filter((n) => n.kind !== 'indicator' || !removed.has(n.code))
      .map((n) => {
        if (n.kind === 'section') return { ...n, children: prune(n.children) };
        if (n.kind === 'indicator' && n.partOf && removed.has(n.partOf)) {
          const { partOf: _dropped, ...rest } = n;
          return rest;
        }
        return n;
      });
  const checks = (outline.checks ?? []).filter(
    (c) => !removed.has(c.outflow) && !removed.has(c.inflow) && !removed.has(c.stock),
  );
  const { checks: _old, ...rest } = outline;
  return {
    ...rest,
    sections: prune(outline.sections) as Section[],
    ...(checks.length ? { checks } : {}),
  };
}
