/** Who sees which outline, and the outline as the API gives it. */

import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { type OutlineRow, outlineVersions, reportCountOf } from '../../db/outlines.js';
import { units } from '../../db/schema.js';
import { loadUnitRefs } from '../../db/units.js';
import type { OutlineDetail, OutlineSummary } from '../../domain/api-reports.js';
import { type Actor, can, type UnitRef } from '../../domain/authz.js';
import { numberOutline } from '../../domain/outlines/index.js';

export type OwnerRef = UnitRef & { code: string; name: string; kind: UnitRef['kind'] };

/**
 * Built-in outlines are everyone's; a clone is seen in the province of the unit that owns it (its
 * communes report on it), everywhere when a national body owns it, and by whoever may manage it.
 */
export function outlineVisible(actor: Actor, owner: OwnerRef | null): boolean {
  if (!owner) return true;
  if (owner.provinceCode === null) return true;
  if (actor.grants.some((g) => g.unit.provinceCode === owner.provinceCode)) return true;
  return can(actor, 'outline.manage', owner);
}

export function outlineEditable(actor: Actor, row: OutlineRow, owner: OwnerRef | null): boolean {
  return !row.builtIn && row.current && owner !== null && can(actor, 'outline.manage', owner);
}

/** The owners of these outlines, with what the policy and the presenter need. */
export async function loadOwners(q: Queryable, rows: readonly OutlineRow[]): Promise<Map<number, OwnerRef>> {
  const ids = [...new Set(rows.map((r) => r.ownerUnitId).filter((id): id is number => id !== null))];
  const refs = await loadUnitRefs(q, ids);
  const names = ids.length
    ? await q.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))
    : [];
  const out = new Map<number, OwnerRef>();
  for (const n of names) {
    const ref = refs.get(n.id);
    if (ref) out.set(n.id, { ...ref, name: n.name });
  }
  return out;
}

export function ownerOf(row: OutlineRow, owners: Map<number, OwnerRef>): OwnerRef | null {
  return row.ownerUnitId === null ? null : (owners.get(row.ownerUnitId) ?? null);
}

export function presentSummary(actor: Actor, row: OutlineRow, owner: OwnerRef | null): OutlineSummary {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    documentKind: row.documentKind,
    builtIn: row.builtIn,
    current: row.current,
    ownerUnit: owner ? { id: owner.id, code: owner.code, name: owner.name, kind: owner.kind } : null,
    createdAt: row.createdAt.toISOString(),
    canEdit: outlineEditable(actor, row, owner),
  };
}

export async function presentDetail(
  q: Queryable,
  actor: Actor,
  row: OutlineRow,
  owner: OwnerRef | null,
): Promise<OutlineDetail> {
  const versions = await outlineVersions(q, row.code);
  return {
    ...presentSummary(actor, row, owner),
    definition: row.definition,
    numbered: numberOutline(row.definition).map((s) => ({
      key: s.key,
      number: s.number,
      level: s.level,
      title: s.title,
    })),
    reportCount: await reportCountOf(q, row.id),
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}
