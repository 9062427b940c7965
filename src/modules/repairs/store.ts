// SQL for credit repair requests (信用修复).
import type { Updateable } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { RepairTable } from '../../db/schema.js';

type Q = Db | Tx;

export async function insertRepair(tx: Tx, row: Omit<RepairTable, 'id' | 'created_at' | 'status' | 'decision_note' | 'decided_at' | 'certificate_no'>) {
  return tx.insertInto('repair').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRepair(db: Q, id: string) {
  return db.selectFrom('repair').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockRepair(tx: Tx, id: string) {
  return tx.selectFrom('repair').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findByReceipt(db: Q, code: string) {
  return db.selectFrom('repair').selectAll().where('receipt_code', '=', code).executeTakeFirst();
}

export async function updateRepair(tx: Tx, id: string, set: Updateable<RepairTable>) {
  await tx.updateTable('repair').set(set).where('id', '=', id).execute();
}

/** Approved repairs of a subject's records of one info type, for the repair limits. */
export async function approvedRecordRepairDates(db: Q, subjectId: string, infoType: string) {
  const rows = await db.selectFrom('repair as r').select('r.decided_at').where('r.subject_id', '=', subjectId).where('r.status', '=', 'approved')
    .where('r.target_type', '=', 'record')
    .where((eb) => eb.exists(eb.selectFrom('credit_record as c').select('c.id').whereRef('c.record_id', '=', 'r.target_id').where('c.info_type', '=', infoType)))
    .execute();
  return rows.map((r) => (r.decided_at as Date).toISOString().slice(0, 10));
}

/** Newer records of the same info type about the subject still published (any provider). */
export async function newerNegativeRecords(db: Q, subjectId: string, infoType: string, after: string, exceptRecordId: string) {
  const r = await db.selectFrom('credit_record').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('subject_id', '=', subjectId).where('info_type', '=', infoType).where('is_current', '=', true).where('decided_on', '>', after)
    .where('status', 'in', ['active', 'held']).where('record_id', '!=', exceptRecordId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Approved repairs of a subject on a list type, for the repair limits. */
export async function approvedRepairDates(db: Q, subjectId: string, listTypeId: string) {
  const rows = await db.selectFrom('repair as r').innerJoin('list_entry as e', 'e.id', 'r.target_id')
    .select('r.decided_at').where('r.subject_id', '=', subjectId).where('r.status', '=', 'approved').where('r.target_type', '=', 'entry').where('e.list_type_id', '=', listTypeId).execute();
  return rows.map((r) => (r.decided_at as Date).toISOString().slice(0, 10));
}

export async function newerNegativeCount(db: Q, subjectId: string, listTypeId: string, after: string, exceptEntryId: string) {
  const r = await db.selectFrom('list_entry').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('subject_id', '=', subjectId).where('list_type_id', '=', listTypeId).where('decided_on', '>', after)
    .where('status', 'in', ['active', 'held']).where('id', '!=', exceptEntryId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function pendingFor(db: Q, targetId: string) {
  return db.selectFrom('repair').select(['id', 'receipt_code']).where('target_id', '=', targetId).where('status', '=', 'submitted').executeTakeFirst();
}

export async function listRepairs(db: Q, f: { deciderDepartmentId: string | null; status?: string; limit: number; offset: number }) {
  let q = db.selectFrom('repair as r').innerJoin('subject as s', 's.id', 'r.subject_id').innerJoin('department as d', 'd.id', 'r.decider_department_id')
    .select(['r.id', 'r.receipt_code', 'r.target_type', 'r.target_id', 'r.status', 'r.kind_of_repair', 'r.reason', 'r.applicant_name', 'r.submitted_on', 'r.decide_due_on',
      'r.created_at', 'r.certificate_no', 's.name as subject_name', 's.uscc', 's.id_masked', 'd.code as decider_code', 'd.name as decider_name'])
    .orderBy('r.created_at', 'desc').limit(f.limit).offset(f.offset);
  if (f.deciderDepartmentId) q = q.where('r.decider_department_id', '=', f.deciderDepartmentId);
  if (f.status) q = q.where('r.status', '=', f.status as never);
  return q.execute();
}

/** The subject (masked identifier only) and the deciding department of a repair. */
export async function partiesOf(db: Q, id: string) {
  return db.selectFrom('repair as r').innerJoin('subject as s', 's.id', 'r.subject_id').innerJoin('department as d', 'd.id', 'r.decider_department_id')
    .select(['s.name as subject_name', 's.uscc', 's.id_masked', 'd.code as decider_code', 'd.name as decider_name']).where('r.id', '=', id).executeTakeFirstOrThrow();
}
