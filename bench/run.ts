// `npm run bench [-- --quick] [-- --only identifiers,http-identifiers] [-- --rows 1000000 --formats csv]`: benchmarks with in-run
// baselines; prints medians and ratios. Uses DATABASE_URL when set, else an embedded PostgreSQL in
// a temporary folder. Targets: docs/benchmarks.md and the issues.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/platform.js';
import { compareWithBareRoute } from './http.js';
import { runCheckBench } from './checks.js';
import { runIdentifierBench } from './identifiers.bench.js';
import { runPushBench } from './push.js';
import { runCollectionBench } from './collection.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, organisations: { type: 'string' }, entries: { type: 'string' }, rows: { type: 'string' }, formats: { type: 'string' } } });
const only = values.only?.split(',');
const wants = (name: string) => !only || only.includes(name);
const quick = !!values.quick;

function line(name: string, fields: Record<string, string | number>) {
  console.log(`${name.padEnd(28)} ${Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(3)) : v}`).join('  ')}`);
}

/** A fresh platform (embedded PostgreSQL in a temporary folder, or DATABASE_URL) for one benchmark. */
async function withPlatform(fn: (p: Awaited<ReturnType<typeof openContext>> & { config: ReturnType<typeof loadConfig> }) => Promise<void>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-bench-'));
  const config = loadConfig({
    ...process.env, XINYONG_DATA: dir,
    XINYONG_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`, XINYONG_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  });
  const opened = await openContext(config);
  try {
    await fn({ ...opened, config });
  } finally {
    await opened.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`xinyong bench — ${new Date().toISOString()} — node ${process.version}, ${quick ? 'quick' : 'full'} run; medians`);

if (wants('identifiers')) {
  const r = await runIdentifierBench({ n: quick ? 20_000 : 200_000 });
  line('identifiers.validate', { median_ops_s: Math.round(r.medianOpsPerSec), baseline_regex_ops_s: Math.round(r.baselineOpsPerSec), ratio: r.ratio });
}

if (wants('http-identifiers')) {
  await withPlatform(async ({ ctx }) => {
    const app = await buildApp(ctx, { rateLimits: false });
    const r = await compareWithBareRoute({
      name: 'http.identifiers', app, seconds: quick ? 2 : 5, rounds: quick ? 1 : 3,
      target: { path: '/api/v1/identifiers/91410100MA3X5K7Q1U' },
    });
    line('http GET /identifiers', { median_rps: Math.round(r.medianRps), bare_route_rps: Math.round(r.baselineRps), ratio: r.ratio, same_server_ratio: r.sameServerRatio, p99_ms: r.p99Ms, server_us: Math.round(r.serverUs), bare_server_us: Math.round(r.bareServerUs) });
    await app.close();
  });
}
if (wants('checks')) {
  const organisationCount = Number(values.organisations ?? (quick ? 100_000 : 1_000_000));
  const entryCount = Number(values.entries ?? (quick ? 20_000 : 200_000));
  await withPlatform(async ({ ctx, database, config }) => {
    if (config.databaseUrl) throw new Error('the checks bench loads 1M rows: run it on the embedded database (unset DATABASE_URL)');
    const r = await runCheckBench({ ctx, pool: database.pool, organisations: organisationCount, entries: entryCount, seconds: quick ? 2 : 10, rounds: 3 });
    line('http POST /checks', { mode: r.mode, organisations: organisationCount, entries: r.listed, index_load_ms: Math.round(r.indexLoadMs), index_heap_mb: Math.round(r.indexHeapMb), median_rps: Math.round(r.medianRps), bare_route_rps: Math.round(r.baselineRps), ratio: r.ratio, same_server_bare_rps: Math.round(r.sameServerRps), same_server_ratio: r.sameServerRatio, p99_ms: r.p99Ms, checks_logged: r.logged });
    line('  server CPU µs/request', { check: Math.round(r.serverUs), bare_route: Math.round(r.bareServerUs), same_server_bare: Math.round(r.sameServerUs), cpu_ratio: r.bareServerUs / r.serverUs });
    line('http POST /checks/batch', { subjects: 1000, median_ms: Math.round(r.batchMs), load_s: r.loadSeconds });
  });
}
if (wants('collection')) {
  await withPlatform(async ({ ctx, database, config }) => {
    const results = await runCollectionBench({ ctx, pool: database.pool, config, sizes: values.rows ? values.rows.split(',').map(Number) : quick ? [20_000] : [100_000, 1_000_000], formats: values.formats?.split(','), copyRounds: quick ? 1 : 3, log: (m) => console.error(`  … ${m}`) });
    for (const r of results) {
      for (const i of r.imports) {
        line(`collection.import ${i.format}`, { rows: r.size, rows_s: Math.round(i.rowsPerSec), copy_rows_s: Math.round(r.copyRowsPerSec), ratio: i.ratio, node_cpu_us_row: Math.round(i.nodeUsPerRow), copy_us_row: Math.round(1e6 / r.copyRowsPerSec), peak_rss_mb: i.peakRssMb, file_mb: Math.round(i.fileMb) });
      }
    }
  });
}
if (wants('push')) {
  await withPlatform(async ({ ctx }) => {
    const r = await runPushBench({ ctx, changes: quick ? 1000 : 5000 });
    line('webhook deliveries', { changes: quick ? 1000 : 5000, delivered_s: Math.round(r.deliveredPerSec), bare_post_s: Math.round(r.baselinePerSec), ratio: r.ratio, per_subscription: r.perSubscription, fanout_ms: Math.round(r.queuedMs) });
  });
}
process.exit(0);
