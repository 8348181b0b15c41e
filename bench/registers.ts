import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { SEED_ACTOR } from '../src/db/audit.js';
import { seedCatalogue } from '../src/db/catalogue.js';
import type { Database } from '../src/db/client.js';
import { computeAggregates, computeLogbook } from '../src/db/logbook-compute.js';
import { logbookRecords } from '../src/db/schema.js';
import { boundIndicators, figureOf } from '../src/domain/logbook/bindings.js';
import type { LogbookKindCode } from '../src/domain/logbook/kinds.js';
import type { LogbookData } from '../src/domain/logbook/record.js';
import { findBuiltInOutline, sectionsOf } from '../src/domain/outlines/index.js';
import { onEachDatabase } from './postgres.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 9);
const WARM_UP = 2;
const COMMUNE_RECORDS = 10_000;
const PROVINCE_COMMUNES = 168;
const PER_COMMUNE = 500;
/** The first half of 2026 as ND 09/2019 windows it. */
const WINDOW = { start: '2025-12-15', end: '2026-06-14' };

const outline = (() => {
  const o = findBuiltInOutline('commune-report');
  if (!o) throw new Error('no commune outline');
  return o;
})();
const bound = boundIndicators(outline);
const sectionKeys = sectionsOf(outline).map((s) => s.key);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** A small deterministic generator: the same invented records in every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const COUNTRIES = ['Nhật Bản', 'Hàn Quốc', 'Lào', 'Trung Quốc', 'Thái Lan', 'Hoa Kỳ', 'Đức', 'Pháp'];
const SECTIONS = ['delegations', 'cooperation', 'economic', 'culture', 'foreigners', 'consular'];

type Row = typeof logbookRecords.$inferInsert;

/** Invented records of one unit spread over 2025–2026 (a realistic mix of registers). */
function recordsFor(unitId: number, n: number, seed: number): Row[] {
  const g = generator(seed);
  const rows: Row[] = [];
  const day = () => {
    const d = new Date(Date.UTC(2025, 0, 1) + g.int(0, 729) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const later = (from: string, maxDays: number) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + g.int(1, maxDays) * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < n; i++) {
    const startsOn = day();
    const r = g.next();
    let kind: LogbookKindCode;
    let data: LogbookData;
    let endsOn: string | null = null;
    let sectionKey: string | null = null;
    if (r < 0.35) {
      kind = 'foreigner';
      data = { fullName: 'Người thử nghiệm', nationality: g.pick(COUNTRIES), purpose: 'work' };
      endsOn = g.next() < 0.7 ? later(startsOn, 200) : null;
    } else if (r < 0.5) {
      kind = 'delegation';
      data = {
        direction: g.next() < 0.5 ? 'in' : 'out',
        purpose: `Đoàn công tác số ${i}`,
        size: g.int(2, 20),
        countries: [g.pick(COUNTRIES)],
        members: [{ country: g.pick(COUNTRIES), count: g.int(1, 10) }],
      };
      endsOn = later(startsOn, 7);
    } else if (r < 0.6) {
      kind = 'worker';
      data = { market: g.pick(COUNTRIES), count: g.int(1, 30) };
    } else if (r < 0.68) {
      kind = 'civil_registration';
      data = { type: g.pick(['marriage', 'birth', 'other']), country: g.pick(COUNTRIES), count: 1 };
    } else if (r < 0.83) {
      kind = 'activity';
      sectionKey = g.pick(SECTIONS);
      data = { text: `Hoạt động đối ngoại số ${i} (dữ liệu bịa để đo).` };
    } else if (r < 0.86) {
      kind = 'agreement';
      data = { name: `Thỏa thuận ${i}`, partner: `Đối tác ${g.int(1, 40)}` };
      endsOn = later(startsOn, 1500);
    } else if (r < 0.9) {
      kind = 'conference';
      data = {
        name: `Hội thảo ${i}`,
        permittedBy: 'UBND tỉnh',
        format: 'in_person',
        foreignParticipants: g.int(0, 40),
      };
      endsOn = later(startsOn, 3);
    } else if (r < 0.93) {
      kind = 'project';
      data = {
        type: g.pick(['ngo', 'oda', 'fdi']),
        name: `Dự án ${i}`,
        donor: `Nhà tài trợ ${g.int(1, 30)}`,
        currency: g.next() < 0.8 ? 'VND' : 'USD',
        committedLoan: g.int(0, 5_000) * 1_000_000,
        committedGrant: g.int(0, 2_000) * 1_000_000,
      };
    } else if (r < 0.95) {
      kind = 'press_visit';
      data = {
        agency: `Báo ${i}`,
        country: g.pick(COUNTRIES),
        journalists: g.int(1, 6),
        articles: g.int(0, 10),
      };
    } else if (r < 0.97) {
      kind = 'award';
      data = { recipient: `Cá nhân ${i}`, form: 'Bằng khen', count: 1 };
    } else {
      kind = 'citizen_case';
      data = {
        type: g.pick(['protection', 'violation', 'repatriation']),
        country: g.pick(COUNTRIES),
        people: g.int(1, 4),
        summary: `Vụ việc ${i}`,
      };
    }
    rows.push({ unitId, kind, startsOn, endsOn, sectionKey, data });
  }
  return rows;
}

async function insert(database: Database, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000)
    await database.db.insert(logbookRecords).values(rows.slice(i, i + 2000));
  await database.db.execute(sql`ANALYZE logbook_records`);
}

