/**
 * Consolidation: the reports a receiving unit got in a round become its own figures. Pure: the
 * sources are loaded by src/db/consolidation.ts (`loadSources`), in official code order.
 *
 * Every indicator is combined across units by the one rule of combine.ts (stocks and flows, `max`,
 * breakdowns merged, lists united). Each figure keeps its trace (which reports and values it came
 * from); the units that answered the whole report "không phát sinh" are listed; per section
 * holding indicators, the units that reported activity (largest first) and those that reported none, for the
 * narrative ("tập trung chủ yếu ở các xã …", "Các xã … báo cáo không phát sinh …").
 */
import type { Indicator, IndicatorValue, Outline, OutlineNode, ReportValues, Section } from '../outline.js';
import { combineAcrossUnits, numericValue } from './combine.js';

export { combineAcrossPeriods, combineAcrossUnits, isBrokenDown, numericValue } from './combine.js';

export interface SourceUnit {
  id: number;
  /** Official code ("18562") or body code ("42.SNGV"). */
  code: string;
  /** Full name as printed ("Xã Thạch Hà"). */
  name: string;
  /** Unit kind ("commune", "province", "body"…). */
  kind: string;
}

/** One received report, as consolidation needs it (no narratives). */
export interface ConsolidationSource {
  reportId: number;
  /** The report's version (its n-th submission) when it was read. */
  version: number;
  unit: SourceUnit;
  values: ReportValues;
  /** The whole report was answered "Không phát sinh". */
  nilAll: boolean;
  /** Sections answered "Không phát sinh". */
  nilSections: string[];
  /** Codes of the values the unit gave as estimates ("khoảng 200 lượt"). */
  approximate?: readonly string[];
}

export interface TraceEntry {
  reportId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  value: IndicatorValue;
}

/** A unit's activity in a section: the sum of its numeric figures there (the "size"). */
export interface SectionActivity {
  unit: SourceUnit;
  size: number;
}

export interface SectionConsolidation {
  /** Section key (a section that holds indicators directly). */
  key: string;
  /** Units with at least one non-zero figure in the section, largest first (then code order). */
  active: SectionActivity[];
  /** Units that reported nothing in the section (nil, or no non-zero figure), in code order. */
  quiet: SourceUnit[];
}

export interface Consolidation {
  /** Indicator code → combined value (codes nobody filled are absent). */
  values: ReportValues;
  /** Indicator code → the reports and values it came from, in code order. */
  trace: Record<string, TraceEntry[]>;
  /** Units that answered the whole report "Không phát sinh", in code order. */
  nilUnits: SourceUnit[];
  /** Per section holding indicators directly (delegations, foreigners…), in outline order. */
  sections: SectionConsolidation[];
  /** Number of sources consolidated. */
  sourceCount: number;
  /** Codes of the combined values that include an estimate: the total is one too ("khoảng …"). */
  approximate: string[];
}

// One collator for every comparison (localeCompare with options builds a new one each call).
const CODE_ORDER = new Intl.Collator('en', { numeric: true });

/** Official code order: numeric codes by number ("2011" < "18562"), then the rest as text. */
export function compareUnitCodes(a: string, b: string): number {
  return CODE_ORDER.compare(a, b);
}

/** Indicators of a subtree, in outline order. */
export function indicatorsOf(nodes: readonly OutlineNode[]): Indicator[] {
  const out: Indicator[] = [];
  for (const node of nodes) {
    if (node.kind === 'indicator') out.push(node);
    else if (node.kind === 'section') out.push(...indicatorsOf(node.children));
  }
  return out;
}

/** Sections (at any depth) that hold indicators directly, in reading order. */
export function sectionsWithIndicators(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => {
    const own = s.children.some((c) => c.kind === 'indicator') ? [s] : [];
    return [...own, ...sectionsWithIndicators(s.children.filter((c): c is Section => c.kind === 'section'))];
  });
}

