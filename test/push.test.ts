// Webhooks (DESIGN §5): subscriptions, signed deliveries to real HTTP receivers on 127.0.0.1 that
// are switched off, slow, hanging or failing; at least once, in seq order per subject, scoped like
// the feed; exponential backoff, dead letters and replay.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.js';
import { transitionEntry } from '../src/modules/lists/entries.js';
import { verifySignature } from '../src/modules/push/policy.js';
// @ts-expect-error plain JavaScript example, no type declarations
import { createReceiver } from '../examples/webhook-receiver.mjs';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

// short clocks: the worker reads them when the platform starts
Object.assign(process.env, {
  XINYONG_WEBHOOK_BACKOFF_MS: '100', XINYONG_WEBHOOK_BACKOFF_MAX_MS: '500', XINYONG_WEBHOOK_TIMEOUT_MS: '1000',
  XINYONG_WEBHOOK_POLL_MS: '50', XINYONG_WEBHOOK_RETRY_MS: '60000',
});

interface Got { id: string; event: string; seq: number; signature: string; raw: string; body: { seq: number; type: string; data: Record<string, any> } }

/** A real receiver: modes ok / fail (500) / hang (never answers); `delayMs` makes it slow; down() refuses connections. */
async function receiver() {
  const got: Got[] = [];
  const attempts: Got[] = [];
  const state = { mode: 'ok' as 'ok' | 'fail' | 'hang', delayMs: 0, open: 0, maxOpen: 0 };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    state.maxOpen = Math.max(state.maxOpen, ++state.open);
    res.on('close', () => { state.open--; }); // answered, or abandoned by the sender's timeout
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw);
      const rec = { id: String(req.headers['x-xinyong-delivery']), event: String(req.headers['x-xinyong-event']), seq: body.seq, signature: String(req.headers['x-xinyong-signature']), raw, body };
      attempts.push(rec);
      if (state.mode === 'hang') return;
      if (state.mode === 'fail') { res.writeHead(500).end(); return; }
      setTimeout(() => { got.push(rec); res.writeHead(204).end(); }, state.delayMs);
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`, got, attempts, state,
    async down() { const closed = new Promise((r) => server.close(r)); sockets.forEach((s) => s.destroy()); await closed; },
    async up() { await new Promise<void>((r) => server.listen(port, '127.0.0.1', r)); },
    close() { sockets.forEach((s) => s.destroy()); server.close(); },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(p: TestPlatform, pred: () => boolean | Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await p.platform.worker!.tick(); // sequence + fan out now instead of at the next second
    await sleep(50);
  }
}

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const receivers: Awaited<ReturnType<typeof receiver>>[] = [];
let n = 0;

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
});
after(async () => {
  receivers.forEach((r) => r.close());
  await p.close();
});

async function newReceiver() { const r = await receiver(); receivers.push(r); return r; }
const org = () => ({ kind: 'organization', uscc: uscc(), name: `河南推送测试${++n}有限公司` });
async function publish(listType = s.codes.debtor, subject = org()) {
  const r = await s.court.post('/api/v1/list-entries', { listType, subject, reason: '拒不履行', decisionNo: `（2026）豫01执P${++n}号`, decidedOn: '2026-06-01', startsOn: '2026-06-01' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; subject: { id: string } };
}
async function hold(id: string, to: 'held' | 'active') {
  await p.ctx.db.transaction().execute((tx) => transitionEntry(tx, {
    id, from: [to === 'held' ? 'active' : 'held'], to, change: to === 'held' ? 'entry.held' : 'entry.released',
    action: to === 'held' ? 'entry.held' : 'entry.released', actor: SYSTEM_ACTOR, reason: to === 'held' ? '异议核查中' : '核查属实，恢复',
  }));
}

test('subscriptions: secret shown once, filters validated, own department only (404 otherwise)', async () => {
  const r = await newReceiver();
  const created = await s.financeSystem.post('/api/v1/subscriptions', { url: r.url, events: ['entry.*', 'task.created'], listTypes: [s.codes.debtor] });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.match(created.body.secret, /^whsec_/);
  const list = await s.financeOfficer.get('/api/v1/subscriptions');
  assert.equal(list.status, 200);
  const mine = list.body.items.find((x: { id: string }) => x.id === created.body.id);
  assert.ok(mine && !('secret' in mine) && created.body.secret.startsWith(mine.secretPrefix), 'the secret is never shown again');
  assert.deepEqual(mine.deliveries, { pending: 0, failed: 0, delivered: 0, dead: 0 });

  const bad = await s.financeSystem.post('/api/v1/subscriptions', { url: 'ftp://x', events: ['entry.nope'], listTypes: ['no_such_type'] });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), ['body.url']);
  const bad2 = await s.financeSystem.post('/api/v1/subscriptions', { url: r.url, events: ['entry.nope'], listTypes: ['no_such_type'] });
  assert.deepEqual(bad2.body.errors.map((e: { path: string }) => e.path).sort(), ['body.events', 'body.listTypes']);
  assert.equal((await s.financeSystem.post('/api/v1/subscriptions', { url: r.url, events: ['*'], extra: 1 })).status, 400);

  const other = client(p.baseUrl, await makeKey(p.ctx, { department: (await makeDepartment(p.ctx)).code, role: 'admin' }));
  assert.ok(!(await other.get('/api/v1/subscriptions')).body.items.some((x: { id: string }) => x.id === created.body.id));
  assert.equal((await other.get(`/api/v1/subscriptions/${created.body.id}/deliveries`)).status, 404);
  assert.equal((await other.delete(`/api/v1/subscriptions/${created.body.id}`)).status, 404);
  assert.equal((await s.financeOfficer.delete(`/api/v1/subscriptions/${created.body.id}`)).status, 204);
  assert.equal((await s.financeOfficer.delete(`/api/v1/subscriptions/${created.body.id}`)).status, 404);
});

test('a listing reaches the implementing department signed, exactly as the feed shows it; others only see what the feed shows them', async () => {
  const fin = await newReceiver();
  const stranger = await newReceiver();
  const finSub = (await s.financeSystem.post('/api/v1/subscriptions', { url: fin.url, events: ['*'] })).body;
  const strangerKey = client(p.baseUrl, await makeKey(p.ctx, { department: (await makeDepartment(p.ctx)).code, role: 'system' }));
  const strangerSub = (await strangerKey.post('/api/v1/subscriptions', { url: stranger.url, events: ['entry.*', 'task.*'] })).body;
  const secretType = `secret_${Math.random().toString(36).slice(2, 6)}`;
  assert.equal((await s.admin.post('/api/v1/list-types', { code: secretType, name: '内部名单', kind: 'black', domain: '其他', initiatingDepartment: s.departments.court, legalBasis: '某规定', termMonths: 12, repairable: true, public: false })).status, 201);

  const entry = await publish();
  const hidden = await publish(secretType);
  const arrived = (r: typeof fin, event: string) => r.got.some((g) => g.event === event && g.body.data.entryId === entry.id);
  await until(p, () => arrived(fin, 'task.created') && arrived(fin, 'entry.published') && arrived(stranger, 'entry.published'), 10_000, 'deliveries');

  const published = fin.got.find((g) => g.event === 'entry.published' && g.body.data.entryId === entry.id)!;
  assert.ok(verifySignature(finSub.secret, published.raw, published.signature), 'X-Xinyong-Signature is the HMAC of the exact body');
  assert.ok(!verifySignature(strangerSub.secret, published.raw, published.signature));
  assert.equal(published.event, published.body.type);
  const feed = await s.financeSystem.get(`/api/v1/changes?after=${published.seq - 1}&limit=1`);
  assert.equal(published.raw, JSON.stringify(feed.body.changes[0]), 'the body is the change as GET /changes shows it');
  assert.equal(new Set(fin.got.map((g) => g.id)).size, fin.got.length, 'one delivery id per delivery');

  // scope: the stranger gets the public listing, not finance's task nor the non-public list
  assert.ok(!stranger.got.some((g) => g.event === 'task.created'));
  assert.ok(!stranger.got.some((g) => g.body.data.entryId === hidden.id));
  assert.ok(fin.got.every((g) => verifySignature(finSub.secret, g.raw, g.signature)));
  await strangerKey.delete(`/api/v1/subscriptions/${strangerSub.id}`);
  await s.financeSystem.delete(`/api/v1/subscriptions/${finSub.id}`);
});

test('receiver down while changes happen: all delivered after it comes back, none lost, order kept per subject', async () => {
  const r = await newReceiver();
  const sub = (await s.financeSystem.post('/api/v1/subscriptions', { url: r.url, events: ['entry.*', 'task.created'] })).body;
  await r.down();
  const downAt = Date.now();
  const entries: { id: string }[] = [];
  for (let i = 0; i < 10; i++) entries.push(await publish());
  for (let round = 0; round < 2; round++) {
    for (const e of entries) await hold(e.id, 'held');
    for (const e of entries) await hold(e.id, 'active');
  }
  const open = async () => { const d = (await s.financeSystem.get(`/api/v1/subscriptions/${sub.id}`)).body.deliveries; return d.pending + d.failed; };
  await until(p, async () => (await open()) === 10 * 6, 10_000, '10 listings + 40 holds/releases + 10 response tasks queued');
  await sleep(Math.max(0, 3000 - (Date.now() - downAt)));
  const detail = (await s.financeSystem.get(`/api/v1/subscriptions/${sub.id}`)).body;
  assert.equal(detail.deliveries.delivered, 0);
  assert.ok(detail.deliveries.failed > 0, 'attempts failed while it was down');
  const expected = detail.deliveries.pending + detail.deliveries.failed;
  const downMs = Date.now() - downAt;
  await r.up();
  const upAt = Date.now();
  await until(p, async () => (await s.financeSystem.get(`/api/v1/subscriptions/${sub.id}`)).body.deliveries.delivered === expected, 20_000, 'all delivered');
  const drainMs = Date.now() - upAt;

  const firstSeen = new Map<string, Got>();
  for (const g of r.got) if (!firstSeen.has(g.id)) firstSeen.set(g.id, g);
  const received = [...firstSeen.values()];
  assert.equal(received.length, expected, 'every change delivered');
  const bySubject = new Map<string, number[]>();
  for (const g of received) bySubject.set(g.body.data.entryId, [...(bySubject.get(g.body.data.entryId) ?? []), g.seq]);
  for (const [entryId, seqs] of bySubject) assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `seq order kept for entry ${entryId}`);
  assert.deepEqual(entries.map((e) => bySubject.get(e.id)!.length), entries.map(() => 6));
  const failed = (await s.financeSystem.get(`/api/v1/subscriptions/${sub.id}/deliveries?status=delivered&limit=500`)).body.items.filter((d: { attempts: number }) => d.attempts > 1).length;
  console.log(`FIGURE webhook outage: receiver down ${(downMs / 1000).toFixed(1)} s while ${expected} changes happened; delivered ${received.length}/${expected} (${r.got.length - received.length} duplicate receipts), order kept for ${bySubject.size} subjects, drained ${(drainMs / 1000).toFixed(1)} s after it came back; ${failed} deliveries needed retries`);
  await s.financeSystem.delete(`/api/v1/subscriptions/${sub.id}`);
});

test('a slow or hanging receiver does not slow the API or other receivers', async () => {
  const slow = await newReceiver();
  slow.state.mode = 'hang';
  const fast = await newReceiver();
  const slowSub = (await s.financeSystem.post('/api/v1/subscriptions', { url: slow.url, events: ['entry.published'] })).body;
  const fastSub = (await s.financeSystem.post('/api/v1/subscriptions', { url: fast.url, events: ['entry.published'] })).body;
  const started = Date.now();
  const entries: { id: string }[] = [];
  for (let i = 0; i < 8; i++) entries.push(await publish());
  await until(p, () => entries.every((e) => fast.got.some((g) => g.body.data.entryId === e.id)), 10_000, 'fast receiver');
  const fastMs = Date.now() - started;
  const t0 = Date.now();
  assert.equal((await s.financeSystem.get('/api/v1/health')).status, 200);
  const apiMs = Date.now() - t0;
  assert.ok(apiMs < 500, `API answered in ${apiMs} ms`);
  assert.ok(slow.attempts.length >= 1);
  assert.ok(slow.state.maxOpen <= 4, `at most XINYONG_WEBHOOK_PER_SUBSCRIPTION (4) attempts in flight to the hanging receiver (saw ${slow.state.maxOpen})`);
  // after the timeout the hanging attempts fail and are retried later
  await until(p, async () => (await s.financeSystem.get(`/api/v1/subscriptions/${slowSub.id}/deliveries?status=failed`)).body.items.length > 0, 10_000, 'timeouts');
  const failed = (await s.financeSystem.get(`/api/v1/subscriptions/${slowSub.id}/deliveries?status=failed`)).body.items[0];
  assert.match(failed.lastError, /未应答/);
  console.log(`FIGURE slow receiver: 8 listings reached the healthy receiver in ${(fastMs / 1000).toFixed(1)} s while the other one hung; API answered in ${apiMs} ms`);
  slow.state.mode = 'ok';
  await until(p, async () => (await s.financeSystem.get(`/api/v1/subscriptions/${slowSub.id}`)).body.deliveries.delivered === 8, 15_000, 'slow receiver recovers');
  await s.financeSystem.delete(`/api/v1/subscriptions/${slowSub.id}`);
  await s.financeSystem.delete(`/api/v1/subscriptions/${fastSub.id}`);
});

test('backoff until the retry window closes, then dead; an admin replays it with the same delivery id', async () => {
  const saved = process.env.XINYONG_WEBHOOK_RETRY_MS;
  process.env.XINYONG_WEBHOOK_RETRY_MS = '1500';
  const q = await startPlatform();
  process.env.XINYONG_WEBHOOK_RETRY_MS = saved;
  try {
    const js = await jointActionSetting(q);
    const r = await newReceiver();
    r.state.mode = 'fail';
    const sub = (await js.financeSystem.post('/api/v1/subscriptions', { url: r.url, events: ['entry.published'] })).body;
    const e = await js.court.post('/api/v1/list-entries', { listType: js.codes.debtor, subject: org(), reason: '拒不履行', decisionNo: 'DEAD-1', decidedOn: '2026-06-01', startsOn: '2026-06-01' });
    const dead = async () => (await js.financeSystem.get(`/api/v1/subscriptions/${sub.id}/deliveries?status=dead`)).body.items;
    await until(q, async () => (await dead()).length === 1, 15_000, 'dead letter');
    const [d] = await dead();
    assert.ok(d.attempts >= 3, `retried with backoff (${d.attempts} attempts)`);
    assert.equal(d.lastStatus, 500);
    const times = r.attempts.map((a, i) => i);
    assert.equal(times.length, d.attempts);
    assert.equal(new Set(r.attempts.map((a) => a.id)).size, 1, 'every attempt carries the same delivery id');
    assert.equal(r.attempts[0].body.data.entryId, e.body.id);

    r.state.mode = 'ok';
    assert.equal((await js.financeSystem.post(`/api/v1/deliveries/${d.id}/replay`)).status, 403, 'replay is for admins');
    const finAdmin = client(q.baseUrl, await makeKey(q.ctx, { department: js.departments.finance, role: 'admin' }));
    const courtAdmin = client(q.baseUrl, await makeKey(q.ctx, { department: js.departments.court, role: 'admin' }));
    assert.equal((await courtAdmin.post(`/api/v1/deliveries/${d.id}/replay`)).status, 404, 'another department\'s admin');
    const replayed = await finAdmin.post(`/api/v1/deliveries/${d.id}/replay`);
    assert.equal(replayed.status, 200);
    assert.equal(replayed.body.status, 'pending');
    await until(q, () => r.got.length === 1, 10_000, 'replayed delivery');
    assert.equal(r.got[0].id, d.id);
    assert.equal((await js.financeSystem.get(`/api/v1/subscriptions/${sub.id}`)).body.deliveries.delivered, 1);
  } finally {
    await q.close();
  }
});

test('the example receiver (examples/webhook-receiver.mjs) verifies real deliveries and refuses forged ones', async () => {
  const changes: { seq: number; type: string }[] = [];
  const server = http.createServer(); // the port first, then the subscription and its secret, then the handler
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    const sub = (await s.financeSystem.post('/api/v1/subscriptions', { url, events: ['entry.published'] })).body;
    const example = createReceiver({ secret: sub.secret, onChange: (c: { seq: number; type: string }) => { changes.push(c); } });
    server.on('request', example.listeners('request')[0] as http.RequestListener);
    const e = await publish();
    await until(p, () => changes.length === 1, 10_000, 'example receiver');
    assert.equal(changes[0].type, 'entry.published');
    await until(p, async () => (await s.financeSystem.get(`/api/v1/subscriptions/${sub.id}`)).body.deliveries.delivered === 1, 5000, 'acknowledged');
    const forged = await fetch(url, { method: 'POST', body: JSON.stringify({ seq: 1, type: 'entry.removed', data: { entryId: e.id } }), headers: { 'x-xinyong-signature': 'sha256=00' } });
    assert.equal(forged.status, 401);
    assert.equal(changes.length, 1);
    await s.financeSystem.delete(`/api/v1/subscriptions/${sub.id}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
