// SQL for checks. With XINYONG_CHECK_INDEX=database the hot path uses two named prepared statements on
// the check pool (planned once per connection): the facts of a round of subjects, and its check log;
// with the subject index (store-index.ts, ADR 015) only the log, written with COPY. The catalog
// (matters, measures in force per implementing department) is loaded whole, rarely (catalog.ts).
import { sql } from 'kysely';
import type pg from 'pg';
import { copyJson, copyText } from '../../db/copy-text.js';
import { copyIn, type Db, type Tx } from '../../db/database.js';

type Q = Db | Tx;

export interface FactSubject { id: string; kind: 'organization' | 'individual_business' | 'natural_person'; name: string; uscc: string | null; id_masked: string | null; id_blind: string | null; created_on: string }
export interface FactEntry { id: string; subject_id: string; status: string; starts_on: string; ends_on: string | null; list_type: string; list_type_name: string; kind: 'red' | 'black'; domain: string }
export interface FactViaEntry extends Omit<FactEntry, 'subject_id'> { person_id: string; role: string; org_id: string; org_name: string; org_uscc: string | null }
export interface FactMeasure { department_id: string; code: string; title: string; kind: 'reward' | 'punishment'; nature: 'mandatory' | 'recommended'; legal_basis: string; applies_to: string[]; matter_categories: string[]; list_types: string[] }
export interface FactMatter { id: string; code: string; name: string; category: string; department_id: string }
export interface SubjectFacts {
  subjects: FactSubject[];
  own: FactEntry[];
  via: FactViaEntry[];
  negative: string[];
  /** the feed position the facts reflect at least */
  version: number;
  /** check_catalog_version at the same snapshot: the catalog the answers must apply at least */
  catalogVersion: number;
}
export interface FactListType { id: string; code: string; name: string; kind: 'red' | 'black'; domain: string }
export interface CatalogFacts { version: number; matters: FactMatter[]; measures: FactMeasure[]; listTypes: FactListType[] }

// $1 USCCs, $2 blind indexes of ID numbers, $3 the day from which a black entry or a broken
// commitment counts against the green channel. One statement: one snapshot, one round trip, whatever the number of subjects.
export const SUBJECT_FACTS_TEXT = `
  WITH subj AS (
    -- two index lookups (an OR across the two columns would scan the table)
    SELECT id, kind, name, uscc, id_masked, id_blind, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS created_on
    FROM subject WHERE uscc = ANY ($1::text[])
    UNION ALL
    SELECT id, kind, name, uscc, id_masked, id_blind, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS created_on
    FROM subject WHERE id_blind = ANY ($2::text[])
  ),
  own AS (
    SELECT e.id, e.subject_id, e.status, e.starts_on, e.ends_on, lt.code AS list_type, lt.name AS list_type_name, lt.kind, lt.domain
    FROM list_entry e JOIN list_type lt ON lt.id = e.list_type_id
    WHERE e.subject_id IN (SELECT id FROM subj) AND e.status IN ('active', 'held')
  ),
  via AS (
    SELECT e.id, p.person_id, p.role, e.status, e.starts_on, e.ends_on, lt.code AS list_type, lt.name AS list_type_name, lt.kind, lt.domain,
           o.id AS org_id, o.name AS org_name, o.uscc AS org_uscc
    FROM list_entry_person p JOIN list_entry e ON e.id = p.entry_id JOIN list_type lt ON lt.id = e.list_type_id JOIN subject o ON o.id = e.subject_id
    WHERE p.person_id IN (SELECT id FROM subj WHERE kind = 'natural_person') AND e.status IN ('active', 'held')
  ),
  neg AS (
    SELECT e.subject_id FROM list_entry e JOIN list_type lt ON lt.id = e.list_type_id
    WHERE e.subject_id IN (SELECT id FROM subj) AND lt.kind = 'black' AND e.status <> 'revoked' AND e.decided_on >= $3::date
    UNION -- a commitment not (fully) kept is a negative record too
    SELECT c.subject_id FROM commitment c
    WHERE c.subject_id IN (SELECT id FROM subj) AND c.fulfilment IN ('partial', 'unfulfilled') AND c.fulfilment_on >= $3::date
  )
  SELECT json_build_object(
    'subjects', coalesce((SELECT json_agg(subj) FROM subj), '[]'),
    'own', coalesce((SELECT json_agg(own) FROM own), '[]'),
    'via', coalesce((SELECT json_agg(via) FROM via), '[]'),
    'negative', coalesce((SELECT json_agg(subject_id) FROM neg), '[]'),
    'version', (SELECT coalesce(max(seq), 0) FROM change),
    'catalogVersion', (SELECT version FROM check_catalog_version)
  ) AS facts`;

