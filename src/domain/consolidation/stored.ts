/**
 * What a consolidated report keeps of its consolidation (the `reports.consolidation` column): when it
 * was made, from which reports (and which version of each), the narrative supplements and each
 * figure's sources. From it come the trace of every figure, the appendix table by unit and the
 * Excel export, exactly as consolidated (later versions of the sources do not change it until the
 * province refreshes the consolidation).
 */
import type { Appendix, TableCell } from '../document.js';
import type { SectionSupplement } from '../drafting/types.js';
import type { Indicator, IndicatorValue, Outline, ReportValues } from '../outline.js';
import { indicatorValueSchema, reportValuesSchema } from '../report-json.js';
import { formatNumberVi } from '../vn-number.js';
import { combineAcrossUnits, numericValue } from './combine.js';
import {
  ANSWER_STATE_LABELS,
  type Coverage,
  coverageSentence,
  isAnswered,
  kindsOf,
  partialMark,
} from './coverage.js';
import {
  type Consolidation,
  type ConsolidationSource,
  compareUnitCodes,
  indicatorsOf,
  type TraceEntry,
} from './index.js';

export interface StoredSource {
  reportId: number;
  version: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  nilAll: boolean;
}

export interface StoredConsolidation {
  /** ISO timestamp. */
  madeAt: string;
  roundId: number | null;
  /** In official code order. */
  sources: StoredSource[];
  /** Section key → sentences of the drafting (DraftInput.supplements). */
  narrative: Record<string, SectionSupplement>;
  /** Indicator code → [reportId, value] pairs (unit details are in `sources`). */
  trace: Record<string, [number, IndicatorValue][]>;
  /**
   * Every unit the round asked and where it stood when the consolidation was made (null for a
   * consolidation made before coverage was kept, or outside a round).
   */
  coverage: Coverage | null;
  /**
   * Indicator code → the consolidated figure (the combination of the sources, before any override);
   * absent in consolidations made before overrides were kept (their figures were the sums then).
   */
  sums?: ReportValues;
  /** Indicator code → the figure the receiving unit set instead of the sum, with its reason. */
  overrides?: Record<string, FigureOverride>;
}

/** A figure of a consolidated report set by the receiving unit instead of the sum: always with a reason. */
export interface FigureOverride {
  value: IndicatorValue;
  reason: string;
  /** Who set it and when (ISO timestamp); the audit log has the same. */
  userId: number | null;
  userName: string;
  at: string;
}

/**
 * The report's figures: the sums, with each override in place of its sum (overrides of codes the
 * outline no longer has are dropped by the caller's outline check, never here).
 */
export function withOverrides(sums: ReportValues, overrides: StoredConsolidation['overrides']): ReportValues {
  if (!overrides || Object.keys(overrides).length === 0) return sums;
  const values = { ...sums };
  for (const [code, o] of Object.entries(overrides)) values[code] = o.value;
  return values;
}

export function storeConsolidation(
  made: Consolidation,
  sources: readonly ConsolidationSource[],
  narrative: Record<string, SectionSupplement>,
  madeAt: Date,
  roundId: number | null,
  coverage: Coverage | null = null,
): StoredConsolidation {
  const nil = new Set(made.nilUnits.map((u) => u.id));
  const list: StoredSource[] = sources.map((s) => ({
    reportId: s.reportId,
    version: s.version,
    unitId: s.unit.id,
    unitCode: s.unit.code,
    unitName: s.unit.name,
    nilAll: nil.has(s.unit.id),
  }));
  list.sort((a, b) => compareUnitCodes(a.unitCode, b.unitCode));
  const trace: StoredConsolidation['trace'] = {};
  for (const [code, entries] of Object.entries(made.trace))
    trace[code] = entries.map((e) => [e.reportId, e.value]);
  return {
    madeAt: madeAt.toISOString(),
    roundId,
    sources: list,
    narrative,
    trace,
    coverage,
    sums: made.values,
  };
}

/**
 * The stored sums in the shape of the report's values (jsonb gives an object's keys in its own
 * order: `{parts, total}`; compared as JSON, they must read as the content's `{total, parts}`).
 */
function sumsOf(value: unknown): { sums?: ReportValues } {
  const parsed = reportValuesSchema.safeParse(value);
  return parsed.success ? { sums: parsed.data } : {};
}

