/** Small constructors that keep the built-in outlines readable as data. */
import type { Indicator, NarrativeBlock, OutlineNode, Section } from '../../outline.js';

type Extra = Partial<Pick<Indicator, 'breakdown' | 'listOf' | 'padSmall' | 'required' | 'hint' | 'partOf'>>;

type Kind = Pick<Indicator, 'valueType' | 'measure' | 'aggregation'>;

/** The constructor of one kind of indicator: everything but the kind is given per indicator. */
function indicatorOf({ valueType, measure, aggregation }: Kind) {
  return (code: string, label: string, unit: string, phrase: string, extra: Extra = {}): Indicator => ({
    kind: 'indicator',
    code,
    label,
    unit,
    valueType,
    measure,
    aggregation,
    phrase,
    ...extra,
  });
}

/** A count within the period (đoàn, lượt, hồ sơ …), summed across units and periods. */
export const flow = indicatorOf({ valueType: 'integer', measure: 'flow', aggregation: 'sum' });

/** A count at the end of the period (people resident): units add up, periods keep the latest. */
export const stock = indicatorOf({ valueType: 'integer', measure: 'stock', aggregation: 'latest' });

/** A decimal quantity within the period (pages, hours: "180,5 trang"). */
export const decimal = indicatorOf({ valueType: 'decimal', measure: 'flow', aggregation: 'sum' });

/** An amount of money within the period, in `unit` ("triệu đồng", "USD"). */
export const money = indicatorOf({ valueType: 'money', measure: 'flow', aggregation: 'sum' });

const list = indicatorOf({ valueType: 'list', measure: 'flow', aggregation: 'sum' });

/** A list of names (countries, partners) met within the period. */
export function names(code: string, label: string, phrase: string, extra: Extra = {}): Indicator {
  return list(code, label, '', phrase, extra);
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
