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

/** Vietnamese alphabetical order (one collator: localeCompare with a locale builds one per call). */
const VI = new Intl.Collator('vi');

/** Every country and territory, in Vietnamese alphabetical order of the official name. */
export const COUNTRIES: readonly Country[] = COUNTRY_ROWS.map(([code, name, aliases]) => ({
  code,
  name,
  aliases,
  hints: COUNTRY_HINTS[code] ?? [],
})).sort((a, b) => VI.compare(a.name, b.name));

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
  const known = FOUND.get(text);
  if (known !== undefined) return known ?? undefined;
  const country = BY_KEY.get(countryKey(text));
  // Names repeat (a consolidation meets "Hàn Quốc" in hundreds of reports): each is folded once.
  if (FOUND.size >= FOUND_MAX) FOUND.clear();
  FOUND.set(text, country ?? null);
  return country;
}

/** The countries found for the texts met so far (null: none), bounded. */
const FOUND = new Map<string, Country | null>();
const FOUND_MAX = 10_000;

/** True when the text is a catalogue's official name exactly as it is written (NFC, trimmed). */
export function isOfficialCountryName(text: string): boolean {
  return OFFICIAL_NAMES.has(text.normalize('NFC').trim());
}

/** The official name when the text names a known country, else the text itself. */
export function canonicalCountryName(text: string): string {
  return findCountry(text)?.name ?? text;
}

/** Two reusable rows for the distance below (names are short: longer ones are not compared). */
const ROW_A = new Int32Array(128);
const ROW_B = new Int32Array(128);

/** The bit of a lower-case ASCII letter (keys are folded), 0 for anything else. */
function letterBit(code: number): number {
  return code >= 97 && code <= 122 ? 1 << (code - 97) : 0;
}

/** Levenshtein distance, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || b.length >= ROW_A.length) return max + 1;
  // Each letter of `a` that `b` lacks costs an edit of its own: most names are ruled out here.
  let letters = 0;
  for (let j = 0; j < b.length; j++) letters |= letterBit(b.charCodeAt(j));
  let lacking = 0;
  for (let i = 0; i < a.length; i++) {
    const bit = letterBit(a.charCodeAt(i));
    if (bit !== 0 && (letters & bit) === 0 && ++lacking > max) return max + 1;
  }
  let previous = ROW_A;
  let current = ROW_B;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
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
    // A misspelt start of a longer name ("Phillip" for Phi-líp-pin) counts one edit more.
    const start =
      whole <= allowed ? whole : editDistance(query, form.key.slice(0, query.length), allowed) + 1;
    const d = Math.min(whole, start);
    if (d <= allowed) return 40 - 10 * d;
  }
  return 0;
}

/**
 * A scorer of countries against one query (folded once): how well the query matches a country's best
 * form, 0 for not at all; an empty query matches all. The web picker scores every option with it.
 */
export function countryMatcher(query: string): (country: Country) => number {
  const key = countryKey(query);
  if (!key) return () => 1;
  const words = wordsOf(query);
  return (country) => {
    const forms = SEARCH_FORMS.get(country) ?? [];
    let best = 0;
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i];
      if (!form) continue;
      // The official name outranks an alias of another country at the same level.
      const score = formScore(key, words, form);
      if (score > 0) best = Math.max(best, score + (i === 0 ? 1 : 0));
    }
    return best;
  };
}

function rankCountries(query: string): { country: Country; score: number }[] {
  const score = countryMatcher(query);
  return COUNTRIES.map((country) => ({ country, score: score(country) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || VI.compare(a.country.name, b.country.name));
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
export function unknownCountryMessage(text: string, withSuggestions = true): string {
  const name = text.normalize('NFC').trim();
  if (!withSuggestions) return `${refusalStart(name)} Vui lòng chọn tên trong danh sách.`;
  // Suggestions cost about a millisecond; every autosave validates the same names again.
  const cached = MESSAGES.get(name);
  if (cached) return cached;
  if (MESSAGES.size >= 2000) MESSAGES.clear();
  const message = refusalOf(name);
  MESSAGES.set(name, message);
  return message;
}

const MESSAGES = new Map<string, string>();

/** How many unknown names of one value get suggestions: each costs about a millisecond. */
export const SUGGESTED_NAMES_PER_VALUE = 20;

function refusalStart(name: string): string {
  return `Không có nước hoặc vùng lãnh thổ "${name}" trong danh mục.`;
}

function refusalOf(name: string): string {
  const suggestions = suggestCountries(name).map((c) => c.name);
  const refusal = refusalStart(name);
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
