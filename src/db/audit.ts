/** The audit trail: every change to stored data writes one row here, in the same transaction. */
import type { Queryable } from './client.js';
import { auditLog } from './schema.js';

export interface AuditActor {
  /** The signed-in user, or null for the seed and the command line. */
  userId: number | null;
  /** A readable name: the username, "seed", "cli". */
  label: string;
  requestId?: string | undefined;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  /** The unit whose data changed (a unit, its signer, its recipients); users are found by their roles. */
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(q: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await q.insert(auditLog).values({
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    unitId: entry.unitId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId ?? null,
  });
}

export const SEED_ACTOR: AuditActor = { userId: null, label: 'seed' };
export const CLI_ACTOR: AuditActor = { userId: null, label: 'cli' };
