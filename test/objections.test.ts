// Objections hold measures while verified (豫政〔2016〕65号 五(八)): submitted → accepted (held) →
// with the provider → decided; the outcome is pushed and those who acted are told.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
let office: ReturnType<typeof client>;
const pub = () => client(p.baseUrl);

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  office = client(p.baseUrl, await makeKey(p.ctx, { role: 'officer' })); // a credit-office clerk
});
after(() => p.close());

async function listed(decisionNo: string) {
  const org = { kind: 'organization', uscc: uscc(), name: `河南异议样本${decisionNo}有限公司` };
  const e = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: org, reason: '拒不履行', decisionNo, decidedOn: '2026-06-01', startsOn: '2026-06-01' });
  assert.equal(e.status, 201);
  return { org, entryId: e.body.id as string };
}
const check = (u: string) => s.financeSystem.post('/api/v1/checks', { subject: { uscc: u }, matterCode: s.codes.matter });
const file = (entryId: string) => pub().post('/api/v1/objections', { target: { entryId }, reason: '该案已于2026年5月执行完毕，认定有误', applicant: { name: '张经理', contact: '13800000000' } });

test('accepted → held: the next check lists the entry under held and applies no measures; verified → measures back', async () => {
  const { org, entryId } = await listed('（2026）豫01执O1号');
  assert.equal((await check(org.uscc)).body.outcome, 'restrict');
  const filed = await file(entryId);
  assert.equal(filed.status, 201);
  assert.equal(filed.body.status, 'submitted');
  assert.match(filed.body.receiptCode, /^O\d{8}/);
  assert.equal((await check(org.uscc)).body.outcome, 'restrict', 'submitting alone does not hold');

  const accepted = await office.post(`/api/v1/objections/${filed.body.id}/accept`);
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.status, 'accepted');
  const held = await check(org.uscc);
  assert.equal(held.body.outcome, 'clear');
  assert.deepEqual(held.body.held, [entryId]);
  assert.equal(held.body.measures.length, 0);

  assert.equal((await office.post(`/api/v1/objections/${filed.body.id}/forward`)).body.status, 'with_provider');
  const decided = await s.court.post(`/api/v1/objections/${filed.body.id}/decide`, { outcome: 'verified', note: '经核实，被执行人尚未履行' });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  assert.equal(decided.body.status, 'decided');
  const back = await check(org.uscc);
  assert.equal(back.body.outcome, 'restrict');
  assert.deepEqual(back.body.held, []);

  const progress = await pub().get(`/api/v1/public/objections/${filed.body.receiptCode}`);
  assert.equal(progress.body.status, 'decided');
  assert.equal(progress.body.outcome, 'verified');
  assert.equal(JSON.stringify(progress.body).includes('13800000000'), false, 'no applicant details by receipt code');

  const types = (await s.admin.get('/api/v1/changes?after=0&limit=1000')).body.changes.filter((c: { type: string; data: { entryId?: string } }) => c.data.entryId === entryId && c.type.startsWith('entry.')).map((c: { type: string }) => c.type);
  assert.deepEqual(types, ['entry.published', 'entry.held', 'entry.released']);
});

test('decided delete: the entry is revoked, the feed says so and names the departments that acted', async () => {
  const { org, entryId } = await listed('（2026）豫01执O2号');
  const c = await check(org.uscc);
  await s.financeSystem.post(`/api/v1/checks/${c.body.checkId}/feedback`, { measures: [{ code: s.measures.org, action: 'applied' }], note: '取消投标资格' });
  const filed = await file(entryId);
  await office.post(`/api/v1/objections/${filed.body.id}/accept`);
  await office.post(`/api/v1/objections/${filed.body.id}/forward`);
  const decided = await s.court.post(`/api/v1/objections/${filed.body.id}/decide`, { outcome: 'delete', note: '认定错误，撤销' });
  assert.equal(decided.body.outcome, 'delete');
  assert.equal((await s.court.get(`/api/v1/list-entries/${entryId}`)).body.status, 'revoked');
  assert.equal((await check(org.uscc)).body.outcome, 'clear');
  const feed = await s.financeSystem.get('/api/v1/changes?after=0&limit=1000');
  const revoked = feed.body.changes.find((x: { type: string; data: { entryId: string } }) => x.type === 'entry.revoked' && x.data.entryId === entryId);
  assert.ok(revoked, 'the implementing department sees the revocation in its feed');
  assert.deepEqual(revoked.data.actedBy.map((a: { department: string; checkId: string }) => [a.department, a.checkId]), [[s.departments.finance, c.body.checkId]]);
});

