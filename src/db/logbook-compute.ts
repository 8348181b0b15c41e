/**
 * Indicators computed from the logbook (issue 15), for one or many units and one data window, in a
 * fixed number of statements however many indicators an outline binds:
 * 1. one aggregate row per unit: for every binding, its total and the records behind it, each an
 *    aggregate with a FILTER clause, over the index range (unit_id, kind, starts_on ≤ end);
 * 2. the breakdowns and lists (names), one UNION ALL of grouped expansions;
 * 3. the activity log's entries of the window (for a single report only).
 * Deleted records are left out. Binding definitions are code (domain/logbook/bindings.ts): their
 * field names and choice values are checked before they are written into the statement; the window
 * and the units are parameters.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type BindingAggregate,
  type ComputedFigure,
  figureOf,
  type LogbookBinding,
  type NameSource,
  type RecordRef,
} from '../domain/logbook/bindings.js';
import type { LogbookComputation } from '../domain/logbook/report-figures.js';
import type { Indicator } from '../domain/outline.js';
import type { DataWindow } from '../domain/periods.js';
import type { LogbookLine } from '../domain/report-json.js';
import type { Queryable } from './client.js';

const SAFE = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function safe(word: string): string {
  if (!SAFE.test(word)) throw new Error(`unsafe logbook binding word: ${word}`);
  return word;
}

const literal = (word: string) => `'${safe(word)}'`;
const field = (key: string) => `(data ->> ${literal(key)})`;
const numeric = (key: string) => `coalesce((data ->> ${literal(key)})::numeric, 0)`;

/** The condition that places a record of the binding in the window (dates are $-parameters). */
function condition(b: LogbookBinding, window: DataWindow, currency: 'same' | 'other' | 'any'): SQL {
  const parts: SQL[] = [sql.raw(`kind = ${literal(b.kind)}`)];
  if (b.measure === 'flow') parts.push(sql`starts_on >= ${window.start} AND starts_on <= ${window.end}`);
  else if (b.measure === 'ended') parts.push(sql`ends_on >= ${window.start} AND ends_on <= ${window.end}`);
  else parts.push(sql`starts_on <= ${window.end} AND (ends_on IS NULL OR ends_on > ${window.end})`);
  for (const [key, values] of Object.entries(b.where ?? {}))
    parts.push(sql.raw(`${field(key)} IN (${values.map(literal).join(', ')})`));
  if (b.money && b.money.field !== 'none' && currency !== 'any') {
    const c = literal(b.money.currency);
    parts.push(sql.raw(currency === 'same' ? `${field('currency')} = ${c}` : `${field('currency')} <> ${c}`));
  }
  return sql.join(parts, sql` AND `);
}

function amount(b: LogbookBinding): string {
  return b.sum?.length ? b.sum.map(numeric).join(' + ') : '1';
}

const checksMoney = (b: LogbookBinding) => Boolean(b.money && b.money.field !== 'none');

/** Statement 1: per unit, per binding: the total and the records (and other currencies' records). */
function totalsStatement(units: readonly number[], window: DataWindow, bindings: readonly LogbookBinding[]) {
  const columns: SQL[] = [sql.raw('unit_id')];
  bindings.forEach((b, i) => {
    const cond = condition(b, window, 'same');
    // A nationalities breakdown's total is the sum of its parts (statement 2).
    if (!b.list && b.by?.type !== 'nationalities')
      columns.push(
        sql`coalesce(sum(${sql.raw(amount(b))}) FILTER (WHERE ${cond}), 0) AS ${sql.raw(`t${i}`)}`,
      );
    // Two integer arrays (ids and revisions in the same order): lighter than JSON pairs to build and read.
    columns.push(
      sql`array_agg(id ORDER BY id) FILTER (WHERE ${cond}) AS ${sql.raw(`r${i}`)}`,
      sql`array_agg(revision ORDER BY id) FILTER (WHERE ${cond}) AS ${sql.raw(`v${i}`)}`,
    );
    if (checksMoney(b))
      columns.push(
        sql`jsonb_agg(jsonb_build_array(id, revision, data ->> 'currency') ORDER BY id) FILTER (WHERE ${condition(b, window, 'other')}) AS ${sql.raw(`o${i}`)}`,
      );
  });
  const kinds = [...new Set(bindings.map((b) => literal(b.kind)))].join(', ');
  return sql`SELECT ${sql.join(columns, sql`, `)}
    FROM logbook_records
    WHERE unit_id = ANY(${sql.raw(unitArray(units))}) AND kind IN (${sql.raw(kinds)})
      AND starts_on <= ${window.end} AND deleted_at IS NULL
    GROUP BY unit_id`;
}

