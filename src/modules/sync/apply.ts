// Applying a source platform's entries here (跨地区联动). Entries are applied as STATES (the source's
// current status and fields), never as increments, so applying one twice, or an older change after a
// newer state, converges to the source. A mirrored entry keeps its origin (the platform that first
// published it, and its id there): followers of followers find it again, and an entry that comes
// back to the platform that published it is recognised and left alone (no echo between platforms).
// Mirrored entries then work like local ones: checks see them, local memoranda join their list
// types to local measures, local implementers get response tasks, and the local feed tells them.
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { EntryStatus } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/principal.js';
import { recordChange, type ChangeType } from '../changes/record.js';
import type { EntryState } from '../changes/snapshot.js';
import { transitionEntry } from '../lists/entries.js';
import { today } from '../lists/present.js';
import * as lists from '../lists/store.js';
import * as memoranda from '../memoranda/store.js';
import { resolveIdentity, type SubjectInput } from '../subjects/identity.js';
import { findOrCreateSubject } from '../subjects/use-cases.js';
import * as tasks from '../tasks/store.js';
import * as store from './store.js';

export interface ApplyScope { ctx: AppContext; source: string; self: string; generation: number }
type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

const IN_FORCE = ['active', 'held'];

const actorFor = (source: string): Actor => ({ type: 'system', id: `sync:${source}`, departmentId: null });

function changeFor(to: string): ChangeType {
  return ({ held: 'entry.held', active: 'entry.released', expired: 'entry.expired', removed: 'entry.removed', revoked: 'entry.revoked' } as Record<string, ChangeType>)[to];
}

function subjectInput(s: EntryState): SubjectInput | null {
  if (s.subject.kind === 'natural_person') return s.subject.idNumber ? { kind: 'natural_person', name: s.subject.name, idNumber: s.subject.idNumber } : null;
  return s.subject.uscc ? { kind: s.subject.kind as SubjectInput['kind'], name: s.subject.name, uscc: s.subject.uscc } : null;
}

/** The source's identifiers were validated there; one that fails here (rules differ) is skipped, not guessed. */
function identityOf(scope: ApplyScope, input: SubjectInput, path: string) {
  try { return resolveIdentity(input, scope.ctx.config, path); } catch (e) { if (e instanceof AppError) return null; throw e; }
}

async function ensureListType(tx: Tx, scope: ApplyScope, code: string, defs: Map<string, store.ListTypeDef>, departmentId: string) {
  const found = await store.findListType(tx, code);
  if (found) return found;
  const def = defs.get(code);
  if (!def) return null;
  await store.insertMirroredListType(tx, { ...def, initiatingDepartmentId: departmentId, origin: scope.source });
  return (await store.findListType(tx, code))!;
}

async function linkPersons(tx: Tx, scope: ApplyScope, entryId: string, s: EntryState) {
  const rows: Parameters<typeof lists.insertEntryPersons>[1] = [];
  for (const p of s.responsiblePersons) {
    const id = p.idNumber ? identityOf(scope, { kind: 'natural_person', name: p.name, idNumber: p.idNumber }, 'person') : null;
    if (!id) continue;
    const { row } = await findOrCreateSubject(tx, scope.ctx, actorFor(scope.source), id);
    rows.push({ entry_id: entryId, person_id: row.id, role: p.role as 'legal_representative', source: 'listing' });
  }
  await lists.insertEntryPersons(tx, rows);
  return rows;
}

async function skip(tx: Tx, scope: ApplyScope, s: EntryState, note: string): Promise<Outcome> {
  await store.mapEntry(tx, { source: scope.source, sourceEntryId: s.id, entryId: null, generation: scope.generation, note });
  return 'skipped';
}

