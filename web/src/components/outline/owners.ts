import type { GrantOut } from '@domain/api';
import { POLICY } from '@domain/authz';

/** The units whose outlines this user may make (administrators and the receiving province roles). */
export function outlineOwnerUnits(grants: readonly GrantOut[]): { value: string; label: string }[] {
  const seen = new Set<number>();
  return grants
    .filter((g) => POLICY[g.role].actions.includes('outline.manage'))
    .filter((g) => !seen.has(g.unit.id) && Boolean(seen.add(g.unit.id)))
    .map((g) => ({ value: String(g.unit.id), label: g.unit.name }));
}
