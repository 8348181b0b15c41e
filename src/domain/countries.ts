/**
 * Countries and territories as official documents name them (issue 11): one catalogue
 * (countries-data.ts) for every list of countries or markets. Lookups ignore diacritics, case and
 * punctuation ("han quoc", "HÀN QUỐC", "Mi an ma" and "Myanmar" all find Hàn Quốc / Mi-an-ma); an
 * unknown name gets ranked suggestions. Pure, shared by the server, the CLI and the web form.
 *
 * Report content stores the official name (readable files, the drafting prints it as it is);
 * anything that must add up across units (consolidation) keys on the code.
 */
import { COUNTRY_HINTS, COUNTRY_ROWS } from './countries-data.js';
import { foldForSearch } from './text.js';

export interface Country {
  /** ISO 3166-1 alpha-2 ("KR"), or XK for Kosovo. */
  code: string;
  /** The official Vietnamese name: "Hàn Quốc", "Đài Loan (Trung Quốc)". */
  name: string;
  /** Other complete names of the same country, replaced by `name` when read. */
  aliases: readonly string[];
  /** Short forms only suggested ("Hàn", "Nhật"). */
  hints: readonly string[];
}

/** The comparison key of a name: folded, letters and digits only ("Mi-an-ma" → "mianma"). */
export function countryKey(text: string): string {
  return foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every country and territory, in Vietnamese alphabetical order of the official name. */
export const COUNTRIES: readonly Country[] = COUNTRY_ROWS.map(([code, name, aliases]) => ({
  code,
  name,
  aliases,
  hints: COUNTRY_HINTS[code] ?? [],
})).sort((a, b) => a.name.localeCompare(b.name, 'vi'));

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
/** Official names and aliases by their key (hints are not here: they are never accepted). */
const BY_KEY = new Map<string, Country>();
for (const country of COUNTRIES) {
  for (const name of [country.name, ...country.aliases]) {
    const key = countryKey(name);
    if (key && !BY_KEY.has(key)) BY_KEY.set(key, country);
  }
}
const OFFICIAL_NAMES = new Set(COUNTRIES.map((c) => c.name));

/** The searchable forms of each country: [key, weight]; the official name weighs most. */
interface SearchForm {
  key: string;
  words: string[];
}
const SEARCH_FORMS = new Map<Country, readonly SearchForm[]>(
  COUNTRIES.map((country) => [
    country,
    [country.name, ...country.hints, ...country.aliases].map((name) => ({
      key: countryKey(name),
      words: wordsOf(name),
    })),
  ]),
);

function wordsOf(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function countryByCode(code: string): Country | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** The country an official name or an alias designates, whatever its diacritics, case or punctuation. */
export function findCountry(text: string): Country | undefined {
  return BY_KEY.get(countryKey(text));
}

/** True when the text is a catalogue's official name exactly as it is written (NFC, trimmed). */
export function isOfficialCountryName(text: string): boolean {
  return OFFICIAL_NAMES.has(text.normalize('NFC').trim());
}

/** The official name when the text names a known country, else the text itself. */
export function canonicalCountryName(text: string): string {
  return findCountry(text)?.name ?? text;
}

/** Levenshtein distance, stopping early past `max` (names are short). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** How well a query matches one form of a name: 0 for not at all. */
function formScore(query: string, queryWords: readonly string[], form: SearchForm): number {
  if (!query) return 0;
  if (form.key === query) return 100;
  if (form.key.startsWith(query)) return 80;
  if (queryWords.every((w) => form.words.some((fw) => fw.startsWith(w)))) return 70;
  if (query.length >= 3 && form.key.includes(query)) return 50;
  if (query.length >= 4) {
    const allowed = query.length >= 8 ? 2 : 1;
    const whole = editDistance(query, form.key, allowed);
    const start = editDistance(query, form.key.slice(0, query.length), allowed);
    const d = Math.min(whole, start + (whole <= allowed ? 0 : 1));
    if (d <= allowed) return 40 - 10 * d;
  }
  return 0;
}

/** How well a query matches a country (its best form), 0 for not at all; an empty query matches all. */
export function countryMatchScore(query: string, country: Country): number {
  const key = countryKey(query);
  if (!key) return 1;
  const words = wordsOf(query);
  let best = 0;
  for (const [i, form] of (SEARCH_FORMS.get(country) ?? []).entries()) {
    // The official name outranks an alias of another country at the same level.
    const score = formScore(key, words, form);
    if (score > 0) best = Math.max(best, score + (i === 0 ? 1 : 0));
  }
  return best;
}

function rankCountries(query: string): { country: Country; score: number }[] {
  return COUNTRIES.map((country) => ({ country, score: countryMatchScore(query, country) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.country.name.localeCompare(b.country.name, 'vi'));
}

/** Countries matching a query, best first (all of them, alphabetically, for an empty query). */
export function searchCountries(query: string, limit = COUNTRIES.length): Country[] {
  if (!countryKey(query)) return COUNTRIES.slice(0, limit);
  return rankCountries(query)
    .slice(0, limit)
    .map((m) => m.country);
}

/**
 * The likeliest countries an unknown or short name meant, best first: only those as good as the best
 * match ("Hàn" suggests Hàn Quốc, not every name with a word starting "hàn").
 */
export function suggestCountries(text: string, limit = 3): Country[] {
  const known = findCountry(text);
  if (known) return [known];
  const ranked = rankCountries(text);
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((m) => m.score >= best - 15)
    .slice(0, limit)
    .map((m) => m.country);
}

function joinOr(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} hay ${names.at(-1)}`;
}

/**
 * Why a name is refused, in Vietnamese: "Không có nước hoặc vùng lãnh thổ "Hàn" trong danh mục.
 * Có phải: Hàn Quốc?" (a known alias not yet written officially names its official form).
 */
export function unknownCountryMessage(text: string): string {
  const name = text.normalize('NFC').trim();
  const suggestions = suggestCountries(name).map((c) => c.name);
  const refusal = `Không có nước hoặc vùng lãnh thổ "${name}" trong danh mục.`;
  return suggestions.length
    ? `${refusal} Có phải: ${joinOr(suggestions)}?`
    : `${refusal} Vui lòng chọn tên trong danh sách.`;
}

/** Breakdowns whose keys are countries or territories of this catalogue: by country, by market. */
export function isCountryBreakdown(indicator: { breakdown?: string | undefined }): boolean {
  return indicator.breakdown === 'country' || indicator.breakdown === 'market';
}

/** The key that adds up the same country across reports: its code, else the folded text. */
export function countryGroupKey(text: string): string {
  return findCountry(text)?.code ?? `?${countryKey(text)}`;
}
