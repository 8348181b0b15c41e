/** Users as the API gives them: whitelisted through api.ts `userOut`. */
import type { UserRecord } from '../../db/users.js';
import type { UserOut } from '../../domain/api.js';

export function presentUser(user: UserRecord): UserOut {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    active: user.active,
    grants: user.grants.map(({ role, unit }) => ({
      role,
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    })),
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}
