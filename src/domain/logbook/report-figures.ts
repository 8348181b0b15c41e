/**
 * A report's figures and first lines from the unit's logbook, as pure changes of its content
 * (`content.logbook`, docs/report-json.md):
 * - `applyLogbook`: the computed figures fill the bound indicators that have records, unless the
 *   officer's figure differs (an override: kept, with its reason); the activity log's entries of
 *   the window become the first paragraphs of their sections;
 * - `overrideFigure`: the officer's figure instead of the computed one, with a reason (or back);
 * - `logbookIssues`: a figure that differs from the computed one without a reason blocks submission;
 * - `logbookDifferences`: an issued report's frozen figures against the records as they are now.
 */
import { AppError } from '../errors.js';
import type { IndicatorValue, Outline } from '../outline.js';
import { findIndicator, sectionsOf } from '../outlines/numbering.js';
import type { LogbookFigure, LogbookLine, LogbookPart, ReportContent } from '../report-json.js';
import { formatCount } from '../vn-number.js';
import { boundIndicators, type ComputedFigure, type RecordRef, sameValue } from './bindings.js';

/** What the database computed for one report: the bound figures with records, the activity lines. */
export interface LogbookComputation {
  window: { start: string; end: string };
  figures: ReadonlyMap<string, ComputedFigure>;
  /** Section key → the window's activity-log entries, in date order. */
  lines: Readonly<Record<string, LogbookLine[]>>;
}

const refs = (records: readonly RecordRef[]): [number, number][] => records.map((r) => [r.id, r.revision]);

/** The officer's figure differs from the computed one (an override). */
export function isOverridden(figure: LogbookFigure, value: IndicatorValue | undefined): boolean {
  return figure.computed !== null && value !== undefined && !sameValue(value, figure.computed);
}

/**
 * The content with the logbook's figures and lines (pure). A figure the officer overrode keeps the
 * officer's value and reason; one that followed the computed value follows the new one; a figure
 * whose records are all gone is removed if it was the computed one.
 */
export function applyLogbook(
  outline: Outline,
  content: ReportContent,
  computation: LogbookComputation,
  at: string,
): ReportContent {
  const values = { ...content.values };
  const before = content.logbook?.figures ?? {};
  const figures: Record<string, LogbookFigure> = {};
  for (const { indicator } of boundIndicators(outline)) {
    const code = indicator.code;
    const fig = computation.figures.get(code);
    const prev = before[code];
    const value = values[code];
    // The value was the computed one (or nothing): it follows the records.
    const following = value === undefined || (prev?.computed != null && sameValue(value, prev.computed));
    if (!fig) {
      if (prev && following) delete values[code];
      continue;
    }
    if (!fig.ok) {
      figures[code] = { computed: null, problem: fig.reason, records: refs(fig.records) };
      continue;
    }
    const figure: LogbookFigure = { computed: fig.value, records: refs(fig.records) };
    if (following) values[code] = fig.value;
    else if (prev?.reason && !sameValue(value, fig.value)) figure.reason = prev.reason;
    figures[code] = figure;
  }
  const sections = new Set(sectionKeys(outline));
  const lines = Object.fromEntries(
    Object.entries(computation.lines).filter(([key, l]) => sections.has(key) && l.length > 0),
  );
  const part: LogbookPart = { computedAt: at, window: computation.window, figures, lines };
  const empty = Object.keys(figures).length === 0 && Object.keys(lines).length === 0;
  const next: ReportContent = { ...content, values };
  if (empty && !content.logbook) return next;
  return { ...next, logbook: part };
}

function sectionKeys(outline: Outline): string[] {
  return sectionsOf(outline).map((s) => s.key);
}

export const MIN_REASON = 5;

/**
 * The officer's figure instead of the computed one, with its reason; `value` null: back to the
 * computed figure. Refused without a reason, for a figure not computed from the logbook.
 */
