// Snapshots: the entries in force a consumer may see, with the feed position (seq) to continue
// `/changes` from. Each page is read in ONE repeatable-read transaction, so its entries and its seq
// belong to one moment. Changes after seq may repeat what a page already shows (a transaction that
// committed just before the snapshot may be sequenced just after it): consumers apply them as
// states, idempotently. Large sets are paged by entry id; continue from the FIRST page's seq.
import type { Db, Tx } from '../../db/database.js';
import { decryptText } from '../../domain/protect.js';
import { errors } from '../../errors.js';
import type { Principal } from '../auth/principal.js';
import { sequenceChanges } from './sequencer.js';
import * as store from './store.js';

export interface EntryState {
  id: string;
  status: string;
  listType: string;
  subject: { kind: string; name: string; uscc: string | null; idNumberMasked: string | null; idNumber?: string };
  reason: string;
  decisionNo: string;
  decidedOn: string;
  startsOn: string;
  endsOn: string | null;
  department: { code: string; name: string; regionCode: string };
  responsiblePersons: { role: string; name: string; idNumberMasked: string | null; idNumber?: string }[];
  /** Platform (credit office code) that first published the entry, and its id there; null: this platform. */
  origin: string | null;
  originEntryId: string | null;
  updatedAt: string;
}

/** `keys` given: ID numbers are decrypted (sync endpoints of the credit office only, audited by the caller). */
export function presentStates(rows: store.EntryStateRow[], persons: store.EntryPersonStateRow[], keys?: Map<number, Buffer>): EntryState[] {
  const open = (cipher: Buffer | null, version: number | null) => (keys && cipher && version ? decryptText(keys, { cipher, keyVersion: version }) : undefined);
  const byEntry = new Map<string, store.EntryPersonStateRow[]>();
  for (const p of persons) byEntry.set(p.entry_id, [...(byEntry.get(p.entry_id) ?? []), p]);
  return rows.map((r) => ({
    id: r.id, status: r.status, listType: r.list_type,
    subject: { kind: r.subject_kind, name: r.subject_name, uscc: r.uscc, idNumberMasked: r.id_masked, ...(keys && r.id_cipher ? { idNumber: open(r.id_cipher, r.id_key_version) } : {}) },
    reason: r.reason, decisionNo: r.decision_no, decidedOn: r.decided_on, startsOn: r.starts_on, endsOn: r.ends_on,
    department: { code: r.department_code, name: r.department_name, regionCode: r.department_region },
    responsiblePersons: (byEntry.get(r.id) ?? []).map((p) => ({ role: p.role, name: p.name, idNumberMasked: p.id_masked, ...(keys ? { idNumber: open(p.id_cipher, p.id_key_version) } : {}) })),
    origin: r.origin, originEntryId: r.origin_entry_id, updatedAt: r.updated_at.toISOString(),
  }));
}

export interface SnapshotPage<T = EntryState> { seq: number; entries: T[]; next: string | null }

/** One page of entries in force and the feed position it reflects, in one repeatable-read transaction. */
export async function snapshotPage(db: Db, a: { viewer: string | null; after: string | null; limit: number; listType?: string; read?: (tx: Tx, entries: EntryState[]) => Promise<void>; keys?: Map<number, Buffer> }): Promise<SnapshotPage> {
  if (a.after !== null && !/^[0-9a-f-]{36}$/i.test(a.after)) throw errors.validation([{ path: 'querystring.cursor', message: '应为上一页返回的 next' }]);
  await sequenceChanges(db);
  return db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const { top } = await store.feedHorizon(tx);
    const rows = await store.entriesInForce(tx, { viewer: a.viewer, after: a.after, limit: a.limit + 1, listType: a.listType });
    const page = rows.slice(0, a.limit);
    const entries = presentStates(page, await store.personsOf(tx, page.map((r) => r.id)), a.keys);
    await a.read?.(tx, entries);
    return { seq: top, entries, next: rows.length > a.limit ? page[page.length - 1].id : null };
  });
}

export async function readSnapshot(opts: { db: Db; principal: Principal; cursor?: string; limit?: number; listType?: string }): Promise<SnapshotPage> {
  const { principal } = opts;
  return snapshotPage(opts.db, { viewer: principal.platform ? null : principal.departmentId, after: opts.cursor ?? null, limit: opts.limit ?? 500, listType: opts.listType });
}
