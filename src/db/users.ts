/** Users and their role grants: queries and audited changes. */
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { GrantIn } from '../domain/api.js';
import { type Actor, ROLE_LABELS, type Role, type RoleGrant, roleFitsUnit } from '../domain/authz.js';
import { AppError } from '../domain/errors.js';
import { UNIT_KIND_LABELS, type UnitKind } from '../domain/units.js';
import { type AuditActor, writeAudit } from './audit.js';
import type { Queryable } from './client.js';
import { units, userRoles, users } from './schema.js';
import { deleteUserSessions } from './sessions.js';
import { loadUnitRefs } from './units.js';

export async function findUserByUsername(q: Queryable, username: string) {
  const rows = await q.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}

/** The actor of the authorisation policy: every role the user holds, with its unit. */
export async function loadActor(q: Queryable, userId: number): Promise<Actor> {
  const rows = await q
    .select({
      role: userRoles.role,
      id: units.id,
      kind: units.kind,
      provinceCode: units.provinceCode,
      path: units.path,
      code: units.code,
    })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(units.code));
  const grants: RoleGrant[] = rows.map((r) => ({
    role: r.role,
    unit: { id: r.id, kind: r.kind, provinceCode: r.provinceCode, path: r.path },
  }));
  return { userId, grants };
}

/** A role a user holds, with the unit it is held at. */
export interface UserGrant {
  role: Role;
  unit: { id: number; code: string; name: string; kind: UnitKind };
}

type UserRow = typeof users.$inferSelect;

/** A user as stored (without the password hash) with the roles he holds, in unit code order. */
export type UserRecord = Omit<UserRow, 'passwordHash'> & { grants: UserGrant[] };

async function grantsOf(q: Queryable, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, UserGrant[]>();
  const rows = await q
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      unit: { id: units.id, code: units.code, name: units.name, kind: units.kind },
    })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(units.code), asc(userRoles.role));
  const map = new Map<number, UserGrant[]>();
  for (const r of rows) {
    const list = map.get(r.userId) ?? [];
    list.push({ role: r.role, unit: r.unit });
    map.set(r.userId, list);
  }
  return map;
}

function userRecord(u: UserRow, grants: UserGrant[]): UserRecord {
  const { passwordHash: _passwordHash, ...user } = u;
  return { ...user, grants };
}

export async function getUser(q: Queryable, id: number): Promise<UserRecord> {
  const rows = await q.select().from(users).where(eq(users.id, id)).limit(1);
  const u = rows[0];
  if (!u) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  return userRecord(u, (await grantsOf(q, [id])).get(id) ?? []);
}

/**
 * Users who hold a role at a unit inside `scopeUnitIds`' subtrees (an administrator's reach).
 * Null scope means the whole country.
 */
export async function listUsers(
  q: Queryable,
  filter: { q?: string | undefined; unitId?: number | undefined; limit: number; offset: number },
  scopeUnitIds: number[] | null,
): Promise<{ items: UserRecord[]; total: number }> {
  const conditions: SQL[] = [];
  if (scopeUnitIds) {
    if (scopeUnitIds.length === 0) return { items: [], total: 0 };
    conditions.push(sql`${users.id} IN (SELECT ur.user_id FROM user_roles ur JOIN units u ON u.id = ur.unit_id
      WHERE u.path && ARRAY[${sql.join(
        scopeUnitIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::int[])`);
  }
  if (filter.unitId) {
    conditions.push(sql`${users.id} IN (SELECT user_id FROM user_roles WHERE unit_id = ${filter.unitId})`);
  }
  const term = filter.q?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const cond = or(ilike(users.username, like), ilike(users.fullName, like));
    if (cond) conditions.push(cond);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [total] = await q.select({ n: count() }).from(users).where(where);
  const rows = await q
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(filter.limit)
    .offset(filter.offset);
  const grants = await grantsOf(
    q,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => userRecord(r, grants.get(r.id) ?? [])), total: total?.n ?? 0 };
}

/** Checks that each grant names an existing unit of a kind the role may be held at. */
async function validateGrants(q: Queryable, grants: GrantIn[]) {
  const refs = await loadUnitRefs(
    q,
    grants.map((g) => g.unitId),
  );
  grants.forEach((g, i) => {
    const unit = refs.get(g.unitId);
    if (!unit) {
      throw new AppError('VALIDATION', undefined, [
        { path: `grants.${i}.unitId`, message: 'Không tìm thấy đơn vị.' },
      ]);
    }
    if (!roleFitsUnit(g.role, unit.kind)) {
      throw new AppError('VALIDATION', undefined, [
        {
          path: `grants.${i}.role`,
          message: `Vai trò "${ROLE_LABELS[g.role]}" không giao được cho ${UNIT_KIND_LABELS[unit.kind].toLowerCase()}.`,
        },
      ]);
    }
  });
  return refs;
}

