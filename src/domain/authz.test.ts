import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  canAnywhere,
  canGrant,
  type Role,
  roleFitsUnit,
  type UnitRef,
} from './authz.js';

// A small tree: the country, province 42 with communes A and B and its Sở Ngoại vụ, province 01 with commune X.
const country: UnitRef = { id: 1, kind: 'country', provinceCode: null, path: [1] };
const p42: UnitRef = { id: 2, kind: 'province', provinceCode: '42', path: [1, 2] };
const communeA: UnitRef = { id: 3, kind: 'commune', provinceCode: '42', path: [1, 2, 3] };
const communeB: UnitRef = { id: 4, kind: 'commune', provinceCode: '42', path: [1, 2, 4] };
const body42: UnitRef = { id: 5, kind: 'body', provinceCode: '42', path: [1, 2, 5] };
const p01: UnitRef = { id: 6, kind: 'province', provinceCode: '01', path: [1, 6] };
const communeX: UnitRef = { id: 7, kind: 'commune', provinceCode: '01', path: [1, 6, 7] };

const targets = { A: communeA, B: communeB, P: p42, S: body42, X: communeX, N: country } as const;
type Target = keyof typeof targets;

/** Where each role is held in the matrix below. */
const heldAt: Record<Role, UnitRef> = {
  commune_officer: communeA,
  commune_leader: communeA,
  province_officer: body42,
  province_leader: body42,
  national_officer: country,
  national_leader: country,
  admin: p42,
};

/**
 * The matrix: for each role and action, the targets it is allowed on (A: its own commune or,
 * for province roles, a commune of its province; B: another commune of the same province;
 * P: the province; S: the Sở Ngoại vụ; X: a commune of another province; N: the country, where
 * the ministry's roles are held). Everything not listed is refused.
 */
const MATRIX: Record<Role, Partial<Record<Action, Target[]>>> = {
  commune_officer: {
    'unit.read': ['A'],
    'report.read': ['A'],
    'report.edit': ['A'],
    'report.submit': ['A'],
    'logbook.read': ['A'],
    'logbook.edit': ['A'],
  },
  commune_leader: {
    'unit.read': ['A'],
    'report.read': ['A'],
    'report.edit': ['A'],
    'report.submit': ['A'],
    'report.approve': ['A'],
    'logbook.read': ['A'],
    'logbook.edit': ['A'],
  },
  province_officer: {
    'unit.read': ['A', 'B', 'P', 'S'],
    'report.read': ['A', 'B', 'P', 'S'],
    'report.edit': ['S'],
    'report.submit': ['S'],
    'report.receive': ['A', 'B', 'P', 'S'],
    'round.manage': ['A', 'B', 'P', 'S'],
    'outline.manage': ['A', 'B', 'P', 'S'],
    'logbook.read': ['A', 'B', 'P', 'S'],
    'logbook.edit': ['S'],
  },
  province_leader: {
    'unit.read': ['A', 'B', 'P', 'S'],
    'report.read': ['A', 'B', 'P', 'S'],
    'report.edit': ['S'],
    'report.submit': ['S'],
    'report.approve': ['S'],
    'report.receive': ['A', 'B', 'P', 'S'],
    'round.manage': ['A', 'B', 'P', 'S'],
    'outline.manage': ['A', 'B', 'P', 'S'],
    'logbook.read': ['A', 'B', 'P', 'S'],
    'logbook.edit': ['S'],
  },
  // The ministry reads everything down to the communes, receives only from the provinces, and
  // manages only its own rounds: never a province's round nor a commune's report in its place.
  national_officer: {
    'unit.read': ['A', 'B', 'P', 'S', 'X', 'N'],
    'report.read': ['A', 'B', 'P', 'S', 'X', 'N'],
    'report.edit': ['N'],
    'report.submit': ['N'],
    'report.receive': ['P', 'N'],
    'round.manage': ['N'],
    'outline.manage': ['N'],
    'logbook.read': ['P', 'N'],
    'logbook.edit': ['N'],
  },
  national_leader: {
    'unit.read': ['A', 'B', 'P', 'S', 'X', 'N'],
    'report.read': ['A', 'B', 'P', 'S', 'X', 'N'],
    'report.edit': ['N'],
    'report.submit': ['N'],
    'report.approve': ['N'],
    'report.receive': ['P', 'N'],
    'round.manage': ['N'],
    'outline.manage': ['N'],
    'logbook.read': ['P', 'N'],
    'logbook.edit': ['N'],
  },
  admin: {
    'unit.read': ['A', 'B', 'P', 'S'],
    'unit.manage': ['A', 'B', 'P', 'S'],
    'unit.create': ['A', 'B', 'P', 'S'],
    'user.read': ['A', 'B', 'P', 'S'],
    'user.manage': ['A', 'B', 'P', 'S'],
    'report.read': ['A', 'B', 'P', 'S'],
    'outline.manage': ['A', 'B', 'P', 'S'],
    'audit.read': ['A', 'B', 'P', 'S'],
  },
};

