// SQL for memoranda (合作备忘录): the list types they cover, their measures, and each implementing
// department's acceptance.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';

type Q = Db | Tx;

export async function findMemorandum(db: Q, code: string) {
  return db.selectFrom('memorandum').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertMemorandum(tx: Tx, m: { code: string; docNo: string; title: string; status: 'notified' | 'in_force' | 'expired'; source?: string | null; verified?: boolean }) {
  return tx.insertInto('memorandum').values({ code: m.code, doc_no: m.docNo, title: m.title, status: m.status, source: m.source ?? null, verified: m.verified ?? true })
    .onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
}

export async function linkMemorandum(tx: Tx, memorandumId: string, listTypeIds: string[], measureIds: string[]) {
  if (listTypeIds.length) await tx.insertInto('memorandum_list_type').values(listTypeIds.map((id) => ({ memorandum_id: memorandumId, list_type_id: id }))).onConflict((oc) => oc.doNothing()).execute();
  if (measureIds.length) await tx.insertInto('memorandum_measure').values(measureIds.map((id) => ({ memorandum_id: memorandumId, measure_id: id }))).onConflict((oc) => oc.doNothing()).execute();
}

/** Every implementing department of the memorandum's measures must accept it. */
export async function createAcceptances(tx: Tx, memorandumId: string) {
  await tx.insertInto('memorandum_acceptance')
    .columns(['memorandum_id', 'department_id'])
    .expression((eb) => eb.selectFrom('memorandum_measure as mm').innerJoin('measure as m', 'm.id', 'mm.measure_id')
      .select([sql<string>`${memorandumId}::uuid`.as('memorandum_id'), 'm.implementing_department_id'])
      .where('mm.memorandum_id', '=', memorandumId).where('m.implementing_department_id', 'is not', null).distinct())
    .onConflict((oc) => oc.doNothing()).execute();
}

export async function accept(tx: Tx, memorandumId: string, departmentId: string, by: string) {
  return tx.updateTable('memorandum_acceptance').set({ status: 'accepted', accepted_at: new Date(), accepted_by: by })
    .where('memorandum_id', '=', memorandumId).where('department_id', '=', departmentId).where('status', '=', 'pending')
    .returning('department_id').executeTakeFirst();
}

export async function acceptanceOf(db: Q, memorandumId: string, departmentId: string) {
  return db.selectFrom('memorandum_acceptance').selectAll().where('memorandum_id', '=', memorandumId).where('department_id', '=', departmentId).executeTakeFirst();
}

export async function listMemoranda(db: Q) {
  return db.selectFrom('memorandum').selectAll().orderBy('code').execute();
}

export async function memorandumParts(db: Q, ids: string[]) {
  if (!ids.length) return { listTypes: [], measures: [], acceptances: [] };
  const [listTypes, measures, acceptances] = await Promise.all([
    db.selectFrom('memorandum_list_type as x').innerJoin('list_type as lt', 'lt.id', 'x.list_type_id').select(['x.memorandum_id', 'lt.code']).where('x.memorandum_id', 'in', ids).execute(),
    db.selectFrom('memorandum_measure as x').innerJoin('measure as m', 'm.id', 'x.measure_id').select(['x.memorandum_id', 'm.code']).where('x.memorandum_id', 'in', ids).execute(),
    db.selectFrom('memorandum_acceptance as a').innerJoin('department as d', 'd.id', 'a.department_id')
      .select(['a.memorandum_id', 'a.status', 'a.accepted_at', 'd.code', 'd.name', 'd.id as department_id']).where('a.memorandum_id', 'in', ids).execute(),
  ]);
  return { listTypes, measures, acceptances };
}

/** In-force memoranda covering a list type, with every implementing department named in them. */
export async function implementersFor(db: Q, listTypeId: string) {
  return db.selectFrom('memorandum_list_type as x').innerJoin('memorandum as m', 'm.id', 'x.memorandum_id')
    .innerJoin('memorandum_acceptance as a', 'a.memorandum_id', 'm.id')
    .select(['m.id as memorandum_id', 'a.department_id']).where('x.list_type_id', '=', listTypeId).where('m.status', '=', 'in_force').execute();
}
