// 应查必查: a business system asks what applies to subjects in one of its matters. All facts of a
// group of checks are read in one statement (one snapshot, one consistent data version), evaluated
// by the pure rules in domain/check-evaluation.ts, and every answer is stored as evidence before it
// is returned. Single checks arriving together are grouped by batcher.ts.
import type { AppContext } from '../../context.js';
import { evaluateCheck, type EntryFact, type MeasureFact } from '../../domain/check-evaluation.js';
import { upgradeRic15, validateIdentifier } from '../../domain/identifiers/index.js';
import { blindIndex, maskIdNumber } from '../../domain/protect.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { addMonths, today as todayInChina } from '../lists/present.js';
import { searchSubjects } from '../subjects/search.js';
import { feedbackDueOn } from './deadline.js';
import * as store from './store.js';

export interface SubjectQuery { uscc?: string; idNumber?: string; name?: string }

export type Resolved =
  | { kind: 'uscc'; uscc: string }
  | { kind: 'id'; blind: string; masked: string }
  | { kind: 'name'; name: string };

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
type Answer = Omit<CheckResult, 'checkId'>;

export interface CheckItem { principal: Principal; query: SubjectQuery; resolved: Resolved }

/** Validates what identifies the subject; throws a 400 naming the field. */
export function resolveQuery(ctx: AppContext, q: SubjectQuery, path: string): Resolved {
  const invalid = (field: string, messages: { message: string }[]) => errors.validation([{ path: `${path}.${field}`, message: messages.map((e) => e.message).join('；') }]);
  if (q.uscc) {
    const r = validateIdentifier(q.uscc, 'uscc');
    if (!r.valid) throw invalid('uscc', r.errors);
    return { kind: 'uscc', uscc: r.value };
  }
  if (q.idNumber) {
    const r = validateIdentifier(q.idNumber, 'ric');
    if (!r.valid) throw invalid('idNumber', r.errors);
    const id = r.value.length === 15 ? upgradeRic15(r.value) : r.value;
    return { kind: 'id', blind: blindIndex(ctx.config.blindIndexKey, id), masked: maskIdNumber(id) };
  }
  if (q.name?.trim()) return { kind: 'name', name: q.name.trim() };
  throw errors.validation([{ path, message: '请提供 uscc、idNumber 或 name 之一' }]);
}

export function assertMayCheck(principal: Principal): void {
  if (!principal.platform && !principal.departmentRoles.includes('implementing')) throw errors.forbidden('只有实施部门可以进行联合奖惩核查。');
}

function entriesOf(facts: store.CheckFacts, subjectId: string): EntryFact[] {
  const own = facts.own.filter((e) => e.subject_id === subjectId)
    .map((e) => ({ id: e.id, listType: e.list_type, kind: e.kind, domain: e.domain, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on, via: null }));
  const via = facts.via.filter((e) => e.person_id === subjectId).map((e) => ({
    id: e.id, listType: e.list_type, kind: e.kind, domain: e.domain, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on,
    via: { organizationId: e.org_id, organizationName: e.org_name, uscc: e.org_uscc, role: e.role },
  }));
  return [...own, ...via];
}

function checkMatter(facts: store.CheckFacts, departmentId: string, platform: boolean, matterCode: string) {
  const matter = facts.matter;
  if (!matter) throw errors.validation([{ path: 'body.matterCode', message: `事项编码 ${matterCode} 不存在` }]);
  if (matter.department_id !== departmentId && !platform) throw errors.forbidden(`事项 ${matter.name} 不属于本部门，请使用本部门的事项编码。`);
  return matter;
}

