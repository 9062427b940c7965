// 信用承诺: a department records a subject's commitment (coded region + date + serial), later whether
// it was kept; a broken one is a negative record (the green channel closes, the feed announces it),
// and the public sees an organisation's commitments. Another department cannot see or judge them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { sequenceChanges } from '../src/modules/changes/sequencer.js';
import { today } from '../src/modules/calendar/use-cases.js';
import { backdateSubject, idNumber, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const org = { kind: 'organization', uscc: uscc(), name: '河南守诺样本科技有限公司' };
let code: string;

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
});
after(() => p.close());

const promise = (extra: object = {}) => ({
  subject: org, type: '容缺受理型', matter: '建筑工程施工许可', content: '承诺在 30 日内补齐安全生产许可证复印件，逾期未补齐的自愿撤回申请。', madeOn: today(), dueOn: today(), ...extra,
});

test('a commitment gets the code region + date + serial, one serial after another on the same day', async () => {
  const first = await s.financeOfficer.post('/api/v1/commitments', promise());
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.code, `410000${today().replace(/-/g, '')}000001`);
  assert.equal(first.body.fulfilmentLabel, '待履行');
  assert.equal(first.body.public, true);
  const second = await s.financeOfficer.post('/api/v1/commitments', promise({ type: '审批替代型' }));
  assert.equal(second.body.code, `410000${today().replace(/-/g, '')}000002`);
  code = first.body.code;
});

test('wrong input is refused with the field and a Chinese reason', async () => {
  const future = await s.financeOfficer.post('/api/v1/commitments', promise({ madeOn: '2999-01-01', dueOn: undefined }));
  assert.equal(future.status, 400);
  assert.deepEqual(future.body.errors.map((e: { path: string }) => e.path), ['body.madeOn']);
  assert.match(future.body.errors[0].message, /不能晚于今天/);
  const early = await s.financeOfficer.post('/api/v1/commitments', promise({ dueOn: '2000-01-01' }));
  assert.equal(early.status, 400);
  assert.match(JSON.stringify(early.body), /履行期限/);
  const badType = await s.financeOfficer.post('/api/v1/commitments', promise({ type: '口头承诺' }));
  assert.equal(badType.status, 400);
});

test('the public sees an organisation\'s commitments; a person\'s are never public', async () => {
  const listed = await client(p.baseUrl).get(`/api/v1/public/subjects/${org.uscc}/commitments`);
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.items.map((c: { code: string }) => c.code).sort(), [code, code.slice(0, -1) + '2'].sort());
  const person = await s.financeOfficer.post('/api/v1/commitments', promise({ subject: { kind: 'natural_person', idNumber: idNumber(), name: '赵某某' }, type: '证明事项型' }));
  assert.equal(person.status, 201);
  assert.equal(person.body.public, false);
  assert.match(person.body.subject.idNumberMasked, /\*/);
});

test('another department can neither see nor judge the commitment', async () => {
  assert.equal((await s.court.get(`/api/v1/commitments/${code}`)).status, 404);
  assert.deepEqual((await s.court.get('/api/v1/commitments')).body.items, []);
  const judged = await s.court.post(`/api/v1/commitments/${code}/fulfilment`, { fulfilment: 'fulfilled', note: '已补齐' });
  assert.equal(judged.status, 404);
});

test('a broken commitment is a negative record: the green channel closes and the feed says so', async () => {
  // known to the platform for four years without negative records: green channel
  await backdateSubject(p.ctx, org.uscc, 4);
  const check = () => s.financeSystem.post('/api/v1/checks', { subject: { uscc: org.uscc }, matterCode: s.codes.matter });
  assert.equal((await check()).body.greenChannel, true);

  const broken = await s.financeOfficer.post(`/api/v1/commitments/${code}/fulfilment`, { fulfilment: 'unfulfilled', note: '逾期未补齐安全生产许可证' });
  assert.equal(broken.status, 200, JSON.stringify(broken.body));
  assert.equal(broken.body.broken, true);
  assert.equal(broken.body.fulfilmentLabel, '全部未履行');
  assert.equal((await check()).body.greenChannel, false, 'three years without negative records no longer hold');

  const again = await s.financeOfficer.post(`/api/v1/commitments/${code}/fulfilment`, { fulfilment: 'fulfilled', note: '改判' });
  assert.equal(again.status, 409);
  await sequenceChanges(p.ctx.db);
  // another department hears of it: a broken public commitment is a public change
  const feed = await s.court.get('/api/v1/changes?after=0&limit=1000');
  assert.ok(feed.body.changes.some((c: { type: string; data: { code: string } }) => c.type === 'commitment.broken' && c.data.code === code), 'a broken public commitment is in the public feed');
  assert.ok(!feed.body.changes.some((c: { type: string }) => c.type === 'commitment.made'), 'making a commitment concerns only its department');
  const kept = await s.financeOfficer.get('/api/v1/commitments?status=broken');
  assert.deepEqual(kept.body.items.map((c: { code: string }) => c.code), [code]);
});

test('the credit report shows the commitments and how they were kept', async () => {
  const r = await client(p.baseUrl).get(`/api/v1/public/subjects/${org.uscc}/credit-report?format=json`);
  assert.equal(r.status, 200);
  const mine = r.body.commitments.find((c: { code: string }) => c.code === code);
  assert.equal(mine.fulfilmentLabel, '全部未履行');
  assert.equal(mine.department, (await s.financeOfficer.get(`/api/v1/commitments/${code}`)).body.department.name);
  assert.match(mine.department, /财政厅/);
});
