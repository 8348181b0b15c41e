/**
 * Flat as history grows (issue 13, point 7): the reads for ONE period (a province's communes
 * compared, a province's consolidation sources) must cost the same whatever the stored history, and
 * a province's series must grow with the periods it shows, not with the rows stored. On the
 * national data set (3,321 reports of half1-2026), the same reads are timed with 1, 12 and 60
 * stored periods (the earlier ones are months, copies of the first without the officers' texts),
 * and each figure is printed with its ratio to the 1-period run of the same database. The query
 * the dashboards ran before (an OR across reports and units, every period read) is timed beside
 * them as the reference of what grew.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { loadSources } from '../src/db/consolidation.js';
import { comparisonValues, indicatorValues } from '../src/db/dashboards.js';
import { reports, units } from '../src/db/schema.js';
import { compareUnits, indicatorSeries } from '../src/domain/dashboards.js';
import type { Indicator } from '../src/domain/outline.js';
import { findIndicator } from '../src/domain/outlines/index.js';
import { dataWindow, type Period, periodKey } from '../src/domain/periods.js';
import { SENT_STATUSES } from '../src/domain/workflow.js';
import { NATIONAL_OUTLINE, NATIONAL_PERIOD_KEY } from './national-data.js';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 7) * 2;
const WARM_UP = 2;
const STAGES = [1, 12, 60] as const;
const INDICATOR = 'delegations.in.count';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The n-th month before June 2026 (1: May 2026, 2: April 2026, …): 59 of them reach 2021. */
function monthBefore(n: number): Period {
  const months = 2026 * 12 + 5 - n;
  return { kind: 'month', year: Math.floor(months / 12), index: (months % 12) + 1 };
}

/** Adds stored months until there are `periods` in all (copies of half1-2026, texts left out). */
async function growHistory(database: Database, from: number, periods: number): Promise<void> {
  for (let n = from; n < periods; n++) {
    const p = monthBefore(n);
    const w = dataWindow(p);
    await database.db.execute(sql`
      INSERT INTO reports (unit_id, outline_id, outline_code, period_kind, period_year, period_index,
                           period_key, window_start, window_end, status, content, version, sent_at, received_at)
      SELECT unit_id, outline_id, outline_code, ${p.kind}, ${p.year}, ${p.index}, ${periodKey(p)},
             ${w.start}, ${w.end}, status, content - 'narratives', version, sent_at, received_at
      FROM reports WHERE outline_code = ${NATIONAL_OUTLINE} AND period_key = ${NATIONAL_PERIOD_KEY}`);
  }
  // As autovacuum leaves a table between bursts of writes: visibility map and statistics current.
  await database.db.execute(sql`VACUUM ANALYZE reports`);
}

