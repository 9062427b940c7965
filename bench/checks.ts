// Check throughput (issue #4): with N organisations and M active entries loaded, POST /checks by
// USCC vs a bare Fastify route of the same server, same load generator; and POST /checks/batch of
// 1,000 subjects. Data is loaded with COPY (subjects) and INSERT … SELECT (entries).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/app.js';
import type { AppContext } from '../src/context.js';
import { createApiKey } from '../src/modules/auth/keys.js';
import { findPlatformDepartment } from '../src/modules/departments/store.js';
import { compareWithBareRoute, median } from './http.js';
import { organisations } from './generate.js';

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, ' ').replace(/\n/g, ' ');

export async function loadSubjects(ctx: AppContext, pool: import('pg').Pool, count: number): Promise<{ usccs: string[]; ids: string[] }> {
  const usccs: string[] = [];
  const ids: string[] = [];
  function* rows() {
    for (const o of organisations(count, 20261127)) {
      const id = randomUUID();
      usccs.push(o.uscc);
      ids.push(id);
      const kind = o.uscc.startsWith('92') ? 'individual_business' : 'organization';
      yield `${id}\t${kind}\t${esc(o.name)}\t${esc(o.name)}\t\t${o.uscc}\t${o.regionCode}\n`;
    }
  }
  const client = await pool.connect();
  try {
    await pipeline(Readable.from(rows()), client.query(copyFrom('COPY subject (id, kind, name, name_key, search_text, uscc, region_code) FROM STDIN')));
    // vacuumed now, or autovacuum would take a core for the 1M new rows during the measurement
    await client.query('VACUUM (ANALYZE) subject');
  } finally {
    client.release();
  }
  void ctx;
  return { usccs, ids };
}

export async function setting(ctx: AppContext, entries: number, subjectIds: string[]) {
  const platform = (await findPlatformDepartment(ctx.db))!;
  const db = ctx.db;
  await sql`INSERT INTO list_type (code, name, kind, domain, initiating_department_id, legal_basis, term_months)
    VALUES ('bench_debtor', '失信被执行人', 'black', '司法', ${platform.id}, '最高法规定', NULL),
           ('bench_tax', '重大税收违法失信主体', 'black', '税务', ${platform.id}, '办法', NULL)`.execute(db);
  await sql`INSERT INTO matter (code, name, department_id, category) VALUES ('BENCH-CG', '政府采购资格审查', ${platform.id}, '政府采购')`.execute(db);
  await sql`INSERT INTO measure (code, kind, nature, title, legal_basis, implementing_department_id, applies_to)
    VALUES ('BM1', 'punishment', 'mandatory', '限制参与政府采购', '《政府采购法》第二十二条', ${platform.id}, '{organization}'),
           ('BM2', 'punishment', 'recommended', '限制评审专家', '办法', ${platform.id}, '{responsible_person}')`.execute(db);
  await sql`INSERT INTO memorandum (code, doc_no, title) VALUES ('bench_memo', '发改财金〔2016〕141号', '备忘录')`.execute(db);
  await sql`INSERT INTO memorandum_list_type SELECT m.id, lt.id FROM memorandum m, list_type lt WHERE m.code = 'bench_memo' AND lt.code LIKE 'bench_%'`.execute(db);
  await sql`INSERT INTO memorandum_measure SELECT m.id, x.id FROM memorandum m, measure x WHERE m.code = 'bench_memo' AND x.code LIKE 'BM%'`.execute(db);
  await sql`INSERT INTO memorandum_acceptance (memorandum_id, department_id, status) SELECT id, ${platform.id}, 'accepted' FROM memorandum WHERE code = 'bench_memo'`.execute(db);
  // every fifth subject is listed (entries spread over the whole set)
  const listed = subjectIds.filter((_, i) => i % 5 === 0).slice(0, entries);
  await sql`INSERT INTO list_entry (list_type_id, subject_id, department_id, reason, decision_no, decided_on, starts_on)
    SELECT (SELECT id FROM list_type WHERE code = CASE WHEN n % 7 = 0 THEN 'bench_tax' ELSE 'bench_debtor' END), s, ${platform.id}, '基准测试', 'B-' || n, DATE '2026-01-05', DATE '2026-01-05'
    FROM unnest(${listed}::uuid[]) WITH ORDINALITY AS t(s, n)`.execute(db);
  await sql`VACUUM (ANALYZE) list_entry`.execute(db);
  return { platform, listed: listed.length };
}

export async function runCheckBench(opts: { ctx: AppContext; pool: import('pg').Pool; organisations: number; entries: number; seconds: number; rounds: number }) {
  const { ctx } = opts;
  const t0 = Date.now();
  const { usccs, ids } = await loadSubjects(ctx, opts.pool, opts.organisations);
  const { platform, listed } = await setting(ctx, opts.entries, ids);
  const loadSeconds = (Date.now() - t0) / 1000;
  const key = (await createApiKey({ db: ctx.db, principal: null, departmentCode: platform.code, role: 'system' })).key;
  const headers = { authorization: `Bearer ${key}` };
  // 2,000 different subjects, one in five listed, cycled by the load generator
  const requests = Array.from({ length: 2000 }, (_, i) => ({ method: 'POST' as const, path: '/api/v1/checks', body: JSON.stringify({ subject: { uscc: usccs[(i * 7919) % usccs.length] }, matterCode: 'BENCH-CG' }) }));
  const heapBefore = process.memoryUsage().heapUsed;
  const app = await buildApp(ctx, { rateLimits: false });
  // the subject index loads in the background (checks read PostgreSQL meanwhile); measure it loaded
  const tIndex = performance.now();
  await ctx.checks?.follower?.ready();
  const indexLoadMs = performance.now() - tIndex;
  global.gc?.();
  const indexHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const before = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM credit_check`.execute(ctx.db)).rows[0].n);
  const single = await compareWithBareRoute({ name: 'checks', app, seconds: opts.seconds, rounds: opts.rounds, target: { method: 'POST', path: '/api/v1/checks', headers, requests } });
  await ctx.checks?.drained();
  const logged = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM credit_check`.execute(ctx.db)).rows[0].n) - before;
  const batchTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    const subjects = Array.from({ length: 1000 }, (_, i) => ({ uscc: usccs[(r * 1000 + i * 31) % usccs.length] }));
    const t = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/v1/checks/batch', headers, payload: { subjects, matterCode: 'BENCH-CG' } });
    if (res.statusCode !== 200) throw new Error(`batch failed: ${res.body}`);
    batchTimes.push(performance.now() - t);
  }
  await app.close();
  return { ...single, listed, loadSeconds, logged, batchMs: median(batchTimes), indexLoadMs, indexHeapMb, mode: ctx.config.checkIndex };
}
