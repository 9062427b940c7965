// Objections about credit records (ADR 010): a 行政处罚 record delivered by its provider is objected
// to by the public, accepted by the credit office — held: the portal and the feed mark it 异议处理中 —
// and decided by the provider: verified (back), unpublish (off the portal, still shared), delete (off
// publication and sharing), update (a corrected version, the old one in history).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { today } from '../src/modules/calendar/use-cases.js';
import { sweepPublication } from '../src/modules/records/sweep.js';
import { makeKey } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { monthsAgo, providerDepartment, USCC_COLUMN } from './support/records.js';

let p: TestPlatform;
let market: Awaited<ReturnType<typeof providerDepartment>>;
let other: Awaited<ReturnType<typeof providerDepartment>>;
let office: ReturnType<typeof client>;
let officeAdmin: ReturnType<typeof client>;
const pub = () => client(p.baseUrl);

before(async () => {
  p = await startPlatform();
  market = await providerDepartment(p);
  other = await providerDepartment(p, '郑州市生态环境局');
  office = client(p.baseUrl, await makeKey(p.ctx, { role: 'officer' }));
  officeAdmin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
});
after(() => p.close());

async function penalty() {
  const row = market.rows.org({ 处罚决定日期: monthsAgo(1) });
  const [recordId] = await market.deliver([row]);
  return { row, uscc: row[USCC_COLUMN], recordId };
}
const file = (recordId: string) => pub().post('/api/v1/objections', { target: { recordId }, reason: '该处罚决定已被复议机关撤销，不应继续公示', applicant: { name: '刘经理', contact: '13900000000' }, attachments: [{ name: '行政复议决定书.pdf' }] });
async function acceptedAndForwarded(recordId: string) {
  const filed = await file(recordId);
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  assert.equal((await office.post(`/api/v1/objections/${filed.body.id}/accept`)).status, 200);
  assert.equal((await office.post(`/api/v1/objections/${filed.body.id}/forward`)).body.status, 'with_provider');
  return filed.body as { id: string; receiptCode: string };
}
const publicItems = async (uscc: string) => (await pub().get(`/api/v1/public/records?subject=${uscc}`)).body.items as { id: string; status: string; mark: string | null }[];
async function recordChanges(recordId: string) {
  const feed = await officeAdmin.get('/api/v1/changes?after=0&limit=1000');
  return feed.body.changes.filter((c: { type: string; data: { id?: string } }) => c.type.startsWith('record.') && c.data.id === recordId);
}

test('accepted → held: the portal shows the record marked 异议处理中 and the feed says so; verified → back, pushed again', async () => {
  const { uscc, recordId } = await penalty();
  const filed = await file(recordId);
  assert.equal(filed.status, 201);
  assert.match(filed.body.receiptCode, /^O\d{8}/);
  assert.equal((await publicItems(uscc))[0].status, 'active', 'filing alone holds nothing');

  const accepted = await office.post(`/api/v1/objections/${filed.body.id}/accept`);
  assert.equal(accepted.body.status, 'accepted');
  const shown = await publicItems(uscc);
  assert.deepEqual(shown.map((i) => [i.id, i.status, i.mark]), [[recordId, 'held', '异议处理中']]);
  // and on the 双公示 pages, which list the info type across subjects
  const listed = (await client(p.baseUrl).get('/api/v1/public/records?type=admin_penalty&pageSize=100')).body.items.find((i: { id: string }) => i.id === recordId);
  assert.deepEqual([listed?.status, listed?.mark], ['held', '异议处理中']);
  const staff = (await other.officer.get(`/api/v1/records/${recordId}`)).body;
  assert.deepEqual([staff.status, staff.mark], ['held', '异议处理中'], 'another department sees the mark where the record is shared');
  const held = (await recordChanges(recordId)).find((c: { type: string }) => c.type === 'record.held');
  assert.equal(held.data.objectionId, filed.body.id);
  assert.equal((await other.officer.get('/api/v1/changes?after=0&limit=1000')).body.changes.some((c: { type: string; data: { id: string } }) => c.type === 'record.held' && c.data.id === recordId), true, 'a public record\'s hold reaches every department');

  await office.post(`/api/v1/objections/${filed.body.id}/forward`);
  const decided = await market.officer.post(`/api/v1/objections/${filed.body.id}/decide`, { outcome: 'verified', note: '经核实，处罚决定合法有效' });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  assert.deepEqual((await publicItems(uscc)).map((i) => [i.status, i.mark]), [['active', null]]);
  assert.deepEqual((await recordChanges(recordId)).map((c: { type: string }) => c.type), ['record.published', 'record.held', 'record.released']);
  const history = (await market.officer.get(`/api/v1/records/${recordId}`)).body.history;
  assert.deepEqual(history.map((h: { from: string; to: string }) => `${h.from}→${h.to}`), ['active→held', 'held→active']);
  assert.equal((await pub().get(`/api/v1/public/objections/${filed.body.receiptCode}`)).body.outcome, 'verified');
});

