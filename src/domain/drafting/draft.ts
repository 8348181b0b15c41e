/**
 * Drafting: a report's numbers and the outline's boilerplate turned into the paragraphs of each
 * section. The officer's own text (content.narratives) is kept apart from the draft, so new
 * numbers re-draft a section without losing what the officer wrote.
 */

import { formerSumNote } from '../lineage.js';
import type { Indicator, IndicatorValue, NarrativeBlock, OutlineNode, Section } from '../outline.js';
import { formatSectionNumber, numberStyleAt, sectionNumber } from '../outlines/numbering.js';
import { isOwnSection } from '../outlines/own-section.js';
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
import type {
  DraftedParagraph,
  DraftedReport,
  DraftedSection,
  DraftInput,
  DraftUnit,
  OfficerEdit,
} from './types.js';

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
  /** Default paragraphs kept; null for content written before proposals (every default prints). */
  kept: ReadonlySet<string> | null;
  omit: ReadonlySet<string>;
  /** "tổng số liệu của các xã cũ: …" until the first comparison with last year has printed it. */
  formerNote: string | undefined;
}

function comparisonFor(ctx: Ctx, code: string): Comparison | undefined {
  const same = numericValue(ctx.content.comparison.sameLastYear?.[code]);
  if (same !== null) {
    // A total of former units (the 2025 reform) says so the first time the report compares with it.
    const note = ctx.formerNote;
    ctx.formerNote = undefined;
    return { value: same, label: note ? `${ctx.sameLabel} (${note})` : ctx.sameLabel };
  }
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

/** The generic sentence of a section answered "không phát sinh" that has no nilPhrase of its own. */
export const GENERIC_NIL = 'Không phát sinh.';

/** The key of the n-th run of figures of a section (its paragraph slot). */
export function figuresKey(sectionKey: string, run: number): string {
  return `${sectionKey}#${run}`;
}
export const nilKey = (sectionKey: string): string => `${sectionKey}#nil`;
export const moreKey = (sectionKey: string): string => `${sectionKey}#more`;
/** A consolidation's coverage paragraph at the head of a section. */
export const leadKey = (sectionKey: string): string => `${sectionKey}#lead`;
/** An activity-log entry drafted as one of the section's first paragraphs (content.logbook.lines). */
export const logKey = (sectionKey: string, recordId: number): string => `${sectionKey}#log-${recordId}`;

/** "14/3/2026" as the form labels an activity-log paragraph. */
function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

function officerEdit(ctx: Ctx, key: string): OfficerEdit | undefined {
  const edit = ctx.content.narratives[key];
  if (!edit) return undefined;
  return { text: edit.text, mode: edit.mode, ...(edit.draftHash ? { draftHash: edit.draftHash } : {}) };
}

/**
 * A paragraph slot: the draft, and what prints once the officer's edit is applied. 'replace'
 * stands instead of the draft (an empty text prints nothing); 'append' follows it.
 */
function slot(
  ctx: Ctx,
  key: string,
  kind: DraftedParagraph['kind'],
  draft: string[],
  options: { proposal?: boolean; label?: string; afterChildren: boolean },
): DraftedParagraph {
  const edit = officerEdit(ctx, key);
  const hash = draftHash(draft);
  const replaced = edit?.mode === 'replace';
  const proposal = (options.proposal ?? false) && !replaced;
  const base = proposal ? [] : draft;
  const own = edit ? splitParagraphs(edit.text) : [];
  return {
    key,
    kind,
    ...(options.label ? { label: options.label } : {}),
    drafted: draft,
    draftHash: hash,
    printed: replaced ? own : [...base, ...own],
    proposal,
    ...(edit ? { edit } : {}),
    stale: replaced && edit?.draftHash !== undefined && edit.draftHash !== hash,
    afterChildren: options.afterChildren,
  };
}

function blockItem(ctx: Ctx, block: NarrativeBlock, nil: boolean, afterChildren: boolean): DraftedParagraph {
  const base = nil || !block.defaultText ? [] : splitParagraphs(atUnitLevel(block.defaultText, ctx.unit));
  const kept = ctx.kept === null || ctx.kept.has(block.key);
  return slot(ctx, block.key, block.defaultText ? 'default' : 'text', base, {
    proposal: base.length > 0 && !kept,
    label: block.label,
    afterChildren,
  });
}

function directIndicators(section: Section): Indicator[] {
  return section.children.filter((c): c is Indicator => c.kind === 'indicator');
}

/** True when the section is explicitly answered "không phát sinh" (itself, its parent, the whole report). */
function explicitlyNil(ctx: Ctx, section: Section, parentNil: boolean): boolean {
  if (section.nilAllowed === false) return false;
  const { nil } = ctx.content;
  if (nil.sections.includes(section.key)) return true;
  // The whole report answers nil only where the outline says what "không phát sinh" means.
  return Boolean(section.nilPhrase) && (parentNil || nil.all);
}

function isNil(ctx: Ctx, section: Section, parentNil: boolean): boolean {
  if (explicitlyNil(ctx, section, parentNil)) return true;
  if (!section.nilPhrase || section.nilAllowed === false) return false;
  const indicators = directIndicators(section);
  if (indicators.length === 0) return false;
  const ownText =
    [section.key, ...section.children.map((c) => (c.kind === 'narrative' ? c.key : ''))].some(
      (key) => key !== '' && (ctx.content.narratives[key]?.text.trim() ?? '') !== '',
    ) || (ctx.content.logbook?.lines[section.key]?.length ?? 0) > 0;
  // Figures not entered say nothing: only figures entered as 0 (or empty lists) answer "không
  // phát sinh" by themselves. A section left blank is flagged by the checks, never declared nil.
  const entered = indicators.filter((i) => ctx.content.values[i.code] !== undefined);
  return !ownText && entered.length > 0 && entered.every((i) => isEmptyValue(ctx.content.values[i.code]));
}

/** A section left out of the document: no number, nothing printed, its sub-sections with it. */
function omittedSection(ctx: Ctx, section: Section, level: number): DraftedSection {
  return {
    key: section.key,
    level,
    number: '',
    title: fillTitle(section.title, ctx.input.period),
    nil: false,
    omitted: true,
    drafted: [],
    items: [],
    draftHash: draftHash([]),
    stale: false,
    paragraphs: [],
    children: section.children
      .filter((c): c is Section => c.kind === 'section')
      .map((c) => omittedSection(ctx, c, level + 1)),
    tail: [],
  };
}

function draftSection(
  ctx: Ctx,
  section: Section,
  level: number,
  index: number,
  parentNil: boolean,
): DraftedSection {
  if (ctx.omit.has(section.key) && !section.required) return omittedSection(ctx, section, level);
  // The receiving unit's own activities speak of its work, not of the area it consolidates.
  if (ctx.unit.area && isOwnSection(section.key)) {
    const { area: _area, ...own } = ctx.unit;
    return draftSection({ ...ctx, unit: own }, section, level, index, parentNil);
  }
  const nil = isNil(ctx, section, parentNil);
  const explicitNil = explicitlyNil(ctx, section, parentNil);
  const items: DraftedParagraph[] = [];
  const children: DraftedSection[] = [];
  const given = ctx.input.supplements?.[section.key];
  // Paragraphs drafted from nodes after the first sub-section print after the sub-sections.
  let afterChildren = false;
  // A consolidation's coverage ("Số liệu tổng hợp từ báo cáo của 65/69 xã, phường…") leads.
  if (given?.lead?.length)
    items.push(slot(ctx, leadKey(section.key), 'figures', given.lead, { afterChildren }));
  // The unit's activity log of the window, in date order: the section's first lines, each edited
  // (or removed) like any drafted paragraph. A section answered "không phát sinh" prints none.
  if (!nil)
    for (const line of ctx.content.logbook?.lines[section.key] ?? []) {
      items.push(
        slot(ctx, logKey(section.key, line.id), 'logbook', [line.text], {
          label: `Từ nhật ký hoạt động ngày ${shortDate(line.date)}`,
          afterChildren,
        }),
      );
    }
  if (nil && section.nilPhrase) {
    const sentence = given?.nilSentence ?? nilSentence(ctx.unit, section.nilPhrase, ctx.input.period);
    items.push(slot(ctx, nilKey(section.key), 'nil', [sentence], { afterChildren }));
  } else if (nil && ctx.content.nil.sections.includes(section.key)) {
    items.push(slot(ctx, nilKey(section.key), 'nil', [GENERIC_NIL], { afterChildren }));
  }
  let run: Indicator[] = [];
  let runs = 0;
  const supplement = nil ? undefined : given;
  let clause = supplement?.clause;
  const flush = (): void => {
    if (run.length === 0) return;
    const key = figuresKey(section.key, runs++);
    const p = nil ? null : indicatorParagraph(ctx, run, clause);
    if (p && clause && p.includes(clause)) clause = undefined;
    if (p || ctx.content.narratives[key])
      items.push(slot(ctx, key, 'figures', p ? [p] : [], { afterChildren }));
    run = [];
  };
  let childIndex = 0;
  let lead = -1;
  for (const node of section.children as OutlineNode[]) {
    if (node.kind === 'indicator') {
      run.push(node);
      continue;
    }
    flush();
    if (node.kind === 'narrative') items.push(blockItem(ctx, node, nil, afterChildren));
    else {
      if (lead < 0) lead = items.length;
      afterChildren = true;
      children.push(draftSection(ctx, node, level + 1, childIndex++, explicitNil && nil));
    }
  }
  flush();
  if (lead < 0) lead = items.length;
  if (supplement?.paragraphs?.length) {
    items.splice(
      lead,
      0,
      slot(ctx, moreKey(section.key), 'more', supplement.paragraphs, { afterChildren: false }),
    );
    lead += 1;
  }
  // What the units wrote, each fact a proposal until kept (even for content kept before proposals).
  if (supplement?.digest?.length) {
    const facts = supplement.digest.map((d) =>
      slot(ctx, d.key, 'digest', [d.text], {
        proposal: !(ctx.kept?.has(d.key) ?? false),
        label: `Từ báo cáo của ${lowerKind(d.unitName)}`,
        afterChildren: false,
      }),
    );
    items.splice(lead, 0, ...facts);
    lead += facts.length;
  }
  const leadText = items.slice(0, lead).flatMap((i) => i.printed);
  const tailText = items.slice(lead).flatMap((i) => i.printed);
  const drafted = [...leadText, ...tailText];
  const hash = draftHash(drafted);
  const officer = officerEdit(ctx, section.key);
  const replaced = officer?.mode === 'replace';
  const own = officer ? splitParagraphs(officer.text) : [];
  const paragraphs = replaced ? own : [...leadText, ...own];
  const tail = replaced ? [] : tailText;
  const stale = replaced && officer?.draftHash !== undefined && officer.draftHash !== hash;
  return {
    key: section.key,
    level,
    number: sectionNumber(level, index),
    title: fillTitle(section.title, ctx.input.period),
    nil,
    omitted: false,
    drafted,
    items,
    draftHash: hash,
    ...(officer && (officer.text.trim() || replaced) ? { officer } : {}),
    stale,
    paragraphs,
    children,
    tail,
  };
}

/** "Xã Thạch Hà" → "xã Thạch Hà", as a sentence names a commune. */
function lowerKind(name: string): string {
  return name.replace(/^(Xã|Phường|Đặc khu)(?= )/u, (k) => k.toLowerCase());
}

/** A section title may name the period: "Kết quả … {period}", "Phương hướng … {next}". */
export function fillTitle(title: string, period: Period): string {
  return title.replaceAll('{period}', periodLabel(period)).replaceAll('{next}', nextPeriodLabel(period));
}

/** Drafts every section of the outline from the report's content. */
export function draftReport(input: DraftInput): DraftedReport {
  // Callers that draft a bare content (outline previews) may leave out the comparison.
  const formers = input.content.comparison?.sameLastYearFormers;
  const ctx: Ctx = {
    input,
    content: input.content,
    unit: input.unit,
    sameLabel: input.sameLastYearLabel ?? defaultSameLastYearLabel(input.period),
    previousLabel: input.previousPeriodLabel ?? defaultPreviousLabel(input.period),
    approximate: new Set(input.content.approximate ?? []),
    kept: input.content.kept ? new Set(input.content.kept) : null,
    omit: new Set(input.content.omit ?? []),
    formerNote: formers ? formerSumNote(formers) : undefined,
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
