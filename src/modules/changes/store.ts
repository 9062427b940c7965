// SQL for the change feed: pages in seq order scoped to a department, the retention horizon, and
// the current state of list entries (snapshots and the sync endpoints). Scope is explicit: callers
// pass the department whose view they read (null = the credit office, which sees all).
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { entryVisibleTo } from '../lists/store.js';

type Q = Db | Tx;

export interface FeedRow { seq: string | null; type: string | null; at: Date | null; data: unknown; top: string | null; pruned: string }

/**
 * The visible changes among the next `window` positions after `after`, the highest position of that
 * window (so a reader moves past what it may not see) and the retention horizon — one statement,
 * one snapshot, so a sweep running meanwhile cannot make a page silently skip rows.
 */
export async function pageOfChanges(q: Q, a: { after: number; limit: number; window: number; viewer: string | null }): Promise<FeedRow[]> {
  const { rows } = await sql<FeedRow>`
    WITH win AS (
      SELECT seq, type, at, data, is_public, departments FROM change WHERE seq > ${a.after} ORDER BY seq LIMIT ${a.window}
    ),
    vis AS (
      SELECT seq, type, at, data FROM win
      WHERE ${a.viewer}::uuid IS NULL OR is_public OR ${a.viewer}::uuid = ANY (departments)
      ORDER BY seq LIMIT ${a.limit}
    )
    SELECT v.seq, v.type, v.at, v.data, t.top, t.pruned
    FROM (SELECT (SELECT max(seq) FROM win) AS top, (SELECT pruned_through FROM feed_state) AS pruned) t
    LEFT JOIN vis v ON true
    ORDER BY v.seq`.execute(q);
  return rows;
}

export async function feedHorizon(q: Q): Promise<{ top: number; pruned: number }> {
  const { rows } = await sql<{ top: string | null; pruned: string }>`
    SELECT (SELECT max(seq) FROM change) AS top, (SELECT pruned_through FROM feed_state) AS pruned`.execute(q);
  return { top: Number(rows[0].top ?? 0), pruned: Number(rows[0].pruned) };
}

/**
 * Retention: the end of the prefix of at most `batch` sequenced rows, after the horizon, that are all
 * older than `cutoff` — never the newest row (the sequencer numbers from it) and never past `floor`
 * (the slowest webhook fan-out cursor: no subscription loses a change to the sweep).
 */
export async function pruneBoundary(tx: Tx, a: { cutoff: Date; floor: number | null; batch: number }): Promise<{ from: number; to: number }> {
  const { rows } = await sql<{ pruned: string; stop: string | null; last: string | null; top: string | null }>`
    WITH st AS (SELECT pruned_through FROM feed_state FOR UPDATE),
    cand AS (SELECT c.seq, c.at FROM change c, st WHERE c.seq > st.pruned_through ORDER BY c.seq LIMIT ${a.batch})
    SELECT (SELECT pruned_through FROM st) AS pruned, (SELECT min(seq) FROM cand WHERE at >= ${a.cutoff}) AS stop,
           (SELECT max(seq) FROM cand) AS last, (SELECT max(seq) FROM change) AS top`.execute(tx);
  const r = rows[0];
  const from = Number(r.pruned);
  if (r.last === null || r.top === null) return { from, to: from };
  let to = r.stop !== null ? Number(r.stop) - 1 : Number(r.last);
  to = Math.min(to, Number(r.top) - 1, a.floor ?? Number.MAX_SAFE_INTEGER);
  return { from, to: Math.max(from, to) };
}

export async function deleteChangesThrough(tx: Tx, from: number, to: number): Promise<number> {
  const r = await tx.deleteFrom('change').where('seq', '>', String(from)).where('seq', '<=', String(to)).executeTakeFirst();
  await tx.updateTable('feed_state').set({ pruned_through: String(to), pruned_at: new Date() }).where('id', '=', true).execute();
  return Number(r.numDeletedRows);
}

// ---- current state of list entries (snapshot, sync) ----

export interface EntryStateRow {
  id: string; status: string; reason: string; decision_no: string; decided_on: string; starts_on: string; ends_on: string | null;
  origin: string | null; origin_entry_id: string | null; updated_at: Date;
  list_type: string; list_type_id: string; subject_id: string; subject_kind: 'organization' | 'individual_business' | 'natural_person';
  subject_name: string; uscc: string | null; id_masked: string | null; id_cipher: Buffer | null; id_key_version: number | null;
  department_code: string; department_name: string; department_region: string;
}

const stateColumns = sql`e.id, e.status, e.reason, e.decision_no, e.decided_on, e.starts_on, e.ends_on, e.origin, e.origin_entry_id, e.updated_at,
  lt.code AS list_type, lt.id AS list_type_id, s.id AS subject_id, s.kind AS subject_kind, s.name AS subject_name, s.uscc, s.id_masked,
  s.id_cipher, s.id_key_version, d.code AS department_code, d.name AS department_name, d.region_code AS department_region`;

/** Entries in force (active or held) the viewer may see, in id order after `after` (snapshot pages). */
export async function entriesInForce(q: Q, a: { viewer: string | null; after: string | null; limit: number; listType?: string }): Promise<EntryStateRow[]> {
  const { rows } = await sql<EntryStateRow>`
    SELECT ${stateColumns}
    FROM list_entry e JOIN list_type lt ON lt.id = e.list_type_id JOIN subject s ON s.id = e.subject_id JOIN department d ON d.id = e.department_id
    WHERE e.status IN ('active', 'held') AND ${entryVisibleTo(a.viewer)}
      AND (${a.after}::uuid IS NULL OR e.id > ${a.after}::uuid)
      AND (${a.listType ?? null}::text IS NULL OR lt.code = ${a.listType ?? null})
    ORDER BY e.id LIMIT ${a.limit}`.execute(q);
  return rows;
}

/** Entries by id, whatever their status (the sync follower asks for those the feed named). */
export async function entriesById(q: Q, viewer: string | null, ids: string[]): Promise<EntryStateRow[]> {
  if (!ids.length) return [];
  const { rows } = await sql<EntryStateRow>`
    SELECT ${stateColumns}
    FROM list_entry e JOIN list_type lt ON lt.id = e.list_type_id JOIN subject s ON s.id = e.subject_id JOIN department d ON d.id = e.department_id
    WHERE e.id = ANY (${ids}::uuid[]) AND ${entryVisibleTo(viewer)}
    ORDER BY e.id`.execute(q);
  return rows;
}

export interface EntryPersonStateRow {
  entry_id: string; person_id: string; role: string; name: string; id_masked: string | null; id_cipher: Buffer | null; id_key_version: number | null;
}

export async function personsOf(q: Q, entryIds: string[]): Promise<EntryPersonStateRow[]> {
  if (!entryIds.length) return [];
  return q.selectFrom('list_entry_person as p').innerJoin('subject as s', 's.id', 'p.person_id')
    .select(['p.entry_id', 'p.person_id', 'p.role', 's.name', 's.id_masked', 's.id_cipher', 's.id_key_version'])
    .where('p.entry_id', 'in', entryIds).orderBy('p.entry_id').orderBy('p.role').orderBy('p.person_id').execute();
}

/** Definitions of the list types named (a follower creates the ones it does not have). */
export async function listTypesByCode(q: Q, codes: string[]) {
  if (!codes.length) return [];
  return q.selectFrom('list_type').select(['code', 'name', 'kind', 'domain', 'legal_basis', 'term_months', 'repairable', 'is_public', 'exit_conditions'])
    .where('code', 'in', codes).orderBy('code').execute();
}