test('decided unpublish (取消公示): off the portal, still in the provider\'s history and still shared with departments', async () => {
  const { uscc, recordId } = await penalty();
  const o = await acceptedAndForwarded(recordId);
  const r = await market.officer.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'unpublish', note: '轻微违法，依规不予公示' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(await publicItems(uscc), []);
  const own = (await market.officer.get(`/api/v1/records/${recordId}`)).body;
  assert.deepEqual([own.status, own.sharing], ['unpublished', true]);
  assert.equal((await other.officer.get(`/api/v1/records/${recordId}`)).status, 200, 'sharing between departments continues');
  const removed = (await recordChanges(recordId)).at(-1);
  assert.deepEqual([removed.type, removed.data.status, removed.data.outcome], ['record.removed', 'unpublished', 'unpublish']);
});

test('decided delete: off publication and sharing; the provider and the credit office keep it as history', async () => {
  const { uscc, recordId } = await penalty();
  const o = await acceptedAndForwarded(recordId);
  assert.equal((await market.officer.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'delete', note: '处罚决定已被撤销' })).status, 200);
  assert.deepEqual(await publicItems(uscc), []);
  assert.equal((await market.officer.get(`/api/v1/records/${recordId}`)).body.status, 'revoked');
  assert.equal((await officeAdmin.get(`/api/v1/records/${recordId}`)).status, 200);
  assert.equal((await other.officer.get(`/api/v1/records/${recordId}`)).status, 404, 'no longer shared');
  assert.deepEqual((await other.officer.get(`/api/v1/records?subject=${uscc}`)).body.items, []);
  const revoked = (await recordChanges(recordId)).at(-1);
  assert.deepEqual([revoked.type, revoked.data.sharing], ['record.revoked', false]);
  assert.equal((await file(recordId)).status, 409, 'nothing left to object to');
});

test('decided update: a corrected version becomes current, the old one stays in history; bad corrections are refused', async () => {
  const { uscc, recordId } = await penalty();
  const o = await acceptedAndForwarded(recordId);
  const decide = (body: object) => market.officer.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'update', note: '罚款金额录入有误', ...body });
  assert.equal((await decide({})).status, 400, 'an update needs the corrected values');
  const unknown = await decide({ correction: { fields: { no_such_field: '1' } } });
  assert.deepEqual([unknown.status, unknown.body.errors[0].path], [400, 'body.correction.fields.no_such_field']);
  const invalid = await decide({ correction: { fields: { penalty_type: '批评教育' } } });
  assert.deepEqual([invalid.status, invalid.body.errors[0].path], [400, 'body.correction.fields.penalty_type']);
  assert.match(invalid.body.errors[0].message, /[\u4e00-\u9fa5]/);
  const keyChange = await decide({ correction: { fields: { decision_no: '另一文号' } } });
  assert.equal(keyChange.status, 400, 'the natural key stays');
  assert.equal((await market.officer.get(`/api/v1/records/${recordId}`)).body.status, 'held', 'refused corrections change nothing');

  const ok = await decide({ correction: { fields: { fine_amount: '1', penalty_content: '警告，罚款 1 万元' } } });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  const rec = (await market.officer.get(`/api/v1/records/${recordId}`)).body;
  assert.deepEqual([rec.version, rec.status, rec.fields.fine_amount, rec.fields.penalty_content], [2, 'active', '1', '警告，罚款 1 万元']);
  assert.deepEqual(rec.versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[2, 'active'], [1, 'corrected']]);
  assert.equal((await publicItems(uscc))[0].fields.find((f: { key: string }) => f.key === 'fine_amount').value, '1');
  const corrected = (await recordChanges(recordId)).at(-1);
  assert.deepEqual([corrected.type, corrected.data.version], ['record.corrected', 2]);
});

test('GET /objections/{id} names the subject (masked) and the provider department', async () => {
  const { row, recordId } = await penalty();
  const filed = await file(recordId);
  const detail = (await office.get(`/api/v1/objections/${filed.body.id}`)).body;
  assert.deepEqual(detail.target, { type: 'record', id: recordId });
  assert.deepEqual(detail.subject, { name: row['行政相对人名称'], uscc: row[USCC_COLUMN], idNumberMasked: null });
  assert.deepEqual(detail.provider, { code: market.code, name: '郑州市市场监督管理局' });

  const person = market.rows.person({ 处罚决定日期: monthsAgo(1) });
  const [personRecord] = await market.deliver([person]);
  const o = (await file(personRecord)).body;
  const about = (await office.get(`/api/v1/objections/${o.id}`)).body.subject;
  assert.equal(about.idNumberMasked, `${person['证件号码'].slice(0, 4)}${'*'.repeat(10)}${person['证件号码'].slice(-4)}`);
  assert.equal(JSON.stringify(about).includes(person['证件号码']), false, 'never the whole ID number');
});

