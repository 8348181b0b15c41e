/**
 * The national synthetic data set of the consolidation benchmark: on an empty database, the
 * catalogue (34 provinces, 3,321 communes, the built-in outlines, as every start seeds them) and
 * one 'commune-report' per commune for one period, received by the province, with every numeric
 * indicator of the outline filled. The figures are INVENTED (a deterministic pseudo-random
 * generator seeded by the commune code): they describe no real commune.
 *
 * Shape: most counts are small and often zero, amounts carry decimals, broken-down indicators
 * (country, market) have 1–4 parts that add up to the total, ~12 % of sections are answered
 * "Không phát sinh" (their indicators left out), ~4 % of reports are nil as a whole, and 60 % of
 * the narrative blocks carry an officer's text (a few KiB per report, as real reports do).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { SEED_ACTOR } from '../src/db/audit.js';
import { seedCatalogue } from '../src/db/catalogue.js';
import type { Database } from '../src/db/client.js';
import { findCurrentOutline } from '../src/db/outlines.js';
import { reports, units } from '../src/db/schema.js';
import type { IndicatorValue, Outline, ReportValues } from '../src/domain/outline.js';
import { indicatorsOf, narrativesOf, sectionsOf } from '../src/domain/outlines/index.js';
import { dataWindow, type Period, periodKey } from '../src/domain/periods.js';
import type { ReportContent } from '../src/domain/report-json.js';
import { seededRandom } from '../test/support/random.js';

export const NATIONAL_OUTLINE = 'commune-report';
export const NATIONAL_PERIOD: Period = { kind: 'half1', year: 2026, index: 0 };
export const NATIONAL_PERIOD_KEY = periodKey(NATIONAL_PERIOD);
/** Rows per multi-row INSERT: ~20 columns each, well under PostgreSQL's 65,535 parameters. */
const BATCH = 250;

const COUNTRIES = [
  'Hàn Quốc',
  'Nhật Bản',
  'Trung Quốc',
  'Hoa Kỳ',
  'Lào',
  'Campuchia',
  'Thái Lan',
  'Ôxtrâylia',
  'Cộng hòa Liên bang Đức',
  'Pháp',
  'Singapore',
  'Ấn Độ',
];
const MARKETS = [
  'Hàn Quốc',
  'Nhật Bản',
  'Đài Loan (Trung Quốc)',
  'Cộng hòa Liên bang Đức',
  'Rumani',
  'Hungary',
];

const generator = seededRandom;

function pick<T>(random: () => number, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return out;
}

/** A total split into 1–4 parts by key, the parts adding up to the total. */
function brokenDown(random: () => number, total: number, keys: readonly string[]): IndicatorValue {
  if (total === 0) return { total: 0, parts: [] };
  const chosen = pick(random, keys, Math.min(total, 1 + Math.floor(random() * 4)));
  let rest = total;
  const parts = chosen.map((key, i) => {
    const value = i === chosen.length - 1 ? rest : Math.max(1, Math.floor(rest * random() * 0.7));
    rest -= value;
    return { key, value };
  });
  return { total, parts: parts.filter((p) => p.value > 0) };
}

