// Objections (异议, 豫政〔2016〕65号 五(八)): anyone affected files one; the credit office accepts it —
// and from that moment the target is held (联合惩戒措施在信息核实期间暂不执行) — or returns it;
// forwards it to the provider, which decides: verified, unpublish, delete or update. Deadlines in
// working days (accept 1, forward 2, decide 5; per list type or XINYONG_OBJECTION_DAYS).
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { encryptText, decryptText } from '../../domain/protect.js';
import { newReceiptCode } from '../../domain/receipt.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, PUBLIC_ACTOR, type Principal } from '../auth/principal.js';
import { workingDeadline } from '../checks/deadline.js';
import { today } from '../lists/present.js';
import { applyOutcome, assertDecidedHere, holdTarget, loadTarget, type Correction, type Target } from './targets.js';
import * as store from './store.js';

type Row = NonNullable<Awaited<ReturnType<typeof store.findObjection>>>;
export type Outcome = 'verified' | 'unpublish' | 'delete' | 'update';

export function objectionDays(t: Target): [number, number, number] {
  const d = t.objectionDays ?? (process.env.XINYONG_OBJECTION_DAYS ?? '1,2,5').split(',').map(Number);
  return [d[0], d[1], d[2]];
}

/** The deadline of the stage the objection is in, and whether it has passed. */
export function currentDue(o: { status: string; accept_due_on: string; forward_due_on: string | null; decide_due_on: string | null }, on = today()) {
  const due = o.status === 'submitted' ? o.accept_due_on : o.status === 'accepted' ? o.forward_due_on : o.status === 'with_provider' ? o.decide_due_on : null;
  return { dueOn: due, overdue: !!due && on > due };
}

export function presentObjection(o: Row | Awaited<ReturnType<typeof store.listObjections>>[number], opts: { contact?: string } = {}) {
  return {
    id: o.id, receiptCode: o.receipt_code, target: { type: o.target_type, id: o.target_id }, status: o.status, outcome: 'outcome' in o ? o.outcome : undefined,
    reason: o.reason, applicant: { name: o.applicant_name, ...(opts.contact ? { contact: opts.contact } : {}) },
    submittedOn: o.submitted_on, ...currentDue(o as Row), createdAt: o.created_at.toISOString(),
  };
}

export async function fileObjection(opts: { ctx: AppContext; input: { target: { entryId?: string; recordId?: string }; reason: string; applicant: { name: string; contact: string }; attachments?: { name: string; url?: string }[] } }) {
  const { ctx, input } = opts;
  const target = await loadTarget(ctx.db, input.target);
  if (!target) throw errors.notFound('异议所针对的名单记录或信用记录');
  assertDecidedHere(target, '异议');
  if (!['active', 'held'].includes(target.status)) throw errors.conflict('TARGET_NOT_ACTIVE', '该记录已不在公示或名单中，无需提出异议。');
  const on = today();
  const [acceptDays] = objectionDays(target);
  const due = await workingDeadline(ctx, on, acceptDays);
  const sealed = encryptText(ctx.config.encryptionKeys, input.applicant.contact);
  const row = await ctx.db.transaction().execute(async (tx) => {
    const o = await store.insertObjection(tx, {
      receipt_code: newReceiptCode('O', on), target_type: target.type, target_id: target.id, provider_department_id: target.providerDepartmentId,
      subject_id: target.subjectId, reason: input.reason.trim(), applicant_name: input.applicant.name.trim(), applicant_cipher: sealed.cipher,
      applicant_key_version: sealed.keyVersion, attachments: JSON.stringify(input.attachments ?? []), submitted_on: on, accept_due_on: due.dueOn,
    });
    await recordAudit(tx, { actor: PUBLIC_ACTOR, action: 'objection.submitted', entityType: 'objection', entityId: o.id, departmentId: target.providerDepartmentId, data: { target: { type: target.type, id: target.id } } });
    return o;
  });
  return { id: row.id, status: row.status, receiptCode: row.receipt_code, acceptDueOn: row.accept_due_on };
}

