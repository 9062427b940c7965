// Platform-to-platform sync (跨地区联动) with two real instances on loopback — a provincial and a
// county platform, two ports, two databases: listing on one, checking on the other; holds, releases
// and removals following; persons matched by ID number; entries delivered upward without echo; and
// the worker mode. The CLI kill test is in sync-kill.test.ts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeUscc } from '../src/domain/identifiers/generate.js';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.js';
import { sequenceChanges } from '../src/modules/changes/sequencer.js';
import { transitionEntry } from '../src/modules/lists/entries.js';
import { runSync } from '../src/modules/sync/follow.js';
import { idNumber, makeKey, rand, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

const PROVINCE = makeUscc(rand, { authority: '1', entityType: '1', regionCode: '410000' });
const COUNTY = makeUscc(rand, { authority: '1', entityType: '1', regionCode: '410102' });
const env = (code: string, name: string, region: string) => ({ XINYONG_PLATFORM_CODE: code, XINYONG_PLATFORM_NAME: name, XINYONG_PLATFORM_REGION: region });

let prov: TestPlatform;
let county: TestPlatform;
let ps: Awaited<ReturnType<typeof jointActionSetting>>;
let provKey: string;
let countyAdmin: ReturnType<typeof client>;
let countyFinance: ReturnType<typeof client>;
let countyFinanceOfficer: ReturnType<typeof client>;
const matter = 'ZY-CG-1';
let n = 0;

/** Every committed change numbered (the sequencer waits for the oldest running transaction of the cluster). */
async function settle(p: TestPlatform) {
  for (const end = Date.now() + 20_000; ;) {
    await sequenceChanges(p.ctx.db);
    const r = await p.ctx.db.selectFrom('change').select((eb) => eb.fn.countAll<string>().as('n')).where('seq', 'is', null).executeTakeFirstOrThrow();
    if (Number(r.n) === 0) return;
    if (Date.now() > end) throw new Error('changes not sequenced in time');
    await new Promise((res) => setTimeout(res, 50));
  }
}
async function syncDown() {
  await settle(prov);
  return runSync({ ctx: county.ctx, url: prov.baseUrl, key: provKey, once: true });
}
const must = async (r: Promise<{ status: number; body: any }>) => { const x = await r; if (x.status >= 300) throw new Error(JSON.stringify(x.body)); return x.body; };
const check = (subject: object) => countyFinance.post('/api/v1/checks', { subject, matterCode: matter });
async function provList(subject: object, extra: object = {}) {
  return must(ps.court.post('/api/v1/list-entries', { listType: ps.codes.debtor, subject, reason: '有履行能力而拒不履行', decisionNo: `（2026）豫01执Y${++n}号`, decidedOn: '2026-05-06', startsOn: '2026-05-06', ...extra }));
}
async function transition(p: TestPlatform, id: string, from: 'active' | 'held', to: 'held' | 'active' | 'removed') {
  const change = ({ held: 'entry.held', active: 'entry.released', removed: 'entry.removed' } as const)[to];
  await p.ctx.db.transaction().execute((tx) => transitionEntry(tx, { id, from: [from], to, change, action: change, actor: SYSTEM_ACTOR, reason: '测试' }));
}

before(async () => {
  [prov, county] = await Promise.all([
    startPlatform({ env: env(PROVINCE, '河南省社会信用体系建设领导小组办公室', '410000') }),
    startPlatform({ env: env(COUNTY, '郑州市中原区社会信用体系建设领导小组办公室', '410102') }),
  ]);
  ps = await jointActionSetting(prov);
  provKey = await makeKey(prov.ctx, { role: 'system' }); // the province's credit office gives the county a system key
  countyAdmin = client(county.baseUrl, await makeKey(county.ctx, { role: 'admin' }));
  const finance = await must(countyAdmin.post('/api/v1/departments', { code: makeUscc(rand, { authority: '1', entityType: '1', regionCode: '410102' }), name: '中原区财政局', regionCode: '410102', roles: ['implementing'] }));
  countyFinance = client(county.baseUrl, await makeKey(county.ctx, { department: finance.code, role: 'system' }));
  countyFinanceOfficer = client(county.baseUrl, await makeKey(county.ctx, { department: finance.code, role: 'officer' }));
  await must(countyAdmin.post('/api/v1/matters', { code: matter, name: '区级政府采购供应商审查', department: finance.code, category: '政府采购' }));
  await must(countyAdmin.post('/api/v1/measures', { code: 'ZY-M-ORG', kind: 'punishment', nature: 'mandatory', title: '限制参与区级政府采购', legalBasis: '《政府采购法》第二十二条', implementingDepartment: finance.code, appliesTo: ['organization'], matterCategories: ['政府采购'] }));
  await must(countyAdmin.post('/api/v1/measures', { code: 'ZY-M-PER', kind: 'punishment', nature: 'recommended', title: '限制担任评审专家', legalBasis: '《政府采购评审专家管理办法》', implementingDepartment: finance.code, appliesTo: ['natural_person', 'responsible_person'], matterCategories: [] }));
});
after(async () => { await Promise.all([prov?.close(), county?.close()]); });

test('listed on the province, checked on the county once a local memorandum joins the mirrored list type', async () => {
  const org = { kind: 'organization', uscc: uscc(), name: '河南跨区失信样本有限公司' };
  const rep = { role: 'legal_representative', name: '王某某', idNumber: idNumber({ birthDate: '1970-03-03' }) };
  const e = await provList(org, { responsiblePersons: [rep] });
  assert.equal((await check({ uscc: org.uscc })).body.subject.known, false, 'not on the county yet');

  const r = await syncDown();
  assert.equal(r.phase, 'follow');
  assert.ok(r.created >= 1);
  const lt = await must(countyAdmin.get(`/api/v1/list-types/${ps.codes.debtor}`));
  assert.equal(lt.initiatingDepartment, ps.departments.court, 'the mirrored list type names the provincial court as initiator');
  const mirrored = (await must(countyAdmin.get(`/api/v1/list-entries?listType=${ps.codes.debtor}`))).items.find((x: { decisionNo: string }) => x.decisionNo === e.decisionNo);
  assert.equal(mirrored.origin, PROVINCE);
  assert.equal(mirrored.status, 'active');
  assert.equal(mirrored.responsiblePersons[0].role, 'legal_representative');
  assert.equal((await check({ uscc: org.uscc })).body.outcome, 'clear', 'no local memorandum joins the list type yet');

  await must(countyAdmin.post('/api/v1/memoranda', { code: 'ZY-MEMO-1', docNo: '中原信用办〔2026〕1号', title: '关于对失信被执行人实施联合惩戒的实施意见', listTypes: [ps.codes.debtor], measures: ['ZY-M-ORG', 'ZY-M-PER'] }));
  await must(countyFinanceOfficer.post('/api/v1/memoranda/ZY-MEMO-1/accept'));
  const c = await check({ uscc: org.uscc });
  assert.equal(c.body.outcome, 'restrict');
  assert.deepEqual(c.body.measures.map((m: { code: string }) => m.code), ['ZY-M-ORG']);
  assert.deepEqual(c.body.measures[0].entryIds, [mirrored.id]);
  const person = await check({ idNumber: rep.idNumber });
  assert.deepEqual(person.body.measures.map((m: { code: string }) => m.code), ['ZY-M-PER'], 'the person is matched by full ID number (落实到人 across platforms)');
  const disclosed = await prov.ctx.db.selectFrom('audit_event').select('data').where('action', '=', 'subject.disclosed').execute();
  assert.ok(disclosed.length >= 1, 'the province audits the ID numbers it disclosed');
});

test('holds, releases and removals on the province follow on the county; nothing is applied twice', async () => {
  const org = { kind: 'organization', uscc: uscc(), name: '河南跨区暂停样本有限公司' };
  const e = await provList(org);
  await syncDown();
  assert.equal((await check({ uscc: org.uscc })).body.outcome, 'restrict');

  await transition(prov, e.id, 'active', 'held');
  await syncDown();
  const held = await check({ uscc: org.uscc });
  assert.equal(held.body.outcome, 'clear');
  assert.equal(held.body.held.length, 1, 'the held entry is shown, applying no measures');

  await transition(prov, e.id, 'held', 'active');
  await syncDown();
  assert.equal((await check({ uscc: org.uscc })).body.outcome, 'restrict');
  await transition(prov, e.id, 'active', 'removed');
  const again = await syncDown();
  assert.equal((await check({ uscc: org.uscc })).body.outcome, 'clear');
  assert.equal(again.created, 0);

  const local = (await must(countyAdmin.get(`/api/v1/list-entries?listType=${ps.codes.debtor}&status=removed`))).items.find((x: { decisionNo: string }) => x.decisionNo === e.decisionNo);
  const detail = await must(countyAdmin.get(`/api/v1/list-entries/${local.id}`));
  assert.deepEqual(detail.history.map((h: { to: string }) => h.to), ['active', 'held', 'active', 'removed']);
  const nothing = await syncDown();
  assert.equal(nothing.pages, 0, 'caught up: a second run applies nothing');
  const count = await county.ctx.db.selectFrom('list_entry').select((eb) => eb.fn.countAll<string>().as('n')).where('origin', '=', PROVINCE).executeTakeFirstOrThrow();
  const source = await prov.ctx.db.selectFrom('list_entry').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(count.n, source.n, 'one mirror per source entry');
});

test('a repair approved on the province reaches the county: the mirrored entry leaves and the check there is clear (一处修复、处处认可)', async () => {
  const org = { kind: 'organization', uscc: uscc(), name: '河南跨区修复样本有限公司' };
  const e = await provList(org);
  await syncDown();
  assert.equal((await check({ uscc: org.uscc })).body.outcome, 'restrict');
  const local = await county.ctx.db.selectFrom('list_entry').select(['id', 'status']).where('origin_entry_id', '=', e.id).executeTakeFirstOrThrow();

  const asked = await client(prov.baseUrl).post('/api/v1/repairs', {
    target: { entryId: e.id }, applicant: { name: '王会计', contact: 'wang@example.com' }, reason: '已履行生效法律文书确定的全部义务',
    commitment: '本单位郑重承诺：已全部履行义务，今后依法诚信经营，如有违反愿承担相应责任。', evidence: [{ kind: 'fulfilment', name: '执行完毕证明.pdf' }],
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  assert.equal((await ps.court.post(`/api/v1/repairs/${asked.body.id}/approve`, { note: '经审核，符合修复条件' })).status, 200);
  assert.equal((await check({ uscc: org.uscc })).body.outcome, 'restrict', 'the county knows only once it syncs');

  await syncDown();
  const c = await check({ uscc: org.uscc });
  assert.equal(c.body.outcome, 'clear');
  assert.deepEqual(c.body.measures, []);
  const mirrored = await must(countyAdmin.get(`/api/v1/list-entries/${local.id}`));
  assert.equal(mirrored.status, 'removed');
  const feed = await must(countyFinance.get('/api/v1/changes?after=0&limit=1000'));
  assert.ok(feed.changes.some((x: { type: string; data: { entryId: string } }) => x.type === 'entry.removed' && x.data.entryId === local.id), 'the county\'s implementing department is told');
});

test('an objection or a repair about a mirrored entry is sent to the platform that decided it, by name, and changes nothing here', async () => {
  const org = { kind: 'organization', uscc: uscc(), name: '河南跨区异议样本有限公司' };
  const e = await provList(org);
  await syncDown();
  const local = await county.ctx.db.selectFrom('list_entry').select(['id', 'status']).where('origin_entry_id', '=', e.id).executeTakeFirstOrThrow();
  const objection = await client(county.baseUrl).post('/api/v1/objections', {
    target: { entryId: local.id }, reason: '该判决已于 2026 年 5 月履行完毕，不应列入失信被执行人名单', applicant: { name: '李经理', contact: 'li@example.com' },
  });
  assert.equal(objection.status, 409, JSON.stringify(objection.body));
  assert.equal(objection.contentType.split(';')[0], 'application/problem+json');
  assert.match(objection.body.detail, /河南省社会信用体系建设领导小组办公室/, 'names the deciding platform\'s credit office');
  assert.ok(!objection.body.detail.includes(prov.baseUrl), 'the address platforms sync over is not published');
  const repair = await client(county.baseUrl).post('/api/v1/repairs', {
    target: { entryId: local.id }, applicant: { name: '王会计', contact: 'wang@example.com' }, reason: '已履行生效法律文书确定的全部义务',
    commitment: '本单位郑重承诺：已全部履行义务，今后依法诚信经营，如有违反愿承担相应责任。', evidence: [{ kind: 'fulfilment', name: '执行完毕证明.pdf' }],
  });
  assert.equal(repair.status, 409, JSON.stringify(repair.body));
  assert.match(repair.body.detail, /信用修复申请/);
  assert.equal((await county.ctx.db.selectFrom('list_entry').select('status').where('id', '=', local.id).executeTakeFirstOrThrow()).status, 'active');
  assert.equal((await check({ uscc: org.uscc })).body.outcome, 'restrict', 'measures stay until the origin decides');
  // the portal says so on the entry instead of offering the forms
  const shown = await client(county.baseUrl).get(`/api/v1/public/list-entries/${local.id}`);
  assert.equal(shown.status, 200, JSON.stringify(shown.body));
  assert.deepEqual(shown.body.decidedElsewhere, { platform: '河南省社会信用体系建设领导小组办公室' });
  assert.equal((await client(prov.baseUrl).get(`/api/v1/public/list-entries/${e.id}`)).body.decidedElsewhere, null);
  // on the province itself the same objection is taken, and its hold reaches the county with the next sync
  const there = await client(prov.baseUrl).post('/api/v1/objections', {
    target: { entryId: e.id }, reason: '该判决已于 2026 年 5 月履行完毕，不应列入失信被执行人名单', applicant: { name: '李经理', contact: 'li@example.com' },
  });
  assert.equal(there.status, 201, JSON.stringify(there.body));
});

test('a natural person listed on the province is found on the county by ID number', async () => {
  const id = idNumber({ birthDate: '1982-08-08' });
  await provList({ kind: 'natural_person', idNumber: id, name: '赵某某' });
  await syncDown();
  const c = await check({ idNumber: id });
  assert.equal(c.body.subject.known, true);
  assert.equal(c.body.subject.idNumberMasked, `${id.slice(0, 4)}**********${id.slice(-4)}`);
  assert.deepEqual(c.body.measures.map((m: { code: string }) => m.code), ['ZY-M-PER']);
});

test('the county delivers its own entries upward; mirrored entries never echo back', async () => {
  const cs = await jointActionSetting(county);
  const org = { kind: 'organization', uscc: uscc(), name: '中原区本地失信样本有限公司' };
  const local = await must(cs.court.post('/api/v1/list-entries', { listType: cs.codes.debtor, subject: org, reason: '拒不履行', decisionNo: '（2026）豫0102执1号', decidedOn: '2026-05-07', startsOn: '2026-05-07' }));
  const countyKey = await makeKey(county.ctx, { role: 'system' });
  const before = await prov.ctx.db.selectFrom('list_entry').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  await settle(county);
  const up = await runSync({ ctx: prov.ctx, url: county.baseUrl, key: countyKey, once: true });
  assert.equal(up.created, 1, 'only the county\'s own entry');
  assert.ok(up.skipped >= 2, 'the province\'s entries mirrored on the county are recognised and left alone');
  const after = await prov.ctx.db.selectFrom('list_entry').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n) + 1);
  const mirrored = await prov.ctx.db.selectFrom('list_entry').select(['origin', 'origin_entry_id']).where('decision_no', '=', '（2026）豫0102执1号').executeTakeFirstOrThrow();
  assert.deepEqual(mirrored, { origin: COUNTY, origin_entry_id: local.id });
  // and back down again: the county does not get its own entry a second time
  const down = await syncDown();
  assert.equal(down.created, 0);
  assert.equal((await county.ctx.db.selectFrom('list_entry').select((eb) => eb.fn.countAll<string>().as('n')).where('decision_no', '=', '（2026）豫0102执1号').executeTakeFirstOrThrow()).n, '1');
});

test('refused: a department key, and syncing from oneself', async () => {
  const deptKey = await makeKey(prov.ctx, { department: ps.departments.court, role: 'system' });
  await assert.rejects(runSync({ ctx: county.ctx, url: prov.baseUrl, key: deptKey, once: true }), /信用办/);
  const own = await makeKey(county.ctx, { role: 'system' });
  await assert.rejects(runSync({ ctx: county.ctx, url: county.baseUrl, key: own, once: true }), /自己同步自己/);
  assert.equal((await client(prov.baseUrl, deptKey).post('/api/v1/sync/entries', { ids: ['00000000-0000-0000-0000-000000000000'] })).status, 403);
});

test('worker mode (XINYONG_SYNC_FROM) follows the province continuously', async () => {
  Object.assign(process.env, { XINYONG_SYNC_FROM: prov.baseUrl, XINYONG_SYNC_KEY: provKey, XINYONG_SYNC_INTERVAL_MS: '200' });
  const city = await startPlatform({ env: env(makeUscc(rand, { authority: '1', entityType: '1', regionCode: '410100' }), '郑州市信用办', '410100') });
  delete process.env.XINYONG_SYNC_FROM;
  delete process.env.XINYONG_SYNC_KEY;
  try {
    const org = { kind: 'organization', uscc: uscc(), name: '河南持续同步样本有限公司' };
    const e = await provList(org);
    const seen = async (status: string) => !!(await city.ctx.db.selectFrom('list_entry').select('id').where('origin_entry_id', '=', e.id).where('status', '=', status as 'active').executeTakeFirst());
    for (const end = Date.now() + 20_000; !(await seen('active'));) { assert.ok(Date.now() < end, 'mirrored by the worker'); await new Promise((r) => setTimeout(r, 100)); }
    await transition(prov, e.id, 'active', 'held');
    for (const end = Date.now() + 20_000; !(await seen('held'));) { assert.ok(Date.now() < end, 'hold followed by the worker'); await new Promise((r) => setTimeout(r, 100)); }
  } finally {
    await city.close();
  }
});
