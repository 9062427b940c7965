// The joint-action loop end to end (发起—响应—反馈), through the HTTP contract of DESIGN §5.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { sequenceChanges } from '../src/modules/changes/sequencer.js';
import { expireEntries } from '../src/modules/lists/expiry.js';
import { idNumber, uscc } from './support/factories.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const org = { kind: 'organization', uscc: uscc(), name: '河南失信样本建设有限公司' };
const rep = { role: 'legal_representative', name: '刘某某', idNumber: idNumber({ birthDate: '1975-05-05' }) };
let entryId: string;

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p, { accept: false });
});
after(() => p.close());

const check = (subject: object) => s.financeSystem.post('/api/v1/checks', { subject, matterCode: s.codes.matter });

test('listing pushes a response task; before acceptance no measure applies', async () => {
  const r = await s.court.post('/api/v1/list-entries', {
    listType: s.codes.debtor, subject: org, reason: '有履行能力而拒不履行生效法律文书确定的义务', decisionNo: '（2026）豫01执123号',
    decidedOn: '2026-03-02', startsOn: '2026-03-02', responsiblePersons: [rep],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.status, 'active');
  assert.equal(r.body.endsOn, '2028-03-01', 'default term of the list type (24 months)');
  assert.equal(r.body.responsiblePersons[0].role, 'legal_representative');
  entryId = r.body.id;
  const tasks = await s.financeOfficer.get('/api/v1/tasks?status=pending');
  assert.equal(tasks.body.counts.pending, 1);
  assert.equal(tasks.body.items[0].entry.id, entryId);
  // a feed reader meets the entry before the tasks it caused
  const feed = (await s.financeOfficer.get('/api/v1/changes?after=0&limit=1000')).body.changes as { type: string; data: { entryId?: string } }[];
  const mine = feed.filter((c) => c.data.entryId === entryId).map((c) => c.type);
  assert.deepEqual(mine.slice(0, 2), ['entry.published', 'task.created']);
  const before = await check({ uscc: org.uscc });
  assert.equal(before.body.outcome, 'clear', 'the memorandum is not accepted yet');
  assert.equal(before.body.entries.length, 1, 'the entry is still shown');
});

test('after acceptance the organisation check restricts, with legal basis and the causing entry', async () => {
  assert.equal((await s.financeOfficer.post(`/api/v1/memoranda/${s.codes.memo}/accept`)).status, 200);
  const tasks = await s.financeOfficer.get('/api/v1/tasks?status=pending');
  assert.equal((await s.financeOfficer.post(`/api/v1/tasks/${tasks.body.items[0].id}/acknowledge`)).status, 200);
  assert.equal((await s.financeOfficer.get('/api/v1/tasks')).body.counts.pending, 0);

  const r = await check({ uscc: org.uscc.toLowerCase() });
  assert.equal(r.status, 200);
  assert.equal(r.body.outcome, 'restrict');
  assert.equal(r.body.aggravated, false);
  assert.equal(r.body.greenChannel, false);
  assert.deepEqual(r.body.measures.map((m: { code: string }) => m.code), [s.measures.org], 'only the procurement measure: the licence one is for another matter category; the person one not for organisations');
  assert.equal(r.body.measures[0].legalBasis, '《政府采购法》第二十二条');
  assert.equal(r.body.measures[0].nature, 'mandatory');
  assert.deepEqual(r.body.measures[0].entryIds, [entryId]);
  assert.match(r.body.feedbackDueOn, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(Number.isInteger(r.body.dataVersion) && r.body.dataVersion >= 0);
  assert.match(r.body.checkId, /^[0-9a-f-]{36}$/);
});

test('the legal representative is reached through the organisation (落实到人)', async () => {
  const r = await check({ idNumber: rep.idNumber });
  assert.equal(r.body.subject.kind, 'natural_person');
  assert.equal(r.body.subject.idNumberMasked.length, 18);
  assert.deepEqual(r.body.measures.map((m: { code: string }) => m.code), [s.measures.person]);
  assert.equal(r.body.entries[0].via.role, 'legal_representative');
  assert.equal(r.body.entries[0].via.uscc, org.uscc);
});

test('a second domain\'s black list aggravates', async () => {
  const r = await s.tax.post('/api/v1/list-entries', { listType: s.codes.taxMajor, subject: org, reason: '偷税', decisionNo: '豫税稽罚〔2026〕8号', decidedOn: '2026-05-01', startsOn: '2026-05-01' });
  assert.equal(r.status, 201);
  await sequenceChanges(p.ctx.db);
  const published = await p.ctx.db.selectFrom('change').select('seq').where(sql<boolean>`data->>'entryId' = ${r.body.id}`).where('type', '=', 'entry.published').executeTakeFirstOrThrow();
  const c = await check({ uscc: org.uscc });
  assert.equal(c.body.aggravated, true);
  assert.ok(c.body.dataVersion >= Number(published.seq), 'the answer names a data version that includes the listing');
  assert.deepEqual(c.body.measures[0].entryIds.length, 2);
});

test('feedback: note and reasons are required, one feedback per check, then it is closed', async () => {
  const c = await check({ uscc: org.uscc });
  const url = `/api/v1/checks/${c.body.checkId}/feedback`;
  const noNote = await s.financeSystem.post(url, { measures: [{ code: s.measures.org, action: 'applied' }], note: ' ' });
  assert.equal(noNote.status, 400);
  const noReason = await s.financeSystem.post(url, { measures: [{ code: s.measures.org, action: 'not_applied' }], note: '已核查' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.errors[0].path, 'body.measures.0.reason');
  const missing = await s.financeSystem.post(url, { measures: [], note: '已核查' });
  assert.equal(missing.status, 400);
  const ok = await s.financeSystem.post(url, { measures: [{ code: s.measures.org, action: 'applied' }], amount: 1250000, note: '取消其本次投标资格' });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.late, false);
  assert.equal((await s.financeSystem.post(url, { measures: [{ code: s.measures.org, action: 'applied' }], note: '再次' })).status, 409);
  const stored = await s.financeOfficer.get(`/api/v1/checks/${c.body.checkId}`);
  assert.equal(stored.body.feedbackStatus, 'closed');
  assert.equal(stored.body.feedback.amount, 1250000);
  const clear = await check({ uscc: uscc() });
  assert.equal((await s.financeSystem.post(`/api/v1/checks/${clear.body.checkId}/feedback`, { measures: [], note: 'x' })).status, 409);
});

test('overdue feedback is flagged', async () => {
  const c = await check({ uscc: org.uscc });
  await sql`UPDATE credit_check SET feedback_due_on = '2026-01-05' WHERE id = ${c.body.checkId}`.execute(p.ctx.db);
  const overdue = await s.financeOfficer.get('/api/v1/checks?status=overdue');
  assert.ok(overdue.body.items.some((x: { checkId: string; overdue: boolean }) => x.checkId === c.body.checkId && x.overdue));
  const open = await s.financeOfficer.get('/api/v1/checks?status=open');
  assert.ok(open.body.items.every((x: { feedbackStatus: string }) => x.feedbackStatus === 'open'));
});

test('red lists reward and open the green channel', async () => {
  await s.financeOfficer.post(`/api/v1/memoranda/${s.codes.memoRed}/accept`);
  const good = { kind: 'organization', uscc: uscc(), name: '河南守信样本科技有限公司' };
  assert.equal((await s.tax.post('/api/v1/list-entries', { listType: s.codes.aTaxpayer, subject: good, reason: '2025年度纳税信用评价A级', decisionNo: 'A-2026-001', decidedOn: '2026-04-01', startsOn: '2026-04-01' })).status, 201);
  const r = await check({ uscc: good.uscc });
  assert.equal(r.body.outcome, 'reward');
  assert.equal(r.body.greenChannel, true);
  assert.equal(r.body.measures[0].kind, 'reward');
});

test('an expired entry no longer applies, and expiry is swept and pushed', async () => {
  const old = { kind: 'organization', uscc: uscc(), name: '河南过期样本商贸有限公司' };
  const r = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: old, reason: '拒不履行', decisionNo: '（2023）豫01执9号', decidedOn: '2023-01-10', startsOn: '2023-01-10', endsOn: '2025-01-09' });
  assert.equal(r.status, 201);
  assert.equal(r.body.status, 'expired', 'a term that already ended is history at once');
  const tasks = await s.financeOfficer.get('/api/v1/tasks?limit=500');
  assert.ok(!tasks.body.items.some((t: { entry: { id: string } }) => t.entry.id === r.body.id), 'no response task for an entry already expired');
  assert.equal((await check({ uscc: old.uscc })).body.outcome, 'clear', 'its term ended: no measures even before the sweep');
  await expireEntries(p.ctx.db); // the worker's own sweep may have been first
  const e = await s.court.get(`/api/v1/list-entries/${r.body.id}`);
  assert.equal(e.body.status, 'expired');
  assert.deepEqual(e.body.history.map((h: { to: string }) => h.to), ['active', 'expired']);
  const changes = await s.admin.get('/api/v1/changes?after=0&limit=1000');
  assert.ok(changes.body.changes.some((c: { type: string; data: { entryId: string } }) => c.type === 'entry.expired' && c.data.entryId === r.body.id));
});

