// What an objection or a repair is about: a list entry or a credit record (record-target.ts). The
// functions here move the target through hold, release and the decided outcomes, each with its
// history, audit and feed change in the caller's transaction; one path for both kinds.
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { EntryStatus } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/principal.js';
import { transitionEntry } from '../lists/entries.js';
import { entryOriginName } from '../lists/store.js';
import type { FieldCorrection } from '../records/correct.js';
import { decideRecord, holdRecord, loadRecordTarget, releaseRecord } from './record-target.js';

export interface Target {
  type: 'entry' | 'record';
  id: string;
  subjectId: string;
  providerDepartmentId: string;
  status: string;
  listTypeId: string | null;
  listTypeCode: string | null;
  kind: 'red' | 'black' | null;
  repairable: boolean;
  decidedOn: string;
  objectionDays: number[] | null;
  repairMinMonths: number | null;
  repairRequires: string[];
  /** Entries mirrored from another platform (ADR 009): that platform's credit office. */
  origin?: { code: string; name: string | null } | null;
  /** Records only: the info type and the earliest end of publication (the policy's minimum). */
  infoType?: string;
  minPublishUntil?: string | null;
}

export interface Correction { endsOn?: string | null; reason?: string; fields?: FieldCorrection }

export async function loadTarget(db: Db | Tx, ref: { entryId?: string; recordId?: string }): Promise<Target | null> {
  if (ref.recordId) return loadRecordTarget(db, ref.recordId);
  if (!ref.entryId || !/^[0-9a-f-]{36}$/i.test(ref.entryId)) return null;
  const row = await db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id')
    .select(['e.id', 'e.subject_id', 'e.department_id', 'e.status', 'e.decided_on', 'lt.id as list_type_id', 'lt.code', 'lt.kind', 'lt.repairable',
      'lt.objection_days', 'lt.repair_min_months', 'lt.repair_requires', 'e.origin', entryOriginName.as('origin_name')])
    .where('e.id', '=', ref.entryId).executeTakeFirst();
  if (!row) return null;
  return {
    type: 'entry', id: row.id, subjectId: row.subject_id, providerDepartmentId: row.department_id, status: row.status, listTypeId: row.list_type_id,
    listTypeCode: row.code, kind: row.kind, repairable: row.repairable, decidedOn: row.decided_on, objectionDays: row.objection_days,
    repairMinMonths: row.repair_min_months, repairRequires: row.repair_requires,
    origin: row.origin ? { code: row.origin, name: row.origin_name } : null,
  };
}

/**
 * An entry mirrored from another platform is decided there (ADR 009: its department has no keys here,
 * and a hold or removal made here would be undone by the next sync): the applicant is told where to go.
 */
export function assertDecidedHere(t: Target, what: '异议' | '信用修复申请'): void {
  if (!t.origin) return;
  const where = t.origin.name ?? `统一社会信用代码为 ${t.origin.code} 的信用主管部门`;
  throw new AppError('DECIDED_ON_ORIGIN_PLATFORM', 409,
    `该名单信息由${where}所在的信用平台认定并公示，本平台仅同步显示，无法在此处理。请向该平台提出${what}；该平台的处理结果会同步到本平台。`);
}

type EntryChange = 'entry.held' | 'entry.released' | 'entry.removed' | 'entry.revoked' | 'entry.corrected';
const move = (tx: Tx, t: Target, actor: Actor, reason: string, from: EntryStatus[], to: EntryStatus, change: EntryChange, extra?: Parameters<typeof transitionEntry>[1]['extra']) =>
  transitionEntry(tx, { id: t.id, from, to, change, action: change, actor, reason, extra });

/** Wrong measures may have been taken meanwhile: tell the departments that acted, so they can undo them. */
async function actedExtra(tx: Tx, entryId: string) {
  const acted = await departmentsThatActed(tx, entryId);
  return {
    departments: acted.map((a) => a.department_id),
    data: { actedBy: acted.map((a) => ({ department: a.department_code, checkId: a.check_id, feedback: a.feedback })) },
  };
}

/** 联合惩戒措施在信息核实期间暂不执行: from now on checks list the entry under `held`; a record is marked 异议处理中. */
export async function holdTarget(tx: Tx, t: Target, actor: Actor, reason: string, objectionId: string): Promise<boolean> {
  if (t.type === 'record') return holdRecord(tx, t, actor, reason, objectionId);
  return !!(await move(tx, t, actor, reason, ['active'], 'held', 'entry.held'));
}

/** Lifts the hold unless another accepted objection on the same target is still open. */
export async function releaseTarget(tx: Tx, t: Target, actor: Actor, reason: string, exceptObjectionId: string): Promise<void> {
  const others = await tx.selectFrom('objection').select('id').where('target_id', '=', t.id)
    .where('status', 'in', ['accepted', 'with_provider']).where('id', '!=', exceptObjectionId).executeTakeFirst();
  if (others) return;
  if (t.type === 'record') await releaseRecord(tx, t, actor, reason, exceptObjectionId);
  else await move(tx, t, actor, reason, ['held'], 'active', 'entry.released');
}

/** Departments that acted on the entry (checks whose measures it caused, with their feedback). */
export async function departmentsThatActed(tx: Db | Tx, entryId: string) {
  const { rows } = await sql<{ check_id: string; department_code: string; department_id: string; feedback: unknown }>`
    SELECT c.id AS check_id, d.code AS department_code, d.id AS department_id, f.measures AS feedback
    FROM credit_check c JOIN department d ON d.id = c.department_id LEFT JOIN check_feedback f ON f.check_id = c.id
    WHERE c.feedback_status <> 'not_required'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.result -> 'measures') m WHERE m -> 'entryIds' ? ${entryId})`.execute(tx);
  return rows;
}

export async function applyOutcome(tx: Tx, ctx: AppContext, t: Target, actor: Actor, o: { outcome: 'verified' | 'unpublish' | 'delete' | 'update'; note: string; objectionId: string; correction?: Correction }) {
  if (o.outcome === 'verified') return releaseTarget(tx, t, actor, `异议核实无误：${o.note}`, o.objectionId);
  if (t.type === 'record') return decideRecord(tx, ctx, t, actor, { outcome: o.outcome, note: o.note, objectionId: o.objectionId, fields: o.correction?.fields });
  switch (o.outcome) {
    case 'unpublish':
      return void (await move(tx, t, actor, `异议处理：取消公示。${o.note}`, ['held', 'active'], 'removed', 'entry.removed'));
    case 'delete':
      return void (await move(tx, t, actor, `异议处理：删除信息。${o.note}`, ['held', 'active', 'expired', 'removed'], 'revoked', 'entry.revoked', await actedExtra(tx, t.id)));
    case 'update': {
      const set: { ends_on?: string | null; reason?: string } = {};
      if (o.correction?.endsOn !== undefined) set.ends_on = o.correction.endsOn;
      if (o.correction?.reason) set.reason = o.correction.reason;
      if (Object.keys(set).length) await tx.updateTable('list_entry').set({ ...set, updated_at: new Date() }).where('id', '=', t.id).execute();
      const extra = await actedExtra(tx, t.id);
      return void (await move(tx, t, actor, `异议处理：更正信息。${o.note}`, ['held', 'active'], 'active', 'entry.corrected', { ...extra, data: { ...extra.data, correction: o.correction ?? null } }));
    }
  }
}