describe('authorisation matrix', () => {
  for (const role of Object.keys(MATRIX) as Role[]) {
    const actor: Actor = { userId: 1, grants: [{ role, unit: heldAt[role] }] };
    for (const action of ACTIONS.filter((a) => a !== 'unit.list')) {
      const allowed = MATRIX[role][action] ?? [];
      it(`${role} ${action}: allowed on [${allowed.join(', ')}] only`, () => {
        for (const [name, target] of Object.entries(targets) as [Target, UnitRef][]) {
          expect(can(actor, action, target), `${role} ${action} on ${name}`).toBe(allowed.includes(name));
        }
      });
    }
  }

  it('never lets a commune role reach another commune, whatever the action', () => {
    for (const role of ['commune_officer', 'commune_leader'] as const) {
      const actor: Actor = { userId: 1, grants: [{ role, unit: communeA }] };
      for (const action of ACTIONS.filter((a) => a !== 'unit.list')) {
        expect(can(actor, action, communeB)).toBe(false);
        expect(can(actor, action, communeX)).toBe(false);
      }
    }
  });

  it('lets every signed-in user list the public catalogue, and nobody without a role', () => {
    expect(
      can({ userId: 1, grants: [{ role: 'commune_officer', unit: communeA }] }, 'unit.list', communeX),
    ).toBe(true);
    expect(can({ userId: 1, grants: [] }, 'unit.list', communeA)).toBe(false);
  });

  it('gives a national administrator the whole country', () => {
    const actor: Actor = { userId: 1, grants: [{ role: 'admin', unit: country }] };
    for (const target of Object.values(targets)) expect(can(actor, 'user.manage', target)).toBe(true);
    expect(can(actor, 'user.manage', p01)).toBe(true);
  });

  it('adds up several grants', () => {
    const actor: Actor = {
      userId: 1,
      grants: [
        { role: 'commune_officer', unit: communeA },
        { role: 'commune_officer', unit: communeX },
      ],
    };
    expect(can(actor, 'report.edit', communeX)).toBe(true);
    expect(can(actor, 'report.edit', communeB)).toBe(false);
    expect(canAnywhere(actor, 'user.manage')).toBe(false);
  });

  it('holds roles only at units of the right kind, and grants only inside reach', () => {
    expect(roleFitsUnit('commune_officer', 'commune')).toBe(true);
    expect(roleFitsUnit('commune_officer', 'province')).toBe(false);
    expect(roleFitsUnit('province_officer', 'commune')).toBe(false);
    const admin: Actor = { userId: 1, grants: [{ role: 'admin', unit: p42 }] };
    expect(canGrant(admin, 'commune_officer', communeB)).toBe(true);
    expect(canGrant(admin, 'commune_officer', communeX)).toBe(false);
    expect(canGrant(admin, 'province_officer', communeB)).toBe(false);
  });
});
