/**
 * Checks of a report's content against its outline, in words a commune officer can act on. Pure:
 * the form shows the issues beside the fields, the server refuses submission while errors remain.
 * Errors are mistakes (a negative count, a code the outline does not have); warnings are doubts
 * the officer may confirm (parts that do not cover the total, figures in a "không phát sinh" section).
 */

import {
  countryGroupKey,
  isCountryBreakdown,
  isOfficialCountryName,
  SUGGESTED_NAMES_PER_VALUE,
  unknownCountryMessage,
} from './countries.js';
import type {
  BrokenDownValue,
  Indicator,
  IndicatorValue,
  Outline,
  ReportValues,
  Section,
} from './outline.js';
import { findIndicator, findNarrative, findSection, indicatorsOf, sectionsOf } from './outlines/numbering.js';
import { type DataWindow, futurePeriodMessage, type IsoDate, type Period } from './periods.js';
import { CLOSING_KEY, MAX_VALUE, OPENING_KEY, type ReportContent } from './report-json.js';

export type IssueSeverity = 'error' | 'warning';

export interface FieldIssue {
  /** Indicator code, section key or narrative key; "nil.all" for the whole-report nil answer. */
  path: string;
  /** Vietnamese, for the officer. */
  message: string;
  severity: IssueSeverity;
}

/** What `validateContent` reads of a report: a full `ReportContent` fits. */
export type ContentToCheck = Pick<ReportContent, 'values'> &
  Partial<Pick<ReportContent, 'nil' | 'narratives' | 'comparison' | 'approximate' | 'kept' | 'omit'>>;

export interface ValidationContext {
  /** Values of the previous period (for the stock at the start); else `content.comparison.previous`. */
  previous?: ReportValues;
}

export const MESSAGES = {
  negativeCount: 'Số lượng không được âm.',
  negativeValue: 'Giá trị không được âm.',
  notWhole: 'Chỉ tiêu này là số nguyên (ví dụ 12), không nhập số thập phân.',
  notNumber: 'Chỉ tiêu này cần nhập một số (ví dụ 12), không nhập chữ.',
  tooLarge: 'Giá trị quá lớn, vui lòng kiểm tra lại.',
  notList: 'Chỉ tiêu này cần nhập danh sách tên (mỗi tên một dòng).',
  notText: 'Chỉ tiêu này cần nhập nội dung bằng chữ.',
  notBrokenDown: 'Chỉ tiêu này chỉ nhập một số tổng, không chia nhỏ.',
} as const;

/**
 * Largest credible value by the unit printed after the number (a commune or a province, one period):
 * beyond it the figure is a typing error. People counts follow the population's order of magnitude.
 */
const CAPS: Record<string, number> = {
  người: 1e9,
  'lượt người': 1e9,
  'lượt khách': 1e9,
  'lao động': 1e8,
  đoàn: 1e6,
  'hội nghị': 1e6,
  'thỏa thuận': 1e6,
  'dự án': 1e6,
  vụ: 1e6,
  'tổ chức': 1e6,
  'hoạt động': 1e6,
  'thủ tục': 1e6,
  'hồ sơ': 1e7,
  'trường hợp': 1e7,
  bản: 1e7,
  'tin, bài': 1e7,
  'lượt phóng viên': 1e7,
  trang: 1e7,
  giờ: 1e6,
  'triệu đồng': 1e9,
  'triệu USD': 1e6,
  USD: 1e11,
};

const BREAKDOWN_PART: Record<string, string> = {
  country: 'quốc gia',
  market: 'thị trường',
  fund_source: 'nguồn vốn',
};

/** The largest credible value of an indicator. */
export function valueCap(indicator: Indicator): number {
  return (
    CAPS[indicator.unit.normalize('NFC').trim()] ?? (indicator.valueType === 'integer' ? 1e9 : MAX_VALUE)
  );
}

function formatVn(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

function isBrokenDown(value: unknown): value is BrokenDownValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'total' in value;
}

/** The number of a numeric value (its total when broken down), null when it has none. */
function numberOf(value: IndicatorValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (isBrokenDown(value))
    return typeof value.total === 'number' && Number.isFinite(value.total) ? value.total : null;
  return null;
}

