/**
 * Outlines (đề cương): one row per version. Built-in outlines are seeded from src/domain/outlines
 * and never edited in place; a clone belongs to an administrator's unit, and every save of a clone
 * inserts a new version (the previous row stays, for the reports made with it).
 */
import { and, count, desc, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';
import { AppError } from '../domain/errors.js';
import type { Outline } from '../domain/outline.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { outlines, reports } from './schema.js';

export type OutlineRow = typeof outlines.$inferSelect;

/** Inserts the built-in outline versions that are not stored yet; returns how many were added. */
export async function seedBuiltInOutlines(
  q: Queryable,
  actor: AuditActor,
  builtIns: readonly Outline[],
): Promise<number> {
  const added: string[] = [];
  for (const outline of builtIns) {
    const inserted = await q
      .insert(outlines)
      .values({
        code: outline.code,
        version: outline.version,
        name: outline.name,
        documentKind: outline.documentKind,
        definition: outline,
        builtIn: true,
        ownerUnitId: null,
      })
      .onConflictDoNothing({ target: [outlines.code, outlines.version] })
      .returning({ id: outlines.id });
    if (inserted[0]) added.push(`${outline.code}@${outline.version}`);
  }
  if (added.length) {
    // One row for the whole seed, as for the unit catalogue.
    await writeAudit(q, actor, {
      action: 'outline.seed',
      entity: 'outlines',
      entityId: 'built-in',
      after: { added },
    });
  }
  // Only the newest version of each built-in code is current.
  await q.execute(sql`UPDATE outlines o SET current = (o.version = (
      SELECT max(version) FROM outlines x WHERE x.code = o.code))
    WHERE o.built_in`);
  return added.length;
}

export async function getOutlineRow(q: Queryable, id: number): Promise<OutlineRow> {
  const [row] = await q.select().from(outlines).where(eq(outlines.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đề cương.');
  return row;
}

/** The current version of an outline code, if any. */
export async function findCurrentOutline(q: Queryable, code: string): Promise<OutlineRow | undefined> {
  const [row] = await q
    .select()
    .from(outlines)
    .where(and(eq(outlines.code, code), eq(outlines.current, true)))
    .orderBy(desc(outlines.version))
    .limit(1);
  return row;
}

/** An outline by code and version (the latest version when `version` is absent). */
export async function findOutlineVersion(
  q: Queryable,
  code: string,
  version?: number,
): Promise<OutlineRow | undefined> {
  const [row] = await q
    .select()
    .from(outlines)
    .where(
      version === undefined
        ? eq(outlines.code, code)
        : and(eq(outlines.code, code), eq(outlines.version, version)),
    )
    .orderBy(desc(outlines.version))
    .limit(1);
  return row;
}

/**
 * Built-in outlines and those owned by the given units (null: every owner). Current versions only
 * unless `all`.
 */
export async function listOutlineRows(
  q: Queryable,
  options: { all: boolean; documentKind?: 'report' | 'plan' | undefined; ownerUnitIds: number[] | null },
): Promise<OutlineRow[]> {
  const owned =
    options.ownerUnitIds === null
      ? undefined
      : options.ownerUnitIds.length
        ? or(isNull(outlines.ownerUnitId), inArray(outlines.ownerUnitId, options.ownerUnitIds))
        : isNull(outlines.ownerUnitId);
  return q
    .select()
    .from(outlines)
    .where(
      and(
        owned,
        options.all ? undefined : eq(outlines.current, true),
        options.documentKind ? eq(outlines.documentKind, options.documentKind) : undefined,
      ),
    )
    .orderBy(desc(outlines.builtIn), outlines.code, desc(outlines.version));
}

export async function outlineVersions(q: Queryable, code: string) {
  return q
    .select({
      id: outlines.id,
      version: outlines.version,
      current: outlines.current,
      createdAt: outlines.createdAt,
    })
    .from(outlines)
    .where(eq(outlines.code, code))
    .orderBy(desc(outlines.version));
}

export async function reportCountOf(q: Queryable, outlineId: number): Promise<number> {
  const [row] = await q.select({ n: count() }).from(reports).where(eq(reports.outlineId, outlineId));
  return row?.n ?? 0;
}

/** A copy of `source` under a new code, version 1, owned by `ownerUnitId`. */
export async function cloneOutline(
  q: Queryable,
  actor: AuditActor,
  input: { source: OutlineRow; code: string; name: string; ownerUnitId: number },
): Promise<number> {
  const definition: Outline = { ...input.source.definition, code: input.code, name: input.name, version: 1 };
  return insertFirstVersion(q, actor, definition, input.ownerUnitId, {
    action: 'outline.clone',
    before: { id: input.source.id, code: input.source.code, version: input.source.version },
    after: { code: input.code, version: 1, name: input.name },
  });
}

/**
 * Version 1 of a new outline code owned by a unit, with its audit row: refused when the code is
 * taken. The one insert behind cloning and creating from a đề cương.
 */
async function insertFirstVersion(
  q: Queryable,
  actor: AuditActor,
  definition: Outline,
  ownerUnitId: number,
  audit: { action: string; before?: Record<string, unknown>; after: Record<string, unknown> },
): Promise<number> {
  const taken = await q
    .select({ id: outlines.id })
    .from(outlines)
    .where(eq(outlines.code, definition.code))
    .limit(1);
  if (taken.length) {
    throw new AppError('CONFLICT', `Mã đề cương "${definition.code}" đã được dùng.`, [
      { path: 'code', message: 'Mã này đã có đề cương khác dùng; hãy chọn mã khác.' },
    ]);
  }
  const [row] = await q
    .insert(outlines)
    .values({
      code: definition.code,
      version: 1,
      name: definition.name,
      documentKind: definition.documentKind,
      definition,
      builtIn: false,
      ownerUnitId,
      createdBy: actor.userId,
    })
    .returning({ id: outlines.id });
  if (!row) throw new Error('insert returned no row');
  await writeAudit(q, actor, { ...audit, entity: 'outline', entityId: row.id, unitId: ownerUnitId });
  return row.id;
}

/** Section and indicator keys of a definition, for a small audit summary of what changed. */
function keysOf(outline: Outline): Set<string> {
  const keys = new Set<string>();
  const visit = (nodes: readonly { kind: string; key?: string; code?: string; children?: unknown }[]) => {
    for (const n of nodes) {
      keys.add(n.kind === 'indicator' ? `indicator:${n.code}` : `${n.kind}:${n.key}`);
      if (Array.isArray(n.children)) visit(n.children);
    }
  };
  visit(outline.sections);
  return keys;
}

/**
 * Saves an edited definition as a new version of the outline `current` (which must be the current
 * version, `baseVersion`, of a clone). The old row is marked not current and kept.
 */
export async function saveOutlineVersion(
  q: Queryable,
  actor: AuditActor,
  input: { current: OutlineRow; baseVersion: number; definition: Outline },
): Promise<number> {
  const { current } = input;
  if (current.builtIn) throw new AppError('OUTLINE_BUILT_IN');
  if (!current.current || current.version !== input.baseVersion) throw new AppError('OUTLINE_CONFLICT');
  // The conditional update is the lock: of two saves from the same version, one finds it current.
  const retired = await q
    .update(outlines)
    .set({ current: false })
    .where(and(eq(outlines.id, current.id), eq(outlines.current, true)))
    .returning({ id: outlines.id });
  if (!retired.length) throw new AppError('OUTLINE_CONFLICT');
  const [top] = await q
    .select({ v: max(outlines.version) })
    .from(outlines)
    .where(eq(outlines.code, current.code));
  const version = (top?.v ?? current.version) + 1;
  const definition: Outline = { ...input.definition, code: current.code, version };
  const [row] = await q
    .insert(outlines)
    .values({
      code: current.code,
      version,
      name: definition.name,
      documentKind: definition.documentKind,
      definition,
      builtIn: false,
      ownerUnitId: current.ownerUnitId,
      createdBy: actor.userId,
    })
    .returning({ id: outlines.id });
  if (!row) throw new Error('insert returned no row');
  const before = keysOf(current.definition);
  const after = keysOf(definition);
  await writeAudit(q, actor, {
    action: 'outline.update',
    entity: 'outline',
    entityId: row.id,
    unitId: current.ownerUnitId,
    before: { id: current.id, version: current.version, name: current.name },
    after: {
      version,
      name: definition.name,
      added: [...after].filter((k) => !before.has(k)),
      removed: [...before].filter((k) => !after.has(k)),
    },
  });
  return row.id;
}

/**
 * A new outline (version 1) from a definition made elsewhere: a province's đề cương parsed from
 * its text, with the indicators the officer confirmed. Owned by `ownerUnitId`; audited.
 */
export async function createOutline(
  q: Queryable,
  actor: AuditActor,
  input: { definition: Outline; ownerUnitId: number; source: string },
): Promise<number> {
  const stored: Outline = { ...input.definition, version: 1 };
  const keys = [...keysOf(stored)];
  return insertFirstVersion(q, actor, stored, input.ownerUnitId, {
    action: 'outline.create',
    after: {
      code: stored.code,
      version: 1,
      name: stored.name,
      source: input.source,
      numbering: stored.numbering ?? null,
      sections: keys.filter((k) => k.startsWith('section:')).length,
      indicators: keys.filter((k) => k.startsWith('indicator:')).map((k) => k.slice(10)),
    },
  });
}
