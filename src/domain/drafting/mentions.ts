/**
 * Finding things in free text for the quality checks: names of other communes ("xã Tân Minh" in
 * xã Đức Thịnh's plan) and numbers quoted with an indicator's words ("135 người nước ngoài").
 */
import type { Indicator } from '../outline.js';
import { nfc } from '../text.js';
import { nounAfterNumber } from './sentences.js';

const lower = (s: string): string => nfc(s).toLowerCase().replace(/\s+/g, ' ').trim();

const indexes = new WeakMap<readonly { code: string; name: string }[], Map<string, string[]>>();

function nameIndex(catalogue: readonly { code: string; name: string }[]): Map<string, string[]> {
  let index = indexes.get(catalogue);
  if (!index) {
    index = new Map();
    for (const u of catalogue) {
      const key = lower(u.name);
      index.set(key, [...(index.get(key) ?? []), u.code]);
    }
    indexes.set(catalogue, index);
  }
  return index;
}

// The kind word, then capitalised words (or numbers: "Phường 1"). No `i` flag: with it, \p{Lu}
// would match lower-case letters too, and "xã hội" would look like a name.
const MENTION = /(?<![\p{L}\d])([Xx]ã|[Pp]hường|[Đđ]ặc khu)((?:[ \u00A0]+[\p{Lu}\d][\p{L}\d]*)+)/gu;

/**
 * Names of catalogue communes other than `unit` mentioned in `text`, as written ("xã Tân Minh").
 * The longest catalogue name wins ("xã Tân Minh Đông" before "xã Tân Minh"); a name shared with
 * the unit itself is never reported.
 */
export function foreignUnitMentions(
  text: string,
  unit: { code: string; name: string },
  catalogue: readonly { code: string; name: string }[],
): string[] {
  const index = nameIndex(catalogue);
  const own = lower(unit.name);
  const found: string[] = [];
  for (const m of nfc(text).matchAll(MENTION)) {
    const kind = m[1] as string;
    const words = (m[2] as string).trim().split(/\s+/);
    for (let k = words.length; k >= 1; k--) {
      const written = `${kind} ${words.slice(0, k).join(' ')}`;
      const codes = index.get(lower(written));
      if (!codes) continue;
      if (lower(written) !== own && !codes.includes(unit.code) && !found.includes(written)) {
        found.push(written);
      }
      break;
    }
  }
  return found;
}

export interface MentionIndicator {
  indicator: Indicator;
  value: number;
}

export interface NumberMismatch {
  indicator: Indicator;
  value: number;
  /** The number and words as written: "135 người nước ngoài". */
  quoted: string;
  written: number;
}

/** "1.234,5" → 1234.5; "03" → 3. */
export function parseViNumber(token: string): number {
  return Number(token.replace(/\./g, '').replace(',', '.'));
}

const NUMBER = /(?<![\d.,\p{L}])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d%])/gu;
/** Words before a number that make it a difference, an estimate or a part, not the indicator's value. */
const NOT_A_VALUE = new Set([
  'tăng',
  'giảm',
  'thêm',
  'hơn',
  'trên',
  'dưới',
  'gần',
  'khoảng',
  'đó:',
  'đó',
  'số',
]);

function wordsOf(s: string): string[] {
  return lower(s)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);
}

/** The words that follow an indicator's number ("người nước ngoài …"), once per indicator. */
const nounWords = new WeakMap<Indicator, string[]>();
function nounWordsOf(indicator: Indicator): string[] {
  let words = nounWords.get(indicator);
  if (!words) {
    words = wordsOf(nounAfterNumber(indicator));
    nounWords.set(indicator, words);
  }
  return words;
}

function commonPrefix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Numbers in `text` followed by an indicator's words ("135 người nước ngoài …") whose value
 * differs from the indicator's. A quote matching several indicators equally is ignored unless
 * they agree; at least two words (all of a shorter phrase, three of a longer one) must match.
 */
export function numberMismatches(text: string, indicators: readonly MentionIndicator[]): NumberMismatch[] {
  const out: NumberMismatch[] = [];
  const source = nfc(text);
  for (const m of source.matchAll(NUMBER)) {
    const before = wordsOf(source.slice(Math.max(0, (m.index ?? 0) - 12), m.index)).at(-1) ?? '';
    if (NOT_A_VALUE.has(before)) continue;
    const after = source.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 120);
    if (!/^[ \u00A0]+\p{L}/u.test(after)) continue;
    const following = wordsOf(after.split(/[.;:()]/)[0] ?? '');
    let best = 0;
    let candidates: MentionIndicator[] = [];
    for (const c of indicators) {
      const noun = nounWordsOf(c.indicator);
      const n = commonPrefix(noun, following);
      if (n < 2 || n < Math.min(3, noun.length)) continue;
      if (n > best) {
        best = n;
        candidates = [c];
      } else if (n === best) candidates.push(c);
    }
    const written = parseViNumber(m[1] as string);
    const first = candidates[0];
    if (!first || candidates.some((c) => c.value === written)) continue;
    if (candidates.some((c) => c.value !== first.value)) continue;
    const words = after.trim().split(/\s+/).slice(0, best).join(' ');
    const quoted = `${m[1]} ${words.replace(/[.,;:!?)]+$/, '')}`;
    out.push({ indicator: first.indicator, value: first.value, quoted, written });
  }
  return out;
}