/** Problems with one number of a numeric indicator, or null. */
function numberProblem(indicator: Indicator, n: unknown): string | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return MESSAGES.notNumber;
  if (n < 0) return indicator.valueType === 'integer' ? MESSAGES.negativeCount : MESSAGES.negativeValue;
  if (indicator.valueType === 'integer' && !Number.isInteger(n)) return MESSAGES.notWhole;
  if (n > valueCap(indicator)) return MESSAGES.tooLarge;
  return null;
}

function checkParts(
  indicator: Indicator,
  value: BrokenDownValue,
  add: (m: string, s?: IssueSeverity) => void,
): void {
  const partName = BREAKDOWN_PART[indicator.breakdown ?? ''] ?? 'phần';
  if (!Array.isArray(value.parts)) {
    add(MESSAGES.notNumber);
    return;
  }
  const byCountry = isCountryBreakdown(indicator);
  const seen = new Set<string>();
  let unknown = 0;
  let sum = 0;
  let partsOk = true;
  for (const part of value.parts) {
    const key = typeof part?.key === 'string' ? part.key.normalize('NFC').trim() : '';
    // Countries and markets come from the catalogue: two spellings of one country are one part.
    const same = byCountry ? countryGroupKey(key) : key.toLowerCase();
    if (!key) add(`Có một dòng chưa ghi tên ${partName}.`);
    else if (byCountry && !isOfficialCountryName(key)) {
      unknown += 1;
      add(unknownCountryMessage(key, unknown <= SUGGESTED_NAMES_PER_VALUE));
    } else if (seen.has(same)) add(`${capitalise(partName)} "${key}" được nhập hai lần.`);
    seen.add(same);
    const problem = numberProblem(indicator, part?.value);
    if (problem) {
      partsOk = false;
      add(key ? `${capitalise(partName)} "${key}": ${lowerFirst(problem)}` : problem);
    } else sum += part.value;
  }
  const total = value.total;
  if (!partsOk || value.parts.length === 0 || numberProblem(indicator, total)) return;
  const eps = 1e-9 * Math.max(1, Math.abs(total));
  if (sum > total + eps) {
    add(
      `Tổng các ${partName} (${formatVn(sum)}) lớn hơn tổng số (${formatVn(total)}). Vui lòng kiểm tra lại.`,
    );
  } else if (sum < total - eps) {
    add(
      `Tổng các ${partName} (${formatVn(sum)}) nhỏ hơn tổng số (${formatVn(total)}): còn ${formatVn(total - sum)} chưa chia theo ${partName}.`,
      'warning',
    );
  }
}

/** A list of countries: names from the catalogue, each once. */
function checkCountryList(names: readonly string[], add: (m: string, s?: IssueSeverity) => void): void {
  const seen = new Set<string>();
  let unknown = 0;
  for (const name of names) {
    if (!isOfficialCountryName(name)) {
      unknown += 1;
      add(unknownCountryMessage(name, unknown <= SUGGESTED_NAMES_PER_VALUE));
    } else if (seen.has(countryGroupKey(name)))
      add(`Nước "${name.normalize('NFC').trim()}" được nhập hai lần.`, 'warning');
    seen.add(countryGroupKey(name));
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Issues of one entered value against its indicator. */
export function validateValue(indicator: Indicator, value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (message: string, severity: IssueSeverity = 'error') =>
    issues.push({ path: indicator.code, message, severity });
  switch (indicator.valueType) {
    case 'integer':
    case 'decimal':
    case 'money': {
      if (isBrokenDown(value)) {
        if (!indicator.breakdown) add(MESSAGES.notBrokenDown);
        const problem = numberProblem(indicator, value.total);
        if (problem) add(`Tổng số: ${lowerFirst(problem)}`);
        if (indicator.breakdown) checkParts(indicator, value, add);
      } else {
        const problem = numberProblem(indicator, value);
        if (problem) add(problem);
      }
      break;
    }
    case 'list': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) add(MESSAGES.notList);
      else if (value.some((v) => !v.trim())) add('Danh sách có một dòng để trống.');
      else if (indicator.listOf === 'country') checkCountryList(value, add);
      else if (new Set(value.map((v) => v.normalize('NFC').trim().toLowerCase())).size < value.length) {
        add('Danh sách có tên bị lặp lại.', 'warning');
      }
      break;
    }
    case 'text':
      if (typeof value !== 'string') add(MESSAGES.notText);
      break;
  }
  return issues;
}