function overridesOf(value: object): Record<string, FigureOverride> {
  const out: Record<string, FigureOverride> = {};
  for (const [code, o] of Object.entries(value as Record<string, FigureOverride>)) {
    const parsed = indicatorValueSchema.safeParse(o?.value);
    if (parsed.success) out[code] = { ...o, value: parsed.data };
  }
  return out;
}

/** Parses the column's JSON (written by `storeConsolidation`); null for a report that is not consolidated. */
export function readStored(value: unknown): StoredConsolidation | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<StoredConsolidation>;
  if (typeof v.madeAt !== 'string' || !Array.isArray(v.sources)) return null;
  return {
    madeAt: v.madeAt,
    roundId: v.roundId ?? null,
    sources: v.sources,
    narrative: v.narrative ?? {},
    trace: v.trace ?? {},
    coverage: v.coverage && Array.isArray(v.coverage.units) ? v.coverage : null,
    ...sumsOf(v.sums),
    ...(v.overrides && typeof v.overrides === 'object' ? { overrides: overridesOf(v.overrides) } : {}),
  };
}

/** Indicator code → the reports and values it came from (code order). */
export function traceOf(stored: StoredConsolidation): Record<string, TraceEntry[]> {
  const byReport = new Map(stored.sources.map((s) => [s.reportId, s]));
  const out: Record<string, TraceEntry[]> = {};
  for (const [code, pairs] of Object.entries(stored.trace)) {
    out[code] = pairs.flatMap(([reportId, value]) => {
      const s = byReport.get(reportId);
      return s ? [{ reportId, unitId: s.unitId, unitCode: s.unitCode, unitName: s.unitName, value }] : [];
    });
  }
  return out;
}

/** Each source's values as consolidated, by report id. */
export function sourceValues(stored: StoredConsolidation): Map<number, ReportValues> {
  const out = new Map<number, ReportValues>(stored.sources.map((s) => [s.reportId, {}]));
  for (const [code, pairs] of Object.entries(stored.trace)) {
    for (const [reportId, value] of pairs) {
      const values = out.get(reportId);
      if (values) values[code] = value;
    }
  }
  return out;
}

/** The figures the appendix shows per unit, when the outline has them (the commune outline's key figures). */
const KEY_INDICATORS = [
  'delegations.out.count',
  'delegations.in.count',
  'conferences.count',
  'foreigners.arrived',
  'foreigners.resident',
  'workers.abroad',
  'civil.marriage',
  'ngo.value',
  'information.articles',
];
const MAX_COLUMNS = 9;

/** The appendix columns: the key figures present in the outline, else its first numeric ones. */
export function appendixIndicators(outline: Outline): Indicator[] {
  const numeric = indicatorsOf(outline.sections).filter(
    (i) => i.valueType !== 'list' && i.valueType !== 'text',
  );
  const byCode = new Map(numeric.map((i) => [i.code, i]));
  const keys = KEY_INDICATORS.flatMap((c) => byCode.get(c) ?? []);
  return (keys.length >= 3 ? keys : numeric).slice(0, MAX_COLUMNS);
}

/** A figure as the document prints it ("1.250"; a list joined; a text as written). */
export function figureText(value: IndicatorValue | undefined): string {
  if (value === undefined) return '';
  const n = numericValue(value);
  if (n !== undefined) return formatNumberVi(n);
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : '';
}

/**
 * "Số liệu “Số đoàn vào” được điều chỉnh thành 14 (tổng của các xã, phường: 12; lý do: …)." for
 * each figure the receiving unit set instead of its sum, in the outline's order: the appendix's
 * total row stays the sum of its column, the document says where the figure used differs.
 */
export function overrideNotes(outline: Outline, stored: StoredConsolidation, kinds: string): string[] {
  const overrides = stored.overrides ?? {};
  if (Object.keys(overrides).length === 0) return [];
  return indicatorsOf(outline.sections).flatMap((i) => {
    const o = overrides[i.code];
    if (!o) return [];
    const sum = stored.sums?.[i.code];
    const unit = i.unit ? ` ${i.unit}` : '';
    const sumText = sum === undefined ? 'chưa có số liệu' : `${figureText(sum)}${unit}`;
    return [
      `Số liệu “${i.label}” được điều chỉnh thành ${figureText(o.value)}${unit} (tổng của các ${kinds}: ${sumText}; lý do: ${o.reason.trim().replace(/[.;]\s*$/u, '')}).`,
    ];
  });
}

function cell(value: IndicatorValue | undefined): TableCell {
  const n = numericValue(value);
  return { text: n === undefined ? '' : formatNumberVi(n), align: 'right' };
}

