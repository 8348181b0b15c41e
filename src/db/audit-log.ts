/** Reading the audit trail, limited to the units an administrator reaches. */
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AuditListParams } from '../domain/api.js';
import type { UnitKind } from '../domain/units.js';
import type { Queryable } from './client.js';
import { auditLog, units, users } from './schema.js';

const idList = (ids: number[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;

/**
 * Rows about units inside the scope (and below), and rows about users holding a role there.
 * Null scope: the whole country, including rows about no unit (the catalogue load).
 */
function inScope(scope: number[]): SQL {
  return sql`(${auditLog.unitId} IN (SELECT id FROM units WHERE path && ${idList(scope)})
    OR (${auditLog.entity} = 'user' AND ${auditLog.entityId} IN (
      SELECT ur.user_id::text FROM user_roles ur JOIN units u ON u.id = ur.unit_id WHERE u.path && ${idList(scope)})))`;
}

/** An audit row with the acting user's name and the unit it concerns (null when none). */
export interface AuditLogRecord {
  row: typeof auditLog.$inferSelect;
  fullName: string | null;
  unit: { id: number; code: string; name: string; kind: UnitKind } | null;
}

export async function listAudit(
  q: Queryable,
  filter: AuditListParams,
  scope: number[] | null,
): Promise<{ items: AuditLogRecord[]; total: number }> {
  const conditions: SQL[] = [];
  if (scope) {
    if (scope.length === 0) return { items: [], total: 0 };
    conditions.push(inScope(scope));
  }
  if (filter.unitId) conditions.push(inScope([filter.unitId]));
  // Sign-ins and sign-outs are kept, but they would bury the changes: shown for one user only.
  if (!filter.userId) conditions.push(sql`${auditLog.action} NOT LIKE 'auth.%'`);
  if (filter.userId) {
    conditions.push(
      sql`(${auditLog.actorUserId} = ${filter.userId} OR (${auditLog.entity} = 'user' AND ${auditLog.entityId} = ${String(filter.userId)}))`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [total] = await q.select({ n: count() }).from(auditLog).where(where);
  const rows = await q
    .select({
      row: auditLog,
      fullName: users.fullName,
      unit: { id: units.id, code: units.code, name: units.name, kind: units.kind },
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return {
    total: total?.n ?? 0,
    items: rows.map(({ row, fullName, unit }) => ({ row, fullName, unit: unit?.id ? unit : null })),
  };
}