/** True when a value says something happened: a non-zero number, a non-empty list or text. */
function hasSubstance(value: IndicatorValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value.total !== 0 || value.parts.some((p) => p.value !== 0);
}

function outlineName(outline: Outline): string {
  return `“${outline.name}” (phiên bản ${outline.version})`;
}

const NUMERIC_TYPES: readonly string[] = ['integer', 'decimal', 'money'];

function checkCodes(outline: Outline, content: ContentToCheck, issues: FieldIssue[]): void {
  for (const [code, value] of Object.entries(content.values)) {
    const indicator = findIndicator(outline, code);
    if (!indicator) {
      issues.push({
        path: code,
        message: `Chỉ tiêu “${code}” không có trong đề cương ${outlineName(outline)}.`,
        severity: 'error',
      });
    } else {
      issues.push(...validateValue(indicator, value));
    }
  }
  for (const code of content.approximate ?? []) {
    const indicator = findIndicator(outline, code);
    if (!indicator || !NUMERIC_TYPES.includes(indicator.valueType)) {
      issues.push({
        path: code,
        message: indicator
          ? `Chỉ tiêu “${indicator.label}” không phải là số nên không thể đánh dấu “khoảng”.`
          : `Chỉ tiêu “${code}” được đánh dấu “khoảng” nhưng không có trong đề cương ${outlineName(outline)}.`,
        severity: 'error',
      });
    }
  }
  for (const key of Object.keys(content.narratives ?? {})) {
    if (key === OPENING_KEY || key === CLOSING_KEY) continue;
    if (!findSection(outline, key) && !findNarrative(outline, key) && !paragraphSlotOf(outline, key)) {
      issues.push({
        path: key,
        message: `Mục “${key}” không có trong đề cương ${outlineName(outline)}.`,
        severity: 'error',
      });
    }
  }
}

/**
 * The section of a drafted paragraph's key (`<section>#<n>`, `<section>#nil`, `<section>#more`,
 * `<section>#lead`: drafting's figuresKey, nilKey, moreKey, leadKey), or null when the key names no paragraph of the outline.
 */
function paragraphSlotOf(outline: Outline, key: string): Section | null {
  const match = /^(.+)#(\d+|nil|more|lead)$/.exec(key);
  if (!match?.[1]) return null;
  return findSection(outline, match[1]) ?? null;
}

/** Kept defaults that the outline has, sections left out that it does not require. */
function checkKeptAndOmitted(outline: Outline, content: ContentToCheck, issues: FieldIssue[]): void {
  for (const key of content.kept ?? []) {
    const block = findNarrative(outline, key);
    if (!block?.defaultText) {
      issues.push({
        path: key,
        message: `Đoạn đề xuất “${key}” không có trong đề cương ${outlineName(outline)}.`,
        severity: 'error',
      });
    }
  }
  for (const key of content.omit ?? []) {
    const section = findSection(outline, key);
    if (!section) {
      issues.push({
        path: key,
        message: `Mục “${key}” không có trong đề cương ${outlineName(outline)}.`,
        severity: 'error',
      });
    } else if (section.required) {
      issues.push({
        path: key,
        message: `Mục “${section.title}” là mục bắt buộc của đề cương, không thể bỏ khỏi báo cáo.`,
        severity: 'error',
      });
    }
  }
}

