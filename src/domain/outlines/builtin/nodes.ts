/** Small constructors that keep the built-in outlines readable as data. */
import type { Breakdown, Indicator, NarrativeBlock, OutlineNode, Section } from '../../outline.js';

type Extra = Partial<Pick<Indicator, 'breakdown' | 'padSmall' | 'required' | 'hint' | 'partOf'>>;

/** A count within the period (đoàn, lượt, hồ sơ …), summed across units and periods. */
export function flow(
  code: string,
  label: string,
  unit: string,
  phrase: string,
  extra: Extra = {},
): Indicator {
  return {
    kind: 'indicator',
    code,
    label,
    unit,
    valueType: 'integer',
    measure: 'flow',
    aggregation: 'sum',
    phrase,
    ...extra,
  };
}

/** A count at the end of the period (people resident): units add up, periods keep the latest. */
export function stock(
  code: string,
  label: string,
  unit: string,
  phrase: string,
  extra: Extra = {},
): Indicator {
  return {
    kind: 'indicator',
    code,
    label,
    unit,
    valueType: 'integer',
    measure: 'stock',
    aggregation: 'latest',
    phrase,
    ...extra,
  };
}

/** A decimal quantity within the period (pages, hours: "180,5 trang"). */
export function decimal(
  code: string,
  label: string,
  unit: string,
  phrase: string,
  extra: Extra = {},
): Indicator {
  return { ...flow(code, label, unit, phrase, extra), valueType: 'decimal' };
}

/** An amount of money within the period, in `unit` ("triệu đồng", "USD"). */
export function money(
  code: string,
  label: string,
  unit: string,
  phrase: string,
  extra: Extra = {},
): Indicator {
  return { ...flow(code, label, unit, phrase, extra), valueType: 'money' };
}

/** A list of names (countries, partners) met within the period. */
export function names(
  code: string,
  label: string,
  phrase: string,
  extra: Extra & { breakdown?: Breakdown } = {},
): Indicator {
  return {
    kind: 'indicator',
    code,
    label,
    unit: '',
    valueType: 'list',
    measure: 'flow',
    aggregation: 'sum',
    phrase,
    ...extra,
  };
}

export function narrative(
  key: string,
  label: string,
  defaultText?: string,
  extra: Partial<Pick<NarrativeBlock, 'hint' | 'required'>> = {},
): NarrativeBlock {
  return {
    kind: 'narrative',
    key,
    label,
    ...(extra.hint ? { hint: extra.hint } : {}),
    ...(defaultText ? { defaultText } : {}),
    ...(extra.required ? { required: true } : {}),
  };
}

export function section(
  key: string,
  title: string,
  children: OutlineNode[],
  extra: Partial<Pick<Section, 'nilPhrase' | 'required'>> = {},
): Section {
  return { kind: 'section', key, title, ...extra, children };
}

/** Paragraphs of boilerplate, one per array entry, separated by a blank line as the narrative text keeps them. */
export function paragraphs(...lines: string[]): string {
  return lines.join('\n\n');
}
