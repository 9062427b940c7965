// Delivery state lives in PostgreSQL: a worker SIGKILLed in the middle of a delivery loses nothing
// (another worker sends it again, same delivery id, once the lease has run out), and connections cut
// by the database (as in a restart) only delay deliveries.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startWorker } from '../src/worker.js';
import { uscc } from './support/factories.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

const clocks = { XINYONG_WEBHOOK_BACKOFF_MS: '100', XINYONG_WEBHOOK_BACKOFF_MAX_MS: '400', XINYONG_WEBHOOK_TIMEOUT_MS: '1000', XINYONG_WEBHOOK_POLL_MS: '50' };
Object.assign(process.env, clocks);

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
let n = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  p = await startPlatform();
  await p.platform.worker!.stop(); // the workers of this file are started (and killed) by the tests
  s = await jointActionSetting(p);
});
after(() => p.close());

async function receiver() {
  const got: { id: string; entryId: string }[] = [];
  const hung: { id: string; entryId: string }[] = [];
  const state = { hang: false, delayMs: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      const rec = { id: String(req.headers['x-xinyong-delivery']), entryId: JSON.parse(raw).data.entryId };
      if (state.hang) { hung.push(rec); return; }
      setTimeout(() => { got.push(rec); res.writeHead(200).end('ok'); }, state.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, got, hung, state, close: () => { server.closeAllConnections(); server.close(); } };
}

async function publish(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: { kind: 'organization', uscc: uscc(), name: `河南崩溃测试${++n}有限公司` }, reason: '拒不履行', decisionNo: `（2026）豫01执C${n}号`, decidedOn: '2026-06-01', startsOn: '2026-06-01' });
    assert.equal(r.status, 201);
    ids.push(r.body.id);
  }
  return ids;
}

async function until(pred: () => boolean | Promise<boolean>, ms: number, what: string) {
  for (const end = Date.now() + ms; !(await pred());) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

test('a worker SIGKILLed mid-delivery loses nothing: another one redelivers with the same id', async () => {
  const r = await receiver();
  r.state.hang = true;
  const sub = await s.financeSystem.post('/api/v1/subscriptions', { url: r.url, events: ['entry.published'] });
  assert.equal(sub.status, 201);
  const ids = await publish(5);

  const env = {
    ...process.env, ...clocks, DATABASE_URL: p.config.databaseUrl!, XINYONG_DATA: p.config.dataDir,
    XINYONG_ENCRYPTION_KEYS: [...p.config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','),
    XINYONG_BLIND_INDEX_KEY: p.config.blindIndexKey.toString('base64'),
  };
  const child = spawn(process.execPath, ['bin/xinyong.js', 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((res) => child.on('exit', res));
  try {
    await until(() => r.hung.length > 0, 30_000, `the child worker's first attempt (${out})`);
  } finally {
    child.kill('SIGKILL');
  }
  await exited;
  const killedAt = Date.now();
  const inFlight = [...r.hung];
  const open = await p.ctx.db.selectFrom('delivery').select(['id', 'status', 'lease_until']).where('subscription_id', '=', sub.body.id).execute();
  assert.equal(open.length, 5);
  assert.ok(open.every((d) => d.status === 'pending'), 'nothing was marked delivered');
  assert.ok(open.some((d) => d.lease_until && inFlight.some((h) => h.id === d.id)), 'the attempt in flight holds a lease');

  r.state.hang = false;
  const worker = startWorker(p.ctx.db, { ctx: p.ctx });
  try {
    await until(() => ids.every((id) => r.got.some((g) => g.entryId === id)), 20_000, 'redelivery');
    const redeliveredMs = Date.now() - killedAt;
    for (const h of inFlight) assert.ok(r.got.some((g) => g.id === h.id), 'the interrupted delivery comes again with the same X-Xinyong-Delivery');
    await until(async () => (await p.ctx.db.selectFrom('delivery').select('id').where('subscription_id', '=', sub.body.id).where('status', '=', 'delivered').execute()).length === 5, 5000, 'bookkeeping');
    console.log(`FIGURE webhook crash: worker SIGKILLed with ${inFlight.length} deliveries in flight; all 5 delivered ${(redeliveredMs / 1000).toFixed(1)} s later by a new worker (lease = timeout + timeout), interrupted ones with their original delivery id`);
  } finally {
    await worker.stop();
    r.close();
  }
});

test('connections cut by the database (as in a restart) only delay deliveries', async () => {
  const r = await receiver();
  r.state.delayMs = 30;
  const sub = await s.financeSystem.post('/api/v1/subscriptions', { url: r.url, events: ['entry.published'] });
  const ids = await publish(20);
  const worker = startWorker(p.ctx.db, { ctx: p.ctx, intervalMs: 100 });
  try {
    for (let cut = 0; cut < 3; cut++) {
      await sleep(150);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(p.ctx.db).catch(() => {});
    }
    await until(() => ids.every((id) => r.got.some((g) => g.entryId === id)), 30_000, 'all deliveries after the cuts');
    await until(async () => (await p.ctx.db.selectFrom('delivery').select('id').where('subscription_id', '=', sub.body.id).where('status', '=', 'delivered').execute()).length === 20, 10_000, 'bookkeeping');
    const unique = new Set(r.got.map((g) => g.id)).size;
    console.log(`FIGURE webhook db cuts: 3 cuts of every connection while delivering 20 changes; ${unique}/20 delivered, ${r.got.length - unique} duplicate receipts (same delivery id)`);
  } finally {
    await worker.stop();
    r.close();
  }
});