function requireCreditOffice(p: Principal) {
  if (!p.platform || p.role === 'system') throw errors.forbidden('异议的受理、退回和转办由信用办办理。');
}

async function withObjection<T>(ctx: AppContext, id: string, from: Row['status'][], what: string, fn: (tx: Tx, o: Row, t: Target) => Promise<T>): Promise<T> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw errors.notFound('该异议');
  return ctx.db.transaction().execute(async (tx) => {
    const o = await store.lockObjection(tx, id);
    if (!o) throw errors.notFound('该异议');
    if (!from.includes(o.status)) throw errors.conflict('OBJECTION_STATE', `异议当前状态为「${STATUS_ZH[o.status]}」，不能${what}。`);
    const t = await loadTarget(tx, o.target_type === 'entry' ? { entryId: o.target_id } : { recordId: o.target_id });
    return fn(tx, o, t!);
  });
}

export const STATUS_ZH: Record<string, string> = { submitted: '已提交', returned: '已退回', accepted: '已受理', with_provider: '已转数源单位', decided: '已办结' };

export async function acceptObjection(opts: { ctx: AppContext; principal: Principal; id: string; note?: string }) {
  requireCreditOffice(opts.principal);
  const actor = actorOf(opts.principal);
  await withObjection(opts.ctx, opts.id, ['submitted'], '受理', async (tx, o, t) => {
    const [, forwardDays] = objectionDays(t);
    const due = await workingDeadline(opts.ctx, today(), forwardDays);
    const why = t.type === 'record' ? '异议受理，核实期间标注“异议处理中”' : '异议受理，核实期间暂停执行联合奖惩措施';
    await holdTarget(tx, t, actor, `${why}（回执 ${o.receipt_code}）`, o.id);
    await store.updateObjection(tx, o.id, { status: 'accepted', accepted_at: new Date(), forward_due_on: due.dueOn, status_note: opts.note ?? null });
    await recordAudit(tx, { actor, action: 'objection.accepted', entityType: 'objection', entityId: o.id, departmentId: o.provider_department_id });
  });
  return getObjection({ ...opts });
}

export async function returnObjection(opts: { ctx: AppContext; principal: Principal; id: string; note: string }) {
  requireCreditOffice(opts.principal);
  const actor = actorOf(opts.principal);
  await withObjection(opts.ctx, opts.id, ['submitted'], '退回', async (tx, o) => {
    await store.updateObjection(tx, o.id, { status: 'returned', status_note: opts.note });
    await recordAudit(tx, { actor, action: 'objection.returned', entityType: 'objection', entityId: o.id, departmentId: o.provider_department_id, data: { note: opts.note } });
  });
  return getObjection(opts);
}

export async function forwardObjection(opts: { ctx: AppContext; principal: Principal; id: string; note?: string }) {
  requireCreditOffice(opts.principal);
  const actor = actorOf(opts.principal);
  await withObjection(opts.ctx, opts.id, ['accepted'], '转办', async (tx, o, t) => {
    const [, , decideDays] = objectionDays(t);
    const due = await workingDeadline(opts.ctx, today(), decideDays);
    await store.updateObjection(tx, o.id, { status: 'with_provider', forwarded_at: new Date(), decide_due_on: due.dueOn, status_note: opts.note ?? null });
    await recordAudit(tx, { actor, action: 'objection.forwarded', entityType: 'objection', entityId: o.id, departmentId: o.provider_department_id });
  });
  return getObjection(opts);
}

/** What an `update` must carry: a new term or reason for an entry, corrected field values for a record. */
function checkCorrection(t: Target, input: { outcome: Outcome; correction?: Correction }) {
  if (input.outcome !== 'update') return;
  const c = input.correction;
  const given = t.type === 'record' ? !!c?.fields && Object.keys(c.fields).length > 0 : !!c && (c.endsOn !== undefined || !!c.reason);
  if (!given) throw errors.validation([{ path: t.type === 'record' ? 'body.correction.fields' : 'body.correction', message: t.type === 'record' ? '更正信用记录时须提供更正后的字段值（fields）' : '更正信息时须提供更正内容' }]);
}

