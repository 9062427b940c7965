// Credit repair (信用修复): conditions the platform checks itself, decision by the initiating
// department, and approval that removes the entry everywhere and issues a certificate.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { uscc } from './support/factories.js';
import { client } from './support/http.js';
import { pdfText } from './support/pdf.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const pub = () => client(p.baseUrl);
const commitment = '本单位郑重承诺：已全部履行生效法律文书确定的义务，今后依法诚信经营，如有违反愿承担相应责任。';
const evidence = [{ kind: 'fulfilment', name: '执行完毕证明.pdf' }];

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  assert.equal((await s.admin.post(`/api/v1/list-types/${s.codes.debtor}/policy`, { repairMinMonths: 12, repairRequires: ['training'] })).status, 200);
});
after(() => p.close());

async function listed(decidedOn: string, n: string) {
  const org = { kind: 'organization', uscc: uscc(), name: `河南修复样本${n}有限公司` };
  const e = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: org, reason: '拒不履行', decisionNo: `（修）${n}`, decidedOn, startsOn: decidedOn, endsOn: null });
  assert.equal(e.status, 201);
  return { org, entryId: e.body.id as string };
}
const ask = (entryId: string, ev = [...evidence, { kind: 'training', name: '信用修复培训结业证明.pdf' }]) =>
  pub().post('/api/v1/repairs', { target: { entryId }, applicant: { name: '王会计', contact: 'wang@example.com' }, reason: '已履行全部义务', commitment, evidence: ev });

test('refused before the minimum period, with the reasons; nothing is stored', async () => {
  const { entryId } = await listed('2026-06-01', 'A');
  const r = await ask(entryId);
  assert.equal(r.status, 422);
  assert.equal(r.body.code, 'REPAIR_CONDITIONS_NOT_MET');
  assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['MIN_PERIOD']);
  assert.match(r.body.detail, /2027-06-01/);
  assert.equal((await s.court.get('/api/v1/repairs')).body.items.length, 0);
});

test('required materials are asked for', async () => {
  const { entryId } = await listed('2025-01-10', 'B');
  const r = await ask(entryId, evidence);
  assert.equal(r.status, 422);
  assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['EVIDENCE']);
  assert.match(r.body.errors[0].message, /培训/);
});

test('accepted after the period; approval removes the entry, the check is clear, the feed says so, a certificate is issued', async () => {
  const { org, entryId } = await listed('2025-03-01', 'C');
  const check = () => s.financeSystem.post('/api/v1/checks', { subject: { uscc: org.uscc }, matterCode: s.codes.matter });
  assert.equal((await check()).body.outcome, 'restrict');
  const r = await ask(entryId);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.match(r.body.receiptCode, /^R\d{8}/);
  assert.ok(r.body.conditions.every((c: { met: boolean }) => c.met));
  assert.equal((await ask(entryId)).status, 409, 'one pending request at a time');
  const queue = await s.court.get('/api/v1/repairs?status=submitted');
  assert.equal(queue.body.items[0].id, r.body.id);
  assert.equal((await s.tax.post(`/api/v1/repairs/${r.body.id}/approve`, { note: '越权' })).status, 404);
  const approved = await s.court.post(`/api/v1/repairs/${r.body.id}/approve`, { note: '经审核，符合修复条件' });
  assert.equal(approved.status, 200);
  assert.equal(approved.body.status, 'approved');
  assert.match(approved.body.certificateNo, /^XF\d{8}[0-9A-F]{8}$/);
  assert.equal((await s.court.get(`/api/v1/list-entries/${entryId}`)).body.status, 'removed');
  assert.equal((await check()).body.outcome, 'clear');
  const feed = await s.financeSystem.get('/api/v1/changes?after=0&limit=1000');
  const removed = feed.body.changes.find((c: { type: string; data: { entryId: string } }) => c.type === 'entry.removed' && c.data.entryId === entryId);
  assert.equal(removed.data.repair, true);
  const progress = await pub().get(`/api/v1/public/repairs/${r.body.receiptCode}`);
  assert.equal(progress.body.status, 'approved');
  const cert = await fetch(`${p.baseUrl}/api/v1/public/repairs/${r.body.receiptCode}/certificate`);
  assert.match(cert.headers.get('content-type') ?? '', /text\/html/);
  const html = await cert.text();
  assert.ok(html.includes(org.name) && html.includes(approved.body.certificateNo) && html.includes('信用修复证明'));
  const pdf = await fetch(`${p.baseUrl}/api/v1/public/repairs/${r.body.receiptCode}/certificate?format=pdf`);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
  const flat = text.replace(/\s+/g, '');
  for (const part of ['信用修复证明', approved.body.certificateNo, org.name, org.uscc, '移出该名单']) assert.ok(flat.includes(part), `${part} in ${flat}`);
  assert.equal((await s.court.post(`/api/v1/repairs/${r.body.id}/reject`, { note: '再处理' })).status, 409);
});

test('rejection keeps the entry and says why; the repair limit counts approved repairs', async () => {
  const { entryId } = await listed('2025-02-01', 'D');
  const r = await ask(entryId);
  const rejected = await s.court.post(`/api/v1/repairs/${r.body.id}/reject`, { note: '执行款尚未全部到位' });
  assert.equal(rejected.body.status, 'rejected');
  assert.equal((await s.court.get(`/api/v1/list-entries/${entryId}`)).body.status, 'active');
  assert.equal((await pub().get(`/api/v1/public/repairs/${r.body.receiptCode}`)).body.note, '执行款尚未全部到位');
  assert.equal((await fetch(`${p.baseUrl}/api/v1/public/repairs/${r.body.receiptCode}/certificate`)).status, 404);
});
