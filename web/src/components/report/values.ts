/** Reading and writing indicator values on the form: Vietnamese number input, breakdowns, checks. */
import type {
  Breakdown,
  BrokenDownValue,
  Indicator,
  IndicatorValue,
  Outline,
  Section,
} from '@domain/outline';
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

/**
 * An indicator's label with its unit, without double brackets: "Số đoàn ra (đoàn)", and for a label
 * that ends in its own brackets "Số lượt người đi nước ngoài (đoàn ra, lượt người)".
 */
export function labelWithUnit(indicator: Pick<Indicator, 'label' | 'unit'>): string {
  const { label, unit } = indicator;
  if (!unit) return label;
  if (label.endsWith(')')) return `${label.slice(0, -1)}, ${unit})`;
  return `${label} (${unit})`;
}
