// Measures (奖惩措施) and matters (业务事项, where checks are embedded): created by the credit office;
// a matter belongs to the department whose business it is.
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, isPlatformAdmin, type Principal } from '../auth/principal.js';
import { resolveDepartment } from '../departments/use-cases.js';
import { createAcceptances } from '../memoranda/store.js';
import * as store from './store.js';

export const APPLIES_TO = ['organization', 'responsible_person', 'natural_person'] as const;
// The usual categories of matters where checks are embedded (DESIGN §3), offered by the console.
// Other words are accepted (a province may have its own), but measures and matters must use the same.
export const MATTER_CATEGORIES = ['行政许可', '政府采购', '招标投标', '财政资金', '评先评优', '公共资源交易', '任职资格', '融资信贷', '日常监管', '公共服务', '其他'] as const;

export interface MeasureInput {
  code: string; kind: 'reward' | 'punishment'; nature: 'mandatory' | 'recommended'; title: string; content?: string; legalBasis: string;
  implementingDepartment: string; appliesTo: string[]; matterCategories: string[]; category?: string; edition?: string;
}

export function presentMeasure(m: Awaited<ReturnType<typeof store.findMeasures>>[number]) {
  return {
    id: m.id, code: m.code, kind: m.kind, nature: m.nature, category: m.category, title: m.title, content: m.content, legalBasis: m.legal_basis,
    implementingDepartment: m.implementing_department_code ?? null, implementingDepartmentName: m.implementing_department_name ?? null,
    implementingAgency: m.implementing_agency, appliesTo: m.applies_to, matterCategories: m.matter_categories, edition: m.edition,
    source: m.source, verified: m.verified, createdAt: m.created_at.toISOString(),
  };
}

/** Measures and matters belong to implementing departments: only they check, so only they can apply them. */
async function implementingDepartment(db: Db, code: string, path: string) {
  const dept = await resolveDepartment(db, code);
  if (!dept.roles.includes('implementing')) {
    throw errors.validation([{ path, message: `部门「${dept.name}」不是实施部门：请先为该部门增加实施部门（implementing）角色，或改填实施部门` }]);
  }
  return dept;
}

/**
 * A category neither usual nor used by any matter or measure is most often a typo (招投标 for 招标投标):
 * accepted (a province may have its own), but said, because a measure reaches only matters of its categories.
 */
export async function categoryWarnings(db: Db, categories: string[], whose: 'measure' | 'matter'): Promise<string[]> {
  const usual = new Set<string>(MATTER_CATEGORIES);
  const unknown = categories.filter((c) => !usual.has(c));
  if (!unknown.length) return [];
  const used = await store.categoriesInUse(db);
  return unknown.filter((c) => !used.has(c)).map((c) => whose === 'measure'
    ? `事项类别「${c}」不是常用类别，也没有业务事项使用它：只有类别相同的事项核查时才会适用该措施，请确认是否写错（常用类别：${MATTER_CATEGORIES.join('、')}）`
    : `事项类别「${c}」不是常用类别，也没有措施适用于它：该事项核查时不会返回任何措施，请确认是否写错（常用类别：${MATTER_CATEGORIES.join('、')}）`);
}

function requireAdmin(p: Principal) {
  if (!isPlatformAdmin(p)) throw errors.forbidden('只有信用办管理员可以维护措施清单和业务事项。');
}

export async function createMeasure(opts: { db: Db; principal: Principal; input: MeasureInput }) {
  const { db, principal, input } = opts;
  requireAdmin(principal);
  const dept = await implementingDepartment(db, input.implementingDepartment, 'body.implementingDepartment');
  const warnings = await categoryWarnings(db, input.matterCategories, 'measure');
  await db.transaction().execute(async (tx) => {
    const row = await store.insertMeasure(tx, {
      code: input.code, kind: input.kind, nature: input.nature, category: input.category ?? null, title: input.title, content: input.content ?? null,
      legal_basis: input.legalBasis, implementing_department_id: dept.id, implementing_agency: dept.name, applies_to: [...new Set(input.appliesTo)],
      matter_categories: [...new Set(input.matterCategories)], edition: input.edition ?? null, source: null,
    });
    if (!row) throw errors.conflict('MEASURE_EXISTS', `措施代码 ${input.code} 已存在。`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'measure.created', entityType: 'measure', entityId: row.id, departmentId: dept.id, data: { code: input.code, title: input.title } });
  });
  return { ...presentMeasure((await store.findMeasures(db, [input.code]))[0]), ...(warnings.length ? { warnings } : {}) };
}

