/** The unit catalogue and each unit's document identity: queries and audited changes. */
import { and, asc, count, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RecipientsBody, UnitListParams } from '../domain/api.js';
import type { UnitRef } from '../domain/authz.js';
import { AppError } from '../domain/errors.js';
import type { LineageLink } from '../domain/lineage.js';
import { foldForSearch } from '../domain/text.js';
import { type Authority, bodyCode, type DocumentIdentity, type UnitKind } from '../domain/units.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { loadFormers, loadSuccessors, type SuccessorRecord } from './lineage.js';
import { recipients, signers, units } from './schema.js';

const province = alias(units, 'province');

const summaryColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  communeKind: units.communeKind,
  provinceCode: units.provinceCode,
  provinceName: province.name,
  parentId: units.parentId,
  active: units.active,
};

/** A unit as the catalogue lists it: its place in the tree and its province's name. */
export interface UnitSummaryRow {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  communeKind: (typeof units.$inferSelect)['communeKind'];
  provinceCode: string | null;
  provinceName: string | null;
  parentId: number | null;
  active: boolean;
}

/** The columns of a unit's document identity as stored (each header a text of lines). */
export const identityColumns = {
  parentHeader: units.parentHeader,
  issuerHeader: units.issuerHeader,
  placeName: units.placeName,
  symbol: units.symbol,
  archiveCode: units.archiveCode,
};

/** A unit's recipient rows as its Kính gửi and Nơi nhận lists, each in the order of the rows. */
export function recipientLists(rows: readonly { kind: 'kinh_gui' | 'noi_nhan'; text: string }[]): {
  kinhGui: string[];
  noiNhan: string[];
} {
  return {
    kinhGui: rows.filter((r) => r.kind === 'kinh_gui').map((r) => r.text),
    noiNhan: rows.filter((r) => r.kind === 'noi_nhan').map((r) => r.text),
  };
}

/** A unit as every feature needs it: its reference for authorisation, its code and its name. */
export interface UnitRecord extends UnitRef {
  code: string;
  name: string;
  communeKind: string | null;
  active: boolean;
}

/** The one way units are loaded by id (rounds, the board, reports and the unit pages alike). */
export async function loadUnitRefs(q: Queryable, ids: number[]): Promise<Map<number, UnitRecord>> {
  const map = new Map<number, UnitRecord>();
  if (ids.length === 0) return map;
  const rows = await q
    .select({
      id: units.id,
      kind: units.kind,
      provinceCode: units.provinceCode,
      path: units.path,
      code: units.code,
      name: units.name,
      communeKind: units.communeKind,
      active: units.active,
    })
    .from(units)
    .where(inArray(units.id, ids));
  for (const r of rows) map.set(r.id, r);
  return map;
}

export async function loadUnitRef(q: Queryable, id: number): Promise<UnitRecord> {
  const ref = (await loadUnitRefs(q, [id])).get(id);
  if (!ref) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return ref;
}

