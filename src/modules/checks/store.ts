// SQL for checks: the facts a check needs, loaded for many subjects at once (a batch of 1,000 costs
// a handful of queries), and the check log.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';

type Q = Db | Tx;

export interface FactSubject { id: string; kind: 'organization' | 'individual_business' | 'natural_person'; name: string; uscc: string | null; id_masked: string | null; id_blind: string | null; created_on: string }
export interface FactEntry { id: string; subject_id: string; status: string; starts_on: string; ends_on: string | null; list_type: string; kind: 'red' | 'black'; domain: string }
export interface FactViaEntry extends Omit<FactEntry, 'subject_id'> { person_id: string; role: string; org_id: string; org_name: string; org_uscc: string | null }
export interface FactMeasure { code: string; title: string; kind: 'reward' | 'punishment'; nature: 'mandatory' | 'recommended'; legal_basis: string; applies_to: string[]; matter_categories: string[]; list_types: string[] }
export interface CheckFacts {
  matter: { id: string; code: string; name: string; category: string; department_id: string } | null;
  subjects: FactSubject[];
  own: FactEntry[];
  via: FactViaEntry[];
  measures: FactMeasure[];
  negative: string[];
  version: number;
}

/**
 * Everything a batch of checks needs, in ONE statement: one snapshot (a consistent data version for
 * the whole batch) and one round trip, whatever the number of subjects. `negativeSince`: a black
 * entry decided on or after it counts against the green channel.
 */
export async function loadCheckFacts(db: Q, a: { usccs: string[]; blinds: string[]; departmentId: string; matterCode: string; negativeSince: string }): Promise<CheckFacts> {
  const { rows } = await sql<{ facts: CheckFacts }>`
    WITH subj AS (
      -- two index lookups (an OR across the two columns would scan the table)
      SELECT id, kind, name, uscc, id_masked, id_blind, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS created_on
      FROM subject WHERE uscc = ANY (${a.usccs}::text[])
      UNION ALL
      SELECT id, kind, name, uscc, id_masked, id_blind, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS created_on
      FROM subject WHERE id_blind = ANY (${a.blinds}::text[])
    ),
    own AS (
      SELECT e.id, e.subject_id, e.status, e.starts_on, e.ends_on, lt.code AS list_type, lt.kind, lt.domain
      FROM list_entry e JOIN list_type lt ON lt.id = e.list_type_id
      WHERE e.subject_id IN (SELECT id FROM subj) AND e.status IN ('active', 'held')
    ),
    via AS (
      SELECT e.id, p.person_id, p.role, e.status, e.starts_on, e.ends_on, lt.code AS list_type, lt.kind, lt.domain,
             o.id AS org_id, o.name AS org_name, o.uscc AS org_uscc
      FROM list_entry_person p JOIN list_entry e ON e.id = p.entry_id JOIN list_type lt ON lt.id = e.list_type_id JOIN subject o ON o.id = e.subject_id
      WHERE p.person_id IN (SELECT id FROM subj WHERE kind = 'natural_person') AND e.status IN ('active', 'held')
    ),
    meas AS (
      SELECT m.code, m.title, m.kind, m.nature, m.legal_basis, m.applies_to, m.matter_categories, array_agg(DISTINCT lt.code) AS list_types
      FROM measure m
      JOIN memorandum_measure mm ON mm.measure_id = m.id
      JOIN memorandum memo ON memo.id = mm.memorandum_id AND memo.status = 'in_force'
      JOIN memorandum_acceptance ma ON ma.memorandum_id = memo.id AND ma.department_id = ${a.departmentId}::uuid AND ma.status = 'accepted'
      JOIN memorandum_list_type mlt ON mlt.memorandum_id = memo.id
      JOIN list_type lt ON lt.id = mlt.list_type_id
      WHERE m.implementing_department_id = ${a.departmentId}::uuid
      GROUP BY m.id
    ),
    neg AS (
      SELECT DISTINCT e.subject_id FROM list_entry e JOIN list_type lt ON lt.id = e.list_type_id
      WHERE e.subject_id IN (SELECT id FROM subj) AND lt.kind = 'black' AND e.status <> 'revoked' AND e.decided_on >= ${a.negativeSince}::date
    )
    SELECT json_build_object(
      'matter', (SELECT row_to_json(x) FROM (SELECT id, code, name, category, department_id FROM matter WHERE code = ${a.matterCode}) x),
      'subjects', coalesce((SELECT json_agg(subj) FROM subj), '[]'),
      'own', coalesce((SELECT json_agg(own) FROM own), '[]'),
      'via', coalesce((SELECT json_agg(via) FROM via), '[]'),
      'measures', coalesce((SELECT json_agg(meas) FROM meas), '[]'),
      'negative', coalesce((SELECT json_agg(subject_id) FROM neg), '[]'),
      'version', (SELECT coalesce(max(seq), 0) FROM change)
    ) AS facts`.execute(db);
  return rows[0].facts;
}

export type CheckRow = {
  department_id: string; actor_type: string; actor_id: string | null; matter_id: string; subject_id: string | null; query: string; result: string;
  outcome: string; feedback_due_on: string | null; feedback_status: 'not_required' | 'open' | 'closed'; data_version: string;
};

export async function insertChecks(tx: Q, rows: CheckRow[]) {
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
