// Whistle-blowing: the reporter's identity is encrypted and visible only to the handling officer
// (every look audited); every other role — the credit office's admin who assigned it included — sees
// that it is confidential, and the public follows progress by receipt code only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeDepartment, makeKey, makeUser, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
const reporter = { name: '李举报', contact: '13912345678' };

async function session(username: string, password: string) {
  const r = await fetch(`${p.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie')!.split(';')[0];
  return client(p.baseUrl, undefined, { cookie, 'x-xinyong-client': 'console' });
}

before(async () => { p = await startPlatform(); });
after(() => p.close());

test('the reporter is invisible to every role but the handler', async () => {
  const filed = await client(p.baseUrl).post('/api/v1/reports', { subject: { uscc: uscc(), name: '某某建材有限公司' }, content: '该公司长期拖欠农民工工资，且伪造工资支付记录。', anonymous: false, reporter });
  assert.equal(filed.status, 201);
  const dept = await makeDepartment(p.ctx, { name: '人社局' });
  const handlerUser = await makeUser(p.ctx, { department: dept.code, role: 'officer' });
  const platformAdmin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
  const assigned = await platformAdmin.post(`/api/v1/reports/${filed.body.id}/assign`, { username: handlerUser.username });
  assert.equal(assigned.status, 200);
  assert.equal(assigned.body.reporter, null);
  assert.equal(assigned.body.reporterConfidential, true);

  const handler = await session(handlerUser.username, handlerUser.password);
  const seen = await handler.get(`/api/v1/reports/${filed.body.id}`);
  assert.deepEqual(seen.body.reporter, reporter);

  const colleague = await session(...Object.values(await makeUser(p.ctx, { department: dept.code, role: 'officer' })) as [string, string]);
  const deptAdmin = client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'admin' }));
  const platformOfficer = client(p.baseUrl, await makeKey(p.ctx, { role: 'officer' }));
  const otherDept = client(p.baseUrl, await makeKey(p.ctx, { department: (await makeDepartment(p.ctx)).code, role: 'admin' }));
  const system = client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'system' }));
  for (const [who, c] of Object.entries({ platformAdmin, platformOfficer, deptAdmin })) {
    const r = await c.get(`/api/v1/reports/${filed.body.id}`);
    assert.equal(r.status, 200, who);
    assert.equal(r.body.reporter, null, who);
    assert.ok(!JSON.stringify(r.body).includes(reporter.contact), who);
  }
  for (const [who, c] of Object.entries({ colleague, otherDept, system })) {
    const r = await c.get(`/api/v1/reports/${filed.body.id}`);
    assert.equal(r.status, 404, who);
  }
  const listed = await platformAdmin.get('/api/v1/reports');
  assert.ok(!JSON.stringify(listed.body).includes(reporter.name));
  const follow = await client(p.baseUrl).get(`/api/v1/public/reports/${filed.body.receiptCode}`);
  assert.equal(follow.body.status, 'handling');
  assert.ok(!JSON.stringify(follow.body).includes(reporter.name));
  const raw = await p.ctx.db.selectFrom('report').select('reporter_cipher').where('id', '=', filed.body.id).executeTakeFirstOrThrow();
  assert.ok(!raw.reporter_cipher!.toString('latin1').includes(reporter.contact), 'encrypted at rest');

  const looks = await platformAdmin.get(`/api/v1/audit?action=report.reporter_viewed&entityId=${filed.body.id}`);
  assert.equal(looks.body.items.length, 1, 'the handler\'s look is audited');

  assert.equal((await platformAdmin.post(`/api/v1/reports/${filed.body.id}/close`, { result: 'x' })).status, 403);
  const closed = await handler.post(`/api/v1/reports/${filed.body.id}/close`, { result: '经查属实，已责令整改并移交劳动监察' });
  assert.equal(closed.body.status, 'closed');
  assert.equal((await client(p.baseUrl).get(`/api/v1/public/reports/${filed.body.receiptCode}`)).body.result, '经查属实，已责令整改并移交劳动监察');
});

test('anonymous reports carry no identity; named ones need a contact', async () => {
  const anon = await client(p.baseUrl).post('/api/v1/reports', { subject: { name: '某某餐饮店' }, content: '使用过期食材，多次被顾客投诉。', anonymous: true });
  assert.equal(anon.status, 201);
  const raw = await p.ctx.db.selectFrom('report').select('reporter_cipher').where('id', '=', anon.body.id).executeTakeFirstOrThrow();
  assert.equal(raw.reporter_cipher, null);
  const named = await client(p.baseUrl).post('/api/v1/reports', { subject: { name: '某某餐饮店' }, content: '使用过期食材，多次被顾客投诉。', anonymous: false });
  assert.equal(named.status, 400);
});
