// Import throughput (issue #3): admin_penalty rows from a GBK .csv and from an .xlsx, fully
// validated and written (subjects found or created, records, changes, audit), against a plain COPY
// of the same rows into a table of the same shape (credit_record's columns, defaults and indexes),
// measured in the same run. Each import runs in a process of its own, so its peak RSS can be
// reported: memory must stay flat as the file grows.
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type pg from 'pg';
import type { Config } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { makeUscc } from '../src/domain/identifiers/generate.js';
import * as departments from '../src/modules/departments/store.js';
import { writeBenchCsv, writeBenchXlsx } from './collection-files.js';
import { makeRandom } from './generate.js';
import { median } from './http.js';

const run = promisify(execFile);

/**
 * `subjects`: new = every row creates its subject; known = the subjects were delivered before (the
 * usual case: registration data comes first). `format` is the label printed, e.g. "csv new-subjects".
 */
export interface ImportRun { format: string; subjects: 'new' | 'known'; rows: number; seconds: number; rowsPerSec: number; peakRssMb: number; fileMb: number; ratio: number; nodeUsPerRow: number }
export interface CollectionBenchResult { size: number; copyRowsPerSec: number; imports: ImportRun[] }

function childEnv(config: Config): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
    XINYONG_ENCRYPTION_KEYS: [...config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','),
    XINYONG_BLIND_INDEX_KEY: config.blindIndexKey.toString('base64'),
  };
}

async function importInChild(config: Config, file: string, department: string) {
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'collection-import.ts');
  // a 256 MB heap cap: a working set that grew with the file would fail here, not just show a higher peak
  const { stdout } = await run(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', script, '--file', file, '--type', 'admin_penalty', '--department', department, '--data', config.dataDir],
    { env: childEnv(config), maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { rows: number; seconds: number; peakRssMb: number; cpuUs: number; accepted: number; rejected: number };
}

/** COPY of the rows an import stored, into an empty table of the same shape: the in-run baseline. */
async function copyBaseline(pool: pg.Pool, batchFile: string, rows: number, rounds: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_copy');
    await client.query('CREATE TABLE bench_copy (LIKE credit_record INCLUDING ALL)');
    const rates: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await client.query('TRUNCATE bench_copy');
      const started = process.hrtime.bigint();
      await pipeline(createReadStream(batchFile), client.query(copyFrom('COPY bench_copy FROM STDIN')));
      rates.push(rows / (Number(process.hrtime.bigint() - started) / 1e9));
    }
    await client.query('DROP TABLE bench_copy');
    return median(rates);
  } finally {
    client.release();
  }
}

async function dumpBatch(pool: pg.Pool, department: string, file: string): Promise<void> {
  const client = await pool.connect();
  try {
    await pipeline(client.query(copyTo(`COPY (SELECT r.* FROM credit_record r JOIN department d ON d.id = r.department_id WHERE d.code = '${department}') TO STDOUT`)), createWriteStream(file));
  } finally {
    client.release();
  }
}

async function benchDepartment(ctx: AppContext, seed: number): Promise<string> {
  const code = makeUscc(makeRandom(seed), { authority: '1', entityType: '1', regionCode: '410000' });
  await ctx.db.transaction().execute((tx) => departments.insertDepartment(tx, { code, name: `基准测试部门${seed}`, regionCode: '410000', roles: ['provider'] }));
  return code;
}

const SCENARIOS = [
  { format: 'csv', subjects: 'new' }, { format: 'csv', subjects: 'known' }, { format: 'xlsx', subjects: 'new' }, { format: 'xlsx', subjects: 'known' },
] as const;

export async function runCollectionBench(opts: { ctx: AppContext; pool: pg.Pool; config: Config; sizes: number[]; copyRounds: number; formats?: string[]; log?: (m: string) => void }): Promise<CollectionBenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-bench-collection-'));
  const out: CollectionBenchResult[] = [];
  try {
    for (const [i, size] of opts.sizes.entries()) {
      const imports: Omit<ImportRun, 'ratio'>[] = [];
      let copyRowsPerSec = 0;
      const depts: Record<string, string> = {};
      for (const s of SCENARIOS.filter((x) => !opts.formats || opts.formats.includes(x.format))) {
        // the same organisations and persons per format; "known" delivers other penalties of them
        const seed = 20261127 + i * 10 + (s.format === 'csv' ? 1 : 2);
        const dept = depts[s.format] ??= await benchDepartment(opts.ctx, seed);
        const file = path.join(dir, `penalties-${size}-${s.subjects}.${s.format}`);
        opts.log?.(`writing ${size} rows to ${path.basename(file)}`);
        const tag = s.subjects === 'new' ? 'A' : 'B';
        await (s.format === 'csv' ? writeBenchCsv(file, size, seed, dept, tag) : writeBenchXlsx(file, size, seed, dept, tag));
        opts.log?.(`importing ${path.basename(file)}`);
        const r = await importInChild(opts.config, file, dept);
        if (r.rejected || r.accepted !== size) throw new Error(`bench file ${file}: ${r.accepted} accepted, ${r.rejected} rejected of ${size}`);
        imports.push({ format: `${s.format} ${s.subjects}-subjects`, subjects: s.subjects, rows: r.rows, seconds: r.seconds, rowsPerSec: r.rows / r.seconds, peakRssMb: r.peakRssMb, nodeUsPerRow: r.cpuUs / r.rows, fileMb: statSync(file).size / 1024 / 1024 });
        if (!copyRowsPerSec) {
          const dump = path.join(dir, `copy-${size}.txt`);
          await dumpBatch(opts.pool, dept, dump);
          copyRowsPerSec = await copyBaseline(opts.pool, dump, r.accepted, opts.copyRounds);
          rmSync(dump, { force: true });
        }
        rmSync(file, { force: true });
      }
      out.push({ size, copyRowsPerSec, imports: imports.map((x) => ({ ...x, ratio: x.rowsPerSec / copyRowsPerSec })) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
