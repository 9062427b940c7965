// The command line as DESIGN §5 fixes it: validate (text, --json, --type, exit codes) and
// keys create (the key alone on stdout; it authenticates).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { DEMO_ORG } from '../src/modules/demo/fixtures.js';
import { client } from './support/http.js';
import { makeDepartment } from './support/factories.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

const run = promisify(execFile);
async function xinyong(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['bin/xinyong.js', ...args], { env: { ...process.env, ...env } })
    .then((r) => ({ code: 0, ...r }), (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));
}

let p: TestPlatform;
let env: Record<string, string>;
before(async () => {
  p = await startPlatform();
  env = {
    DATABASE_URL: p.config.databaseUrl!,
    XINYONG_ENCRYPTION_KEYS: [...p.config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','),
    XINYONG_BLIND_INDEX_KEY: p.config.blindIndexKey.toString('base64'),
  };
});
after(() => p.close());

test('validate --json prints one result per value, in order, and exits 1 when one is invalid', async () => {
  const r = await xinyong(['validate', '--json', DEMO_ORG.uscc, '410105198001011238', 'MA3X5K7Q-1']);
  assert.equal(r.code, 1);
  const results = JSON.parse(r.stdout);
  assert.equal(results.length, 3);
  assert.deepEqual(results.map((x: { type: string }) => x.type), ['uscc', 'ric', 'org_code']);
  assert.deepEqual(results.map((x: { valid: boolean }) => x.valid), [true, false, true]);
});

test('a long --json answer reaches a reader that is slow to read it, whole', async () => {
  // ≈ 1 MB of results into a pipe (64 KB) whose reader starts a second late, as `| jq` on a busy
  // machine may: what the pipe cannot take yet must not be dropped when the command exits
  const values = Array.from({ length: 3000 }, () => DEMO_ORG.uscc).join(' ');
  const r = await run('sh', ['-c', `"${process.execPath}" bin/xinyong.js validate --json ${values} | (sleep 1; cat)`], { maxBuffer: 16 * 1024 * 1024 });
  assert.equal(JSON.parse(r.stdout).length, 3000);
});

test('validate exits 0 when all are valid; --type forces the reading', async () => {
  const ok = await xinyong(['validate', DEMO_ORG.uscc]);
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /有效/);
  const forced = await xinyong(['validate', '--json', '--type', 'ric', DEMO_ORG.uscc]);
  assert.equal(JSON.parse(forced.stdout)[0].type, 'ric');
  assert.equal(forced.code, 1);
});

test('keys create prints only the key, which works; without --department it belongs to the credit office', async () => {
  const r = await xinyong(['keys', 'create', '--role', 'admin'], env);
  assert.equal(r.code, 0, r.stderr);
  const key = r.stdout.trim();
  assert.match(key, /^xy_[A-Za-z0-9_-]+$/);
  const me = await client(p.baseUrl, key).get('/api/v1/auth/me');
  assert.equal(me.body.user.department.platform, true);
  assert.equal(me.body.user.role, 'admin');

  const dept = await makeDepartment(p.ctx);
  const r2 = await xinyong(['keys', 'create', '--department', dept.code, '--role', 'system', '--name', '采购系统'], env);
  assert.equal((await client(p.baseUrl, r2.stdout.trim()).get('/api/v1/auth/me')).body.user.department.code, dept.code);

  const bad = await xinyong(['keys', 'create', '--department', '91410100MA3X5K7Q1U', '--role', 'system'], env);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /部门 91410100MA3X5K7Q1U 不存在/);
});
