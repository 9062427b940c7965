// Reading the audit trail: a department's admins see events about their department's data; the
// credit office's admins see all. Newest first, paged by id.
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { isPlatformAdmin, type Principal } from '../auth/principal.js';

export async function listAuditEvents(opts: {
  db: Db; principal: Principal;
  filter: { action?: string; entityType?: string; entityId?: string; before?: number; limit?: number };
}) {
  const { db, principal, filter } = opts;
  if (principal.role !== 'admin') throw errors.forbidden('只有管理员可以查看审计日志。');
  let q = db.selectFrom('audit_event')
    .select(['id', 'seq', 'at', 'actor_type', 'actor_id', 'department_id', 'action', 'entity_type', 'entity_id', 'data', 'hash'])
    .orderBy('id', 'desc').limit(filter.limit ?? 50);
  if (!isPlatformAdmin(principal)) q = q.where('department_id', '=', principal.departmentId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.before) q = q.where('id', '<', String(filter.before));
  const rows = await q.execute();
  return {
    items: rows.map((r) => ({
      id: Number(r.id), seq: r.seq ? Number(r.seq) : null, at: r.at.toISOString(), actor: { type: r.actor_type, id: r.actor_id },
      departmentId: r.department_id, action: r.action, entity: { type: r.entity_type, id: r.entity_id }, data: r.data, sealed: !!r.hash,
    })),
  };
}
