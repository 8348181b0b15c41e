/**
 * What each section of the form depends on, so that a keystroke re-renders only the section it was
 * typed in (and its parents), and the state each section shows in the section list.
 */
import type { DraftedParagraph, DraftedSection } from '@domain/drafting/types';
import type { Indicator, Section } from '@domain/outline';
import type { ReportContent } from '@domain/report-json';

export interface Subtree {
  /** Indicator codes of the section and of its subsections (their values, errors, warnings, “khoảng” marks). */
  codes: readonly string[];
  /** Keys of the section, its subsections and its narrative blocks (narratives, nil, drafted). */
  keys: readonly string[];
}

const cache = new WeakMap<Section, Subtree>();

export function subtreeOf(section: Section): Subtree {
  let found = cache.get(section);
  if (found) return found;
  const codes: string[] = [];
  const keys: string[] = [section.key];
  for (const node of section.children) {
    if (node.kind === 'indicator') codes.push(node.code);
    else if (node.kind === 'narrative') keys.push(node.key);
    else {
      const child = subtreeOf(node);
      codes.push(...child.codes);
      keys.push(...child.keys);
    }
  }
  found = { codes, keys };
  cache.set(section, found);
  return found;
}

/**
 * Two drafts of a section read the same on the form (the drafting makes new objects every time it
 * runs). The number is not compared: the headings take it from `sectionNumbers`.
 */
export function sameDrafted(a: DraftedSection | undefined, b: DraftedSection | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.draftHash === b.draftHash &&
    a.title === b.title &&
    a.nil === b.nil &&
    a.stale === b.stale &&
    a.drafted.length === b.drafted.length &&
    a.drafted.every((p, i) => p === b.drafted[i]) &&
    a.items.length === b.items.length &&
    a.items.every((p, i) => sameParagraph(p, b.items[i]))
  );
}

/** One printed paragraph of a section reads and offers the same (its text, proposal, new wording). */
function sameParagraph(a: DraftedParagraph, b: DraftedParagraph | undefined): boolean {
  return (
    b !== undefined &&
    a.key === b.key &&
    a.proposal === b.proposal &&
    a.stale === b.stale &&
    a.draftHash === b.draftHash &&
    a.edit?.text === b.edit?.text &&
    a.edit?.mode === b.edit?.mode &&
    a.printed.length === b.printed.length &&
    a.printed.every((p, i) => p === b.printed[i])
  );
}

export type SectionState = 'error' | 'nil' | 'filled' | 'empty';

export const SECTION_STATE_LABELS: Record<SectionState, string> = {
  error: 'lỗi',
  nil: 'không phát sinh',
  filled: 'đã điền',
  empty: 'chưa điền',
};

/**
 * A section's state in the section list: in error when a field or the section itself has an error;
 * "không phát sinh" when answered so (itself, a parent, or the whole report); filled when a figure
 * or the officer's text is in it, or the drafting has something to say; empty otherwise.
 */
export function sectionState(input: {
  section: Section;
  content: ReportContent;
  drafted: DraftedSection | undefined;
  parentNil: boolean;
  errorTargets: ReadonlySet<string>;
}): SectionState {
  const { section, content, drafted, parentNil, errorTargets } = input;
  const tree = subtreeOf(section);
  if (tree.codes.some((c) => errorTargets.has(c)) || tree.keys.some((k) => errorTargets.has(k)))
    return 'error';
  const nilKeys = content.nil.sections;
  if (parentNil || content.nil.all || nilKeys.includes(section.key)) return 'nil';
  const typed =
    tree.codes.some((c) => content.values[c] !== undefined) ||
    tree.keys.some((k) => (content.narratives[k]?.text ?? '').trim() !== '');
  if (typed) return 'filled';
  if (drafted?.nil) return 'nil';
  return (drafted?.paragraphs.length ?? 0) > 0 ? 'filled' : 'empty';
}

/** The indicators directly in a section. */
export function ownIndicators(section: Section): Indicator[] {
  return section.children.filter((n): n is Indicator => n.kind === 'indicator');
}