export async function decideObjection(opts: { ctx: AppContext; principal: Principal; id: string; input: { outcome: Outcome; note: string; correction?: Correction } }) {
  const { ctx, principal, input } = opts;
  const actor = actorOf(principal);
  if (input.outcome === 'update' && !input.correction) throw errors.validation([{ path: 'body.correction', message: '更正信息时须提供更正内容' }]);
  await withObjection(ctx, opts.id, ['accepted', 'with_provider'], '作出处理决定', async (tx, o, t) => {
    const mayDecide = (principal.departmentId === o.provider_department_id && principal.role !== 'system') || (principal.platform && principal.role === 'admin');
    if (!mayDecide) throw errors.notFound('该异议');
    checkCorrection(t, input);
    await applyOutcome(tx, ctx, t, actor, { outcome: input.outcome, note: input.note, objectionId: o.id, correction: input.correction });
    await store.updateObjection(tx, o.id, { status: 'decided', outcome: input.outcome, status_note: input.note, decided_at: new Date(), correction: input.correction ? JSON.stringify(input.correction) : null });
    await recordAudit(tx, { actor, action: 'objection.decided', entityType: 'objection', entityId: o.id, departmentId: o.provider_department_id, data: { outcome: input.outcome, note: input.note } });
  });
  return getObjection(opts);
}

/** Staff view: the credit office sees all, the provider department those forwarded to it. */
export async function getObjection(opts: { ctx: AppContext; principal: Principal; id: string }) {
  const { ctx, principal } = opts;
  const o = /^[0-9a-f-]{36}$/i.test(opts.id) ? await store.findObjection(ctx.db, opts.id) : undefined;
  const visible = o && (principal.platform || (o.provider_department_id === principal.departmentId && ['with_provider', 'decided'].includes(o.status)));
  if (!o || !visible) throw errors.notFound('该异议');
  const contact = principal.role !== 'system' ? decryptText(ctx.config.encryptionKeys, { cipher: o.applicant_cipher, keyVersion: o.applicant_key_version }) : undefined;
  const parties = await store.partiesOf(ctx.db, o.id);
  return {
    ...presentObjection(o, { contact }), outcome: o.outcome, statusNote: o.status_note, correction: o.correction, attachments: o.attachments,
    subject: parties.subject_name ? { name: parties.subject_name, uscc: parties.uscc, idNumberMasked: parties.id_masked } : null,
    provider: { code: parties.provider_code, name: parties.provider_name },
  };
}

export async function listObjections(opts: { ctx: AppContext; principal: Principal; status?: string; overdue?: boolean; limit?: number; offset?: number }) {
  const { ctx, principal } = opts;
  if (principal.role === 'system') throw errors.forbidden();
  const rows = await store.listObjections(ctx.db, { providerDepartmentId: principal.platform ? null : principal.departmentId, status: opts.status, limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
  const items = rows.map((r) => ({ ...presentObjection(r), subject: { name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked }, provider: { code: r.provider_code, name: r.provider_name } }));
  return opts.overdue ? items.filter((i) => i.overdue) : items;
}

/** What anyone holding the receipt code may see: progress, never the applicant's details. */
export async function followObjection(opts: { ctx: AppContext; receiptCode: string }) {
  const o = await store.findByReceipt(opts.ctx.db, opts.receiptCode.trim().toUpperCase());
  if (!o) throw errors.notFound('该回执码对应的异议');
  return { receiptCode: o.receipt_code, status: o.status, statusText: STATUS_ZH[o.status], outcome: o.outcome, note: o.status_note, submittedOn: o.submitted_on, ...currentDue(o) };
}

