// SQL for checks: the facts a check needs, loaded for many subjects at once (a batch of 1,000 costs
// a handful of queries), and the check log.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';

type Q = Db | Tx;

export async function subjectsByUscc(db: Q, usccs: string[]) {
  if (!usccs.length) return [];
  return db.selectFrom('subject').select(['id', 'kind', 'name', 'uscc', 'id_masked', 'id_blind', 'created_at']).where('uscc', 'in', usccs).execute();
}

export async function subjectsByBlind(db: Q, blinds: string[]) {
  if (!blinds.length) return [];
  return db.selectFrom('subject').select(['id', 'kind', 'name', 'uscc', 'id_masked', 'id_blind', 'created_at']).where('id_blind', 'in', blinds).execute();
}

/** Own entries (active or held) of the subjects. */
export async function ownEntries(db: Q, subjectIds: string[]) {
  if (!subjectIds.length) return [];
  return db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id')
    .select(['e.id', 'e.subject_id', 'e.status', 'e.starts_on', 'e.ends_on', 'lt.code as list_type', 'lt.kind', 'lt.domain'])
    .where('e.subject_id', 'in', subjectIds).where('e.status', 'in', ['active', 'held']).execute();
}

/** Entries of organisations that reach these persons as answerable persons (落实到人). */
export async function viaEntries(db: Q, personIds: string[]) {
  if (!personIds.length) return [];
  return db.selectFrom('list_entry_person as p').innerJoin('list_entry as e', 'e.id', 'p.entry_id')
    .innerJoin('list_type as lt', 'lt.id', 'e.list_type_id').innerJoin('subject as o', 'o.id', 'e.subject_id')
    .select(['e.id', 'p.person_id', 'p.role', 'e.status', 'e.starts_on', 'e.ends_on', 'lt.code as list_type', 'lt.kind', 'lt.domain',
      'o.id as org_id', 'o.name as org_name', 'o.uscc as org_uscc'])
    .where('p.person_id', 'in', personIds).where('e.status', 'in', ['active', 'held']).execute();
}

/** Measures this department implements, with the list types of in-force memoranda it accepted. */
export async function measuresForImplementer(db: Q, departmentId: string) {
  const { rows } = await sql<{ code: string; title: string; kind: 'reward' | 'punishment'; nature: 'mandatory' | 'recommended'; legal_basis: string;
    applies_to: string[]; matter_categories: string[]; list_types: string[] }>`
    SELECT m.code, m.title, m.kind, m.nature, m.legal_basis, m.applies_to, m.matter_categories,
           array_agg(DISTINCT lt.code) AS list_types
    FROM measure m
    JOIN memorandum_measure mm ON mm.measure_id = m.id
    JOIN memorandum memo ON memo.id = mm.memorandum_id AND memo.status = 'in_force'
    JOIN memorandum_acceptance ma ON ma.memorandum_id = memo.id AND ma.department_id = ${departmentId} AND ma.status = 'accepted'
    JOIN memorandum_list_type mlt ON mlt.memorandum_id = memo.id
    JOIN list_type lt ON lt.id = mlt.list_type_id
    WHERE m.implementing_department_id = ${departmentId}
    GROUP BY m.id`.execute(db);
  return rows;
}

/** Subjects with a black entry decided on or after `since` (negative in the last three years). */
export async function recentlyNegative(db: Q, subjectIds: string[], since: string) {
  if (!subjectIds.length) return new Set<string>();
  const rows = await db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id').select('e.subject_id').distinct()
    .where('e.subject_id', 'in', subjectIds).where('lt.kind', '=', 'black').where('e.status', '!=', 'revoked').where('e.decided_on', '>=', since).execute();
  return new Set(rows.map((r) => r.subject_id));
}

export async function dataVersion(db: Q): Promise<number> {
  const r = await db.selectFrom('change').select((eb) => eb.fn.max('seq').as('v')).executeTakeFirst();
  return Number(r?.v ?? 0);
}

export type CheckRow = {
  department_id: string; actor_type: string; actor_id: string | null; matter_id: string; subject_id: string | null; query: string; result: string;
  outcome: string; feedback_due_on: string | null; feedback_status: 'not_required' | 'open' | 'closed'; data_version: string;
};

export async function insertChecks(tx: Tx, rows: CheckRow[]) {
  if (!rows.length) return [];
  return tx.insertInto('credit_check').values(rows).returning(['id', 'created_at']).execute();
}

export async function findCheck(db: Q, id: string, departmentId: string | null) {
  let q = db.selectFrom('credit_check as c').innerJoin('matter as m', 'm.id', 'c.matter_id')
    .select(['c.id', 'c.department_id', 'c.subject_id', 'c.query', 'c.result', 'c.outcome', 'c.feedback_due_on', 'c.feedback_status', 'c.data_version',
      'c.created_at', 'c.actor_type', 'c.actor_id', 'm.code as matter_code', 'm.name as matter_name'])
    .where('c.id', '=', id);
  if (departmentId) q = q.where('c.department_id', '=', departmentId);
  return q.executeTakeFirst();
}

export async function listChecks(db: Q, departmentId: string | null, f: { status?: 'open' | 'overdue' | 'closed'; today: string; limit: number; offset: number }) {
  let q = db.selectFrom('credit_check as c').innerJoin('matter as m', 'm.id', 'c.matter_id').leftJoin('subject as s', 's.id', 'c.subject_id')
    .select(['c.id', 'c.outcome', 'c.feedback_due_on', 'c.feedback_status', 'c.created_at', 'c.data_version', 'm.code as matter_code', 'm.name as matter_name',
      's.name as subject_name', 's.uscc', 's.id_masked', 'c.result'])
    .orderBy('c.created_at', 'desc').limit(f.limit).offset(f.offset);
  if (departmentId) q = q.where('c.department_id', '=', departmentId);
  if (f.status === 'open') q = q.where('c.feedback_status', '=', 'open');
  if (f.status === 'overdue') q = q.where('c.feedback_status', '=', 'open').where('c.feedback_due_on', '<', f.today);
  if (f.status === 'closed') q = q.where('c.feedback_status', '=', 'closed');
  return q.execute();
}

export async function insertFeedback(tx: Tx, f: { checkId: string; departmentId: string; measures: unknown; amount: number | null; note: string; actorType: string; actorId: string | null }) {
  const closed = await tx.updateTable('credit_check').set({ feedback_status: 'closed' }).where('id', '=', f.checkId).where('feedback_status', '=', 'open').returning('id').executeTakeFirst();
  if (!closed) return null;
  return tx.insertInto('check_feedback').values({
    check_id: f.checkId, department_id: f.departmentId, measures: JSON.stringify(f.measures), amount: f.amount === null ? null : String(f.amount),
    note: f.note, actor_type: f.actorType, actor_id: f.actorId,
  }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

export async function findFeedback(db: Q, checkId: string) {
  return db.selectFrom('check_feedback').selectAll().where('check_id', '=', checkId).executeTakeFirst();
}
