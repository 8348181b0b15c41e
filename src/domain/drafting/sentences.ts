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
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Lower-case the first letter unless the first word is an acronym ("UBND", "FDI"). */
export function lowerFirst(s: string): string {
  const first = s.split(' ')[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return s;
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** "Trong 6 tháng đầu năm 2026", "Trong Quý I năm 2026", "Trong tuần", "Trong năm 2025". */
export function periodIntro(period: Period): string {
  if (period.kind === 'week') return 'Trong tuần';
  if (period.kind === 'custom') return `Trong thời gian ${periodLabel(period)}`;
  return `Trong ${periodLabel(period)}`;
}

/** The kind word of a commune or province name: "xã", "phường", "đặc khu", "tỉnh", "thành phố". */
export function unitKindWord(unit: DraftUnit): string {
  const name = unit.name.trim().toLowerCase();
  for (const word of ['đặc khu', 'thành phố', 'phường', 'xã', 'tỉnh']) {
    if (name.startsWith(`${word} `)) return word;
  }
  return unit.kind === 'province' ? 'tỉnh' : 'xã';
}

/** "trên địa bàn xã" for a commune, "trên địa bàn tỉnh" for a province, "" for a body (unless it speaks for an area). */
export function areaPhrase(unit: DraftUnit): string {
  if (unit.area) return `trên địa bàn ${unit.area}`;
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

/**
 * "Trong 06 tháng đầu năm 2026, trên địa bàn xã không phát sinh đoàn ra, đoàn vào có yếu tố nước
 * ngoài.": the period named as the examples name it ("Trong kỳ báo cáo" only when none is known).
 */
export function nilSentence(unit: DraftUnit, nilPhrase: string, period?: Period): string {
  const area = areaPhrase(unit);
  const phrase = atUnitLevel(nilPhrase.trim().replace(/\.$/, ''), unit);
  const intro = period ? periodIntro(period) : 'Trong kỳ báo cáo';
  return `${intro}, ${area ? `${area} ` : ''}không phát sinh ${phrase}.`;
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

/** Units that count people: their country breakdown reads "02 người quốc tịch Trung Quốc". */
const PERSON_UNITS = new Set([
  'người',
  'lượt người',
  'lao động',
  'công dân',
  'phóng viên',
  'lượt phóng viên',
  'học sinh',
  'sinh viên',
  'thực tập sinh',
  'tình nguyện viên',
  'chuyên gia',
]);

/** The noun a part of a breakdown is counted in: the unit ("người"), else the whole noun. */
function partNoun(indicator: Indicator): string {
  return indicator.unit.trim() || nounAfterNumber(indicator);
}

/** One part of a breakdown: "02 người quốc tịch Trung Quốc", "03 lao động tại thị trường Hàn Quốc". */
function breakdownPart(indicator: Indicator, part: { key: string; value: number }): string {
  const key = part.key.trim();
  if (indicator.valueType === 'money') return `${key} ${formatMoney(part.value, indicator.unit)}`;
  const count = `${formatCount(part.value, { padSmall: indicator.padSmall ?? false })} ${partNoun(indicator)}`;
  if (indicator.breakdown === 'market') return `${count} tại thị trường ${key}`;
  if (indicator.breakdown === 'country') {
    if (PERSON_UNITS.has(indicator.unit.trim())) return `${count} quốc tịch ${key}`;
    if (indicator.unit.trim() === 'trường hợp') return `${count} với công dân ${key}`;
    return `${count} của ${key}`;
  }
  return `${count} ${key}`;
}

/**
 * The breakdown after its total, as an official writes it: "…, trong đó có 02 người quốc tịch
 * Trung Quốc, 01 người quốc tịch Lào"; "… tại các thị trường Hàn Quốc và Nhật Bản" when the
 * markets carry no count of their own; one part that is the whole total needs no "trong đó":
 * "01 trường hợp … với công dân Lào", "…, quốc tịch Hàn Quốc".
 */
function breakdownSuffix(indicator: Indicator, value: BrokenDownValue): string {
  const parts = value.parts.filter((p) => p.key.trim() && p.value !== 0);
  if (parts.length === 0) return '';
  const [only] = parts;
  if (parts.length === 1 && only && only.value === value.total && indicator.valueType !== 'money') {
    const key = only.key.trim();
    if (indicator.breakdown === 'market') return ` tại thị trường ${key}`;
    if (indicator.breakdown === 'country') {
      if (PERSON_UNITS.has(indicator.unit.trim()))
        return `, ${value.total > 1 ? 'đều mang ' : ''}quốc tịch ${key}`;
      if (indicator.unit.trim() === 'trường hợp') return ` với công dân ${key}`;
      return ` của ${key}`;
    }
  }
  const listed = parts.map((p) => breakdownPart(indicator, p));
  return indicator.valueType === 'money'
    ? `, trong đó: ${listed.join(', ')}`
    : `, trong đó có ${listed.join(', ')}`;
}

export interface Comparison {
  value: number;
  /** "cùng kỳ năm 2025", "6 tháng cuối năm 2025". */
  label: string;
}

export interface ClauseOptions {
  /** The value is an estimate: "khoảng 200 lượt". */
  approx?: boolean;
  /** The sentence already says where ("trên địa bàn xã"): the phrase's own "đến địa phương" goes. */
  placed?: boolean;
}

/**
 * Trailing words that say where, redundant after "trên địa bàn xã": "lượt khách … đến địa
 * phương", "người nước ngoài đang sinh sống … trên địa bàn". A movement keeps its verb ("đến").
 */
const PLACE_TAIL =
  /\s+(đến|tại|ở|trên)\s+(?:địa phương|địa bàn(?:\s+(?:xã|phường|đặc khu|tỉnh|thành phố))?)$/u;

/** The phrase without its own "… địa phương" when the sentence already names the place. */
export function withoutPlace(phrase: string): string {
  const cut = phrase.replace(PLACE_TAIL, (_all, preposition: string) =>
    preposition === 'đến' ? ' đến' : '',
  );
  return cut.trim() ? cut : phrase;
}

/** "khoảng " before an estimate, "" otherwise. */
function about(options: ClauseOptions): string {
  return options.approx ? 'khoảng ' : '';
}

/**
 * The comparison after a figure, without nested brackets: ", tăng 7 lượt người, tương đương 8,8% so
 * với cùng kỳ năm 2025"; ", bằng cùng kỳ năm 2025" when nothing changed.
 */
export function comparisonPhrase(
  indicator: Indicator,
  total: number,
  comparison: Comparison,
  options: ClauseOptions = {},
): string {
  const change = formatChange(total, comparison.value, indicator.unit, {
    padSmall: indicator.padSmall ?? false,
    approx: options.approx ?? false,
  });
  const label = lowerFirst(comparison.label);
  if (change === 'không tăng, không giảm') return `, ${options.approx ? 'xấp xỉ' : 'bằng'} ${label}`;
  return `, ${change} so với ${label}`;
}

/**
 * The clause of one numeric indicator: "03 đoàn vào", "130 người nước ngoài đang sinh sống …",
 * "05 lao động … tại các thị trường Hàn Quốc, Nhật Bản", "88 lượt người, tăng 12 lượt người,
 * tương đương 15,8% so với cùng kỳ năm 2025", "khoảng 200 lượt khách", "không có đoàn ra".
 */
export function numericClause(
  indicator: Indicator,
  value: number | BrokenDownValue,
  comparison?: Comparison,
  options: ClauseOptions = {},
): string {
  const total = typeof value === 'number' ? value : value.total;
  const pad = { padSmall: indicator.padSmall ?? false };
  const phrase = options.placed ? withoutPlace(indicator.phrase) : indicator.phrase;
  let clause: string;
  if (total === 0 && !options.approx) clause = `không có ${phrase}`;
  else if (indicator.valueType === 'money')
    clause = `${phrase} ${about(options)}${formatMoney(total, indicator.unit)}`;
  else {
    const noun = nounAfterNumber({ ...indicator, phrase });
    clause = `${about(options)}${formatCount(total, pad)} ${noun}`;
  }
  if (comparison) clause += comparisonPhrase(indicator, total, comparison, options);
  if (typeof value !== 'number' && total !== 0) clause += breakdownSuffix(indicator, value);
  return clause;
}

/**
 * What a nil figure names after "không phát sinh": the phrase, where a turnover ("kim ngạch xuất
 * khẩu") is the activity it measures ("hoạt động xuất khẩu").
 */
export function nilNoun(indicator: Indicator, placed: boolean): string {
  const phrase = placed ? withoutPlace(indicator.phrase.trim()) : indicator.phrase.trim();
  return phrase.replace(/^(?:kim ngạch|giá trị|doanh thu)\s+/u, 'hoạt động ');
}

/** Pairs an official writes as one word: "xuất khẩu" and "nhập khẩu" → "xuất nhập khẩu". */
const PAIRED: readonly [string, string, string][] = [
  ['xuất khẩu', 'nhập khẩu', 'xuất nhập khẩu'],
  ['xuất cảnh', 'nhập cảnh', 'xuất nhập cảnh'],
];

/**
 * The nil phrases of one sentence joined as one: ["đoàn vào", "đoàn ra"] → "đoàn ra, đoàn vào"
 * (out before in, as Vietnamese says it); ["hoạt động xuất khẩu", "hoạt động nhập khẩu"] →
 * "hoạt động xuất nhập khẩu".
 */
export function joinNil(phrases: readonly string[]): string {
  const out = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))];
  for (const [a, b, both] of PAIRED) {
    for (let i = 0; i < out.length; i++) {
      const first = out[i] ?? '';
      if (!first.endsWith(a)) continue;
      const head = first.slice(0, -a.length);
      const j = out.indexOf(`${head}${b}`);
      if (j < 0) continue;
      out[Math.min(i, j)] = `${head}${both}`;
      out.splice(Math.max(i, j), 1);
    }
  }
  for (let i = 0; i < out.length; i++) {
    const inward = out[i] ?? '';
    if (!inward.endsWith(' vào')) continue;
    const j = out.indexOf(`${inward.slice(0, -' vào'.length)} ra`);
    if (j > i) [out[i], out[j]] = [out[j] ?? '', inward];
  }
  return out.join(', ');
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
