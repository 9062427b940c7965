#!/usr/bin/env node
// `npm test`: runs every test on a real PostgreSQL. Without TEST_DATABASE_URL it starts the
// embedded server (the same code `serve` uses) in a temporary folder; with it, it uses that
// server. Either way it creates one migrated template database per run, each test file clones
// its own database from it, and everything is dropped at the end.
//   node scripts/test.mjs [--unit] [--no-browser] [FILES...]
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const browser = !args.includes('--no-browser') && !unitOnly;
const explicit = args.filter((a) => !a.startsWith('--'));

function find(dir, pred, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'node_modules') find(p, pred, out); }
    else if (pred(p)) out.push(path.relative(root, p));
  }
  return out;
}

const isTest = (p) => p.endsWith('.test.ts');
const unit = find(path.join(root, 'src'), isTest).concat(find(path.join(root, 'bench'), isTest));
const integration = find(path.join(root, 'test'), (p) => isTest(p) && !p.includes(`${path.sep}browser${path.sep}`));
const browserTests = find(path.join(root, 'test', 'browser'), isTest);
const files = explicit.length ? explicit : [...unit, ...(unitOnly ? [] : integration), ...(browser ? browserTests : [])];

const { startEmbedded } = await import(path.join(root, 'src/db/embedded.ts'));
const { ensureDatabase, createPool } = await import(path.join(root, 'src/db/database.ts'));
const { migrate } = await import(path.join(root, 'src/db/migrate.ts'));

let embedded = null;
let tmp = null;
let adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  tmp = mkdtempSync(path.join(tmpdir(), 'xinyong-test-'));
  process.stdout.write(`starting embedded PostgreSQL in ${tmp}\n`);
  embedded = await startEmbedded(tmp);
  adminUrl = embedded.url;
}
process.stdout.write(`database: ${embedded ? 'embedded' : 'server'} (${new URL(adminUrl).host})\n`);
const template = `xy_tpl_${process.pid}_${Date.now().toString(36)}`;
const templateUrl = await ensureDatabase(adminUrl, template);
const pool = createPool(templateUrl, 1);
await migrate(pool);
await pool.end();

// the PDF documents' tests need a Chinese font; the browser tests Chromium too (which brings the font)
if (browser && browserTests.length) spawnSync('bash', [path.join(root, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
else if (!unitOnly) spawnSync('sh', [path.join(root, 'scripts/ensure-font.sh')], { stdio: 'inherit' });

// Browser tests run after the others, one file at a time: sharing two cores with the heavy
// integration files (sync kills, imports) starved Chromium past its 15 s waits.
const env = { ...process.env, XY_TEST_ADMIN_URL: adminUrl, XY_TEST_TEMPLATE: template, XY_TEST_DB_KIND: embedded ? 'embedded' : 'server' };
function runTests(list, concurrency) {
  if (!list.length) return Promise.resolve(0);
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...list], { cwd: root, stdio: 'inherit', env });
  return new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
}
const isBrowser = (f) => f.includes(`${path.sep}browser${path.sep}`) || f.startsWith(`test${path.sep}browser`);
const first = await runTests(files.filter((f) => !isBrowser(f)), 2);
const second = await runTests(files.filter(isBrowser), 1);
const code = first || second;

// clean up: the per-file databases are dropped by each file; the template here
const pg = (await import('pg')).default;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [template, `xy_t_${template.slice(7)}%`]);
for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`).catch(() => {});
await admin.end();
if (embedded) await embedded.stop();
if (tmp) rmSync(tmp, { recursive: true, force: true });
process.exit(code);
