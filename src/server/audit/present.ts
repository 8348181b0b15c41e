/** Audit rows as the API gives them: whitelisted through api.ts `auditEntryOut`. */
import type { AuditLogRecord } from '../../db/audit-log.js';
import type { AuditEntryOut } from '../../domain/api.js';
import { auditActionLabel } from '../../domain/audit.js';

export function presentAuditEntry({ row, fullName, unit }: AuditLogRecord): AuditEntryOut {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { userId: row.actorUserId, label: row.actorLabel, fullName },
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    entity: row.entity,
    entityId: row.entityId,
    unit: unit ? { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind } : null,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}
