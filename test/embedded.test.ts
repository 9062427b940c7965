// The embedded PostgreSQL as a user meets it: `serve` initialises and starts it under --data,
// keeps data across restarts, stops it cleanly on SIGTERM, recovers after SIGKILL, and a second
// process on the same folder is refused with the first one's pid. Also: non-UTF-8 databases are refused.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { assertUtf8 } from '../src/db/database.js';
import { DEMO_ORG } from '../src/modules/demo/fixtures.js';
import { testEnv } from './support/db.js';

const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-embedded-'));
chmodSync(dir, 0o755);
const dataDir = path.join(dir, 'data');
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function serve(port: number, extra: string[] = []) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/xinyong.js', 'serve', '--data', dataDir, '--port', String(port), ...extra], { env });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function waitHealthy(port: number, ms = 60_000): Promise<unknown> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (r.ok) return r.json();
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

const port = 3900 + (process.pid % 80);

test('serve starts on the embedded database with demo data; a second process is refused naming the first', async () => {
  const first = serve(port, ['--demo']);
  assert.deepEqual(await waitHealthy(port), { status: 'ok', database: 'embedded' });
  const found = await (await fetch(`http://127.0.0.1:${port}/api/v1/public/search?q=${DEMO_ORG.uscc}`)).json();
  assert.equal(found.items[0].name, DEMO_ORG.name);

  const second = serve(port + 1);
  assert.equal(await second.exited, 2);
  assert.match(second.output(), new RegExp(`已被进程 ${first.child.pid} 使用`));

  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0);
  assert.ok(!existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'PostgreSQL was shut down');
  assert.ok(!existsSync(path.join(dataDir, 'xinyong.lock')), 'the folder lock was released');
});

test('data survives a restart, and a SIGKILLed owner does not block the next start', async () => {
  const again = serve(port);
  await waitHealthy(port);
  const found = await (await fetch(`http://127.0.0.1:${port}/api/v1/public/search?q=${DEMO_ORG.uscc}`)).json();
  assert.equal(found.items.length, 1, 'demo data persisted');
  again.child.kill('SIGKILL');
  await again.exited;
  // its PostgreSQL is orphaned but alive; the next start stops it and takes over
  const third = serve(port);
  await waitHealthy(port);
  third.child.kill('SIGINT');
  assert.equal(await third.exited, 0, `a clean shutdown; the server said: ${third.output()}`);
});

test('a database with locale C is refused with a clear message', async () => {
  const { adminUrl } = testEnv();
  const name = `xy_c_locale_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  try {
    await assert.rejects(assertUtf8(pool), (e: Error & { code?: string; detail?: string }) => e.code === 'DATABASE_LOCALE' && /UTF8/.test(e.detail ?? ''));
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
});
