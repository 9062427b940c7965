// 应查必查: a business system asks what applies to subjects in one of its matters. The subject facts
// of a round of checks come from the in-process subject index (ADR 015) or from one prepared statement
// (one snapshot, one consistent data version), the catalog from memory at least as new (catalog.ts),
// the pure rules in domain/check-evaluation.ts decide, and every answer is stored as evidence — those
// with a duty or about a person before they are returned, clear ones right behind (storeChecks, ADR 017).
// Single checks arriving together form one round (batcher.ts).
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { evaluateCheck, type EntryFact, type MeasureFact } from '../../domain/check-evaluation.js';
import { isCanonicalUscc, upgradeRic15, validateIdentifier } from '../../domain/identifiers/index.js';
import { blindIndex, maskIdNumber } from '../../domain/protect.js';
import { AppError, errors, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { addMonths, today as todayInChina } from '../lists/present.js';
import { searchSubjects } from '../subjects/search.js';
import { catalogAt, type CheckCatalog } from './catalog.js';
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

export interface CheckItem { principal: Principal; matterCode: string; query: SubjectQuery; resolved: Resolved }

/** Validates what identifies the subject; throws a 400 naming the field. */
export function resolveQuery(ctx: AppContext, q: SubjectQuery, path: string): Resolved {
  const invalid = (field: string, messages: { message: string }[]) => errors.validation([{ path: `${path}.${field}`, message: messages.map((e) => e.message).join('；') }]);
  if (q.uscc) {
    if (isCanonicalUscc(q.uscc)) return { kind: 'uscc', uscc: q.uscc }; // what business systems send; validateUscc would agree
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

/** The round's entries grouped by the subject they reach (own, or as a responsible person), once per round. */
function entriesBySubject(facts: store.SubjectFacts): Map<string, EntryFact[]> {
  const bySubject = new Map<string, EntryFact[]>();
  const add = (subjectId: string, e: store.FactEntry | store.FactViaEntry, via: EntryFact['via']) => {
    const list = bySubject.get(subjectId) ?? [];
    list.push({ id: e.id, listType: e.list_type, listTypeName: e.list_type_name, kind: e.kind, domain: e.domain, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on, via });
    bySubject.set(subjectId, list);
  };
  for (const e of facts.own) add(e.subject_id, e, null);
  for (const e of facts.via) add(e.person_id, e, { organizationId: e.org_id, organizationName: e.org_name, uscc: e.org_uscc, role: e.role });
  return bySubject;
}

function matterFor(catalog: CheckCatalog, item: CheckItem) {
  const matter = catalog.matters.get(item.matterCode);
  if (!matter) throw errors.validation([{ path: 'body.matterCode', message: `事项编码 ${item.matterCode} 不存在` }]);
  if (matter.department_id !== item.principal.departmentId && !item.principal.platform) throw errors.forbidden(`事项 ${matter.name} 不属于本部门，请使用本部门的事项编码。`);
  return matter;
}

/**
 * The subjects' facts and the catalog for one round: from the process's subject index when it is
 * loaded (caught up with this process's writes; ADR 015), else from PostgreSQL in one statement.
 */
async function roundFacts(ctx: AppContext, q: { usccs: string[]; blinds: string[]; negativeSince: string }): Promise<{ facts: store.SubjectFacts; catalog: CheckCatalog }> {
  const view = await ctx.checks?.follower?.view();
  if (view) {
    const catalog = await catalogAt(ctx.checkPool, view.catalogVersion);
    return { catalog, facts: { ...view.index.facts({ ...q, listTypes: catalog.listTypes }), version: view.version, catalogVersion: view.catalogVersion } };
  }
  const facts = await store.loadSubjectFacts(ctx.checkPool, q);
  return { facts, catalog: await catalogAt(ctx.checkPool, Number(facts.catalogVersion)) };
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000; // UTC+8, no daylight saving
let day = { until: 0, today: '', threeYearsAgo: '' };

/** Today in China and the day three years before, worked out once a day (every round asks: ≈ 3 µs a check). */
function currentDay() {
  const now = Date.now();
  if (now >= day.until) {
    const today = todayInChina(new Date(now));
    day = { until: (Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - CHINA_OFFSET_MS, today, threeYearsAgo: addMonths(today, -36) };
  }
  return day;
}

/**
 * An answer as the JSON text of a CheckResult (serialised once, for the response and the log), and the
 * write of its log row: an answer may be returned once its row is `written`.
 */
export type Settled = { ok: true; json: string; written: Promise<void> } | { ok: false; error: unknown };

/**
 * Checks a round of subjects — any departments, any matters — from one read of their facts (one
 * snapshot) and the catalog at least as new; starts storing every answer (storeChecks says where and when).
 * A bad matter fails only the checks that named it.
 */
export async function runChecks(ctx: AppContext, items: CheckItem[]): Promise<Settled[]> {
  return storeChecks(ctx, items, await answerRound(ctx, items));
}

type Answered = { ok: true; answer: Answer; matterId: string } | { ok: false; error: unknown };

/** The answers of a round, each or its error; nothing stored yet. */
async function answerRound(ctx: AppContext, items: CheckItem[]): Promise<Answered[]> {
  const { today, threeYearsAgo } = currentDay();
  const { facts, catalog } = await roundFacts(ctx, {
    usccs: items.flatMap((i) => (i.resolved.kind === 'uscc' ? [i.resolved.uscc] : [])),
    blinds: items.flatMap((i) => (i.resolved.kind === 'id' ? [i.resolved.blind] : [])),
    negativeSince: threeYearsAgo,
  });
  const version = Number(facts.version);
  const byUscc = new Map(facts.subjects.filter((s) => s.uscc).map((s) => [s.uscc!, s]));
  const byBlind = new Map(facts.subjects.filter((s) => s.id_blind).map((s) => [s.id_blind!, s]));
  const negative = new Set(facts.negative);
  const entries = entriesBySubject(facts);
  const due = await feedbackDueOn(ctx, today);
  const settled: Answered[] = [];
  for (const item of items) {
    try {
      const matter = matterFor(catalog, item);
      const r = item.resolved;
      let answer: Answer;
      if (r.kind === 'name') {
        // a name alone never decides: ranked candidates, no measures (ask again with the identifier)
        const candidates = await searchSubjects({ ctx, q: r.name, audience: 'staff', principal: item.principal, limit: 10 });
        answer = { subject: null, outcome: 'unresolved', aggravated: false, greenChannel: false, entries: [], measures: [], held: [], candidates, feedbackDueOn: null, dataVersion: version };
      } else {
        const s = r.kind === 'uscc' ? byUscc.get(r.uscc) : byBlind.get(r.blind);
        answer = s
          ? answerFor({ entries: entries.get(s.id) ?? [], subject: s, measures: catalog.measures.get(item.principal.departmentId) ?? [], matterCategory: matter.category, today, threeYearsClean: s.created_on <= threeYearsAgo && !negative.has(s.id), due, version })
          : { subject: { id: null, kind: null, name: null, uscc: r.kind === 'uscc' ? r.uscc : null, idNumberMasked: r.kind === 'id' ? r.masked : null, known: false }, outcome: 'clear', aggravated: false, greenChannel: false, entries: [], measures: [], held: [], feedbackDueOn: null, dataVersion: version };
      }
      settled.push({ ok: true, answer, matterId: matter.id });
    } catch (error) {
      settled.push({ ok: false, error });
    }
  }
  return settled;
}

function answerFor(a: { entries: EntryFact[]; subject: store.FactSubject; measures: MeasureFact[]; matterCategory: string; today: string; threeYearsClean: boolean; due: { dueOn: string; warnings: string[] }; version: number }): Answer {
  const s = a.subject;
  const ev = evaluateCheck({ subjectKind: s.kind, entries: a.entries, measures: a.measures, matterCategory: a.matterCategory, today: a.today, threeYearsClean: a.threeYearsClean });
  const open = ev.measures.length > 0;
  return {
    subject: { id: s.id, kind: s.kind, name: s.name, uscc: s.uscc, idNumberMasked: s.id_masked, known: true }, ...ev,
    feedbackDueOn: open ? a.due.dueOn : null, dataVersion: a.version, ...(open && a.due.warnings.length ? { warnings: a.due.warnings } : {}),
  };
}

/**
 * Starts writing the round's log rows; each answer gets its id and the promise of its own row's
 * write, so a clear answer never waits for another answer's durable commit. Each answer is
 * serialised once: the log stores that text, the response is the same text with the check's id.
 */
function storeChecks(ctx: AppContext, items: CheckItem[], settled: Answered[]): Settled[] {
  const log = ctx.checks?.log;
  const durable: store.CheckRow[] = [];
  const persons: { subjectId: string; checkId: string; principal: Principal }[] = [];
  const direct: store.CheckRow[] = [];
  const out = settled.map((x, i): Settled | { row: store.CheckRow; json: string; mode: 'durable' | 'duty' | 'clear' } => {
    if (!x.ok) return x;
    const id = randomUUID();
    const { answer: a } = x;
    const actor = actorOf(items[i].principal);
    const r = items[i].resolved;
    const result = JSON.stringify(a);
    const row: store.CheckRow = {
      id, department_id: items[i].principal.departmentId, actor_type: actor.type, actor_id: actor.id, matter_id: x.matterId, subject_id: a.subject?.id ?? null,
      // the query as asked, but never a plain ID number
      query: r.kind === 'id' ? { idNumberMasked: r.masked } : items[i].query,
      result, outcome: a.outcome, feedback_due_on: a.feedbackDueOn,
      feedback_status: a.measures.length ? 'open' : 'not_required', data_version: a.dataVersion,
    };
    // the response: the same text, the check's id first
    const json = `{"checkId":"${id}",${result.slice(1)}`;
    if (a.subject?.kind === 'natural_person') {
      persons.push({ subjectId: a.subject.id!, checkId: id, principal: items[i].principal });
      durable.push(row);
      return { row, json, mode: 'durable' };
    }
    const duty = row.feedback_status === 'open';
    // without the subject index (ADR 013) a duty is committed durably, a clear answer on the check pool
    if (!log && duty) {
      durable.push(row);
      return { row, json, mode: 'durable' };
    }
    if (!log) direct.push(row);
    return { row, json, mode: duty ? 'duty' : 'clear' };
  });
  // Where each row goes (ADR 013, ADR 015):
  // - a look at a natural person: committed durably with its audit row, before the answer;
  // - an answer that opens a feedback duty: committed before the answer (feedback may reach another
  //   process a moment later); with the subject index, by the check log's next write, at once, on the
  //   check pool, whose commits do not wait for the WAL flush (a crash of the database server may lose
  //   the last ≈ 0.6 s of them);
  // - a clear answer: with the index, written behind the answer by the check log (check-log.ts);
  //   without it, on the check pool before the answer.
  const directWritten = store.insertChecks(ctx.checkPool, direct);
  const durableWritten = durable.length ? ctx.db.transaction().execute(async (tx) => {
    await store.insertChecksIn(tx, durable);
    for (const p of persons) {
      await recordAudit(tx, { actor: actorOf(p.principal), action: 'subject.checked', entityType: 'subject', entityId: p.subjectId, data: { checkId: p.checkId } });
    }
  }) : Promise.resolve();
  // every promise is awaited by the answers it holds; these guards only keep an empty one quiet
  for (const p of [directWritten, durableWritten]) p.catch(() => undefined);
  const clear = log ? log.append(out.flatMap((o) => ('mode' in o && o.mode === 'clear' ? [o.row] : []))) : directWritten;
  clear.catch(() => undefined);
  return out.map((o): Settled => {
    if (!('mode' in o)) return o;
    const written = o.mode === 'durable' ? durableWritten : o.mode === 'clear' ? clear : log!.confirm(o.row);
    return { ok: true, json: o.json, written };
  });
}

/**
 * The batch endpoint, all or nothing: every subject is validated and answered before any is stored, and
 * a call with a bad subject stores no check (no open duty from a call the caller must repeat); the 400
 * names every bad subject by its index (body.subjects.i.field).
 */
export async function checkSubjects(opts: { ctx: AppContext; principal: Principal; subjects: SubjectQuery[]; matterCode: string }): Promise<string[]> {
  const { ctx, principal, matterCode } = opts;
  assertMayCheck(principal);
  const problems: FieldError[] = [];
  const items: CheckItem[] = [];
  opts.subjects.forEach((query, i) => {
    try {
      items.push({ principal, matterCode, query, resolved: resolveQuery(ctx, query, `body.subjects.${i}`) });
    } catch (e) {
      problems.push(...fieldErrorsOf(e, `body.subjects.${i}`));
    }
  });
  if (problems.length) throw errors.validation(problems);
  const answered = await answerRound(ctx, items);
  answered.forEach((x, i) => {
    if (x.ok) return;
    // the matter is the same for all: its error is the call's
    if (x.error instanceof AppError && x.error.errors?.some((e) => e.path === 'body.matterCode')) throw x.error;
    if (x.error instanceof AppError && x.error.status === 403) throw x.error;
    problems.push(...fieldErrorsOf(x.error, `body.subjects.${i}.name`));
  });
  if (problems.length) throw errors.validation(problems);
  const settled = storeChecks(ctx, items, answered) as Extract<Settled, { ok: true }>[];
  await Promise.all(settled.map((x) => x.written));
  return settled.map((x) => x.json);
}

/** A subject's problems as field errors; what is not a user's error stays an error. */
function fieldErrorsOf(e: unknown, path: string): FieldError[] {
  if (!(e instanceof AppError) || e.status !== 400) throw e;
  return e.errors?.length ? e.errors : [{ path, message: e.detail }];
}
