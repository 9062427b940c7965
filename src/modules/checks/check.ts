// 应查必查: a business system asks what applies to subjects in one of its matters. Facts are read in
// one REPEATABLE READ snapshot (one consistent data version for the whole batch), evaluated by the
// pure rules in domain/check-evaluation.ts, and every answer is stored as evidence.
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { evaluateCheck, type EntryFact, type MeasureFact } from '../../domain/check-evaluation.js';
import { upgradeRic15, validateIdentifier } from '../../domain/identifiers/index.js';
import { blindIndex, maskIdNumber } from '../../domain/protect.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { addMonths, today as todayInChina } from '../lists/present.js';
import * as measures from '../measures/store.js';
import { searchSubjects } from '../subjects/search.js';
import { feedbackDueOn } from './deadline.js';
import * as store from './store.js';

export interface SubjectQuery { uscc?: string; idNumber?: string; name?: string }

type Resolved =
  | { kind: 'uscc'; uscc: string }
  | { kind: 'id'; blind: string; masked: string }
  | { kind: 'name'; name: string }
  | { kind: 'invalid'; error: AppError };

function resolveQuery(ctx: AppContext, q: SubjectQuery, path: string): Resolved {
  if (q.uscc) {
    const r = validateIdentifier(q.uscc, 'uscc');
    return r.valid ? { kind: 'uscc', uscc: r.value } : { kind: 'invalid', error: errors.validation([{ path: `${path}.uscc`, message: r.errors.map((e) => e.message).join('；') }]) };
  }
  if (q.idNumber) {
    const r = validateIdentifier(q.idNumber, 'ric');
    if (!r.valid) return { kind: 'invalid', error: errors.validation([{ path: `${path}.idNumber`, message: r.errors.map((e) => e.message).join('；') }]) };
    const id = r.value.length === 15 ? upgradeRic15(r.value) : r.value;
    return { kind: 'id', blind: blindIndex(ctx.config.blindIndexKey, id), masked: maskIdNumber(id) };
  }
  if (q.name?.trim()) return { kind: 'name', name: q.name.trim() };
  return { kind: 'invalid', error: errors.validation([{ path, message: '请提供 uscc、idNumber 或 name 之一' }]) };
}

async function authoriseCaller(db: Db, principal: Principal, matterCode: string) {
  if (!principal.platform && !principal.departmentRoles.includes('implementing')) throw errors.forbidden('只有实施部门可以进行联合奖惩核查。');
  const matter = await measures.findMatter(db, matterCode);
  if (!matter) throw errors.validation([{ path: 'body.matterCode', message: `事项编码 ${matterCode} 不存在` }]);
  if (matter.department_id !== principal.departmentId && !principal.platform) throw errors.forbidden(`事项 ${matter.name} 不属于本部门，请使用本部门的事项编码。`);
  return matter;
}

/** Everything the rules need for these subjects, read in one snapshot. */
async function loadFacts(db: Db, departmentId: string, resolved: Resolved[], today: string) {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
    const usccs = resolved.flatMap((r) => (r.kind === 'uscc' ? [r.uscc] : []));
    const blinds = resolved.flatMap((r) => (r.kind === 'id' ? [r.blind] : []));
    const subjects = [...(await store.subjectsByUscc(tx, usccs)), ...(await store.subjectsByBlind(tx, blinds))];
    const ids = subjects.map((s) => s.id);
    const threeYearsAgo = addMonths(today, -36);
    const [own, via, measureRows, negative, version] = await Promise.all([
      store.ownEntries(tx, ids), store.viaEntries(tx, subjects.filter((s) => s.kind === 'natural_person').map((s) => s.id)),
      store.measuresForImplementer(tx, departmentId), store.recentlyNegative(tx, ids, threeYearsAgo), store.dataVersion(tx),
    ]);
    return { subjects, own, via, measureRows, negative, version, threeYearsAgo };
  });
}

type Facts = Awaited<ReturnType<typeof loadFacts>>;

function entriesOf(facts: Facts, subjectId: string): EntryFact[] {
  const own = facts.own.filter((e) => e.subject_id === subjectId)
    .map((e) => ({ id: e.id, listType: e.list_type, kind: e.kind, domain: e.domain, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on, via: null }));
  const via = facts.via.filter((e) => e.person_id === subjectId).map((e) => ({
    id: e.id, listType: e.list_type, kind: e.kind, domain: e.domain, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on,
    via: { organizationId: e.org_id, organizationName: e.org_name, uscc: e.org_uscc, role: e.role },
  }));
  return [...own, ...via];
}

