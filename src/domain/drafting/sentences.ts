/**
 * The phrases the drafting is built from, imitating the example reports: "Trong 6 tháng đầu năm
 * 2026, trên địa bàn xã có 03 đoàn vào …", "Hiện nay, trên địa bàn xã có 130 người nước ngoài …",
 * "Trong kỳ báo cáo, trên địa bàn xã không phát sinh …".
 */
import type { BrokenDownValue, Indicator, IndicatorValue } from '../outline.js';
import { type Period, periodLabel } from '../periods.js';
import { formatChange, formatCount, formatMoney, joinVi } from '../vn-number.js';
import type { DraftUnit } from './types.js';

/** Upper-case the first letter (sentences built from lower-case phrases). */
export function capitalize(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1) : s;
}

/** Lower-case the first letter unless the first word is an acronym ("UBND", "FDI"). */
export function lowerFirst(s: string): string {
  const first = s.split(' ')[0] ?? '';
  if (first.length > 1 && first === first.toLocaleUpperCase('vi-VN')) return s;
  return s ? s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1) : s;
}

/** "Trong 6 tháng đầu năm 2026", "Trong Quý I năm 2026", "Trong tuần", "Trong năm 2025". */
export function periodIntro(period: Period): string {
  if (period.kind === 'week') return 'Trong tuần';
  if (period.kind === 'custom') return `Trong thời gian ${periodLabel(period)}`;
  return `Trong ${periodLabel(period)}`;
}

/** The kind word of a commune or province name: "xã", "phường", "đặc khu", "tỉnh", "thành phố". */
export function unitKindWord(unit: DraftUnit): string {
  const name = unit.name.trim().toLocaleLowerCase('vi-VN');
  for (const word of ['đặc khu', 'thành phố', 'phường', 'xã', 'tỉnh']) {
    if (name.startsWith(`${word} `)) return word;
  }
  return unit.kind === 'province' ? 'tỉnh' : 'xã';
}

/** "trên địa bàn xã" for a commune, "trên địa bàn tỉnh" for a province, "" for a body. */
export function areaPhrase(unit: DraftUnit): string {
  return unit.kind === 'body' ? '' : `trên địa bàn ${unitKindWord(unit)}`;
}

/** "UBND xã Lạc Phượng", "UBND tỉnh Hà Tĩnh", "Sở Ngoại vụ": the author of the report. */
export function authorName(unit: DraftUnit): string {
  return unit.kind === 'body' ? capitalize(unit.name) : `UBND ${unit.name}`;
}

/**
 * The commune outline's pre-drafted wording raised to the province when a province (or its Sở
 * Ngoại vụ) drafts on it, as a consolidated report does: "UBND xã" → "UBND tỉnh", the commune's
 * Front and portal → the province's, and proposals go to the Ministry instead of the Sở.
 */
const PROVINCE_WORDING: readonly [RegExp, string][] = [
  [/Đảng ủy, UBND xã(?!\p{L})/gu, 'Tỉnh ủy, UBND tỉnh'],
  [/UBND xã(?!\p{L})/gu, 'UBND tỉnh'],
  [/Ủy ban MTTQ Việt Nam xã(?!\p{L})/gu, 'Ủy ban MTTQ Việt Nam tỉnh'],
  [/Cổng thông tin điện tử xã(?!\p{L})/gu, 'Cổng thông tin điện tử tỉnh'],
  [/trên địa bàn xã(?!\p{L})/gu, 'trên địa bàn tỉnh'],
  [/Đề nghị Sở Ngoại vụ(?!\p{L})/gu, 'Đề nghị Bộ Ngoại giao'],
];

export function atUnitLevel(text: string, unit: DraftUnit): string {
  if (unit.kind === 'commune') return text;
  return PROVINCE_WORDING.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

/** "Trong kỳ báo cáo, trên địa bàn xã không phát sinh đoàn ra, đoàn vào có yếu tố nước ngoài." */
export function nilSentence(unit: DraftUnit, nilPhrase: string): string {
  const area = areaPhrase(unit);
  const phrase = atUnitLevel(nilPhrase.trim().replace(/\.$/, ''), unit);
  return `Trong kỳ báo cáo, ${area ? `${area} ` : ''}không phát sinh ${phrase}.`;
}

/** The number of a numeric value (a breakdown's total), or null for lists, text and nothing. */
export function numericValue(value: IndicatorValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return value.total;
  return null;
}

/** True when the value says nothing happened: not filled, 0, an empty list or blank text. */
export function isEmptyValue(value: IndicatorValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((s) => s.trim() === '');
  return numericValue(value) === 0;
}

/** The noun after the number: the phrase when it starts with the unit ("đoàn vào"), else unit + phrase. */
export function nounAfterNumber(indicator: Indicator): string {
  const { unit, phrase } = indicator;
  if (!unit || phrase === unit || phrase.startsWith(`${unit} `)) return phrase;
  return `${unit} ${phrase}`;
}

function breakdownSuffix(indicator: Indicator, value: BrokenDownValue): string {
  const parts = value.parts.filter((p) => p.key.trim() && p.value !== 0);
  if (parts.length === 0) return '';
  if (indicator.breakdown === 'market') {
    const names = joinVi(parts.map((p) => p.key));
    return parts.length === 1 ? ` tại thị trường ${names}` : ` tại các thị trường ${names}`;
  }
  const pad = { padSmall: indicator.padSmall ?? false };
  const listed = parts.map((p) =>
    indicator.valueType === 'money'
      ? `${p.key} ${formatMoney(p.value, indicator.unit)}`
      : `${p.key} ${formatCount(p.value, pad)}`,
  );
  return ` (trong đó: ${joinVi(listed)})`;
}

export interface Comparison {
  value: number;
  /** "cùng kỳ năm 2025". */
  label: string;
}

/**
 * The clause of one numeric indicator: "03 đoàn vào", "130 người nước ngoài đang sinh sống …",
 * "05 lao động … tại các thị trường Hàn Quốc, Nhật Bản và Đài Loan (Trung Quốc)",
 * "87 lượt người (không tăng, không giảm so với cùng kỳ năm 2025)", "không có đoàn ra".
 */
export function numericClause(
  indicator: Indicator,
  value: number | BrokenDownValue,
  comparison?: Comparison,
): string {
  const total = typeof value === 'number' ? value : value.total;
  const pad = { padSmall: indicator.padSmall ?? false };
  let clause: string;
  if (total === 0) clause = `không có ${indicator.phrase}`;
  else if (indicator.valueType === 'money')
    clause = `${indicator.phrase} ${formatMoney(total, indicator.unit)}`;
  else clause = `${formatCount(total, pad)} ${nounAfterNumber(indicator)}`;
  if (typeof value !== 'number' && total !== 0) clause += breakdownSuffix(indicator, value);
  if (comparison) {
    const change = formatChange(total, comparison.value, indicator.unit, pad);
    clause += ` (${change} so với ${comparison.label})`;
  }
  return clause;
}

/** A list indicator as its own sentence: the phrase introduces the names ("Các nước có đoàn vào: Hàn Quốc và Nhật Bản."). */
export function listSentence(indicator: Indicator, items: string[]): string {
  return `${capitalize(indicator.phrase.trim())}: ${joinVi(items)}.`;
}

/** A short text indicator as its own sentence: "Phrase: text." */
export function textSentence(indicator: Indicator, text: string): string {
  const body = text.trim().replace(/[.;:]$/, '');
  return `${capitalize(indicator.phrase)}: ${body}.`;
}
