// Name search (ADR 019): candidates by distinctive bigrams and pinyin, ranked by similarity; a
// typo, a 同音字 or a query typed in pinyin still finds the subject, and legal-form words alone do not
// flood the result. A check by name returns these candidates and never applies measures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { nameQueryTerms } from '../src/domain/name-query.js';
import { refreshStaleNameSearch, retrievalTiers } from '../src/modules/subjects/search.js';
import { idNumber, uscc } from './support/factories.js';
import { jointActionSetting } from './support/joint-action.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const target = { kind: 'organization', uscc: uscc(), name: '郑州市惠民商贸有限公司' };
const decoys = ['郑州市惠民超市有限公司', '洛阳民商贸易有限公司', '郑州市利民商贸有限公司', '开封惠丰商贸有限公司'];
const person = { kind: 'natural_person', name: '欧阳惠敏', idNumber: idNumber({ birthDate: '1980-01-02' }) };

type Hit = { id: string; name: string; uscc: string | null; kind: string; score: number };
const search = async (q: string) => {
  const r = await s.admin.get(`/api/v1/subjects?q=${encodeURIComponent(q)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items as Hit[];
};

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  for (const name of decoys) assert.ok((await s.admin.post('/api/v1/subjects', { kind: 'organization', uscc: uscc(), name })).status < 300);
  assert.equal((await s.admin.post('/api/v1/subjects', target)).status, 201);
  assert.equal((await s.admin.post('/api/v1/subjects', person)).status, 201);
});
after(() => p.close());

test('a typo, an extra word or a missing 有限 still finds the organisation first', async () => {
  for (const q of ['郑州市惠民商茂有限公司', '郑州惠民商贸服务有限公司', '郑州市惠民商贸公司', '惠民商贸']) {
    const hits = await search(q);
    assert.equal(hits[0]?.uscc, target.uscc, `${q}: ${JSON.stringify(hits)}`);
    assert.ok(hits[0].score > 0.5 && hits[0].score < 1, `${q}: a close, not an exact, match`);
  }
  assert.equal((await search(target.name))[0].score, 1);
});

test('a 同音字 name finds it (慧民 for 惠民), also through the public search', async () => {
  const hits = await search('郑州市慧民商贸有限公司');
  assert.equal(hits[0]?.uscc, target.uscc, JSON.stringify(hits));
  assert.ok(hits[0].score >= 0.6);
  const all = await search('郑州市汇敏商贸有限公司'); // every character of the body differs except 商贸
  assert.equal(all[0]?.uscc, target.uscc, JSON.stringify(all));
  const pub = await client(p.baseUrl).get(`/api/v1/public/search?q=${encodeURIComponent('郑州市慧民商贸有限公司')}`);
  assert.equal(pub.body.items[0]?.uscc, target.uscc);
});

test('a query typed in pinyin, or in initials, finds it', async () => {
  for (const q of ['zhengzhou huimin shangmao', 'huiminshangmao', 'Hui Min Shang Mao', 'hmsm']) {
    const hits = await search(q);
    assert.equal(hits[0]?.uscc, target.uscc, `${q}: ${JSON.stringify(hits)}`);
    assert.ok(hits[0].score < 1, 'pinyin names no characters: never an exact match');
  }
});

test('legal-form words alone are too short; weak candidates are dropped', async () => {
  for (const q of ['有限公司', '有限责任公司', '股份有限公司']) {
    const r = await s.admin.get(`/api/v1/subjects?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.code, 'QUERY_TOO_SHORT');
  }
  const hits = await search('郑州市惠民商贸有限公司');
  assert.ok(hits.every((h) => h.score >= 0.2), JSON.stringify(hits));
  assert.ok(!hits.some((h) => h.name === '开封惠丰商贸有限公司'), 'shares only 商贸 and a form: not a candidate');
});

