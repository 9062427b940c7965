// Writes a change (outbox row) inside the caller's transaction. Its feed position (seq) is given
// after commit by the sequencer, in commit order.
import type { Tx } from '../../db/database.js';

export type ChangeType =
  | 'entry.published' | 'entry.held' | 'entry.released' | 'entry.expired' | 'entry.removed' | 'entry.revoked' | 'entry.corrected'
  | 'record.published' | 'record.held' | 'record.released' | 'record.expired' | 'record.removed' | 'record.revoked' | 'record.corrected'
  | 'task.created' | 'subject.created' | 'subject.updated'
  | 'commitment.made' | 'commitment.kept' | 'commitment.broken';

export interface ChangeInput {
  type: ChangeType;
  subjectId?: string | null;
  /** Public changes are visible to every department; others only to `departments`. */
  isPublic: boolean;
  departments?: string[];
  data: Record<string, unknown>;
}

let recordedHere = 0;
/** How many changes this process has recorded (the check index catches up when it moves; ADR 015). */
export const changesRecordedHere = (): number => recordedHere;

export async function recordChange(tx: Tx, c: ChangeInput): Promise<void> {
  recordedHere++;
  await tx.insertInto('change').values({
    type: c.type,
    subject_id: c.subjectId ?? null,
    is_public: c.isPublic,
    departments: c.departments ?? [],
    data: JSON.stringify(c.data),
  }).execute();
}
