// The import command as DESIGN §5 fixes it — summary, --json, FILE.rejects.csv (UTF-8 with BOM),
// exit codes — and the promise that matters most: kill it mid-way, run it again, and the data is
// complete with nothing twice. Also `calendar import` and `sweep publication`.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { makeDepartment } from './support/factories.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { penaltyFactory, tempDir, writeCsv, type Row } from './fixtures/collection/files.js';

const run = promisify(execFile);
let p: TestPlatform;
let env: Record<string, string>;
let dept: string;
let dir: string;

async function xinyong(args: string[]) {
  return run(process.execPath, ['bin/xinyong.js', ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })
    .then((r) => ({ code: 0, ...r }), (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));
}

before(async () => {
  p = await startPlatform();
  env = {
    DATABASE_URL: p.config.databaseUrl!,
    XINYONG_ENCRYPTION_KEYS: [...p.config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','),
    XINYONG_BLIND_INDEX_KEY: p.config.blindIndexKey.toString('base64'),
  };
  dept = (await makeDepartment(p.ctx, { name: '郑州市应急管理局', roles: ['provider'] })).code;
  dir = tempDir();
});
after(() => p.close());

const count = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(p.ctx.db)).rows[0].n);

test('import --json prints the API summary, writes FILE.rejects.csv with a BOM and exits 1 on rejects', async () => {
  const f = penaltyFactory(51, dept);
  const file = writeCsv(path.join(dir, '处罚.csv'), [f.org(), f.org({ 处罚决定日期: '明天' }), f.person()], { encoding: 'gbk' });
  const r = await xinyong(['import', '--type', 'admin_penalty', '--department', dept, '--json', file]);
  assert.equal(r.code, 1, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.deepEqual([s.accepted, s.rejected, s.unchanged, s.versioned], [2, 1, 0, 0]);
  assert.match(s.batchId, /^[0-9a-f-]{36}$/);
  assert.deepEqual(s.rejects, [{ row: 3, field: '处罚决定日期', code: 'INVALID_DATE', reason: s.rejects[0].reason }]);
  const rejects = readFileSync(`${file}.rejects.csv`);
  assert.deepEqual([...rejects.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(rejects.toString('utf8'), /行号,字段,代码,原因\r\n3,处罚决定日期,INVALID_DATE,/);
  const again = await xinyong(['import', '--type', 'admin_penalty', '--department', dept, file]);
  assert.equal(again.code, 1);
  assert.match(again.stdout, /新增 0，更正（新版本）0，未变 2，撤销 0，拒绝 1/);
});

test('a file whose every row is rejected: --json and FILE.rejects.csv list each of its thousands of problems', { timeout: 120_000 }, async () => {
  // the exporting system wrote the penalty authority's code with a wrong check character:
  // two problems a row (处罚机关 and 数据来源单位 codes), 5,200 in all, past one page of the reader
  const wrong = `${dept.slice(0, 17)}${dept[17] === '0' ? '1' : '0'}`;
  const f = penaltyFactory(54, wrong);
  const file = writeCsv(path.join(dir, 'all-wrong.csv'), Array.from({ length: 2600 }, () => f.org()), { encoding: 'gbk' });
  const r = await xinyong(['import', '--type', 'admin_penalty', '--department', dept, '--json', file]);
  assert.equal(r.code, 1, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.deepEqual([s.accepted, s.rejected, s.rejectsTotal, s.rejects.length], [0, 2600, 5200, 5200]);
  assert.deepEqual([s.rejects[0].row, s.rejects.at(-1).row], [2, 2601]);
  assert.ok(s.rejects.every((x: { code: string }, i: number) => x.code === 'CHECK_FAILED' && (i === 0 || s.rejects[i - 1].row <= x.row)), 'in row order');
  const lines = readFileSync(`${file}.rejects.csv`, 'utf8').trim().split('\r\n');
  assert.equal(lines.length, 1 + 5200);
  assert.match(lines.at(-1)!, /^2601,数据来源单位统一社会信用代码,CHECK_FAILED,/);
});

test('exit 0 without rejects; 2 with a clear message for an unknown type or department', async () => {
  const f = penaltyFactory(52, dept);
  const file = writeCsv(path.join(dir, 'ok.csv'), [f.org()]);
  const ok = await xinyong(['import', '--type', 'admin_penalty', '--department', dept, file]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /新增 1/);
  const badType = await xinyong(['import', '--type', 'no_such_type', '--department', dept, file]);
  assert.equal(badType.code, 2);
  assert.match(badType.stderr, /信息类别 no_such_type 不存在/);
});

test('killed mid-import, the same command finishes the job without duplicates', { timeout: 240_000 }, async () => {
  const f = penaltyFactory(53, dept);
  const rows: Row[] = [];
  const n = 40_000;
  for (let i = 0; i < n; i++) rows.push(i % 1000 === 999 ? f.org({ 违法事实: '' }) : i % 10 === 0 ? f.person() : f.org());
  const file = writeCsv(path.join(dir, 'big.csv'), rows, { encoding: 'gbk' });
  const expectedRejected = rows.filter((r) => r['违法事实'] === '').length;
  const args = ['bin/xinyong.js', 'import', '--type', 'admin_penalty', '--department', dept, '--chunk-size', '2000', '--json', file];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  let committed = 0;
  for (let waited = 0; committed < 4000 && waited < 120_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    committed = await count(sql`SELECT coalesce(max(committed_row), 0) AS n FROM collection_batch WHERE file_name = 'big.csv'`);
  }
  child.kill('SIGKILL');
  const exit = await new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  assert.equal(exit, null, 'the import was killed, not finished');
  const partial = await count(sql`SELECT count(*) AS n FROM credit_record r JOIN collection_batch b ON b.id = r.batch_id WHERE b.file_name = 'big.csv'`);
  assert.ok(partial > 0 && partial < n - expectedRejected, `partly imported: ${partial}`);
  const batch = (await sql<{ status: string; committed_row: number }>`SELECT status, committed_row FROM collection_batch WHERE file_name = 'big.csv'`.execute(p.ctx.db)).rows;
  assert.equal(batch.length, 1);
  assert.equal(batch[0].status, 'running');

  const r = await xinyong(['import', '--type', 'admin_penalty', '--department', dept, '--json', file]);
  assert.equal(r.code, 1, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.ok(s.resumedFrom >= 4000, `resumed from ${s.resumedFrom}`);
  assert.deepEqual([s.total, s.accepted + s.unchanged, s.rejected, s.versioned], [n, n - expectedRejected, expectedRejected, 0]);
  assert.equal(s.rejects.length, expectedRejected);
  const stored = await count(sql`SELECT count(*) AS n FROM credit_record r JOIN collection_batch b ON b.id = r.batch_id WHERE b.file_name = 'big.csv'`);
  const keys = await count(sql`SELECT count(DISTINCT natural_key) AS n FROM credit_record r JOIN collection_batch b ON b.id = r.batch_id WHERE b.file_name = 'big.csv'`);
  assert.deepEqual([stored, keys], [n - expectedRejected, n - expectedRejected]);
  assert.equal(await count(sql`SELECT count(*) AS n FROM collection_batch WHERE file_name = 'big.csv'`), 1);
  const rejectRows = readFileSync(`${file}.rejects.csv`, 'utf8').trim().split('\r\n').length - 1;
  assert.equal(rejectRows, expectedRejected);
});

test('calendar import loads a year from CSV; sweep publication runs from the command line', async () => {
  const csv = path.join(dir, '2029.csv');
  writeFileSync(csv, 'date,kind,name,notice\n2029-01-01,holiday,元旦,测试通知\n2029-10-01,放假,国庆节,\n2029-09-29,上班,国庆节,\n');
  const r = await xinyong(['calendar', 'import', csv]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /2029 年：放假 2 天，调休上班 1 天（测试通知）/);
  const bad = await xinyong(['calendar', 'import', path.join(dir, 'ok.csv')]);
  assert.equal(bad.code, 2);
  const sweep = await xinyong(['sweep', 'publication']);
  assert.equal(sweep.code, 0, sweep.stderr);
  assert.match(sweep.stdout, /已停止公示 \d+ 条/);
});