/** What measures a section's activity: its counts, or (without counts) all its indicators. */
interface ActivityMeasure {
  key: string;
  own: Indicator[];
  measured: Indicator[];
  hasCounts: boolean;
}

function activityMeasure(section: Section): ActivityMeasure {
  const own = section.children.filter((c): c is Indicator => c.kind === 'indicator');
  const counts = own.filter((i) => i.valueType === 'integer');
  return { key: section.key, own, measured: counts.length ? counts : own, hasCounts: counts.length > 0 };
}

/**
 * The size of a unit's activity in a section: the sum of its counts there (money would drown the
 * counts, so it is used only in a section without counts); a list or text filled in counts 1.
 */
function activityIn(measure: ActivityMeasure, source: ConsolidationSource): number {
  if (source.nilAll || source.nilSections.includes(measure.key)) return 0;
  let size = 0;
  for (const indicator of measure.measured) {
    const v = source.values[indicator.code];
    if (v === undefined) continue;
    const n = numericValue(v);
    if (n !== undefined) size += Math.max(0, n);
    else if ((Array.isArray(v) && v.length > 0) || (typeof v === 'string' && v.trim() !== '')) size += 1;
  }
  if (size === 0 && measure.hasCounts) {
    // Counts all zero but money or a list filled in: still activity.
    for (const indicator of measure.own) {
      const n = numericValue(source.values[indicator.code]);
      if (n !== undefined && n > 0) return 1;
    }
  }
  return size;
}

/** Consolidates the sources on the outline. Sources may come in any order; output is in code order. */
export function consolidate(outline: Outline, sources: readonly ConsolidationSource[]): Consolidation {
  const ordered = [...sources].sort((a, b) => compareUnitCodes(a.unit.code, b.unit.code));
  const values: ReportValues = {};
  const trace: Record<string, TraceEntry[]> = {};
  const approximate: string[] = [];
  for (const indicator of indicatorsOf(outline.sections)) {
    const entries: TraceEntry[] = [];
    const found: IndicatorValue[] = [];
    let estimated = false;
    for (const s of ordered) {
      const value = s.values[indicator.code];
      if (value === undefined) continue;
      if (s.approximate?.length && s.approximate.includes(indicator.code)) estimated = true;
      found.push(value);
      entries.push({
        reportId: s.reportId,
        unitId: s.unit.id,
        unitCode: s.unit.code,
        unitName: s.unit.name,
        value,
      });
    }
    const combined = combineAcrossUnits(indicator, found);
    if (combined !== undefined) values[indicator.code] = combined;
    if (combined !== undefined && estimated) approximate.push(indicator.code);
    if (entries.length) trace[indicator.code] = entries;
  }
  const sections = sectionsWithIndicators(outline.sections).map((section): SectionConsolidation => {
    const measure = activityMeasure(section);
    const active: SectionActivity[] = [];
    const quiet: SourceUnit[] = [];
    for (const s of ordered) {
      const size = activityIn(measure, s);
      if (size > 0) active.push({ unit: s.unit, size });
      else quiet.push(s.unit);
    }
    // Stable sort keeps code order among equal sizes.
    active.sort((a, b) => b.size - a.size);
    return { key: section.key, active, quiet };
  });
  return {
    values,
    trace,
    nilUnits: ordered.filter((s) => s.nilAll).map((s) => s.unit),
    sections,
    sourceCount: ordered.length,
    approximate,
  };
}

/**
 * Required figures that no received report gave (every unit answered the section "không phát
 * sinh") are 0 for the receiving unit: its report is then as complete as its sources were.
 */
export function withRequiredZeros(outline: Outline, values: ReportValues): ReportValues {
  const out: ReportValues = { ...values };
  for (const i of indicatorsOf(outline.sections)) {
    if (i.required && out[i.code] === undefined && i.valueType !== 'list' && i.valueType !== 'text')
      out[i.code] = 0;
  }
  return out;
}
