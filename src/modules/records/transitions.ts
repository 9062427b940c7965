// Moves a credit record's current version to a new status — held on an accepted objection, back to
// active, unpublished (取消公示 / repaired) or revoked (deleted) — with its status history, audit row
// and feed change in the caller's transaction, as lists/entries.ts transitionEntry does for entries.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { CreditRecordTable } from '../../db/schema.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/principal.js';
import { recordChange, type ChangeType } from '../changes/record.js';

export type RecordStatus = CreditRecordTable['status'];

export interface CurrentRecord {
  id: string;
  record_id: string;
  version: number;
  info_type: string;
  subject_id: string;
  department_id: string;
  department_code: string;
  disclosure: 'public' | 'shared' | 'restricted';
  status: RecordStatus;
  decided_on: string | null;
  min_publish_until: string | null;
  max_publish_until: string | null;
  publish_policy: string | null;
  /** The info type's objection deadlines, when it sets its own (catalog definition). */
  objection_days: number[] | null;
}

/** The current version of a record (by its stable id), optionally locked until the transaction ends. */
export async function currentRecord(q: Db | Tx, recordId: string, lock = false): Promise<CurrentRecord | undefined> {
  const { rows } = await sql<CurrentRecord>`
    SELECT r.id, r.record_id, r.version, r.info_type, r.subject_id, r.department_id, d.code AS department_code, r.disclosure, r.status,
      r.decided_on, r.min_publish_until, r.max_publish_until, r.publish_policy,
      (SELECT array(SELECT jsonb_array_elements_text(t.definition -> 'objectionDays')::int) FROM info_type t
        WHERE t.code = r.info_type AND jsonb_typeof(t.definition -> 'objectionDays') = 'array') AS objection_days
    FROM credit_record r JOIN department d ON d.id = r.department_id
    WHERE r.record_id = ${recordId}::uuid AND r.is_current ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(q);
  return rows[0];
}

/** Who hears of a record's change: everyone for public records, all departments for shared ones, else its provider. */
export async function audienceOf(tx: Tx, r: Pick<CurrentRecord, 'disclosure' | 'department_id'>) {
  if (r.disclosure !== 'shared') return { isPublic: r.disclosure === 'public', departments: [r.department_id] };
  const all = await tx.selectFrom('department').select('id').execute();
  return { isPublic: false, departments: all.map((d) => d.id) };
}

export async function insertRecordEvent(tx: Tx, e: { recordId: string; versionId: string; from: string; to: string; actor: Actor; reason: string | null }) {
  await tx.insertInto('credit_record_event').values({
    record_id: e.recordId, version_id: e.versionId, from_status: e.from, to_status: e.to, actor_type: e.actor.type, actor_id: e.actor.id, reason: e.reason,
  }).execute();
}

/** Other departments stop receiving every version of the record (停止共享). */
export async function stopSharing(tx: Tx, recordId: string) {
  await tx.updateTable('credit_record').set({ sharing_stopped_at: new Date() }).where('record_id', '=', recordId).where('sharing_stopped_at', 'is', null).execute();
}

export async function transitionRecord(tx: Tx, opts: {
  recordId: string; from: RecordStatus[]; to: RecordStatus; change: ChangeType; action: string; actor: Actor; reason: string;
  /** Deleted and repaired records leave sharing as well as publication. */
  stopSharing?: boolean;
  /** More for the feed (the objection or repair behind the move); never field values. */
  data?: Record<string, unknown>;
}): Promise<CurrentRecord | null> {
  const before = await currentRecord(tx, opts.recordId, true);
  if (!before || !opts.from.includes(before.status)) return null;
  await tx.updateTable('credit_record').set({ status: opts.to, status_changed_at: new Date() }).where('id', '=', before.id).execute();
  if (opts.stopSharing) await stopSharing(tx, before.record_id);
  await insertRecordEvent(tx, { recordId: before.record_id, versionId: before.id, from: before.status, to: opts.to, actor: opts.actor, reason: opts.reason });
  await recordAudit(tx, { actor: opts.actor, action: opts.action, entityType: 'credit_record', entityId: before.record_id, departmentId: before.department_id,
    data: { versionId: before.id, from: before.status, to: opts.to, reason: opts.reason } });
  await recordChange(tx, {
    type: opts.change, subjectId: before.subject_id, ...await audienceOf(tx, before),
    data: {
      id: before.record_id, versionId: before.id, version: before.version, infoType: before.info_type, subjectId: before.subject_id,
      department: before.department_code, from: before.status, status: opts.to, sharing: !opts.stopSharing, ...opts.data,
    },
  });
  return { ...before, status: opts.to };
}
