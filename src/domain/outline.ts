/**
 * Outlines (đề cương): the structure of a report or plan as data. An outline is a tree of
 * sections; a section holds narrative blocks, indicators and sub-sections. Section numbers
 * (I., 1., a)) are never stored: they are generated from the position, so there are no gaps, in
 * the numbering scheme the outline names per level (a province's đề cương may number I./1./2.1.
 * or 1./2./-; without a scheme, I./1./a) as Nghị định 30/2020 prints them).
 *
 * An outline is identified by a stable `code` and a `version`; a report keeps the version it was
 * made with, and editing an outline makes a new version.
 */

/** whole number, decimal number, money (amount in `unit`), list of names (countries, markets), short text. */
export const VALUE_TYPES = ['integer', 'decimal', 'money', 'list', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** `stock`: a count at the end of the period (foreigners resident); `flow`: within the period. */
export const MEASURES = ['flow', 'stock'] as const;
export type Measure = (typeof MEASURES)[number];

/** How values of several units or periods combine. */
export const AGGREGATIONS = ['sum', 'latest', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Optional breakdown of a numeric indicator: the total is split by these keys. */
export const BREAKDOWNS = ['country', 'market', 'fund_source'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * How one level of sections is numbered: Roman "I.", Arabic "1.", Arabic with the parent's number
 * "2.1.", Vietnamese letters "a)", a dash "-", or no number at all.
 */
export const NUMBER_STYLES = ['roman', 'arabic', 'dotted', 'letter', 'dash', 'none'] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];

/** What the names of a list indicator are, when they come from a catalogue (countries.ts). */
export const LIST_KINDS = ['country'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const DOCUMENT_KINDS = ['report', 'plan'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Indicator {
  kind: 'indicator';
  /** Stable across versions and outlines, dotted lower-case: "delegations.in.count". */
  code: string;
  /** The label on the form: "Số đoàn vào". */
  label: string;
  /** The unit printed after the number: "đoàn", "lượt", "người", "trang", "giờ", "hồ sơ", "triệu đồng", "USD". */
  unit: string;
  valueType: ValueType;
  measure: Measure;
  aggregation: Aggregation;
  breakdown?: Breakdown;
  /** A list of countries or territories: its names come from the catalogue. */
  listOf?: ListKind;
  /**
   * The noun phrase the drafting uses after the number: "đoàn vào" in "đón tiếp 03 đoàn vào",
   * "người nước ngoài đang sinh sống và làm việc trên địa bàn".
   */
  phrase: string;
  /** Leading zero for counts under 10 ("03 lao động") as the examples write them. */
  padSmall?: boolean;
  /** Must be filled before submission (a nil section counts as filled). */
  required?: boolean;
  /** Hint shown under the field. */
  hint?: string;
  /** Code of the total this indicator is a part of (drafted "…, trong đó có: …"). */
  partOf?: string;
}

export interface NarrativeBlock {
  kind: 'narrative';
  /** Unique within the outline. */
  key: string;
  /** Label of the text box on the form. */
  label: string;
  /** Guidance shown to the officer. */
  hint?: string;
  /** Boilerplate text proposed as the draft when there are no numbers to draft from. */
  defaultText?: string;
  required?: boolean;
}

export interface Section {
  kind: 'section';
  /** Unique within the outline, stable across versions: "delegations". */
  key: string;
  /** Title as printed after its generated number: "Công tác quản lý đoàn ra, đoàn vào". */
  title: string;
  /**
   * What "không phát sinh" says for this section: "đoàn ra, đoàn vào có yếu tố nước ngoài" gives
   * "Trong kỳ báo cáo, trên địa bàn xã không phát sinh đoàn ra, đoàn vào có yếu tố nước ngoài."
   * Sections without it answer a generic "Không phát sinh." when marked nil.
   */
  nilPhrase?: string;
  /** False: the section cannot be answered "không phát sinh" (the outline wants its content). */
  nilAllowed?: boolean;
  /** Required sections can neither be left out of the document nor left empty. */
  required?: boolean;
  children: OutlineNode[];
}

export type OutlineNode = Section | NarrativeBlock | Indicator;

export interface Outline {
  /** Stable identifier: "commune-report", "department-report", "annual-plan", or a clone's code. */
  code: string;
  version: number;
  /** Name in the catalogue: "Báo cáo công tác đối ngoại cấp xã". */
  name: string;
  documentKind: DocumentKind;
  /**
   * The subject line (trích yếu) with `{period}` and `{next}` placeholders:
   * "Kết quả công tác đối ngoại {period} và phương hướng, nhiệm vụ {next}".
   */
  subjectTemplate: string;
  /**
   * The numbering scheme per level, top level first (["arabic", "dotted", "dash"] numbers
   * 1. / 1.1. / -). Absent: I. / 1. / a).
   */
  numbering?: NumberStyle[];
  /** Top-level sections (numbered I, II, … unless `numbering` says otherwise). */
  sections: Section[];
  /** Consistency rules between indicators, checked on the form. */
  checks?: BalanceCheck[];
}

/**
 * Departures cannot exceed arrivals plus the stock at the start of the period:
 * `outflow` ≤ `inflow` + previous period's `stock` (when the previous period is known).
 */
export interface BalanceCheck {
  kind: 'balance';
  outflow: string;
  inflow: string;
  stock: string;
  /** Vietnamese message shown at the `outflow` field. */
  message: string;
}

/** A value as entered. Numbers for integer/decimal/money, string[] for lists, string for text. */
export type ScalarValue = number | string | string[];

/** A value with a breakdown: the total and its parts ("Hàn Quốc": 2, "Nhật Bản": 1). */
export interface BrokenDownValue {
  total: number;
  parts: { key: string; value: number }[];
}

export type IndicatorValue = ScalarValue | BrokenDownValue;

/** Indicator code → value; a missing code means "not filled". */
export type ReportValues = Record<string, IndicatorValue>;