/** The dashboards' read before issue 13: an OR across reports and units, every period of the outline. */
async function beforeRead(database: Database, provinceId: number, provinceCode: string) {
  return database.db
    .select({
      unitId: units.id,
      periodKey: reports.periodKey,
      value: sql`${reports.content} -> 'values' -> ${INDICATOR}`,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(
      and(
        eq(reports.outlineCode, NATIONAL_OUTLINE),
        inArray(reports.status, [...SENT_STATUSES]),
        or(
          eq(reports.unitId, provinceId),
          and(eq(units.provinceCode, provinceCode), eq(units.kind, 'commune')),
        ),
      ),
    );
}

interface Probe {
  label: string;
  run: () => Promise<unknown>;
}

/**
 * The fastest and the median run of every probe, run in turn (the order rotating) so that load
 * weighs on all alike. On a shared machine the fastest run is the one least disturbed: the ratios
 * are taken on it, the medians are printed beside.
 */
async function measure(probes: readonly Probe[]): Promise<{ best: number; median: number }[]> {
  const times = probes.map((): number[] => []);
  for (let round = 0; round < WARM_UP + RUNS; round++) {
    for (let i = 0; i < probes.length; i++) {
      const k = (i + round) % probes.length;
      const probe = probes[k];
      if (!probe) continue;
      const start = performance.now();
      await probe.run();
      if (round >= WARM_UP) times[k]?.push(performance.now() - start);
    }
  }
  return times.map((t) => ({ best: Math.min(...t), median: median(t) }));
}

async function explain(database: Database, query: SQL): Promise<string> {
  const result = (await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => String(Object.values(r)[0])).join('\n      ');
}

export async function benchHistory(database: Database, provinceCode: string): Promise<void> {
  const [province] = await database.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.code, provinceCode), eq(units.kind, 'province')));
  if (!province) throw new Error(`no province ${provinceCode}`);
  const outline = (await database.db.execute(
    sql`SELECT definition FROM outlines WHERE code = ${NATIONAL_OUTLINE} ORDER BY version DESC LIMIT 1`,
  )) as unknown as { rows: { definition: Parameters<typeof findIndicator>[0] }[] };
  const definition = outline.rows[0]?.definition;
  const indicator = definition ? findIndicator(definition, INDICATOR) : undefined;
  if (!indicator) throw new Error(`no indicator ${INDICATOR}`);
  const ind: Indicator = indicator;
  let shown = 0;
  const probes: Probe[] = [
    {
      label: 'compare communes, one period (comparisonValues + compareUnits)',
      run: async () => {
        const { rows, periodKeys } = await comparisonValues(database.db, {
          provinceId: province.id,
          provinceCode,
          outlineCode: NATIONAL_OUTLINE,
          indicator: INDICATOR,
        });
        return compareUnits(ind, province.id, rows, { top: 10 }, 168, periodKeys);
      },
    },
    {
      label: 'province series, every period (indicatorValues + indicatorSeries)',
      run: async () => {
        const rows = await indicatorValues(database.db, {
          unitId: province.id,
          communesOf: provinceCode,
          outlineCode: NATIONAL_OUTLINE,
          indicator: INDICATOR,
        });
        const series = indicatorSeries(ind, province.id, rows, { by: 'period' });
        shown = series.points.length;
        return series;
      },
    },
    {
      label: 'consolidation sources, one period (loadSources)',
      run: () =>
        loadSources(database.db, {
          outlineCode: NATIONAL_OUTLINE,
          periodKey: NATIONAL_PERIOD_KEY,
          provinceCode,
        }),
    },
    {
      label: 'before: the OR read of every period (reference)',
      run: () => beforeRead(database, province.id, provinceCode),
    },
  ];
  console.log(
    `  history (province ${provinceCode}, indicator ${INDICATOR}; best and median of ${RUNS} runs after ${WARM_UP} warm-up; ` +
      "the ratio is the best run's to the best run with 1 period stored):",
  );
  let stored = 1;
  let first: { best: number; median: number }[] | null = null;
  for (const periods of STAGES) {
    const start = performance.now();
    await growHistory(database, stored, periods);
    stored = periods;
    const grown = performance.now() - start;
    const medians = await measure(probes);
    first ??= medians;
    const [{ n } = { n: 0 }] = (
      (await database.db.execute(sql`SELECT count(*)::int AS n FROM reports`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    console.log(
      `    ${periods} stored period${periods > 1 ? 's' : ''} (${n} reports${periods > 1 ? `, added in ${(grown / 1000).toFixed(1)} s` : ''}):`,
    );
    probes.forEach((p, i) => {
      const m = medians[i] ?? { best: Number.NaN, median: Number.NaN };
      const ratio = m.best / (first?.[i]?.best ?? m.best);
      const perPoint = i === 1 ? `; ${shown} points shown, ${(m.best / shown).toFixed(2)} ms per point` : '';
      console.log(
        `      ${p.label}: best ${m.best.toFixed(1)} ms, median ${m.median.toFixed(1)} ms (best ×${ratio.toFixed(2)} the 1-period run${perPoint})`,
      );
    });
  }
  const plan = await explain(
    database,
    sql`EXPLAIN SELECT r.unit_id, r.content -> 'values' -> ${INDICATOR} FROM reports r
        WHERE r.unit_id IN (SELECT id FROM units WHERE province_code = ${provinceCode} AND kind = 'commune')
          AND r.outline_code = ${NATIONAL_OUTLINE} AND r.period_key = ${NATIONAL_PERIOD_KEY}
          AND r.status IN ('issued', 'received', 'accepted')`,
  );
  console.log(`    plan of one period's values with 60 periods stored:\n      ${plan}`);
}
