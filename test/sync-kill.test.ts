// `xinyong sync` killed with SIGKILL several times during a large catch-up (in the snapshot and in
// the feed phase) and restarted: the county ends identical to the province — same entries in force,
// same statuses, no duplicates — compared by counts and a checksum.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { makeUscc } from '../src/domain/identifiers/generate.js';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.js';
import { sequenceChanges } from '../src/modules/changes/sequencer.js';
import { transitionEntry } from '../src/modules/lists/entries.js';
import { idNumber, makeKey, rand, uscc } from './support/factories.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

const PROVINCE = makeUscc(rand, { authority: '1', entityType: '1', regionCode: '410000' });
const COUNTY = makeUscc(rand, { authority: '1', entityType: '1', regionCode: '410102' });
let prov: TestPlatform;
let county: TestPlatform;
let ps: Awaited<ReturnType<typeof jointActionSetting>>;
let n = 0;

before(async () => {
  [prov, county] = await Promise.all([
    startPlatform({ env: { XINYONG_PLATFORM_CODE: PROVINCE, XINYONG_PLATFORM_REGION: '410000' } }),
    startPlatform({ env: { XINYONG_PLATFORM_CODE: COUNTY, XINYONG_PLATFORM_REGION: '410102', XINYONG_PLATFORM_NAME: '中原区信用办' } }),
  ]);
  ps = await jointActionSetting(prov);
});
after(async () => { await Promise.all([prov?.close(), county?.close()]); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settle(p: TestPlatform) {
  for (const end = Date.now() + 20_000; ;) {
    await sequenceChanges(p.ctx.db);
    const r = await p.ctx.db.selectFrom('change').select((eb) => eb.fn.countAll<string>().as('n')).where('seq', 'is', null).executeTakeFirstOrThrow();
    if (Number(r.n) === 0) return;
    assert.ok(Date.now() < end, 'changes sequenced in time');
    await sleep(50);
  }
}

async function publishMany(count: number) {
  const entries = Array.from({ length: count }, () => {
    n++;
    return {
      listType: n % 2 ? ps.codes.debtor : ps.codes.taxMajor, subject: { kind: 'organization', uscc: uscc(), name: `河南追平测试${n}有限公司` },
      reason: '拒不履行', decisionNo: `（2026）豫01执K${n}号`, decidedOn: '2026-04-01', startsOn: '2026-04-01',
      ...(n % 10 === 0 ? { responsiblePersons: [{ role: 'legal_representative', name: `负责人${n}`, idNumber: idNumber() }] } : {}),
    };
  });
  const r = await ps.court.post('/api/v1/list-entries/batch', { entries: entries.filter((e) => e.listType === ps.codes.debtor) });
  const t = await ps.tax.post('/api/v1/list-entries/batch', { entries: entries.filter((e) => e.listType === ps.codes.taxMajor) });
  assert.equal(r.body.rejected + t.body.rejected, 0, JSON.stringify([r.body.rejects, t.body.rejects]));
  return [...r.body.ids, ...t.body.ids] as string[];
}

async function transition(id: string, from: 'active' | 'held', to: 'held' | 'removed') {
  const change = to === 'held' ? 'entry.held' : 'entry.removed';
  await prov.ctx.db.transaction().execute((tx) => transitionEntry(tx, { id, from: [from], to, change, action: change, actor: SYSTEM_ACTOR, reason: '追平测试' }));
}

function startSync(key: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const env = {
    ...process.env, DATABASE_URL: county.config.databaseUrl!, XINYONG_PLATFORM_CODE: COUNTY, XINYONG_PLATFORM_REGION: '410102',
    XINYONG_ENCRYPTION_KEYS: [...county.config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','),
    XINYONG_BLIND_INDEX_KEY: county.config.blindIndexKey.toString('base64'), XINYONG_DATA: county.config.dataDir,
  };
  const child = spawn(process.execPath, ['bin/xinyong.js', 'sync', '--from', prov.baseUrl, '--key', key, '--once', '--page-size', '25'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  return { child, done: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out }))) };
}

async function progress() {
  return county.ctx.db.selectFrom('sync_source').select(['phase', 'applied', 'cursor', 'snapshot_seq']).where('code', '=', PROVINCE).executeTakeFirst();
}

