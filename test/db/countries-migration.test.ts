/**
 * The countries migration (drizzle/0007_countries_catalogue.sql) on stored data: another complete
 * name of a country becomes the official name in reports that may still change (breakdowns and lists
 * of countries), with an audit row; an unknown name is left for the checks to flag; an issued report
 * is not touched; a built-in outline stored before the catalogue gets its lists of countries marked.
 */
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { auditLog, outlines, reports } from '../../src/db/schema.js';
import { COUNTRIES, canonicalCountryName, countryKey } from '../../src/domain/countries.js';
import type { IndicatorValue, Outline, ReportValues } from '../../src/domain/outline.js';
import { findBuiltInOutline } from '../../src/domain/outlines/index.js';
import { findIndicator } from '../../src/domain/outlines/numbering.js';
import { reportContentSchema } from '../../src/domain/report-json.js';
import { validateContent } from '../../src/domain/validation.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport } from '../support/documents.js';

const MIGRATION = readFileSync(
  new URL('../../drizzle/0007_countries_catalogue.sql', import.meta.url),
  'utf8',
);

async function runMigrationAgain(db: Db): Promise<void> {
  for (const statement of MIGRATION.split('--> statement-breakpoint')) {
    if (statement.trim()) await db.execute(sql.raw(statement));
  }
}

/** Written as a report stored before the catalogue: no schema in between. */
async function storeRaw(db: Db, id: number, values: ReportValues): Promise<void> {
  await db.update(reports).set({ content: { values } }).where(eq(reports.id, id));
}

async function storedValues(db: Db, id: number): Promise<ReportValues> {
  const [row] = await db.select({ content: reports.content }).from(reports).where(eq(reports.id, id));
  if (!row) throw new Error(`no report ${id}`);
  return (row.content as { values: ReportValues }).values;
}

const breakdown = (...keys: string[]): IndicatorValue => ({
  total: keys.length,
  parts: keys.map((key) => ({ key, value: 1 })),
});