test('entries with dates that do not exist are refused', async () => {
  const r = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: { kind: 'organization', uscc: uscc(), name: '河南日期样本有限公司' }, reason: '拒不履行', decisionNo: '（2026）豫01执88号', decidedOn: '2026-02-30', startsOn: '2026-03-01' });
  assert.equal(r.status, 400);
  assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['body.decidedOn']);
  assert.match(r.body.detail, /有效的日期/);
});

test('a check by name never guesses; unknown subjects are clear and still logged', async () => {
  const byName = await check({ name: '失信样本建设' });
  assert.equal(byName.status, 200, JSON.stringify(byName.body));
  assert.equal(byName.body.outcome, 'unresolved');
  assert.ok(byName.body.candidates?.length, JSON.stringify(byName.body));
  assert.equal(byName.body.measures.length, 0);
  assert.equal(byName.body.candidates[0].uscc, org.uscc);
  const unknown = await check({ uscc: uscc() });
  assert.equal(unknown.body.outcome, 'clear');
  assert.equal(unknown.body.subject.known, false);
  const stored = await s.financeOfficer.get(`/api/v1/checks/${unknown.body.checkId}`);
  assert.equal(stored.status, 200);
});

test('batch: 1,000 subjects in one call, each answered and logged', async () => {
  const subjects = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? { uscc: org.uscc } : { uscc: uscc() }));
  const r = await s.financeSystem.post('/api/v1/checks/batch', { subjects, matterCode: s.codes.matter });
  assert.equal(r.status, 200);
  assert.equal(r.body.results.length, 1000);
  assert.equal(r.body.results.filter((x: { outcome: string }) => x.outcome === 'restrict').length, 10);
  assert.equal(new Set(r.body.results.map((x: { checkId: string }) => x.checkId)).size, 1000);
  const tooMany = await s.financeSystem.post('/api/v1/checks/batch', { subjects: [...subjects, { uscc: uscc() }], matterCode: s.codes.matter });
  assert.equal(tooMany.status, 400);
});

