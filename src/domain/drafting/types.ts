/** Inputs and outputs of the drafting: a report's numbers turned into Vietnamese paragraphs. */
import type { Outline } from '../outline.js';
import type { Period } from '../periods.js';
import type { ReportContent } from '../report-json.js';

/** Who writes the report: decides "trên địa bàn xã/tỉnh" and the subject of the sentences. */
export interface DraftUnit {
  /** Full name with its kind, lower-case kind first: "xã Lạc Phượng", "tỉnh Hà Tĩnh", "Sở Ngoại vụ". */
  name: string;
  kind: 'commune' | 'body' | 'province';
  /**
   * The area the figures cover when it is not the unit's own: "tỉnh" for a Sở's consolidated
   * report ("trên địa bàn tỉnh có …"), whose own reports have no area.
   */
  area?: string;
}

export interface DraftInput {
  outline: Outline;
  content: ReportContent;
  period: Period;
  unit: DraftUnit;
  /** "tuần trước", "Quý I năm 2026": how comparisons with `content.comparison.previous` name it. */
  previousPeriodLabel?: string;
  /** "cùng kỳ năm 2025" (default) or "năm 2025": how comparisons with last year name it. */
  sameLastYearLabel?: string;
  /**
   * Sentences drafted from outside the report's own figures, by section key: a consolidated report
   * says where activity concentrated and which units reported nothing (src/domain/consolidation).
   */
  supplements?: Record<string, SectionSupplement>;
}

/** What a section's draft gains from outside its figures (not drafted when the section is nil). */
export interface SectionSupplement {
  /** Appended to the section's first paragraph of figures: "tập trung chủ yếu ở các xã A, B". */
  clause?: string;
  /** Paragraphs after the section's own drafted text (before its sub-sections). */
  paragraphs?: string[];
  /** Paragraphs first in the section, nil or not: a consolidated report's coverage. */
  lead?: string[];
  /**
   * Replaces the section's "không phát sinh" sentence when it is nil: a consolidated report with
   * units missing says that the units that answered had none, not that the whole area had none.
   */
  nilSentence?: string;
  /**
   * What the units wrote in this section, one fact per paragraph naming its unit (a consolidated
   * report's digest): proposals the officer keeps, rewrites or leaves out.
   */
  digest?: DigestParagraph[];
}

/** One fact a unit wrote, as a consolidated report proposes it (consolidation/digest.ts). */
export interface DigestParagraph {
  /** Stable across refreshes: `<section>#digest-<unit code>-<hash of the sentence>`. */
  key: string;
  /** The sentence as the unit wrote it, naming the unit. */
  text: string;
  /** "Xã Thạch Hà": whose report it comes from. */
  unitName: string;
}

export interface OfficerEdit {
  text: string;
  mode: 'append' | 'replace';
  /** Hash of the drafted text the officer saw when writing (see `draftHash`). */
  draftHash?: string;
}

/**
 * One paragraph slot of a section as the officer sees and edits it: the sentences of a run of
 * figures, an outline's default paragraph, a text the officer fills, the "không phát sinh"
 * sentence. Its edit is `content.narratives[key]` ('replace' with `draftHash`; an empty text
 * deletes it).
 */
export interface DraftedParagraph {
  /**
   * A narrative block's key, `<section>#<n>` (n-th run of figures), `<section>#nil`,
   * `<section>#more`, `<section>#lead`, `<section>#digest-…` (a unit's fact in a consolidation),
   * `<section>#log-<record id>` (an activity-log entry of the window, content.logbook.lines).
   */
  key: string;
  kind: 'figures' | 'default' | 'text' | 'nil' | 'more' | 'digest' | 'logbook';
  /** The outline's label of a narrative block ("Công tác chỉ đạo, điều hành"). */
  label?: string;
  /** What the drafting writes: the figures' sentences, the outline's default paragraph(s). */
  drafted: string[];
  draftHash: string;
  /** What prints for this slot (empty: nothing). */
  printed: string[];
  /** A default paragraph not kept (yet): it does not print until the officer keeps it. */
  proposal: boolean;
  /** The officer's edit of this slot. */
  edit?: OfficerEdit;
  /** The officer replaced a draft that reads differently now: `drafted` is the new wording proposed. */
  stale: boolean;
  /** Printed after the section's sub-sections (a block the outline places after them). */
  afterChildren: boolean;
}

export interface DraftedSection {
  key: string;
  /** 1 for "I.", 2 for "1.", 3 for "a)". */
  level: number;
  /**
   * As printed before the title: "I.", "2.", "a)", by position among the sections that print (no
   * gaps); "" for a section that does not print (nothing in it yet).
   */
  number: string;
  title: string;
  /** Answered "không phát sinh" (explicitly, for the whole report, or because every number is 0 or empty). */
  nil: boolean;
  /** Left out of the document (content.omit): nothing of it prints. */
  omitted: boolean;
  /**
   * The paragraphs drafted from the numbers and the outline's kept defaults, after the officer's
   * edits of single paragraphs (`items`), before the section-wide officer text.
   */
  drafted: string[];
  /** The section's own paragraph slots, in reading order (proposals included). */
  items: DraftedParagraph[];
  /** Hash of `drafted`: the UI keeps it with a 'replace' edit to notice a later re-draft. */
  draftHash: string;
  /** The officer's own text for this section (content.narratives[key]), kept apart from the draft. */
  officer?: OfficerEdit;
  /**
   * True when the officer replaced the draft while it read differently from now (the numbers
   * changed since): the UI warns that the replacement may be out of date.
   */
  stale: boolean;
  /** What the document prints: drafted + officer's text, or the officer's text alone for 'replace'. */
  paragraphs: string[];
  children: DraftedSection[];
  /**
   * Drafted paragraphs of blocks that the outline places after the sub-sections (printed after
   * them, e.g. "Tồn tại, hạn chế" closing a section); empty when the officer replaced the draft.
   */
  tail: string[];
}

export interface DraftedReport {
  /** "6 tháng đầu năm 2026". */
  periodLabel: string;
  sections: DraftedSection[];
}
