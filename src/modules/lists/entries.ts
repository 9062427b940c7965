// List entries (名单认定): published by the list type's initiating department, linked to the
// organisation's answerable persons (落实到人), pushed as response tasks to every implementing
// department of every memorandum in force that covers the list type (发起—响应).
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { EntryStatus } from '../../db/schema.js';
import { isRealIsoDate } from '../../domain/working-days.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, SYSTEM_ACTOR, type Actor, type Principal } from '../auth/principal.js';
import { recordChange, type ChangeType } from '../changes/record.js';
import * as memoranda from '../memoranda/store.js';
import { resolveIdentity, type SubjectInput } from '../subjects/identity.js';
import { findOrCreateSubject } from '../subjects/use-cases.js';
import * as tasks from '../tasks/store.js';
import { addMonths, presentEntry, today } from './present.js';
import * as store from './store.js';

export interface EntryInput {
  listType: string;
  subject: SubjectInput;
  reason: string;
  decisionNo: string;
  decidedOn: string;
  startsOn: string;
  endsOn?: string | null;
  responsiblePersons?: { role: 'legal_representative' | 'principal' | 'directly_responsible'; name: string; idNumber: string }[];
}

async function listTypeForPublisher(tx: Tx, principal: Principal, code: string) {
  const lt = await store.findListType(tx, code);
  if (!lt) throw errors.validation([{ path: 'body.listType', message: `名单类型 ${code} 不存在` }]);
  if (!lt.initiating_department_id) throw errors.forbidden(`名单类型 ${lt.name} 尚未指定认定部门，请信用办先指定。`);
  if (lt.initiating_department_id !== principal.departmentId) throw errors.forbidden(`只有 ${lt.initiating_department_name} 可以认定「${lt.name}」。`);
  return lt;
}

function termOf(input: EntryInput, termMonths: number | null): string | null {
  if (input.endsOn !== undefined) return input.endsOn;
  return termMonths ? addMonths(input.startsOn, termMonths, -1) : null;
}

/** Calendar dates that exist (a sheet may say 2026-02-30), before any arithmetic on them. */
function checkRealDates(input: EntryInput) {
  const errs = (['decidedOn', 'startsOn', 'endsOn'] as const).flatMap((field) => {
    const value = input[field];
    return value && !isRealIsoDate(value) ? [{ path: `body.${field}`, message: `${value} 不是有效的日期（格式 YYYY-MM-DD）` }] : [];
  });
  if (errs.length) throw errors.validation(errs);
}

function checkDates(input: EntryInput, endsOn: string | null) {
  const errs = [];
  if (input.decidedOn > today()) errs.push({ path: 'body.decidedOn', message: '认定日期不能晚于今天' });
  if (endsOn && endsOn < input.startsOn) errs.push({ path: 'body.endsOn', message: '结束日期不能早于开始日期' });
  if (errs.length) throw errors.validation(errs);
}

async function linkPersons(tx: Tx, ctx: AppContext, actor: Actor, entryId: string, subject: { id: string; kind: string }, input: EntryInput) {
  if (subject.kind === 'natural_person') return [];
  const rows: Parameters<typeof store.insertEntryPersons>[1] = [];
  for (const [i, p] of (input.responsiblePersons ?? []).entries()) {
    const identity = resolveIdentity({ kind: 'natural_person', name: p.name, idNumber: p.idNumber }, ctx.config, `body.responsiblePersons.${i}`);
    const { row } = await findOrCreateSubject(tx, ctx, actor, identity);
    rows.push({ entry_id: entryId, person_id: row.id, role: p.role, source: 'listing' });
  }
  for (const r of await store.relationsInForce(tx, subject.id, input.decidedOn)) {
    rows.push({ entry_id: entryId, person_id: r.person_id, role: r.role, source: 'relation' });
  }
  await store.insertEntryPersons(tx, rows);
  return rows;
}

type Implementers = Awaited<ReturnType<typeof memoranda.implementersFor>>;

/** Response tasks (响应), after the entry's own change: a feed reader meets the entry before its tasks. */
async function pushTasks(tx: Tx, entryId: string, listTypeCode: string, targets: Implementers) {
  const created = await tasks.insertTasks(tx, targets.map((t) => ({ entry_id: entryId, department_id: t.department_id, memorandum_id: t.memorandum_id })));
  for (const t of created) {
    await recordChange(tx, { type: 'task.created', isPublic: false, departments: [t.department_id], data: { taskId: t.id, entryId, listType: listTypeCode, memorandumId: t.memorandum_id } });
  }
}

