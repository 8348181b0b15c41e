/**
 * Drafting: a report's numbers and the outline's boilerplate turned into the paragraphs of each
 * section. The officer's own text (content.narratives) is kept apart from the draft, so new
 * numbers re-draft a section without losing what the officer wrote.
 */
import type { Indicator, IndicatorValue, NarrativeBlock, OutlineNode, Section } from '../outline.js';
import { formatSectionNumber, numberStyleAt, sectionNumber } from '../outlines/numbering.js';
import { nextPeriodLabel, type Period, periodLabel, previousPeriod } from '../periods.js';
import type { ReportContent } from '../report-json.js';
import {
  areaPhrase,
  atUnitLevel,
  type Comparison,
  isEmptyValue,
  joinNil,
  listSentence,
  lowerFirst,
  nilNoun,
  nilSentence,
  numericClause,
  numericValue,
  periodIntro,
  textSentence,
} from './sentences.js';
import type { DraftedReport, DraftedSection, DraftInput, DraftUnit, OfficerEdit } from './types.js';

/** FNV-1a (32 bits) of the drafted paragraphs: short, stable, no I/O. */
export function draftHash(paragraphs: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = paragraphs.join('\n');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** True when a section's draft reads differently from an earlier one. */
export function draftChanged(previousDrafted: readonly string[], drafted: readonly string[]): boolean {
  return draftHash(previousDrafted) !== draftHash(drafted);
}

/** Officer text split into paragraphs (one per non-blank line). */
export function splitParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** "cùng kỳ năm 2025", or "năm 2025" for a year report. */
export function defaultSameLastYearLabel(period: Period): string {
  return period.kind === 'year' ? `năm ${period.year - 1}` : `cùng kỳ năm ${period.year - 1}`;
}

/**
 * The previous period named as the comparison says it: "6 tháng cuối năm 2025", "quý III năm
 * 2026", "tháng 5 năm 2026"; a week stays "tuần trước" (its dates would only burden the sentence).
 */
export function defaultPreviousLabel(period: Period): string {
  if (period.kind === 'week') return 'tuần trước';
  const previous = lowerFirst(periodLabel(previousPeriod(period)));
  // "so với thời gian từ ngày … đến ngày …", not "so với từ ngày …".
  return period.kind === 'custom' ? `thời gian ${previous}` : previous;
}

interface Ctx {
  input: DraftInput;
  content: ReportContent;
  unit: DraftUnit;
  sameLabel: string;
  previousLabel: string;
  approximate: ReadonlySet<string>;
}

function comparisonFor(ctx: Ctx, code: string): Comparison | undefined {
  const same = numericValue(ctx.content.comparison.sameLastYear?.[code]);
  if (same !== null) return { value: same, label: ctx.sameLabel };
  const previous = numericValue(ctx.content.comparison.previous?.[code]);
  if (previous !== null) return { value: previous, label: ctx.previousLabel };
  return undefined;
}

/** The figures of one sentence: what happened, and what did not (joined as one "không phát sinh …"). */
interface Listing {
  some: string[];
  none: string[];
}

/**
 * "có 03 đoàn vào; 12 lượt người; không phát sinh đoàn ra", or "không phát sinh đoàn ra, đoàn vào"
 * alone when every figure is a zero. A stock did not "arise": it reads "không có …".
 */
function listing({ some, none }: Listing, nilVerb: string): string {
  const nil = none.length > 0 ? `${nilVerb} ${joinNil(none)}` : '';
  if (some.length === 0) return nil;
  return [`có ${some.join('; ')}`, ...(nil ? [nil] : [])].join('; ');
}

/** The sentences of a run of consecutive indicators: flows first ("Trong … có …"), then stocks ("Hiện nay …"). */
function indicatorParagraph(ctx: Ctx, indicators: Indicator[], clause?: string): string | null {
  const flows: Listing = { some: [], none: [] };
  const stocks: Listing = { some: [], none: [] };
  const extra: string[] = [];
  const parts = new Map<string, string[]>();
  const owners = new Map<string, ClauseOwner>();
  const area = areaPhrase(ctx.unit);
  const placed = area !== '';
  for (const ind of indicators) {
    const value: IndicatorValue | undefined = ctx.content.values[ind.code];
    if (value === undefined) continue;
    const target = ind.measure === 'stock' ? stocks : flows;
    if (typeof value === 'string') {
      if (value.trim()) extra.push(textSentence(ind, value));
      continue;
    }
    if (Array.isArray(value)) {
      const items = value.filter((s) => s.trim());
      if (items.length > 0) extra.push(listSentence(ind, items));
      continue;
    }
    const approx = ctx.approximate.has(ind.code);
    // A part of a total drafted just before joins it: "…, trong đó: vốn vay 648.587 triệu đồng".
    const whole = ind.partOf ? parts.get(ind.partOf) : undefined;
    if (whole) {
      if (numericValue(value) !== 0) whole.push(numericClause(ind, value, undefined, { approx, placed }));
      continue;
    }
    if (numericValue(value) === 0 && !approx) {
      target.none.push(nilNoun(ind, placed));
      continue;
    }
    // The members of groups counted just before go with them: "01 đoàn vào với 02 người nước
    // ngoài", not "01 đoàn vào; 02 người nước ngoài trong các đoàn vào" (one delegation, "các").
    const group = groupOf(ind, indicators, owners);
    if (group) {
      const member = { ...ind, phrase: group.memberPhrase };
      const clause = numericClause(member, value, comparisonFor(ctx, ind.code), { approx, placed });
      group.owner.list[group.owner.index] += ` với ${clause}`;
      continue;
    }
    target.some.push(numericClause(ind, value, comparisonFor(ctx, ind.code), { approx, placed }));
    parts.set(ind.code, []);
    owners.set(ind.code, {
      list: target.some,
      index: target.some.length - 1,
      money: ind.valueType === 'money',
    });
  }
  for (const [code, clauses] of parts) {
    const owner = owners.get(code);
    if (!owner || clauses.length === 0) continue;
    owner.list[owner.index] += owner.money
      ? `, trong đó: ${clauses.join(', ')}`
      : `, trong đó có: ${clauses.join(', ')}`;
  }
  const sentences: string[] = [];
  if (flows.some.length + flows.none.length > 0) {
    const intro = periodIntro(ctx.input.period);
    const body = listing(flows, 'không phát sinh');
    sentences.push(area ? `${intro}, ${area} ${body}.` : `${intro}, ${body}.`);
  }
  if (stocks.some.length + stocks.none.length > 0) {
    const body = listing(stocks, 'không có');
    sentences.push(area ? `Hiện nay, ${area} ${body}.` : `Đến cuối kỳ báo cáo, ${body}.`);
  }
  // A consolidated report's "…, tập trung chủ yếu ở …" closes the first sentence of figures.
  if (clause && sentences[0]) sentences[0] = `${sentences[0].replace(/[.;:,]+$/, '')}, ${clause}.`;
  sentences.push(...extra);
  return sentences.length > 0 ? sentences.join(' ') : null;
}

interface ClauseOwner {
  list: string[];
  index: number;
  money: boolean;
}

/**
 * The group an indicator counts the members of, among those drafted before it in the sentence:
 * "người nước ngoài trong các đoàn vào" counts the members of "đoàn vào". Its phrase without the
 * reference ("người nước ngoài") and where the group's clause is.
 */
function groupOf(
  indicator: Indicator,
  run: readonly Indicator[],
  owners: ReadonlyMap<string, ClauseOwner>,
): { memberPhrase: string; owner: ClauseOwner } | null {
  if (indicator.valueType === 'money') return null;
  for (const other of run) {
    if (other === indicator) break;
    const owner = owners.get(other.code);
    if (!owner || other.valueType === 'money' || !other.phrase.trim()) continue;
    const reference = new RegExp(
      `\\s+(?:trong|của|thuộc)\\s+(?:các\\s+)?${escapeRegExp(other.phrase.trim())}$`,
      'u',
    );
    const memberPhrase = indicator.phrase.trim().replace(reference, '');
    if (memberPhrase !== indicator.phrase.trim() && memberPhrase !== '') return { memberPhrase, owner };
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function blockText(ctx: Ctx, block: NarrativeBlock, nil: boolean): string[] {
  const edit = ctx.content.narratives[block.key];
  const base = nil || !block.defaultText ? [] : splitParagraphs(atUnitLevel(block.defaultText, ctx.unit));
  if (!edit?.text.trim()) return base;
  const own = splitParagraphs(edit.text);
  return edit.mode === 'replace' ? own : [...base, ...own];
}

function directIndicators(section: Section): Indicator[] {
  return section.children.filter((c): c is Indicator => c.kind === 'indicator');
}

function isNil(ctx: Ctx, section: Section, parentNil: boolean): boolean {
  if (!section.nilPhrase) return false;
  const { nil } = ctx.content;
  if (nil.all || parentNil || nil.sections.includes(section.key)) return true;
  const indicators = directIndicators(section);
  if (indicators.length === 0) return false;
  const ownText = [section.key, ...section.children.map((c) => (c.kind === 'narrative' ? c.key : ''))].some(
    (key) => key !== '' && (ctx.content.narratives[key]?.text.trim() ?? '') !== '',
  );
  // Figures not entered say nothing: only figures entered as 0 (or empty lists) answer "không
  // phát sinh" by themselves. A section left blank is flagged by the checks, never declared nil.
  const entered = indicators.filter((i) => ctx.content.values[i.code] !== undefined);
  return !ownText && entered.length > 0 && entered.every((i) => isEmptyValue(ctx.content.values[i.code]));
}

function draftSection(
  ctx: Ctx,
  section: Section,
  level: number,
  index: number,
  parentNil: boolean,
): DraftedSection {
  const nil = isNil(ctx, section, parentNil);
  const explicitNil = parentNil || ctx.content.nil.all || ctx.content.nil.sections.includes(section.key);
  const drafted: string[] = [];
  const children: DraftedSection[] = [];
  const given = ctx.input.supplements?.[section.key];
  if (given?.lead) drafted.push(...given.lead);
  if (nil && section.nilPhrase) drafted.push(given?.nilSentence ?? nilSentence(ctx.unit, section.nilPhrase));
  let run: Indicator[] = [];
  const supplement = nil ? undefined : given;
  let clause = supplement?.clause;
  const flush = (): void => {
    if (!nil && run.length > 0) {
      const p = indicatorParagraph(ctx, run, clause);
      if (p && clause && p.includes(clause)) clause = undefined;
      if (p) drafted.push(p);
    }
    run = [];
  };
  let childIndex = 0;
  // Paragraphs drafted from nodes after the first sub-section print after the sub-sections.
  let lead = -1;
  for (const node of section.children as OutlineNode[]) {
    if (node.kind === 'indicator') {
      run.push(node);
      continue;
    }
    flush();
    if (node.kind === 'narrative') drafted.push(...blockText(ctx, node, nil));
    else {
      if (lead < 0) lead = drafted.length;
      children.push(draftSection(ctx, node, level + 1, childIndex++, explicitNil && nil));
    }
  }
  flush();
  if (lead < 0) lead = drafted.length;
  if (supplement?.paragraphs?.length) {
    drafted.splice(lead, 0, ...supplement.paragraphs);
    lead += supplement.paragraphs.length;
  }
  const hash = draftHash(drafted);
  const edit = ctx.content.narratives[section.key];
  const officer: OfficerEdit | undefined = edit?.text.trim()
    ? { text: edit.text, mode: edit.mode, ...(edit.draftHash ? { draftHash: edit.draftHash } : {}) }
    : undefined;
  const own = officer ? splitParagraphs(officer.text) : [];
  const replaced = officer?.mode === 'replace';
  const paragraphs = replaced ? own : [...drafted.slice(0, lead), ...own];
  const tail = replaced ? [] : drafted.slice(lead);
  const stale = officer?.mode === 'replace' && officer.draftHash !== undefined && officer.draftHash !== hash;
  return {
    key: section.key,
    level,
    number: sectionNumber(level, index),
    title: fillTitle(section.title, ctx.input.period),
    nil,
    drafted,
    draftHash: hash,
    ...(officer ? { officer } : {}),
    stale,
    paragraphs,
    children,
    tail,
  };
}

/** A section title may name the period: "Kết quả … {period}", "Phương hướng … {next}". */
export function fillTitle(title: string, period: Period): string {
  return title.replaceAll('{period}', periodLabel(period)).replaceAll('{next}', nextPeriodLabel(period));
}

/** Drafts every section of the outline from the report's content. */
export function draftReport(input: DraftInput): DraftedReport {
  const ctx: Ctx = {
    input,
    content: input.content,
    unit: input.unit,
    sameLabel: input.sameLastYearLabel ?? defaultSameLastYearLabel(input.period),
    previousLabel: input.previousPeriodLabel ?? defaultPreviousLabel(input.period),
    approximate: new Set(input.content.approximate ?? []),
  };
  return {
    periodLabel: periodLabel(input.period),
    sections: numberPrinted(
      input.outline.sections.map((s, i) => draftSection(ctx, s, 1, i, false)),
      input.outline.numbering,
    ),
  };
}

/** A section prints only when it says something (itself or a sub-section): no empty headings. */
export function printsSection(section: DraftedSection): boolean {
  return section.paragraphs.length > 0 || section.tail.length > 0 || section.children.some(printsSection);
}

/**
 * Numbers the sections as the document prints them: by position among the printed ones, so that
 * leaving an empty section out never leaves a gap, and the form shows the number the page will
 * carry, in the outline's numbering scheme. A section that does not print has no number ("").
 */
function numberPrinted(
  sections: DraftedSection[],
  numbering: DraftInput['outline']['numbering'],
  parentChain: readonly number[] = [],
): DraftedSection[] {
  let index = 0;
  return sections.map((section) => {
    const parts = printsSection(section)
      ? formatSectionNumber(numberStyleAt(numbering, section.level), index++, parentChain)
      : null;
    return {
      ...section,
      number: parts?.number ?? '',
      children: numberPrinted(section.children, numbering, parts?.chain ?? parentChain),
    };
  });
}

/** Every drafted section in reading order (depth first). */
export function flattenDrafted(sections: readonly DraftedSection[]): DraftedSection[] {
  return sections.flatMap((s) => [s, ...flattenDrafted(s.children)]);
}
