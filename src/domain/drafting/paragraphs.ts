/**
 * What the officer does to a printed paragraph, as pure changes of the report's content: keep a
 * default paragraph (one, a section's, the whole report's), rewrite or delete any paragraph, take
 * the new wording the drafting proposes after the figures changed, restore the draft.
 */
import type { Outline } from '../outline.js';
import { narrativesOf } from '../outlines/numbering.js';
import type { ReportContent } from '../report-json.js';
import type { DraftedParagraph, DraftedSection } from './types.js';

/** The keys of the outline's default paragraphs (narrative blocks with a `defaultText`). */
export function defaultKeys(outline: Outline): string[] {
  return narrativesOf(outline)
    .filter((n) => Boolean(n.defaultText?.trim()))
    .map((n) => n.key);
}

/**
 * The defaults kept: content written before proposals existed (no `kept`) printed every default,
 * so they all count as kept the first time the officer changes the list.
 */
export function keptKeys(outline: Outline, content: ReportContent): string[] {
  return content.kept ?? defaultKeys(outline);
}

/** Keeps default paragraphs: they print. */
export function keepDefaults(
  outline: Outline,
  content: ReportContent,
  keys: readonly string[],
): ReportContent {
  const kept = keptKeys(outline, content);
  const added = keys.filter((k) => !kept.includes(k));
  return { ...content, kept: [...kept, ...added] };
}

/** Takes a default back to a proposal: it no longer prints. */
export function dropDefault(outline: Outline, content: ReportContent, key: string): ReportContent {
  return { ...content, kept: keptKeys(outline, content).filter((k) => k !== key) };
}

/** The officer's wording of a paragraph instead of the draft, remembering which draft it replaced. */
export function rewriteParagraph(
  content: ReportContent,
  item: DraftedParagraph,
  text: string,
): ReportContent {
  return {
    ...content,
    narratives: { ...content.narratives, [item.key]: { text, mode: 'replace', draftHash: item.draftHash } },
  };
}

/** Deletes a paragraph: an empty replacement prints nothing (never the draft again). */
export function deleteParagraph(content: ReportContent, item: DraftedParagraph): ReportContent {
  return rewriteParagraph(content, item, '');
}

/** Back to the draft: the officer's edit of the paragraph is removed, later figures re-draft it. */
export function restoreParagraph(content: ReportContent, item: DraftedParagraph): ReportContent {
  const narratives = { ...content.narratives };
  delete narratives[item.key];
  return { ...content, narratives };
}

/**
 * "Dùng cách viết mới": the officer takes the wording drafted from the new figures. The paragraph
 * is the draft again (re-drafted by later changes); a default taken so is kept.
 */
export function acceptNewWording(
  outline: Outline,
  content: ReportContent,
  item: DraftedParagraph,
): ReportContent {
  const restored = restoreParagraph(content, item);
  return item.kind === 'default' ? keepDefaults(outline, restored, [item.key]) : restored;
}

/** The default paragraphs still proposed in these sections and their sub-sections. */
export function proposalKeys(sections: readonly DraftedSection[]): string[] {
  return sections.flatMap((s) => [
    ...s.items.filter((i) => i.proposal && !s.omitted).map((i) => i.key),
    ...proposalKeys(s.children),
  ]);
}
