// What the console and the portal need from the API beyond the capabilities' own tests: batch list
// filters, the 双公示 listing with masked persons, one public list entry, list-type policies, report
// handlers by name, and objection actions without a body.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeDepartment, makeKey, makeUser, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { penaltyFactory, tempDir, upload, writeCsv } from './fixtures/collection/files.js';

let p: TestPlatform;
let admin: ReturnType<typeof client>;
const pub = () => client(p.baseUrl);

before(async () => {
  p = await startPlatform();
  admin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
});
after(() => p.close());

describe('collection batches and the public 双公示 listing', () => {
  let a: { code: string; key: string };
  let b: { code: string; key: string };
  let personId: string;

  before(async () => {
    const dir = tempDir();
    for (const [name, seed] of [['郑州市市场监督管理局', 41], ['开封市市场监督管理局', 42]] as const) {
      const dept = await makeDepartment(p.ctx, { name, roles: ['provider'] });
      const key = await makeKey(p.ctx, { department: dept.code, role: 'officer' });
      const f = penaltyFactory(seed, dept.code);
      const rows = seed === 41
        ? [f.org({ 处罚决定日期: '2026-11-02' }), f.org({ 处罚决定日期: '2026-11-10' }), f.person({ 处罚决定日期: '2026-11-12' }), f.org({ 违法事实: '' })]
        : [f.org({ 处罚决定日期: '2026-10-15' })];
      if (seed === 41) personId = rows[2]['证件号码'];
      const r = await upload(p.baseUrl, key, { type: 'admin_penalty', file: writeCsv(path.join(dir, `${seed}.csv`), rows) });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      if (seed === 41) { a = { code: dept.code, key }; assert.equal(r.body.rejected, 1); } else b = { code: dept.code, key };
    }
  });

  test('batches filter by department, type and date; a department cannot ask for another\'s', async () => {
    const all = await admin.get('/api/v1/collection/batches');
    assert.equal(all.status, 200);
    assert.equal(all.body.items.length, 2);
    const onlyA = await admin.get(`/api/v1/collection/batches?department=${a.code}`);
    assert.deepEqual(onlyA.body.items.map((x: { department: { code: string } }) => x.department.code), [a.code]);
    assert.equal(onlyA.body.items[0].accepted, 3);
    assert.equal(onlyA.body.items[0].rejected, 1);
    assert.equal((await admin.get('/api/v1/collection/batches?type=admin_license')).body.items.length, 0);
    assert.equal((await admin.get('/api/v1/collection/batches?from=2000-01-01&to=2000-12-31')).body.items.length, 0);
    const now = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // China's date
    assert.equal((await admin.get(`/api/v1/collection/batches?from=${now}&to=${now}`)).body.items.length, 2);
    assert.equal((await admin.get('/api/v1/collection/batches?from=2026-02-30')).status, 400);
    const asB = client(p.baseUrl, b.key);
    assert.equal((await asB.get(`/api/v1/collection/batches?department=${a.code}`)).status, 403);
    assert.deepEqual((await asB.get('/api/v1/collection/batches')).body.items.map((x: { department: { code: string } }) => x.department.code), [b.code]);
  });

  test('the public lists one info type\'s published records by department and date, paged, persons masked', async () => {
    const all = await pub().get('/api/v1/public/records?type=admin_penalty');
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.infoTypeName, '行政处罚');
    assert.deepEqual(all.body.items.map((x: { decidedOn: string }) => x.decidedOn), ['2026-11-12', '2026-11-10', '2026-11-02', '2026-10-15']);
    const person = all.body.items[0];
    assert.equal(person.subject.kind, 'natural_person');
    assert.match(person.subject.idNumberMasked, /^\d{4}\*{10}\d{3}[\dX]$/);
    assert.ok(!JSON.stringify(all.body).includes(personId), 'no full ID number anywhere');
    assert.ok(!person.fields.some((x: { key: string }) => x.key === 'id_number'), 'no personal fields');

    const paged = await pub().get('/api/v1/public/records?type=admin_penalty&pageSize=3');
    assert.equal(paged.body.items.length, 3);
    assert.equal(paged.body.hasMore, true);
    const second = await pub().get('/api/v1/public/records?type=admin_penalty&pageSize=3&page=2');
    assert.deepEqual(second.body.items.map((x: { decidedOn: string }) => x.decidedOn), ['2026-10-15']);
    assert.equal(second.body.hasMore, false);

    const ofB = await pub().get(`/api/v1/public/records?type=admin_penalty&department=${b.code}`);
    assert.deepEqual(ofB.body.items.map((x: { department: string }) => x.department), ['开封市市场监督管理局']);
    const november = await pub().get('/api/v1/public/records?type=admin_penalty&from=2026-11-05&to=2026-11-30');
    assert.deepEqual(november.body.items.map((x: { decidedOn: string }) => x.decidedOn), ['2026-11-12', '2026-11-10']);
    assert.equal((await pub().get('/api/v1/public/records?type=admin_license')).body.items.length, 0);
    assert.equal((await pub().get('/api/v1/public/records')).status, 400);
    assert.equal((await pub().get('/api/v1/public/records?type=admin_penalty&from=2026-13-01')).status, 400);
    const departments = await pub().get('/api/v1/public/record-departments');
    assert.ok(departments.body.items.some((d: { code: string }) => d.code === a.code));
  });
});