test('batch: a call with bad subjects stores nothing and names every bad one', async () => {
  const open = async () => (await s.financeOfficer.get('/api/v1/checks?status=open&limit=500')).body.items.length;
  const before = await open();
  const r = await s.financeSystem.post('/api/v1/checks/batch', { subjects: [{ uscc: org.uscc }, { uscc: '91410100MA00000000' }, { name: '河' }, { idNumber: '410102199001011235' }], matterCode: s.codes.matter });
  assert.equal(r.status, 400, JSON.stringify(r.body));
  const paths = r.body.errors.map((e: { path: string }) => e.path);
  assert.ok(paths.includes('body.subjects.1.uscc'), JSON.stringify(r.body.errors));
  assert.ok(paths.includes('body.subjects.3.idNumber'), JSON.stringify(r.body.errors));
  assert.equal(await open(), before, 'no open duty from a refused call');
  const short = await s.financeSystem.post('/api/v1/checks/batch', { subjects: [{ uscc: org.uscc }, { name: '河' }], matterCode: s.codes.matter });
  assert.equal(short.status, 400, JSON.stringify(short.body));
  assert.deepEqual(short.body.errors.map((e: { path: string }) => e.path), ['body.subjects.1.name']);
  assert.match(short.body.detail, /两个字/);
  assert.equal(await open(), before, 'a short name refuses the whole call');
});

test('removal by the initiating department ends the measures', async () => {
  const other = { kind: 'organization', uscc: uscc(), name: '河南移出样本物流有限公司' };
  const e = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: other, reason: '拒不履行', decisionNo: '（2026）豫01执77号', decidedOn: '2026-02-01', startsOn: '2026-02-01' });
  assert.equal((await check({ uscc: other.uscc })).body.outcome, 'restrict');
  assert.equal((await s.tax.post(`/api/v1/list-entries/${e.body.id}/remove`, { reason: '已履行' })).status, 403);
  const removed = await s.court.post(`/api/v1/list-entries/${e.body.id}/remove`, { reason: '已全部履行' });
  assert.equal(removed.body.status, 'removed');
  assert.equal((await check({ uscc: other.uscc })).body.outcome, 'clear');
});

