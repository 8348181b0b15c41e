/** Sessions stored in the database; the cookie holds a random token, the table its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, lt, ne } from 'drizzle-orm';
import type { Queryable } from './client.js';
import { sessions, signInFailures, users } from './schema.js';

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

/** The live session of a token, or null when unknown, expired or its user is locked. */
export async function findSession(q: Queryable, token: string): Promise<SessionUser | null> {
  const rows = await q
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date()), eq(users.active, true)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    expiresAt: row.expiresAt,
    user: { id: row.id, username: row.username, fullName: row.fullName },
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
  await q.delete(signInFailures).where(lt(signInFailures.at, new Date(Date.now() - 24 * 3600_000)));
}

/** Failed sign-ins for this username, and from this address, within the window. */
export async function recentFailures(
  q: Queryable,
  username: string,
  ip: string,
  windowMinutes: number,
): Promise<{ byUser: number; byIp: number }> {
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const [byUser] = await q
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.username, username), gt(signInFailures.at, since)));
  const [byIp] = await q
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.ip, ip), gt(signInFailures.at, since)));
  return { byUser: byUser?.n ?? 0, byIp: byIp?.n ?? 0 };
}

export async function recordFailure(q: Queryable, username: string, ip: string): Promise<void> {
  await q.insert(signInFailures).values({ username: username.slice(0, 64), ip });
}

/** After a good sign-in the username's count restarts; the address's count does not. */
export async function clearFailures(q: Queryable, username: string): Promise<void> {
  await q.delete(signInFailures).where(eq(signInFailures.username, username));
}
