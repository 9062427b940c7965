// CPU per row of one import, the figure that survives a noisy shared machine (docs/collection.md
// §Throughput): a 20k-row GBK CSV (or .xlsx) of known subjects is imported in a child process; its own
// CPU (all threads) and the PostgreSQL server's (postmaster, live backends, and backends reaped
// meanwhile) are read from /proc before and after. Needs DATABASE_URL: a throwaway database on a local
// server (the platform's schema and the bench's rows are written into it; never the `postgres` database).
//   createdb -h 127.0.0.1 -U postgres xy_cpu && DATABASE_URL=postgres://postgres@127.0.0.1:5432/xy_cpu node --import tsx bench/collection-cpu.ts [--rows 20000] [--format csv|xlsx] [--subjects known|new]
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { loadConfig } from '../src/config.js';
import { makeUscc } from '../src/domain/identifiers/generate.js';
import * as departments from '../src/modules/departments/store.js';
import { openContext } from '../src/platform.js';
import { writeBenchCsv, writeBenchXlsx } from './collection-files.js';
import { makeRandom } from './generate.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, format: { type: 'string' }, subjects: { type: 'string' }, seed: { type: 'string' } } });
const rows = Number(values.rows ?? 20_000);
const format = values.format ?? 'csv';
const seed = Number(values.seed ?? Date.now() % 100_000);
const TICK_US = 10_000; // USER_HZ = 100

function ticks(pid: string): [number, number] {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return [Number(f[1]), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])]; // ppid, utime+stime+cutime+cstime
}

function postgresCpuUs(): number {
  const procs = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  let master = '';
  for (const p of procs) {
    try { if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('/var/lib/postgresql/')) { master = p; break; } } catch { /* gone */ }
  }
  if (!master) throw new Error('no local PostgreSQL server found');
  let total = ticks(master)[1];
  for (const p of procs) {
    try { const [ppid, t] = ticks(p); if (String(ppid) === master) total += t; } catch { /* gone */ }
  }
  return total * TICK_US;
}

const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-cpu-'));
const config = loadConfig({ ...process.env, XINYONG_DATA: dir, XINYONG_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`, XINYONG_BLIND_INDEX_KEY: randomBytes(32).toString('base64') });
const { ctx, database } = await openContext(config);
const env = { ...process.env, XINYONG_ENCRYPTION_KEYS: [...config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','), XINYONG_BLIND_INDEX_KEY: config.blindIndexKey.toString('base64') };
const run = promisify(execFile);
try {
  const dept = makeUscc(makeRandom(seed), { authority: '1', entityType: '1', regionCode: '410000' });
  await ctx.db.transaction().execute((tx) => departments.insertDepartment(tx, { code: dept, name: `CPU基准部门${seed}`, regionCode: '410000', roles: ['provider'] }));
  const write = format === 'csv' ? writeBenchCsv : writeBenchXlsx;
  const importFile = async (tag: string) => {
    const file = path.join(dir, `p-${tag}.${format}`);
    await write(file, rows, seed, dept, tag);
    const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'collection-import.ts');
    const pgBefore = postgresCpuUs();
    const { stdout } = await run(process.execPath, [...(process.env.XY_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--max-old-space-size=256', '--import', 'tsx', script, '--file', file, '--type', 'admin_penalty', '--department', dept, '--data', dir], { env, maxBuffer: 1 << 24 });
    await new Promise((r) => setTimeout(r, 300)); // let the backend exit and be reaped
    const pgUs = postgresCpuUs() - pgBefore;
    const r = JSON.parse(stdout.trim().split('\n').pop()!);
    return { ...r, nodeUsPerRow: Math.round(r.cpuUs / rows), pgUsPerRow: Math.round(pgUs / rows), rowsPerSec: Math.round(rows / r.seconds) };
  };
  if (values.subjects !== 'new') await importFile('A');
  console.log(JSON.stringify(await importFile('B')));
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
