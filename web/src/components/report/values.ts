/** Reading and writing indicator values on the form: Vietnamese number input, breakdowns, checks. */
import type {
  Breakdown,
  BrokenDownValue,
  Indicator,
  IndicatorValue,
  Outline,
  Section,
} from '@domain/outline';
import type { ReportContent } from '@domain/report-json';
import { MAX_VALUE } from '@domain/report-json';
import { formatNumberVi } from '@domain/vn-number';

export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  country: 'Quốc gia',
  market: 'Thị trường',
  fund_source: 'Nguồn vốn',
};

/**
 * A number as a Vietnamese officer types it: "1.234" (thousands), "180,5" (decimal), "1.234,5",
 * or "180.5" typed the English way. Blank → null; anything else → NaN.
 */
export function parseViNumber(text: string): number | null {
  const s = text.replace(/\s/g, '');
  if (s === '') return null;
  let normal: string;
  if (s.includes(',')) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else normal = s;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return Number.NaN;
  return Number(normal);
}

/** A value for the input box: 1234.5 → "1.234,5"; nothing → "". */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumberVi(value, { maxDecimals: 4 });
}

/** The total of a numeric value (a breakdown's total), or null. */
export function totalOf(value: IndicatorValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return value.total;
  return null;
}

export function partsOf(value: IndicatorValue | undefined): BrokenDownValue['parts'] {
  return value && typeof value === 'object' && !Array.isArray(value) ? value.parts : [];
}

export function isNumeric(indicator: Indicator): boolean {
  return (
    indicator.valueType === 'integer' || indicator.valueType === 'decimal' || indicator.valueType === 'money'
  );
}

function numberIssue(indicator: Indicator, n: number): string | null {
  if (!Number.isFinite(n)) return 'Giá trị phải là một số (ví dụ 1.234 hoặc 180,5).';
  if (n < 0) return 'Giá trị không được âm.';
  if (Math.abs(n) > MAX_VALUE) return 'Giá trị quá lớn, vui lòng kiểm tra lại.';
  if (indicator.valueType === 'integer' && !Number.isInteger(n)) return 'Giá trị phải là số nguyên.';
  return null;
}

function valueIssue(indicator: Indicator, value: IndicatorValue | undefined): string | null {
  if (value === undefined || !isNumeric(indicator)) return null;
  const total = totalOf(value);
  if (total !== null) {
    const issue = numberIssue(indicator, total);
    if (issue) return issue;
  }
  const parts = partsOf(value);
  const label = BREAKDOWN_LABELS[indicator.breakdown ?? 'country'].toLocaleLowerCase('vi');
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part.key.trim()) return `Cần nhập tên ${label} cho từng dòng.`;
    const key = part.key.trim().toLocaleLowerCase('vi');
    if (seen.has(key)) return `${part.key.trim()} được nhập hai lần.`;
    seen.add(key);
    const issue = numberIssue(indicator, part.value);
    if (issue) return `${part.key.trim()}: ${issue.charAt(0).toLocaleLowerCase('vi')}${issue.slice(1)}`;
  }
  return null;
}

function collectIndicators(sections: readonly Section[], out: Indicator[]): Indicator[] {
  for (const section of sections) {
    for (const node of section.children) {
      if (node.kind === 'indicator') out.push(node);
      else if (node.kind === 'section') collectIndicators([node], out);
    }
  }
  return out;
}

export function allIndicators(outline: Outline): Indicator[] {
  return collectIndicators(outline.sections, []);
}

/**
 * Instant checks while typing, keyed by indicator code: the same rules the server applies to a
 * value (not negative, whole numbers for counts, breakdown rows named once) and the outline's
 * balance checks against the previous period's stock.
 */
export function clientFieldErrors(outline: Outline, content: ReportContent): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const indicator of allIndicators(outline)) {
    const issue = valueIssue(indicator, content.values[indicator.code]);
    if (issue) errors[indicator.code] = issue;
  }
  for (const check of outline.checks ?? []) {
    const out = totalOf(content.values[check.outflow]);
    const inflow = totalOf(content.values[check.inflow]) ?? 0;
    const stock = totalOf(content.comparison.previous?.[check.stock]);
    if (out !== null && stock !== null && !errors[check.outflow] && out > inflow + stock) {
      errors[check.outflow] = check.message;
    }
  }
  return errors;
}

/** "values.workers.abroad.parts.0.value" or "workers.abroad" → "workers.abroad" when it names an indicator. */
export function indicatorOfPath(path: string | null, codes: ReadonlySet<string>): string | null {
  if (!path) return null;
  let p = path.startsWith('values.') ? path.slice('values.'.length) : path;
  if (p.startsWith('content.values.')) p = p.slice('content.values.'.length);
  while (p) {
    if (codes.has(p)) return p;
    const cut = p.lastIndexOf('.');
    if (cut < 0) return null;
    p = p.slice(0, cut);
  }
  return null;
}
