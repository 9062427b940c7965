// SQL for following another platform: the progress of each source, which local entry mirrors which
// source entry, and the mirrored departments, list types and entry fields. (list_type.origin is
// written with raw SQL: the lists module's insert types do not carry it.)
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { EntryStatus } from '../../db/schema.js';

type Q = Db | Tx;

export async function ensureSource(db: Db, code: string, url: string, name: string) {
  await db.insertInto('sync_source').values({ code, url, name, phase: 'snapshot' })
    .onConflict((oc) => oc.column('code').doUpdateSet({ url, name, updated_at: new Date() })).execute();
  return (await findSource(db, code))!;
}

export async function findSource(q: Q, code: string) {
  return q.selectFrom('sync_source').selectAll().where('code', '=', code).executeTakeFirst();
}

export type SourceRow = NonNullable<Awaited<ReturnType<typeof findSource>>>;

/** The source row, locked: two followers of one source apply pages one after the other. */
export async function lockSource(tx: Tx, code: string) {
  return tx.selectFrom('sync_source').selectAll().where('code', '=', code).forUpdate().executeTakeFirstOrThrow();
}

export async function saveProgress(tx: Tx, code: string, set: { phase?: 'snapshot' | 'follow'; snapshot_seq?: string | null; snapshot_cursor?: string | null; cursor?: string; generation?: number; applied?: number }) {
  const { applied, ...rest } = set;
  await tx.updateTable('sync_source').set({
    ...rest, last_error: null, updated_at: new Date(),
    ...(applied ? { applied: sql<string>`applied + ${applied}` } : {}),
  }).where('code', '=', code).execute();
}

export async function recordError(db: Db, code: string, message: string) {
  await db.updateTable('sync_source').set({ last_error: message.slice(0, 500), updated_at: new Date() }).where('code', '=', code).execute();
}

// ---- entry map ----

export async function mappedEntries(q: Q, source: string, sourceIds: string[]) {
  if (!sourceIds.length) return [];
  return q.selectFrom('sync_entry').select(['source_entry_id', 'entry_id']).where('source', '=', source).where('source_entry_id', 'in', sourceIds).execute();
}

export async function mapEntry(tx: Tx, m: { source: string; sourceEntryId: string; entryId: string | null; generation: number; note?: string | null }) {
  await tx.insertInto('sync_entry').values({ source: m.source, source_entry_id: m.sourceEntryId, entry_id: m.entryId, generation: m.generation, note: m.note ?? null })
    .onConflict((oc) => oc.columns(['source', 'source_entry_id']).doUpdateSet({ entry_id: m.entryId, generation: m.generation, note: m.note ?? null })).execute();
}

/** After a new snapshot: mirrored entries still in force here that the snapshot did not show. */
export async function staleMirrors(q: Q, source: string, generation: number, limit: number) {
  return (await q.selectFrom('sync_entry as m').innerJoin('list_entry as e', 'e.id', 'm.entry_id').select('m.source_entry_id')
    .where('m.source', '=', source).where('m.generation', '<', generation).where('e.status', 'in', ['active', 'held'])
    .orderBy('m.source_entry_id').limit(limit).execute()).map((r) => r.source_entry_id);
}

export async function touchMirrors(tx: Tx, source: string, sourceIds: string[], generation: number) {
  if (sourceIds.length) await tx.updateTable('sync_entry').set({ generation }).where('source', '=', source).where('source_entry_id', 'in', sourceIds).execute();
}

// ---- mirrored rows ----

export async function entryByOrigin(q: Q, origin: string, originEntryId: string) {
  return q.selectFrom('list_entry').select(['id']).where('origin', '=', origin).where('origin_entry_id', '=', originEntryId).executeTakeFirst();
}

export async function localEntry(q: Q, id: string) {
  return q.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id')
    .select(['e.id', 'e.status', 'e.reason', 'e.decided_on', 'e.starts_on', 'e.ends_on', 'e.department_id', 'e.subject_id', 'e.list_type_id', 'lt.code as list_type', 'lt.is_public'])
    .where('e.id', '=', id).executeTakeFirst();
}

export async function ensureDepartment(tx: Tx, d: { code: string; name: string; regionCode: string; origin: string }) {
  const found = await tx.selectFrom('department').select(['id']).where('code', '=', d.code).executeTakeFirst();
  if (found) return { id: found.id, created: false };
  // a department of another platform: known here so its entries can name it; it has no role here
  const row = await tx.insertInto('department').values({ code: d.code, name: d.name, region_code: d.regionCode, roles: [], origin: d.origin })
    .onConflict((oc) => oc.column('code').doNothing()).returning('id').executeTakeFirst();
  return row ? { id: row.id, created: true } : { id: (await tx.selectFrom('department').select('id').where('code', '=', d.code).executeTakeFirstOrThrow()).id, created: false };
}

export interface ListTypeDef { code: string; name: string; kind: 'red' | 'black'; domain: string; legalBasis: string; termMonths: number | null; repairable: boolean; public: boolean; exitConditions: string | null }

export async function findListType(q: Q, code: string) {
  return q.selectFrom('list_type').select(['id', 'code', 'kind', 'is_public']).where('code', '=', code).executeTakeFirst();
}

/** A list type this platform did not have: created read-only (its initiator is the source's department). */
export async function insertMirroredListType(tx: Tx, t: ListTypeDef & { initiatingDepartmentId: string; origin: string }) {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO list_type (code, name, kind, domain, initiating_department_id, legal_basis, term_months, repairable, is_public, exit_conditions, source, origin)
    VALUES (${t.code}, ${t.name}, ${t.kind}, ${t.domain}, ${t.initiatingDepartmentId}, ${t.legalBasis}, ${t.termMonths}, ${t.repairable}, ${t.public},
            ${t.exitConditions}, ${`同步自 ${t.origin}`}, ${t.origin})
    ON CONFLICT (code) DO NOTHING RETURNING id`.execute(tx);
  return rows[0] ?? null;
}

export async function setOriginEntryId(tx: Tx, id: string, originEntryId: string) {
  await tx.updateTable('list_entry').set({ origin_entry_id: originEntryId }).where('id', '=', id).execute();
}

export async function updateEntryFields(tx: Tx, id: string, f: { reason: string; decided_on: string; starts_on: string; ends_on: string | null }) {
  await tx.updateTable('list_entry').set({ ...f, updated_at: new Date() }).where('id', '=', id).execute();
}

export type { EntryStatus };
