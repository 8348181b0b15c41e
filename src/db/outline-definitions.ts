/**
 * Outline definitions (the whole đề cương tree, ~20 KB of JSON) kept in memory once read: a version
 * of an outline never changes (a change is a new version with a new row), so opening a report reads
 * the outline's small identity with the report and takes the tree from here. The key carries the
 * row's code, version and creation time as well as its id, so that another database (a restored
 * backup, a test database) never gets a tree that is not its own. The cached trees are frozen: the
 * per-indicator and per-outline caches of the drafting and the checks (WeakMaps keyed by these
 * objects) then serve every request.
 */
import { eq } from 'drizzle-orm';
import type { Outline } from '../domain/outline.js';
import type { Queryable } from './client.js';
import type { OutlineRow } from './outlines.js';
import { outlines } from './schema.js';

/** The outline row without its tree. */
export type OutlineMeta = Omit<OutlineRow, 'definition'>;

/** Columns of an outline row except its tree, for queries that take the tree from the cache. */
export const outlineMetaColumns = {
  id: outlines.id,
  code: outlines.code,
  version: outlines.version,
  name: outlines.name,
  documentKind: outlines.documentKind,
  builtIn: outlines.builtIn,
  ownerUnitId: outlines.ownerUnitId,
  current: outlines.current,
  createdBy: outlines.createdBy,
  createdAt: outlines.createdAt,
};

/** A few hundred versions at most in a deployment; beyond that the oldest read goes first. */
const MAX_ENTRIES = 500;
const cache = new Map<string, Outline>();

const keyOf = (meta: OutlineMeta) => `${meta.id}:${meta.code}:${meta.version}:${meta.createdAt.getTime()}`;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The full outline row: its tree from memory, or read once. */
export async function withDefinition(q: Queryable, meta: OutlineMeta): Promise<OutlineRow> {
  const key = keyOf(meta);
  let definition = cache.get(key);
  if (definition) {
    // Most recently used last: the first entry is the one to drop.
    cache.delete(key);
    cache.set(key, definition);
  } else {
    const [row] = await q
      .select({ definition: outlines.definition })
      .from(outlines)
      .where(eq(outlines.id, meta.id));
    if (!row) throw new Error(`outline ${meta.id} vanished`);
    definition = deepFreeze(row.definition);
    cache.set(key, definition);
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  return { ...meta, definition };
}
