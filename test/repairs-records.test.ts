// Credit repair of a credit record (提前终止公示 of an administrative penalty, ADR 010): the platform
// checks the record's own minimum publication period, newer records of the same kind and the repair
// limits, asks for proof and a 信用修复型 commitment; the provider department approves within the
// deadline, and approval ends publication and sharing, pushes the change and issues a certificate.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { today } from '../src/modules/calendar/use-cases.js';
import { makeKey } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { monthsAgo, providerDepartment, USCC_COLUMN } from './support/records.js';

let p: TestPlatform;
let market: Awaited<ReturnType<typeof providerDepartment>>;
let other: Awaited<ReturnType<typeof providerDepartment>>;
let officeAdmin: ReturnType<typeof client>;
const pub = () => client(p.baseUrl);
const commitment = '本单位郑重承诺：已全部履行行政处罚决定，已整改到位，今后依法诚信经营，如有违反愿承担相应责任。';
const evidence = [{ kind: 'fulfilment', name: '罚款缴纳凭证.pdf' }];

before(async () => {
  p = await startPlatform();
  market = await providerDepartment(p);
  other = await providerDepartment(p, '郑州市卫生健康委员会');
  officeAdmin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
});
after(() => p.close());

const ask = (recordId: string, ev = evidence, c = commitment) =>
  pub().post('/api/v1/repairs', { target: { recordId }, applicant: { name: '王会计', contact: 'wang@example.com' }, reason: '罚款已缴清，违法行为已整改', commitment: c, evidence: ev });
const publicItems = async (uscc: string) => (await pub().get(`/api/v1/public/records?subject=${uscc}`)).body.items as { id: string }[];

test('refused before the minimum publication period, with the date it ends; nothing is stored', async () => {
  const row = market.rows.org({ 处罚决定日期: monthsAgo(1), 失信严重程度: '一般' });
  const [recordId] = await market.deliver([row]);
  const minUntil = (await market.officer.get(`/api/v1/records/${recordId}`)).body.publication.minUntil;
  assert.ok(minUntil > today());
  const r = await ask(recordId);
  assert.equal(r.status, 422);
  assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['MIN_PERIOD']);
  assert.ok(r.body.detail.includes(minUntil), r.body.detail);
  const missing = await ask(recordId, [], '承诺');
  assert.deepEqual(missing.body.errors.map((e: { path: string }) => e.path), ['MIN_PERIOD', 'COMMITMENT', 'EVIDENCE'], 'every unmet condition at once');
  assert.equal((await market.officer.get('/api/v1/repairs')).body.items.length, 0);
});

test('a newer penalty of the same kind for the subject blocks repair of the older one', async () => {
  const older = market.rows.org({ 处罚决定日期: monthsAgo(6) });
  const newer = { ...market.rows.org({ 处罚决定日期: monthsAgo(1) }), [USCC_COLUMN]: older[USCC_COLUMN], 行政相对人名称: older['行政相对人名称'] };
  const [olderId] = await market.deliver([older, newer]);
  const r = await ask(olderId);
  assert.equal(r.status, 422);
  assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['NO_NEWER_NEGATIVE']);
});

