// The subject index checks answer from (ADR 015): the answers are the ones PostgreSQL gives, the
// process that wrote sees its writes at once, other processes within the polling lag (with the
// dataVersion saying how far they are), and the write-behind log loses no answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startPlatform as startAnother, type Platform } from '../src/platform.js';
import { backdateSubject, idNumber, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { eventually, startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let strict: Platform;
let strictUrl: string;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
let n = 0;
const org = (name: string) => ({ kind: 'organization', uscc: uscc(), name: `河南${name}样本有限公司` });
const decisionNo = () => `（2026）豫01执${++n}${Math.floor(Math.random() * 1e6)}号`;

async function listening(platform: Platform) {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
}

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  await p.ctx.checks!.follower!.ready();
  // the same database read for every round (XINYONG_CHECK_INDEX=database): the reference answers
  strict = await startAnother({ ...p.config, checkIndex: 'database' }, { rateLimits: false, logger: false, worker: false });
  strictUrl = await listening(strict);
});
after(async () => {
  await strict.close();
  await p.close();
});

const check = (subject: object) => s.financeSystem.post('/api/v1/checks', { subject, matterCode: s.codes.matter });
const checkIn = async (url: string, subject: object) =>
  client(url, await makeKey(p.ctx, { department: s.departments.finance, role: 'system' })).post('/api/v1/checks', { subject, matterCode: s.codes.matter });
const list = (as: ReturnType<typeof client>, listType: string, subject: object, extra: object = {}) =>
  as.post('/api/v1/list-entries', { listType, subject, reason: '拒不履行生效判决', decisionNo: decisionNo(), decidedOn: '2026-03-02', startsOn: '2026-03-02', ...extra });
async function seqOf(entryId: string, type: string): Promise<number> {
  const { rows } = await sql<{ seq: string | null }>`SELECT seq FROM change WHERE type = ${type} AND data->>'entryId' = ${entryId}`.execute(p.ctx.db);
  return Number(rows[0]?.seq ?? Number.MAX_SAFE_INTEGER);
}

test('the process that wrote sees an entry, its hold and its release in the very next check', async () => {
  const subject = org('即时');
  const rep = { name: '李即时', idNumber: idNumber(), role: 'legal_representative' };
  const listed = await list(s.court, s.codes.debtor, subject, { responsiblePersons: [rep] });
  assert.equal(listed.status, 201, JSON.stringify(listed.body));
  const first = await check({ uscc: subject.uscc });
  assert.equal(first.body.outcome, 'restrict');
  assert.ok(first.body.dataVersion >= await seqOf(listed.body.id, 'entry.published'), 'the answer says it reflects the publication');
  const person = await check({ idNumber: rep.idNumber });
  assert.deepEqual(person.body.measures.map((m: { code: string }) => m.code), [s.measures.person]);
  assert.equal(person.body.entries[0].via.uscc, subject.uscc);

  const office = client(p.baseUrl, await makeKey(p.ctx, { role: 'officer' }));
  const filed = await client(p.baseUrl).post('/api/v1/objections', { target: { entryId: listed.body.id }, reason: '已履行完毕', applicant: { name: '李即时', contact: '13800000000' } });
  assert.equal((await office.post(`/api/v1/objections/${filed.body.id}/accept`)).status, 200);
  const held = await check({ uscc: subject.uscc });
  assert.deepEqual(held.body.held, [listed.body.id]);
  assert.deepEqual(held.body.measures, []);
  await office.post(`/api/v1/objections/${filed.body.id}/forward`);
  assert.equal((await s.court.post(`/api/v1/objections/${filed.body.id}/decide`, { outcome: 'verified', note: '经核实尚未履行' })).status, 200);
  assert.equal((await check({ uscc: subject.uscc })).body.outcome, 'restrict');
});

test('another process sees an entry within the polling lag, and its dataVersion shows when it does', async () => {
  const other = await startAnother(p.config, { rateLimits: false, logger: false, worker: false });
  try {
    const otherUrl = await listening(other);
    await other.ctx.checks!.follower!.ready();
    const subject = org('跨进程');
    const court = client(otherUrl, await makeKey(p.ctx, { department: s.departments.court, role: 'officer' }));
    const listed = await list(court, s.codes.debtor, subject);
    assert.equal(listed.status, 201);
    const started = Date.now();
    const seen = await eventually(() => check({ uscc: subject.uscc }), (r) => r.body.outcome === 'restrict', 3_000);
    assert.equal(seen.body.outcome, 'restrict', 'within the lag');
    assert.ok(Date.now() - started < 3_000);
    assert.ok(seen.body.dataVersion >= await seqOf(listed.body.id, 'entry.published'));
  } finally {
    await other.close();
  }
});

