// The shipped national seed data: loaded at first start with source and verification marks, then
// put to work locally by assigning departments and setting a memorandum in force.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadJointActionSeeds } from '../src/modules/lists/seed.js';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let admin: ReturnType<typeof client>;
before(async () => {
  p = await startPlatform();
  admin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
});
after(() => p.close());

test('list types, measures and memoranda are seeded with source, edition and verification marks; reloading adds nothing', async () => {
  const lt = await admin.get('/api/v1/list-types');
  const debtor = lt.body.items.find((x: { code: string }) => x.code === 'dishonest_judgment_debtor');
  assert.equal(debtor.kind, 'black');
  assert.equal(debtor.initiatingDepartment, null);
  assert.equal(debtor.verified, true);
  assert.ok(lt.body.items.some((x: { kind: string }) => x.kind === 'red'));
  assert.ok(lt.body.items.some((x: { verified: boolean }) => !x.verified), 'uncertain texts are marked');
  const memo = await admin.get('/api/v1/memoranda/memo_judgment_debtor');
  assert.equal(memo.body.status, 'notified');
  assert.equal(memo.body.docNo, '发改财金〔2016〕141号');
  assert.ok(memo.body.measures.includes('NP-PROCUREMENT-BAN'));
  assert.equal(await loadJointActionSeeds(p.ctx.db), 0);
});

test('assigning departments and setting the memorandum in force makes the seeded measures apply', async () => {
  const court = await makeDepartment(p.ctx, { roles: ['initiating'] });
  const finance = await makeDepartment(p.ctx, { roles: ['implementing'] });
  assert.equal((await admin.post('/api/v1/list-types/dishonest_judgment_debtor/initiating-department', { department: court.code })).status, 200);
  const m = await admin.post('/api/v1/measures/NP-PROCUREMENT-BAN/implementing-department', { department: finance.code });
  assert.equal(m.body.implementingDepartment, finance.code);
  const memo = await admin.get('/api/v1/memoranda/memo_judgment_debtor');
  assert.deepEqual(memo.body.acceptances.map((a: { department: string; status: string }) => [a.department, a.status]), [[finance.code, 'pending']]);
  await admin.post('/api/v1/memoranda/memo_judgment_debtor/status', { status: 'in_force' });
  await admin.post('/api/v1/matters', { code: 'CZ-001', name: '政府采购供应商资格审查', department: finance.code, category: '政府采购' });
  const financeKey = client(p.baseUrl, await makeKey(p.ctx, { department: finance.code, role: 'officer' }));
  const pending = await financeKey.get('/api/v1/memoranda?pending=true');
  const carrying = (await admin.get('/api/v1/memoranda')).body.items.filter((x: { measures: string[] }) => x.measures.includes('NP-PROCUREMENT-BAN')).map((x: { code: string }) => x.code);
  assert.ok(carrying.length > 1);
  assert.deepEqual(pending.body.items.map((x: { code: string }) => x.code), carrying, '待接收 inbox: every memorandum carrying its measure');
  await financeKey.post('/api/v1/memoranda/memo_judgment_debtor/accept');
  const courtKey = client(p.baseUrl, await makeKey(p.ctx, { department: court.code, role: 'officer' }));
  const org = { kind: 'organization', uscc: uscc(), name: '河南种子数据测试有限公司' };
  assert.equal((await courtKey.post('/api/v1/list-entries', { listType: 'dishonest_judgment_debtor', subject: org, reason: '拒不履行', decisionNo: '（2026）豫0105执1号', decidedOn: '2026-07-01', startsOn: '2026-07-01' })).status, 201);
  const r = await financeKey.post('/api/v1/checks', { subject: { uscc: org.uscc }, matterCode: 'CZ-001' });
  assert.equal(r.body.outcome, 'restrict');
  assert.equal(r.body.measures[0].code, 'NP-PROCUREMENT-BAN');
  assert.equal(r.body.measures[0].legalBasis, '《中华人民共和国政府采购法》第二十二条');
});

test('measures and matters go to implementing departments only; an unheard-of matter category is warned about', async () => {
  const court = await makeDepartment(p.ctx, { roles: ['initiating'] });
  const finance = await makeDepartment(p.ctx, { roles: ['implementing'] });
  const toCourt = await admin.post('/api/v1/measures/NP-PROCUREMENT-BAN/implementing-department', { department: court.code });
  assert.equal(toCourt.status, 400);
  assert.deepEqual(toCourt.body.errors.map((e: { path: string }) => e.path), ['body.department']);
  assert.match(toCourt.body.detail, /不是实施部门/);
  const measure = { code: 'LOCAL-TEST-1', kind: 'punishment', nature: 'recommended', title: '限制参加评先评优', legalBasis: '测试依据', appliesTo: ['organization'] };
  const notImplementing = await admin.post('/api/v1/measures', { ...measure, implementingDepartment: court.code, matterCategories: ['评先评优'] });
  assert.equal(notImplementing.status, 400);
  const typo = await admin.post('/api/v1/measures', { ...measure, implementingDepartment: finance.code, matterCategories: ['评先评优', '招投标'] });
  assert.equal(typo.status, 201, JSON.stringify(typo.body));
  assert.equal(typo.body.warnings.length, 1);
  assert.match(typo.body.warnings[0], /「招投标」/);
  const matter = await admin.post('/api/v1/matters', { code: 'PX-001', name: '评选先进单位', department: finance.code, category: '招投标' });
  assert.equal(matter.status, 201);
  assert.equal(matter.body.warnings, undefined, 'a category a measure already names is not warned about');
  const usual = await admin.post('/api/v1/matters', { code: 'PX-002', name: '表彰评选', department: finance.code, category: '评先评优' });
  assert.equal(usual.body.warnings, undefined);
  assert.equal((await admin.post('/api/v1/matters', { code: 'PX-003', name: '某事项', department: court.code, category: '评先评优' })).status, 400);
});
