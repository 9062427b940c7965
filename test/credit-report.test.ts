// 信用报告 on the portal: an organisation's public credit information as one numbered, printable
// document — its public list entries in force and its records in publication, nothing else — which
// a receiver can verify by number. Natural persons get no public report.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../src/domain/audit-chain.js';
import { validateIdentifier } from '../src/domain/identifiers/index.js';
import { makeDepartment, makeKey, uscc } from './support/factories.js';
import { pdfText } from './support/pdf.js';
import { client } from './support/http.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { penaltyFactory, tempDir, upload, writeCsv } from './fixtures/collection/files.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
const pub = () => client(p.baseUrl);
let org: string;
let removedEntry: string;

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  const dept = await makeDepartment(p.ctx, { name: '郑州市市场监督管理局', roles: ['provider'] });
  const officer = await makeKey(p.ctx, { department: dept.code, role: 'officer' });
  const f = penaltyFactory(3, dept.code);
  const row = f.org();
  org = row['行政相对人代码_1(统一社会信用代码)'] as string;
  const imported = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(path.join(tempDir(), 'p.csv'), [row]) });
  assert.equal(imported.body.accepted, 1, JSON.stringify(imported.body));
  const subject = { kind: 'organization', uscc: org, name: row['行政相对人名称'] };
  const listed = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject, reason: '有履行能力而拒不履行', decisionNo: '（2026）豫01执501号', decidedOn: '2026-03-02', startsOn: '2026-03-02' });
  assert.equal(listed.status, 201, JSON.stringify(listed.body));
  const red = await s.tax.post('/api/v1/list-entries', { listType: s.codes.aTaxpayer, subject, reason: '2025 年度纳税信用 A 级', decisionNo: '豫税A〔2026〕12号', decidedOn: '2026-04-01', startsOn: '2026-04-01' });
  assert.equal(red.status, 201, JSON.stringify(red.body));
  const gone = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject, reason: '已履行', decisionNo: '（2025）豫01执77号', decidedOn: '2025-03-02', startsOn: '2025-03-02' });
  removedEntry = gone.body.id;
  assert.equal((await s.court.post(`/api/v1/list-entries/${removedEntry}/remove`, { reason: '已全部履行' })).status, 200);
});
after(() => p.close());

test('the report lists the red and black entries in force and the records in publication, with a number', async () => {
  const r = await pub().get(`/api/v1/public/subjects/${org}/credit-report?format=json`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.match(r.body.no, /^XYBG\d{8}[0-9A-Z]{8}$/);
  assert.equal(r.body.subject.uscc, org);
  assert.deepEqual(r.body.black.map((e: { decisionNo: string }) => e.decisionNo), ['（2026）豫01执501号'], 'the removed entry is not in the report');
  assert.deepEqual(r.body.red.map((e: { listTypeName: string }) => e.listTypeName), ['A级纳税人']);
  assert.equal(r.body.records.length, 1);
  assert.equal(r.body.records[0].infoType, 'admin_penalty');
  // the digest is the SM3 of the content the platform put in it; that content names no person by ID number
  const { no, digest, issuedAt, ...content } = r.body;
  void no; void issuedAt;
  // (18-character codes in it are USCCs of the subject and of departments; none reads as an ID number)
  const idNumbers = (JSON.stringify(content).match(/\d{17}[\dX]/g) ?? []).filter((v) => validateIdentifier(v, 'ric').valid);
  assert.deepEqual(idNumbers, [], 'no ID number of a person appears in the report');
  assert.equal(createHash('sm3').update(canonicalJson(content)).digest('hex'), digest);
});

test('the printable page speaks Chinese and carries the number; the number verifies', async () => {
  const res = await fetch(`${p.baseUrl}/api/v1/public/subjects/${org}/credit-report`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
  const html = await res.text();
  for (const part of ['信用报告', '一、基本信息', '二、守信激励（红名单）', '三、失信惩戒（黑名单）', '（2026）豫01执501号', 'A级纳税人']) assert.ok(html.includes(part), part);
  assert.ok(!html.includes('（2025）豫01执77号'));
  const no = /data-testid="report-no">([0-9A-Z]+)</.exec(html)![1];
  const verified = await pub().get(`/api/v1/public/credit-reports/${no.toLowerCase()}`);
  assert.equal(verified.status, 200);
  assert.equal(verified.body.subject.uscc, org);
  assert.equal(verified.body.entries, 2);
  assert.equal(verified.body.records, 1);
  assert.match(html, new RegExp(verified.body.digest));
});

test('the PDF carries the same report in Chinese text, and its number verifies', async () => {
  const res = await fetch(`${p.baseUrl}/api/v1/public/subjects/${org}/credit-report?format=pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; .*\.pdf"; filename\*=UTF-8''/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
  const { text, title, pages } = await pdfText(bytes);
  assert.ok(pages >= 1);
  assert.match(title ?? '', /^信用报告 /);
  const flat = text.replace(/\s+/g, '');
  for (const part of ['信用报告', '一、基本信息', '二、守信激励（红名单）', '三、失信惩戒（黑名单）', '（2026）豫01执501号', 'A级纳税人', org, '第1页']) {
    assert.ok(flat.includes(part.replace(/\s+/g, '')), `${part} in ${flat.slice(0, 300)}`);
  }
  assert.ok(!flat.includes('（2025）豫01执77号'), 'a removed entry is not in the PDF');
  const no = /报告编号：(XYBG\d{8}[0-9A-Z]{8})/.exec(flat)![1];
  const verified = await pub().get(`/api/v1/public/credit-reports/${no}`);
  assert.equal(verified.status, 200);
  assert.equal(verified.body.subject.uscc, org);
  assert.ok(flat.includes(verified.body.digest), 'the digest printed is the one the platform recorded');
});

test('without a Chinese font the PDF is refused with a clear 503 and no report number is used up', async () => {
  const font = p.ctx.config.pdfFont;
  p.ctx.config.pdfFont = null;
  const issued = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM credit_report`.execute(p.ctx.db)).rows[0].n);
  try {
    const before = await issued();
    const r = await pub().get(`/api/v1/public/subjects/${org}/credit-report?format=pdf`);
    assert.equal(r.status, 503);
    assert.equal(await issued(), before);
    assert.equal(r.contentType.split(';')[0], 'application/problem+json');
    assert.match(r.body.detail, /中文字体/);
  } finally {
    p.ctx.config.pdfFont = font;
  }
});

test('unknown numbers, unknown subjects and natural persons get a clear 404', async () => {
  const none = await pub().get('/api/v1/public/credit-reports/XYBG20260101ABCDEFGH');
  assert.equal(none.status, 404);
  assert.equal(none.contentType.split(';')[0], 'application/problem+json');
  assert.match(none.body.detail, /信用报告/);
  const unknown = await pub().get(`/api/v1/public/subjects/${uscc()}/credit-report`);
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.detail, /统一社会信用代码/);
});