test('answers from the index are the answers PostgreSQL gives, subject by subject', async () => {
  const plain = org('一般失信');
  const twoDomains = org('两领域');
  const red = org('守信');
  const removedOnce = org('曾失信');
  const oldClean = org('老字号');
  const oldBroken = org('老字号失约');
  const rep = { name: '王对照', idNumber: idNumber(), role: 'legal_representative' };
  assert.equal((await list(s.court, s.codes.debtor, plain, { responsiblePersons: [rep] })).status, 201);
  await list(s.court, s.codes.debtor, twoDomains);
  await list(s.tax, s.codes.taxMajor, twoDomains);
  await list(s.tax, s.codes.aTaxpayer, red);
  const removed = await list(s.court, s.codes.debtor, removedOnce);
  assert.equal((await s.court.post(`/api/v1/list-entries/${removed.body.id}/remove`, { reason: '已履行' })).status, 200);
  // two subjects registered four years ago (the green channel needs three clean years); one broke a commitment
  for (const o of [oldClean, oldBroken]) {
    assert.equal((await s.admin.post('/api/v1/subjects', o)).status, 201);
    await backdateSubject(p.ctx, o.uscc, 4);
  }
  const madeOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const promised = await s.financeOfficer.post('/api/v1/commitments', { subject: oldBroken, type: '容缺受理型', matter: '建筑工程施工许可', content: '承诺在 30 日内补齐材料。', madeOn, dueOn: madeOn });
  assert.equal(promised.status, 201, JSON.stringify(promised.body));
  assert.equal((await s.financeOfficer.post(`/api/v1/commitments/${promised.body.code}/fulfilment`, { fulfilment: 'unfulfilled', note: '逾期未补齐' })).status, 200);

  const subjects = [plain, twoDomains, red, removedOnce, oldClean, oldBroken].map((o) => ({ uscc: o.uscc }))
    .concat([{ idNumber: rep.idNumber }, { uscc: uscc() }, { idNumber: idNumber() }]);
  const strip = (b: Record<string, unknown>) => ({ ...b, checkId: undefined, dataVersion: undefined });
  for (const subject of subjects) {
    const fromIndex = await check(subject);
    const fromDatabase = await checkIn(strictUrl, subject);
    assert.equal(fromIndex.status, 200);
    assert.deepEqual(strip(fromIndex.body), strip(fromDatabase.body), JSON.stringify(subject));
  }
  // and the cases differ from one another, so the comparison above compares something
  const outcomes = await Promise.all(subjects.map(async (x) => { const b = (await check(x)).body; return `${b.outcome}/${b.aggravated}/${b.greenChannel}/${b.subject.known}`; }));
  assert.deepEqual(outcomes, ['restrict/false/false/true', 'restrict/true/false/true', 'reward/false/true/true', 'clear/false/false/true',
    'clear/false/true/true', 'clear/false/false/true', 'restrict/false/false/true', 'clear/false/false/false', 'clear/false/false/false']);
});