export function overrideFigure(
  content: ReportContent,
  code: string,
  value: IndicatorValue | null,
  reason: string | undefined,
): ReportContent {
  const figure = content.logbook?.figures[code];
  if (!content.logbook || !figure || figure.computed === null) {
    throw new AppError('VALIDATION', 'Chỉ tiêu này không có số liệu tính từ sổ theo dõi.', [
      { path: 'code', message: 'Chỉ tiêu này không có số liệu tính từ sổ theo dõi.' },
    ]);
  }
  const values = { ...content.values };
  const figures = { ...content.logbook.figures };
  if (value === null || sameValue(value, figure.computed)) {
    values[code] = figure.computed;
    const { reason: _reason, ...rest } = figure;
    figures[code] = rest;
  } else {
    const why = reason?.trim() ?? '';
    if (why.length < MIN_REASON) {
      const message = 'Cần ghi lý do khi dùng số liệu khác số tính từ sổ theo dõi.';
      throw new AppError('VALIDATION', message, [{ path: 'reason', message }]);
    }
    values[code] = value;
    figures[code] = { ...figure, reason: why };
  }
  return { ...content, values, logbook: { ...content.logbook, figures } };
}

/** A figure that differs from the computed one without a reason: an error that blocks submission. */
export function logbookIssues(outline: Outline, content: ReportContent): { path: string; message: string }[] {
  const figures = content.logbook?.figures ?? {};
  const out: { path: string; message: string }[] = [];
  for (const [code, figure] of Object.entries(figures)) {
    const indicator = findIndicator(outline, code);
    if (!indicator || !isOverridden(figure, content.values[code]) || figure.reason) continue;
    out.push({
      path: code,
      message: `${indicator.label}: số liệu khác số tính từ sổ theo dõi (${formatCount(figure.records.length)} bản ghi) mà chưa ghi lý do.`,
    });
  }
  return out;
}

/** How a record behind an issued figure stands now. */
export type RecordChange = 'changed' | 'deleted' | 'added' | 'left';

export interface FigureDifference {
  code: string;
  /** The value computed at issue and the one the records give now (null: none, or not computable). */
  issued: IndicatorValue | null;
  now: IndicatorValue | null;
  /** The records that changed since, and how. */
  records: { id: number; change: RecordChange }[];
}

/**
 * An issued report's frozen figures against the records now (pure). `deleted`: ids of the frozen
 * records that are deleted now; a frozen record that no longer counts without being deleted has
 * `left` (its kind's fields or dates changed), one that counts at another revision `changed`, a
 * record counted now but not at issue `added`.
 */
export function logbookDifferences(
  frozen: LogbookPart,
  now: LogbookComputation,
  deleted: ReadonlySet<number>,
): FigureDifference[] {
  const out: FigureDifference[] = [];
  for (const [code, figure] of Object.entries(frozen.figures)) {
    const current = now.figures.get(code);
    const was = new Map(figure.records.map(([id, rev]) => [id, rev]));
    const is = new Map((current?.records ?? []).map((r) => [r.id, r.revision]));
    const records: FigureDifference['records'] = [];
    for (const [id, rev] of was) {
      const r = is.get(id);
      if (r === undefined) records.push({ id, change: deleted.has(id) ? 'deleted' : 'left' });
      else if (r !== rev) records.push({ id, change: 'changed' });
    }
    for (const id of is.keys()) if (!was.has(id)) records.push({ id, change: 'added' });
    const nowValue = current?.ok ? current.value : null;
    if (records.length === 0 && sameValue(figure.computed ?? undefined, nowValue ?? undefined)) continue;
    out.push({ code, issued: figure.computed, now: nowValue, records: records.sort((a, b) => a.id - b.id) });
  }
  // A figure with no records at issue that has some now.
  for (const [code, current] of now.figures) {
    if (frozen.figures[code]) continue;
    out.push({
      code,
      issued: null,
      now: current.ok ? current.value : null,
      records: current.records.map((r) => ({ id: r.id, change: 'added' as const })),
    });
  }
  return out;
}
