// Credit repair (信用修复, 豫政〔2016〕65号 五(七); NDRC Order 36): the subject asks, the platform checks
// the conditions it can (domain/repair-conditions.ts) and refuses at once with reasons when one is
// unmet; the initiating (or, for a credit record, the provider) department approves or rejects within
// 10 working days. Approval, in one transaction: the entry leaves the list or the record's
// publication and sharing end, the change is pushed everywhere (一处修复、处处认可), and a certificate
// is issued. What differs between entries and records is in targets.ts.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { repairConditions } from '../../domain/repair-conditions.js';
import { encryptText, decryptText } from '../../domain/protect.js';
import { newReceiptCode } from '../../domain/receipt.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, PUBLIC_ACTOR, type Principal } from '../auth/principal.js';
import { workingDeadline } from '../checks/deadline.js';
import { today } from '../lists/present.js';
import { assertDecidedHere, loadTarget } from '../objections/targets.js';
import * as store from './store.js';
import { endForRepair, kindOfRepair, targetFacts } from './targets.js';

export interface RepairInput {
  target: { entryId?: string; recordId?: string };
  applicant: { name: string; contact: string };
  reason: string;
  commitment: string;
  evidence?: { kind: string; name: string; url?: string }[];
}

function policy() {
  const [maxRepairs, withinYears] = (process.env.XINYONG_REPAIR_LIMIT ?? '2/5').split('/').map(Number);
  return { maxRepairs, withinYears, notAgainWithinMonths: Number(process.env.XINYONG_REPAIR_COOLING_MONTHS ?? 12) };
}

export const STATUS_ZH: Record<string, string> = { submitted: '审核中', approved: '已修复', rejected: '未通过' };

export async function requestRepair(opts: { ctx: AppContext; input: RepairInput }) {
  const { ctx, input } = opts;
  const t = await loadTarget(ctx.db, input.target);
  if (!t) throw errors.notFound('申请修复的名单记录或信用记录');
  assertDecidedHere(t, '信用修复申请');
  if (!['active', 'held'].includes(t.status)) throw errors.conflict('TARGET_NOT_ACTIVE', t.type === 'record' ? '该信用记录已不在公示中，无需修复。' : '该记录已不在名单中，无需修复。');
  const pending = await store.pendingFor(ctx.db, t.id);
  if (pending) throw errors.conflict('REPAIR_PENDING', `该记录已有正在审核的修复申请（回执码 ${pending.receipt_code}）。`);
  const on = today();
  const conditions = repairConditions({
    today: on, ...await targetFacts(ctx.db, t), policy: policy(),
    commitment: input.commitment, evidenceKinds: (input.evidence ?? []).map((e) => e.kind),
  });
  const unmet = conditions.filter((c) => !c.met);
  if (unmet.length) {
    throw new AppError('REPAIR_CONDITIONS_NOT_MET', 422, `暂不符合信用修复条件：${unmet.map((c) => c.message).join('；')}`, unmet.map((c) => ({ path: c.code, message: c.message })));
  }
  const due = await workingDeadline(ctx, on, Number(process.env.XINYONG_REPAIR_DAYS ?? 10));
  const sealed = encryptText(ctx.config.encryptionKeys, input.applicant.contact);
  const row = await ctx.db.transaction().execute(async (tx) => {
    const r = await store.insertRepair(tx, {
      receipt_code: newReceiptCode('R', on), target_type: t.type, target_id: t.id, decider_department_id: t.providerDepartmentId, subject_id: t.subjectId,
      kind_of_repair: kindOfRepair(t), reason: input.reason.trim(), commitment: input.commitment.trim(),
      evidence: JSON.stringify(input.evidence ?? []), applicant_name: input.applicant.name.trim(), applicant_cipher: sealed.cipher,
      applicant_key_version: sealed.keyVersion, conditions: JSON.stringify(conditions), submitted_on: on, decide_due_on: due.dueOn,
    });
    await recordAudit(tx, { actor: PUBLIC_ACTOR, action: 'repair.submitted', entityType: 'repair', entityId: r.id, departmentId: t.providerDepartmentId, data: { target: t.id } });
    return r;
  });
  return { id: row.id, status: row.status, receiptCode: row.receipt_code, decideDueOn: row.decide_due_on, conditions };
}