function unitArray(units: readonly number[]): string {
  for (const u of units) if (!Number.isSafeInteger(u)) throw new Error('unit id');
  return `ARRAY[${units.join(',')}]::int[]`;
}

/** The names of one record for a breakdown or list, with the amount each carries. */
function expansion(source: NameSource, b: LogbookBinding): string {
  const f = literal(source.field);
  switch (source.type) {
    case 'country':
    case 'line':
      return `LATERAL (VALUES (data ->> ${f}, (${amount(b)})::numeric)) AS x(name, amount)`;
    case 'countries':
      return `jsonb_array_elements_text(CASE WHEN jsonb_typeof(data -> ${f}) = 'array' THEN data -> ${f} ELSE '[]'::jsonb END) AS x(name)`;
    case 'nationalities':
      return `LATERAL (SELECT e ->> 'country' AS name, coalesce((e ->> 'count')::numeric, 0) AS amount
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(data -> ${f}) = 'array' THEN data -> ${f} ELSE '[]'::jsonb END) AS e) AS x`;
  }
}

/** Statement 2: breakdowns and lists, name by name. */
function namesStatement(
  units: readonly number[],
  window: DataWindow,
  bindings: readonly { b: LogbookBinding; i: number }[],
) {
  const parts = bindings.map(({ b, i }) => {
    const source = (b.list ?? b.by) as NameSource;
    const value = source.type === 'countries' ? '1' : 'x.amount';
    return sql`SELECT unit_id, ${sql.raw(String(i))} AS b, x.name, sum(${sql.raw(value)}) AS amount
      FROM logbook_records CROSS JOIN ${sql.raw(expansion(source, b))}
      WHERE unit_id = ANY(${sql.raw(unitArray(units))}) AND deleted_at IS NULL AND ${condition(b, window, 'same')}
        AND x.name IS NOT NULL AND x.name <> ''
      GROUP BY unit_id, x.name`;
  });
  return sql.join(parts, sql` UNION ALL `);
}

type Row = Record<string, unknown>;

/** An int[] as the driver gives it: an array, or PostgreSQL's text form "{1,2,3}". */
function ints(value: unknown): number[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(Number);
  const text = String(value).replace(/[{}]/g, '');
  return text ? text.split(',').map(Number) : [];
}

function refsOf(ids: unknown, revisions: unknown): RecordRef[] {
  const revs = ints(revisions);
  return ints(ids).map((id, i) => ({ id, revision: revs[i] ?? 1 }));
}

/**
 * Every binding's aggregate for each unit (units without records are absent): two statements.
 */