/** Units in official code order; the search ignores diacritics and case. */
export async function listUnits(
  q: Queryable,
  query: UnitListParams,
): Promise<{ items: UnitSummaryRow[]; total: number }> {
  const conditions: SQL[] = [];
  const term = query.q ? foldForSearch(query.q) : '';
  // The words as typed, in order: "thach ha" finds "Xã Thạch Hà", not "Xã Thạch An" (which holds "ha").
  if (term) conditions.push(like(units.searchKey, `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.kind) conditions.push(eq(units.kind, query.kind));
  if (query.provinceCode) conditions.push(eq(units.provinceCode, query.provinceCode));
  const where = conditions.length ? and(...conditions) : undefined;
  const [total] = await q.select({ n: count() }).from(units).where(where);
  const items = await q
    .select(summaryColumns)
    .from(units)
    .leftJoin(province, and(eq(province.code, units.provinceCode), eq(province.kind, 'province')))
    .where(where)
    // Provinces first, then by official code (codes of equal length sort as numbers).
    .orderBy(
      sql`CASE ${units.kind} WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'body' THEN 2 ELSE 3 END`,
      asc(units.code),
    )
    .limit(query.limit)
    .offset(query.offset);
  return { items, total: total?.n ?? 0 };
}

export type SignerRow = typeof signers.$inferSelect;

/** What the audit trail keeps of a signer: the fields a person edits, on both sides alike. */
function signerFieldsOf(s: SignerRow): SignerInput {
  return {
    fullName: s.fullName,
    title: s.title,
    authority: s.authority,
    authorityOf: s.authorityOf,
    collective: s.collective,
    isDefault: s.isDefault,
  };
}

/**
 * A unit with its document identity, its children, and (only when the reader may see the unit's
 * own data) its active signers and recipient lists.
 */
export interface UnitDetailRecord {
  unit: UnitSummaryRow;
  identity: DocumentIdentity;
  signers: SignerRow[];
  recipients: { kinhGui: string[]; noiNhan: string[] };
  children: UnitSummaryRow[];
  /** The units it was formed from, and (a former unit) the units it became part of. */
  formers: LineageLink[];
  successors: SuccessorRecord[];
}

export async function loadUnitDetail(
  q: Queryable,
  id: number,
  access: { canRead: boolean },
): Promise<UnitDetailRecord> {
  const rows = await q
    .select({
      ...summaryColumns,
      ...identityColumns,
    })
    .from(units)
    .leftJoin(province, and(eq(province.code, units.provinceCode), eq(province.kind, 'province')))
    .where(eq(units.id, id))
    .limit(1);
  const u = rows[0];
  if (!u) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const signerRows = !access.canRead
    ? []
    : await q
        .select()
        .from(signers)
        .where(and(eq(signers.unitId, id), eq(signers.active, true)))
        .orderBy(asc(signers.id));
  const recipientRows = !access.canRead
    ? []
    : await q
        .select()
        .from(recipients)
        .where(eq(recipients.unitId, id))
        .orderBy(asc(recipients.kind), asc(recipients.position));
  const children =
    u.kind === 'country'
      ? []
      : await q
          .select(summaryColumns)
          .from(units)
          .leftJoin(province, and(eq(province.code, units.provinceCode), eq(province.kind, 'province')))
          // Former units (before the 2025 reform) show on their successors' pages, not here.
          .where(and(eq(units.parentId, id), eq(units.active, true)))
          .orderBy(sql`CASE ${units.kind} WHEN 'body' THEN 0 ELSE 1 END`, asc(units.code));
  const { parentHeader, issuerHeader, placeName, symbol, archiveCode, ...summary } = u;
  return {
    unit: summary,
    identity: { parentHeader, issuerHeader, placeName, symbol, archiveCode },
    signers: signerRows,
    recipients: recipientLists(recipientRows),
    children,
    formers: u.kind === 'commune' ? await loadFormers(q, id) : [],
    successors: u.kind === 'commune' ? await loadSuccessors(q, id) : [],
  };
}

async function identityOf(
  q: Queryable,
  id: number,
): Promise<DocumentIdentity & { name: string; kind: UnitKind }> {
  const rows = await q
    .select({
      name: units.name,
      kind: units.kind,
      ...identityColumns,
    })
    .from(units)
    .where(eq(units.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return row;
}

export async function updateIdentity(
  q: Queryable,
  actor: AuditActor,
  id: number,
  identity: DocumentIdentity,
) {
  const before = await identityOf(q, id);
  await q
    .update(units)
    .set({ ...identity, updatedAt: new Date() })
    .where(eq(units.id, id));
  await writeAudit(q, actor, {
    action: 'unit.identity.update',
    entity: 'unit',
    entityId: id,
    unitId: id,
    before,
    after: identity,
  });
}

/** Adds a province-level body (Sở Ngoại vụ, Văn phòng UBND tỉnh, a department) under a province. */
export async function createBodyUnit(
  q: Queryable,
  actor: AuditActor,
  input: DocumentIdentity & { provinceId: number; name: string },
): Promise<number> {
  const parent = await loadUnitRef(q, input.provinceId);
  if (parent.kind !== 'province' || !parent.provinceCode) {
    throw new AppError('VALIDATION', undefined, [
      { path: 'provinceId', message: 'Cơ quan cấp tỉnh phải thuộc một tỉnh, thành phố.' },
    ]);
  }
  const code = bodyCode(parent.provinceCode, input.symbol);
  const existing = await q.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
  if (existing.length > 0) {
    throw new AppError('CONFLICT', `Tỉnh này đã có cơ quan với chữ viết tắt "${input.symbol}".`, [
      { path: 'symbol', message: 'Chữ viết tắt này đã được một cơ quan của tỉnh dùng.' },
    ]);
  }
  const { provinceId, name, ...identity } = input;
  const [row] = await q
    .insert(units)
    .values({
      code,
      kind: 'body',
      name,
      parentId: provinceId,
      provinceCode: parent.provinceCode,
      path: [...parent.path],
      searchKey: `${foldForSearch(name)} ${code.toLowerCase()}`,
      ...identity,
    })
    .returning({ id: units.id });
  if (!row) throw new Error('insert returned no row');
  await q
    .update(units)
    .set({ path: [...parent.path, row.id] })
    .where(eq(units.id, row.id));
  await writeAudit(q, actor, {
    action: 'unit.create',
    entity: 'unit',
    entityId: row.id,
    unitId: row.id,
    after: { code, ...input },
  });
  return row.id;
}

export interface SignerInput {
  fullName: string;
  title: string;
  authority: Authority;
  authorityOf: string | null;
  collective: string | null;
  isDefault: boolean;
}

async function clearDefault(q: Queryable, unitId: number, except: number | null) {
  await q
    .update(signers)
    .set({ isDefault: false })
    .where(and(eq(signers.unitId, unitId), except === null ? undefined : sql`${signers.id} <> ${except}`));
}

export async function addSigner(
  q: Queryable,
  actor: AuditActor,
  unitId: number,
  input: SignerInput,
): Promise<SignerRow> {
  await loadUnitRef(q, unitId);
  if (input.isDefault) await clearDefault(q, unitId, null);
  const [row] = await q
    .insert(signers)
    .values({ unitId, ...input })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await writeAudit(q, actor, {
    action: 'signer.create',
    entity: 'signer',
    entityId: row.id,
    unitId: unitId,
    after: { unitId, ...input },
  });
  return row;
}

async function signerOf(q: Queryable, unitId: number, signerId: number): Promise<SignerRow> {
  const rows = await q
    .select()
    .from(signers)
    .where(and(eq(signers.id, signerId), eq(signers.unitId, unitId), eq(signers.active, true)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy người ký của đơn vị này.');
  return row;
}

export async function updateSigner(
  q: Queryable,
  actor: AuditActor,
  unitId: number,
  signerId: number,
  input: SignerInput,
): Promise<SignerRow> {
  const before = await signerOf(q, unitId, signerId);
  if (input.isDefault) await clearDefault(q, unitId, signerId);
  const [row] = await q
    .update(signers)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(signers.id, signerId))
    .returning();
  if (!row) throw new Error('update returned no row');
  await writeAudit(q, actor, {
    action: 'signer.update',
    entity: 'signer',
    entityId: signerId,
    unitId: unitId,
    before: signerFieldsOf(before),
    after: input,
  });
  return row;
}

/** Signers are retired, not deleted: issued documents keep naming them. */
export async function retireSigner(
  q: Queryable,
  actor: AuditActor,
  unitId: number,
  signerId: number,
): Promise<void> {
  const before = await signerOf(q, unitId, signerId);
  await q
    .update(signers)
    .set({ active: false, isDefault: false, updatedAt: new Date() })
    .where(eq(signers.id, signerId));
  await writeAudit(q, actor, {
    action: 'signer.retire',
    entity: 'signer',
    entityId: signerId,
    unitId: unitId,
    before: signerFieldsOf(before),
    after: null,
  });
}

export async function setRecipients(
  q: Queryable,
  actor: AuditActor,
  unitId: number,
  input: Record<keyof RecipientsBody, string[]>,
): Promise<void> {
  await loadUnitRef(q, unitId);
  const before = await q.select().from(recipients).where(eq(recipients.unitId, unitId));
  await q.delete(recipients).where(eq(recipients.unitId, unitId));
  const rows = [
    ...input.kinhGui.map((text, position) => ({ unitId, kind: 'kinh_gui' as const, position, text })),
    ...input.noiNhan.map((text, position) => ({ unitId, kind: 'noi_nhan' as const, position, text })),
  ];
  if (rows.length) await q.insert(recipients).values(rows);
  await writeAudit(q, actor, {
    action: 'unit.recipients.update',
    entity: 'unit',
    entityId: unitId,
    unitId: unitId,
    before: recipientLists(before),
    after: input,
  });
}

let catalogueCache: {
  at: number;
  db: Queryable;
  rows: readonly { code: string; name: string; provinceCode: string | null }[];
} | null = null;

/**
 * Codes and names of every province and commune, for the check "another unit's name in the text".
 * Kept for ten minutes per database: the same list each time, so the name index built on it
 * (src/domain/drafting/mentions.ts) is built once.
 */
export async function unitNameCatalogue(
  q: Queryable,
): Promise<readonly { code: string; name: string; provinceCode: string | null }[]> {
  if (catalogueCache && catalogueCache.db === q && Date.now() - catalogueCache.at < 10 * 60_000) {
    return catalogueCache.rows;
  }
  const rows = await q
    .select({ code: units.code, name: units.name, provinceCode: units.provinceCode })
    .from(units)
    .where(inArray(units.kind, ['province', 'commune']));
  catalogueCache = { at: Date.now(), db: q, rows };
  return rows;
}