function checkNil(outline: Outline, content: ContentToCheck, issues: FieldIssue[]): void {
  checkKeptAndOmitted(outline, content, issues);
  const nil = content.nil;
  if (!nil) return;
  const marked = new Set(nil.sections ?? []);
  for (const key of marked) {
    const section = findSection(outline, key);
    if (!section) {
      issues.push({
        path: key,
        message: `Mục “${key}” không có trong đề cương ${outlineName(outline)}.`,
        severity: 'error',
      });
    } else if (section.nilAllowed === false) {
      issues.push({
        path: key,
        message: `Mục “${section.title}” không thể đánh dấu “Không phát sinh”.`,
        severity: 'error',
      });
    }
  }
  const sections: Section[] = nil.all ? sectionsOf(outline).filter((s) => s.nilPhrase) : [];
  for (const key of marked) {
    const section = findSection(outline, key);
    if (section && section.nilAllowed !== false && !sections.includes(section)) sections.push(section);
  }
  for (const section of sections) {
    const filled = indicatorsOf(section).filter((i) => hasSubstance(content.values[i.code]));
    if (filled.length === 0) continue;
    const labels = filled.map((i) => `“${i.label}”`).join(', ');
    issues.push({
      path: marked.has(section.key) ? section.key : 'nil.all',
      message: `Mục “${section.title}” được đánh dấu “Không phát sinh” nhưng vẫn có số liệu: ${labels}. Vui lòng bỏ đánh dấu hoặc xóa số liệu.`,
      severity: 'warning',
    });
  }
}

function checkBalances(
  outline: Outline,
  content: ContentToCheck,
  context: ValidationContext,
  issues: FieldIssue[],
): void {
  const previous = context.previous ?? content.comparison?.previous;
  for (const check of outline.checks ?? []) {
    const outflow = numberOf(content.values[check.outflow]);
    const inflow = numberOf(content.values[check.inflow]) ?? 0;
    const stockAtStart = numberOf(previous?.[check.stock]);
    if (outflow === null || stockAtStart === null) continue;
    if (outflow > inflow + stockAtStart) {
      const detail = ` (${formatVn(outflow)} > ${formatVn(inflow)} + ${formatVn(stockAtStart)})`;
      issues.push({ path: check.outflow, message: `${check.message}${detail}`, severity: 'error' });
    }
  }
}

/**
 * Every issue of a report's content: values of the right type, whole, not negative, credible;
 * breakdowns that add up; the outline's balance checks (the stock at the start is the previous
 * period's stock, when known); codes and keys the outline has; nil sections without figures.
 */
export function validateContent(
  outline: Outline,
  content: ContentToCheck,
  context: ValidationContext = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  checkCodes(outline, content, issues);
  checkNil(outline, content, issues);
  checkBalances(outline, content, context, issues);
  return issues;
}

/** The required indicators and narratives not filled, outside sections answered "không phát sinh". */
export function missingRequired(outline: Outline, content: ContentToCheck): FieldIssue[] {
  const nilKeys = new Set(content.nil?.sections ?? []);
  const omitted = new Set(content.omit ?? []);
  // Content written before proposals prints every default; later, a default counts once kept.
  const kept = content.kept ? new Set(content.kept) : null;
  const issues: FieldIssue[] = [];
  const walk = (section: Section, nil: boolean): void => {
    if (omitted.has(section.key) && !section.required) return;
    const isNil =
      nil || nilKeys.has(section.key) || (content.nil?.all === true && Boolean(section.nilPhrase));
    for (const node of section.children) {
      if (node.kind === 'section') walk(node, isNil);
      else if (isNil || !node.required) continue;
      else if (node.kind === 'indicator' && content.values[node.code] === undefined) {
        issues.push({ path: node.code, message: `Chưa nhập “${node.label}”.`, severity: 'error' });
      } else if (
        node.kind === 'narrative' &&
        !content.narratives?.[node.key]?.text.trim() &&
        !(node.defaultText && (kept === null || kept.has(node.key)))
      ) {
        const message = node.defaultText
          ? `Chưa có nội dung “${node.label}”: hãy giữ đoạn đề xuất hoặc viết nội dung của đơn vị.`
          : `Chưa nhập “${node.label}”.`;
        issues.push({ path: node.key, message, severity: 'error' });
      }
    }
  };
  for (const section of outline.sections) walk(section, false);
  return issues;
}

export function hasErrors(issues: readonly FieldIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * Vietnamese message refusing a report for a period whose data window has not started yet (a
 * report may be drafted before its window closes, as reports dated 12/6 for a window ending 14/6
 * are), or null.
 */
export function validatePeriodForReport(
  period: Period,
  today: IsoDate,
  window?: DataWindow | null,
): string | null {
  return futurePeriodMessage(period, today, window);
}