test('accepted after the period; approval ends publication and sharing, pushes the change and issues a certificate', async () => {
  const row = market.rows.org({ 处罚决定日期: monthsAgo(5), 失信严重程度: '一般' });
  const uscc = row[USCC_COLUMN];
  const [recordId] = await market.deliver([row]);
  assert.equal((await publicItems(uscc)).length, 1);
  const r = await ask(recordId);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.match(r.body.receiptCode, /^R\d{8}/);
  assert.ok(r.body.conditions.every((c: { met: boolean }) => c.met));
  assert.equal((await ask(recordId)).status, 409, 'one pending request at a time');

  const queue = (await market.officer.get('/api/v1/repairs?status=submitted')).body.items;
  assert.deepEqual(queue.map((x: { id: string; kind: string; target: { type: string } }) => [x.id, x.kind, x.target.type]), [[r.body.id, 'penalty_unpublish', 'record']]);
  assert.ok(queue[0].decideDueOn > today(), 'a working-day deadline');
  const detail = (await market.officer.get(`/api/v1/repairs/${r.body.id}`)).body;
  assert.deepEqual([detail.subject.name, detail.subject.uscc, detail.decider.code], [row['行政相对人名称'], uscc, market.code]);
  assert.equal((await other.officer.post(`/api/v1/repairs/${r.body.id}/approve`, { note: '越权' })).status, 404, 'another department cannot decide');
  assert.equal((await other.officer.get(`/api/v1/repairs/${r.body.id}`)).status, 404);

  const approved = await market.officer.post(`/api/v1/repairs/${r.body.id}/approve`, { note: '经审核，已履行处罚决定并完成整改' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.match(approved.body.certificateNo, /^XF\d{8}[0-9A-F]{8}$/);
  assert.deepEqual(await publicItems(uscc), []);
  const own = (await market.officer.get(`/api/v1/records/${recordId}`)).body;
  assert.deepEqual([own.status, own.sharing], ['unpublished', false], 'the provider keeps it, unshared');
  assert.equal((await other.officer.get(`/api/v1/records/${recordId}`)).status, 404, 'sharing stopped');
  const feed = await other.officer.get('/api/v1/changes?after=0&limit=1000');
  const removed = feed.body.changes.find((c: { type: string; data: { id: string } }) => c.type === 'record.removed' && c.data.id === recordId);
  assert.deepEqual([removed.data.repair, removed.data.repairId, removed.data.status], [true, r.body.id, 'unpublished']);

  const cert = await fetch(`${p.baseUrl}/api/v1/public/repairs/${r.body.receiptCode}/certificate`);
  const html = await cert.text();
  for (const part of [row['行政相对人名称'], approved.body.certificateNo, '行政处罚', row['行政处罚决定书文号'], '终止公示', '郑州市市场监督管理局']) assert.ok(html.includes(part), part);
  assert.equal((await pub().get(`/api/v1/public/repairs/${r.body.receiptCode}`)).body.status, 'approved');
  assert.equal((await ask(recordId)).status, 409, 'nothing left to repair');

  // the department delivering the same penalty again, corrected, does not bring it back
  await market.deliver([{ ...row, 违法事实: `${row['违法事实']}（更正）` }]);
  const again = (await market.officer.get(`/api/v1/records/${recordId}`)).body;
  assert.deepEqual([again.version, again.status, again.sharing], [2, 'unpublished', false]);
  assert.deepEqual(await publicItems(uscc), []);
});

test('rejection keeps the record published and says why; the repair limit counts approved record repairs', async () => {
  const row = market.rows.org({ 处罚决定日期: monthsAgo(5) });
  const [recordId] = await market.deliver([row]);
  const r = await ask(recordId);
  const rejected = await market.officer.post(`/api/v1/repairs/${r.body.id}/reject`, { note: '罚款尚未缴清' });
  assert.equal(rejected.body.status, 'rejected');
  assert.equal((await publicItems(row[USCC_COLUMN])).length, 1);
  assert.equal((await pub().get(`/api/v1/public/repairs/${r.body.receiptCode}`)).body.note, '罚款尚未缴清');

  // two approved repairs of this subject's penalties in the last five years: a third is refused
  const first = market.rows.org({ 处罚决定日期: monthsAgo(9) });
  const second = { ...market.rows.org({ 处罚决定日期: monthsAgo(8) }), [USCC_COLUMN]: first[USCC_COLUMN], 行政相对人名称: first['行政相对人名称'] };
  const [a, b] = await market.deliver([first, second]);
  const ra = await ask(b); // the newer first: an older one is blocked while a newer one is published
  assert.equal(ra.status, 201, JSON.stringify(ra.body));
  await officeAdmin.post(`/api/v1/repairs/${ra.body.id}/approve`, { note: '信用办审核同意' });
  await sql`UPDATE repair SET decided_at = now() - interval '2 years' WHERE id = ${ra.body.id}::uuid`.execute(p.ctx.db); // out of the cooling-off period
  const rb = await ask(a);
  assert.equal(rb.status, 201, JSON.stringify(rb.body));
  await market.officer.post(`/api/v1/repairs/${rb.body.id}/approve`, { note: '同意' });
  await sql`UPDATE repair SET decided_at = now() - interval '13 months' WHERE id = ${rb.body.id}::uuid`.execute(p.ctx.db);
  const third = { ...market.rows.org({ 处罚决定日期: monthsAgo(7) }), [USCC_COLUMN]: first[USCC_COLUMN], 行政相对人名称: first['行政相对人名称'] };
  const [c] = await market.deliver([third]);
  const rc = await ask(c);
  assert.equal(rc.status, 422);
  assert.deepEqual(rc.body.errors.map((e: { path: string }) => e.path), ['REPAIR_LIMIT']);
});
