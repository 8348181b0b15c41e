/**
 * The countries migration (drizzle/0005_countries_catalogue.sql) on stored report content: another
 * complete name of a country becomes the official name in reports that may still change, with an audit
 * row; an unknown name is left for the checks to flag; an issued report is not touched.
 */
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { auditLog, reports } from '../../src/db/schema.js';
import { COUNTRIES, canonicalCountryName } from '../../src/domain/countries.js';
import { findBuiltInOutline } from '../../src/domain/outlines/index.js';
import { reportContentSchema } from '../../src/domain/report-json.js';
import { validateContent } from '../../src/domain/validation.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildReport } from '../support/documents.js';

const MIGRATION = readFileSync(
  new URL('../../drizzle/0005_countries_catalogue.sql', import.meta.url),
  'utf8',
);

async function runMigrationAgain(db: Db): Promise<void> {
  for (const statement of MIGRATION.split('--> statement-breakpoint')) {
    if (statement.trim()) await db.execute(sql.raw(statement));
  }
}

type StoredParts = { total: number; parts: { key: string; value: number }[] };

async function storeRaw(db: Db, id: number, values: Record<string, StoredParts>): Promise<void> {
  // Written as a report stored before the catalogue: no schema in between.
  await db.update(reports).set({ content: { values } }).where(eq(reports.id, id));
}

async function storedValues(db: Db, id: number): Promise<Record<string, StoredParts>> {
  const [row] = await db.select({ content: reports.content }).from(reports).where(eq(reports.id, id));
  if (!row) throw new Error(`no report ${id}`);
  return (row.content as { values: Record<string, StoredParts> }).values;
}

const breakdown = (...keys: string[]): StoredParts => ({
  total: keys.length,
  parts: keys.map((key) => ({ key, value: 1 })),
});

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
    const spellings = COUNTRIES.flatMap((c) => [c.name, ...c.aliases, c.name.toUpperCase()]);
    const values: Record<string, StoredParts> = {};
    for (let i = 0; i < spellings.length; i += 300)
      values[`x${i}`] = breakdown(...spellings.slice(i, i + 300));
    await storeRaw(db, id, values);
    await runMigrationAgain(db);
    const after = await storedValues(db, id);
    const keys = Object.values(after).flatMap((v) => v.parts.map((p) => p.key));
    const expected = spellings.map(canonicalCountryName);
    expect(keys.filter((k, i) => k !== expected[i])).toEqual([]);
  });

  it('leaves unknown names for the checks, records what changed, and does not touch an issued report', async () => {
    const db = database.db;
    const draft = await buildReport(db, '18562', { status: 'returned' });
    const issued = await buildReport(db, '18562', { status: 'approved' });
    await db.update(reports).set({ status: 'issued' }).where(eq(reports.id, issued));
    const old = {
      'workers.abroad': {
        total: 5,
        parts: [
          { key: 'Han Quoc', value: 2 },
          { key: 'Hàn', value: 3 },
        ],
      },
      'foreigners.resident': { total: 1, parts: [{ key: 'Myanmar', value: 1 }] },
    };
    await storeRaw(db, draft, old);
    await storeRaw(db, issued, old);
    await runMigrationAgain(db);

    const after = await storedValues(db, draft);
    expect(after['workers.abroad']?.parts.map((p) => p.key)).toEqual(['Hàn Quốc', 'Hàn']);
    expect(after['workers.abroad']?.total).toBe(5);
    expect(after['foreigners.resident']?.parts).toEqual([{ key: 'Mi-an-ma', value: 1 }]);
    expect(await storedValues(db, issued)).toEqual(old);

    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(draft)));
    const rows = audit.filter((a) => a.action === 'report.countries');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorLabel).toBe('migration');
    expect(rows[0]?.before).toEqual(
      expect.arrayContaining([
        { indicator: 'workers.abroad', name: 'Han Quoc' },
        { indicator: 'foreigners.resident', name: 'Myanmar' },
      ]),
    );
    expect(rows[0]?.after).toEqual(
      expect.arrayContaining([
        { indicator: 'workers.abroad', name: 'Hàn Quốc' },
        { indicator: 'foreigners.resident', name: 'Mi-an-ma' },
      ]),
    );

    // The name left as typed is what the report's checks now show the officer.
    const outline = findBuiltInOutline('commune-report');
    if (!outline) throw new Error('no commune outline');
    const checks = validateContent(outline, reportContentSchema.parse({ values: after }));
    expect(checks.map((c) => c.message)).toContain(
      'Không có nước hoặc vùng lãnh thổ "Hàn" trong danh mục. Có phải: Hàn Quốc?',
    );
  });
});
