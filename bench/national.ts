import { cpus, loadavg } from 'node:os';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { CONSOLIDATED_STATUSES, loadSources } from '../src/db/consolidation.js';
import { type Consolidation, consolidate, numericValue } from '../src/domain/consolidation/index.js';
import type { Outline } from '../src/domain/outline.js';
import { buildNationalDataset, NATIONAL_OUTLINE, NATIONAL_PERIOD_KEY } from './national-data.js';
import { benchHistory } from './national-history.js';
import { benchLevels } from './national-levels.js';
import { onEachDatabase } from './postgres.js';

/** Measured rounds for the country (BENCH_RUNS overrides), after the warm-up. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 7);
/** A province's rounds are short (~10 ms): three times as many keep its median steady. */
const PROVINCE_RUNS = RUNS * 3;
const WARM_UP = 2;
const STATUSES = CONSOLIDATED_STATUSES;

/** Targets of issue 5: the whole country under 1 s (PostgreSQL) / 2 s (PGlite), ≤ 2× bare SQL. */
const TARGET_MS = { postgres: 1000, pglite: 2000 } as const;
const TARGET_RATIO = 2;
/** The three measurements of a round; each round starts one further along. */
const ORDER = ['bare', 'total', 'fetch'] as const;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds `fn` takes. */
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const list = (times: number[]) => times.map((t) => t.toFixed(0)).join(', ');

/** One scope of the benchmark: a province or the whole country. */
interface Scope {
  label: string;
  provinceCode?: string;
  reports: number;
  /** Only the communes' rows (the two-level benchmark stores the provinces' reports beside them). */
  communesOnly?: boolean;
}

/** The rows of a raw query: both drivers (PGlite, node-postgres) answer with `{ rows }`. */
async function rowsOf(database: Database, query: SQL): Promise<Record<string, unknown>[]> {
  const result: unknown = await database.db.execute(query);
  return (result as { rows: Record<string, unknown>[] }).rows;
}

const scopeFilter = (scope: Scope): SQL =>
  sql.join(
    [
      scope.provinceCode ? sql`AND u.province_code = ${scope.provinceCode}` : sql``,
      scope.communesOnly ? sql`AND u.kind = 'commune'` : sql``,
    ],
    sql` `,
  );

/**
 * The bare SQL aggregate over the same rows: the sum of every numeric value (the total of a broken-
 * down one) per indicator code. No breakdown merge, no trace, no lists: the floor any consolidation
 * reading the same reports through the same database stands on.
 */
function bareAggregate(database: Database, scope: Scope) {
  return rowsOf(
    database,
    sql`
    SELECT e.key,
           sum(CASE jsonb_typeof(e.value) WHEN 'number' THEN (e.value #>> '{}')::numeric
                                          ELSE (e.value ->> 'total')::numeric END) AS total,
           count(*)::int AS n
    FROM reports r
    JOIN units u ON u.id = r.unit_id
    CROSS JOIN LATERAL jsonb_each(r.content -> 'values') e
    WHERE r.outline_code = ${NATIONAL_OUTLINE} AND r.period_key = ${NATIONAL_PERIOD_KEY}
      AND r.status IN ('received', 'accepted') ${scopeFilter(scope)}
      AND jsonb_typeof(e.value) IN ('number', 'object')
    GROUP BY e.key`,
  );
}

/**
 * Profile of reading: loadSources's query (values and nil answers of the same rows, code order)
 * with the JSON returned as text, then parsed here: the database's share and JSON.parse's.
 */
async function leanFetch(database: Database, scope: Scope): Promise<{ queryMs: number; parseMs: number }> {
  const [queryMs, rows] = await timed(() =>
    rowsOf(
      database,
      sql`
    SELECT r.id, r.version, u.id AS unit_id, u.code, u.name, u.kind,
           (r.content -> 'values')::text AS "values", (r.content -> 'nil')::text AS nil
    FROM reports r JOIN units u ON u.id = r.unit_id
    WHERE r.outline_code = ${NATIONAL_OUTLINE} AND r.period_key = ${NATIONAL_PERIOD_KEY}
      AND r.status IN ('received', 'accepted') AND r.consolidation IS NULL ${scopeFilter(scope)}
    ORDER BY length(u.code), u.code`,
    ),
  );
  const start = performance.now();
  for (const row of rows) {
    JSON.parse(String(row.values));
    JSON.parse(String(row.nil));
  }
  return { queryMs, parseMs: performance.now() - start };
}

/** The application's consolidation, timed in its two parts: reading (loadSources) and combining. */
async function consolidation(database: Database, outline: Outline, scope: Scope) {
  const start = performance.now();
  const sources = await loadSources(database.db, {
    outlineCode: NATIONAL_OUTLINE,
    periodKey: NATIONAL_PERIOD_KEY,
    statuses: STATUSES,
    ...(scope.provinceCode ? { provinceCode: scope.provinceCode } : {}),
  });
  const loaded = performance.now();
  const result = consolidate(outline, sources);
  return { loadMs: loaded - start, combineMs: performance.now() - loaded, result };
}

