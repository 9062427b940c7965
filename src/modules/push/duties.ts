// The push duties of a running worker: queue webhook deliveries from the feed (each tick, right
// after sequencing), send them (a dispatcher with its own bounded loop, so a slow receiver never
// delays sequencing or the audit sealer), sweep the feed past its retention, and follow the
// platforms named in XINYONG_SYNC_FROM.
import type { AppContext } from '../../context.js';
import { runSync } from '../sync/follow.js';
import { syncSettings } from '../sync/settings.js';
import { startDispatcher } from './dispatcher.js';
import { fanOut } from './fanout.js';
import { sweepFeed } from './retention.js';
import { pushSettings } from './settings.js';

export interface PushDuties {
  tick(): Promise<void>;
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export function startPushDuties(a: { ctx: AppContext; log?: (msg: string, err?: unknown) => void }): PushDuties {
  const { ctx } = a;
  const settings = pushSettings();
  const sync = syncSettings();
  const dispatcher = startDispatcher({ db: ctx.db, keys: ctx.config.encryptionKeys, settings, log: a.log });
  const stopping = new AbortController();
  // runSync retries by itself once it runs; this loop covers a source unreachable at start
  const followers = sync.sources.map(async (src) => {
    while (!stopping.signal.aborted) {
      await runSync({ ctx, url: src.url, key: src.key, once: false, pollMs: sync.intervalMs, signal: stopping.signal })
        .catch((e) => a.log?.(`sync from ${src.url} failed; retrying`, e));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, sync.intervalMs * 4);
        stopping.signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
      });
    }
  });
  return {
    async tick() {
      // a failing fan-out must not stop the rest of the tick (audit sealing): it resumes from its cursor
      const queued = await fanOut(ctx.db).catch((e) => { a.log?.('webhook fan-out failed', e); return 0; });
      if (queued) dispatcher.kick();
    },
    async sweep() {
      await sweepFeed(ctx.db, { retentionDays: settings.feedRetentionDays });
    },
    async stop() {
      stopping.abort();
      await Promise.all(followers);
      await dispatcher.stop();
    },
  };
}
