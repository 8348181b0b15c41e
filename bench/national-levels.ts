/**
 * The two-level consolidation (part of `npm run bench -- national`): on the national data set
 * (3,321 invented commune reports, received), each of the 34 provinces has a round asking its
 * communes, and the ministry a round asking the 34 provinces. Set up once: each province's
 * consolidated report made from its communes and received by the ministry. Timed, as the flat
 * benchmark times a consolidation (its sources read and combined): the 34 provinces' rounds
 * (`roundsSources`: their sources in one read, then `consolidate` each), then the ministry's from the 34 province reports, against the
 * bare SQL aggregate over the same commune rows in the same run; the ministry's level alone; and,
 * once, the whole read "Tổng hợp" makes at both levels (`liveConsolidation`, with the coverage of
 * every unit asked and the outline).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { liveConsolidation, roundSources, roundsSources } from '../src/db/consolidation.js';
import { loadRoundRow, type RoundRow } from '../src/db/rounds.js';
import { reports, rounds, roundUnits, units } from '../src/db/schema.js';
import { type Consolidation, consolidate, numericValue } from '../src/domain/consolidation/index.js';
import { storeConsolidation } from '../src/domain/consolidation/stored.js';
import { dataWindow } from '../src/domain/periods.js';
import { reportContentSchema } from '../src/domain/report-json.js';
import {
  NATIONAL_OUTLINE,
  NATIONAL_PERIOD,
  NATIONAL_PERIOD_KEY,
  type NationalDataset,
} from './national-data.js';

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const list = (times: number[]) => times.map((t) => t.toFixed(0)).join(', ');
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Levels {
  provinces: RoundRow[];
  national: RoundRow;
  communeReports: number;
}

/** The rounds of both levels and the provinces' consolidated reports, received by the ministry. */
async function setUp(database: Database, data: NationalDataset): Promise<Levels> {
  const { db } = database;
  const window = dataWindow(NATIONAL_PERIOD);
  const roundValues = (unitId: number) => ({
    unitId,
    name: 'Báo cáo công tác đối ngoại 6 tháng đầu năm 2026 (đo hiệu năng)',
    outlineId: data.outlineId,
    outlineCode: NATIONAL_OUTLINE,
    periodKind: NATIONAL_PERIOD.kind,
    periodYear: NATIONAL_PERIOD.year,
    periodIndex: NATIONAL_PERIOD.index,
    periodKey: NATIONAL_PERIOD_KEY,
    windowStart: window.start,
    windowEnd: window.end,
    deadlineDays: 5,
    deadline: '2026-06-21',
  });
  const provinceUnits = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.kind, 'province'));
  const [country] = await db.select({ id: units.id }).from(units).where(eq(units.kind, 'country'));
  if (!country) throw new Error('no country unit');
  return db.transaction(async (tx) => {
    const made = await tx
      .insert(rounds)
      .values(provinceUnits.map((p) => roundValues(p.id)))
      .returning({ id: rounds.id, unitId: rounds.unitId });
    const codeOf = new Map(provinceUnits.map((p) => [p.id, p.code]));
    const communes = await tx
      .select({ id: units.id, provinceCode: units.provinceCode })
      .from(units)
      .where(eq(units.kind, 'commune'));
    const roundOf = new Map(made.map((r) => [codeOf.get(r.unitId), r.id]));
    const members = communes.map((c) => ({ roundId: roundOf.get(c.provinceCode ?? '') ?? 0, unitId: c.id }));
    for (let i = 0; i < members.length; i += 1000)
      await tx.insert(roundUnits).values(members.slice(i, i + 1000));
    const [national] = await tx.insert(rounds).values(roundValues(country.id)).returning({ id: rounds.id });
    if (!national) throw new Error('national round not inserted');
    await tx.insert(roundUnits).values(provinceUnits.map((p) => ({ roundId: national.id, unitId: p.id })));
    const provinces = await tx
      .select()
      .from(rounds)
      .where(
        inArray(
          rounds.id,
          made.map((r) => r.id),
        ),
      );
    const now = new Date('2026-06-25T03:00:00Z');
    // Each province's consolidated report, as "Tổng hợp" makes it, issued and received by the ministry.
    for (const round of provinces) {
      const live = await liveConsolidation(tx, round, now);
      await tx.insert(reports).values({
        ...roundValues(round.unitId),
        roundId: national.id,
        status: 'received',
        version: 1,
        sentAt: now,
        receivedAt: now,
        content: reportContentSchema.parse({ values: live.made.values, approximate: live.made.approximate }),
        consolidation: storeConsolidation(live.made, live.sources, {}, now, round.id, live.coverage),
      });
    }
    return {
      provinces,
      national: await loadRoundRow(tx, national.id),
      communeReports: members.length,
    };
  });
}

