// SQL for departments. Departments are public facts (name, code, region); what they own is scoped.
import type { Db, Tx } from '../../db/database.js';

export type DepartmentRow = {
  id: string; code: string; name: string; region_code: string; roles: string[]; is_platform: boolean; created_at: Date;
};

export async function findDepartmentByCode(db: Db | Tx, code: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('department').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findPlatformDepartment(db: Db | Tx): Promise<DepartmentRow | undefined> {
  return db.selectFrom('department').selectAll().where('is_platform', '=', true).executeTakeFirst();
}

export async function insertDepartment(tx: Tx, d: { code: string; name: string; regionCode: string; roles: string[]; isPlatform?: boolean }) {
  return tx.insertInto('department').values({
    code: d.code, name: d.name, region_code: d.regionCode, roles: d.roles, is_platform: d.isPlatform ?? false,
  }).onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
}

export async function listDepartments(db: Db): Promise<DepartmentRow[]> {
  return db.selectFrom('department').selectAll().orderBy('is_platform', 'desc').orderBy('code').execute();
}
