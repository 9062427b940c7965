// Department isolation, endpoint by endpoint: department B's admin, officer and system keys get
// 403/404 on department A's data, while A itself succeeds (so each row has teeth). Every new
// endpoint that holds department data adds its rows here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeDepartment, makeKey, idNumber, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
type C = ReturnType<typeof client>;
let a: { admin: C; officer: C; system: C; code: string; keyId: string };
let b: { admin: C; officer: C; system: C; code: string };
let platformAdmin: C;
let personId: string;

async function side(code: string) {
  return {
    admin: client(p.baseUrl, await makeKey(p.ctx, { department: code, role: 'admin' })),
    officer: client(p.baseUrl, await makeKey(p.ctx, { department: code, role: 'officer' })),
    system: client(p.baseUrl, await makeKey(p.ctx, { department: code, role: 'system' })),
    code,
  };
}

before(async () => {
  p = await startPlatform();
  const da = await makeDepartment(p.ctx, { name: '甲局' });
  const db = await makeDepartment(p.ctx, { name: '乙局' });
  const sa = await side(da.code);
  const created = await sa.admin.post('/api/v1/keys', { role: 'system', name: '甲局审批系统' });
  a = { ...sa, keyId: created.body.id };
  b = await side(db.code);
  platformAdmin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
  await sa.admin.post('/api/v1/users', { username: 'jia_officer', displayName: '甲局经办', role: 'officer', password: 'Jia-Passw0rd!' });
  personId = (await sa.officer.post('/api/v1/subjects', { kind: 'natural_person', idNumber: idNumber(), name: '孙小美' })).body.id;
});
after(() => p.close());

describe('keys', () => {
  test('B cannot revoke A\'s key (404), A can', async () => {
    assert.equal((await b.admin.delete(`/api/v1/keys/${a.keyId}`)).status, 404);
    const listA = await a.admin.get('/api/v1/keys');
    assert.ok(listA.body.items.some((k: { id: string; revokedAt: string | null }) => k.id === a.keyId && !k.revokedAt));
  });
  test('B\'s key list does not contain A\'s keys', async () => {
    const list = await b.admin.get('/api/v1/keys');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length > 0);
    assert.ok(list.body.items.every((k: { department: string }) => k.department === b.code));
  });
  test('B cannot create a key for A', async () => {
    assert.equal((await b.admin.post('/api/v1/keys', { department: a.code, role: 'admin' })).status, 403);
    assert.equal((await a.admin.post('/api/v1/keys', { department: a.code, role: 'officer' })).status, 201);
  });
  test('officers and systems cannot list or revoke keys', async () => {
    for (const c of [b.officer, b.system, a.officer]) {
      assert.equal((await c.get('/api/v1/keys')).status, 403);
      assert.equal((await c.delete(`/api/v1/keys/${a.keyId}`)).status, 403);
    }
  });
});

describe('users', () => {
  test('B\'s user list does not contain A\'s users; B cannot create users in A', async () => {
    const list = await b.admin.get('/api/v1/users');
    assert.ok(!list.body.items.some((u: { username: string }) => u.username === 'jia_officer'));
    const listA = await a.admin.get('/api/v1/users');
    assert.ok(listA.body.items.some((u: { username: string }) => u.username === 'jia_officer'));
    const r = await b.admin.post('/api/v1/users', { department: a.code, username: 'spy', displayName: '乙', role: 'admin', password: 'Spy-Passw0rd!' });
    assert.equal(r.status, 403);
  });
});

describe('departments', () => {
  test('only the credit office creates departments', async () => {
    const body = { code: uscc({ authority: '1' }), name: '丙局', regionCode: '410000', roles: ['provider'] };
    for (const c of [a.admin, b.admin, b.officer, b.system]) assert.equal((await c.post('/api/v1/departments', body)).status, 403);
    assert.equal((await platformAdmin.post('/api/v1/departments', body)).status, 201);
  });
});

describe('audit', () => {
  test('B\'s admin sees none of A\'s audit events', async () => {
    const r = await b.admin.get('/api/v1/audit?limit=500');
    const bDept = (await b.admin.get('/api/v1/auth/me')).body.user.department.code;
    assert.equal(bDept, b.code);
    const aEvents = await a.admin.get('/api/v1/audit?limit=500');
    const aIds = new Set(aEvents.body.items.map((e: { id: number }) => e.id));
    assert.ok(aIds.size > 0);
    assert.ok(r.body.items.every((e: { id: number }) => !aIds.has(e.id)));
  });
});

describe('personal data', () => {
  test('departments see a person\'s ID number masked; the credit office sees it whole', async () => {
    const asB = await b.officer.get(`/api/v1/subjects/${personId}`);
    assert.equal(asB.status, 200);
    assert.equal(asB.body.idNumber, null);
    assert.match(asB.body.idNumberMasked, /^\d{4}\*{10}[\dX]{4}$/);
    const asPlatform = await platformAdmin.get(`/api/v1/subjects/${personId}`);
    assert.match(asPlatform.body.idNumber, /^\d{17}[\dX]$/);
  });
});
