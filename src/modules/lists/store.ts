// SQL for list types and list entries. Scope is explicit: callers pass the department whose view
// they read (null = the credit office, which sees all).
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { EntryStatus, ListTypeTable } from '../../db/schema.js';

/**
 * For a query reading list_entry as `e`: the name of the credit office the entry was mirrored from
 * (ADR 009) — as its sync key named it, else a department of that code here; null for local entries.
 */
export const entryOriginName = sql<string | null>`coalesce((SELECT name FROM sync_source WHERE code = e.origin), (SELECT name FROM department WHERE code = e.origin))`;

type Q = Db | Tx;

const listTypeColumns = ['lt.id', 'lt.code', 'lt.name', 'lt.kind', 'lt.domain', 'lt.initiating_department_id', 'lt.legal_basis',
  'lt.term_months', 'lt.repairable', 'lt.is_public', 'lt.exit_conditions', 'lt.source', 'lt.edition', 'lt.verified', 'lt.created_at',
  'lt.objection_days', 'lt.repair_min_months', 'lt.repair_requires',
  'd.code as initiating_department_code', 'd.name as initiating_department_name'] as const;

export type ListTypeRow = Awaited<ReturnType<typeof findListType>> & {};

export async function findListType(db: Q, code: string) {
  return db.selectFrom('list_type as lt').leftJoin('department as d', 'd.id', 'lt.initiating_department_id')
    .select(listTypeColumns).where('lt.code', '=', code).executeTakeFirst();
}

export async function listListTypes(db: Q) {
  return db.selectFrom('list_type as lt').leftJoin('department as d', 'd.id', 'lt.initiating_department_id')
    .select(listTypeColumns).orderBy('lt.kind', 'desc').orderBy('lt.code').execute();
}

export async function insertListType(tx: Tx, row: Omit<ListTypeTable, 'id' | 'created_at' | 'repairable' | 'is_public' | 'verified' | 'objection_days' | 'repair_min_months' | 'repair_requires'> & { repairable: boolean; is_public: boolean; verified?: boolean }) {
  return tx.insertInto('list_type').values(row).onConflict((oc) => oc.column('code').doNothing()).returning(['id', 'code']).executeTakeFirst();
}

export async function assignInitiator(tx: Tx, code: string, departmentId: string) {
  return tx.updateTable('list_type').set({ initiating_department_id: departmentId }).where('code', '=', code).returning('id').executeTakeFirst();
}

export async function insertEntry(tx: Tx, e: {
  listTypeId: string; subjectId: string; departmentId: string; reason: string; decisionNo: string;
  decidedOn: string; startsOn: string; endsOn: string | null; origin?: string | null;
}) {
  return tx.insertInto('list_entry').values({
    list_type_id: e.listTypeId, subject_id: e.subjectId, department_id: e.departmentId, reason: e.reason, decision_no: e.decisionNo,
    decided_on: e.decidedOn, starts_on: e.startsOn, ends_on: e.endsOn, origin: e.origin ?? null,
  }).onConflict((oc) => oc.columns(['list_type_id', 'subject_id', 'decision_no']).doNothing())
    .returning(['id', 'status', 'created_at']).executeTakeFirst();
}

