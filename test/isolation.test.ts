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

describe('collection, catalog, calendar and records', () => {
  // Keys as strings (multipart uploads need the raw key) and a type only department A may deliver.
  let aOfficer: string;
  let bOfficer: string;
  let aBatch: string;
  let aRecord: string;
  let orgUscc: string;
  let files: typeof import('./fixtures/collection/files.js');
  const restricted = {
    code: 'iso_restricted', name: '隔离测试限定信息', category: 'administrative', subjectKinds: ['organization'], disclosure: 'restricted',
    dualPublicity: false, publication: null, naturalKey: ['decision_no', '$subject'], subject: { name: 'subject_name', uscc: 'uscc' },
    decidedOn: 'decided_on', providerDepartments: [] as string[],
    fields: [
      { key: 'subject_name', label: '主体名称', type: 'text', required: true }, { key: 'uscc', label: '统一社会信用代码', type: 'identifier', identifier: 'uscc', required: true },
      { key: 'decision_no', label: '文号', type: 'text', required: true }, { key: 'decided_on', label: '决定日期', type: 'date', required: true, notFuture: true },
    ],
  };

  before(async () => {
    files = await import('./fixtures/collection/files.js');
    aOfficer = await makeKey(p.ctx, { department: a.code, role: 'officer' });
    bOfficer = await makeKey(p.ctx, { department: b.code, role: 'officer' });
    assert.equal((await a.admin.post('/api/v1/catalog/info-types', { ...restricted, providerDepartments: [a.code] })).status, 403);
    assert.equal((await platformAdmin.post('/api/v1/catalog/info-types', { ...restricted, providerDepartments: [a.code] })).status, 201);
    const dir = files.tempDir();
    const f = files.penaltyFactory(99, a.code);
    const row = f.org({ 违法事实: '' });
    const r = await files.upload(p.baseUrl, aOfficer, { type: 'admin_penalty', file: files.writeCsv(`${dir}/a.csv`, [f.org(), row]) });
    aBatch = r.body.batchId;
    orgUscc = uscc();
    const csv = `${dir}/restricted.csv`;
    (await import('node:fs')).writeFileSync(csv, `主体名称,统一社会信用代码,文号,决定日期\n甲局监管对象有限公司,${orgUscc},甲决〔2026〕1号,2026-11-02\n`);
    const rr = await files.upload(p.baseUrl, aOfficer, { type: 'iso_restricted', file: csv });
    assert.equal(rr.body.accepted, 1, JSON.stringify(rr.body));
    aRecord = (await a.officer.get(`/api/v1/records?subject=${orgUscc}`)).body.items[0].id;
  });

  test('B gets 404 on A\'s batch and its rejects; B\'s list has none of A\'s batches', async () => {
    assert.equal((await b.officer.get(`/api/v1/collection/batches/${aBatch}`)).status, 404);
    assert.equal((await b.admin.get(`/api/v1/collection/batches/${aBatch}/rejects.xlsx`)).status, 404);
    assert.equal((await a.officer.get(`/api/v1/collection/batches/${aBatch}`)).status, 200);
    const list = await b.officer.get('/api/v1/collection/batches');
    assert.ok(!list.body.items.some((x: { batchId: string }) => x.batchId === aBatch));
    assert.ok((await platformAdmin.get('/api/v1/collection/batches')).body.items.some((x: { batchId: string }) => x.batchId === aBatch));
  });

  test('B cannot import into an info type restricted to A; admins cannot import at all', async () => {
    const dir = files.tempDir();
    const csv = `${dir}/b.csv`;
    (await import('node:fs')).writeFileSync(csv, `主体名称,统一社会信用代码,文号,决定日期\n乙局对象有限公司,${uscc()},乙决〔2026〕1号,2026-11-02\n`);
    const r = await files.upload(p.baseUrl, bOfficer, { type: 'iso_restricted', file: csv });
    assert.equal(r.status, 403);
    assert.equal(r.body.code, 'FORBIDDEN');
    assert.equal((await files.upload(p.baseUrl, await makeKey(p.ctx, { department: a.code, role: 'admin' }), { type: 'iso_restricted', file: csv })).status, 403);
  });

  test('B cannot read A\'s restricted records; A and the credit office can; the public never', async () => {
    assert.deepEqual((await b.officer.get(`/api/v1/records?subject=${orgUscc}`)).body.items, []);
    assert.deepEqual((await b.system.get('/api/v1/records?type=iso_restricted')).body.items, []);
    assert.equal((await b.officer.get(`/api/v1/records/${aRecord}`)).status, 404);
    assert.equal((await a.officer.get(`/api/v1/records/${aRecord}`)).status, 200);
    assert.equal((await platformAdmin.get(`/api/v1/records/${aRecord}`)).status, 200);
    assert.deepEqual((await client(p.baseUrl).get(`/api/v1/public/records?subject=${orgUscc}`)).body.items, []);
  });

  test('objections and repairs about A\'s records: B can neither see nor decide them; A can', async () => {
    const applicant = { name: '甲局相对人', contact: '13700000000' };
    const o = (await client(p.baseUrl).post('/api/v1/objections', { target: { recordId: aRecord }, reason: '记录有误，请核实', applicant })).body;
    assert.equal((await platformAdmin.post(`/api/v1/objections/${o.id}/accept`)).status, 200);
    assert.equal((await platformAdmin.post(`/api/v1/objections/${o.id}/forward`)).status, 200);
    for (const c of [b.officer, b.admin]) {
      assert.equal((await c.get(`/api/v1/objections/${o.id}`)).status, 404);
      assert.equal((await c.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'delete', note: '越权删除' })).status, 404);
      assert.ok(!(await c.get('/api/v1/objections')).body.items.some((x: { id: string }) => x.id === o.id));
    }
    assert.equal((await a.system.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'delete', note: '系统密钥' })).status, 404, 'a decision is a person\'s');
    assert.equal((await a.officer.get(`/api/v1/records/${aRecord}`)).body.status, 'held');
    assert.equal((await a.officer.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'verified', note: '核实无误' })).status, 200);

    const { monthsAgo } = await import('./support/records.js');
    const row = files.penaltyFactory(98, a.code).org({ 处罚决定日期: monthsAgo(5) });
    const dir = files.tempDir();
    assert.equal((await files.upload(p.baseUrl, aOfficer, { type: 'admin_penalty', file: files.writeCsv(`${dir}/repair.csv`, [row]) })).body.accepted, 1);
    const recordId = (await a.officer.get(`/api/v1/records?subject=${row['行政相对人代码_1(统一社会信用代码)']}`)).body.items[0].id;
    const r = await client(p.baseUrl).post('/api/v1/repairs', { target: { recordId }, applicant, reason: '罚款已缴清', commitment: '本单位承诺今后依法诚信经营，不再发生同类违法行为。', evidence: [{ kind: 'fulfilment', name: '缴款凭证.pdf' }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    for (const c of [b.officer, b.admin]) {
      assert.equal((await c.post(`/api/v1/repairs/${r.body.id}/approve`, { note: '越权' })).status, 404);
      assert.equal((await c.get(`/api/v1/repairs/${r.body.id}`)).status, 404);
      assert.ok(!(await c.get('/api/v1/repairs')).body.items.some((x: { id: string }) => x.id === r.body.id));
    }
    assert.equal((await a.officer.post(`/api/v1/repairs/${r.body.id}/approve`, { note: '同意' })).status, 200);
  });

  test('timeliness: B sees only its own department; only the credit office loads holidays', async () => {
    assert.equal((await b.officer.get(`/api/v1/collection/timeliness?department=${a.code}`)).status, 403);
    const own = await b.officer.get('/api/v1/collection/timeliness');
    assert.ok(own.body.items.every((i: { department: { code: string } }) => i.department.code === b.code));
    for (const [who, c] of Object.entries({ aAdmin: a.admin, bAdmin: b.admin, bOfficer: b.officer })) {
      const r = await c.put('/api/v1/calendar/2030', { holidays: [{ date: '2030-01-01', name: '元旦' }], workdays: [] });
      assert.equal(r.status, 403, who);
    }
  });
});
