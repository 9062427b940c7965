// Departments: created by the credit office; the credit office itself exists from the first start.
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { validateIdentifier } from '../../domain/identifiers/index.js';
import { regionOf } from '../../domain/identifiers/index.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { isPlatformAdmin, SYSTEM_ACTOR, actorOf, type Principal } from '../auth/principal.js';
import * as store from './store.js';

export const DEPARTMENT_ROLES = ['provider', 'initiating', 'implementing'] as const;

export interface DepartmentView {
  id: string; code: string; name: string; regionCode: string; regionName: string | null; roles: string[]; platform: boolean; createdAt: string;
}

export function presentDepartment(d: store.DepartmentRow): DepartmentView {
  return {
    id: d.id, code: d.code, name: d.name, regionCode: d.region_code, regionName: regionOf(d.region_code)?.fullName ?? null,
    roles: d.roles, platform: d.is_platform, createdAt: d.created_at.toISOString(),
  };
}

function checkDepartmentInput(input: { code: string; regionCode: string }) {
  const id = validateIdentifier(input.code, 'uscc');
  const errs = id.valid ? [] : [{ path: 'body.code', message: `部门代码应为有效的统一社会信用代码：${id.errors.map((e) => e.message).join('；')}` }];
  if (!regionOf(input.regionCode)) errs.push({ path: 'body.regionCode', message: `行政区划代码 ${input.regionCode} 不存在` });
  if (errs.length) throw errors.validation(errs);
  return id.value;
}

export async function createDepartment(opts: {
  db: Db; principal: Principal; input: { code: string; name: string; regionCode: string; roles: string[] };
}): Promise<DepartmentView> {
  const { db, principal, input } = opts;
  if (!isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以新增部门。');
  const code = checkDepartmentInput(input);
  return db.transaction().execute(async (tx) => {
    const row = await store.insertDepartment(tx, { ...input, code, name: input.name.trim(), roles: [...new Set(input.roles)] });
    if (!row) throw errors.conflict('DEPARTMENT_EXISTS', `统一社会信用代码为 ${code} 的部门已存在。`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'department.created', entityType: 'department', entityId: row.id, departmentId: row.id, data: { code, name: row.name, roles: row.roles } });
    return presentDepartment(row);
  });
}

export async function listDepartments(opts: { db: Db }): Promise<DepartmentView[]> {
  return (await store.listDepartments(opts.db)).map(presentDepartment);
}

export async function getDepartment(opts: { db: Db; code: string }): Promise<DepartmentView> {
  const row = await store.findDepartmentByCode(opts.db, opts.code);
  if (!row) throw errors.notFound('该部门');
  return presentDepartment(row);
}

/** The department a command or request names, or the caller's own / the platform's. */
export async function resolveDepartment(db: Db, code: string | undefined): Promise<store.DepartmentRow> {
  const row = code ? await store.findDepartmentByCode(db, code) : await store.findPlatformDepartment(db);
  if (!row) throw new AppError('DEPARTMENT_NOT_FOUND', 404, code ? `部门 ${code} 不存在，请先创建该部门。` : '平台部门（信用办）尚未初始化。');
  return row;
}

/** Creates the credit office on first start; idempotent and safe when several processes start. */
export async function ensurePlatformDepartment(db: Db, config: Config): Promise<store.DepartmentRow> {
  const existing = await store.findPlatformDepartment(db);
  if (existing) return existing;
  return db.transaction().execute(async (tx) => {
    const row = await store.insertDepartment(tx, { ...config.platform, roles: ['platform', 'provider', 'initiating', 'implementing'], isPlatform: true });
    if (row) await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'department.created', entityType: 'department', entityId: row.id, departmentId: row.id, data: { code: row.code, name: row.name, platform: true } });
    return row ?? (await store.findPlatformDepartment(tx))!;
  });
}
