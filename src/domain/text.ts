/** Vietnamese text helpers shared by server, CLI and web. Pure functions, no I/O. */

/** Every piece of text we store is NFC: NFD input (common from macOS and some IMEs) is normalised. */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** Trim, collapse runs of white space and normalise to NFC. */
export function cleanText(value: string): string {
  return nfc(value).replace(/\s+/g, ' ').trim();
}

/**
 * Folds Vietnamese text for searching: lower case, no diacritics, "đ" as "d".
 * "Xã Thạch Hà" and "xa thach ha" fold to the same key.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters, digits and dashes only, without diacritics ("Xã Thạch Hà" → "Xa-Thach-Ha"): safe in any file name. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Upper case the Vietnamese way. Vietnamese has no case rule of its own: toUpperCase and
 * toLowerCase map every letter as the vi-VN locale does (text.test.ts checks each one), and cost
 * a hundredth of toLocaleUpperCase('vi-VN'), which looks the locale up on every call (3 µs:
 * thousands of calls when a report is opened). Nowhere in the code is a locale given to them.
 */
export function upperVi(value: string): string {
  return nfc(value).toUpperCase();
}

/**
 * Clean multi-paragraph text: NFC, Windows line ends made plain, control characters removed
 * (line breaks kept), spaces collapsed within lines, at most one blank line between paragraphs.
 */
export function cleanProse(value: string): string {
  const text = nfc(value);
  // Most texts are clean already (an autosave sends every text again): one test instead of six passes.
  return NEEDS_CLEANING.test(text) ? cleanProseSlowly(text) : text;
}

/** Anything `cleanProseSlowly` would change: a control or invisible character, spaces to collapse or trim. */
const NEEDS_CLEANING = /[^\P{Cc}\n]|[\u200B\uFEFF\u00A0]| {2}|[^\S\n]\n|\n[^\S\n]|\n{3}|^\s|\s$/u;

/** The full clean-up (exported for the test that the quick check misses nothing). */
export function cleanProseSlowly(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/(?!\n)[\p{Cc}\u200B\uFEFF]/gu, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