/** Runs the CLI and SIGKILLs it once `when` holds (checked every 20 ms); true if it was killed. */
async function runAndKill(key: string, when: (p: Awaited<ReturnType<typeof progress>>) => boolean) {
  const { child, done } = startSync(key);
  let exited = false;
  void done.then(() => { exited = true; });
  while (!exited) {
    if (when(await progress())) { child.kill('SIGKILL'); break; }
    await sleep(20);
  }
  const r = await done;
  assert.ok(r.signal === 'SIGKILL' || r.code === 0, r.out);
  return r.signal === 'SIGKILL';
}

/** What must be identical: every entry in force with its list type, subject, status, decision and dates. */
async function fingerprint(p: TestPlatform, origin: string | null) {
  let q = p.ctx.db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id').innerJoin('subject as s', 's.id', 'e.subject_id')
    .select(['e.id', 'e.origin_entry_id', 'lt.code', 's.uscc', 'e.status', 'e.decision_no', 'e.decided_on', 'e.starts_on', 'e.ends_on'])
    .where('e.status', 'in', ['active', 'held']);
  q = origin ? q.where('e.origin', '=', origin) : q.where('e.origin', 'is', null);
  const rows = await q.execute();
  const lines = rows.map((r) => [origin ? r.origin_entry_id : r.id, r.code, r.uscc, r.status, r.decision_no, r.decided_on, r.starts_on, r.ends_on].join('|')).sort();
  return { count: lines.length, held: rows.filter((r) => r.status === 'held').length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

test('sync killed three times during a large catch-up ends identical to the source', async () => {
  const key = await makeKey(prov.ctx, { role: 'system' });
  const first = await publishMany(200);
  await settle(prov);
  const started = Date.now();
  let kills = 0;
  if (await runAndKill(key, (p) => !!p && p.phase === 'snapshot' && Number(p.applied) >= 50)) kills++;
  if (await runAndKill(key, (p) => !!p && p.phase === 'snapshot' && Number(p.applied) >= 120)) kills++;

  // meanwhile the province goes on: new listings, holds and removals, to be followed through the feed
  await publishMany(80);
  for (const id of first.slice(0, 30)) await transition(id, 'active', 'held');
  for (const id of first.slice(30, 45)) await transition(id, 'active', 'removed');
  for (const id of first.slice(0, 5)) await transition(id, 'held', 'removed');
  await settle(prov);
  if (await runAndKill(key, (p) => !!p && p.phase === 'follow' && Number(p.cursor) > Number(p.snapshot_seq) + 50)) kills++;
  const last = await startSync(key).done;
  assert.equal(last.code, 0, last.out);
  assert.match(last.out, /同步已追平/);
  assert.equal(kills, 3, 'killed in the snapshot twice and in the feed once');

  const source = await fingerprint(prov, null);
  const mirror = await fingerprint(county, PROVINCE);
  assert.deepEqual(mirror, source);
  assert.equal(source.count, 280 - 15 - 5);
  assert.equal(source.held, 25);
  const dupes = await county.ctx.db.selectFrom('list_entry').select(['decision_no']).where('origin', '=', PROVINCE)
    .groupBy('decision_no').having((eb) => eb.fn.countAll(), '>', 1).execute();
  assert.equal(dupes.length, 0, 'no entry mirrored twice');
  // every mirrored entry, ended ones included, has the source's status
  const statuses = async (p: TestPlatform) => Object.fromEntries((await p.ctx.db.selectFrom('list_entry').select(['decision_no', 'status']).where('decision_no', 'like', '（2026）豫01执K%').execute()).map((r) => [r.decision_no, r.status]));
  const [src, dst] = await Promise.all([statuses(prov), statuses(county)]);
  for (const [decision, status] of Object.entries(dst)) assert.equal(status, src[decision], decision);
  const persons = (p: TestPlatform) => p.ctx.db.selectFrom('list_entry_person as p').innerJoin('list_entry as e', 'e.id', 'p.entry_id')
    .select((eb) => eb.fn.countAll<string>().as('n')).where('e.decision_no', 'in', Object.keys(dst)).executeTakeFirstOrThrow();
  assert.equal((await persons(county)).n, (await persons(prov)).n, 'answerable persons mirrored with their entries');
  assert.ok(Number((await persons(county)).n) >= 20);
  console.log(`FIGURE sync kill: ${kills} SIGKILLs (2 in the snapshot, 1 in the feed) while catching up ${source.count + 15 + 5} entries and ${30 + 15 + 5} status changes in pages of 25; `
    + `final state identical (${mirror.count} in force, ${mirror.held} held, sha256 ${mirror.sha256.slice(0, 16)}…) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
