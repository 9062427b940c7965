// Checks keep the catalog (matters, measures, memoranda, acceptances) in process memory (ADR 013)
// and, by default, the subjects too (ADR 015). These tests prove what "current" means: a change made
// by another process — or straight in the database — applies to the very next check of a process
// that reads PostgreSQL for each round (XINYONG_CHECK_INDEX=database), and within the polling lag
// (200 ms here) in a process with the index; and a round of checks fails only the checks that asked
// for a matter that does not exist.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startPlatform as startSecond, type Platform } from '../src/platform.js';
import { makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { eventually, startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let other: Platform;
let otherUrl: string;
let strict: Platform;
let strictUrl: string;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const org = { kind: 'organization', uscc: uscc(), name: '河南目录缓存样本有限公司' };

async function listening(platform: Platform) {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
}

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p, { accept: false });
  // a second process on the same database: its own pools, its own catalog and subject index, its own worker
  other = await startSecond(p.config, { rateLimits: false, logger: false });
  otherUrl = await listening(other);
  // a third that reads PostgreSQL for every round of checks
  strict = await startSecond({ ...p.config, checkIndex: 'database' }, { rateLimits: false, logger: false, worker: false });
  strictUrl = await listening(strict);
  const listed = await s.court.post('/api/v1/list-entries', {
    listType: s.codes.debtor, subject: org, reason: '拒不履行生效判决', decisionNo: `（2026）豫01执${Math.floor(Math.random() * 1e6)}号`,
    decidedOn: '2026-03-02', startsOn: '2026-03-02',
  });
  assert.equal(listed.status, 201, JSON.stringify(listed.body));
});
after(async () => {
  await strict.close();
  await other.close();
  await p.close();
});

const check = (subject: object, matterCode = s.codes.matter) => s.financeSystem.post('/api/v1/checks', { subject, matterCode });
const checkIn = async (url: string, subject: object) =>
  client(url, await makeKey(p.ctx, { department: s.departments.finance, role: 'system' })).post('/api/v1/checks', { subject, matterCode: s.codes.matter });

test('a memorandum accepted through another process applies to the next check of a strict process, and here within the lag', async () => {
  const before = await check({ uscc: org.uscc });
  assert.equal(before.status, 200);
  assert.equal(before.body.outcome, 'clear', 'not accepted yet: no measure (and the catalog is now cached here)');
  assert.equal((await checkIn(strictUrl, { uscc: org.uscc })).body.outcome, 'clear');

  const finance = client(otherUrl, await makeKey(p.ctx, { department: s.departments.finance, role: 'officer' }));
  assert.equal((await finance.post(`/api/v1/memoranda/${s.codes.memo}/accept`)).status, 200);

  assert.equal((await checkIn(otherUrl, { uscc: org.uscc })).body.outcome, 'restrict', 'the process that wrote sees it at once');
  assert.equal((await checkIn(strictUrl, { uscc: org.uscc })).body.outcome, 'restrict', 'a strict process sees it at once');
  const afterAccept = await eventually(() => check({ uscc: org.uscc }), (r) => r.body.outcome === 'restrict', 2_000);
  assert.equal(afterAccept.body.outcome, 'restrict');
  assert.deepEqual(afterAccept.body.measures.map((m: { code: string }) => m.code), [s.measures.org]);
  assert.equal(afterAccept.body.entries[0].listTypeName, '失信被执行人', 'entries carry their list type\'s name');
});

test('a legal basis corrected straight in the database shows in the next check of a strict process, in the others within the lag', async () => {
  const basis = '《中华人民共和国政府采购法》第二十二条第一款第（五）项';
  await check({ uscc: org.uscc });
  await sql`UPDATE measure SET legal_basis = ${basis} WHERE code = ${s.measures.org}`.execute(p.ctx.db);
  assert.equal((await checkIn(strictUrl, { uscc: org.uscc })).body.measures[0]?.legalBasis, basis);
  for (const url of [p.baseUrl, otherUrl]) {
    const r = await eventually(() => checkIn(url, { uscc: org.uscc }), (x) => x.body.measures[0]?.legalBasis === basis, 2_000);
    assert.equal(r.body.measures[0].legalBasis, basis);
  }
});

test('a memorandum taken out of force stops its measures at once in a strict process, within the lag here', async () => {
  await sql`UPDATE memorandum SET status = 'expired' WHERE code = ${s.codes.memo}`.execute(p.ctx.db);
  try {
    const strictAnswer = await checkIn(strictUrl, { uscc: org.uscc });
    assert.equal(strictAnswer.body.outcome, 'clear');
    assert.deepEqual(strictAnswer.body.measures, []);
    const r = await eventually(() => check({ uscc: org.uscc }), (x) => x.body.outcome === 'clear', 2_000);
    assert.deepEqual(r.body.measures, []);
  } finally {
    await sql`UPDATE memorandum SET status = 'in_force' WHERE code = ${s.codes.memo}`.execute(p.ctx.db);
  }
  assert.equal((await checkIn(strictUrl, { uscc: org.uscc })).body.outcome, 'restrict');
  assert.equal((await eventually(() => check({ uscc: org.uscc }), (x) => x.body.outcome === 'restrict', 2_000)).body.outcome, 'restrict');
});

test('checks answered in one round: an unknown matter fails only the check that named it', async () => {
  const [good, bad, alsoGood] = await Promise.all([
    check({ uscc: org.uscc }),
    check({ uscc: org.uscc }, 'NO-SUCH-MATTER'),
    check({ uscc: uscc() }),
  ]);
  assert.equal(good.status, 200);
  assert.equal(good.body.outcome, 'restrict');
  assert.equal(bad.status, 400);
  assert.equal(bad.contentType.split(';')[0], 'application/problem+json');
  assert.match(JSON.stringify(bad.body), /事项编码 NO-SUCH-MATTER 不存在/);
  assert.equal(alsoGood.status, 200);
  assert.equal(alsoGood.body.subject.known, false);
  await p.ctx.checks?.drained(); // clear answers are written behind (ADR 015)
  const logged = await sql<{ n: string }>`SELECT count(*) AS n FROM credit_check WHERE id IN (${good.body.checkId}, ${alsoGood.body.checkId})`.execute(p.ctx.db);
  assert.equal(Number(logged.rows[0].n), 2, 'both answers are logged, the clear one too');
});

test('the credit office corrects a measure through the API: the next check carries the correction; nobody else may', async () => {
  const refused = await s.financeOfficer.patch(`/api/v1/measures/${s.measures.org}`, { legalBasis: '随便' });
  assert.equal(refused.status, 403);
  const fixed = await s.admin.patch(`/api/v1/measures/${s.measures.org}`, { legalBasis: '《中华人民共和国政府采购法》第二十二条第一款第（五）项；《政府采购法实施条例》第十九条', nature: 'mandatory' });
  assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
  assert.equal(fixed.body.code, s.measures.org);
  const r = await check({ uscc: org.uscc });
  assert.equal(r.body.measures[0].legalBasis, '《中华人民共和国政府采购法》第二十二条第一款第（五）项；《政府采购法实施条例》第十九条');
  const unknown = await s.admin.patch('/api/v1/measures/NO-SUCH', { title: '无' });
  assert.equal(unknown.status, 404);
  const empty = await s.admin.patch(`/api/v1/measures/${s.measures.org}`, {});
  assert.equal(empty.status, 400);
});