const partKeys = (value: IndicatorValue | undefined): string[] =>
  value && typeof value === 'object' && !Array.isArray(value) ? value.parts.map((p) => p.key) : [];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe('the countries migration', () => {
  it('writes every other spelling of a country the catalogue knows as its official name, as the app reads it', async () => {
    const db = database.db;
    const id = await buildReport(db, '18562', { status: 'draft' });
    // Every spelling the migration knows (the catalogue when it was written: a later alias is read
    // canonical by the content schema instead), in any case: its SQL key must be countryKey().
    const known = new Set([...MIGRATION.matchAll(/^ {2}\('([a-z0-9]+)', '/gm)].map((m) => m[1]));
    expect(known.size).toBeGreaterThan(500);
    const spellings = COUNTRIES.flatMap((c) => [c.name, ...c.aliases, c.name.toUpperCase()]).filter((n) =>
      known.has(countryKey(n)),
    );
    expect(spellings.length).toBeGreaterThan(800);
    const values: ReportValues = {};
    for (let i = 0; i < spellings.length; i += 300) {
      values[`x${i}`] = breakdown(...spellings.slice(i, i + 300));
    }
    values['delegations.out.countries'] = spellings;
    await storeRaw(db, id, values);
    await runMigrationAgain(db);
    const after = await storedValues(db, id);
    const expected = spellings.map(canonicalCountryName);
    const keys = Object.entries(after)
      .filter(([code]) => code.startsWith('x'))
      .flatMap(([, v]) => partKeys(v));
    expect(keys.filter((k, i) => k !== expected[i])).toEqual([]);
    expect(after['delegations.out.countries']).toEqual(expected);
  });

  it('leaves unknown names for the checks, records what changed, and does not touch an issued report', async () => {
    const db = database.db;
    const draft = await buildReport(db, '18562', { status: 'returned' });
    const issued = await buildReport(db, '18562', { status: 'approved' });
    await db.update(reports).set({ status: 'issued' }).where(eq(reports.id, issued));
    const old: ReportValues = {
      'workers.abroad': {
        total: 5,
        parts: [
          { key: 'Han Quoc', value: 2 },
          { key: 'Hàn', value: 3 },
        ],
      },
      'foreigners.resident': { total: 1, parts: [{ key: 'Myanmar', value: 1 }] },
      'delegations.in.countries': ['Lào', 'Korea', 'Hàn'],
      // A list that is not of countries holds the unit's own names: untouched.
      'agreements.partners': ['Korea'],
    };
    await storeRaw(db, draft, old);
    await storeRaw(db, issued, old);
    await runMigrationAgain(db);

    const after = await storedValues(db, draft);
    expect(after['workers.abroad']).toEqual({
      total: 5,
      parts: [
        { key: 'Hàn Quốc', value: 2 },
        { key: 'Hàn', value: 3 },
      ],
    });
    expect(after['foreigners.resident']).toEqual({ total: 1, parts: [{ key: 'Mi-an-ma', value: 1 }] });
    expect(after['delegations.in.countries']).toEqual(['Lào', 'Hàn Quốc', 'Hàn']);
    expect(after['agreements.partners']).toEqual(['Korea']);
    expect(await storedValues(db, issued)).toEqual(old);

    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(draft)), eq(auditLog.action, 'report.countries')));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorLabel).toBe('migration');
    expect(rows[0]?.before).toEqual(
      expect.arrayContaining([
        { indicator: 'workers.abroad', name: 'Han Quoc' },
        { indicator: 'foreigners.resident', name: 'Myanmar' },
        { indicator: 'delegations.in.countries', name: 'Korea' },
      ]),
    );
    expect(rows[0]?.after).toEqual(
      expect.arrayContaining([
        { indicator: 'workers.abroad', name: 'Hàn Quốc' },
        { indicator: 'foreigners.resident', name: 'Mi-an-ma' },
        { indicator: 'delegations.in.countries', name: 'Hàn Quốc' },
      ]),
    );

    // The names left as typed are what the report's checks now show the officer.
    const outline = findBuiltInOutline('commune-report');
    if (!outline) throw new Error('no commune outline');
    const messages = validateContent(outline, reportContentSchema.parse({ values: after })).map(
      (i) => `${i.path}: ${i.message}`,
    );
    const refusal = 'Không có nước hoặc vùng lãnh thổ "Hàn" trong danh mục. Có phải: Hàn Quốc?';
    expect(messages).toContain(`workers.abroad: ${refusal}`);
    expect(messages).toContain(`delegations.in.countries: ${refusal}`);
  });

  it('marks the lists of countries of a built-in outline stored before the catalogue', async () => {
    const db = database.db;
    const current = findBuiltInOutline('department-report');
    if (!current) throw new Error('no department outline');
    // The definition as an older build stored it: no listOf anywhere.
    const stored = JSON.parse(JSON.stringify(current).replaceAll(',"listOf":"country"', '')) as Outline;
    expect(findIndicator(stored, 'delegations.countries')?.listOf).toBeUndefined();
    const [row] = await db
      .insert(outlines)
      .values({
        code: 'department-report',
        version: 99,
        name: current.name,
        documentKind: current.documentKind,
        definition: stored,
        builtIn: true,
      })
      .returning({ id: outlines.id });
    if (!row) throw new Error('outline insert returned no row');
    await runMigrationAgain(db);
    const [after] = await db.select().from(outlines).where(eq(outlines.id, row.id));
    const definition = after?.definition as Outline;
    expect(findIndicator(definition, 'delegations.countries')?.listOf).toBe('country');
    // Nothing else of the outline changed.
    expect({ ...definition, sections: [] }).toEqual({ ...stored, sections: [] });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'outline'), eq(auditLog.entityId, String(row.id))));
    expect(audit.map((a) => a.action)).toEqual(['outline.countries']);
  });
});
