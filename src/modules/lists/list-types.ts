// List types (红黑名单类型): created by the credit office with legal basis, term, exit conditions and
// disclosure; seeded national types get their initiating department assigned locally.
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, isPlatformAdmin, type Principal } from '../auth/principal.js';
import { resolveDepartment } from '../departments/use-cases.js';
import * as store from './store.js';

export interface ListTypeInput {
  code: string; name: string; kind: 'red' | 'black'; domain: string; initiatingDepartment: string; legalBasis: string;
  termMonths: number | null; repairable: boolean; public: boolean; exitConditions?: string;
}

export function presentListType(r: NonNullable<store.ListTypeRow>) {
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind, domain: r.domain,
    initiatingDepartment: r.initiating_department_code ?? null, initiatingDepartmentName: r.initiating_department_name ?? null,
    legalBasis: r.legal_basis, termMonths: r.term_months, repairable: r.repairable, public: r.is_public,
    exitConditions: r.exit_conditions, source: r.source, edition: r.edition, verified: r.verified, createdAt: r.created_at.toISOString(),
    // the policy set by POST /list-types/{code}/policy (null: the platform's defaults)
    objectionDays: r.objection_days, repairMinMonths: r.repair_min_months, repairRequires: r.repair_requires,
  };
}

export async function createListType(opts: { db: Db; principal: Principal; input: ListTypeInput }) {
  const { db, principal, input } = opts;
  if (!isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以新增名单类型。');
  const dept = await resolveDepartment(db, input.initiatingDepartment);
  if (!dept.roles.includes('initiating') && !dept.is_platform) {
    throw errors.validation([{ path: 'body.initiatingDepartment', message: `${dept.name} 不是认定（发起）部门，请先为其添加 initiating 角色` }]);
  }
  await db.transaction().execute(async (tx) => {
    const row = await store.insertListType(tx, {
      code: input.code, name: input.name, kind: input.kind, domain: input.domain, initiating_department_id: dept.id, legal_basis: input.legalBasis,
      term_months: input.termMonths, repairable: input.repairable, is_public: input.public, exit_conditions: input.exitConditions ?? null, source: null, edition: null,
    });
    if (!row) throw errors.conflict('LIST_TYPE_EXISTS', `名单类型代码 ${input.code} 已存在。`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'list_type.created', entityType: 'list_type', entityId: row.id, departmentId: dept.id, data: { ...input } });
  });
  return presentListType((await store.findListType(db, input.code))!);
}

export async function assignInitiatingDepartment(opts: { db: Db; principal: Principal; code: string; department: string }) {
  const { db, principal } = opts;
  if (!isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以指定认定部门。');
  const dept = await resolveDepartment(db, opts.department);
  await db.transaction().execute(async (tx) => {
    const row = await store.assignInitiator(tx, opts.code, dept.id);
    if (!row) throw errors.notFound(`名单类型 ${opts.code}`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'list_type.assigned', entityType: 'list_type', entityId: row.id, departmentId: dept.id, data: { department: dept.code } });
  });
  return presentListType((await store.findListType(db, opts.code))!);
}

export async function listListTypes(opts: { db: Db }) {
  return (await store.listListTypes(opts.db)).map(presentListType);
}

export async function getListType(opts: { db: Db; code: string }) {
  const row = await store.findListType(opts.db, opts.code);
  if (!row) throw errors.notFound(`名单类型 ${opts.code}`);
  return presentListType(row);
}

/** Deadlines and repair conditions of a list type (null = the platform's defaults). */
export async function setListTypePolicy(opts: { db: Db; principal: Principal; code: string; policy: { objectionDays?: number[] | null; repairMinMonths?: number | null; repairRequires?: string[] } }) {
  const { db, principal, policy } = opts;
  if (!isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以设置名单类型的办理时限和修复条件。');
  await db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('list_type').set({
      ...(policy.objectionDays !== undefined ? { objection_days: policy.objectionDays } : {}),
      ...(policy.repairMinMonths !== undefined ? { repair_min_months: policy.repairMinMonths } : {}),
      ...(policy.repairRequires !== undefined ? { repair_requires: policy.repairRequires } : {}),
    }).where('code', '=', opts.code).returning('id').executeTakeFirst();
    if (!row) throw errors.notFound(`名单类型 ${opts.code}`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'list_type.policy', entityType: 'list_type', entityId: row.id, data: { ...policy } });
  });
  const row = await db.selectFrom('list_type').select(['code', 'objection_days', 'repair_min_months', 'repair_requires']).where('code', '=', opts.code).executeTakeFirstOrThrow();
  return { code: row.code, objectionDays: row.objection_days, repairMinMonths: row.repair_min_months, repairRequires: row.repair_requires };
}