test('one public list entry by id; 404 once it is no longer public', async () => {
  const s = await jointActionSetting(p);
  const org = { kind: 'organization', uscc: uscc(), name: '河南公开样本有限公司' };
  const e = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: org, reason: '拒不履行', decisionNo: '（2026）豫01执1号', decidedOn: '2026-06-01', startsOn: '2026-06-01' });
  assert.equal(e.status, 201);
  const one = await pub().get(`/api/v1/public/list-entries/${e.body.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.subject.name, org.name);
  assert.equal(one.body.listType, s.codes.debtor);
  assert.equal(one.body.decisionNo, '（2026）豫01执1号');
  assert.equal((await s.court.post(`/api/v1/list-entries/${e.body.id}/remove`, { reason: '已履行' })).status, 200);
  assert.equal((await pub().get(`/api/v1/public/list-entries/${e.body.id}`)).status, 404);
  assert.equal((await pub().get('/api/v1/public/list-entries/not-an-id')).status, 404);
});

test('GET /list-types shows each type\'s objection deadlines and repair conditions', async () => {
  const s = await jointActionSetting(p);
  assert.equal((await admin.post(`/api/v1/list-types/${s.codes.debtor}/policy`, { objectionDays: [2, 3, 6], repairMinMonths: 6, repairRequires: ['training'] })).status, 200);
  const items = (await admin.get('/api/v1/list-types')).body.items as { code: string; objectionDays: number[] | null; repairMinMonths: number | null; repairRequires: string[] }[];
  const debtor = items.find((t) => t.code === s.codes.debtor)!;
  assert.deepEqual([debtor.objectionDays, debtor.repairMinMonths, debtor.repairRequires], [[2, 3, 6], 6, ['training']]);
  const other = items.find((t) => t.code === s.codes.taxMajor)!;
  assert.deepEqual([other.objectionDays, other.repairMinMonths, other.repairRequires], [null, null, []]);
});

test('the reports queue names the handler', async () => {
  const filed = await pub().post('/api/v1/reports', { subject: { name: '某某劳务有限公司' }, content: '该公司长期拖欠农民工工资。', anonymous: true });
  const dept = await makeDepartment(p.ctx, { name: '河南省人力资源和社会保障厅' });
  const handler = await makeUser(p.ctx, { department: dept.code, role: 'officer' });
  assert.equal((await admin.post(`/api/v1/reports/${filed.body.id}/assign`, { username: handler.username })).status, 200);
  const row = (await admin.get('/api/v1/reports')).body.items.find((r: { id: string }) => r.id === filed.body.id);
  assert.match(row.handler.name, /^用户\d+$/);
  assert.deepEqual(row.handler.department, { code: dept.code, name: '河南省人力资源和社会保障厅' });
  assert.equal((await admin.get(`/api/v1/reports/${filed.body.id}`)).body.handler.name, row.handler.name);
});

test('accepting and forwarding an objection need no body', async () => {
  const s = await jointActionSetting(p);
  const e = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: { kind: 'organization', uscc: uscc(), name: '河南异议空体有限公司' }, reason: '拒不履行', decisionNo: '（2026）豫01执2号', decidedOn: '2026-06-01', startsOn: '2026-06-01' });
  const filed = await pub().post('/api/v1/objections', { target: { entryId: e.body.id }, reason: '该案已执行完毕，认定有误', applicant: { name: '张经理', contact: '13800000000' } });
  const office = await makeKey(p.ctx, { role: 'officer' });
  const bare = (action: string) => fetch(`${p.baseUrl}/api/v1/objections/${filed.body.id}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${office}` } });
  const accepted = await bare('accept');
  assert.equal(accepted.status, 200, await accepted.clone().text());
  assert.equal((await accepted.json()).status, 'accepted');
  const forwarded = await bare('forward');
  assert.equal(forwarded.status, 200, await forwarded.clone().text());
  assert.equal((await forwarded.json()).status, 'with_provider');
});
