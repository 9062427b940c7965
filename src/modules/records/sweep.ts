// Records past their maximum publication window leave publication by themselves: status expired,
// a record.expired change, an audit row per batch of records. Run by the worker every minute and by
// `xinyong sweep publication`. Sources of the windows: data/catalog/publication-policies.json.
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/record.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { today as chinaToday } from '../calendar/use-cases.js';
import { expireDue } from './store-write.js';

const BATCH = 1000;

export async function sweepPublication(db: Db, opts: { today?: string } = {}): Promise<number> {
  const day = opts.today ?? chinaToday();
  let total = 0;
  for (const from of ['active', 'held'] as const) total += await sweepStatus(db, day, from);
  return total;
}

async function sweepStatus(db: Db, day: string, from: 'active' | 'held'): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await db.transaction().execute(async (tx) => {
      const rows = await expireDue(tx, day, BATCH, from);
      if (rows.length) {
        await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'records.expired', entityType: 'credit_record', entityId: rows.length === 1 ? rows[0].id : null,
          departmentId: null, data: { today: day, count: rows.length, records: rows.map((r) => r.id) } });
      }
      return rows.length;
    });
    total += expired;
    if (expired < BATCH) return total;
  }
}
