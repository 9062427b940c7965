// 跟踪问效: the quarterly report counts, per department, what the joint-action loop and the rights of
// the listed produced in the quarter, names the laggards with their reasons, and comes as JSON, as
// an Excel download and from the command line. A department sees only its own figures.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { quarterOf } from '../src/domain/tracking.js';
import { today } from '../src/modules/calendar/use-cases.js';
import { makeKey, uscc } from './support/factories.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const quarter = quarterOf(today()).code;
const orgs = [uscc(), uscc()].map((code, i) => ({ kind: 'organization', uscc: code, name: `跟踪问效样本${i + 1}有限公司` }));
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  const entries: string[] = [];
  for (const [i, org] of orgs.entries()) {
    const r = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: org, reason: '拒不履行', decisionNo: `（2026）豫01执${900 + i}号`, decidedOn: '2026-03-02', startsOn: '2026-03-02' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    entries.push(r.body.id);
  }
  // finance acknowledges one of the two listings pushed to it
  const tasks = await s.financeOfficer.get('/api/v1/tasks?status=pending');
  assert.equal((await s.financeOfficer.post(`/api/v1/tasks/${tasks.body.items[0].id}/acknowledge`)).status, 200);
  // three checks: two hit the list and open a feedback duty, one is clear
  const check = (code: string) => s.financeSystem.post('/api/v1/checks', { subject: { uscc: code }, matterCode: s.codes.matter });
  const [first, second] = [await check(orgs[0].uscc), await check(orgs[1].uscc)];
  await check(uscc());
  const given = await s.financeSystem.post(`/api/v1/checks/${first.body.checkId}/feedback`, {
    measures: first.body.measures.map((m: { code: string }) => ({ code: m.code, action: 'applied' })), note: '已取消其投标资格',
  });
  assert.equal(given.status, 201, JSON.stringify(given.body));
  await sql`UPDATE credit_check SET feedback_due_on = ${yesterday()} WHERE id = ${second.body.checkId}`.execute(p.ctx.db);
  // an objection nobody accepted in time: the credit office's lateness
  const objection = await client(p.baseUrl).post('/api/v1/objections', { target: { entryId: entries[1] }, reason: '已履行完毕', applicant: { name: '王经理', contact: '13900000000' } });
  assert.equal(objection.status, 201, JSON.stringify(objection.body));
  await sql`UPDATE objection SET accept_due_on = ${yesterday()} WHERE id = ${objection.body.id}`.execute(p.ctx.db);
});
after(() => p.close());

type Row = { department: { code: string; name: string }; [k: string]: any };
const rowOf = (body: { departments: Row[] }, code: string) => body.departments.find((d) => d.department.code === code)!;

test('the credit office sees every department\'s loop: published, pushed, acknowledged, checked, fed back, overdue', async () => {
  const r = await s.admin.get(`/api/v1/tracking/quarterly?quarter=${quarter}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.quarter.code, quarter);
  assert.ok(r.body.warnings.some((w: string) => w.includes('尚未结束')), 'the current quarter is reported as so far');
  assert.equal(rowOf(r.body, s.departments.court).entries.published, 2);
  const finance = rowOf(r.body, s.departments.finance);
  assert.deepEqual(finance.tasks, { pushed: 2, acknowledged: 1, pending: 1 });
  assert.deepEqual(finance.checks, { total: 3, hits: 2, feedbackDue: 2, feedbackGiven: 1, feedbackLate: 0, overdue: 1 });
  assert.equal(finance.rates.feedback, 50);
  assert.equal(finance.rates.taskAcknowledged, 50);
  assert.deepEqual(finance.lagging, ['1 条推送名单未响应', '1 次核查的执行反馈已逾期']);
  const platform = r.body.departments.find((d: Row) => d.department.roles.includes('platform'));
  assert.equal(platform.objections.overdue, 1, 'acceptance overdue counts against the credit office');
  assert.equal(rowOf(r.body, s.departments.court).objections.received, 1, 'the objection is received by the data provider');
  assert.deepEqual(r.body.laggards.map((l: Row) => l.department.code).sort(), [s.departments.finance, platform.department.code].sort());
  assert.ok(r.body.totals.checks.total >= 3);
});

test('a department sees its own row only; another department\'s figures are refused', async () => {
  const own = await s.financeOfficer.get(`/api/v1/tracking/quarterly?quarter=${quarter}`);
  assert.equal(own.status, 200);
  assert.deepEqual(own.body.departments.map((d: Row) => d.department.code), [s.departments.finance]);
  const other = await s.financeOfficer.get(`/api/v1/tracking/quarterly?quarter=${quarter}&department=${s.departments.court}`);
  assert.equal(other.status, 403);
  assert.equal(other.contentType.split(';')[0], 'application/problem+json');
});

test('a quarter written wrong or not yet begun gets a clear error', async () => {
  const bad = await s.admin.get('/api/v1/tracking/quarterly?quarter=2026-3');
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /YYYYQn/);
  const future = await s.admin.get(`/api/v1/tracking/quarterly?quarter=${Number(quarter.slice(0, 4)) + 1}Q1`);
  assert.equal(future.status, 400);
  assert.match(JSON.stringify(future.body), /尚未开始/);
});

async function sheets(buffer: ArrayBuffer | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { summary: rows('汇总'), laggards: rows('落后单位'), notes: rows('说明') };
}

test('the Excel report: one row per department with the figures, the laggards, and what each figure counts', async () => {
  const res = await fetch(`${p.baseUrl}/api/v1/tracking/quarterly.xlsx?quarter=${quarter}`, { headers: { authorization: `Bearer ${await makeKey(p.ctx, { role: 'admin' })}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
  const { summary, laggards, notes } = await sheets(await res.arrayBuffer());
  const header = summary[0] as string[];
  const financeRow = summary.find((r) => r[1] === s.departments.finance)!;
  assert.equal(financeRow[header.indexOf('核查次数')], 3);
  assert.equal(financeRow[header.indexOf('反馈逾期未交')], 1);
  assert.equal(financeRow[header.indexOf('反馈率%')], 50);
  assert.equal(summary.at(-1)![0], '合计');
  assert.ok(laggards.some((r) => r[1] === s.departments.finance && String(r[2]).includes('执行反馈已逾期')));
  assert.ok(notes.some((r) => String(r[1]).includes('7 个工作日')));
});

test('report quarterly on the command line writes the same workbook and prints the laggards', async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'xy-report-')), 'q.xlsx');
  const env = {
    ...process.env, DATABASE_URL: p.config.databaseUrl!,
    XINYONG_ENCRYPTION_KEYS: [...p.config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','),
    XINYONG_BLIND_INDEX_KEY: p.config.blindIndexKey.toString('base64'),
  };
  const r = await promisify(execFile)(process.execPath, ['bin/xinyong.js', 'report', 'quarterly', '--quarter', quarter, '--out', out], { env });
  assert.match(r.stdout, new RegExp(`${quarter}.*跟踪问效报告已写出`));
  assert.match(r.stdout, /落后单位 2 个/);
  assert.match(r.stdout, /执行反馈已逾期/);
  const { summary } = await sheets(readFileSync(out));
  assert.ok(summary.some((row) => row[1] === s.departments.finance));
});
