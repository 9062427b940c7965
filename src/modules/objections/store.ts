// SQL for objections (异议).
import type { Updateable } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { ObjectionTable } from '../../db/schema.js';

type Q = Db | Tx;

export async function insertObjection(tx: Tx, row: Omit<ObjectionTable, 'id' | 'created_at' | 'status' | 'outcome' | 'status_note' | 'correction' | 'forward_due_on' | 'decide_due_on' | 'accepted_at' | 'forwarded_at' | 'decided_at'>) {
  return tx.insertInto('objection').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findObjection(db: Q, id: string) {
  return db.selectFrom('objection').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockObjection(tx: Tx, id: string) {
  return tx.selectFrom('objection').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findByReceipt(db: Q, code: string) {
  return db.selectFrom('objection').selectAll().where('receipt_code', '=', code).executeTakeFirst();
}

export async function updateObjection(tx: Tx, id: string, set: Updateable<ObjectionTable>) {
  await tx.updateTable('objection').set(set).where('id', '=', id).execute();
}

export async function listObjections(db: Q, f: { providerDepartmentId: string | null; status?: string; limit: number; offset: number }) {
  let q = db.selectFrom('objection as o').leftJoin('subject as s', 's.id', 'o.subject_id').innerJoin('department as d', 'd.id', 'o.provider_department_id')
    .select(['o.id', 'o.receipt_code', 'o.target_type', 'o.target_id', 'o.status', 'o.outcome', 'o.reason', 'o.applicant_name', 'o.submitted_on', 'o.accept_due_on',
      'o.forward_due_on', 'o.decide_due_on', 'o.created_at', 's.name as subject_name', 's.uscc', 's.id_masked', 'd.code as provider_code', 'd.name as provider_name'])
    .orderBy('o.created_at', 'desc').limit(f.limit).offset(f.offset);
  if (f.providerDepartmentId) q = q.where('o.provider_department_id', '=', f.providerDepartmentId).where('o.status', 'in', ['with_provider', 'decided']);
  if (f.status) q = q.where('o.status', '=', f.status as never);
  return q.execute();
}

/** The subject (masked identifier only) and the provider department an objection concerns. */
export async function partiesOf(db: Q, id: string) {
  return db.selectFrom('objection as o').leftJoin('subject as s', 's.id', 'o.subject_id').innerJoin('department as d', 'd.id', 'o.provider_department_id')
    .select(['s.name as subject_name', 's.uscc', 's.id_masked', 'd.code as provider_code', 'd.name as provider_name']).where('o.id', '=', id).executeTakeFirstOrThrow();
}