/** Checks a group of subjects for one department and one matter; stores and returns each answer. */
export async function runCheckGroup(ctx: AppContext, group: { departmentId: string; matterCode: string; items: CheckItem[] }): Promise<CheckResult[]> {
  const today = todayInChina();
  const threeYearsAgo = addMonths(today, -36);
  const facts = await store.loadCheckFacts(ctx.db, {
    usccs: group.items.flatMap((i) => (i.resolved.kind === 'uscc' ? [i.resolved.uscc] : [])),
    blinds: group.items.flatMap((i) => (i.resolved.kind === 'id' ? [i.resolved.blind] : [])),
    departmentId: group.departmentId, matterCode: group.matterCode, negativeSince: threeYearsAgo,
  });
  const matter = checkMatter(facts, group.departmentId, group.items[0].principal.platform, group.matterCode);
  const measures: MeasureFact[] = facts.measures.map((m) => ({
    code: m.code, title: m.title, kind: m.kind, nature: m.nature, legalBasis: m.legal_basis, appliesTo: m.applies_to, matterCategories: m.matter_categories, listTypes: m.list_types,
  }));
  const negative = new Set(facts.negative);
  const due = await feedbackDueOn(ctx, today);
  const answers: Answer[] = [];
  for (const item of group.items) {
    const r = item.resolved;
    if (r.kind === 'name') {
      // a name alone never decides: ranked candidates, no measures (ask again with the identifier)
      const candidates = await searchSubjects({ ctx, q: r.name, audience: 'staff', principal: item.principal, limit: 10 });
      answers.push({ subject: null, outcome: 'unresolved', aggravated: false, greenChannel: false, entries: [], measures: [], held: [], candidates, feedbackDueOn: null, dataVersion: facts.version });
      continue;
    }
    const s = facts.subjects.find((x) => (r.kind === 'uscc' ? x.uscc === r.uscc : x.id_blind === r.blind));
    if (!s) {
      answers.push({ subject: { id: null, kind: null, name: null, uscc: r.kind === 'uscc' ? r.uscc : null, idNumberMasked: r.kind === 'id' ? r.masked : null, known: false }, outcome: 'clear', aggravated: false, greenChannel: false, entries: [], measures: [], held: [], feedbackDueOn: null, dataVersion: facts.version });
      continue;
    }
    const threeYearsClean = s.created_on <= threeYearsAgo && !negative.has(s.id);
    const ev = evaluateCheck({ subjectKind: s.kind, entries: entriesOf(facts, s.id), measures, matterCategory: matter.category, today, threeYearsClean });
    const open = ev.measures.length > 0;
    answers.push({
      subject: { id: s.id, kind: s.kind, name: s.name, uscc: s.uscc, idNumberMasked: s.id_masked, known: true }, ...ev,
      feedbackDueOn: open ? due.dueOn : null, dataVersion: facts.version, ...(open && due.warnings.length ? { warnings: due.warnings } : {}),
    });
  }
  return storeChecks(ctx, matter.id, group.items, answers);
}

async function storeChecks(ctx: AppContext, matterId: string, items: CheckItem[], answers: Answer[]): Promise<CheckResult[]> {
  const rows = answers.map((a, i) => {
    const actor = actorOf(items[i].principal);
    const r = items[i].resolved;
    return {
      department_id: items[i].principal.departmentId, actor_type: actor.type, actor_id: actor.id, matter_id: matterId, subject_id: a.subject?.id ?? null,
      // the query as asked, but never a plain ID number
      query: JSON.stringify(r.kind === 'id' ? { idNumberMasked: r.masked } : items[i].query),
      result: JSON.stringify(a), outcome: a.outcome, feedback_due_on: a.feedbackDueOn,
      feedback_status: a.measures.length ? 'open' as const : 'not_required' as const, data_version: String(a.dataVersion),
    };
  });
  const persons = answers.map((a, i) => ({ a, i })).filter(({ a }) => a.subject?.kind === 'natural_person');
  // one INSERT is atomic by itself; a transaction only when person looks must be audited with it
  const ids = persons.length === 0
    ? await store.insertChecks(ctx.db, rows)
    : await ctx.db.transaction().execute(async (tx) => {
      const inserted = await store.insertChecks(tx, rows);
      for (const { a, i } of persons) {
        await recordAudit(tx, { actor: actorOf(items[i].principal), action: 'subject.checked', entityType: 'subject', entityId: a.subject!.id, data: { checkId: inserted[i].id } });
      }
      return inserted;
    });
  return answers.map((a, i) => ({ checkId: ids[i].id, ...a }));
}

/** The batch endpoint: every subject validated first (a bad one fails the call with its index). */
export async function checkSubjects(opts: { ctx: AppContext; principal: Principal; subjects: SubjectQuery[]; matterCode: string }): Promise<CheckResult[]> {
  const { ctx, principal } = opts;
  assertMayCheck(principal);
  const items = opts.subjects.map((query, i) => ({ principal, query, resolved: resolveQuery(ctx, query, `body.subjects.${i}`) }));
  return runCheckGroup(ctx, { departmentId: principal.departmentId, matterCode: opts.matterCode, items });
}

