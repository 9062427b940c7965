// SQL for subjects, their other names and their answerable persons. Subjects are shared by all
// departments (one identity per USCC / ID number); what departments own about them is scoped elsewhere.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { SubjectTable } from '../../db/schema.js';

type Q = Db | Tx;
export type SubjectRow = Omit<SubjectTable, 'id' | 'created_at' | 'updated_at' | 'search_text'> & { id: string; created_at: Date; updated_at: Date };

const columns = ['id', 'kind', 'name', 'name_key', 'uscc', 'org_code', 'reg_no', 'region_code', 'id_cipher', 'id_key_version',
  'id_blind', 'id_masked', 'created_at', 'updated_at'] as const;

export async function findByUscc(db: Q, uscc: string): Promise<SubjectRow | undefined> {
  return db.selectFrom('subject').select(columns).where('uscc', '=', uscc).executeTakeFirst();
}

export async function findByBlind(db: Q, blind: string): Promise<SubjectRow | undefined> {
  return db.selectFrom('subject').select(columns).where('id_blind', '=', blind).executeTakeFirst();
}

export async function findById(db: Q, id: string): Promise<SubjectRow | undefined> {
  return db.selectFrom('subject').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function findByLegacyCode(db: Q, field: 'org_code' | 'reg_no', value: string): Promise<SubjectRow[]> {
  return db.selectFrom('subject').select(columns).where(field, '=', value).limit(10).execute();
}

export async function insertSubject(tx: Tx, s: Omit<SubjectRow, 'id' | 'created_at' | 'updated_at'> & { search_text: string }) {
  return tx.insertInto('subject').values({ ...s, search_text: sql`to_tsvector('simple', ${s.search_text})` as unknown as string })
    .onConflict((oc) => oc.doNothing()).returning(columns).executeTakeFirst();
}

export async function updateSubject(tx: Tx, id: string, set: Partial<Pick<SubjectRow, 'name' | 'name_key' | 'org_code' | 'reg_no' | 'region_code'>>) {
  await tx.updateTable('subject').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function otherNames(db: Q, subjectId: string) {
  return db.selectFrom('subject_name').select(['name', 'kind', 'until_on']).where('subject_id', '=', subjectId).orderBy('id').execute();
}

export async function insertOtherName(tx: Tx, n: { subjectId: string; name: string; nameKey: string; kind: 'former' | 'alias'; untilOn?: string | null }) {
  const row = await tx.insertInto('subject_name').values({ subject_id: n.subjectId, name: n.name, name_key: n.nameKey, kind: n.kind, until_on: n.untilOn ?? null })
    .onConflict((oc) => oc.columns(['subject_id', 'name_key']).doNothing()).returning('id').executeTakeFirst();
  return !!row;
}

/** Search text covers the current name and every other name, so a former name still finds it. */
export async function refreshSearchText(tx: Tx, id: string, text: string) {
  await sql`UPDATE subject SET search_text = to_tsvector('simple', ${text}), search_version = ${SEARCH_VERSION} WHERE id = ${id}`.execute(tx);
}

/** Bumped when searchText() changes; rows below it are recomputed by refreshStaleSearchText (ADR 019). */
export const SEARCH_VERSION = 2;

/**
 * Recomputes search_text of rows written by an older searchText(), a chunk at a time, through the
 * partial index on stale rows; idempotent and resumable (a restart carries on where it stopped).
 * Returns how many rows it refreshed.
 */
export async function refreshStaleSearchText(db: Db, textOf: (names: string[]) => string, chunk = 2000, max = Infinity): Promise<number> {
  let total = 0;
  while (total < max) {
    const rows = (await sql<{ id: string; name: string }>`SELECT id, name FROM subject
      WHERE search_version < ${SEARCH_VERSION} ORDER BY id LIMIT ${chunk}`.execute(db)).rows;
    if (!rows.length) return total;
    const others = await namesOf(db, rows.map((r) => r.id));
    const texts = rows.map((r) => textOf([r.name, ...others.filter((o) => o.subject_id === r.id).map((o) => o.name)]));
    await sql`UPDATE subject s SET search_text = to_tsvector('simple', x.text), search_version = ${SEARCH_VERSION}
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${texts}::text[]) AS x(id, text) WHERE s.id = x.id`.execute(db);
    total += rows.length;
  }
  return total;
}

/**
 * Candidates matching any of the tsqueries over search_text (GIN; a BitmapOr of one index scan each),
 * minus those already found; the caller builds the queries from distinctive terms and ranks the rows.
 */
export async function searchByTsqueries(db: Q, queries: string[], kinds: SubjectTable['kind'][], exclude: string[], limit: number) {
  if (!queries.length) return [];
  let q = db.selectFrom('subject').select(columns)
    .where((eb) => eb.or(queries.map((t) => sql<boolean>`search_text @@ to_tsquery('simple', ${t})`)))
    .where('kind', 'in', kinds);
  if (exclude.length) q = q.where('id', 'not in', exclude);
  return q.limit(limit).execute();
}

export async function namesOf(db: Q, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('subject_name').select(['subject_id', 'name']).where('subject_id', 'in', ids).execute();
}

export async function insertRelation(tx: Tx, r: { organizationId: string; personId: string; role: string; startsOn: string | null; endsOn: string | null }) {
  return tx.insertInto('subject_relation').values({
    organization_id: r.organizationId, person_id: r.personId, role: r.role as 'legal_representative', starts_on: r.startsOn, ends_on: r.endsOn,
  }).onConflict((oc) => oc.doNothing()).returning(['id']).executeTakeFirst();
}

export async function relationsOf(db: Q, subjectId: string) {
  return db.selectFrom('subject_relation as r')
    .innerJoin('subject as o', 'o.id', 'r.organization_id')
    .innerJoin('subject as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.role', 'r.starts_on', 'r.ends_on', 'o.id as org_id', 'o.name as org_name', 'o.uscc as org_uscc',
      'p.id as person_id', 'p.name as person_name', 'p.id_masked as person_masked'])
    .where((eb) => eb.or([eb('r.organization_id', '=', subjectId), eb('r.person_id', '=', subjectId)]))
    .orderBy('r.created_at').execute();
}
