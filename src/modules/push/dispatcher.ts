// Sends due deliveries to their receivers. Work is claimed from the database (leases, SKIP LOCKED),
// never held in memory only: a process killed mid-delivery leaves the row open and its lease runs
// out, then any worker sends it again with the same X-Xinyong-Delivery id (at least once).
// Bounded: `concurrency` requests in flight in this process, `perSubscription` per receiver, each
// cut off after `timeoutMs` — a slow or dead receiver never holds up the API or other receivers.
import type { Db } from '../../db/database.js';
import { decryptText } from '../../domain/protect.js';
import { acknowledged, afterFailure, retryDelay, sign } from './policy.js';
import type { PushSettings } from './settings.js';
import * as store from './store.js';

export interface Dispatcher {
  /** Look for due deliveries now (e.g. right after fan-out queued some). */
  kick(): void;
  stop(): Promise<void>;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

function describe(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (err.name === 'TimeoutError') return `接收方在 ${timeoutMs} 毫秒内未应答`;
  if (err.cause?.code === 'ECONNREFUSED') return '无法连接接收方（连接被拒绝）';
  return `发送失败：${err.cause?.code ?? err.cause?.message ?? err.message ?? String(e)}`;
}

async function post(d: store.ClaimedDelivery, secret: string, timeoutMs: number, stop: AbortSignal): Promise<Outcome> {
  try {
    const res = await fetch(d.url, {
      method: 'POST', body: d.body, redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]),
      headers: {
        'content-type': 'application/json; charset=utf-8', 'user-agent': 'Xinyong-Webhook/1',
        'x-xinyong-event': d.event, 'x-xinyong-delivery': d.id, 'x-xinyong-signature': sign(secret, d.body),
        'x-xinyong-seq': d.seq, 'x-xinyong-attempt': String(d.attempts),
      },
    });
    await res.body?.cancel().catch(() => {}); // the answer's body means nothing to us
    return acknowledged(res.status) ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `接收方返回 HTTP ${res.status}` };
  } catch (e) {
    return { ok: false, status: null, error: describe(e, timeoutMs) };
  }
}

export function startDispatcher(a: { db: Db; keys: Map<number, Buffer>; settings: PushSettings; log?: (msg: string, err?: unknown) => void }): Dispatcher {
  const { db, settings: s } = a;
  const inFlight = new Set<Promise<void>>();
  const stopping = new AbortController();
  let claiming = false;
  let again = false;

  async function attempt(d: store.ClaimedDelivery): Promise<void> {
    const outcome = await post(d, decryptText(a.keys, { cipher: d.secret_cipher, keyVersion: d.secret_key_version }), s.timeoutMs, stopping.signal);
    // shutting down: give the row back at once (the receiver may have it: at least once, same id)
    if (stopping.signal.aborted) return store.releaseLease(db, d.id);
    if (outcome.ok) return store.markDelivered(db, { id: d.id, subscriptionId: d.subscription_id, httpStatus: outcome.status });
    const now = new Date();
    const next = afterFailure({ attempts: d.attempts, queuedAt: d.queued_at, now }, s);
    const pauseUntil = new Date(now.getTime() + retryDelay(d.attempts, s));
    await store.markFailed(db, { id: d.id, subscriptionId: d.subscription_id, status: next.status, nextAt: next.nextAt, pauseUntil, httpStatus: outcome.status, error: outcome.error });
  }

  async function pump(): Promise<void> {
    if (claiming) { again = true; return; }
    claiming = true;
    try {
      do {
        again = false;
        const free = s.concurrency - inFlight.size;
        if (free <= 0 || stopping.signal.aborted) break;
        // the lease outlives the attempt's timeout, so only a dead worker's row is ever taken over
        const claimed = await store.claimDeliveries(db, { limit: free, perSubscription: s.perSubscription, leaseMs: s.timeoutMs + Math.min(s.timeoutMs, 5000) });
        for (const d of claimed) {
          const p: Promise<void> = attempt(d)
            .catch((e) => a.log?.('webhook delivery bookkeeping failed (the lease will expire and it is retried)', e))
            .finally(() => { inFlight.delete(p); void pump(); });
          inFlight.add(p);
        }
        if (claimed.length === free) again = true;
      } while (again);
    } catch (e) {
      a.log?.('webhook claim failed', e); // e.g. the database restarts: try again at the next poll
    } finally {
      claiming = false;
    }
  }

  const timer = setInterval(() => void pump(), s.pollMs);
  timer.unref();
  void pump();
  return {
    kick: () => void pump(),
    async stop() {
      clearInterval(timer);
      stopping.abort();
      while (claiming) await new Promise((r) => setTimeout(r, 5));
      await Promise.allSettled([...inFlight]);
    },
  };
}
