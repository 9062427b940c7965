// SQL for the in-process subject index (ADR 015): the whole state once at start (facts first, then
// subjects page by page), the state of a few subjects again when the change feed names them, and one
// poll of the feed. All on the check pool.
import type pg from 'pg';
import type { IndexedEntry, IndexedViaEntry, SubjectRow, SubjectState } from './subject-index.js';

const SUBJECT_COLUMNS = `id, kind, name, uscc, id_blind, id_masked, ((created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS created_on`;
const IN_FORCE = `e.status IN ('active', 'held')`;
// the latest negative record: a black entry not revoked (whatever its state now), or a commitment not (fully) kept
const negativeDates = (subjectFilter: string) => `
  SELECT e.subject_id, e.decided_on AS d FROM list_entry e JOIN list_type lt ON lt.id = e.list_type_id
  WHERE lt.kind = 'black' AND e.status <> 'revoked' AND e.subject_id ${subjectFilter}
  UNION ALL
  SELECT c.subject_id, c.fulfilment_on FROM commitment c
  WHERE c.fulfilment IN ('partial', 'unfulfilled') AND c.fulfilment_on IS NOT NULL AND c.subject_id ${subjectFilter}`;

// $1: the subjects named by changes. Their organisations' answerable persons are read again too:
// an entry published on an organisation reaches them.
const STATES_TEXT = `
  WITH aff AS (
    SELECT id FROM subject WHERE id = ANY ($1::uuid[])
    UNION
    SELECT p.person_id FROM list_entry_person p JOIN list_entry e ON e.id = p.entry_id WHERE e.subject_id = ANY ($1::uuid[])
  )
  SELECT json_build_object(
    'subjects', coalesce((SELECT json_agg(x) FROM (SELECT ${SUBJECT_COLUMNS} FROM subject WHERE id IN (SELECT id FROM aff)) x), '[]'),
    'own', coalesce((SELECT json_agg(x) FROM (
      SELECT e.subject_id, e.id, e.status, e.starts_on, e.ends_on, e.list_type_id FROM list_entry e
      WHERE e.subject_id IN (SELECT id FROM aff) AND ${IN_FORCE}) x), '[]'),
    'via', coalesce((SELECT json_agg(x) FROM (
      SELECT p.person_id, e.id, e.status, e.starts_on, e.ends_on, e.list_type_id, p.role, o.id AS org_id, o.name AS org_name, o.uscc AS org_uscc
      FROM list_entry_person p JOIN list_entry e ON e.id = p.entry_id JOIN subject o ON o.id = e.subject_id
      WHERE p.person_id IN (SELECT id FROM aff) AND ${IN_FORCE}) x), '[]'),
    'negative', coalesce((SELECT json_agg(x) FROM (SELECT subject_id, max(d) AS on FROM (${negativeDates('IN (SELECT id FROM aff)')}) n GROUP BY subject_id) x), '[]')
  ) AS states`;

type OwnRow = IndexedEntry & { subject_id: string };
type ViaRow = IndexedViaEntry & { person_id: string };
interface StateRows { subjects: SubjectRow[]; own: OwnRow[]; via: ViaRow[]; negative: { subject_id: string; on: string }[] }

/** Entries and negative dates grouped by subject id. */
function groupFacts(r: Omit<StateRows, 'subjects'>) {
  const facts = new Map<string, { own: IndexedEntry[]; via: IndexedViaEntry[]; negativeOn: string | null }>();
  const of = (id: string) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = { own: [], via: [], negativeOn: null }));
    return f;
  };
  for (const { subject_id, ...e } of r.own) of(subject_id).own.push(e);
  for (const { person_id, ...e } of r.via) of(person_id).via.push(e);
  for (const n of r.negative) of(n.subject_id).negativeOn = n.on;
  return facts;
}

/** The current state of these subjects and of the persons answerable for their entries. */
export async function loadSubjectStates(pool: pg.Pool, subjectIds: string[]): Promise<SubjectState[]> {
  const { rows } = await pool.query<{ states: StateRows }>({ name: 'xy_check_index_states', text: STATES_TEXT, values: [subjectIds] });
  const r = rows[0].states;
  const facts = groupFacts(r);
  return r.subjects.map((subject) => ({ subject, own: [], via: [], negativeOn: null, ...facts.get(subject.id) }));
}

/** Every subject's entries in force and latest negative record, by subject id (the start of a load). */
export async function loadAllFacts(pool: pg.Pool) {
  const [own, via, negative] = await Promise.all([
    pool.query<OwnRow>(`SELECT e.subject_id, e.id, e.status, e.starts_on, e.ends_on, e.list_type_id FROM list_entry e WHERE ${IN_FORCE}`),
    pool.query<ViaRow>(`SELECT p.person_id, e.id, e.status, e.starts_on, e.ends_on, e.list_type_id, p.role, o.id AS org_id, o.name AS org_name, o.uscc AS org_uscc
      FROM list_entry_person p JOIN list_entry e ON e.id = p.entry_id JOIN subject o ON o.id = e.subject_id WHERE ${IN_FORCE}`),
    pool.query<{ subject_id: string; on: string }>(`SELECT subject_id, max(d)::text AS on FROM (${negativeDates('IS NOT NULL')}) n GROUP BY subject_id`),
  ]);
  return groupFacts({ own: own.rows, via: via.rows, negative: negative.rows });
}

/** One page of subjects in id order (the load streams them: a million rows never sit in one result). */
export async function subjectPage(pool: pg.Pool, after: string | null, limit: number): Promise<SubjectRow[]> {
  // two statements, not `$1 IS NULL OR id > $1`: under the check pool's generic plans that OR would
  // sort the whole table for every page instead of walking the primary key
  const { rows } = after === null
    ? await pool.query<SubjectRow>({ text: `SELECT ${SUBJECT_COLUMNS} FROM subject ORDER BY id LIMIT $1`, values: [limit] })
    : await pool.query<SubjectRow>({ text: `SELECT ${SUBJECT_COLUMNS} FROM subject WHERE id > $1::uuid ORDER BY id LIMIT $2`, values: [after, limit] });
  return rows;
}

export interface FeedPoll { changes: { seq: number; type: string; subject_id: string | null }[]; unsequenced: boolean; catalogVersion: number; pruned: number; top: number }

/** The next changes after `after`, whether some wait for a position, the catalog counter, the retention horizon. */
export async function pollFeed(pool: pg.Pool, after: number, limit: number): Promise<FeedPoll> {
  const { rows } = await pool.query<{ p: FeedPoll }>({
    name: 'xy_check_index_poll',
    text: `SELECT json_build_object(
      'changes', coalesce((SELECT json_agg(x) FROM (SELECT seq, type, subject_id FROM change WHERE seq > $1 ORDER BY seq LIMIT $2) x), '[]'),
      'unsequenced', EXISTS (SELECT 1 FROM change WHERE seq IS NULL),
      'catalogVersion', (SELECT version FROM check_catalog_version),
      'pruned', (SELECT pruned_through FROM feed_state),
      'top', (SELECT coalesce(max(seq), 0) FROM change)) AS p`,
    values: [after, limit],
  });
  return rows[0].p;
}
