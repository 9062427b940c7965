// The audit trail: written with every change, sealed into an SM3 hash chain in commit order, and a
// tampered, deleted or forged row is found by `audit verify` (use case, API and CLI).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { verifyAudit } from '../src/modules/audit/verify.js';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let admin: ReturnType<typeof client>;

before(async () => {
  p = await startPlatform();
  admin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
  for (let i = 0; i < 5; i++) {
    await admin.post('/api/v1/subjects', { kind: 'organization', uscc: uscc(), name: `审计测试第${i}有限公司` });
  }
});
after(() => p.close());

test('every state change leaves an audit row in the same transaction; a failed one leaves none', async () => {
  const before = await p.ctx.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const bad = await admin.post('/api/v1/departments', { code: 'nope', name: '坏部门', regionCode: '410000', roles: ['provider'] });
  assert.equal(bad.status, 400);
  const mid = await p.ctx.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(mid.n, before.n);
  const ok = await admin.post('/api/v1/departments', { code: uscc({ authority: '1' }), name: '审计局', regionCode: '410000', roles: ['provider'] });
  assert.equal(ok.status, 201);
  const ev = await p.ctx.db.selectFrom('audit_event').selectAll().where('action', '=', 'department.created').where('entity_id', '=', ok.body.id).executeTakeFirst();
  assert.ok(ev);
});

test('an intact chain verifies through the API', async () => {
  const r = await admin.get('/api/v1/audit/verify');
  assert.equal(r.status, 200);
  assert.equal(r.body.ok, true);
  assert.ok(r.body.checked >= 8, `checked ${r.body.checked}`);
});

test('viewing a natural person is audited', async () => {
  const person = await admin.post('/api/v1/subjects', { kind: 'natural_person', idNumber: '410105198001011239', name: '王建国' });
  await admin.get(`/api/v1/subjects/${person.body.id}`);
  const r = await admin.get(`/api/v1/audit?action=subject.viewed&entityId=${person.body.id}`);
  assert.equal(r.body.items.length, 1);
  assert.equal(r.body.items[0].data.revealed, true);
});

test('a department admin sees only its own department\'s audit events; officers none', async () => {
  const dept = await makeDepartment(p.ctx);
  const deptAdmin = client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'admin' }));
  await deptAdmin.post('/api/v1/keys', { role: 'system' });
  const r = await deptAdmin.get('/api/v1/audit?limit=500');
  assert.equal(r.status, 200);
  assert.ok(r.body.items.length > 0);
  assert.ok(r.body.items.every((e: { departmentId: string }) => e.departmentId === dept.id));
  const officer = client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role: 'officer' }));
  assert.equal((await officer.get('/api/v1/audit')).status, 403);
  assert.equal((await deptAdmin.get('/api/v1/audit/verify')).status, 403);
});

test('a tampered row is found, and the CLI exits 1 naming it', async () => {
  assert.equal((await verifyAudit(p.ctx.db)).ok, true);
  const victim = await p.ctx.db.selectFrom('audit_event').select(['id', 'seq']).where('seq', 'is not', null).orderBy('seq').offset(3).limit(1).executeTakeFirstOrThrow();
  await sql`UPDATE audit_event SET data = jsonb_set(data, '{forged}', 'true') WHERE id = ${victim.id}`.execute(p.ctx.db);
  const r = await verifyAudit(p.ctx.db);
  assert.equal(r.ok, false);
  assert.equal(r.broken?.seq, victim.seq);
  assert.equal(r.broken?.reason, 'hash');

  const run = promisify(execFile);
  const env = { ...process.env, DATABASE_URL: p.config.databaseUrl!, XINYONG_ENCRYPTION_KEYS: '1:' + Buffer.alloc(32, 1).toString('base64'), XINYONG_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64') };
  const out = await run(process.execPath, ['bin/xinyong.js', 'audit', 'verify', '--json'], { env }).then(() => null, (e) => e);
  assert.equal(out?.code, 1);
  assert.equal(JSON.parse(out.stdout).broken.seq, victim.seq);
});

test('a deleted row is found as a gap', async () => {
  await sql`UPDATE audit_event SET data = data - 'forged'`.execute(p.ctx.db);
  assert.equal((await verifyAudit(p.ctx.db)).ok, true);
  const victim = await p.ctx.db.selectFrom('audit_event').select(['id', 'seq']).where('seq', 'is not', null).orderBy('seq').offset(6).limit(1).executeTakeFirstOrThrow();
  await p.ctx.db.deleteFrom('audit_event').where('id', '=', victim.id).execute();
  const r = await verifyAudit(p.ctx.db);
  assert.equal(r.broken?.reason, 'gap');
  assert.equal(r.broken?.seq, victim.seq);
});
