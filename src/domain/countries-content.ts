/**
 * A report's lists of countries written with the catalogue's official names when a file names a
 * country another way ("Myanmar", "Korea"): breakdown parts are canonical from the content schema
 * (report-json.ts); lists need the outline to know which lists are of countries. Unknown names stay
 * as typed, for the validation to refuse with suggestions.
 */
import { canonicalCountryName } from './countries.js';
import type { Outline, ReportValues } from './outline.js';
import { findIndicator } from './outlines/numbering.js';

export function canonicalCountryLists(outline: Outline, values: ReportValues): ReportValues {
  const out: ReportValues = {};
  for (const [code, value] of Object.entries(values)) {
    const countries = findIndicator(outline, code)?.listOf === 'country' && Array.isArray(value);
    out[code] = countries ? value.map(canonicalCountryName) : value;
  }
  return out;
}
