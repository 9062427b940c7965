// SQL for the catalog: categories, info types (current version) and every version in force.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';

type Q = Db | Tx;

export async function listCategories(db: Q) {
  return db.selectFrom('info_category').selectAll().orderBy('ordinal').execute();
}

export async function insertCategories(tx: Tx, rows: { code: string; name: string; ordinal: number; edition: string }[]) {
  if (!rows.length) return;
  await tx.insertInto('info_category').values(rows).onConflict((oc) => oc.column('code').doNothing()).execute();
}

export async function listInfoTypes(db: Q) {
  return db.selectFrom('info_type').innerJoin('info_category', 'info_category.code', 'info_type.category')
    .select(['info_type.code', 'info_type.name', 'info_type.category', 'info_category.name as category_name', 'info_type.version',
      'info_type.definition', 'info_type.created_at', 'info_type.updated_at'])
    .orderBy('info_category.ordinal').orderBy('info_type.code').execute();
}

export async function findInfoType(db: Q, code: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('info_type').selectAll().where('code', '=', code);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findVersion(db: Q, code: string, version: number) {
  return db.selectFrom('info_type_version').selectAll().where('code', '=', code).where('version', '=', version).executeTakeFirst();
}

export async function listVersions(db: Q, code: string) {
  return db.selectFrom('info_type_version').select(['version', 'actor_type', 'actor_id', 'created_at'])
    .where('code', '=', code).orderBy('version', 'desc').execute();
}

export async function existingCodes(db: Q): Promise<Set<string>> {
  return new Set((await db.selectFrom('info_type').select('code').execute()).map((r) => r.code));
}

/** Inserts version 1; returns false when another process created the type first. */
export async function insertInfoType(tx: Tx, t: { code: string; name: string; category: string; definition: unknown; actorType: string; actorId: string | null }) {
  const row = await tx.insertInto('info_type').values({ code: t.code, name: t.name, category: t.category, version: 1, definition: JSON.stringify(t.definition) })
    .onConflict((oc) => oc.column('code').doNothing()).returning('code').executeTakeFirst();
  if (!row) return false;
  await tx.insertInto('info_type_version').values({ code: t.code, version: 1, definition: JSON.stringify(t.definition), actor_type: t.actorType, actor_id: t.actorId }).execute();
  return true;
}

export async function updateInfoType(tx: Tx, t: { code: string; name: string; category: string; version: number; definition: unknown; actorType: string; actorId: string | null }) {
  await tx.updateTable('info_type').set({ name: t.name, category: t.category, version: t.version, definition: JSON.stringify(t.definition), updated_at: sql`now()` })
    .where('code', '=', t.code).execute();
  await tx.insertInto('info_type_version').values({ code: t.code, version: t.version, definition: JSON.stringify(t.definition), actor_type: t.actorType, actor_id: t.actorId }).execute();
}

export async function departmentCodesExisting(db: Q, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  return new Set((await db.selectFrom('department').select('code').where('code', 'in', codes).execute()).map((r) => r.code));
}
