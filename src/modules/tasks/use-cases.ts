// Response tasks (响应): an implementing department sees the listings pushed to it and acknowledges
// each; pending tasks are counted (跟踪问效).
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import * as store from './store.js';

export async function listTasks(opts: { db: Db; principal: Principal; status?: 'pending' | 'acknowledged'; limit?: number; offset?: number }) {
  const scope = opts.principal.platform ? null : opts.principal.departmentId;
  const [rows, counts] = await Promise.all([store.listTasks(opts.db, scope, opts.status, opts.limit, opts.offset), store.countTasks(opts.db, scope)]);
  const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    counts: { pending: count('pending'), acknowledged: count('acknowledged') },
    items: rows.map((r) => ({
      id: r.id, status: r.status, createdAt: r.created_at.toISOString(), acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
      department: r.department_code, memorandum: r.memorandum,
      entry: { id: r.entry_id, listType: r.list_type, listTypeName: r.list_type_name, decisionNo: r.decision_no, status: r.entry_status, subject: { name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked } },
    })),
  };
}

export async function acknowledgeTask(opts: { db: Db; principal: Principal; id: string }) {
  const { db, principal } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) throw errors.notFound('该响应任务');
  const task = await store.findTask(db, opts.id, principal.departmentId);
  if (!task) throw errors.notFound('该响应任务');
  if (task.status === 'acknowledged') return { id: task.id, status: 'acknowledged' as const };
  await db.transaction().execute(async (tx) => {
    await store.acknowledge(tx, task.id, principal.departmentId, `${principal.type}:${principal.id}`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'task.acknowledged', entityType: 'response_task', entityId: task.id, data: { entryId: task.entry_id } });
  });
  return { id: task.id, status: 'acknowledged' as const };
}
