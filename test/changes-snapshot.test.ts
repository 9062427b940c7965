// Starting from nothing and falling behind: the snapshot (entries in force + the seq to continue
// from) is consistent even while others write, and the retention sweep makes old positions answer
// 410 FEED_CURSOR_EXPIRED instead of silently skipping what was swept.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.js';
import { recordChange } from '../src/modules/changes/record.js';
import { sequenceChanges } from '../src/modules/changes/sequencer.js';
import { transitionEntry } from '../src/modules/lists/entries.js';
import { sweepFeed } from '../src/modules/push/retention.js';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
let n = 0;

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
});
after(() => p.close());

const entryBody = (listType: string) => ({
  listType, subject: { kind: 'organization', uscc: uscc(), name: `河南快照测试${++n}有限公司` }, reason: '拒不履行',
  decisionNo: `（2026）豫01执S${n}号`, decidedOn: '2026-06-01', startsOn: '2026-06-01',
});

/**
 * Waits until every committed change has its position. The sequencer only numbers rows of transactions
 * older than every running one IN THE WHOLE CLUSTER (other test files write meanwhile), so a reader
 * that stops at the first empty page could stop before the last commits are numbered.
 */
async function settle() {
  for (const end = Date.now() + 20_000; ;) {
    await sequenceChanges(p.ctx.db);
    const r = await p.ctx.db.selectFrom('change').select((eb) => eb.fn.countAll<string>().as('n')).where('seq', 'is', null).executeTakeFirstOrThrow();
    if (Number(r.n) === 0) return;
    if (Date.now() > end) throw new Error('changes not sequenced in time');
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function drain(c: ReturnType<typeof client>, from: number) {
  const changes: { seq: number; type: string; data: { entryId?: string; to?: string } }[] = [];
  for (let after = from; ;) {
    const r = await c.get(`/api/v1/changes?after=${after}&limit=50`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    changes.push(...r.body.changes);
    if (r.body.next === after) return changes;
    after = r.body.next;
  }
}

test('a paged snapshot plus the changes after its seq equals the final state, while others write', async () => {
  const stranger = client(p.baseUrl, await makeKey(p.ctx, { department: (await makeDepartment(p.ctx)).code, role: 'system' }));
  for (let i = 0; i < 12; i++) assert.equal((await s.court.post('/api/v1/list-entries', entryBody(s.codes.debtor))).status, 201);

  // writers publish, hold and release while the reader pages through the snapshot
  let writing = true;
  const writer = (async () => {
    while (writing) {
      const e = await s.court.post('/api/v1/list-entries', entryBody(s.codes.debtor));
      await p.ctx.db.transaction().execute((tx) => transitionEntry(tx, { id: e.body.id, from: ['active'], to: 'held', change: 'entry.held', action: 'entry.held', actor: SYSTEM_ACTOR, reason: '异议' }));
    }
  })();
  const state = new Map<string, string>();
  let seq: number | null = null;
  for (let cursor: string | null = null, first = true; first || cursor;) {
    const r: { status: number; body: any } = await stranger.get(`/api/v1/changes/snapshot?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    if (first) seq = r.body.seq;
    for (const e of r.body.entries) state.set(e.id, e.status);
    cursor = r.body.next;
    first = false;
  }
  writing = false;
  await writer;
  await settle();

  // apply the feed from the FIRST page's seq, as states
  for (const c of await drain(stranger, seq!)) {
    if (!c.data.entryId) continue;
    if (c.type === 'entry.published') state.set(c.data.entryId, 'active');
    else if (c.data.to) state.set(c.data.entryId, c.data.to);
  }
  const inForce = [...state].filter(([, st]) => st === 'active' || st === 'held').map(([id, st]) => `${id}:${st}`).sort();
  const truth = await p.ctx.db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id')
    .select(['e.id', 'e.status']).where('lt.code', '=', s.codes.debtor).where('e.status', 'in', ['active', 'held']).execute();
  assert.deepEqual(inForce, truth.map((t) => `${t.id}:${t.status}`).sort());
  assert.ok(truth.some((t) => t.status === 'held'));
});

test('the snapshot is scoped like the feed and the entry list; persons are masked', async () => {
  const code = `hidden_${Math.random().toString(36).slice(2, 6)}`;
  assert.equal((await s.admin.post('/api/v1/list-types', { code, name: '内部名单', kind: 'black', domain: '其他', initiatingDepartment: s.departments.court, legalBasis: '某规定', termMonths: 12, repairable: true, public: false })).status, 201);
  const rep = { role: 'legal_representative', name: '张某', idNumber: '11010519491231002X' };
  const e = await s.court.post('/api/v1/list-entries', { ...entryBody(code), responsiblePersons: [rep] });
  assert.equal(e.status, 201, JSON.stringify(e.body));
  const stranger = client(p.baseUrl, await makeKey(p.ctx, { department: (await makeDepartment(p.ctx)).code, role: 'system' }));
  assert.equal((await stranger.get(`/api/v1/changes/snapshot?listType=${code}`)).body.entries.length, 0);
  const own = await s.court.get(`/api/v1/changes/snapshot?listType=${code}`);
  assert.equal(own.body.entries.length, 1);
  assert.equal(own.body.entries[0].responsiblePersons[0].idNumberMasked, '1101**********002X');
  assert.ok(!('idNumber' in own.body.entries[0].responsiblePersons[0]));
  assert.equal((await stranger.get('/api/v1/changes/snapshot?cursor=nope')).status, 400);
  assert.equal((await stranger.get('/api/v1/sync/snapshot')).status, 403, 'the full-data endpoint is for credit offices only');
});

test('retention sweeps a prefix; an older cursor gets 410 FEED_CURSOR_EXPIRED; a subscription behind keeps its rows', async () => {
  await settle();
  const reader = s.admin;
  const top = Number((await p.ctx.db.selectFrom('change').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m);
  // age everything but the last 3 positions by 100 days
  await sql`UPDATE change SET at = now() - interval '100 days' WHERE seq <= ${top - 3}`.execute(p.ctx.db);
  // a subscription whose fan-out cursor stands at top-10 protects what it has not queued yet
  const sub = await s.financeSystem.post('/api/v1/subscriptions', { url: 'http://127.0.0.1:9/none', events: ['*'] });
  await sql`UPDATE subscription SET cursor = ${top - 10} WHERE id = ${sub.body.id}`.execute(p.ctx.db);
  await p.platform.worker!.stop(); // nothing may move that cursor meanwhile
  const first = await sweepFeed(p.ctx.db, { retentionDays: 90 });
  assert.equal(first.changes, top - 10);
  assert.equal((await reader.get(`/api/v1/changes?after=${top - 11}`)).status, 410);
  await s.financeSystem.delete(`/api/v1/subscriptions/${sub.body.id}`);

  const second = await sweepFeed(p.ctx.db, { retentionDays: 90 });
  assert.equal(second.changes, 7, 'then up to the rows younger than the retention');
  const expired = await reader.get(`/api/v1/changes?after=${top - 4}`);
  assert.equal(expired.status, 410);
  assert.match(expired.contentType, /application\/problem\+json/);
  assert.equal(expired.body.code, 'FEED_CURSOR_EXPIRED');
  assert.match(expired.body.detail, /快照/);
  const ok = await reader.get(`/api/v1/changes?after=${top - 3}`);
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body.changes.map((c: { seq: number }) => c.seq), [top - 2, top - 1, top]);

  // even when everything is old the newest row stays: positions keep counting from it
  await sql`UPDATE change SET at = now() - interval '100 days'`.execute(p.ctx.db);
  assert.equal((await sweepFeed(p.ctx.db, { retentionDays: 90 })).changes, 2);
  await p.ctx.db.transaction().execute((tx) => recordChange(tx, { type: 'entry.published', isPublic: true, data: { token: 'after-sweep' } }));
  const fresh = await reader.get(`/api/v1/changes?after=${top}`);
  assert.deepEqual(fresh.body.changes.map((c: { seq: number }) => c.seq), [top + 1]);
  assert.equal((await reader.get('/api/v1/changes?after=0')).status, 410, 'a new consumer must start from the snapshot');
  assert.equal((await sweepFeed(p.ctx.db, { retentionDays: 0 })).changes, 0, '0 keeps the feed forever');
});
