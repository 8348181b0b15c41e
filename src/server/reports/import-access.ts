/**
 * Who may bring a unit's report files in: its own editors; and for a former unit (merged away in
 * the 2025 reform, with no people of its own) the editors of the unit it became part of, so that
 * the old reports a merged commune holds on paper or in files count for "cùng kỳ năm trước".
 */
import type { Queryable } from '../../db/client.js';
import { loadSuccessors } from '../../db/lineage.js';
import { loadUnitRefs } from '../../db/units.js';
import { type Actor, can, type UnitRef } from '../../domain/authz.js';

export async function mayImportReports(
  q: Queryable,
  actor: Actor,
  unit: UnitRef & { id: number },
): Promise<boolean> {
  if (can(actor, 'report.edit', unit)) return true;
  const successors = await loadSuccessors(q, unit.id);
  if (successors.length === 0) return false;
  const refs = await loadUnitRefs(
    q,
    successors.map((s) => s.id),
  );
  return [...refs.values()].some((ref) => can(actor, 'report.edit', ref));
}
