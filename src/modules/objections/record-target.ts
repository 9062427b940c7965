// Credit records as the target of an objection or a repair (ADR 010). A record is named by its
// stable id; the current version is what is held, released, unpublished, deleted or corrected.
// Accepted objection → held: still shown on the portal and to departments, marked 异议处理中
// (异议标注), and no department should act on it until decided. Each move is pushed as record.*.
import type { AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../auth/principal.js';
import { correctRecord, type FieldCorrection } from '../records/correct.js';
import { currentRecord, transitionRecord } from '../records/transitions.js';
import type { Target } from './targets.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadRecordTarget(db: Db | Tx, recordId: string): Promise<Target | null> {
  if (!UUID.test(recordId)) return null;
  const r = await currentRecord(db, recordId);
  if (!r) return null;
  return {
    type: 'record', id: r.record_id, subjectId: r.subject_id, providerDepartmentId: r.department_id, status: r.status, listTypeId: null, listTypeCode: null,
    kind: null, repairable: r.publish_policy !== null, decidedOn: r.decided_on ?? '', objectionDays: r.objection_days, repairMinMonths: null, repairRequires: [],
    infoType: r.info_type, minPublishUntil: r.min_publish_until,
  };
}

const IN_FORCE = ['active', 'held'] as const;

export async function holdRecord(tx: Tx, t: Target, actor: Actor, reason: string, objectionId: string): Promise<boolean> {
  return !!(await transitionRecord(tx, { recordId: t.id, from: ['active'], to: 'held', change: 'record.held', action: 'record.held', actor, reason, data: { objectionId, mark: '异议处理中' } }));
}

export async function releaseRecord(tx: Tx, t: Target, actor: Actor, reason: string, objectionId: string) {
  await transitionRecord(tx, { recordId: t.id, from: ['held'], to: 'active', change: 'record.released', action: 'record.released', actor, reason, data: { objectionId } });
}

export async function decideRecord(tx: Tx, ctx: AppContext, t: Target, actor: Actor, o: { outcome: 'unpublish' | 'delete' | 'update'; note: string; objectionId: string; fields?: FieldCorrection }) {
  const data = { objectionId: o.objectionId, outcome: o.outcome };
  switch (o.outcome) {
    case 'unpublish': // 取消公示: off the portal; the provider keeps it, departments still receive it
      return void (await transitionRecord(tx, { recordId: t.id, from: [...IN_FORCE], to: 'unpublished', change: 'record.removed', action: 'record.unpublished', actor, reason: `异议处理：取消公示。${o.note}`, data }));
    case 'delete': // 删除信息: off publication and sharing; the provider keeps it as history
      return void (await transitionRecord(tx, { recordId: t.id, from: [...IN_FORCE, 'expired', 'unpublished'], to: 'revoked', change: 'record.revoked', action: 'record.revoked', actor, reason: `异议处理：删除信息。${o.note}`, stopSharing: true, data }));
    case 'update':
      return void (await correctRecord(tx, ctx, { recordId: t.id, actor, fields: o.fields ?? {}, reason: `异议处理：更新信息。${o.note}` }));
  }
}

/** Approval of a repair: publication ends and sharing stops (一处修复、处处认可). */
export async function endRecordForRepair(tx: Tx, t: Target, actor: Actor, reason: string, repairId: string) {
  return transitionRecord(tx, { recordId: t.id, from: [...IN_FORCE], to: 'unpublished', change: 'record.removed', action: 'record.repaired', actor, reason, stopSharing: true, data: { repairId, repair: true } });
}
