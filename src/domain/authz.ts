/**
 * Who may do what, on which unit: the whole authorisation policy in one table.
 * Every route calls `can` (or `assertCan` in the server) before it reads or changes unit data.
 */
import type { UnitKind } from './units.js';

export const ROLES = [
  'commune_officer',
  'commune_leader',
  'province_officer',
  'province_leader',
  'national_officer',
  'national_leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  commune_officer: 'Cán bộ xã',
  commune_leader: 'Lãnh đạo UBND xã',
  province_officer: 'Cán bộ cấp tỉnh',
  province_leader: 'Lãnh đạo cấp tỉnh',
  national_officer: 'Cán bộ Bộ Ngoại giao',
  national_leader: 'Lãnh đạo Bộ Ngoại giao',
  admin: 'Quản trị hệ thống',
};

export const ACTIONS = [
  /** The public catalogue of units (names and codes): every signed-in user. */
  'unit.list',
  /** A unit's document identity, signers and recipients. */
  'unit.read',
  'unit.manage',
  /** Adding a province-level body (Sở Ngoại vụ, a department) under a province. */
  'unit.create',
  'user.read',
  'user.manage',
  'report.read',
  'report.edit',
  'report.submit',
  'report.approve',
  /** The receiving unit's steps on a report sent to it: receive, accept, return with a reason. */
  'report.receive',
  'round.manage',
  /**
   * Making outlines (đề cương) from a built-in one, another one or the province's text, and saving
   * new versions; built-in outlines are never changed in place. The units that receive reports
   * (province roles) make the outlines of their rounds, as administrators can.
   */
  'outline.manage',
  'audit.read',
  /**
   * The logbook (sổ theo dõi): a unit's own people read and edit its records; province roles read
   * their province's units' records, national roles the provinces', both without personal fields.
   */
  'logbook.read',
  'logbook.edit',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a role held at a unit reaches:
 * - `unit`: that unit only (a commune's officers never see another commune's data);
 * - `province`: the whole province the unit belongs to (communes and province-level bodies);
 * - `subtree`: the unit and everything below it (an administrator of "VN" reaches the country);
 * - `children`: the unit and the units directly below it (the ministry and the 34 provinces).
 */
export type Reach = 'unit' | 'province' | 'subtree' | 'children';

interface RolePolicy {
  reach: Reach;
  /** Actions that reach less far than `reach` (the ministry reads the whole country, receives from the provinces). */
  narrower?: Partial<Record<Action, Reach>>;
  /** The unit kinds at which this role may be held. */
  heldAt: readonly UnitKind[];
  actions: readonly Action[];
}

export const POLICY: Record<Role, RolePolicy> = {
  commune_officer: {
    reach: 'unit',
    heldAt: ['commune', 'body'],
    actions: [
      'unit.list',
      'unit.read',
      'report.read',
      'report.edit',
      'report.submit',
      'logbook.read',
      'logbook.edit',
    ],
  },
  commune_leader: {
    reach: 'unit',
    heldAt: ['commune', 'body'],
    actions: [
      'unit.list',
      'unit.read',
      'report.read',
      'report.edit',
      'report.submit',
      'report.approve',
      'logbook.read',
      'logbook.edit',
    ],
  },
  province_officer: {
    reach: 'province',
    heldAt: ['province', 'body'],
    actions: [
      'unit.list',
      'unit.read',
      'report.read',
      'report.edit',
      'report.submit',
      'report.receive',
      'round.manage',
      'outline.manage',
      'logbook.read',
      'logbook.edit',
    ],
  },
  province_leader: {
    reach: 'province',
    heldAt: ['province', 'body'],
    actions: [
      'unit.list',
      'unit.read',
      'report.read',
      'report.edit',
      'report.submit',
      'report.approve',
      'report.receive',
      'round.manage',
      'outline.manage',
      'logbook.read',
      'logbook.edit',
    ],
  },
  /**
   * The ministry (Bộ Ngoại giao, held at the country unit): it opens rounds to the provinces and
   * consolidates their reports (its own unit), receives the provinces' reports (the units directly
   * below it), and reads every report down to the communes' (the trace of each figure). It never
   * manages a province's rounds nor receives a commune's report in the province's place.
   */
  national_officer: {
    reach: 'subtree',
    heldAt: ['country'],
    narrower: {
      'report.receive': 'children',
      'round.manage': 'unit',
      'outline.manage': 'unit',
      'logbook.read': 'children',
    },
    actions: [
      'unit.list',
      'unit.read',
      'report.read',
      'report.edit',
      'report.submit',
      'report.receive',
      'round.manage',
      'outline.manage',
      'logbook.read',
      'logbook.edit',
    ],
  },
  national_leader: {
    reach: 'subtree',
    heldAt: ['country'],
    narrower: {
      'report.receive': 'children',
      'round.manage': 'unit',
      'outline.manage': 'unit',
      'logbook.read': 'children',
    },
    actions: [
      'unit.list',
      'unit.read',
      'report.read',
      'report.edit',
      'report.submit',
      'report.approve',
      'report.receive',
      'round.manage',
      'outline.manage',
      'logbook.read',
      'logbook.edit',
    ],
  },
  admin: {
    reach: 'subtree',
    heldAt: ['country', 'province', 'body'],
    actions: [
      'unit.list',
      'unit.read',
      'unit.manage',
      'unit.create',
      'user.read',
      'user.manage',
      'report.read',
      'outline.manage',
      'audit.read',
    ],
  },
};

/** What the policy needs to know about a unit. */
export interface UnitRef {
  id: number;
  kind: UnitKind;
  /** Null only for the country. */
  provinceCode: string | null;
  /** Ancestor ids from the root down, the unit itself last: [1, 35, 900]. */
  path: readonly number[];
}

export interface RoleGrant {
  role: Role;
  unit: UnitRef;
}

export interface Actor {
  userId: number;
  grants: readonly RoleGrant[];
}

/**
 * Report-making roles act on their own unit; province roles also act on report data of the units
 * of their province, but only to read it and, for their own unit, to edit it. Editing another
 * unit's report is never allowed: the province returns a report, it does not rewrite it.
 */
const OWN_UNIT_ONLY: ReadonlySet<Action> = new Set([
  'report.edit',
  'report.submit',
  'report.approve',
  'logbook.edit',
]);

function reaches(grant: RoleGrant, target: UnitRef, action: Action): boolean {
  const policy = POLICY[grant.role];
  if (grant.unit.id === target.id) return true;
  if (OWN_UNIT_ONLY.has(action)) return false;
  switch (policy.narrower?.[action] ?? policy.reach) {
    case 'unit':
      return false;
    case 'children':
      return target.path.length >= 2 && target.path[target.path.length - 2] === grant.unit.id;
    case 'province':
      return grant.unit.provinceCode !== null && grant.unit.provinceCode === target.provinceCode;
    case 'subtree':
      return target.path.includes(grant.unit.id);
  }
}

/** May this actor take this action on this unit? */
export function can(actor: Actor, action: Action, target: UnitRef): boolean {
  if (action === 'unit.list') return actor.grants.length > 0;
  return actor.grants.some(
    (grant) => POLICY[grant.role].actions.includes(action) && reaches(grant, target, action),
  );
}

/**
 * The units on which the actor may take an own-unit action (edit, submit, approve): the units of
 * the grants whose role allows it. Lets a save authorise inside its one statement
 * (`unit_id = ANY(…)`) instead of reading the report first; `can` gives the same answer per unit.
 */
export function ownUnitsFor(actor: Actor, action: Action): number[] {
  if (!OWN_UNIT_ONLY.has(action)) throw new Error(`${action} reaches beyond the own unit`);
  return [
    ...new Set(actor.grants.filter((g) => POLICY[g.role].actions.includes(action)).map((g) => g.unit.id)),
  ];
}

/** May this actor take this action on at least one unit (used to show or hide a menu entry)? */
export function canAnywhere(actor: Actor, action: Action): boolean {
  return actor.grants.some((grant) => POLICY[grant.role].actions.includes(action));
}

/** Is this role allowed to be held at a unit of this kind? */
export function roleFitsUnit(role: Role, kind: UnitKind): boolean {
  return POLICY[role].heldAt.includes(kind);
}

/**
 * May this actor grant `role` at `target`? An administrator grants any role inside the part of the
 * tree he administers; nobody else grants roles.
 */
export function canGrant(actor: Actor, role: Role, target: UnitRef): boolean {
  if (!roleFitsUnit(role, target.kind)) return false;
  return can(actor, 'user.manage', target);
}

/**
 * The units whose subtrees an administrator reaches (for lists of users and of audit rows);
 * null when he administers the whole country, [] when he administers nothing.
 */
export function adminScope(actor: Actor): number[] | null {
  const grants = actor.grants.filter((g) => g.role === 'admin');
  if (grants.some((g) => g.unit.kind === 'country')) return null;
  return grants.map((g) => g.unit.id);
}