/** The invented content of one commune's report. */
export function syntheticContent(outline: Outline, communeCode: string): ReportContent {
  const random = generator(Number(communeCode) * 2654435761);
  const content: ReportContent = {
    values: {},
    comparison: {},
    nil: { all: false, sections: [] },
    narratives: {},
    document: {},
  };
  if (random() < 0.04) {
    content.nil.all = true;
    return content;
  }
  const values: ReportValues = {};
  for (const section of sectionsOf(outline)) {
    if (section.nilPhrase && random() < 0.12) {
      content.nil.sections.push(section.key);
      continue;
    }
    for (const indicator of indicatorsOf(section)) {
      if (values[indicator.code] !== undefined) continue;
      switch (indicator.valueType) {
        case 'integer': {
          const big = indicator.measure === 'stock' ? 60 : 12;
          const total = random() < 0.45 ? 0 : Math.floor(random() ** 2 * big) + 1;
          values[indicator.code] =
            indicator.breakdown === 'country'
              ? brokenDown(random, total, COUNTRIES)
              : indicator.breakdown === 'market'
                ? brokenDown(random, total, MARKETS)
                : total;
          break;
        }
        case 'decimal':
        case 'money':
          values[indicator.code] = random() < 0.5 ? 0 : Math.round(random() ** 3 * 5_000_000) / 100;
          break;
        case 'list':
          if (random() < 0.5) values[indicator.code] = pick(random, COUNTRIES, 1 + Math.floor(random() * 3));
          break;
        case 'text':
          break;
      }
    }
  }
  content.values = values;
  // Officer texts, as real reports carry them: consolidation must not pay for reading them.
  for (const block of narrativesOf(outline)) {
    if (random() < 0.6) {
      content.narratives[block.key] = {
        text: `${block.defaultText ?? block.label}\n\n(Nội dung minh họa do chương trình đo hiệu năng tạo ra, không phải số liệu thật.)`,
        mode: random() < 0.5 ? 'append' : 'replace',
      };
    }
  }
  return content;
}

export interface NationalDataset {
  outline: Outline;
  outlineId: number;
  reports: number;
  /** Communes of the largest province (TP Hồ Chí Minh, 79). */
  provinceCode: string;
  provinceReports: number;
  timings: { migrateMs: number; catalogueMs: number; reportsMs: number };
}

/** Migrates an empty database, seeds the catalogue and inserts one received report per commune. */
export async function buildNationalDataset(
  database: Database,
  provinceCode = '79',
): Promise<NationalDataset> {
  const { db } = database;
  let start = performance.now();
  await database.migrate();
  const migrateMs = performance.now() - start;

  start = performance.now();
  await db.transaction((tx) => seedCatalogue(tx, SEED_ACTOR));
  const catalogueMs = performance.now() - start;

  start = performance.now();
  const outlineRow = await findCurrentOutline(db, NATIONAL_OUTLINE);
  if (!outlineRow) throw new Error(`The built-in outline ${NATIONAL_OUTLINE} was not seeded.`);
  const outline = outlineRow.definition;
  const communes = await db
    .select({ id: units.id, code: units.code, provinceCode: units.provinceCode })
    .from(units)
    .where(eq(units.kind, 'commune'))
    .orderBy(asc(units.code));
  const window = dataWindow(NATIONAL_PERIOD);
  const sentAt = new Date('2026-06-18T02:00:00Z');
  const receivedAt = new Date('2026-06-19T03:00:00Z');
  const rows = communes.map((c) => ({
    unitId: c.id,
    outlineId: outlineRow.id,
    outlineCode: NATIONAL_OUTLINE,
    periodKind: NATIONAL_PERIOD.kind,
    periodYear: NATIONAL_PERIOD.year,
    periodIndex: NATIONAL_PERIOD.index,
    periodKey: NATIONAL_PERIOD_KEY,
    windowStart: window.start,
    windowEnd: window.end,
    status: 'received' as const,
    content: syntheticContent(outline, c.code),
    version: 1,
    sentAt,
    receivedAt,
  }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) await tx.insert(reports).values(rows.slice(i, i + BATCH));
  });
  await db.execute(sql`ANALYZE reports`);
  await db.execute(sql`ANALYZE units`);
  const reportsMs = performance.now() - start;

  const [inProvince] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(units.provinceCode, provinceCode), eq(reports.periodKey, NATIONAL_PERIOD_KEY)));
  return {
    outline,
    outlineId: outlineRow.id,
    reports: rows.length,
    provinceCode,
    provinceReports: inProvince?.n ?? 0,
    timings: { migrateMs, catalogueMs, reportsMs },
  };
}
