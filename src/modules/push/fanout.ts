// Fan-out: turns sequenced changes into delivery rows, one queue per subscription. Each page is one
// transaction that inserts the deliveries AND moves the subscription's cursor, so a crash either
// keeps both or neither: no change is skipped, none queued twice (UNIQUE (subscription, seq)).
import type { Db } from '../../db/database.js';
import { matchesEvent } from './policy.js';
import * as store from './store.js';

const PAGE = 1000;

/** What a receiver gets: the change exactly as GET /changes shows it. */
export function deliveryBody(r: { seq: string; type: string; at: Date; data: unknown }): string {
  return JSON.stringify({ seq: Number(r.seq), type: r.type, at: r.at.toISOString(), data: r.data });
}

function wanted(sub: { events: string[]; list_types: string[] | null }, r: store.FanOutRow): boolean {
  if (!r.visible || !matchesEvent(sub.events, r.type)) return false;
  // listTypes narrows the changes that concern a list type; record.* and subject.* carry none
  const listType = typeof r.data?.listType === 'string' ? r.data.listType : null;
  return !sub.list_types || listType === null || sub.list_types.includes(listType);
}

/** One page for one subscription; returns the number of changes scanned (0: caught up or busy elsewhere). */
async function fanOutPage(db: Db, subscriptionId: string): Promise<{ scanned: number; queued: number }> {
  return db.transaction().execute(async (tx) => {
    const sub = await store.lockForFanOut(tx, subscriptionId);
    if (!sub) return { scanned: 0, queued: 0 };
    const rows = await store.changesAfter(tx, { cursor: sub.cursor, limit: PAGE, departmentId: sub.department_id, platform: sub.is_platform });
    if (!rows.length) return { scanned: 0, queued: 0 };
    const deliveries = rows.filter((r) => wanted(sub, r))
      .map((r) => ({ subscription_id: sub.id, seq: r.seq, event: r.type, subject_key: r.subject_key, body: deliveryBody(r) }));
    await store.insertDeliveries(tx, deliveries);
    await store.advanceCursor(tx, sub.id, rows[rows.length - 1].seq);
    return { scanned: rows.length, queued: deliveries.length };
  });
}

/** Brings every subscription's queue up to the sequenced end of the feed. */
export async function fanOut(db: Db): Promise<number> {
  let queued = 0;
  for (const id of await store.subscriptionsBehind(db)) {
    for (;;) {
      const r = await fanOutPage(db, id);
      queued += r.queued;
      if (r.scanned < PAGE) break;
    }
  }
  return queued;
}