test('decided update: corrected entry back in force with the correction pushed', async () => {
  const { entryId } = await listed('（2026）豫01执O3号');
  const filed = await file(entryId);
  await office.post(`/api/v1/objections/${filed.body.id}/accept`);
  const noCorrection = await s.court.post(`/api/v1/objections/${filed.body.id}/decide`, { outcome: 'update', note: '更正期限' });
  assert.equal(noCorrection.status, 400);
  const r = await s.court.post(`/api/v1/objections/${filed.body.id}/decide`, { outcome: 'update', note: '更正期限', correction: { endsOn: '2027-05-31' } });
  assert.equal(r.status, 200);
  const e = await s.court.get(`/api/v1/list-entries/${entryId}`);
  assert.equal(e.body.status, 'active');
  assert.equal(e.body.endsOn, '2027-05-31');
});

test('returned objections hold nothing; wrong states are refused; only the provider decides', async () => {
  const { org, entryId } = await listed('（2026）豫01执O4号');
  const filed = await file(entryId);
  assert.equal((await s.court.post(`/api/v1/objections/${filed.body.id}/decide`, { outcome: 'delete', note: 'x' })).status, 409, 'not accepted yet');
  assert.equal((await s.court.post(`/api/v1/objections/${filed.body.id}/accept`)).status, 403, 'acceptance is the credit office\'s');
  const returned = await office.post(`/api/v1/objections/${filed.body.id}/return`, { note: '材料不全，请补充执行完毕的证明' });
  assert.equal(returned.body.status, 'returned');
  assert.equal((await check(org.uscc)).body.outcome, 'restrict');
  const second = await file(entryId);
  await office.post(`/api/v1/objections/${second.body.id}/accept`);
  const stranger = client(p.baseUrl, await makeKey(p.ctx, { department: (await makeDepartment(p.ctx)).code, role: 'officer' }));
  assert.equal((await stranger.post(`/api/v1/objections/${second.body.id}/decide`, { outcome: 'delete', note: 'x' })).status, 404);
  assert.equal((await stranger.get(`/api/v1/objections/${second.body.id}`)).status, 404);
  assert.equal((await s.tax.get('/api/v1/objections')).body.items.length, 0);
});

test('overdue objections are flagged to the credit office; the applicant contact is shown only to staff', async () => {
  const { entryId } = await listed('（2026）豫01执O5号');
  const filed = await file(entryId);
  await sql`UPDATE objection SET accept_due_on = '2026-01-05' WHERE id = ${filed.body.id}`.execute(p.ctx.db);
  const overdue = await office.get('/api/v1/objections?overdue=true');
  assert.ok(overdue.body.items.some((o: { id: string; overdue: boolean }) => o.id === filed.body.id && o.overdue));
  const detail = await office.get(`/api/v1/objections/${filed.body.id}`);
  assert.equal(detail.body.applicant.contact, '13800000000');
  const raw = await p.ctx.db.selectFrom('objection').select('applicant_cipher').where('id', '=', filed.body.id).executeTakeFirstOrThrow();
  assert.ok(!raw.applicant_cipher.toString('latin1').includes('13800000000'), 'contact encrypted at rest');
});

test('an objection needs an existing, active target', async () => {
  assert.equal((await pub().post('/api/v1/objections', { target: { entryId: '00000000-0000-0000-0000-000000000000' }, reason: '没有这条记录', applicant: { name: '某', contact: '13800000000' } })).status, 404);
  const bad = await pub().post('/api/v1/objections', { target: {}, reason: '短', applicant: { name: '某', contact: '1' } });
  assert.equal(bad.status, 400);
});
