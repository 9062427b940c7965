// 执行反馈: what the implementing department did about each measure a check returned. A check with
// measures stays open until its feedback is committed; overdue ones are flagged.
import type { AppContext } from '../../context.js';
import { errors, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { today } from '../lists/present.js';
import type { CheckResult } from './check.js';
import * as store from './store.js';

export interface FeedbackInput {
  measures: { code: string; action: 'applied' | 'not_applied'; reason?: string }[];
  amount?: number;
  note: string;
}

function checkCoverage(result: CheckResult, input: FeedbackInput): FieldError[] {
  const expected = new Set(result.measures.map((m) => m.code));
  const given = input.measures.map((m) => m.code);
  const errs: FieldError[] = [];
  if (!input.note?.trim()) errs.push({ path: 'body.note', message: '请填写执行情况说明' });
  input.measures.forEach((m, i) => {
    if (!expected.has(m.code)) errs.push({ path: `body.measures.${i}.code`, message: `措施 ${m.code} 不在本次核查结果中` });
    if (m.action === 'not_applied' && !m.reason?.trim()) errs.push({ path: `body.measures.${i}.reason`, message: '未执行的措施须说明理由' });
  });
  for (const code of expected) if (!given.includes(code)) errs.push({ path: 'body.measures', message: `缺少措施 ${code} 的执行情况` });
  if (new Set(given).size !== given.length) errs.push({ path: 'body.measures', message: '同一措施只能反馈一次' });
  if (input.amount !== undefined && (!Number.isFinite(input.amount) || input.amount < 0)) errs.push({ path: 'body.amount', message: '涉及金额应为不小于 0 的数字' });
  return errs;
}

export async function giveFeedback(opts: { ctx: AppContext; principal: Principal; checkId: string; input: FeedbackInput }) {
  const { ctx, principal, input } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(opts.checkId)) throw errors.notFound('该核查记录');
  await ctx.checks?.drained(); // a check answered a moment ago by this process may still be on its way to the log
  const check = await store.findCheck(ctx.db, opts.checkId, principal.departmentId);
  if (!check) throw errors.notFound('该核查记录');
  if (check.feedback_status === 'not_required') throw errors.conflict('FEEDBACK_NOT_REQUIRED', '本次核查未返回任何措施，无需反馈。');
  if (check.feedback_status === 'closed') throw errors.conflict('FEEDBACK_EXISTS', '本次核查已反馈，不能重复提交。');
  const errs = checkCoverage(check.result as CheckResult, input);
  if (errs.length) throw errors.validation(errs);
  const actor = actorOf(principal);
  const row = await ctx.db.transaction().execute(async (tx) => {
    const fb = await store.insertFeedback(tx, { checkId: check.id, departmentId: principal.departmentId, measures: input.measures, amount: input.amount ?? null, note: input.note.trim(), actorType: actor.type, actorId: actor.id });
    if (!fb) throw errors.conflict('FEEDBACK_EXISTS', '本次核查已反馈，不能重复提交。');
    await recordAudit(tx, { actor, action: 'check.feedback', entityType: 'credit_check', entityId: check.id, data: { measures: input.measures, amount: input.amount ?? null } });
    return fb;
  });
  return {
    id: row.id, checkId: check.id, measures: input.measures, amount: input.amount ?? null, note: input.note.trim(),
    createdAt: row.created_at.toISOString(), late: !!check.feedback_due_on && today() > check.feedback_due_on,
  };
}

export async function getCheck(opts: { ctx: AppContext; principal: Principal; id: string }) {
  const { ctx, principal } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) throw errors.notFound('该核查记录');
  await ctx.checks?.drained();
  const check = await store.findCheck(ctx.db, opts.id, principal.platform ? null : principal.departmentId);
  if (!check) throw errors.notFound('该核查记录');
  const fb = await store.findFeedback(ctx.db, check.id);
  return {
    ...(check.result as CheckResult), checkId: check.id, matter: { code: check.matter_code, name: check.matter_name }, query: check.query,
    feedbackStatus: check.feedback_status, overdue: check.feedback_status === 'open' && !!check.feedback_due_on && today() > check.feedback_due_on,
    createdAt: check.created_at.toISOString(),
    feedback: fb ? { id: fb.id, measures: fb.measures, amount: fb.amount === null ? null : Number(fb.amount), note: fb.note, createdAt: fb.created_at.toISOString() } : null,
  };
}

export async function listChecks(opts: { ctx: AppContext; principal: Principal; status?: 'open' | 'overdue' | 'closed'; limit?: number; offset?: number }) {
  const { ctx, principal } = opts;
  const t = today();
  await ctx.checks?.drained();
  const rows = await store.listChecks(ctx.db, principal.platform ? null : principal.departmentId, { status: opts.status, today: t, limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
  return rows.map((r) => ({
    checkId: r.id, outcome: r.outcome, matter: { code: r.matter_code, name: r.matter_name },
    subject: { name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked },
    measures: (r.result as CheckResult).measures.map((m) => ({ code: m.code, title: m.title, nature: m.nature })),
    feedbackStatus: r.feedback_status, feedbackDueOn: r.feedback_due_on, overdue: r.feedback_status === 'open' && !!r.feedback_due_on && t > r.feedback_due_on,
    createdAt: r.created_at.toISOString(), dataVersion: Number(r.data_version),
  }));
}