/** The consolidated national totals agree with the bare SQL sums over the commune rows. */
function sameTotals(result: Consolidation, bare: Record<string, unknown>[]): string {
  const differ: string[] = [];
  for (const row of bare) {
    const key = String(row.key);
    const own = numericValue(result.values[key]);
    if (own === undefined || Math.abs(own - Number(row.total)) > 1e-6) differ.push(key);
  }
  return differ.length === 0
    ? `the ${bare.length} numeric national totals equal the bare SQL sums over the commune rows`
    : `TOTALS DIFFER from the bare SQL sums for ${differ.join(', ')}`;
}

/**
 * Both levels and the bare aggregate in turn in every round (the order rotating), as the flat
 * benchmark does, so that whatever else loads the machine weighs on all alike.
 */
export async function benchLevels(
  database: Database,
  data: NationalDataset,
  bareAggregate: () => Promise<Record<string, unknown>[]>,
  options: { runs: number; warmUp: number; targetMs: number; targetRatio: number },
): Promise<void> {
  const start = performance.now();
  const levels = await setUp(database, data);
  const setUpMs = performance.now() - start;
  const bare: number[] = [];
  const both: number[] = [];
  const top: number[] = [];
  const paired: number[] = [];
  let national: Consolidation | undefined;
  let sources = 0;
  const steps = {
    bare: async () => {
      const t = performance.now();
      await bareAggregate();
      return performance.now() - t;
    },
    both: async () => {
      const t = performance.now();
      // The 34 provinces' sources in one read (roundsSources), each consolidated on its own.
      const all = await roundsSources(database.db, levels.provinces);
      for (const round of levels.provinces) consolidate(data.outline, all.get(round.id) ?? []);
      const t2 = performance.now();
      const top = await roundSources(database.db, levels.national);
      national = consolidate(data.outline, top);
      const end = performance.now();
      sources = top.length;
      return [end - t, end - t2] as const;
    },
  };
  for (let round = 0; round < options.warmUp + options.runs; round++) {
    let bareMs = 0;
    let bothMs = 0;
    let topMs = 0;
    const order = round % 2 === 0 ? (['bare', 'both'] as const) : (['both', 'bare'] as const);
    for (const step of order) {
      if (step === 'bare') bareMs = await steps.bare();
      else [bothMs, topMs] = await steps.both();
    }
    if (round < options.warmUp) continue;
    bare.push(bareMs);
    both.push(bothMs);
    top.push(topMs);
    paired.push(bothMs / bareMs);
  }
  const bareMs = median(bare);
  const total = median(both);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'over');
  const check = national ? sameTotals(national, await bareAggregate()) : 'no result';
  console.log(
    `  two levels (${levels.provinces.length} province reports from ${levels.communeReports} commune reports, ` +
      `then the ministry from the ${sources} received province reports; set up in ${ms(setUpMs)}; ${check}):`,
  );
  console.log(`    bare SQL aggregate over the commune rows: median ${ms(bareMs)} [${list(bare)}]`);
  console.log(
    `    both levels (34 provinces' sources in one read + 34 consolidate, then the ministry's): median ${ms(total)} [${list(both)}]; ` +
      `target < ${ms(options.targetMs)}: ${verdict(total < options.targetMs)} (${(total / options.targetMs).toFixed(2)}× the target)`,
  );
  console.log(`      of which the ministry's level: median ${ms(median(top))} [${list(top)}]`);
  console.log(
    `    ratio both levels / bare SQL: ${(total / bareMs).toFixed(2)}× (median of each round's ratio ${median(paired).toFixed(2)}×; ` +
      `target ≤ ${options.targetRatio}×: ${verdict(total / bareMs <= options.targetRatio)})`,
  );
  const live = performance.now();
  for (const round of levels.provinces) await liveConsolidation(database.db, round);
  const liveTop = performance.now();
  await liveConsolidation(database.db, levels.national);
  const liveEnd = performance.now();
  console.log(
    `    once, the whole read of "Tổng hợp" (liveConsolidation: + the coverage of every unit asked and the outline): ` +
      `both levels ${ms(liveEnd - live)}, of which the ministry's ${ms(liveEnd - liveTop)}`,
  );
  // The ministry's sources are the provinces' reports only: no commune row counted beside them.
  const [communeRows] = await database.db
    .select({ n: reports.id })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(units.kind, 'commune'), eq(reports.roundId, levels.national.id)))
    .limit(1);
  if (communeRows) console.log('    WARNING: a commune report answers the ministry round');
}