test('staff find persons by name (audited), the public never does', async () => {
  const hits = await search('欧阳惠民'); // 同音字 of the given name
  const found = hits.find((h) => h.kind === 'natural_person');
  assert.ok(found, JSON.stringify(hits));
  const audit = await sql<{ data: { personIds: string[]; by: string } }>`SELECT data FROM audit_event
    WHERE action = 'subject.searched' ORDER BY id DESC LIMIT 1`.execute(p.ctx.db);
  assert.deepEqual(audit.rows[0]?.data, { personIds: [found.id], by: 'name' });
  const pub = await client(p.baseUrl).get(`/api/v1/public/search?q=${encodeURIComponent('欧阳惠敏')}`);
  assert.ok(!pub.body.items.some((h: Hit) => h.kind === 'natural_person'));
});

test('a check by name returns ranked candidates with scores and no measures', async () => {
  const r = await s.financeSystem.post('/api/v1/checks', { subject: { name: '郑州市慧民商贸有限公司' }, matterCode: s.codes.matter });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.outcome, 'unresolved');
  assert.equal(r.body.measures.length, 0);
  assert.equal(r.body.candidates[0].uscc, target.uscc);
  const scores = r.body.candidates.map((c: Hit) => c.score);
  assert.ok(scores.every((x: number) => typeof x === 'number' && x > 0));
  assert.deepEqual(scores, [...scores].sort((a: number, b: number) => b - a), 'ranked');
  const vague = await s.financeSystem.post('/api/v1/checks', { subject: { name: '有限公司' }, matterCode: s.codes.matter });
  assert.equal(vague.status, 400, JSON.stringify(vague.body));
  assert.equal(vague.body.code, 'QUERY_TOO_SHORT');
});

test('rows written before the pinyin tokens are brought up to date once', async () => {
  const id = (await search(target.name))[0].id;
  await sql`UPDATE subject SET search_text = to_tsvector('simple', '郑州 州市 市惠 惠民 民商 商贸 贸有 有限 限公 公司'),
    search_version = 1 WHERE id = ${id}`.execute(p.ctx.db);
  assert.ok(!(await search('huimin shangmao')).some((h) => h.id === id), 'stale: no pinyin yet');
  assert.ok(await refreshStaleNameSearch(p.ctx) >= 1);
  assert.equal(await refreshStaleNameSearch(p.ctx), 0, 'idempotent');
  assert.equal((await search('huimin shangmao'))[0]?.id, id);
});

test('retrieval goes from all terms to at least half of them, never to one term of many', () => {
  const tiers = retrievalTiers(nameQueryTerms('郑州市惠民商贸有限公司'));
  assert.deepEqual(tiers[0], ['惠民 & 民商 & 商贸', 'hui.min & min.shang & shang.mao']);
  assert.equal(tiers.length, 2, 'three terms: all, then two of three');
  assert.ok(!tiers.flat().includes('商贸'), 'never a common word alone');
  const long = retrievalTiers(nameQueryTerms('河南省郑州市金水区中原国际物流园区综合服务有限公司'));
  assert.ok(long.length <= 4 && long.every((t) => t.length <= 41), 'bounded: at most 6 terms per view');
  assert.ok(retrievalTiers(nameQueryTerms('hmsm'))[0].includes('i.hmsm'));
});

test('subjects created by an import are found by characters at once, and by pinyin once the worker has added it', async () => {
  const { penaltyFactory, tempDir, upload, writeCsv } = await import('./fixtures/collection/files.js');
  const path = await import('node:path');
  const taxKey = await (await import('./support/factories.js')).makeKey(p.ctx, { department: s.departments.tax, role: 'officer' });
  const name = '新乡市瑞丰农资有限公司';
  const file = writeCsv(path.join(tempDir(), 'penalties.csv'), [penaltyFactory(5, s.departments.tax).org({ 行政相对人名称: name })]);
  const r = await upload(p.baseUrl, taxKey, { type: 'admin_penalty', file });
  assert.equal(r.body.accepted, 1, JSON.stringify(r.body));
  assert.equal((await search('瑞丰农资'))[0]?.name, name);
  await refreshStaleNameSearch(p.ctx); // what the worker's tick does (it may have been first)
  assert.equal((await search('ruifeng nongzi'))[0]?.name, name);
  assert.equal((await search('新乡市瑞峰农资有限公司'))[0]?.name, name, '同音字');
});
