/**
 * The sentences only a consolidated report has, in the style of the examples: where activity
 * concentrated ("…, tập trung chủ yếu ở các xã Thạch Hà, Lộc Hà và phường Bắc Hồng Lĩnh") and which
 * units reported nothing ("Các xã Đức Thọ, Can Lộc báo cáo không phát sinh …"). They reach the
 * drafting as `supplements` (src/domain/drafting: DraftInput.supplements), so the figures of the
 * consolidated report are drafted as any report's are, and the officer's own text is untouched.
 */
import type { SectionSupplement } from '../drafting/types.js';
import type { Outline, Section } from '../outline.js';
import { joinVi } from '../vn-number.js';
import {
  type Coverage,
  coverageCounts,
  coverageRatio,
  coverageSentence,
  partialNilSentence,
} from './coverage.js';
import {
  type Consolidation,
  type SectionActivity,
  type SourceUnit,
  sectionsWithIndicators,
} from './index.js';

/** Beyond this many units a sentence counts them instead of naming them (the appendix names them). */
export const MAX_NAMED_UNITS = 10;
/** The leading units named are those that together make at least this share of the activity… */
const CONCENTRATION_SHARE = 0.6;
/** …and no more than this many. */
const MAX_CONCENTRATION = 3;

const KIND_PREFIX = /^(xã|phường|đặc khu|thị trấn)\s+(.+)$/iu;

/** "Xã Thạch Hà" → { kind: "xã", name: "Thạch Hà" }; a body keeps its whole name. */
export function splitUnitName(name: string): { kind: string | null; name: string } {
  const m = KIND_PREFIX.exec(name.trim());
  if (!m?.[1] || !m[2]) return { kind: null, name: name.trim() };
  return { kind: m[1].toLowerCase(), name: m[2] };
}

/**
 * Units named as the examples do, grouped by kind in order of first appearance:
 * "các xã A, B và phường C", "xã A", "xã A và phường B".
 */
export function unitsPhrase(units: readonly Pick<SourceUnit, 'name'>[]): string {
  const groups = new Map<string, string[]>();
  for (const u of units) {
    const { kind, name } = splitUnitName(u.name);
    const key = kind ?? `\u0000${name}`;
    const names = groups.get(key) ?? [];
    names.push(name);
    groups.set(key, names);
  }
  const parts = [...groups].map(([kind, names]) => {
    if (kind.startsWith('\u0000')) return names[0] ?? '';
    return names.length > 1 ? `các ${kind} ${names.join(', ')}` : `${kind} ${names[0]}`;
  });
  return joinVi(parts);
}

/** "xã, phường": the kinds of the units, for a count ("Có 45 xã, phường …"). */
function kindsWord(units: readonly SourceUnit[]): string {
  const kinds = [...new Set(units.map((u) => splitUnitName(u.name).kind ?? 'đơn vị'))];
  return kinds.join(', ');
}

const capitalize = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * "tập trung chủ yếu ở các xã A, B và phường C": the leading units that together make most of the
 * activity (at most three). None when nobody reported activity, or when only one unit did and it is
 * the only source (nothing to say about concentration).
 */
export function concentrationClause(
  active: readonly SectionActivity[],
  sourceCount: number,
): string | undefined {
  if (active.length === 0 || sourceCount < 2) return undefined;
  const total = active.reduce((sum, a) => sum + a.size, 0);
  const leading: SectionActivity[] = [];
  let covered = 0;
  for (const a of active) {
    if (leading.length >= MAX_CONCENTRATION) break;
    leading.push(a);
    covered += a.size;
    if (covered >= total * CONCENTRATION_SHARE) break;
  }
  const phrase = unitsPhrase(leading.map((a) => a.unit));
  return leading.length === active.length ? `tập trung ở ${phrase}` : `tập trung chủ yếu ở ${phrase}`;
}

