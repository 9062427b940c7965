// Writes an audit row inside the caller's transaction: the row exists iff the change committed.
import type { Tx } from '../../db/database.js';
import type { Actor } from '../auth/principal.js';

export interface AuditInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Department whose data this is; defaults to the actor's. */
  departmentId?: string | null;
  data?: Record<string, unknown>;
}

export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.insertInto('audit_event').values({
    // millisecond precision, so the value read back hashes exactly as it was written
    at: new Date(),
    actor_type: e.actor.type,
    actor_id: e.actor.id,
    department_id: e.departmentId === undefined ? e.actor.departmentId : e.departmentId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId ?? null,
    data: JSON.stringify(e.data ?? {}),
  }).execute();
}