export async function loadSubjectFacts(pool: pg.Pool, a: { usccs: string[]; blinds: string[]; negativeSince: string }): Promise<SubjectFacts> {
  const { rows } = await pool.query<{ facts: SubjectFacts }>({ name: 'xy_check_subject_facts', text: SUBJECT_FACTS_TEXT, values: [a.usccs, a.blinds, a.negativeSince] });
  return rows[0].facts;
}

/** The whole check catalog at one snapshot: every matter and list type, and every measure an implementing
 * department applies — those of memoranda in force that the department accepted, with their list types. */
export async function loadCatalog(pool: pg.Pool): Promise<CatalogFacts> {
  const { rows } = await pool.query<{ facts: CatalogFacts }>(`
    SELECT json_build_object(
      'version', (SELECT version FROM check_catalog_version),
      'matters', coalesce((SELECT json_agg(x) FROM (SELECT id, code, name, category, department_id FROM matter) x), '[]'),
      'listTypes', coalesce((SELECT json_agg(x) FROM (SELECT id, code, name, kind, domain FROM list_type) x), '[]'),
      'measures', coalesce((SELECT json_agg(x) FROM (
        SELECT m.implementing_department_id AS department_id, m.code, m.title, m.kind, m.nature, m.legal_basis, m.applies_to, m.matter_categories,
               array_agg(DISTINCT lt.code) AS list_types
        FROM measure m
        JOIN memorandum_measure mm ON mm.measure_id = m.id
        JOIN memorandum memo ON memo.id = mm.memorandum_id AND memo.status = 'in_force'
        JOIN memorandum_acceptance ma ON ma.memorandum_id = memo.id AND ma.department_id = m.implementing_department_id AND ma.status = 'accepted'
        JOIN memorandum_list_type mlt ON mlt.memorandum_id = memo.id
        JOIN list_type lt ON lt.id = mlt.list_type_id
        GROUP BY m.id) x), '[]')
    ) AS facts`);
  return rows[0].facts;
}

export type CheckRow = {
  /** result: the answer's JSON text (serialised once, for the response too) */
  id: string; department_id: string; actor_type: string; actor_id: string | null; matter_id: string; subject_id: string | null; query: unknown; result: string;
  outcome: string; feedback_due_on: string | null; feedback_status: 'not_required' | 'open' | 'closed'; data_version: number;
};

// the check log of a round in one INSERT of one JSON parameter (ids made by the caller)
const INSERT_CHECKS = `
  INSERT INTO credit_check (id, department_id, actor_type, actor_id, matter_id, subject_id, query, result, outcome, feedback_due_on, feedback_status, data_version)
  SELECT id, department_id, actor_type, actor_id, matter_id, subject_id, query, result::jsonb, outcome, feedback_due_on, feedback_status, data_version
  FROM json_to_recordset($1::json) AS x(id uuid, department_id uuid, actor_type text, actor_id text, matter_id uuid, subject_id uuid, query jsonb,
    result text, outcome text, feedback_due_on date, feedback_status text, data_version bigint)`;

export async function insertChecks(pool: pg.Pool, rows: CheckRow[]): Promise<void> {
  if (rows.length) await pool.query({ name: 'xy_check_log', text: INSERT_CHECKS, values: [JSON.stringify(rows)] });
}

const LOG_COLUMNS = 'id, department_id, actor_type, actor_id, matter_id, subject_id, query, result, outcome, feedback_due_on, feedback_status, data_version';
// one row as COPY text: ids and codes plain, the query as JSON, the result as the JSON text it is
const logLine = (r: CheckRow): string =>
  `${r.id}\t${r.department_id}\t${copyText(r.actor_type)}\t${copyText(r.actor_id)}\t${r.matter_id}\t${copyText(r.subject_id)}\t${copyJson(r.query)}\t${copyText(r.result)}\t${copyText(r.outcome)}\t${copyText(r.feedback_due_on)}\t${r.feedback_status}\t${r.data_version}\n`;

/** Many log rows at once (the write-behind log): COPY, half the database's work of the INSERT above. */
export async function copyChecks(pool: pg.Pool, rows: CheckRow[]): Promise<void> {
  if (!rows.length) return;
  let text = '';
  for (const r of rows) text += logLine(r);
  const client = await pool.connect();
  try {
    await copyIn(client, `COPY credit_check (${LOG_COLUMNS}) FROM STDIN`, text);
  } finally {
    client.release();
  }
}

/** The same insert inside a transaction (when the round must also write audit rows). */
export async function insertChecksIn(tx: Tx, rows: CheckRow[]): Promise<void> {
  if (!rows.length) return;
  const [head, tail] = INSERT_CHECKS.split('$1');
  await sql`${sql.raw(head)}${JSON.stringify(rows)}${sql.raw(tail)}`.execute(tx);
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
