// Isolation of the push endpoints: another department gets 404 on subscriptions and deliveries that
// are not its own (403 where its role may not act), the owner succeeds (each row has teeth); the
// sync endpoints with full ID numbers are for credit-office keys only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

type C = ReturnType<typeof client>;
let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
let stranger: { admin: C; officer: C; system: C };
let financeAdmin: C;
let subscriptionId: string;
let deliveryId: string;
let entryId: string;

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  const dept = await makeDepartment(p.ctx, { roles: ['initiating', 'implementing', 'provider'] });
  stranger = {
    admin: client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'admin' })),
    officer: client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'officer' })),
    system: client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'system' })),
  };
  financeAdmin = client(p.baseUrl, await makeKey(p.ctx, { department: s.departments.finance, role: 'admin' }));
  // nothing listens on port 9 of the loopback: deliveries fail and stay listed
  subscriptionId = (await s.financeSystem.post('/api/v1/subscriptions', { url: 'http://127.0.0.1:9/hook', events: ['entry.published'] })).body.id;
  const e = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: { kind: 'organization', uscc: uscc(), name: '河南隔离推送有限公司' }, reason: '拒不履行', decisionNo: 'ISO-P-1', decidedOn: '2026-06-01', startsOn: '2026-06-01' });
  entryId = e.body.id;
  for (const end = Date.now() + 10_000; !deliveryId; await new Promise((r) => setTimeout(r, 50))) {
    assert.ok(Date.now() < end, 'a delivery was queued');
    await p.platform.worker!.tick();
    deliveryId = (await s.financeSystem.get(`/api/v1/subscriptions/${subscriptionId}/deliveries`)).body.items[0]?.id;
  }
});
after(() => p.close());

test('another department neither lists, reads, deletes nor replays a subscription or its deliveries', async () => {
  for (const c of Object.values(stranger)) {
    assert.ok(!(await c.get('/api/v1/subscriptions')).body.items.some((x: { id: string }) => x.id === subscriptionId));
    assert.equal((await c.get(`/api/v1/subscriptions/${subscriptionId}`)).status, 404);
    assert.equal((await c.get(`/api/v1/subscriptions/${subscriptionId}/deliveries?status=failed`)).status, 404);
    assert.equal((await c.delete(`/api/v1/subscriptions/${subscriptionId}`)).status, 404);
  }
  assert.equal((await stranger.admin.post(`/api/v1/deliveries/${deliveryId}/replay`)).status, 404);
  assert.equal((await s.court.get(`/api/v1/subscriptions/${subscriptionId}`)).status, 404, 'the department that listed the entry neither');
  // the owner: reads; its officer and system may not replay, its admin may
  assert.equal((await s.financeOfficer.get(`/api/v1/subscriptions/${subscriptionId}`)).status, 200);
  assert.equal((await s.financeOfficer.get(`/api/v1/subscriptions/${subscriptionId}/deliveries`)).body.items[0].id, deliveryId);
  assert.equal((await s.financeOfficer.post(`/api/v1/deliveries/${deliveryId}/replay`)).status, 403);
  assert.equal((await financeAdmin.post(`/api/v1/deliveries/${deliveryId}/replay`)).status, 200);
});

test('a subscription is always the caller\'s own department\'s, whatever the body says', async () => {
  const r = await stranger.system.post('/api/v1/subscriptions', { url: 'http://127.0.0.1:9/x', events: ['*'], department: s.departments.finance });
  assert.equal(r.status, 400, 'no department field');
  const own = await stranger.system.post('/api/v1/subscriptions', { url: 'http://127.0.0.1:9/x', events: ['*'] });
  assert.equal(own.status, 201);
  assert.equal((await s.financeSystem.get(`/api/v1/subscriptions/${own.body.id}`)).status, 404);
  assert.equal((await stranger.officer.delete(`/api/v1/subscriptions/${own.body.id}`)).status, 204);
});

test('the sync endpoints (full ID numbers) answer credit-office keys only', async () => {
  for (const c of [...Object.values(stranger), s.court, financeAdmin]) {
    assert.equal((await c.get('/api/v1/sync/snapshot')).status, 403);
    assert.equal((await c.post('/api/v1/sync/entries', { ids: [entryId] })).status, 403);
  }
  const peer = client(p.baseUrl, await makeKey(p.ctx, { role: 'system' }));
  assert.equal((await peer.get('/api/v1/sync/snapshot')).status, 200);
  assert.equal((await peer.post('/api/v1/sync/entries', { ids: [entryId] })).body.entries[0].id, entryId);
});

test('without a key: 401 everywhere', async () => {
  const anon = client(p.baseUrl);
  for (const [m, url] of [['get', '/api/v1/subscriptions'], ['get', `/api/v1/subscriptions/${subscriptionId}/deliveries`], ['get', '/api/v1/changes/snapshot'], ['get', '/api/v1/sync/snapshot']] as const) {
    assert.equal((await anon[m](url)).status, 401, url);
  }
  assert.equal((await anon.post('/api/v1/subscriptions', { url: 'http://127.0.0.1:9/x', events: ['*'] })).status, 401);
  assert.equal((await anon.post(`/api/v1/deliveries/${deliveryId}/replay`)).status, 401);
});
