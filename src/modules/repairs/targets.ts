// The part of a repair that depends on what is repaired: the facts the platform checks itself and
// what approval does. A list entry (removal from the list; the list type's minimum months and
// materials) or a credit record (提前终止公示 of a penalty: the record's stored minimum end of
// publication, newer records of the same info type) — one request and decision path for both.
import type { Db, Tx } from '../../db/database.js';
import type { RepairFacts } from '../../domain/repair-conditions.js';
import type { Actor } from '../auth/principal.js';
import { transitionEntry } from '../lists/entries.js';
import { endRecordForRepair } from '../objections/record-target.js';
import type { Target } from '../objections/targets.js';
import * as store from './store.js';

type TargetFacts = Pick<RepairFacts, 'repairable' | 'decidedOn' | 'minMonths' | 'earliestOn' | 'newerNegative' | 'earlierRepairs' | 'requires'>;

export async function targetFacts(db: Db, t: Target): Promise<TargetFacts> {
  if (t.type === 'record') {
    return {
      repairable: t.repairable, decidedOn: t.decidedOn, minMonths: 0, earliestOn: t.minPublishUntil ?? null, requires: [],
      // an info type without a decision date has no publication window either (REPAIRABLE fails)
      newerNegative: t.decidedOn ? await store.newerNegativeRecords(db, t.subjectId, t.infoType!, t.decidedOn, t.id) : 0,
      earlierRepairs: await store.approvedRecordRepairDates(db, t.subjectId, t.infoType!),
    };
  }
  return {
    repairable: t.repairable, decidedOn: t.decidedOn, minMonths: t.repairMinMonths ?? 0, requires: t.repairRequires,
    newerNegative: await store.newerNegativeCount(db, t.subjectId, t.listTypeId!, t.decidedOn, t.id),
    earlierRepairs: await store.approvedRepairDates(db, t.subjectId, t.listTypeId!),
  };
}

export function kindOfRepair(t: Target) {
  if (t.type === 'record') return 'penalty_unpublish' as const;
  return t.kind === 'black' ? 'serious_list_removal' as const : 'other_negative' as const;
}

/** Approval: the entry leaves the list, or the record's publication and sharing end; false when it is no longer in force. */
export async function endForRepair(tx: Tx, t: Target, actor: Actor, reason: string, repairId: string): Promise<boolean> {
  if (t.type === 'record') return !!(await endRecordForRepair(tx, t, actor, reason, repairId));
  return !!(await transitionEntry(tx, { id: t.id, from: ['active', 'held'], to: 'removed', change: 'entry.removed', action: 'entry.removed', actor, reason, extra: { data: { repairId, repair: true } } }));
}