function dedupe(grants: GrantIn[]): GrantIn[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.role}@${g.unitId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function createUser(
  q: Queryable,
  actor: AuditActor,
  input: {
    username: string;
    fullName: string;
    email?: string | null | undefined;
    passwordHash: string;
    grants: GrantIn[];
  },
): Promise<UserRecord> {
  const grants = dedupe(input.grants);
  await validateGrants(q, grants);
  if (await findUserByUsername(q, input.username)) {
    throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã được dùng.`, [
      { path: 'username', message: 'Tên đăng nhập này đã được dùng.' },
    ]);
  }
  const [user] = await q
    .insert(users)
    .values({
      username: input.username,
      fullName: input.fullName,
      email: input.email ?? null,
      passwordHash: input.passwordHash,
    })
    .returning();
  if (!user) throw new Error('insert returned no row');
  await q.insert(userRoles).values(grants.map((g) => ({ userId: user.id, unitId: g.unitId, role: g.role })));
  const out = userRecord(user, []);
  const after = { username: user.username, fullName: user.fullName, email: user.email, active: true, grants };
  await writeAudit(q, actor, { action: 'user.create', entity: 'user', entityId: user.id, after });
  return { ...out, grants: (await grantsOf(q, [user.id])).get(user.id) ?? [] };
}

export async function updateUser(
  q: Queryable,
  actor: AuditActor,
  id: number,
  input: {
    fullName?: string | undefined;
    email?: string | null | undefined;
    active?: boolean | undefined;
    passwordHash?: string | undefined;
    grants?: GrantIn[] | undefined;
  },
): Promise<UserRecord> {
  const before = await getUser(q, id);
  const patch: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
  if (input.fullName !== undefined) patch.fullName = input.fullName;
  if (input.email !== undefined) patch.email = input.email;
  if (input.active !== undefined) patch.active = input.active;
  if (input.passwordHash !== undefined) patch.passwordHash = input.passwordHash;
  await q.update(users).set(patch).where(eq(users.id, id));
  if (input.grants) {
    const grants = dedupe(input.grants);
    await validateGrants(q, grants);
    await q.delete(userRoles).where(eq(userRoles.userId, id));
    await q.insert(userRoles).values(grants.map((g) => ({ userId: id, unitId: g.unitId, role: g.role })));
  }
  // A locked account or a new password ends every open session of that user.
  if (input.active === false || input.passwordHash !== undefined) await deleteUserSessions(q, id);
  const after = await getUser(q, id);
  await writeAudit(q, actor, {
    action: input.passwordHash !== undefined ? 'user.update.password' : 'user.update',
    entity: 'user',
    entityId: id,
    before: { fullName: before.fullName, email: before.email, active: before.active, grants: before.grants },
    after: {
      fullName: after.fullName,
      email: after.email,
      active: after.active,
      grants: after.grants,
      passwordChanged: input.passwordHash !== undefined,
    },
  });
  return after;
}

/** A user changes his own password: his other sessions end, the one he is using goes on. */
export async function changeOwnPassword(
  q: Queryable,
  actor: AuditActor,
  input: { userId: number; passwordHash: string; keepSession: string },
): Promise<void> {
  await q
    .update(users)
    .set({ passwordHash: input.passwordHash, updatedAt: new Date() })
    .where(eq(users.id, input.userId));
  await deleteUserSessions(q, input.userId, input.keepSession);
  await writeAudit(q, actor, {
    action: 'user.password.change',
    entity: 'user',
    entityId: input.userId,
    after: { passwordChanged: true },
  });
}

/** A user sets (or clears) his own e-mail address for reminders. */
export async function changeOwnEmail(
  q: Queryable,
  actor: AuditActor,
  input: { userId: number; email: string | null },
): Promise<{ email: string | null }> {
  const [before] = await q.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  if (before.email === input.email) return { email: input.email };
  await q.update(users).set({ email: input.email, updatedAt: new Date() }).where(eq(users.id, input.userId));
  await writeAudit(q, actor, {
    action: 'user.email.change',
    entity: 'user',
    entityId: input.userId,
    before: { email: before.email },
    after: { email: input.email },
  });
  return { email: input.email };
}

export async function getOwnEmail(q: Queryable, userId: number): Promise<{ email: string | null }> {
  const [row] = await q.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  return { email: row.email };
}

export async function markSignedIn(q: Queryable, userId: number): Promise<void> {
  await q.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

export type { Role };