test('the demo data walks the loop: the finance clerk sees the tax violator restricted and the A-grade taxpayer rewarded', async () => {
  const demo = await startPlatform({ demo: true });
  try {
    const { DEMO_DEPARTMENTS, DEMO_ORG, DEMO_ORGS } = await import('../src/modules/demo/fixtures.js');
    const { DEMO_MATTER } = await import('../src/modules/demo/joint-action.js');
    const { makeKey } = await import('./support/factories.js');
    const { client } = await import('./support/http.js');
    const finance = client(demo.baseUrl, await makeKey(demo.ctx, { department: DEMO_DEPARTMENTS[2].code, role: 'system' }));
    const bad = await finance.post('/api/v1/checks', { subject: { uscc: DEMO_ORGS[1].uscc }, matterCode: DEMO_MATTER });
    assert.equal(bad.body.outcome, 'restrict');
    assert.ok(bad.body.measures.some((m: { code: string }) => m.code === 'NP-PROCUREMENT-BAN'));
    const good = await finance.post('/api/v1/checks', { subject: { uscc: DEMO_ORG.uscc }, matterCode: DEMO_MATTER });
    assert.equal(good.body.outcome, 'reward');
    assert.equal(good.body.greenChannel, true);
    assert.equal((await finance.get('/api/v1/tasks')).body.counts.pending, 2);
  } finally {
    await demo.close();
  }
});

test('batch publishing keeps the good rows and reports each bad one', async () => {
  const good = (n: number) => ({ listType: s.codes.debtor, subject: { kind: 'organization', uscc: uscc(), name: `河南批量样本${n}有限公司` }, reason: '拒不履行', decisionNo: `（2026）豫01执B${n}号`, decidedOn: '2026-08-01', startsOn: '2026-08-01' });
  const badCode = { ...good(2), subject: { kind: 'organization', uscc: '91410100MA3X5K7Q10', name: '坏代码公司' } };
  const r = await s.court.post('/api/v1/list-entries/batch', { entries: [good(1), badCode, good(3), { ...good(4), listType: 'nope' }] });
  assert.equal(r.status, 200);
  assert.equal(r.body.accepted, 2);
  assert.equal(r.body.rejected, 2);
  assert.deepEqual(r.body.rejects.map((x: { row: number; field: string }) => [x.row, x.field]), [[1, 'subject.uscc'], [3, 'listType']]);
  const dup = good(6);
  const none = await s.court.post('/api/v1/list-entries/batch', { entries: [good(5), badCode, dup, dup], allOrNothing: true });
  assert.equal(none.body.accepted, 0);
  assert.deepEqual(none.body.rejects.map((x: { row: number; code: string }) => [x.row, x.code]), [[1, 'VALIDATION_FAILED'], [3, 'ENTRY_EXISTS']], 'every bad row is reported, a duplicate within the batch too');
  assert.equal((await s.court.get(`/api/v1/list-entries?listType=${s.codes.debtor}&limit=500`)).body.items.filter((e: { decisionNo: string }) => e.decisionNo === '（2026）豫01执B5号').length, 0);
});

test('the portal lists public entries in force, persons masked, never held or removed ones', async () => {
  const pubList = await fetch(`${p.baseUrl}/api/v1/public/list-entries?listType=${s.codes.debtor}&pageSize=100`).then((r) => r.json());
  assert.ok(pubList.items.some((e: { id: string }) => e.id === entryId));
  assert.ok(pubList.items.every((e: { subject: { idNumber?: string } }) => !('idNumber' in e.subject)));
  const byOrg = await fetch(`${p.baseUrl}/api/v1/public/list-entries?uscc=${org.uscc}`).then((r) => r.json());
  assert.equal(byOrg.items.length, 2);
  const types = await fetch(`${p.baseUrl}/api/v1/public/list-types`).then((r) => r.json());
  assert.ok(types.items.some((t: { code: string }) => t.code === s.codes.debtor));
  assert.equal((await fetch(`${p.baseUrl}/api/v1/public/list-entries`)).status, 400);
});