test('only the record\'s provider (or the credit office\'s admin) decides; another department sees nothing', async () => {
  const { recordId } = await penalty();
  const o = await acceptedAndForwarded(recordId);
  assert.equal((await other.officer.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'delete', note: '越权' })).status, 404);
  assert.equal((await other.officer.get(`/api/v1/objections/${o.id}`)).status, 404);
  assert.ok(!(await other.officer.get('/api/v1/objections')).body.items.some((x: { id: string }) => x.id === o.id));
  assert.equal((await market.officer.get('/api/v1/objections')).body.items.some((x: { id: string }) => x.id === o.id), true);
  assert.equal((await market.officer.get(`/api/v1/records/${recordId}`)).body.status, 'held');
  assert.equal((await officeAdmin.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'verified', note: '信用办核实' })).status, 200);
});

test('a re-delivered row keeps a held record held; unknown or ended records cannot be objected to', async () => {
  const { row, recordId } = await penalty();
  const filed = await file(recordId);
  await office.post(`/api/v1/objections/${filed.body.id}/accept`);
  await market.deliver([{ ...row, 违法事实: `${row['违法事实']}（补充）` }]);
  const rec = (await market.officer.get(`/api/v1/records/${recordId}`)).body;
  assert.deepEqual([rec.version, rec.status], [2, 'held'], 'a new delivery does not lift the hold');
  const missing = await pub().post('/api/v1/objections', { target: { recordId: '00000000-0000-0000-0000-000000000000' }, reason: '没有这条记录', applicant: { name: '某', contact: '13800000000' } });
  assert.equal(missing.status, 404);
  assert.equal((await pub().post('/api/v1/objections', { target: { recordId: 'x' }, reason: '无效编号啊', applicant: { name: '某', contact: '13800000000' } })).status, 404);
});

test('an objection does not extend publication: a held record past its maximum window is swept off, and can still be deleted', async () => {
  const { uscc, recordId } = await penalty();
  const o = await acceptedAndForwarded(recordId);
  // the window ended yesterday (as if decided long ago): only this record is due
  await sql`UPDATE credit_record SET max_publish_until = current_date - 1 WHERE record_id = ${recordId}::uuid AND is_current`.execute(p.ctx.db);
  assert.ok(await sweepPublication(p.ctx.db) >= 1);
  assert.deepEqual(await publicItems(uscc), []);
  const rec = (await market.officer.get(`/api/v1/records/${recordId}`)).body;
  assert.equal(rec.status, 'expired');
  assert.deepEqual(rec.history.map((h: { from: string; to: string }) => `${h.from}→${h.to}`), ['active→held', 'held→expired']);
  assert.equal((await recordChanges(recordId)).at(-1).type, 'record.expired');
  assert.equal((await market.officer.post(`/api/v1/objections/${o.id}/decide`, { outcome: 'delete', note: '处罚决定已撤销' })).status, 200);
  assert.equal((await market.officer.get(`/api/v1/records/${recordId}`)).body.status, 'revoked');
});

test('an info type may set its own objection deadlines (working days), like a list type', async () => {
  const due = async (days: number) => (await officeAdmin.get(`/api/v1/calendar/deadline?from=${today()}&workingDays=${days}`)).body.date;
  const before = (await file((await penalty()).recordId)).body;
  assert.equal(before.acceptDueOn, await due(1), 'the platform default: accept within 1 working day');
  const { code: _code, version: _v, categoryName: _c, updatedAt: _u, ...definition } = (await officeAdmin.get('/api/v1/catalog/info-types/admin_penalty')).body;
  const put = await officeAdmin.put('/api/v1/catalog/info-types/admin_penalty', { ...definition, objectionDays: [3, 4, 10] });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  const { recordId } = await penalty();
  const o = (await file(recordId)).body;
  assert.equal(o.acceptDueOn, await due(3));
  await office.post(`/api/v1/objections/${o.id}/accept`);
  assert.equal((await office.get(`/api/v1/objections/${o.id}`)).body.dueOn, await due(4), 'forward within 4');
  await office.post(`/api/v1/objections/${o.id}/forward`);
  assert.equal((await office.get(`/api/v1/objections/${o.id}`)).body.dueOn, await due(10), 'decide within 10');
});