/** Publishes one entry inside the caller's transaction; returns its id. */
export async function publishEntryIn(tx: Tx, ctx: AppContext, principal: Principal, input: EntryInput): Promise<string> {
  const subjectIdentity = resolveIdentity(input.subject, ctx.config);
  const lt = await listTypeForPublisher(tx, principal, input.listType);
  checkRealDates(input);
  const endsOn = termOf(input, lt.term_months);
  checkDates(input, endsOn);
  const actor = actorOf(principal);
  const { row: subject } = await findOrCreateSubject(tx, ctx, actor, subjectIdentity);
  const entry = await store.insertEntry(tx, { listTypeId: lt.id, subjectId: subject.id, departmentId: principal.departmentId, reason: input.reason, decisionNo: input.decisionNo, decidedOn: input.decidedOn, startsOn: input.startsOn, endsOn });
  if (!entry) throw errors.conflict('ENTRY_EXISTS', `该主体已按认定文书 ${input.decisionNo} 列入「${lt.name}」。`);
  const persons = await linkPersons(tx, ctx, actor, entry.id, subject, input);
  await store.insertEntryEvent(tx, { entryId: entry.id, from: null, to: 'active', actorType: actor.type, actorId: actor.id, reason: input.reason });
  const targets = await memoranda.implementersFor(tx, lt.id);
  const implementers = targets.map((t) => t.department_id);
  await recordAudit(tx, { actor, action: 'entry.published', entityType: 'list_entry', entityId: entry.id, data: { listType: lt.code, subjectId: subject.id, decisionNo: input.decisionNo } });
  // the subject is told through the public feed when the list is public (告知); departments always
  await recordChange(tx, {
    type: 'entry.published', subjectId: subject.id, isPublic: lt.is_public, departments: [principal.departmentId, ...implementers],
    data: {
      entryId: entry.id, listType: lt.code, kind: lt.kind, subject: { id: subject.id, kind: subject.kind, name: subject.name, uscc: subject.uscc, idNumberMasked: subject.id_masked },
      decisionNo: input.decisionNo, decidedOn: input.decidedOn, startsOn: input.startsOn, endsOn, persons: persons.map((p) => ({ id: p.person_id, role: p.role })),
    },
  });
  // a term that already ended (a late registration of a past listing) is history at once: it expires in
  // the same transaction, and no department is asked to respond to it
  const now = today();
  if (endsOn && endsOn < now) {
    await transitionEntry(tx, { id: entry.id, from: ['active'], to: 'expired', change: 'entry.expired', action: 'entry.expired', actor: SYSTEM_ACTOR, reason: `期限届满（${endsOn}）` });
  } else {
    await pushTasks(tx, entry.id, lt.code, targets);
  }
  return entry.id;
}

export async function publishEntry(opts: { ctx: AppContext; principal: Principal; input: EntryInput }) {
  const { ctx, principal, input } = opts;
  const id = await ctx.db.transaction().execute((tx) => publishEntryIn(tx, ctx, principal, input));
  return getEntry({ ctx, principal, id });
}

export async function getEntry(opts: { ctx: AppContext; principal: Principal; id: string }) {
  const { ctx, principal } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) throw errors.notFound('该名单记录');
  const row = await store.findEntry(ctx.db, opts.id, principal.platform ? null : principal.departmentId);
  if (!row) throw errors.notFound('该名单记录');
  const [persons, events] = await Promise.all([store.entryPersons(ctx.db, [row.id]), store.entryEvents(ctx.db, row.id)]);
  return presentEntry(row, persons, events);
}

export async function listEntries(opts: { ctx: AppContext; principal: Principal; filter: Omit<Parameters<typeof store.listEntries>[2], 'limit' | 'offset'> & { limit?: number; offset?: number } }) {
  const { ctx, principal, filter } = opts;
  const rows = await store.listEntries(ctx.db, principal.platform ? null : principal.departmentId, { ...filter, limit: filter.limit ?? 50, offset: filter.offset ?? 0 });
  const persons = await store.entryPersons(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => presentEntry(r, persons.filter((p) => p.entry_id === r.id)));
}

export const TRANSITIONS: Record<'remove' | 'revoke', { from: EntryStatus[]; to: EntryStatus; change: ChangeType; action: string }> = {
  remove: { from: ['active', 'held'], to: 'removed', change: 'entry.removed', action: 'entry.removed' },
  revoke: { from: ['active', 'held', 'expired', 'removed'], to: 'revoked', change: 'entry.revoked', action: 'entry.revoked' },
};

/** Moves an entry to a new status with its history, audit and change in one transaction. */
export async function transitionEntry(tx: Tx, opts: {
  id: string; from: EntryStatus[]; to: EntryStatus; change: ChangeType; action: string; actor: Actor; reason: string | null;
  /** More for the feed: e.g. the departments that acted on a revoked entry, who must undo it. */
  extra?: { data?: Record<string, unknown>; departments?: string[] };
}) {
  const before = await tx.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id')
    .select(['e.status', 'lt.code', 'lt.is_public']).where('e.id', '=', opts.id).forUpdate().executeTakeFirst();
  const row = await store.setEntryStatus(tx, opts.id, opts.from, opts.to);
  if (!row || !before) return null;
  await store.insertEntryEvent(tx, { entryId: row.id, from: before.status, to: opts.to, actorType: opts.actor.type, actorId: opts.actor.id, reason: opts.reason });
  await recordAudit(tx, { actor: opts.actor, action: opts.action, entityType: 'list_entry', entityId: row.id, departmentId: row.department_id, data: { from: before.status, reason: opts.reason } });
  const implementers = await memoranda.implementersFor(tx, row.list_type_id);
  await recordChange(tx, { type: opts.change, subjectId: row.subject_id, isPublic: before.is_public, departments: [...new Set([row.department_id, ...implementers.map((i) => i.department_id), ...(opts.extra?.departments ?? [])])], data: { entryId: row.id, listType: before.code, from: before.status, to: opts.to, reason: opts.reason, ...opts.extra?.data } });
  return row;
}

export async function endEntry(opts: { ctx: AppContext; principal: Principal; id: string; how: 'remove' | 'revoke'; reason: string }) {
  const { ctx, principal } = opts;
  const entry = await getEntry(opts);
  if (entry.department.code !== principal.departmentCode) throw errors.forbidden('只有认定部门可以移出或撤销名单记录。');
  const t = TRANSITIONS[opts.how];
  await ctx.db.transaction().execute(async (tx) => {
    const row = await transitionEntry(tx, { id: entry.id, ...t, actor: actorOf(principal), reason: opts.reason });
    if (!row) throw errors.conflict('ENTRY_STATE', `名单记录当前状态为 ${entry.status}，不能${opts.how === 'remove' ? '移出' : '撤销'}。`);
  });
  return getEntry(opts);
}