export interface MeasureEdit {
  nature?: 'mandatory' | 'recommended'; title?: string; content?: string | null; legalBasis?: string; appliesTo?: string[]; matterCategories?: string[];
  category?: string | null; edition?: string | null; verified?: boolean;
}

/** Corrects a measure (its title, legal basis…); its code and kind stay. Checks apply it at once (ADR 013). */
export async function editMeasure(opts: { db: Db; principal: Principal; code: string; edit: MeasureEdit }) {
  const { db, principal, code, edit } = opts;
  requireAdmin(principal);
  await db.transaction().execute(async (tx) => {
    const before = await store.lockMeasure(tx, code);
    if (!before) throw errors.notFound(`措施 ${code}`);
    const set: store.MeasureChanges = {
      ...(edit.nature !== undefined ? { nature: edit.nature } : {}), ...(edit.title !== undefined ? { title: edit.title.trim() } : {}),
      ...(edit.content !== undefined ? { content: edit.content } : {}), ...(edit.legalBasis !== undefined ? { legal_basis: edit.legalBasis.trim() } : {}),
      ...(edit.appliesTo !== undefined ? { applies_to: [...new Set(edit.appliesTo)] } : {}),
      ...(edit.matterCategories !== undefined ? { matter_categories: [...new Set(edit.matterCategories)] } : {}),
      ...(edit.category !== undefined ? { category: edit.category } : {}), ...(edit.edition !== undefined ? { edition: edit.edition } : {}),
      ...(edit.verified !== undefined ? { verified: edit.verified } : {}),
    } as store.MeasureChanges;
    if (!Object.keys(set).length) throw errors.validation([{ path: 'body', message: '请至少修改一项' }]);
    await store.updateMeasure(tx, before.id, set);
    const was = Object.fromEntries(Object.keys(set).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await recordAudit(tx, { actor: actorOf(principal), action: 'measure.edited', entityType: 'measure', entityId: before.id, data: { code, before: was, after: set } });
  });
  return presentMeasure((await store.findMeasures(db, [code]))[0]);
}

export async function assignImplementingDepartment(opts: { db: Db; principal: Principal; code: string; department: string }) {
  requireAdmin(opts.principal);
  const dept = await implementingDepartment(opts.db, opts.department, 'body.department');
  await opts.db.transaction().execute(async (tx) => {
    const row = await store.assignImplementer(tx, opts.code, dept.id);
    if (!row) throw errors.notFound(`措施 ${opts.code}`);
    // the newly named department must accept every memorandum carrying this measure
    for (const m of await tx.selectFrom('memorandum_measure').select('memorandum_id').where('measure_id', '=', row.id).execute()) {
      await createAcceptances(tx, m.memorandum_id);
    }
    await recordAudit(tx, { actor: actorOf(opts.principal), action: 'measure.assigned', entityType: 'measure', entityId: row.id, departmentId: dept.id, data: { department: dept.code } });
  });
  return presentMeasure((await store.findMeasures(opts.db, [opts.code]))[0]);
}

export async function listMeasures(opts: { db: Db; filter: { implementingDepartment?: string; kind?: 'reward' | 'punishment' } }) {
  const dept = opts.filter.implementingDepartment ? await resolveDepartment(opts.db, opts.filter.implementingDepartment) : null;
  return (await store.listMeasures(opts.db, { implementingDepartmentId: dept?.id, kind: opts.filter.kind })).map(presentMeasure);
}

export function presentMatter(m: NonNullable<Awaited<ReturnType<typeof store.findMatter>>>) {
  return { id: m.id, code: m.code, name: m.name, category: m.category, department: m.department_code, departmentName: m.department_name, createdAt: m.created_at.toISOString() };
}

export async function createMatter(opts: { db: Db; principal: Principal; input: { code: string; name: string; department: string; category: string } }) {
  const { db, principal, input } = opts;
  requireAdmin(principal);
  const dept = await implementingDepartment(db, input.department, 'body.department');
  const warnings = await categoryWarnings(db, [input.category], 'matter');
  await db.transaction().execute(async (tx) => {
    const row = await store.insertMatter(tx, { ...input, departmentId: dept.id });
    if (!row) throw errors.conflict('MATTER_EXISTS', `事项编码 ${input.code} 已存在。`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'matter.created', entityType: 'matter', entityId: row.id, departmentId: dept.id, data: input });
  });
  return { ...presentMatter((await store.findMatter(db, input.code))!), ...(warnings.length ? { warnings } : {}) };
}

export async function listMatters(opts: { db: Db; principal: Principal }) {
  const rows = await store.listMatters(opts.db, opts.principal.platform ? null : opts.principal.departmentId);
  return rows.map(presentMatter);
}
