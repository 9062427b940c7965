// SQL for response tasks (响应): one per implementing department and memorandum for each listing.
import type { Db, Tx } from '../../db/database.js';

export async function insertTasks(tx: Tx, rows: { entry_id: string; department_id: string; memorandum_id: string }[]) {
  if (!rows.length) return [];
  return tx.insertInto('response_task').values(rows).onConflict((oc) => oc.doNothing()).returning(['id', 'department_id', 'memorandum_id']).execute();
}

export async function listTasks(db: Db, departmentId: string | null, status?: 'pending' | 'acknowledged', limit = 100, offset = 0) {
  let q = db.selectFrom('response_task as t').innerJoin('list_entry as e', 'e.id', 't.entry_id').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id')
    .innerJoin('subject as s', 's.id', 'e.subject_id').innerJoin('memorandum as m', 'm.id', 't.memorandum_id').innerJoin('department as d', 'd.id', 't.department_id')
    .select(['t.id', 't.status', 't.created_at', 't.acknowledged_at', 'e.id as entry_id', 'e.decision_no', 'e.status as entry_status', 'lt.code as list_type',
      'lt.name as list_type_name', 's.name as subject_name', 's.uscc', 's.id_masked', 'm.code as memorandum', 'd.code as department_code'])
    .orderBy('t.created_at', 'desc').limit(limit).offset(offset);
  if (departmentId) q = q.where('t.department_id', '=', departmentId);
  if (status) q = q.where('t.status', '=', status);
  return q.execute();
}

export async function countTasks(db: Db, departmentId: string | null) {
  let q = db.selectFrom('response_task').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status');
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.execute();
}

export async function acknowledge(tx: Tx, id: string, departmentId: string, by: string) {
  return tx.updateTable('response_task').set({ status: 'acknowledged', acknowledged_at: new Date(), acknowledged_by: by })
    .where('id', '=', id).where('department_id', '=', departmentId).where('status', '=', 'pending')
    .returning(['id', 'entry_id']).executeTakeFirst();
}

export async function findTask(db: Db | Tx, id: string, departmentId: string | null) {
  let q = db.selectFrom('response_task').selectAll().where('id', '=', id);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.executeTakeFirst();
}