export async function insertEntryPersons(tx: Tx, rows: { entry_id: string; person_id: string; role: 'legal_representative' | 'principal' | 'directly_responsible'; source: 'listing' | 'relation' }[]) {
  if (rows.length) await tx.insertInto('list_entry_person').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

export async function insertEntryEvent(tx: Tx, e: { entryId: string; from: string | null; to: string; actorType: string; actorId: string | null; reason?: string | null }) {
  await tx.insertInto('list_entry_event').values({ entry_id: e.entryId, from_status: e.from, to_status: e.to, actor_type: e.actorType, actor_id: e.actorId, reason: e.reason ?? null }).execute();
}

/** Persons answerable for an organisation on a day (relations in force then). */
export async function relationsInForce(db: Q, organizationId: string, on: string) {
  return db.selectFrom('subject_relation').select(['person_id', 'role'])
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', on)]))
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', on)])).execute();
}

const entryColumns = ['e.id', 'e.status', 'e.reason', 'e.decision_no', 'e.decided_on', 'e.starts_on', 'e.ends_on', 'e.origin', 'e.created_at',
  'e.updated_at', 'e.department_id', 'lt.code as list_type', 'lt.name as list_type_name', 'lt.kind', 'lt.domain', 'lt.is_public', 'lt.legal_basis',
  's.id as subject_id', 's.kind as subject_kind', 's.name as subject_name', 's.uscc', 's.id_masked', 'd.code as department_code', 'd.name as department_name'] as const;

function entriesQuery(db: Q) {
  return db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id')
    .innerJoin('subject as s', 's.id', 'e.subject_id').innerJoin('department as d', 'd.id', 'e.department_id');
}

/**
 * Who may see an entry (aliases `e` for list_entry, `lt` for its list type): the credit office; the department that listed it; departments that accepted a
 * memorandum covering its list type (they must act on it); anyone for public list types.
 */
export function entryVisibleTo(departmentId: string | null) {
  return sql<boolean>`(${departmentId}::uuid IS NULL OR lt.is_public OR e.department_id = ${departmentId}::uuid
    OR EXISTS (SELECT 1 FROM memorandum_list_type mlt JOIN memorandum_acceptance ma ON ma.memorandum_id = mlt.memorandum_id
               WHERE mlt.list_type_id = e.list_type_id AND ma.department_id = ${departmentId}::uuid AND ma.status = 'accepted'))`;
}

export async function findEntry(db: Q, id: string, viewer: string | null) {
  return entriesQuery(db).select(entryColumns).where('e.id', '=', id).where(entryVisibleTo(viewer)).executeTakeFirst();
}

export async function listEntries(db: Q, viewer: string | null, f: { listType?: string; status?: string; subjectId?: string; departmentId?: string; decidedFrom?: string; decidedTo?: string; limit: number; offset: number }) {
  let q = entriesQuery(db).select(entryColumns).where(entryVisibleTo(viewer));
  if (f.listType) q = q.where('lt.code', '=', f.listType);
  if (f.status) q = q.where('e.status', '=', f.status as EntryStatus);
  if (f.subjectId) q = q.where('e.subject_id', '=', f.subjectId);
  if (f.departmentId) q = q.where('e.department_id', '=', f.departmentId);
  if (f.decidedFrom) q = q.where('e.decided_on', '>=', f.decidedFrom);
  if (f.decidedTo) q = q.where('e.decided_on', '<=', f.decidedTo);
  return q.orderBy('e.created_at', 'desc').limit(f.limit).offset(f.offset).execute();
}

export async function entryPersons(db: Q, entryIds: string[]) {
  if (!entryIds.length) return [];
  return db.selectFrom('list_entry_person as p').innerJoin('subject as s', 's.id', 'p.person_id')
    .select(['p.entry_id', 'p.person_id', 'p.role', 'p.source', 's.name', 's.id_masked']).where('p.entry_id', 'in', entryIds).execute();
}

export async function entryEvents(db: Q, entryId: string) {
  return db.selectFrom('list_entry_event').selectAll().where('entry_id', '=', entryId).orderBy('id').execute();
}

export async function setEntryStatus(tx: Tx, id: string, from: EntryStatus[], to: EntryStatus) {
  return tx.updateTable('list_entry').set({ status: to, updated_at: new Date() })
    .where('id', '=', id).where('status', 'in', from).returning(['id', 'list_type_id', 'subject_id', 'department_id']).executeTakeFirst();
}

/** Entries whose term ended before `today`, locked so concurrent sweeps skip each other's rows. */
export async function lockExpiredEntries(tx: Tx, today: string, limit: number) {
  return tx.selectFrom('list_entry').select(['id', 'status', 'list_type_id', 'subject_id', 'department_id'])
    .where('status', 'in', ['active', 'held']).where('ends_on', '<', today)
    .orderBy('ends_on').limit(limit).forUpdate().skipLocked().execute();
}

/** The entry a sheet row names: list type, subject (USCC or the ID number's blind index) and decision number. */
export async function findEntryByKey(db: Q, k: { listTypeId: string; uscc: string | null; blind: string | null; decisionNo: string }) {
  return db.selectFrom('list_entry as e').innerJoin('subject as s', 's.id', 'e.subject_id')
    .select(['e.id', 'e.status', 'e.reason', 'e.department_id', sql<string>`e.decided_on::text`.as('decided_on'), sql<string>`e.starts_on::text`.as('starts_on'),
      sql<string | null>`e.ends_on::text`.as('ends_on')])
    .where('e.list_type_id', '=', k.listTypeId).where('e.decision_no', '=', k.decisionNo)
    .where(k.blind ? 's.id_blind' : 's.uscc', '=', (k.blind ?? k.uscc)!).executeTakeFirst();
}
