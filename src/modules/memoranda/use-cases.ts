// Memoranda (合作备忘录) join list types to measures; each implementing department named by a
// measure must accept before the memorandum's measures apply to it (DESIGN §5).
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, isPlatformAdmin, type Principal } from '../auth/principal.js';
import * as lists from '../lists/store.js';
import * as measures from '../measures/store.js';
import * as store from './store.js';

export interface MemorandumInput {
  code: string; docNo: string; title: string; listTypes: string[]; measures: string[]; status?: 'notified' | 'in_force' | 'expired';
}

async function present(db: Db, rows: NonNullable<Awaited<ReturnType<typeof store.findMemorandum>>>[]) {
  const parts = await store.memorandumParts(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, code: r.code, docNo: r.doc_no, title: r.title, status: r.status, source: r.source, verified: r.verified,
    listTypes: parts.listTypes.filter((x) => x.memorandum_id === r.id).map((x) => x.code),
    measures: parts.measures.filter((x) => x.memorandum_id === r.id).map((x) => x.code),
    acceptances: parts.acceptances.filter((x) => x.memorandum_id === r.id)
      .map((a) => ({ department: a.code, departmentName: a.name, status: a.status, acceptedAt: a.accepted_at?.toISOString() ?? null })),
    createdAt: r.created_at.toISOString(),
  }));
}

export async function createMemorandum(opts: { db: Db; principal: Principal; input: MemorandumInput }) {
  const { db, principal, input } = opts;
  if (!isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以登记合作备忘录。');
  const listTypes = await Promise.all(input.listTypes.map((c) => lists.findListType(db, c)));
  const found = await measures.findMeasures(db, input.measures);
  const errs = [
    ...input.listTypes.filter((_, i) => !listTypes[i]).map((c) => ({ path: 'body.listTypes', message: `名单类型 ${c} 不存在` })),
    ...input.measures.filter((c) => !found.some((m) => m.code === c)).map((c) => ({ path: 'body.measures', message: `措施 ${c} 不存在` })),
    ...found.filter((m) => !m.implementing_department_id).map((m) => ({ path: 'body.measures', message: `措施 ${m.code} 尚未指定实施部门` })),
  ];
  if (errs.length) throw errors.validation(errs);
  const id = await db.transaction().execute(async (tx) => {
    const row = await store.insertMemorandum(tx, { code: input.code, docNo: input.docNo, title: input.title, status: input.status ?? 'in_force' });
    if (!row) throw errors.conflict('MEMORANDUM_EXISTS', `备忘录代码 ${input.code} 已存在。`);
    await store.linkMemorandum(tx, row.id, listTypes.map((l) => l!.id), found.map((m) => m.id));
    await store.createAcceptances(tx, row.id);
    await recordAudit(tx, { actor: actorOf(principal), action: 'memorandum.created', entityType: 'memorandum', entityId: row.id, data: { ...input } });
    return row.id;
  });
  return (await present(db, [(await db.selectFrom('memorandum').selectAll().where('id', '=', id).executeTakeFirstOrThrow())]))[0];
}

export async function acceptMemorandum(opts: { db: Db; principal: Principal; code: string }) {
  const { db, principal } = opts;
  if (principal.role === 'system') throw errors.forbidden('接收备忘录需由实施部门的经办人或管理员操作。');
  const memo = await store.findMemorandum(db, opts.code);
  if (!memo) throw errors.notFound(`备忘录 ${opts.code}`);
  const acceptance = await store.acceptanceOf(db, memo.id, principal.departmentId);
  if (!acceptance) throw errors.forbidden(`本部门不是备忘录「${memo.title}」的实施部门。`);
  if (acceptance.status === 'accepted') return (await present(db, [memo]))[0];
  await db.transaction().execute(async (tx) => {
    await store.accept(tx, memo.id, principal.departmentId, `${principal.type}:${principal.id}`);
    await recordAudit(tx, { actor: actorOf(principal), action: 'memorandum.accepted', entityType: 'memorandum', entityId: memo.id, data: { code: memo.code } });
  });
  return (await present(db, [memo]))[0];
}

export async function listMemoranda(opts: { db: Db; principal: Principal; pendingForMe?: boolean }) {
  const all = await present(opts.db, await store.listMemoranda(opts.db));
  if (!opts.pendingForMe) return all;
  // 待接收: memoranda naming the caller's department that it has not accepted yet
  return all.filter((m) => m.acceptances.some((a) => a.department === opts.principal.departmentCode && a.status === 'pending'));
}

export async function getMemorandum(opts: { db: Db; code: string }) {
  const memo = await store.findMemorandum(opts.db, opts.code);
  if (!memo) throw errors.notFound(`备忘录 ${opts.code}`);
  return (await present(opts.db, [memo]))[0];
}

export async function setMemorandumStatus(opts: { db: Db; principal: Principal; code: string; status: 'notified' | 'in_force' | 'expired' }) {
  const { db, principal } = opts;
  if (!isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以变更备忘录状态。');
  const memo = await store.findMemorandum(db, opts.code);
  if (!memo) throw errors.notFound(`备忘录 ${opts.code}`);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('memorandum').set({ status: opts.status }).where('id', '=', memo.id).execute();
    await recordAudit(tx, { actor: actorOf(principal), action: 'memorandum.status', entityType: 'memorandum', entityId: memo.id, data: { from: memo.status, to: opts.status } });
  });
  return getMemorandum({ db, code: opts.code });
}
