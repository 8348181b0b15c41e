/** Sessions stored in the database; the cookie holds a random token, the table its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, lt, ne, notLike, or, sql } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../domain/authz.js';
import type { Db, Queryable } from './client.js';
import { preparedFor } from './prepared.js';
import { sessions, signInThrottle, units, userRoles, users } from './schema.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  q: Queryable,
  input: { userId: number; ttlHours: number; ip: string; userAgent: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await q.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export interface SessionUser {
  sessionId: string;
  expiresAt: Date;
  user: { id: number; username: string; fullName: string };
}

/**
 * The live session of a token with its user's role grants (the actor of the policy), or null when
 * unknown, expired or its user is locked. One query: every API request runs this.
 */
function sessionActorQuery(q: Queryable) {
  return q
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: userRoles.role,
      unitId: units.id,
      kind: units.kind,
      provinceCode: units.provinceCode,
      path: units.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(units.code))
    .prepare('session_actor');
}
const sessionActorQueries = new WeakMap<Queryable, ReturnType<typeof sessionActorQuery>>();

export async function findSessionActor(
  q: Queryable,
  token: string,
): Promise<(SessionUser & { actor: Actor }) | null> {
  const rows = await preparedFor(sessionActorQueries, q, sessionActorQuery).execute({
    id: hashToken(token),
    now: new Date(),
  });
  const first = rows[0];
  if (!first) return null;
  const grants: RoleGrant[] = [];
  for (const r of rows) {
    if (r.role === null || r.unitId === null || r.kind === null || r.path === null) continue;
    grants.push({
      role: r.role,
      unit: { id: r.unitId, kind: r.kind, provinceCode: r.provinceCode, path: r.path },
    });
  }
  return {
    sessionId: first.sessionId,
    expiresAt: first.expiresAt,
    user: { id: first.id, username: first.username, fullName: first.fullName },
    actor: { userId: first.id, grants },
  };
}

export async function deleteSession(q: Queryable, sessionId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends the user's sessions, all of them or all but `keep` (the one changing its password). */
export async function deleteUserSessions(q: Queryable, userId: number, keep?: string): Promise<void> {
  await q
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep === undefined ? undefined : ne(sessions.id, keep)));
}

export async function pruneExpired(q: Queryable): Promise<void> {
  await q.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  // Failure counts are forgotten after a day, known addresses after 90 days without a sign-in.
  await q
    .delete(signInThrottle)
    .where(
      or(
        and(notLike(signInThrottle.key, 'known:%'), lt(signInThrottle.lastAt, daysAgo(1))),
        lt(signInThrottle.lastAt, daysAgo(KNOWN_ADDRESS_DAYS)),
      ),
    );
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * A limit on one key: the first `free` failures within `forgetMinutes` cost nothing; from then on
 * each failure makes the next attempt on that key wait 1, 2, 4, … seconds, at most `capSeconds`.
 */
export interface ThrottleRule {
  free: number;
  capSeconds: number;
}

/**
 * The limits. By user and address: a guesser from one address gets 5 tries, then waits up to
 * 5 minutes between tries. By account (from every address the user has not signed in from): 20
 * tries, then at most a minute between them, so a spread-out attack slows the account mildly and
 * never locks its owner out. By address (for accounts not known there): 50 tries, then up to
 * 5 minutes, against one address spraying many usernames.
 */
export const SIGN_IN_RULES = {
  pair: { free: 5, capSeconds: 300 },
  user: { free: 20, capSeconds: 60 },
  ip: { free: 50, capSeconds: 300 },
} as const satisfies Record<string, ThrottleRule>;

/** Failures older than this no longer count (the key starts again at one). */
export const FORGET_MINUTES = 15;
const KNOWN_ADDRESS_DAYS = 90;

const pairKey = (username: string, ip: string) => `pair:${ip}|${username}`;
const knownKey = (username: string, ip: string) => `known:${ip}|${username}`;

/**
 * Counts one failure on `key` and sets its wait; with `onlyIfFree`, only when the key is not waiting
 * (then it answers whether it counted). One conditional upsert: of any number of parallel attempts
 * only those the rule allows pass.
 */
async function charge(q: Queryable, key: string, rule: ThrottleRule, onlyIfFree: boolean): Promise<boolean> {
  const t = signInThrottle;
  const next = sql`case when ${t.lastAt} < now() - make_interval(mins => ${FORGET_MINUTES}) then 1 else least(${t.failures} + 1, 1000000) end`;
  // 1, 2, 4 … seconds once `free` failures are reached; the exponent is bounded before power().
  const wait = sql`case when ${next} < ${rule.free} then 0 else least(${rule.capSeconds}, power(2, least(${next} - ${rule.free}, 30))) end`;
  const rows = await q
    .insert(t)
    .values({ key, failures: 1, blockedUntil: sql`now()`, lastAt: sql`now()` })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: next,
        blockedUntil: sql`now() + make_interval(secs => ${wait})`,
        lastAt: sql`now()`,
      },
      ...(onlyIfFree ? { setWhere: sql`${t.blockedUntil} <= now()` } : {}),
    })
    .returning({ key: t.key });
  return rows.length === 1;
}

