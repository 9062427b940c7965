// Retention of the feed and of closed deliveries (XINYONG_FEED_RETENTION_DAYS). The feed loses a
// prefix only, and the horizon is recorded in the same transaction, so a reader whose position is
// older is told so (410 FEED_CURSOR_EXPIRED) instead of silently missing rows. A change that some
// subscription has not queued yet is never swept.
import type { Db } from '../../db/database.js';
import * as changes from '../changes/store.js';
import * as store from './store.js';

const BATCH = 5000;

export async function sweepFeed(db: Db, a: { retentionDays: number; now?: Date }): Promise<{ changes: number; deliveries: number }> {
  if (a.retentionDays <= 0) return { changes: 0, deliveries: 0 };
  const cutoff = new Date((a.now ?? new Date()).getTime() - a.retentionDays * 86_400_000);
  let removed = 0;
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      const { from, to } = await changes.pruneBoundary(tx, { cutoff, floor: await store.slowestCursor(tx), batch: BATCH });
      return to > from ? changes.deleteChangesThrough(tx, from, to) : 0;
    });
    removed += n;
    if (n === 0) break;
  }
  let deliveries = 0;
  for (let n = BATCH; n === BATCH;) deliveries += n = await store.deleteClosedDeliveries(db, cutoff, BATCH);
  return { changes: removed, deliveries };
}