type Rows = { rows: Record<string, unknown>[] };

/** The bare SQL over the same rows: records by unit and kind in the window. */
async function bare(database: Database, units: readonly number[]): Promise<number> {
  const result = (await database.db.execute(sql`SELECT unit_id, kind, count(*) AS n FROM logbook_records
    WHERE unit_id = ANY(${sql.raw(`ARRAY[${units.join(',')}]::int[]`)}) AND starts_on >= ${WINDOW.start}
      AND starts_on <= ${WINDOW.end} AND deleted_at IS NULL
    GROUP BY unit_id, kind`)) as unknown as Rows;
  return result.rows.length;
}

/** Median of interleaved runs (bare, then ours, then the other way round) after a warm-up. */
async function compare(
  label: string,
  ours: () => Promise<unknown>,
  base: () => Promise<unknown>,
): Promise<void> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const order = i % 2 === 0 ? [base, ours] : [ours, base];
    for (const fn of order) {
      const start = performance.now();
      await fn();
      const t = performance.now() - start;
      if (i >= WARM_UP) (fn === ours ? a : b).push(t);
    }
  }
  const m = median(a);
  const bm = median(b);
  console.log(
    `  ${label}: ${ms(m)} (bare SQL count ${ms(bm)}, ratio ${(m / bm).toFixed(1)}×; runs ${a.map((t) => t.toFixed(1)).join(', ')})`,
  );
}

async function benchDatabase(database: Database): Promise<void> {
  const t0 = performance.now();
  await database.migrate();
  await database.db.transaction((tx) => seedCatalogue(tx, SEED_ACTOR));
  // The province with the most communes (168 after the 2025 reform); its first commune keeps
  // 10,000 records, the others 500 each.
  const units = (await database.db.execute(
    sql`SELECT id FROM units WHERE kind = 'commune' AND province_code = (
      SELECT province_code FROM units WHERE kind = 'commune' GROUP BY province_code ORDER BY count(*) DESC LIMIT 1)
    ORDER BY code LIMIT ${PROVINCE_COMMUNES}`,
  )) as unknown as Rows;
  const province = units.rows.map((r) => Number(r.id));
  const [commune, ...others] = province;
  if (commune === undefined) throw new Error('no communes');
  await insert(database, recordsFor(commune, COMMUNE_RECORDS, 1));
  const rows = others.flatMap((u, i) => recordsFor(u, PER_COMMUNE, 100 + i));
  await insert(database, rows);
  console.log(
    `  data: ${COMMUNE_RECORDS.toLocaleString('en')} records of one commune, ${rows.length.toLocaleString('en')} of its province's ${others.length} other communes (${ms(performance.now() - t0)} to migrate, seed and insert)`,
  );

  const one = await computeLogbook(database.db, commune, WINDOW, bound, sectionKeys);
  const lines = Object.values(one.lines).reduce((s, l) => s + l.length, 0);
  const records = [...one.figures.values()].reduce((s, f) => s + f.records.length, 0);
  console.log(
    `  commune report: ${bound.length} bound indicators, ${one.figures.size} computed (${records.toLocaleString('en')} record references), ${lines} activity lines`,
  );
  await compare(
    'commune report, every indicator and its records + activity lines (3 statements)',
    () => computeLogbook(database.db, commune, WINDOW, bound, sectionKeys),
    () => bare(database, [commune]),
  );
  await compare(
    `province, ${province.length} communes in one go (2 statements)`,
    async () => {
      const all = await computeAggregates(
        database.db,
        province,
        WINDOW,
        bound.map((b) => b.binding),
      );
      let n = 0;
      for (const perUnit of all.values())
        for (const { indicator, binding } of bound) {
          const agg = perUnit.get(binding.code);
          if (agg && figureOf(binding, indicator, agg)) n++;
        }
      return n;
    },
    () => bare(database, province),
  );
  await compare(
    `province, ${province.length} commune reports one after another (${province.length} × 3 statements)`,
    async () => {
      for (const u of province) await computeLogbook(database.db, u, WINDOW, bound, sectionKeys);
    },
    () => bare(database, province),
  );
}

export async function benchRegisters(): Promise<void> {
  const load = loadavg()[0] ?? 0;
  console.log(
    `registers: report figures from the logbook (invented records; window ${WINDOW.start}…${WINDOW.end}; warm-up ${WARM_UP}, median of ${RUNS}; load average ${load.toFixed(1)} on ${cpus().length} cores):`,
  );
  await onEachDatabase('registers', benchDatabase);
}
