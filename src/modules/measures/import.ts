// Importing a department's measure list (奖惩措施清单) from a sheet: credit office admins over the
// API, or the command line on the platform's machine. A row's measure code is its natural key: a new
// code is created, the same row again is unchanged, a changed row updates the measure in place (a
// measure has no versions; the audit row keeps what changed). Empty 措施内容 / 措施类别 / 版本 cells
// keep what is stored, so a short sheet does not wipe texts entered before. ADR 011.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { MEASURE_SHEET, measureOfRow, type MeasureOfRow } from '../../domain/measure-sheet.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, isPlatformAdmin, type Actor, type Principal } from '../auth/principal.js';
import { resolveDepartment } from '../departments/use-cases.js';
import { today } from '../lists/present.js';
import * as memoranda from '../memoranda/store.js';
import { createAcceptances } from '../memoranda/store.js';
import { runSheetImport, type SheetImportRequest, type SheetImportSummary, type SheetRowOutcome } from '../collection/sheet-import.js';
import * as store from './store.js';

type Department = { id: string; code: string; name: string };
interface Item { measure: MeasureOfRow; department: Department }

const PATH_FIELDS: Record<string, string> = { 'body.code': 'code', 'body.implementingDepartment': 'implementing_department' };

/** Department names and codes resolve once per import, not once per row. */
function departmentResolver(ctx: AppContext) {
  const cache = new Map<string, (Department & { roles: string[] })[]>();
  return async (text: string) => {
    let hit = cache.get(text);
    if (!hit) cache.set(text, hit = await store.departmentsNamed(ctx.db, text));
    return hit;
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** What the row would change in the stored measure (empty: unchanged). */
function changesOf(stored: NonNullable<Awaited<ReturnType<typeof store.lockMeasure>>>, m: MeasureOfRow, d: Department) {
  const set: store.MeasureChanges = {};
  if (stored.kind !== m.kind) set.kind = m.kind;
  if (stored.nature !== m.nature) set.nature = m.nature;
  if (stored.title !== m.title) set.title = m.title;
  if (stored.legal_basis !== m.legalBasis) set.legal_basis = m.legalBasis;
  if (m.content !== null && stored.content !== m.content) set.content = m.content;
  if (m.category !== null && stored.category !== m.category) set.category = m.category;
  if (m.edition !== null && stored.edition !== m.edition) set.edition = m.edition;
  if (stored.implementing_department_id !== d.id) Object.assign(set, { implementing_department_id: d.id, implementing_agency: d.name });
  if (!sameList(stored.applies_to, m.appliesTo)) set.applies_to = m.appliesTo;
  if (!sameList(stored.matter_categories, m.matterCategories)) set.matter_categories = m.matterCategories;
  return set;
}

type Memorandum = NonNullable<Awaited<ReturnType<typeof memoranda.findMemorandum>>>;

/** A memorandum's measure list: each measure of the sheet joins the memorandum; implementers must accept. */
async function writeMeasureOf(tx: Tx, actor: Actor, item: Item, memo: Memorandum | null): Promise<SheetRowOutcome> {
  const { outcome, id } = await writeMeasure(tx, actor, item);
  if (memo) {
    await memoranda.linkMemorandum(tx, memo.id, [], [id]);
    await createAcceptances(tx, memo.id);
  }
  return outcome;
}

async function writeMeasure(tx: Tx, actor: Actor, { measure: m, department: d }: Item): Promise<{ outcome: SheetRowOutcome; id: string }> {
  const stored = await store.lockMeasure(tx, m.code);
  if (!stored) {
    const row = await store.insertMeasure(tx, {
      code: m.code, kind: m.kind, nature: m.nature, category: m.category, title: m.title, content: m.content, legal_basis: m.legalBasis,
      implementing_department_id: d.id, implementing_agency: d.name, applies_to: m.appliesTo, matter_categories: m.matterCategories, edition: m.edition, source: null,
    });
    if (!row) throw errors.conflict('MEASURE_EXISTS', `措施编码 ${m.code} 正被同时导入，请稍后重试。`);
    await recordAudit(tx, { actor, action: 'measure.created', entityType: 'measure', entityId: row.id, departmentId: d.id, data: { code: m.code, title: m.title, via: 'import' } });
    return { outcome: 'accepted', id: row.id };
  }
  const set = changesOf(stored, m, d);
  if (!Object.keys(set).length) return { outcome: 'unchanged', id: stored.id };
  await store.updateMeasure(tx, stored.id, set);
  // a newly named implementing department must accept every memorandum carrying the measure
  if (set.implementing_department_id) for (const id of await store.memorandaWithMeasure(tx, stored.id)) await createAcceptances(tx, id);
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, stored[k as keyof typeof stored]]));
  await recordAudit(tx, { actor, action: 'measure.updated', entityType: 'measure', entityId: stored.id, departmentId: d.id, data: { code: m.code, before, after: set, via: 'import' } });
  return { outcome: 'versioned', id: stored.id };
}

