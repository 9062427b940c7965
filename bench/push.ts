// Webhook throughput: N changes (one subject each) queued by fan-out and delivered to a local
// receiver by the real dispatcher, against a baseline of the same number of bare POSTs to the same
// receiver at the same concurrency (what the network alone allows). Ratio = delivered/s ÷ bare/s.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../src/context.js';
import { recordChange } from '../src/modules/changes/record.js';
import { sequenceChanges } from '../src/modules/changes/sequencer.js';
import { findPlatformDepartment } from '../src/modules/departments/store.js';
import { startDispatcher } from '../src/modules/push/dispatcher.js';
import { fanOut } from '../src/modules/push/fanout.js';
import { pushSettings } from '../src/modules/push/settings.js';
import { createSubscription } from '../src/modules/push/subscriptions.js';

async function receiver() {
  let count = 0;
  const server = http.createServer((req, res) => { req.resume(); req.on('end', () => { count++; res.writeHead(204).end(); }); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, count: () => count, close: () => { server.closeAllConnections(); server.close(); } };
}

async function bare(url: string, n: number, concurrency: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      next++;
      const r = await fetch(url, { method: 'POST', body: '{"seq":1}', headers: { 'content-type': 'application/json' } });
      await r.body?.cancel();
    }
  }));
  return n / ((performance.now() - started) / 1000);
}

export async function runPushBench(opts: { ctx: AppContext; changes: number }) {
  const { ctx } = opts;
  const settings = { ...pushSettings(), pollMs: 20 };
  const r = await receiver();
  try {
    const platform = (await findPlatformDepartment(ctx.db))!;
    const principal = { type: 'key' as const, id: 'bench', role: 'system' as const, departmentId: platform.id, departmentCode: platform.code, departmentName: platform.name, departmentRoles: [], platform: true, viaSession: false };
    await createSubscription({ ctx, principal, input: { url: r.url, events: ['*'] } });
    for (let i = 0; i < opts.changes; i += 500) {
      await ctx.db.transaction().execute(async (tx) => {
        for (let k = i; k < Math.min(i + 500, opts.changes); k++) await recordChange(tx, { type: 'entry.published', isPublic: true, subjectId: crypto.randomUUID(), data: { k } });
      });
    }
    const started = performance.now();
    await sequenceChanges(ctx.db);
    await fanOut(ctx.db);
    const queuedMs = performance.now() - started;
    const dispatcher = startDispatcher({ db: ctx.db, keys: ctx.config.encryptionKeys, settings });
    while (r.count() < opts.changes) await new Promise((res) => setTimeout(res, 20));
    const seconds = (performance.now() - started) / 1000;
    await dispatcher.stop();
    const baseline = await bare(r.url, opts.changes, settings.perSubscription);
    return { deliveredPerSec: opts.changes / seconds, baselinePerSec: baseline, ratio: opts.changes / seconds / baseline, queuedMs, perSubscription: settings.perSubscription };
  } finally {
    r.close();
  }
}