async function createMirror(tx: Tx, scope: ApplyScope, s: EntryState, origin: string, originId: string, defs: Map<string, store.ListTypeDef>): Promise<Outcome> {
  const actor = actorFor(scope.source);
  const dept = await store.ensureDepartment(tx, { ...s.department, origin: scope.source });
  const lt = await ensureListType(tx, scope, s.listType, defs, dept.id);
  if (!lt) return skip(tx, scope, s, `名单类型 ${s.listType} 的定义未随数据提供`);
  const input = subjectInput(s);
  const identity = input && identityOf(scope, input, 'subject');
  if (!identity) return skip(tx, scope, s, '主体标识缺失或无法校验（自然人须使用信用办密钥同步以取得完整身份证号）');
  const { row: subject } = await findOrCreateSubject(tx, scope.ctx, actor, identity);
  const entry = await lists.insertEntry(tx, {
    listTypeId: lt.id, subjectId: subject.id, departmentId: dept.id, reason: s.reason, decisionNo: s.decisionNo,
    decidedOn: s.decidedOn, startsOn: s.startsOn, endsOn: s.endsOn, origin,
  });
  if (!entry) return skip(tx, scope, s, `本平台已有同一认定文书 ${s.decisionNo} 的名单记录，未重复列入`);
  await store.setOriginEntryId(tx, entry.id, originId);
  const persons = await linkPersons(tx, scope, entry.id, s);
  const reason = `同步自 ${origin === scope.source ? scope.source : `${scope.source}（源自 ${origin}）`}`;
  await lists.insertEntryEvent(tx, { entryId: entry.id, from: null, to: 'active', actorType: actor.type, actorId: actor.id, reason });
  if (s.status === 'held') {
    await lists.setEntryStatus(tx, entry.id, ['active'], 'held');
    await lists.insertEntryEvent(tx, { entryId: entry.id, from: 'active', to: 'held', actorType: actor.type, actorId: actor.id, reason });
  }
  const targets = await memoranda.implementersFor(tx, lt.id);
  for (const t of await tasks.insertTasks(tx, targets.map((x) => ({ entry_id: entry.id, department_id: x.department_id, memorandum_id: x.memorandum_id })))) {
    await recordChange(tx, { type: 'task.created', isPublic: false, departments: [t.department_id], data: { taskId: t.id, entryId: entry.id, listType: lt.code, memorandumId: t.memorandum_id } });
  }
  await store.mapEntry(tx, { source: scope.source, sourceEntryId: s.id, entryId: entry.id, generation: scope.generation });
  await recordAudit(tx, { actor, action: 'entry.mirrored', entityType: 'list_entry', entityId: entry.id, departmentId: dept.id, data: { source: scope.source, origin, originEntryId: originId, status: s.status } });
  await recordChange(tx, {
    type: 'entry.published', subjectId: subject.id, isPublic: lt.is_public, departments: [dept.id, ...targets.map((t) => t.department_id)],
    data: {
      entryId: entry.id, listType: lt.code, kind: lt.kind, subject: { id: subject.id, kind: subject.kind, name: subject.name, uscc: subject.uscc, idNumberMasked: subject.id_masked },
      decisionNo: s.decisionNo, decidedOn: s.decidedOn, startsOn: s.startsOn, endsOn: s.endsOn, persons: persons.map((p) => ({ id: p.person_id, role: p.role })),
      status: s.status, origin, originEntryId: originId,
    },
  });
  return 'created';
}

async function updateMirror(tx: Tx, scope: ApplyScope, localId: string, s: EntryState): Promise<Outcome> {
  const actor = actorFor(scope.source);
  const local = (await store.localEntry(tx, localId))!;
  let outcome: Outcome = 'unchanged';
  const fields = { reason: s.reason, decided_on: s.decidedOn, starts_on: s.startsOn, ends_on: s.endsOn };
  if (local.reason !== fields.reason || local.decided_on !== fields.decided_on || local.starts_on !== fields.starts_on || local.ends_on !== fields.ends_on) {
    await store.updateEntryFields(tx, local.id, fields);
    await recordAudit(tx, { actor, action: 'entry.corrected', entityType: 'list_entry', entityId: local.id, departmentId: local.department_id, data: { source: scope.source, ...fields } });
    const implementers = await memoranda.implementersFor(tx, local.list_type_id);
    await recordChange(tx, { type: 'entry.corrected', subjectId: local.subject_id, isPublic: local.is_public, departments: [local.department_id, ...implementers.map((i) => i.department_id)], data: { entryId: local.id, listType: local.list_type, reason: s.reason, decidedOn: s.decidedOn, startsOn: s.startsOn, endsOn: s.endsOn } });
    outcome = 'updated';
  }
  // Our own sweep may have expired it first (same term); do not revive an entry whose term has ended.
  const termOver = s.endsOn !== null && s.endsOn < today();
  if (local.status !== s.status && !(local.status === 'expired' && IN_FORCE.includes(s.status) && termOver)) {
    const change = changeFor(s.status);
    await transitionEntry(tx, { id: local.id, from: [local.status as EntryStatus], to: s.status as EntryStatus, change, action: change, actor, reason: `同步自 ${scope.source}` });
    outcome = 'updated';
  }
  await store.mapEntry(tx, { source: scope.source, sourceEntryId: s.id, entryId: local.id, generation: scope.generation });
  return outcome;
}

/** Applies a page of source entry states inside the caller's transaction. */
export async function applyStates(tx: Tx, scope: ApplyScope, page: { entries: EntryState[]; listTypes: store.ListTypeDef[] }): Promise<Record<Outcome, number>> {
  const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const defs = new Map(page.listTypes.map((t) => [t.code, t]));
  const mapped = new Map((await store.mappedEntries(tx, scope.source, page.entries.map((e) => e.id))).map((m) => [m.source_entry_id, m.entry_id]));
  for (const s of page.entries) {
    const origin = s.origin ?? scope.source;
    const originId = s.originEntryId ?? s.id;
    if (origin === scope.self) { counts.skipped++; continue; } // our own entry, come back through the source
    const localId = mapped.get(s.id) ?? (await store.entryByOrigin(tx, origin, originId))?.id ?? null;
    if (localId) counts[await updateMirror(tx, scope, localId, s)]++;
    else if (IN_FORCE.includes(s.status)) counts[await createMirror(tx, scope, s, origin, originId, defs)]++;
    else counts.skipped++; // ended before we ever saw it in force: nothing to mirror
  }
  return counts;
}
