/**
 * Loads the national unit catalogue (34 provinces, 3,321 communes) from the shipped CSV, and the
 * built-in outlines (src/domain/outlines).
 * Idempotent: units already present keep the document identity administrators gave them.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { inArray, sql } from 'drizzle-orm';
import { BUILT_IN_OUTLINES } from '../domain/outlines/index.js';
import { foldForSearch, nfc } from '../domain/text.js';
import {
  COMMUNE_KINDS,
  COUNTRY_CODE,
  type CommuneKind,
  defaultCommuneIdentity,
  defaultProvinceIdentity,
} from '../domain/units.js';
import { UNITS_CSV } from '../paths.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { seedBuiltInOutlines } from './outlines.js';
import { units } from './schema.js';

export interface CatalogueRow {
  provinceCode: string;
  provinceName: string;
  communeCode: string;
  communeName: string;
  communeKind: CommuneKind;
}

export function readCatalogue(file: string = UNITS_CSV): CatalogueRow[] {
  const records: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true, trim: true });
  return records.map((r, i) => {
    const kind = r.commune_kind as CommuneKind;
    if (
      !COMMUNE_KINDS.includes(kind) ||
      !/^\d{2}$/.test(r.province_code ?? '') ||
      !/^\d{5}$/.test(r.commune_code ?? '')
    ) {
      throw new Error(`Dòng ${i + 2} của ${file} không hợp lệ.`);
    }
    return {
      provinceCode: r.province_code as string,
      provinceName: nfc(r.province_name as string),
      communeCode: r.commune_code as string,
      communeName: nfc(r.commune_name as string),
      communeKind: kind,
    };
  });
}

const searchKey = (name: string, code: string) => `${foldForSearch(name)} ${code}`;

/** Returns how many units were added. */
export async function seedCatalogue(
  q: Queryable,
  actor: AuditActor,
  rows = readCatalogue(),
): Promise<number> {
  let added = 0;
  // Every start runs this: when every unit of the catalogue is there already (the usual case), one
  // read replaces the 3,355 upserts, so a restart (after a crash too) serves sooner.
  const present = new Set(
    (
      await q
        .select({ code: units.code })
        .from(units)
        .where(inArray(units.kind, ['country', 'province', 'commune']))
    ).map((u) => u.code),
  );
  const complete =
    present.has(COUNTRY_CODE) && rows.every((r) => present.has(r.communeCode) && present.has(r.provinceCode));
  if (complete) {
    await seedBuiltInOutlines(q, actor, BUILT_IN_OUTLINES);
    return 0;
  }
  const country = await q
    .insert(units)
    .values({
      code: COUNTRY_CODE,
      kind: 'country',
      name: 'Việt Nam',
      path: [],
      searchKey: searchKey('Việt Nam', COUNTRY_CODE),
      issuerHeader: 'CHÍNH PHỦ',
      placeName: 'Hà Nội',
      symbol: 'CP',
    })
    .onConflictDoNothing({ target: units.code })
    .returning({ id: units.id });
  added += country.length;

  const provinces = new Map<string, string>();
  for (const r of rows) provinces.set(r.provinceCode, r.provinceName);
  const provinceRows = [...provinces].map(([code, name]) => ({
    code,
    kind: 'province' as const,
    name,
    provinceCode: code,
    path: [],
    searchKey: searchKey(name, code),
    ...defaultProvinceIdentity(name),
  }));
  added += (
    await q
      .insert(units)
      .values(provinceRows)
      .onConflictDoNothing({ target: units.code })
      .returning({ id: units.id })
  ).length;
  await q.execute(sql`UPDATE units SET parent_id = (SELECT id FROM units WHERE code = ${COUNTRY_CODE})
    WHERE kind = 'province' AND parent_id IS NULL`);

  const communeRows = rows.map((r) => ({
    code: r.communeCode,
    kind: 'commune' as const,
    communeKind: r.communeKind,
    name: r.communeName,
    provinceCode: r.provinceCode,
    path: [],
    searchKey: searchKey(r.communeName, r.communeCode),
    ...defaultCommuneIdentity(r.communeName, r.provinceName),
  }));
  for (let i = 0; i < communeRows.length; i += 500) {
    const inserted = await q
      .insert(units)
      .values(communeRows.slice(i, i + 500))
      .onConflictDoNothing({ target: units.code })
      .returning({ id: units.id });
    added += inserted.length;
  }
  await q.execute(sql`UPDATE units c SET parent_id = p.id FROM units p
    WHERE c.kind = 'commune' AND c.parent_id IS NULL AND p.kind = 'province' AND p.code = c.province_code`);
  await fillPaths(q);
  if (added > 0) {
    await writeAudit(q, actor, {
      action: 'catalogue.seed',
      entity: 'units',
      entityId: 'catalogue',
      before: null,
      after: { added, source: 'data/admin-units-2025.csv' },
    });
  }
  // The built-in outlines ship with the catalogue: every start and `doingoai seed` add new versions.
  await seedBuiltInOutlines(q, actor, BUILT_IN_OUTLINES);
  return added;
}

/** Sets the ancestor path of every unit that has none yet, top down. */
export async function fillPaths(q: Queryable): Promise<void> {
  await q.execute(sql`UPDATE units SET path = ARRAY[id] WHERE parent_id IS NULL AND cardinality(path) = 0`);
  for (let depth = 0; depth < 4; depth++) {
    await q.execute(sql`UPDATE units c SET path = p.path || c.id FROM units p
      WHERE c.parent_id = p.id AND cardinality(c.path) = 0 AND cardinality(p.path) > 0`);
  }
}