/** Column headings of the key figures, short enough for a narrow column. */
const SHORT_HEADINGS: Record<string, string> = {
  'delegations.out.count': 'Đoàn ra (đoàn)',
  'delegations.in.count': 'Đoàn vào (đoàn)',
  'conferences.count': 'Hội nghị, hội thảo quốc tế',
  'foreigners.arrived': 'Người nước ngoài đến (lượt)',
  'foreigners.resident': 'Người nước ngoài cư trú (người)',
  'workers.abroad': 'Lao động đi nước ngoài (người)',
  'civil.marriage': 'Kết hôn có yếu tố nước ngoài',
  'ngo.value': 'Viện trợ PCPNN (USD)',
  'information.articles': 'Tin, bài đối ngoại',
};

/** "Số đoàn vào" → "Đoàn vào (đoàn)": the column heading of an indicator. */
function heading(indicator: Indicator): string {
  const short = SHORT_HEADINGS[indicator.code];
  if (short) return short;
  const label = indicator.label.replace(/^Số (lượng )?/u, '');
  const cap = label.charAt(0).toUpperCase() + label.slice(1);
  return indicator.unit ? `${cap} (${indicator.unit})` : cap;
}

/** One row of the appendix: a unit, its state, and its figures when it answered. */
interface AppendixUnit {
  name: string;
  state: string | null;
  values: ReportValues | undefined;
}

/**
 * The rows of the appendix: every unit the round asked, in official code order, with its state;
 * figures only for the units that answered (blank, never 0, for the others). Without a stored
 * coverage (older consolidations), the units consolidated.
 */
function appendixUnits(stored: StoredConsolidation): AppendixUnit[] {
  const values = sourceValues(stored);
  if (!stored.coverage) {
    return stored.sources.map((s) => ({ name: s.unitName, state: null, values: values.get(s.reportId) }));
  }
  return stored.coverage.units.map((u) => ({
    name: u.name,
    state: ANSWER_STATE_LABELS[u.state],
    values: isAnswered(u) && u.reportId !== null ? values.get(u.reportId) : undefined,
  }));
}

/**
 * "Phụ lục: Số liệu công tác đối ngoại của các xã, phường": one row per unit asked (its state and
 * figures) and a total row that is the combination of the column above it (the sum for counts),
 * blank where no unit gave the figure, marked partial while units are missing.
 */
export function consolidationAppendix(
  outline: Outline,
  stored: StoredConsolidation,
  periodLabel: string,
): Appendix {
  const columns = appendixIndicators(outline);
  const units = appendixUnits(stored);
  const withState = stored.coverage !== null;
  const rows: TableCell[][] = units.map((u, i) => [
    { text: String(i + 1), align: 'center' },
    u.name,
    ...(withState ? [{ text: u.state ?? '', align: 'center' as const }] : []),
    ...columns.map((c) => cell(u.values?.[c.code])),
  ]);
  const mark = partialMark(stored.coverage);
  rows.push([
    '',
    { text: mark ? `Tổng cộng ${mark}` : 'Tổng cộng', align: 'center' },
    ...(withState ? [''] : []),
    ...columns.map((c) =>
      cell(
        combineAcrossUnits(
          c,
          units.map((u) => u.values?.[c.code]),
        ),
      ),
    ),
  ]);
  const named = stored.coverage?.units ?? stored.sources.map((s) => ({ name: s.unitName }));
  const body: Appendix['body'] = [];
  if (stored.coverage) body.push({ kind: 'paragraph', runs: [{ text: coverageSentence(stored.coverage) }] });
  body.push({
    kind: 'table',
    table: {
      header: [['TT', 'Đơn vị', ...(withState ? ['Tình trạng'] : []), ...columns.map(heading)]],
      widths: [0.7, 4.4, ...(withState ? [1.8] : []), ...columns.map(() => 1.6)],
      rows,
      boldRows: [rows.length - 1],
    },
  });
  // The total row stays the column's sum; a figure the report uses instead is said under the table.
  for (const note of overrideNotes(outline, stored, kindsOf(named)))
    body.push({ kind: 'paragraph', runs: [{ text: note, italic: true }] });
  return {
    label: 'Phụ lục',
    title: `Số liệu công tác đối ngoại ${periodLabel} của các ${kindsOf(named)}`,
    landscape: columns.length > 4,
    body,
  };
}