/**
 * Counts one attempt on `key` before its password is checked, unless the key must wait. The attempt
 * counts as a failure until `signInSucceeded` says otherwise.
 */
const reserve = (q: Queryable, key: string, rule: ThrottleRule) => charge(q, key, rule, true);

/**
 * `addressKey`: the address's key to charge if the password proves wrong (`signInFailed`); null when
 * the address is known for this user.
 */
export type Reservation = { ok: true; addressKey: string | null } | { ok: false; retryAfterSeconds: number };

/**
 * Reserves a sign-in attempt for `username` from `ip`, in one transaction: the attempt is counted
 * on every key that applies, or on none and the caller is told how long to wait. `ownAccount`
 * (changing one's own password) counts on the user-and-address key only.
 */
export async function reserveSignInAttempt(
  db: Db,
  input: { username: string; ip: string; ownAccount?: boolean },
): Promise<Reservation> {
  const keys: [string, ThrottleRule][] = [[pairKey(input.username, input.ip), SIGN_IN_RULES.pair]];
  let addressKey: string | null = null;
  if (!input.ownAccount) {
    const [known] = await db
      .select({ key: signInThrottle.key })
      .from(signInThrottle)
      .where(eq(signInThrottle.key, knownKey(input.username, input.ip)))
      .limit(1);
    if (!known) {
      keys.push([`user:${input.username}`, SIGN_IN_RULES.user]);
      addressKey = `ip:${input.ip}`;
    }
  }
  const refused = Symbol('refused');
  try {
    await db.transaction(async (tx) => {
      // The address counts failures only (`signInFailed`): many people of one office signing in at
      // the same moment are never taken for an attack. Waiting is checked here.
      if (addressKey) {
        const [blocked] = await tx
          .select({ key: signInThrottle.key })
          .from(signInThrottle)
          .where(and(eq(signInThrottle.key, addressKey), gt(signInThrottle.blockedUntil, sql`now()`)))
          .limit(1);
        if (blocked) throw refused;
      }
      // Always in the same order (pair, user): two requests cannot wait for each other's rows.
      for (const [key, rule] of keys) if (!(await reserve(tx, key, rule))) throw refused;
    });
    return { ok: true, addressKey };
  } catch (error) {
    if (error !== refused) throw error;
  }
  if (addressKey) keys.push([addressKey, SIGN_IN_RULES.ip]);
  const [row] = await db
    .select({ seconds: sql<string>`extract(epoch from max(${signInThrottle.blockedUntil}) - now())` })
    .from(signInThrottle)
    .where(
      inArray(
        signInThrottle.key,
        keys.map(([key]) => key),
      ),
    );
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(row?.seconds ?? 1))) };
}

/**
 * A wrong password from an address not known for the user: the address's failures count (and,
 * past its free ones, its wait grows). Charged after the check, so an attempt that succeeds never
 * counts against the address.
 */
export async function signInFailed(q: Queryable, reservation: Reservation): Promise<void> {
  if (!reservation.ok || !reservation.addressKey) return;
  await charge(q, reservation.addressKey, SIGN_IN_RULES.ip, false);
}

/**
 * A right password: the attempt was no failure. The user's counts restart and the address becomes
 * known for this user.
 */
export async function signInSucceeded(q: Queryable, username: string, ip: string): Promise<void> {
  await q
    .delete(signInThrottle)
    .where(inArray(signInThrottle.key, [pairKey(username, ip), `user:${username}`]));
  await q
    .insert(signInThrottle)
    .values({ key: knownKey(username, ip), lastAt: sql`now()` })
    .onConflictDoUpdate({ target: signInThrottle.key, set: { lastAt: sql`now()` } });
}
