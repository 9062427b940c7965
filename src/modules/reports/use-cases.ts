// Whistle-blowing (失信举报, 豫政〔2016〕65号 四(五) 对举报人信息严格保密): anyone reports, anonymously or
// named; the reporter's identity is encrypted and shown only to the one officer handling the report,
// every look audited; the reported subject and other departments never see it.
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { validateIdentifier } from '../../domain/identifiers/index.js';
import { decryptText, encryptText } from '../../domain/protect.js';
import { newReceiptCode } from '../../domain/receipt.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, PUBLIC_ACTOR, type Principal } from '../auth/principal.js';
import { findUserByUsername } from '../auth/store.js';
import { workingDeadline } from '../checks/deadline.js';
import { today } from '../lists/present.js';

export const STATUS_ZH: Record<string, string> = { submitted: '已提交', handling: '办理中', closed: '已办结' };

export interface ReportInput {
  subject: { uscc?: string; name: string };
  content: string;
  anonymous: boolean;
  reporter?: { name: string; contact: string };
}

export async function fileReport(opts: { ctx: AppContext; input: ReportInput }) {
  const { ctx, input } = opts;
  if (!input.anonymous && !input.reporter) throw errors.validation([{ path: 'body.reporter', message: '实名举报请填写姓名和联系方式；或选择匿名举报' }]);
  let uscc: string | null = null;
  if (input.subject.uscc) {
    const v = validateIdentifier(input.subject.uscc, 'uscc');
    if (!v.valid) throw errors.validation([{ path: 'body.subject.uscc', message: v.errors.map((e) => e.message).join('；') }]);
    uscc = v.value;
  }
  const subject = uscc ? await ctx.db.selectFrom('subject').select('id').where('uscc', '=', uscc).executeTakeFirst() : undefined;
  const sealed = input.anonymous ? null : encryptText(ctx.config.encryptionKeys, JSON.stringify(input.reporter));
  const on = today();
  const due = await workingDeadline(ctx, on, Number(process.env.XINYONG_REPORT_DAYS ?? 10));
  const row = await ctx.db.transaction().execute(async (tx) => {
    const r = await tx.insertInto('report').values({
      receipt_code: newReceiptCode('J', on), subject_uscc: uscc, subject_name: input.subject.name.trim(), subject_id: subject?.id ?? null, content: input.content.trim(),
      anonymous: input.anonymous, reporter_cipher: sealed?.cipher ?? null, reporter_key_version: sealed?.keyVersion ?? null, submitted_on: on, handle_due_on: due.dueOn,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, { actor: PUBLIC_ACTOR, action: 'report.submitted', entityType: 'report', entityId: r.id, departmentId: null, data: { anonymous: input.anonymous } });
    return r;
  });
  return { id: row.id, status: row.status, receiptCode: row.receipt_code, handleDueOn: row.handle_due_on };
}

function isHandler(p: Principal, r: { handler_type: string | null; handler_id: string | null }) {
  return r.handler_id !== null && r.handler_type === p.type && r.handler_id === p.id;
}

function mayView(p: Principal, r: { handler_department_id: string | null; handler_type: string | null; handler_id: string | null }) {
  return (p.platform && p.role !== 'system') || isHandler(p, r) || (r.handler_department_id === p.departmentId && p.role === 'admin');
}

async function lockReport(tx: Tx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return tx.selectFrom('report').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The credit office assigns a report to one console user, who alone may see the reporter. */
export async function assignReport(opts: { ctx: AppContext; principal: Principal; id: string; username: string }) {
  const { ctx, principal } = opts;
  if (!principal.platform || principal.role === 'system') throw errors.forbidden('举报由信用办分派办理。');
  const user = await findUserByUsername(ctx.db, opts.username);
  if (!user || user.disabled) throw errors.validation([{ path: 'body.username', message: `用户 ${opts.username} 不存在或已停用` }]);
  await ctx.db.transaction().execute(async (tx) => {
    const r = await lockReport(tx, opts.id);
    if (!r) throw errors.notFound('该举报');
    if (r.status === 'closed') throw errors.conflict('REPORT_CLOSED', '该举报已办结。');
    await tx.updateTable('report').set({ status: 'handling', handler_type: 'user', handler_id: user.id, handler_department_id: user.department_id }).where('id', '=', r.id).execute();
    await recordAudit(tx, { actor: actorOf(principal), action: 'report.assigned', entityType: 'report', entityId: r.id, departmentId: user.department_id, data: { handler: user.username } });
  });
  return getReport(opts);
}

export async function closeReport(opts: { ctx: AppContext; principal: Principal; id: string; result: string }) {
  const { ctx, principal } = opts;
  await ctx.db.transaction().execute(async (tx) => {
    const r = await lockReport(tx, opts.id);
    if (!r || !mayView(principal, r)) throw errors.notFound('该举报');
    if (!isHandler(principal, r)) throw errors.forbidden('只有承办人可以办结举报。');
    if (r.status === 'closed') throw errors.conflict('REPORT_CLOSED', '该举报已办结。');
    await tx.updateTable('report').set({ status: 'closed', result: opts.result, closed_at: new Date() }).where('id', '=', r.id).execute();
    await recordAudit(tx, { actor: actorOf(principal), action: 'report.closed', entityType: 'report', entityId: r.id, departmentId: r.handler_department_id });
  });
  return getReport(opts);
}

type HandlerRef = { handler_type: string | null; handler_id: string | null };
export interface HandlerView { type: string; id: string; name: string | null; department: { code: string; name: string } | null }

/** The handlers' names (reports are assigned to users), so queues show who handles what. */
async function handlerViews(ctx: AppContext, rows: HandlerRef[]): Promise<(r: HandlerRef) => HandlerView | null> {
  const ids = [...new Set(rows.filter((r) => r.handler_type === 'user' && r.handler_id).map((r) => r.handler_id!))];
  const users = ids.length ? await ctx.db.selectFrom('app_user as u').innerJoin('department as d', 'd.id', 'u.department_id')
    .select(['u.id', 'u.display_name', 'd.code', 'd.name']).where('u.id', 'in', ids).execute() : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return (r) => {
    if (!r.handler_id || !r.handler_type) return null;
    const u = r.handler_type === 'user' ? byId.get(r.handler_id) : undefined;
    return { type: r.handler_type, id: r.handler_id, name: u?.display_name ?? null, department: u ? { code: u.code, name: u.name } : null };
  };
}

export async function getReport(opts: { ctx: AppContext; principal: Principal; id: string }) {
  const { ctx, principal } = opts;
  const r = /^[0-9a-f-]{36}$/i.test(opts.id) ? await ctx.db.selectFrom('report').selectAll().where('id', '=', opts.id).executeTakeFirst() : undefined;
  if (!r || !mayView(principal, r)) throw errors.notFound('该举报');
  let reporter: { name: string; contact: string } | null = null;
  if (!r.anonymous && isHandler(principal, r)) {
    reporter = JSON.parse(decryptText(ctx.config.encryptionKeys, { cipher: r.reporter_cipher!, keyVersion: r.reporter_key_version! }));
    await ctx.db.transaction().execute((tx) => recordAudit(tx, { actor: actorOf(principal), action: 'report.reporter_viewed', entityType: 'report', entityId: r.id, departmentId: r.handler_department_id }));
  }
  return {
    id: r.id, receiptCode: r.receipt_code, status: r.status, subject: { uscc: r.subject_uscc, name: r.subject_name, id: r.subject_id }, content: r.content,
    anonymous: r.anonymous, reporter, reporterConfidential: !r.anonymous && !reporter, handler: (await handlerViews(ctx, [r]))(r),
    result: r.result, submittedOn: r.submitted_on, handleDueOn: r.handle_due_on, overdue: r.status !== 'closed' && today() > r.handle_due_on,
  };
}

export async function listReports(opts: { ctx: AppContext; principal: Principal; status?: string }) {
  const { ctx, principal } = opts;
  if (principal.role === 'system') throw errors.forbidden();
  let q = ctx.db.selectFrom('report').select(['id', 'receipt_code', 'status', 'subject_name', 'subject_uscc', 'anonymous', 'submitted_on', 'handle_due_on', 'handler_id', 'handler_type'])
    .orderBy('created_at', 'desc').limit(200);
  if (!principal.platform) q = q.where((eb) => eb.or([eb('handler_department_id', '=', principal.departmentId), eb.and([eb('handler_type', '=', principal.type), eb('handler_id', '=', principal.id)])]));
  if (opts.status) q = q.where('status', '=', opts.status as never);
  const t = today();
  const rows = await q.execute();
  const handlerOf = await handlerViews(ctx, rows);
  return rows.map((r) => ({
    id: r.id, receiptCode: r.receipt_code, status: r.status, subject: { name: r.subject_name, uscc: r.subject_uscc }, anonymous: r.anonymous,
    handler: handlerOf(r), mine: r.handler_type === principal.type && r.handler_id === principal.id, submittedOn: r.submitted_on, handleDueOn: r.handle_due_on, overdue: r.status !== 'closed' && t > r.handle_due_on,
  }));
}

export async function followReport(opts: { ctx: AppContext; receiptCode: string }) {
  const r = await opts.ctx.db.selectFrom('report').select(['receipt_code', 'status', 'result', 'submitted_on', 'handle_due_on']).where('receipt_code', '=', opts.receiptCode.trim().toUpperCase()).executeTakeFirst();
  if (!r) throw errors.notFound('该回执码对应的举报');
  return { receiptCode: r.receipt_code, status: r.status, statusText: STATUS_ZH[r.status], result: r.result, submittedOn: r.submitted_on, handleDueOn: r.handle_due_on };
}
