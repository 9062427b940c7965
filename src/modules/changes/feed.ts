// Reading the change feed: every committed change once, in seq order, limited to what the caller's
// department may see. Sequencing runs first, so a reader never waits for the worker's next tick.
// A position older than the retention horizon is refused (410): rows after it were swept, and
// answering anyway would hide the gap from the consumer.
import type { Db } from '../../db/database.js';
import { AppError, errors } from '../../errors.js';
import type { Principal } from '../auth/principal.js';
import { sequenceChanges } from './sequencer.js';
import * as store from './store.js';

export interface FeedChange {
  seq: number;
  type: string;
  at: string;
  data: unknown;
}

export function cursorExpired(after: number, pruned: number): AppError {
  return new AppError('FEED_CURSOR_EXPIRED', 410,
    `变更流中 seq ≤ ${pruned} 的记录已按保留期限清理，位置 ${after} 之后的部分变更已无法读取。请重新获取快照（GET /api/v1/changes/snapshot），再从快照返回的 seq 继续读取。`);
}

/** The feed page a department (null: the credit office) may see; `next` is where to continue. */
export async function readFeed(db: Db, a: { viewer: string | null; after: number; limit: number }): Promise<{ changes: FeedChange[]; next: number }> {
  if (!Number.isSafeInteger(a.after) || a.after < 0) throw errors.validation([{ path: 'querystring.after', message: '应为不小于 0 的整数' }]);
  await sequenceChanges(db);
  // Scan at most 4× the page: a department that sees little of the feed still moves forward.
  const rows = await store.pageOfChanges(db, { after: a.after, limit: a.limit, window: a.limit * 4, viewer: a.viewer });
  const pruned = Number(rows[0].pruned);
  if (a.after < pruned) throw cursorExpired(a.after, pruned);
  const changes = rows.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), type: r.type!, at: r.at!.toISOString(), data: r.data }));
  const top = rows[0].top === null ? a.after : Number(rows[0].top);
  const next = changes.length === a.limit ? changes[changes.length - 1].seq : top;
  return { changes, next };
}

export async function readChanges(opts: { db: Db; principal: Principal; after: number; limit: number }): Promise<{ changes: FeedChange[]; next: number }> {
  const { principal } = opts;
  return readFeed(opts.db, { viewer: principal.platform ? null : principal.departmentId, after: opts.after, limit: opts.limit });
}