async function decide(opts: { ctx: AppContext; principal: Principal; id: string; note: string }, approve: boolean) {
  const { ctx, principal } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) throw errors.notFound('该修复申请');
  const actor = actorOf(principal);
  await ctx.db.transaction().execute(async (tx) => {
    const r = await store.lockRepair(tx, opts.id);
    const mayDecide = r && ((r.decider_department_id === principal.departmentId && principal.role !== 'system') || (principal.platform && principal.role === 'admin'));
    if (!r || !mayDecide) throw errors.notFound('该修复申请');
    if (r.status !== 'submitted') throw errors.conflict('REPAIR_DECIDED', `该申请已${STATUS_ZH[r.status]}，不能重复处理。`);
    if (approve) {
      const t = await loadTarget(tx, r.target_type === 'entry' ? { entryId: r.target_id } : { recordId: r.target_id });
      const moved = t && await endForRepair(tx, t, actor, `信用修复（回执 ${r.receipt_code}）：${opts.note}`, r.id);
      if (!moved) throw errors.conflict('TARGET_NOT_ACTIVE', r.target_type === 'record' ? '该信用记录已不在公示中。' : '该记录已不在名单中。');
    }
    const certificate = approve ? `XF${today().replaceAll('-', '')}${randomBytes(4).toString('hex').toUpperCase()}` : null;
    await store.updateRepair(tx, r.id, { status: approve ? 'approved' : 'rejected', decision_note: opts.note, decided_at: new Date(), certificate_no: certificate });
    await recordAudit(tx, { actor, action: approve ? 'repair.approved' : 'repair.rejected', entityType: 'repair', entityId: r.id, departmentId: r.decider_department_id, data: { note: opts.note, certificate } });
  });
  return getRepair(opts);
}

export const approveRepair = (opts: { ctx: AppContext; principal: Principal; id: string; note: string }) => decide(opts, true);
export const rejectRepair = (opts: { ctx: AppContext; principal: Principal; id: string; note: string }) => decide(opts, false);

export async function getRepair(opts: { ctx: AppContext; principal: Principal; id: string }) {
  const { ctx, principal } = opts;
  const r = /^[0-9a-f-]{36}$/i.test(opts.id) ? await store.findRepair(ctx.db, opts.id) : undefined;
  if (!r || !(principal.platform || r.decider_department_id === principal.departmentId)) throw errors.notFound('该修复申请');
  const contact = principal.role !== 'system' ? decryptText(ctx.config.encryptionKeys, { cipher: r.applicant_cipher, keyVersion: r.applicant_key_version }) : undefined;
  const parties = await store.partiesOf(ctx.db, r.id);
  return {
    subject: { name: parties.subject_name, uscc: parties.uscc, idNumberMasked: parties.id_masked }, decider: { code: parties.decider_code, name: parties.decider_name },
    id: r.id, receiptCode: r.receipt_code, target: { type: r.target_type, id: r.target_id }, status: r.status, kind: r.kind_of_repair, reason: r.reason,
    commitment: r.commitment, evidence: r.evidence, conditions: r.conditions, applicant: { name: r.applicant_name, contact }, submittedOn: r.submitted_on,
    decideDueOn: r.decide_due_on, overdue: r.status === 'submitted' && today() > r.decide_due_on, decisionNote: r.decision_note, certificateNo: r.certificate_no,
  };
}

export async function listRepairs(opts: { ctx: AppContext; principal: Principal; status?: string; overdue?: boolean; limit?: number; offset?: number }) {
  const { ctx, principal } = opts;
  if (principal.role === 'system') throw errors.forbidden();
  const rows = await store.listRepairs(ctx.db, { deciderDepartmentId: principal.platform ? null : principal.departmentId, status: opts.status, limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
  const t = today();
  const items = rows.map((r) => ({
    id: r.id, receiptCode: r.receipt_code, target: { type: r.target_type, id: r.target_id }, status: r.status, kind: r.kind_of_repair, reason: r.reason,
    applicant: { name: r.applicant_name }, subject: { name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked }, decider: { code: r.decider_code, name: r.decider_name },
    submittedOn: r.submitted_on, decideDueOn: r.decide_due_on, overdue: r.status === 'submitted' && t > r.decide_due_on, certificateNo: r.certificate_no,
  }));
  return opts.overdue ? items.filter((i) => i.overdue) : items;
}

export async function followRepair(opts: { ctx: AppContext; receiptCode: string }) {
  const r = await store.findByReceipt(opts.ctx.db, opts.receiptCode.trim().toUpperCase());
  if (!r) throw errors.notFound('该回执码对应的修复申请');
  return { receiptCode: r.receipt_code, status: r.status, statusText: STATUS_ZH[r.status], note: r.decision_note, submittedOn: r.submitted_on, decideDueOn: r.decide_due_on, certificateNo: r.certificate_no };
}