export interface MeasureImportRequest extends Omit<SheetImportRequest, 'ctx'> {
  ctx: AppContext;
  /** null: the command line on the platform's machine, acting for the credit office. */
  principal: Principal | null;
  /** The sheet is this memorandum's measure list: every measure in it joins the memorandum. */
  memorandum?: string;
}

export async function importMeasures(req: MeasureImportRequest): Promise<SheetImportSummary> {
  const { ctx, principal } = req;
  if (principal && !isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以导入措施清单。');
  const office = await resolveDepartment(ctx.db, undefined);
  const actor: Actor = principal ? actorOf(principal) : { type: 'system', id: 'cli', departmentId: office.id };
  const memo = req.memorandum ? await memoranda.findMemorandum(ctx.db, req.memorandum) ?? null : null;
  if (req.memorandum && !memo) throw new AppError('MEMORANDUM_NOT_FOUND', 404, `备忘录 ${req.memorandum} 不存在，请先创建该备忘录。`);
  const department = departmentResolver(ctx);
  const day = today();
  const summary = await runSheetImport<Item>(req, {
    def: MEASURE_SHEET,
    fieldOfPath: (p) => PATH_FIELDS[p] ?? '',
    async judge(cells) {
      const r = measureOfRow(cells, day);
      if (!r.ok) return { issues: r.issues };
      const found = await department(r.measure.implementingDepartment);
      if (found.length !== 1) {
        return { issues: [{ field: 'implementing_department', code: found.length ? 'AMBIGUOUS_DEPARTMENT' : 'UNKNOWN_DEPARTMENT', reason: found.length
          ? `有多个部门名为“${r.measure.implementingDepartment}”，请改填该部门的统一社会信用代码`
          : `实施部门“${r.measure.implementingDepartment}”不存在：请填写已登记部门的统一社会信用代码或全称` }] };
      }
      if (!found[0].roles.includes('implementing')) {
        return { issues: [{ field: 'implementing_department', code: 'NOT_IMPLEMENTING', reason: `部门“${found[0].name}”不是实施部门：请先为该部门增加实施部门角色，或改填实施部门` }] };
      }
      const item = { measure: r.measure, department: { id: found[0].id, code: found[0].code, name: found[0].name } };
      return { item, key: r.measure.code, hash: createHash('sha1').update(JSON.stringify(item)).digest('base64') };
    },
    write: (tx, item) => writeMeasureOf(tx, actor, item, memo),
  });
  await ctx.db.transaction().execute((tx) => recordAudit(tx, { actor, action: 'measures.imported', entityType: 'measure_import', entityId: null, departmentId: office.id,
    data: { fileName: req.fileName, memorandum: req.memorandum ?? null, status: summary.status, total: summary.total, accepted: summary.accepted, versioned: summary.versioned, unchanged: summary.unchanged, rejected: summary.rejected } }));
  return summary;
}
