// The change feed under concurrent writers: every committed change is read exactly once, in seq
// order, with no gaps — including changes whose transaction committed long after later ones.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readChanges } from '../src/modules/changes/feed.js';
import { recordChange } from '../src/modules/changes/record.js';
import type { Principal } from '../src/modules/auth/principal.js';
import { findPlatformDepartment } from '../src/modules/departments/store.js';
import { makeDepartment, makeKey } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let reader: Principal;

before(async () => {
  p = await startPlatform();
  const platform = (await findPlatformDepartment(p.ctx.db))!;
  reader = { type: 'key', id: 'test', role: 'system', departmentId: platform.id, departmentCode: platform.code, departmentName: platform.name, departmentRoles: [], platform: true, viaSession: false };
});
after(() => p.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('concurrent writers, slow and rolled back: the reader sees each committed change once, in order', async () => {
  const committed = new Set<string>();
  const rolledBack = new Set<string>();
  let writing = true;

  async function writer(w: number) {
    for (let i = 0; i < 25; i++) {
      const tokens = Array.from({ length: 1 + (i % 3) }, (_, k) => `w${w}-${i}-${k}`);
      const slow = (w + i) % 5 === 0;
      const rollback = (w * 7 + i) % 6 === 0;
      try {
        await p.ctx.db.transaction().execute(async (tx) => {
          for (const token of tokens) {
            await recordChange(tx, { type: 'entry.published', isPublic: true, data: { token } });
            if (slow) await sleep(40 + ((w * 13 + i) % 50)); // hold the transaction open: commit late
          }
          if (rollback) throw new Error('rollback');
        });
        tokens.forEach((t) => committed.add(t));
      } catch (e) {
        if ((e as Error).message !== 'rollback') throw e;
        tokens.forEach((t) => rolledBack.add(t));
      }
    }
  }

  const seen: { seq: number; token: string }[] = [];
  let cursor = 0;
  async function readOnce() {
    const page = await readChanges({ db: p.ctx.db, principal: reader, after: cursor, limit: 7 });
    for (const c of page.changes) seen.push({ seq: c.seq, token: (c.data as { token: string }).token });
    cursor = page.next;
    return page.changes.length;
  }
  const readerLoop = (async () => {
    while (writing) {
      await readOnce();
      await sleep(3);
    }
  })();

  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
  writing = false;
  await readerLoop;
  // Drain until every committed change has been read. Positions are given only to rows of
  // transactions older than every running one in the whole cluster (other test files write too),
  // so an empty page can come before the last commits are numbered: keep reading, as consumers do.
  for (const end = Date.now() + 20_000; seen.length < committed.size && Date.now() < end;) {
    if ((await readOnce()) === 0) await sleep(20);
  }

  const tokens = seen.map((s) => s.token);
  assert.equal(new Set(tokens).size, tokens.length, 'no change is delivered twice');
  assert.deepEqual(new Set(tokens), committed, 'every committed change is delivered, and nothing rolled back');
  assert.ok(rolledBack.size > 0 && [...rolledBack].every((t) => !tokens.includes(t)));
  seen.forEach((s, i) => assert.equal(s.seq, i + 1, 'seqs are dense and increasing'));

  // The scenario really exercised late commits: some row was inserted before another (lower id)
  // yet committed after it (higher seq). A plain sequence would have lost such rows.
  const { rows } = await p.ctx.db.selectFrom('change').select(['id', 'seq']).orderBy('id').execute().then((r) => ({ rows: r }));
  const inversions = rows.filter((r, i) => i > 0 && Number(r.seq) < Number(rows[i - 1].seq)).length;
  assert.ok(inversions > 0, 'the test produced out-of-order commits');
});

test('GET /changes is scoped: a department sees public changes and its own, not others\'', async () => {
  const a = await makeDepartment(p.ctx);
  const b = await makeDepartment(p.ctx);
  await p.ctx.db.transaction().execute(async (tx) => {
    await recordChange(tx, { type: 'task.created', isPublic: false, departments: [a.id], data: { for: 'A' } });
    await recordChange(tx, { type: 'task.created', isPublic: false, departments: [b.id], data: { for: 'B' } });
    await recordChange(tx, { type: 'entry.published', isPublic: true, data: { for: 'all' } });
  });
  const asA = client(p.baseUrl, await makeKey(p.ctx, { department: a.code, role: 'system' }));
  let after = 0;
  const got: string[] = [];
  for (;;) {
    const r = await asA.get(`/api/v1/changes?after=${after}&limit=50`);
    assert.equal(r.status, 200);
    got.push(...r.body.changes.map((c: { data: { for?: string } }) => c.data.for).filter(Boolean));
    if (r.body.next === after) break;
    after = r.body.next;
  }
  assert.ok(got.includes('A') && got.includes('all'));
  assert.ok(!got.includes('B'));
  const bad = await asA.get('/api/v1/changes?after=-1');
  assert.equal(bad.status, 400);
});