/** "Các xã D, E báo cáo không phát sinh …" or, for many units, "Có 45 xã, phường báo cáo không phát sinh …". */
export function quietSentence(units: readonly SourceUnit[], what: string): string | undefined {
  if (units.length === 0) return undefined;
  const subject =
    units.length > MAX_NAMED_UNITS ? `có ${units.length} ${kindsWord(units)}` : unitsPhrase(units);
  return `${capitalize(subject)} báo cáo không phát sinh ${what.trim().replace(/\.$/, '')}.`;
}

function findSection(sections: readonly Section[], key: string): Section | undefined {
  for (const s of sections) {
    if (s.key === key) return s;
    const inner = findSection(
      s.children.filter((c): c is Section => c.kind === 'section'),
      key,
    );
    if (inner) return inner;
  }
  return undefined;
}

/** Every section at any depth, in reading order. */
function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [
    s,
    ...allSections(s.children.filter((c): c is Section => c.kind === 'section')),
  ]);
}

/** The first top-level section that holds figures: where the units that answered nothing at all are named. */
function firstResultsSection(outline: Outline): Section | undefined {
  return outline.sections.find((s) => sectionsWithIndicators([s]).length > 0);
}

/** "theo số liệu của 65/69 xã, phường đã gửi báo cáo": appended to a partial total's sentence. */
export function partialClause(coverage: Coverage | null | undefined): string | undefined {
  if (!coverage || !coverageCounts(coverage).partial) return undefined;
  return `theo số liệu của ${coverageRatio(coverage)} đã gửi báo cáo`;
}

/**
 * The supplements of a consolidated report's drafting, by section key. With the round's coverage:
 * the opening states how many units answered and names those that did not; while some are missing,
 * every total is marked as the figure of the units that answered, and a section none of them had
 * activity in says so of them, never of the whole province.
 */
export function consolidationNarrative(
  outline: Outline,
  consolidation: Consolidation,
  coverage: Coverage | null = null,
): Record<string, SectionSupplement> {
  const out: Record<string, SectionSupplement> = {};
  const nilAll = new Set(consolidation.nilUnits.map((u) => u.id));
  const partial = partialClause(coverage);
  for (const sc of consolidation.sections) {
    const section = findSection(outline.sections, sc.key);
    if (!section) continue;
    if (sc.active.length === 0) {
      if (partial && coverage && section.nilPhrase)
        out[sc.key] = { nilSentence: partialNilSentence(coverage, section.nilPhrase) };
      continue;
    }
    const supplement: SectionSupplement = {};
    const concentration = concentrationClause(sc.active, consolidation.sourceCount);
    const clause = [concentration, partial].filter(Boolean).join(', ');
    if (clause) supplement.clause = clause;
    const quiet = sc.quiet.filter((u) => !nilAll.has(u.id));
    const sentence = section.nilPhrase ? quietSentence(quiet, section.nilPhrase) : undefined;
    if (sentence) supplement.paragraphs = [sentence];
    if (supplement.clause || supplement.paragraphs) out[sc.key] = supplement;
  }
  // Any section that drafts as nil (with figures or not) speaks of the units that answered only.
  if (partial && coverage) {
    for (const section of allSections(outline.sections)) {
      if (section.nilPhrase && !out[section.key]?.nilSentence)
        out[section.key] = {
          ...out[section.key],
          nilSentence: partialNilSentence(coverage, section.nilPhrase),
        };
    }
  }
  const first = firstResultsSection(outline);
  const nilSentence = quietSentence(consolidation.nilUnits, 'hoạt động đối ngoại trong kỳ báo cáo');
  if (first && nilSentence) {
    const existing = out[first.key] ?? {};
    out[first.key] = { ...existing, paragraphs: [nilSentence, ...(existing.paragraphs ?? [])] };
  }
  if (first && coverage) {
    const existing = out[first.key] ?? {};
    out[first.key] = { ...existing, lead: [coverageSentence(coverage), ...(existing.lead ?? [])] };
  }
  return out;
}
