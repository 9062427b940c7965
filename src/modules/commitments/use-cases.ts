// 信用承诺: a department records the commitment a subject made in one of its procedures (coded region
// + date + serial), later whether it was kept; a commitment not (fully) kept is a negative record —
// it closes the green channel in checks for three years — and is announced in the feed. The public
// sees an organisation's public commitments on the portal and in its credit report.
import type { AppContext } from '../../context.js';
import { COMMITMENT_TYPES, commitmentCode, FULFILMENTS, isBroken, type Fulfilment } from '../../domain/commitments.js';
import { normaliseIdentifier } from '../../domain/identifiers/index.js';
import { isRealIsoDate } from '../../domain/working-days.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { today } from '../calendar/use-cases.js';
import { recordChange } from '../changes/record.js';
import { findDepartmentByCode } from '../departments/store.js';
import { resolveIdentity, type SubjectInput } from '../subjects/identity.js';
import { findByUscc } from '../subjects/store.js';
import { findOrCreateSubject } from '../subjects/use-cases.js';
import * as store from './store.js';

export interface CommitmentInput { subject: SubjectInput; type: string; matter: string; content: string; madeOn: string; dueOn?: string; public?: boolean }

function present(r: store.CommitmentRow) {
  return {
    code: r.code, type: r.type, matter: r.matter, content: r.content, madeOn: r.made_on, dueOn: r.due_on, public: r.is_public,
    fulfilment: r.fulfilment, fulfilmentLabel: r.fulfilment ? FULFILMENTS[r.fulfilment] : '待履行', fulfilmentOn: r.fulfilment_on, fulfilmentNote: r.fulfilment_note,
    broken: isBroken(r.fulfilment),
    subject: { kind: r.subject_kind, name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked },
    department: { code: r.department_code, name: r.department_name },
  };
}

function checkInput(input: CommitmentInput, on: string) {
  const errs: { path: string; message: string }[] = [];
  if (!(COMMITMENT_TYPES as readonly string[]).includes(input.type)) errs.push({ path: 'body.type', message: `承诺类型应为：${COMMITMENT_TYPES.join('、')}` });
  if (!isRealIsoDate(input.madeOn)) errs.push({ path: 'body.madeOn', message: '承诺日期应为有效日期（YYYY-MM-DD）' });
  else if (input.madeOn > on) errs.push({ path: 'body.madeOn', message: '承诺日期不能晚于今天' });
  if (input.dueOn !== undefined && (!isRealIsoDate(input.dueOn) || input.dueOn < input.madeOn)) errs.push({ path: 'body.dueOn', message: '履行期限应为不早于承诺日期的有效日期' });
  if (!input.matter.trim()) errs.push({ path: 'body.matter', message: '请填写承诺所涉事项' });
  if (!input.content.trim()) errs.push({ path: 'body.content', message: '请填写承诺内容' });
  if (errs.length) throw errors.validation(errs);
}

export async function makeCommitment(opts: { ctx: AppContext; principal: Principal; input: CommitmentInput }) {
  const { ctx, principal, input } = opts;
  checkInput(input, today());
  const identity = resolveIdentity(input.subject, ctx.config);
  const department = (await findDepartmentByCode(ctx.db, principal.departmentCode))!;
  const actor = actorOf(principal);
  const code = await ctx.db.transaction().execute(async (tx) => {
    const { row: subject } = await findOrCreateSubject(tx, ctx, actor, identity);
    const serial = await store.nextSerial(tx, department.region_code, input.madeOn);
    const made = await store.insertCommitment(tx, {
      code: commitmentCode(department.region_code, input.madeOn, serial), subject_id: subject.id, department_id: department.id, type: input.type,
      matter: input.matter.trim(), content: input.content.trim(), made_on: input.madeOn, due_on: input.dueOn ?? null,
      is_public: input.public !== false && subject.kind !== 'natural_person',
    });
    await recordAudit(tx, { actor, action: 'commitment.made', entityType: 'commitment', entityId: made.id, data: { code: made.code, subjectId: subject.id, type: input.type } });
    await recordChange(tx, { type: 'commitment.made', subjectId: subject.id, isPublic: false, departments: [department.id], data: { code: made.code, type: input.type, madeOn: input.madeOn } });
    return made.code;
  });
  return present((await store.findByCode(ctx.db, code, null))!);
}

const scopeOf = (p: Principal) => (p.platform ? null : p.departmentId);

export async function recordFulfilment(opts: { ctx: AppContext; principal: Principal; code: string; fulfilment: Fulfilment; note: string; on?: string }) {
  const { ctx, principal } = opts;
  const on = opts.on ?? today();
  if (!isRealIsoDate(on) || on > today()) throw errors.validation([{ path: 'body.on', message: '履行认定日期应为不晚于今天的有效日期' }]);
  if (!opts.note.trim()) throw errors.validation([{ path: 'body.note', message: '请说明履行情况' }]);
  const row = await store.findByCode(ctx.db, opts.code, scopeOf(principal));
  if (!row) throw errors.notFound(`编号为 ${opts.code} 的信用承诺`);
  if (on < row.made_on) throw errors.validation([{ path: 'body.on', message: '履行认定日期不能早于承诺日期' }]);
  await ctx.db.transaction().execute(async (tx) => {
    if (!await store.setFulfilment(tx, row.id, { fulfilment: opts.fulfilment, on, note: opts.note.trim() })) {
      throw errors.conflict('FULFILMENT_RECORDED', `承诺 ${row.code} 的履行情况已经认定，不能重复认定。`);
    }
    const broken = isBroken(opts.fulfilment);
    await recordAudit(tx, { actor: actorOf(principal), action: broken ? 'commitment.broken' : 'commitment.kept', entityType: 'commitment', entityId: row.id, data: { code: row.code, fulfilment: opts.fulfilment } });
    // a broken public commitment is a negative record everyone may hear of
    await recordChange(tx, { type: broken ? 'commitment.broken' : 'commitment.kept', subjectId: row.subject_id, isPublic: broken && row.is_public, departments: [row.department_id], data: { code: row.code, fulfilment: opts.fulfilment, on } });
  });
  return present((await store.findByCode(ctx.db, row.code, null))!);
}

export async function listCommitments(opts: { ctx: AppContext; principal: Principal; subject?: string; status?: 'pending' | 'kept' | 'broken'; limit?: number; offset?: number }) {
  const { ctx, principal } = opts;
  let subjectId: string | undefined;
  if (opts.subject) {
    const s = await findByUscc(ctx.db, normaliseIdentifier(opts.subject));
    if (!s) return [];
    subjectId = s.id;
  }
  const rows = await store.listCommitments(ctx.db, { departmentId: scopeOf(principal), subjectId, status: opts.status, limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
  return rows.map(present);
}

export async function getCommitment(opts: { ctx: AppContext; principal: Principal; code: string }) {
  const row = await store.findByCode(opts.ctx.db, opts.code, scopeOf(opts.principal));
  if (!row) throw errors.notFound(`编号为 ${opts.code} 的信用承诺`);
  return present(row);
}

/** An organisation's public commitments (portal, credit report). */
export async function publicCommitmentsOf(opts: { ctx: AppContext; uscc: string }) {
  const s = await findByUscc(opts.ctx.db, normaliseIdentifier(opts.uscc));
  if (!s || s.kind === 'natural_person') throw errors.notFound(`统一社会信用代码为 ${opts.uscc} 的主体`);
  return (await store.publicCommitments(opts.ctx.db, s.id)).map(present).map(({ subject, ...c }) => ({ ...c, subject: { name: subject.name, uscc: subject.uscc } }));
}
