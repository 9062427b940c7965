// Background duties of a running platform: give committed changes their feed position, seal the
// audit chain, drop expired sessions, expire list entries whose term ended, add pinyin search to imported subjects, queue and send webhook deliveries, sweep
// the feed past its retention, follow other platforms (XINYONG_SYNC_FROM). Runs inside `serve` by default; safe to run in several
// processes (each duty takes its own advisory lock).
import type { AppContext } from './context.js';
import type { Db } from './db/database.js';
import { sealAudit } from './modules/audit/seal.js';
import { sequenceChanges } from './modules/changes/sequencer.js';
import { startPushDuties } from './modules/push/duties.js';
import { expireEntries } from './modules/lists/expiry.js';
import { sweepPublication } from './modules/records/sweep.js';
import { refreshStaleNameSearch } from './modules/subjects/search.js';

export interface Worker {
  stop(): Promise<void>;
  tick(): Promise<void>;
}

export function startWorker(db: Db, opts: { intervalMs?: number; log?: (msg: string, err?: unknown) => void; ctx?: AppContext } = {}): Worker {
  const intervalMs = opts.intervalMs ?? 1000;
  // webhooks (fan-out, delivery), feed retention and platform sync need the context (keys, config)
  const push = opts.ctx ? startPushDuties({ ctx: opts.ctx, log: opts.log }) : null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastSweep = 0;

  async function tick(): Promise<void> {
    await sequenceChanges(db);
    await push?.tick();
    await sealAudit(db);
    // pinyin for the subjects an import created (ADR 019): ≈ 50 ms of work a tick, so the feed never waits long
    await refreshStaleNameSearch({ db }, 2000);
    if (Date.now() - lastSweep > 60_000) {
      lastSweep = Date.now();
      await db.deleteFrom('user_session').where('expires_at', '<', new Date()).execute();
      await expireEntries(db);
      await sweepPublication(db);
      await push?.sweep();
    }
  }

  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick().catch((e) => opts.log?.('worker tick failed', e)).finally(() => { running = null; });
  }, intervalMs);
  timer.unref();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await push?.stop();
    },
  };
}
