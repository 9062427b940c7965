// Entries whose term has ended leave their list by themselves (DESIGN §4 "Entries whose term ends
// expire by themselves"): a sweep run by the worker, pushed like any other change.
import type { Db } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { transitionEntry } from './entries.js';
import { today } from './present.js';
import * as store from './store.js';

export async function expireEntries(db: Db, on = today()): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      const due = await store.lockExpiredEntries(tx, on, 500);
      for (const e of due) {
        await transitionEntry(tx, { id: e.id, from: ['active', 'held'], to: 'expired', change: 'entry.expired', action: 'entry.expired', actor: SYSTEM_ACTOR, reason: `期限届满（${on}）` });
      }
      return due.length;
    });
    total += n;
    if (n < 500) return total;
  }
}
