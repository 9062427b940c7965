// Reading the change feed: every committed change once, in seq order, limited to what the caller's
// department may see. Sequencing runs first, so a reader never waits for the worker's next tick.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import type { Principal } from '../auth/principal.js';
import { sequenceChanges } from './sequencer.js';

export interface FeedChange {
  seq: number;
  type: string;
  at: string;
  data: unknown;
}

export async function readChanges(opts: { db: Db; principal: Principal; after: number; limit: number }): Promise<{ changes: FeedChange[]; next: number }> {
  const { db, principal } = opts;
  if (!Number.isSafeInteger(opts.after) || opts.after < 0) throw errors.validation([{ path: 'querystring.after', message: '应为不小于 0 的整数' }]);
  await sequenceChanges(db);
  const all = principal.platform;
  // `next` moves past changes this caller may not see, up to the highest seq this query scanned.
  const { rows } = await sql<{ seq: string; type: string; at: Date; data: unknown; top: string | null }>`
    WITH page AS (
      SELECT seq FROM change WHERE seq > ${opts.after} ORDER BY seq LIMIT ${opts.limit * 4}
    )
    SELECT c.seq, c.type, c.at, c.data, (SELECT max(seq) FROM page) AS top
    FROM change c
    WHERE c.seq IN (SELECT seq FROM page)
      AND (${all}::boolean OR c.is_public OR ${principal.departmentId}::uuid = ANY (c.departments))
    ORDER BY c.seq LIMIT ${opts.limit}`.execute(db);
  const changes = rows.map((r) => ({ seq: Number(r.seq), type: r.type, at: r.at.toISOString(), data: r.data }));
  const scannedTop = rows.length ? Number(rows[0].top) : null;
  let next = opts.after;
  if (changes.length === opts.limit) next = changes[changes.length - 1].seq;
  else if (scannedTop !== null) next = scannedTop;
  else {
    // nothing visible in this window: skip the window we scanned (possibly empty)
    const { rows: top } = await sql<{ top: string | null }>`
      SELECT max(seq) AS top FROM (SELECT seq FROM change WHERE seq > ${opts.after} ORDER BY seq LIMIT ${opts.limit * 4}) w`.execute(db);
    if (top[0].top !== null) next = Number(top[0].top);
  }
  return { changes, next };
}