/** The consolidated totals agree with the bare SQL sums: both read the same rows. */
function sameTotals(result: Consolidation, bare: Record<string, unknown>[]): string {
  const differ: string[] = [];
  for (const row of bare) {
    const key = String(row.key);
    const own = numericValue(result.values[key]);
    if (own === undefined || Math.abs(own - Number(row.total)) > 1e-6) differ.push(key);
  }
  return differ.length === 0
    ? `the ${bare.length} numeric totals equal the bare SQL sums`
    : `TOTALS DIFFER from the bare SQL sums for ${differ.join(', ')}`;
}

/**
 * The bare aggregate, the consolidation and the profile of reading run in turn in every round (the order
 * rotating), so that whatever else loads the machine weighs on all three alike; the ratio is also
 * given as the median of each round's own ratio.
 */
async function benchScope(database: Database, outline: Outline, scope: Scope): Promise<void> {
  const bare: number[] = [];
  const query: number[] = [];
  const parse: number[] = [];
  const totals: number[] = [];
  const load: number[] = [];
  const combine: number[] = [];
  const paired: number[] = [];
  let last: Consolidation | undefined;
  const runs = scope.provinceCode ? PROVINCE_RUNS : RUNS;
  for (let round = 0; round < WARM_UP + runs; round++) {
    const times: Record<(typeof ORDER)[number], number> = { bare: 0, fetch: 0, total: 0 };
    const steps: Record<keyof typeof times, () => Promise<void>> = {
      bare: async () => {
        [times.bare] = await timed(() => bareAggregate(database, scope));
      },
      fetch: async () => {
        const r = await leanFetch(database, scope);
        times.fetch = r.queryMs + r.parseMs;
        if (round >= WARM_UP) {
          query.push(r.queryMs);
          parse.push(r.parseMs);
        }
      },
      total: async () => {
        const [t, r] = await timed(() => consolidation(database, outline, scope));
        times.total = t;
        last = r.result;
        if (round >= WARM_UP) {
          load.push(r.loadMs);
          combine.push(r.combineMs);
        }
      },
    };
    for (let i = 0; i < ORDER.length; i++) {
      const step = ORDER[(i + round) % ORDER.length];
      if (step) await steps[step]();
    }
    if (round < WARM_UP) continue;
    bare.push(times.bare);
    totals.push(times.total);
    paired.push(times.total / times.bare);
  }
  const bareMs = median(bare);
  const total = median(totals);
  const ratio = total / bareMs;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'over');
  const target = scope.provinceCode ? null : TARGET_MS[database.kind];
  const targetText =
    target === null
      ? ''
      : `; target < ${ms(target)}: ${verdict(total < target)} (${(total / target).toFixed(2)}× the target)`;
  const check = last ? sameTotals(last, await bareAggregate(database, scope)) : 'no result';
  console.log(`  ${scope.label} (${scope.reports} reports; ${check}):`);
  console.log(`    bare SQL aggregate: median ${ms(bareMs)} [${list(bare)}]`);
  console.log(
    `    consolidation (loadSources + consolidate): median ${ms(total)} [${list(totals)}]${targetText}`,
  );
  console.log(
    `      profile: loadSources ${ms(median(load))} [${list(load)}], consolidate ${ms(median(combine))} ` +
      `[${list(combine)}]; loadSources's query returning text ${ms(median(query))} [${list(query)}] ` +
      `+ JSON.parse ${ms(median(parse))} [${list(parse)}]`,
  );
  console.log(
    `    ratio consolidation / bare SQL: ${ratio.toFixed(2)}× (median of each round's ratio ${median(paired).toFixed(2)}×; ` +
      `target ≤ ${TARGET_RATIO}×: ${verdict(ratio <= TARGET_RATIO)})`,
  );
}

async function benchDatabase(database: Database): Promise<void> {
  const start = performance.now();
  const data = await buildNationalDataset(database);
  const t = data.timings;
  console.log(
    `  data set: ${data.reports} reports built in ${ms(performance.now() - start)} ` +
      `(migrate ${ms(t.migrateMs)}, catalogue ${ms(t.catalogueMs)}, reports ${ms(t.reportsMs)})`,
  );
  await benchScope(database, data.outline, {
    label: `province ${data.provinceCode}`,
    provinceCode: data.provinceCode,
    reports: data.provinceReports,
  });
  await benchScope(database, data.outline, { label: 'whole country', reports: data.reports });
  // 60 stored periods are 200,000 reports: on PostgreSQL by default, on PGlite on request.
  // BENCH_HISTORY=0 leaves it out (a quick run of the rest).
  if (
    process.env.BENCH_HISTORY !== '0' &&
    (database.kind === 'postgres' || process.env.BENCH_HISTORY_PGLITE === '1')
  )
    await benchHistory(database, data.provinceCode);
  // Last: it stores the provinces' consolidated reports beside the communes' (same period).
  await benchLevels(
    database,
    data,
    () => bareAggregate(database, { label: 'communes', reports: data.reports, communesOnly: true }),
    { runs: RUNS, warmUp: WARM_UP, targetMs: TARGET_MS[database.kind], targetRatio: TARGET_RATIO },
  );
}

export async function benchNational(): Promise<void> {
  const load = loadavg()[0] ?? 0;
  console.log(
    `national consolidation (invented data: 3,321 commune reports; warm-up ${WARM_UP}, median of ${PROVINCE_RUNS} (province) and ${RUNS} (country), all runs in ms; ` +
      `load average ${load.toFixed(1)} on ${cpus().length} cores):`,
  );
  await onEachDatabase('national', benchDatabase);
}