export async function computeAggregates(
  q: Queryable,
  units: readonly number[],
  window: DataWindow,
  bindings: readonly LogbookBinding[],
): Promise<Map<number, Map<string, BindingAggregate>>> {
  const out = new Map<number, Map<string, BindingAggregate>>();
  if (units.length === 0 || bindings.length === 0) return out;
  const named = bindings.flatMap((b, i) => (b.list || b.by ? [{ b, i }] : []));
  // One after the other: `q` may be a transaction's one connection, which runs one query at a time
  // (node-postgres refuses overlapping queries on a client from its next major version).
  const totals = (await q.execute(totalsStatement(units, window, bindings))) as unknown as { rows: Row[] };
  const names = named.length
    ? ((await q.execute(namesStatement(units, window, named))) as unknown as { rows: Row[] })
    : { rows: [] as Row[] };
  for (const row of totals.rows) {
    const unit = Number(row.unit_id);
    const perUnit = new Map<string, BindingAggregate>();
    bindings.forEach((b, i) => {
      const records = refsOf(row[`r${i}`], row[`v${i}`]);
      const agg: BindingAggregate = { records, total: Number(row[`t${i}`] ?? 0) };
      if (checksMoney(b)) {
        const raw = row[`o${i}`];
        const others = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [number, number, string][] | null;
        if (others?.length) {
          agg.otherCurrencies = new Map();
          for (const [id, revision, currency] of others) {
            const list = agg.otherCurrencies.get(currency) ?? [];
            list.push({ id, revision });
            agg.otherCurrencies.set(currency, list);
          }
        }
      }
      if (b.list || b.by) agg.names = new Map();
      perUnit.set(b.code, agg);
    });
    out.set(unit, perUnit);
  }
  for (const row of names.rows) {
    const b = bindings[Number(row.b)];
    const agg = b && out.get(Number(row.unit_id))?.get(b.code);
    if (agg?.names) agg.names.set(String(row.name), Number(row.amount));
  }
  return out;
}

/** Statement 3: the window's activity-log entries of these sections, in date order. */
export async function activityLines(
  q: Queryable,
  unitId: number,
  window: DataWindow,
  sectionKeys: readonly string[],
): Promise<Record<string, LogbookLine[]>> {
  const result =
    (await q.execute(sql`SELECT id, revision, starts_on, ends_on, section_key, data ->> 'text' AS text
    FROM logbook_records
    WHERE unit_id = ${unitId} AND kind = 'activity' AND starts_on >= ${window.start} AND starts_on <= ${window.end}
      AND deleted_at IS NULL AND section_key IS NOT NULL
    ORDER BY starts_on, id`)) as unknown as { rows: Row[] };
  const keys = new Set(sectionKeys);
  const out: Record<string, LogbookLine[]> = {};
  for (const r of result.rows) {
    const key = String(r.section_key);
    const text = typeof r.text === 'string' ? r.text.trim() : '';
    if (!keys.has(key) || !text) continue;
    const line: LogbookLine = {
      id: Number(r.id),
      revision: Number(r.revision),
      date: String(r.starts_on),
      ...(r.ends_on ? { endsOn: String(r.ends_on) } : {}),
      text,
    };
    const list = out[key] ?? [];
    list.push(line);
    out[key] = list;
  }
  return out;
}

/** A unit's bound figures for one report: computed values (or why not) with their records. */
export async function computeFigures(
  q: Queryable,
  unitId: number,
  window: DataWindow,
  bound: readonly { indicator: Indicator; binding: LogbookBinding }[],
): Promise<Map<string, ComputedFigure>> {
  const aggregates = await computeAggregates(
    q,
    [unitId],
    window,
    bound.map((x) => x.binding),
  );
  const perUnit = aggregates.get(unitId);
  const figures = new Map<string, ComputedFigure>();
  if (!perUnit) return figures;
  for (const { indicator, binding } of bound) {
    const agg = perUnit.get(binding.code);
    const figure = agg && figureOf(binding, indicator, agg);
    if (figure) figures.set(indicator.code, figure);
  }
  return figures;
}

/** Everything a report takes from the logbook: its bound figures and its sections' activity lines. */
export async function computeLogbook(
  q: Queryable,
  unitId: number,
  window: DataWindow,
  bound: readonly { indicator: Indicator; binding: LogbookBinding }[],
  sectionKeys: readonly string[],
): Promise<LogbookComputation> {
  // In turn: `q` may be a transaction's one connection.
  const figures = await computeFigures(q, unitId, window, bound);
  const lines = await activityLines(q, unitId, window, sectionKeys);
  return { window, figures, lines };
}

/** Which of these records are deleted now (an issued report's frozen records). */
export async function deletedRecords(q: Queryable, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const result = (await q.execute(
    sql`SELECT id FROM logbook_records WHERE id = ANY(${sql.raw(unitArray(ids))}) AND deleted_at IS NOT NULL`,
  )) as unknown as { rows: Row[] };
  return new Set(result.rows.map((r) => Number(r.id)));
}
