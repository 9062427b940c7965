// Isolation of the joint-action endpoints: another department gets 403/404 on what is not its own,
// while the owner succeeds (each row has teeth).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
let stranger: { officer: ReturnType<typeof client>; admin: ReturnType<typeof client>; system: ReturnType<typeof client> };
let checkId: string;
let taskId: string;
let entryId: string;
const org = () => ({ kind: 'organization', uscc: uscc(), name: '河南隔离测试有限公司' });

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  const dept = await makeDepartment(p.ctx, { roles: ['initiating', 'implementing', 'provider'] });
  stranger = {
    officer: client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'officer' })),
    admin: client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'admin' })),
    system: client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'system' })),
  };
  const e = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: org(), reason: '拒不履行', decisionNo: 'ISO-1', decidedOn: '2026-06-01', startsOn: '2026-06-01' });
  entryId = e.body.id;
  const c = await s.financeSystem.post('/api/v1/checks', { subject: { uscc: e.body.subject.uscc }, matterCode: s.codes.matter });
  checkId = c.body.checkId;
  taskId = (await s.financeOfficer.get('/api/v1/tasks')).body.items[0].id;
});
after(() => p.close());

test('only the initiating department publishes on its list type', async () => {
  const body = { listType: s.codes.debtor, subject: org(), reason: '拒不履行', decisionNo: 'ISO-2', decidedOn: '2026-06-01', startsOn: '2026-06-01' };
  for (const c of [stranger.officer, stranger.system, s.tax, s.financeOfficer]) assert.equal((await c.post('/api/v1/list-entries', body)).status, 403);
  assert.equal((await s.court.post('/api/v1/list-entries', body)).status, 201);
});

test('another department cannot read a check, list it, or give feedback on it', async () => {
  assert.equal((await stranger.officer.get(`/api/v1/checks/${checkId}`)).status, 404);
  assert.equal((await s.financeOfficer.get(`/api/v1/checks/${checkId}`)).status, 200);
  const list = await stranger.officer.get('/api/v1/checks');
  assert.ok(!list.body.items.some((c: { checkId: string }) => c.checkId === checkId));
  const fb = { measures: [{ code: s.measures.org, action: 'applied' }], note: '越权反馈' };
  assert.equal((await stranger.system.post(`/api/v1/checks/${checkId}/feedback`, fb)).status, 404);
  assert.equal((await s.court.post(`/api/v1/checks/${checkId}/feedback`, fb)).status, 404);
  assert.equal((await s.financeSystem.post(`/api/v1/checks/${checkId}/feedback`, fb)).status, 201);
});

test('another department cannot acknowledge a task pushed to someone else', async () => {
  assert.equal((await stranger.officer.post(`/api/v1/tasks/${taskId}/acknowledge`)).status, 404);
  assert.equal((await stranger.officer.get('/api/v1/tasks')).body.items.length, 0);
  assert.equal((await s.financeOfficer.post(`/api/v1/tasks/${taskId}/acknowledge`)).status, 200);
});

test('checks need an implementing department and its own matter', async () => {
  assert.equal((await s.court.post('/api/v1/checks', { subject: { uscc: uscc() }, matterCode: s.codes.matter })).status, 403);
  assert.equal((await stranger.system.post('/api/v1/checks', { subject: { uscc: uscc() }, matterCode: s.codes.matter })).status, 403);
});

test('a memorandum is accepted only by a department it names', async () => {
  assert.equal((await stranger.officer.post(`/api/v1/memoranda/${s.codes.memo}/accept`)).status, 403);
});

test('only the credit office maintains list types, measures, matters and memoranda', async () => {
  const attempts = [
    ['/api/v1/list-types', { code: 'x_lt', name: '某名单', kind: 'black', domain: '其他', initiatingDepartment: s.departments.court, legalBasis: '某法', termMonths: null, repairable: true, public: true }],
    ['/api/v1/matters', { code: 'X-1', name: '某事项', department: s.departments.finance, category: '行政许可' }],
    ['/api/v1/measures', { code: 'X-M', kind: 'punishment', nature: 'mandatory', title: '某措施', legalBasis: '某法', implementingDepartment: s.departments.finance, appliesTo: ['organization'], matterCategories: [] }],
    ['/api/v1/memoranda', { code: 'x_memo', docNo: '某号', title: '某备忘录', listTypes: [s.codes.debtor], measures: [s.measures.org] }],
  ] as const;
  for (const [url, body] of attempts) {
    assert.equal((await stranger.admin.post(url, body)).status, 403, url);
    assert.equal((await s.court.post(url, body)).status, 403, url);
  }
});

test('entries of a non-public list type are hidden from departments that have nothing to do with them', async () => {
  const code = `secret_${Math.random().toString(36).slice(2, 6)}`;
  assert.equal((await s.admin.post('/api/v1/list-types', { code, name: '内部名单', kind: 'black', domain: '其他', initiatingDepartment: s.departments.court, legalBasis: '某规定', termMonths: 12, repairable: true, public: false })).status, 201);
  const e = await s.court.post('/api/v1/list-entries', { listType: code, subject: org(), reason: '内部', decisionNo: 'SEC-1', decidedOn: '2026-06-01', startsOn: '2026-06-01' });
  assert.equal(e.status, 201);
  assert.equal((await stranger.officer.get(`/api/v1/list-entries/${e.body.id}`)).status, 404);
  assert.equal((await s.court.get(`/api/v1/list-entries/${e.body.id}`)).status, 200);
  assert.ok(!(await stranger.officer.get(`/api/v1/list-entries?listType=${code}`)).body.items.length);
  // the public one is visible to all staff
  assert.equal((await stranger.officer.get(`/api/v1/list-entries/${entryId}`)).status, 200);
});
