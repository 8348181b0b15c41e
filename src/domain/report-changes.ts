/**
 * An autosave sends what changed, not the whole content (a figure typed sends that figure): the
 * form computes the changes from the content the server holds at its revision, the server applies
 * them under the same revision check (report_content_patch, migration 0009). Both directions are
 * here so that a test can hold them to each other.
 */
import type { ReportChanges, ReportContent } from './report-json.js';

/** Parts of the content changed key by key; every other part is sent whole. */
const KEYED = ['values', 'narratives'] as const;

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** What turns `base` (the server's content) into `next` (the form's); empty when nothing changed. */
export function reportContentChanges(base: ReportContent, next: ReportContent): ReportChanges {
  const changes: Record<string, unknown> = {};
  const from = base as unknown as Record<string, unknown>;
  const to = next as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const a = from[key];
    const b = to[key];
    if ((KEYED as readonly string[]).includes(key)) {
      const x = (a ?? {}) as Record<string, unknown>;
      const y = (b ?? {}) as Record<string, unknown>;
      const part: Record<string, unknown> = {};
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (!same(x[k], y[k])) part[k] = y[k] === undefined ? null : y[k];
      }
      if (Object.keys(part).length > 0) changes[key] = part;
    } else if (!same(a, b)) {
      changes[key] = b === undefined ? null : b;
    }
  }
  return changes as ReportChanges;
}

export function hasChanges(changes: ReportChanges): boolean {
  return Object.keys(changes).length > 0;
}

/** The content `changes` make of `base`, as the database makes it. */
export function applyReportChanges(base: ReportContent, changes: ReportChanges): ReportContent {
  const out: Record<string, unknown> = { ...base };
  for (const [key, change] of Object.entries(changes)) {
    if ((KEYED as readonly string[]).includes(key) && change !== null && typeof change === 'object') {
      const part: Record<string, unknown> = { ...((out[key] ?? {}) as Record<string, unknown>) };
      for (const [k, v] of Object.entries(change as Record<string, unknown>)) {
        if (v === null) delete part[k];
        else part[k] = v;
      }
      out[key] = part;
    } else if (change === null) {
      delete out[key];
    } else if (change !== undefined) {
      out[key] = change;
    }
  }
  return out as ReportContent;
}
