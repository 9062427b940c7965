// What a serving process keeps for checks between requests (ADR 015): the subject index following
// the feed and the write-behind log of clear answers — or neither, with XINYONG_CHECK_INDEX=database,
// where every round reads PostgreSQL and every answer is written before it is returned (ADR 013).
// Created by buildApp, closed with the app; command-line processes have none and read PostgreSQL.
import type { AppContext } from '../../context.js';
import { createCheckLog, type CheckLog } from './check-log.js';
import { followSubjectIndex, type SubjectIndexFollower } from './index-follower.js';

export interface CheckRuntime {
  follower: SubjectIndexFollower | null;
  log: CheckLog | null;
  /** Called for every write answered by this process (read-your-writes for the next check). */
  noteLocalWrite(): void;
  /** The check log rows appended so far are committed (before reading checks back). */
  drained(): Promise<void>;
  close(): Promise<void>;
}

export function startCheckRuntime(ctx: AppContext, log: (msg: string, err?: unknown) => void): CheckRuntime {
  if (ctx.config.checkIndex === 'database') {
    return { follower: null, log: null, noteLocalWrite: () => undefined, drained: async () => undefined, close: async () => undefined };
  }
  const follower = followSubjectIndex({ db: ctx.db, pool: ctx.checkPool, pollMs: ctx.config.checkIndexPollMs, log });
  const checkLog = createCheckLog({ pool: ctx.checkPool, flushMs: 10, log });
  return {
    follower,
    log: checkLog,
    noteLocalWrite: () => follower.noteLocalWrite(),
    drained: () => checkLog.drained(),
    async close() {
      await follower.close();
      await checkLog.close();
    },
  };
}