export interface CheckResult {
  checkId: string;
  subject: { id: string | null; kind: string | null; name: string | null; uscc: string | null; idNumberMasked: string | null; known: boolean } | null;
  outcome: string;
  aggravated: boolean;
  greenChannel: boolean;
  entries: ReturnType<typeof evaluateCheck>['entries'];
  measures: ReturnType<typeof evaluateCheck>['measures'];
  held: string[];
  candidates?: Awaited<ReturnType<typeof searchSubjects>>;
  feedbackDueOn: string | null;
  dataVersion: number;
  warnings?: string[];
}

export async function checkSubjects(opts: { ctx: AppContext; principal: Principal; subjects: SubjectQuery[]; matterCode: string; batch: boolean }): Promise<CheckResult[]> {
  const { ctx, principal } = opts;
  const matter = await authoriseCaller(ctx.db, principal, opts.matterCode);
  const resolved = opts.subjects.map((q, i) => resolveQuery(ctx, q, opts.batch ? `body.subjects.${i}` : 'body.subject'));
  const invalid = resolved.find((r) => r.kind === 'invalid');
  if (invalid && invalid.kind === 'invalid') throw invalid.error;
  const today = todayInChina();
  const facts = await loadFacts(ctx.db, principal.departmentId, resolved, today);
  const measureFacts: MeasureFact[] = facts.measureRows.map((m) => ({
    code: m.code, title: m.title, kind: m.kind, nature: m.nature, legalBasis: m.legal_basis, appliesTo: m.applies_to, matterCategories: m.matter_categories, listTypes: m.list_types,
  }));
  const due = await feedbackDueOn(ctx, today);
  const answers: Omit<CheckResult, 'checkId'>[] = [];
  for (const r of resolved) {
    if (r.kind === 'name') {
      // a name alone never decides: ranked candidates, no measures (call again with the identifier)
      const candidates = await searchSubjects({ ctx, q: r.name, audience: 'staff', principal, limit: 10 });
      answers.push({ subject: null, outcome: 'unresolved', aggravated: false, greenChannel: false, entries: [], measures: [], held: [], candidates, feedbackDueOn: null, dataVersion: facts.version });
      continue;
    }
    const s = facts.subjects.find((x) => (r.kind === 'uscc' ? x.uscc === r.uscc : x.id_blind === (r as { blind: string }).blind));
    if (!s) {
      answers.push({ subject: { id: null, kind: null, name: null, uscc: r.kind === 'uscc' ? r.uscc : null, idNumberMasked: r.kind === 'id' ? r.masked : null, known: false }, outcome: 'clear', aggravated: false, greenChannel: false, entries: [], measures: [], held: [], feedbackDueOn: null, dataVersion: facts.version });
      continue;
    }
    const knownLongEnough = s.created_at.toISOString().slice(0, 10) <= facts.threeYearsAgo;
    const ev = evaluateCheck({ subjectKind: s.kind, entries: entriesOf(facts, s.id), measures: measureFacts, matterCategory: matter.category, today, threeYearsClean: knownLongEnough && !facts.negative.has(s.id) });
    answers.push({ subject: { id: s.id, kind: s.kind, name: s.name, uscc: s.uscc, idNumberMasked: s.id_masked, known: true }, ...ev, feedbackDueOn: ev.measures.length ? due.dueOn : null, dataVersion: facts.version, ...(due.warnings.length && ev.measures.length ? { warnings: due.warnings } : {}) });
  }
  return storeChecks(ctx, principal, matter.id, opts.subjects, resolved, answers);
}

async function storeChecks(ctx: AppContext, principal: Principal, matterId: string, queries: SubjectQuery[], resolved: Resolved[], answers: Omit<CheckResult, 'checkId'>[]): Promise<CheckResult[]> {
  const actor = actorOf(principal);
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await store.insertChecks(tx, answers.map((a, i) => ({
      department_id: principal.departmentId, actor_type: actor.type, actor_id: actor.id, matter_id: matterId, subject_id: a.subject?.id ?? null,
      // the query as asked, but never a plain ID number
      query: JSON.stringify(resolved[i].kind === 'id' ? { idNumberMasked: (resolved[i] as { masked: string }).masked } : queries[i]),
      result: JSON.stringify(a), outcome: a.outcome, feedback_due_on: a.feedbackDueOn,
      feedback_status: a.measures.length ? 'open' : 'not_required', data_version: String(a.dataVersion),
    })));
    const persons = answers.filter((a) => a.subject?.kind === 'natural_person').map((a) => a.subject!.id);
    if (persons.length) await recordAudit(tx, { actor, action: 'subject.checked', entityType: 'subject', entityId: null, data: { personIds: persons } });
    return answers.map((a, i) => ({ checkId: rows[i].id, ...a }));
  });
}
