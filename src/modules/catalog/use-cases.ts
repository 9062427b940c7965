// The catalog (信用信息目录): info types as data, seeded at first start, managed by the credit
// office's admins; every change makes a new version (records and batches name the version they used).
import type { Db } from '../../db/database.js';
import type { InfoTypeDefinition } from '../../domain/fields.js';
import { definitionIssues } from '../../domain/fields-definition.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, isPlatformAdmin, type Principal } from '../auth/principal.js';
import * as store from './store.js';

export interface InfoTypeView extends InfoTypeDefinition {
  version: number;
  categoryName: string;
  updatedAt: string;
}

export async function listCategories(opts: { db: Db }) {
  return (await store.listCategories(opts.db)).map((c) => ({ code: c.code, name: c.name, edition: c.edition }));
}

export async function listInfoTypes(opts: { db: Db }): Promise<InfoTypeView[]> {
  return (await store.listInfoTypes(opts.db)).map((r) => ({
    ...(r.definition as InfoTypeDefinition), version: r.version, categoryName: r.category_name, updatedAt: r.updated_at.toISOString(),
  }));
}

/** The definition in force (or a given version); 404 when the type does not exist. */
export async function loadInfoType(db: Db, code: string, version?: number): Promise<{ definition: InfoTypeDefinition; version: number }> {
  const row = await store.findInfoType(db, code);
  if (!row) throw new AppError('INFO_TYPE_NOT_FOUND', 404, `信息类别 ${code} 不存在，请查看目录（GET /api/v1/catalog/info-types）。`);
  if (version === undefined || version === row.version) return { definition: row.definition as InfoTypeDefinition, version: row.version };
  const old = await store.findVersion(db, code, version);
  if (!old) throw errors.notFound(`信息类别 ${code} 的第 ${version} 版`);
  return { definition: old.definition as InfoTypeDefinition, version };
}

export async function getInfoType(opts: { db: Db; code: string; version?: number }): Promise<InfoTypeView> {
  const { definition, version } = await loadInfoType(opts.db, opts.code, opts.version);
  const categories = await store.listCategories(opts.db);
  const current = await store.findInfoType(opts.db, opts.code);
  return { ...definition, version, categoryName: categories.find((c) => c.code === definition.category)?.name ?? definition.category, updatedAt: current!.updated_at.toISOString() };
}

export async function listVersions(opts: { db: Db; code: string }) {
  await loadInfoType(opts.db, opts.code);
  return (await store.listVersions(opts.db, opts.code)).map((v) => ({ version: v.version, actor: { type: v.actor_type, id: v.actor_id }, createdAt: v.created_at.toISOString() }));
}

async function checkDefinition(db: Db, def: InfoTypeDefinition): Promise<void> {
  const issues = definitionIssues(def);
  const categories = await store.listCategories(db);
  if (!categories.some((c) => c.code === def.category)) {
    issues.push({ path: 'body.category', message: `目录类别应为：${categories.map((c) => `${c.code}（${c.name}）`).join('、')}` });
  }
  const known = await store.departmentCodesExisting(db, def.providerDepartments);
  def.providerDepartments.forEach((code, i) => { if (!known.has(code)) issues.push({ path: `body.providerDepartments.${i}`, message: `部门 ${code} 不存在` }); });
  if (issues.length) throw errors.validation(issues, `信息类别定义有误：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`);
}

function requireCatalogAdmin(principal: Principal): void {
  if (!isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以维护信用信息目录。');
}

export async function createInfoType(opts: { db: Db; principal: Principal; input: InfoTypeDefinition }): Promise<InfoTypeView> {
  const { db, principal, input } = opts;
  requireCatalogAdmin(principal);
  await checkDefinition(db, input);
  await db.transaction().execute(async (tx) => {
    const actor = actorOf(principal);
    const created = await store.insertInfoType(tx, { code: input.code, name: input.name, category: input.category, definition: input, actorType: actor.type, actorId: actor.id });
    if (!created) throw errors.conflict('INFO_TYPE_EXISTS', `信息类别 ${input.code} 已存在；修改请使用 PUT /api/v1/catalog/info-types/${input.code}。`);
    await recordAudit(tx, { actor, action: 'info_type.created', entityType: 'info_type', entityId: input.code, data: { version: 1, name: input.name } });
  });
  return getInfoType({ db, code: input.code });
}

export async function updateInfoType(opts: { db: Db; principal: Principal; code: string; input: Omit<InfoTypeDefinition, 'code'> }): Promise<InfoTypeView> {
  const { db, principal, code } = opts;
  requireCatalogAdmin(principal);
  const def: InfoTypeDefinition = { ...opts.input, code };
  await checkDefinition(db, def);
  await db.transaction().execute(async (tx) => {
    const row = await store.findInfoType(tx, code, { forUpdate: true });
    if (!row) throw new AppError('INFO_TYPE_NOT_FOUND', 404, `信息类别 ${code} 不存在。`);
    const actor = actorOf(principal);
    const version = row.version + 1;
    await store.updateInfoType(tx, { code, name: def.name, category: def.category, version, definition: def, actorType: actor.type, actorId: actor.id });
    await recordAudit(tx, { actor, action: 'info_type.updated', entityType: 'info_type', entityId: code, data: { version, from: row.version } });
  });
  return getInfoType({ db, code });
}