test('a clear answer is written behind it: read back at once, and written when the process stops', async () => {
  const unknown = await check({ uscc: uscc() });
  assert.equal(unknown.body.outcome, 'clear');
  const read = await s.financeSystem.get(`/api/v1/checks/${unknown.body.checkId}`);
  assert.equal(read.status, 200, 'the process drains its log before reading checks');
  // the log is written with COPY: a name with a tab, a backslash and a line break comes back as asked
  const odd = '河南\t奇怪\\名称\n有限公司';
  const byName = await check({ name: odd });
  assert.equal(byName.body.outcome, 'unresolved');
  const oddRead = await s.financeSystem.get(`/api/v1/checks/${byName.body.checkId}`);
  assert.equal(oddRead.body.query.name, odd);

  const brief = await startAnother(p.config, { rateLimits: false, logger: false, worker: false });
  const briefUrl = await listening(brief);
  const answers = await Promise.all(Array.from({ length: 20 }, () => checkIn(briefUrl, { uscc: uscc() })));
  await brief.close(); // at once: the log is written on the way out
  const ids = answers.map((a) => a.body.checkId as string);
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM credit_check WHERE id = ANY (${ids}::uuid[])`.execute(p.ctx.db);
  assert.equal(Number(rows[0].n), 20);
});

test('log rows the database refuses are kept and retried: reading checks says 503 meanwhile, nothing is lost', async () => {
  const { createCheckLog } = await import('../src/modules/checks/check-log.js');
  const errors: string[] = [];
  const log = createCheckLog({ pool: p.ctx.checkPool, flushMs: 5, log: (m) => errors.push(m) });
  const dept = (await sql<{ id: string }>`SELECT id FROM department LIMIT 1`.execute(p.ctx.db)).rows[0].id;
  const matter = (await sql<{ id: string }>`SELECT id FROM matter LIMIT 1`.execute(p.ctx.db)).rows[0].id;
  const row = () => ({
    id: crypto.randomUUID(), department_id: dept, actor_type: 'key', actor_id: null, matter_id: matter, subject_id: null, query: { uscc: uscc() },
    result: JSON.stringify({ outcome: 'clear' }), outcome: 'clear', feedback_due_on: null, feedback_status: 'not_required' as const, data_version: 1,
  });
  await sql`ALTER TABLE credit_check RENAME TO credit_check_away`.execute(p.ctx.db);
  const rows = [row(), row(), row()];
  try {
    await log.append(rows);
    await assert.rejects(log.drained(), (e: Error & { status?: number }) => e.status === 503);
  } finally {
    await sql`ALTER TABLE credit_check_away RENAME TO credit_check`.execute(p.ctx.db);
  }
  await log.drained();
  const { rows: found } = await sql<{ n: string }>`SELECT count(*) AS n FROM credit_check WHERE id = ANY (${rows.map((r) => r.id)}::uuid[])`.execute(p.ctx.db);
  assert.equal(Number(found[0].n), 3);
  await log.close();
});

test('an answer that opens a duty is returned only once its row is written, and a refused one is never written later', async () => {
  const { createCheckLog } = await import('../src/modules/checks/check-log.js');
  const log = createCheckLog({ pool: p.ctx.checkPool, flushMs: 60_000, log: () => undefined });
  const dept = (await sql<{ id: string }>`SELECT id FROM department LIMIT 1`.execute(p.ctx.db)).rows[0].id;
  const matter = (await sql<{ id: string }>`SELECT id FROM matter LIMIT 1`.execute(p.ctx.db)).rows[0].id;
  const row = (status: 'open' | 'not_required') => ({
    id: crypto.randomUUID(), department_id: dept, actor_type: 'key', actor_id: null, matter_id: matter, subject_id: null, query: { uscc: uscc() },
    result: JSON.stringify({ outcome: status === 'open' ? 'restrict' : 'clear' }), outcome: status === 'open' ? 'restrict' : 'clear',
    feedback_due_on: status === 'open' ? '2026-12-04' : null, feedback_status: status, data_version: 1,
  });
  const count = async (ids: string[]) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM credit_check WHERE id = ANY (${ids}::uuid[])`.execute(p.ctx.db)).rows[0].n);
  // a clear row waits for the (here: one-minute) timer; a duty does not wait for it, and takes it along
  const clear = row('not_required');
  await log.append([clear]);
  const duty = row('open');
  await log.confirm(duty);
  assert.equal(await count([duty.id, clear.id]), 2, 'a confirmed answer is in the table when it is returned, with what waited before it');
  // refused: the request fails, the clear row is kept for later, the duty row is dropped with its request
  await sql`ALTER TABLE credit_check RENAME TO credit_check_away`.execute(p.ctx.db);
  const later = row('not_required');
  const refused = row('open');
  try {
    await log.append([later]);
    await assert.rejects(log.confirm(refused));
  } finally {
    await sql`ALTER TABLE credit_check_away RENAME TO credit_check`.execute(p.ctx.db);
  }
  await log.drained();
  assert.equal(await count([later.id]), 1, 'the clear row is written once the database takes it');
  assert.equal(await count([refused.id]), 0, 'no open check appears for a request that failed');
  await log.close();
});
