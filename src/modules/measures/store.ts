// SQL for measures (奖惩措施) and matters (业务事项).
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { MeasureTable } from '../../db/schema.js';

type Q = Db | Tx;

const measureColumns = ['m.id', 'm.code', 'm.kind', 'm.nature', 'm.category', 'm.title', 'm.content', 'm.legal_basis', 'm.implementing_department_id',
  'm.implementing_agency', 'm.applies_to', 'm.matter_categories', 'm.edition', 'm.source', 'm.verified', 'm.created_at',
  'd.code as implementing_department_code', 'd.name as implementing_department_name'] as const;

export async function insertMeasure(tx: Tx, row: Omit<MeasureTable, 'id' | 'created_at' | 'verified' | 'matter_categories'> & { matter_categories: string[]; verified?: boolean }) {
  return tx.insertInto('measure').values(row).onConflict((oc) => oc.column('code').doNothing()).returning(['id']).executeTakeFirst();
}

export async function findMeasures(db: Q, codes: string[]) {
  if (!codes.length) return [];
  return db.selectFrom('measure as m').leftJoin('department as d', 'd.id', 'm.implementing_department_id').select(measureColumns).where('m.code', 'in', codes).execute();
}

export async function listMeasures(db: Q, f: { implementingDepartmentId?: string; kind?: 'reward' | 'punishment' }) {
  let q = db.selectFrom('measure as m').leftJoin('department as d', 'd.id', 'm.implementing_department_id').select(measureColumns).orderBy('m.code');
  if (f.implementingDepartmentId) q = q.where('m.implementing_department_id', '=', f.implementingDepartmentId);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  return q.execute();
}

export async function assignImplementer(tx: Tx, code: string, departmentId: string) {
  return tx.updateTable('measure').set({ implementing_department_id: departmentId }).where('code', '=', code).returning('id').executeTakeFirst();
}

export async function insertMatter(tx: Tx, m: { code: string; name: string; departmentId: string; category: string }) {
  return tx.insertInto('matter').values({ code: m.code, name: m.name, department_id: m.departmentId, category: m.category })
    .onConflict((oc) => oc.column('code').doNothing()).returning(['id', 'created_at']).executeTakeFirst();
}

export async function findMatter(db: Q, code: string) {
  return db.selectFrom('matter as x').innerJoin('department as d', 'd.id', 'x.department_id')
    .select(['x.id', 'x.code', 'x.name', 'x.category', 'x.department_id', 'x.created_at', 'd.code as department_code', 'd.name as department_name'])
    .where('x.code', '=', code).executeTakeFirst();
}

export async function listMatters(db: Q, departmentId: string | null) {
  let q = db.selectFrom('matter as x').innerJoin('department as d', 'd.id', 'x.department_id')
    .select(['x.id', 'x.code', 'x.name', 'x.category', 'x.department_id', 'x.created_at', 'd.code as department_code', 'd.name as department_name']).orderBy('x.code');
  if (departmentId) q = q.where('x.department_id', '=', departmentId);
  return q.execute();
}

/** A department named in a sheet by its code or its full name (more than one: ambiguous). */
export async function departmentsNamed(db: Q, text: string) {
  return db.selectFrom('department').select(['id', 'code', 'name', 'roles']).where((eb) => eb.or([eb('code', '=', text.toUpperCase()), eb('name', '=', text)])).limit(2).execute();
}

export async function lockMeasure(tx: Tx, code: string) {
  return tx.selectFrom('measure').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export type MeasureChanges = Partial<Omit<MeasureTable, 'id' | 'created_at' | 'code' | 'matter_categories' | 'verified'>> & { matter_categories?: string[] };

export async function updateMeasure(tx: Tx, id: string, set: MeasureChanges) {
  await tx.updateTable('measure').set(set as never).where('id', '=', id).execute();
}

/** Memoranda carrying a measure (a new implementing department must accept each of them). */
export async function memorandaWithMeasure(tx: Tx, measureId: string) {
  return (await tx.selectFrom('memorandum_measure').select('memorandum_id').where('measure_id', '=', measureId).execute()).map((r) => r.memorandum_id);
}

/** The matter categories in use: by a matter, or named by a measure. */
export async function categoriesInUse(db: Q): Promise<Set<string>> {
  const rows = await db.selectFrom('matter').select('category').union(
    db.selectFrom('measure').select(sql<string>`unnest(matter_categories)`.as('category')),
  ).execute();
  return new Set(rows.map((r) => r.category));
}
