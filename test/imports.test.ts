// Sheets that are not credit information: a department's measure list (POST /measures/import,
// `import --type measures`) and an initiating department's list entries (POST /list-entries/import,
// `import --type LIST_TYPE`) — GBK and .xlsx, Chinese headers or English keys, every bad row reported
// with row, column and reason, re-import idempotent, all-or-nothing keeping nothing, and published
// entries doing what a published entry does (response tasks, feed, responsible persons).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { makeRandom } from '../bench/generate.js';
import { makeRic, makeUscc } from '../src/domain/identifiers/generate.js';
import { importTarget } from '../src/modules/collection/cli-sheets.js';
import { makeDepartment, makeKey } from './support/factories.js';
import { jointActionSetting } from './support/joint-action.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { PENALTY_HEADERS, penaltyFactory, tempDir, upload, writeCsv, writeXlsx, type Row } from './fixtures/collection/files.js';

let p: TestPlatform;
let s: Awaited<ReturnType<typeof jointActionSetting>>;
let adminKey: string;
let courtKey: string;
let dir: string;
const rand = makeRandom(404);
const org = () => makeUscc(rand, { authority: '9', entityType: '1', regionCode: '410105' });

before(async () => {
  p = await startPlatform();
  s = await jointActionSetting(p);
  adminKey = await makeKey(p.ctx, { role: 'admin' });
  courtKey = await makeKey(p.ctx, { department: s.departments.court, role: 'officer' });
  dir = tempDir();
});
after(() => p.close());

async function send(urlPath: string, key: string, file: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([readFileSync(file)]), path.basename(file));
  const res = await fetch(`${p.baseUrl}/api/v1${urlPath}`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: res.status, body: await res.json() };
}

const rejectsOf = (body: { rejects: { row: number; field: string; code: string }[] }) => body.rejects.map((r) => [r.row, r.field, r.code]);

const MEASURE_HEADERS = ['措施编码', '措施类型', '措施性质', '措施名称', '法律依据', '实施部门', '适用对象', '适用事项类别'];
const MEASURE_KEYS = ['code', 'kind', 'nature', 'title', 'legalBasis', 'implementingDepartment', 'appliesTo', 'matterCategories'];
const measure = (code: string, extra: Row = {}): Row => ({
  措施编码: code, 措施类型: '惩戒', 措施性质: '强制性', 措施名称: '限制参加政府采购活动', 法律依据: '《中华人民共和国政府采购法》第二十二条',
  实施部门: s.departments.finance, 适用对象: '法人及非法人组织', 适用事项类别: '政府采购', ...extra,
});
const asKeys = (r: Row): Row => Object.fromEntries(MEASURE_HEADERS.map((h, i) => [MEASURE_KEYS[i], r[h] ?? '']));

test('a measure list from .xlsx: good rows kept, each bad row reported; re-import unchanged; a changed row updates', async () => {
  const rows = [
    measure('IMP-A'),
    measure('IMP-B', { 措施类型: '激励', 措施性质: '推荐性', 措施名称: '优先安排财政资金', 实施部门: (await p.ctx.db.selectFrom('department').select('name').where('code', '=', s.departments.finance).executeTakeFirstOrThrow()).name, 适用对象: '企业；个人', 适用事项类别: '全部' }),
    measure('IMP-C', { 措施类型: '处分' }),
    measure('IMP-D', { 实施部门: '不存在的厅' }),
    measure('IMP-E', { 法律依据: '' }),
    measure('措施 1'),
    measure('IMP-A', { 措施名称: '另一个名称' }),
  ];
  const file = await writeXlsx(path.join(dir, '财政厅措施清单.xlsx'), rows, { headers: MEASURE_HEADERS });
  const r = await send('/measures/import', adminKey, file);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual([r.body.total, r.body.accepted, r.body.unchanged, r.body.rejected], [7, 2, 0, 5]);
  assert.deepEqual(rejectsOf(r.body), [[4, '措施类型', 'NOT_IN_ENUM'], [5, '实施部门', 'UNKNOWN_DEPARTMENT'], [6, '法律依据', 'REQUIRED'], [7, '措施编码', 'INVALID_CODE'], [8, '', 'DUPLICATE_IN_FILE']]);
  assert.ok(r.body.rejects.every((x: { reason: string }) => /[\u4e00-\u9fff]/.test(x.reason)));
  const listed = (await s.admin.get(`/api/v1/measures?implementingDepartment=${s.departments.finance}`)).body.items as { code: string }[];
  const b = listed.find((m) => m.code === 'IMP-B') as Record<string, unknown>;
  assert.deepEqual([b.kind, b.nature, b.appliesTo, b.matterCategories, b.implementingDepartment], ['reward', 'recommended', ['organization', 'natural_person'], [], s.departments.finance]);

  const again = await send('/measures/import', adminKey, file);
  assert.deepEqual([again.body.accepted, again.body.versioned, again.body.unchanged, again.body.rejected], [0, 0, 2, 5]);

  // the same list as GBK CSV with the API's English keys: one title corrected, one measure of a
  // memorandum moved to another department, which must then accept that memorandum
  const changed = [asKeys(measure('IMP-A', { 措施名称: '依法限制参加政府采购活动' })), asKeys(measure(s.measures.org, { 实施部门: s.departments.tax }))];
  const csv = writeCsv(path.join(dir, 'measures-gbk.csv'), changed, { encoding: 'gbk', headers: MEASURE_KEYS });
  const upd = await send('/measures/import', adminKey, csv);
  assert.deepEqual([upd.body.accepted, upd.body.versioned, upd.body.unchanged, upd.body.rejected], [0, 2, 0, 0], JSON.stringify(upd.body.rejects));
  const a = (await s.admin.get('/api/v1/measures')).body.items.find((m: { code: string }) => m.code === 'IMP-A');
  assert.equal(a.title, '依法限制参加政府采购活动');
  const taxAccept = await sql<{ status: string }>`SELECT ma.status FROM memorandum_acceptance ma JOIN memorandum m ON m.id = ma.memorandum_id
    JOIN department d ON d.id = ma.department_id WHERE m.code = ${s.codes.memo} AND d.code = ${s.departments.tax}`.execute(p.ctx.db);
  assert.deepEqual(taxAccept.rows.map((x) => x.status), ['pending']);
  const audit = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event WHERE action = 'measure.updated' AND data->>'code' = 'IMP-A'`.execute(p.ctx.db);
  assert.equal(Number(audit.rows[0].n), 1);
});

test('measures: all-or-nothing keeps nothing when a row is bad; only the credit office admin may import', async () => {
  const file = writeCsv(path.join(dir, 'aon.csv'), [measure('IMP-AON-1'), measure('IMP-AON-2', { 适用对象: '外星人' })], { headers: MEASURE_HEADERS, encoding: 'utf-8-bom' });
  const r = await send('/measures/import', adminKey, file, { allOrNothing: 'true' });
  assert.deepEqual([r.body.status, r.body.accepted, r.body.rejected], ['rejected', 0, 1]);
  assert.deepEqual(rejectsOf(r.body), [[3, '适用对象', 'NOT_IN_ENUM']]);
  assert.equal((await s.admin.get('/api/v1/measures')).body.items.some((m: { code: string }) => m.code === 'IMP-AON-1'), false);
  assert.equal((await send('/measures/import', courtKey, file)).status, 403);
  const noHeader = writeCsv(path.join(dir, 'wrong.csv'), [measure('X')], { headers: ['措施编码', '措施名称', '备注'] });
  const bad = await send('/measures/import', adminKey, noHeader);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'HEADER_MISSING');
});

// A court's 失信被执行人 export, with its own column names (unknown columns are ignored).
const COURT_HEADERS = ['被执行人姓名/名称', '被执行人类别', '统一社会信用代码', '身份证号码', '法定代表人或者负责人姓名', '法定代表人证件号码', '执行案号', '发布时间', '失信被执行人行为具体情形', '结束日期', '执行法院'];
let caseNo = 0;
const orgEntry = (extra: Row = {}): Row => ({
  '被执行人姓名/名称': `郑州失信测试${++caseNo}有限公司`, 被执行人类别: '法人及非法人组织', 统一社会信用代码: org(), 执行案号: `（2026）豫0105执${caseNo}号`, 发布时间: '2026-11-02',
  失信被执行人行为具体情形: '有履行能力而拒不履行生效法律文书确定义务', 执行法院: '郑州市金水区人民法院', ...extra,
});
const personEntry = (extra: Row = {}): Row => orgEntry({ '被执行人姓名/名称': '李秀兰', 被执行人类别: '自然人', 统一社会信用代码: '', 身份证号码: makeRic(rand), ...extra });

async function pendingTasks() {
  return (await s.financeOfficer.get('/api/v1/tasks?status=pending')).body.counts.pending as number;
}

test('list entries from a court .xlsx: published with tasks, feed and legal representative; bad rows reported; re-import unchanged', async () => {
  const good = orgEntry({ 法定代表人或者负责人姓名: '王建国', 法定代表人证件号码: makeRic(rand) });
  const person = personEntry();
  const badCheck = orgEntry();
  badCheck['统一社会信用代码'] = badCheck['统一社会信用代码'].slice(0, 17) + (badCheck['统一社会信用代码'][17] === '0' ? '1' : '0');
  const rows = [good, person, badCheck, orgEntry({ 发布时间: '2099-01-01' }), orgEntry({ 失信被执行人行为具体情形: '' }),
    orgEntry({ 统一社会信用代码: makeUscc(rand, { authority: '9', entityType: '2' }) }), orgEntry({ 结束日期: '2020-01-01' }), personEntry({ 身份证号码: '41010519900101123' })];
  const tasksBefore = await pendingTasks();
  const file = await writeXlsx(path.join(dir, '失信被执行人.xlsx'), rows, { headers: COURT_HEADERS });
  const r = await send('/list-entries/import', courtKey, file, { listType: s.codes.debtor });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual([r.body.type, r.body.total, r.body.accepted, r.body.rejected], [s.codes.debtor, 8, 2, 6]);
  assert.deepEqual(rejectsOf(r.body), [[4, '统一社会信用代码', 'CHECK_FAILED'], [5, '发布时间', 'FUTURE_DATE'], [6, '失信被执行人行为具体情形', 'REQUIRED'],
    [7, '被执行人类别', 'CATEGORY_MISMATCH'], [8, '结束日期', 'VALIDATION_FAILED'], [9, '身份证号码', 'INVALID_IDENTIFIER']]);
  assert.match(r.body.warnings.join(), /执行法院/);
  assert.equal(await pendingTasks(), tasksBefore + 2, 'each published entry pushes a response task to the implementer');
  const entries = (await s.court.get(`/api/v1/list-entries?listType=${s.codes.debtor}`)).body.items as { subject: { uscc: string | null }; responsiblePersons: { role: string; name: string }[]; decisionNo: string }[];
  const stored = entries.find((e) => e.subject.uscc === good['统一社会信用代码'])!;
  assert.equal(stored.decisionNo, good['执行案号']);
  assert.deepEqual(stored.responsiblePersons.map((x) => [x.role, x.name]), [['legal_representative', '王建国']]);
  const feed = await sql<{ n: string }>`SELECT count(*) AS n FROM change WHERE type = 'entry.published' AND data->>'decisionNo' = ${good['执行案号']}`.execute(p.ctx.db);
  assert.equal(Number(feed.rows[0].n), 1);

  const again = await send('/list-entries/import', courtKey, file, { listType: s.codes.debtor });
  assert.deepEqual([again.body.accepted, again.body.unchanged, again.body.rejected], [0, 2, 6]);
  assert.equal(await pendingTasks(), tasksBefore + 2, 're-import publishes nothing twice');

  // GBK CSV with the API's keys: the same decision with another reason is refused; 撤销 revokes
  const keys = ['name', 'kind', 'uscc', 'idNumber', 'decisionNo', 'decidedOn', 'reason', '操作类型'];
  const asKeys = (e: Row, action = '') => ({ name: e['被执行人姓名/名称'], kind: e['被执行人类别'], uscc: e['统一社会信用代码'], idNumber: e['身份证号码'] ?? '',
    decisionNo: e['执行案号'], decidedOn: e['发布时间'], reason: e['失信被执行人行为具体情形'], 操作类型: action });
  const csv = writeCsv(path.join(dir, 'entries-gbk.csv'), [asKeys({ ...good, 失信被执行人行为具体情形: '其他理由' }), asKeys(person, '撤销'), asKeys(orgEntry(), '撤销')], { encoding: 'gbk', headers: keys });
  const second = await send('/list-entries/import', courtKey, csv, { listType: s.codes.debtor });
  assert.deepEqual([second.body.accepted, second.body.revoked, second.body.rejected], [0, 1, 2], JSON.stringify(second.body.rejects));
  assert.deepEqual(rejectsOf(second.body), [[2, '', 'ENTRY_CONFLICT'], [4, '', 'NOT_FOUND_TO_REVOKE']]);
  const revoked = await sql<{ status: string }>`SELECT e.status FROM list_entry e WHERE e.decision_no = ${person['执行案号']}`.execute(p.ctx.db);
  assert.deepEqual(revoked.rows.map((x) => x.status), ['revoked']);
});

test('list entries: another department may not publish on the list type; all-or-nothing keeps nothing', async () => {
  const file = writeCsv(path.join(dir, 'aon-entries.csv'), [orgEntry(), orgEntry({ 发布时间: '不是日期' })], { headers: COURT_HEADERS, encoding: 'gbk' });
  const taxKey = await makeKey(p.ctx, { department: s.departments.tax, role: 'officer' });
  assert.equal((await send('/list-entries/import', taxKey, file, { listType: s.codes.debtor })).status, 403);
  const r = await send('/list-entries/import', courtKey, file, { listType: s.codes.debtor, allOrNothing: 'true' });
  assert.deepEqual([r.body.status, r.body.accepted, r.body.rejected], ['rejected', 0, 1]);
  assert.deepEqual(rejectsOf(r.body), [[3, '发布时间', 'INVALID_DATE']]);
  const n = await sql<{ n: string }>`SELECT count(*) AS n FROM list_entry WHERE decision_no = ${`（2026）豫0105执${caseNo - 1}号`}`.execute(p.ctx.db);
  assert.equal(Number(n.rows[0].n), 0);
});

test('the command line: import --type measures and --type LIST_TYPE, JSON summary, rejects file, exit codes', async () => {
  const env = {
    DATABASE_URL: p.config.databaseUrl!,
    XINYONG_ENCRYPTION_KEYS: [...p.config.encryptionKeys].map(([v, k]) => `${v}:${k.toString('base64')}`).join(','),
    XINYONG_BLIND_INDEX_KEY: p.config.blindIndexKey.toString('base64'),
  };
  const xinyong = (args: string[]) => promisify(execFile)(process.execPath, ['bin/xinyong.js', ...args], { env: { ...process.env, ...env } })
    .then((r) => ({ code: 0, ...r }), (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));
  const mfile = writeCsv(path.join(dir, 'cli-measures.csv'), [measure('CLI-1'), measure('CLI-2', { 措施性质: '随便' })], { headers: MEASURE_HEADERS, encoding: 'gbk' });
  const m = await xinyong(['import', '--type', 'measures', '--json', mfile]);
  assert.equal(m.code, 1, m.stderr);
  assert.deepEqual([JSON.parse(m.stdout).accepted, JSON.parse(m.stdout).rejected], [1, 1]);
  assert.match(readFileSync(`${mfile}.rejects.csv`, 'utf8'), /^\uFEFF行号,字段,代码,原因\r\n3,措施性质,NOT_IN_ENUM,/);

  const efile = writeCsv(path.join(dir, 'cli-entries.csv'), [orgEntry(), personEntry()], { headers: COURT_HEADERS });
  const e = await xinyong(['import', '--type', s.codes.debtor, '--department', s.departments.court, efile]);
  assert.equal(e.code, 0, e.stderr);
  assert.match(e.stdout, /新增 2，更新 0，未变 0，撤销 0，拒绝 0/);
  const noDept = await xinyong(['import', '--type', s.codes.debtor, efile]);
  assert.equal(noDept.code, 2);
  assert.match(noDept.stderr, /--department/);
});

test('a code that names both an info type and a list type: the list for its initiating department, else the info type', async () => {
  const provider = await makeDepartment(p.ctx, { roles: ['provider'] });
  assert.equal((await s.admin.post('/api/v1/list-types/dishonest_judgment_debtor/initiating-department', { department: s.departments.court })).status, 200);
  assert.deepEqual(await importTarget(p.ctx, 'dishonest_judgment_debtor', s.departments.court), { kind: 'list', code: 'dishonest_judgment_debtor' });
  assert.deepEqual(await importTarget(p.ctx, 'dishonest_judgment_debtor', provider.code), { kind: 'info', code: 'dishonest_judgment_debtor' });
  assert.deepEqual(await importTarget(p.ctx, 'info:dishonest_judgment_debtor', s.departments.court), { kind: 'info', code: 'dishonest_judgment_debtor' });
  assert.deepEqual(await importTarget(p.ctx, 'admin_penalty', s.departments.court), { kind: 'info', code: 'admin_penalty' });
  assert.deepEqual(await importTarget(p.ctx, s.codes.debtor, undefined), { kind: 'list', code: s.codes.debtor });
  assert.deepEqual(await importTarget(p.ctx, 'measures', undefined), { kind: 'measures' });
});

test('legal representatives named in penalty rows become related persons, so a later listing reaches them (落实到人)', async () => {
  const taxKey = await makeKey(p.ctx, { department: s.departments.tax, role: 'officer' });
  const f = penaltyFactory(77, s.departments.tax);
  const rep = makeRic(rand);
  const headers = [...PENALTY_HEADERS, '法定代表人证件类型', '法定代表人证件号码'];
  const named = f.org({ 法定代表人: '赵卫东', 法定代表人证件类型: '身份证', 法定代表人证件号码: rep });
  const passport = f.org({ 法定代表人: 'John Smith', 法定代表人证件类型: '护照号', 法定代表人证件号码: 'E12345678' });
  const file = writeCsv(path.join(dir, 'penalties-reps.csv'), [named, passport, f.org()], { headers, encoding: 'gbk' });
  const r = await upload(p.baseUrl, taxKey, { type: 'admin_penalty', file });
  assert.deepEqual([r.status, r.body.accepted, r.body.rejected], [201, 3, 0], JSON.stringify(r.body.rejects));
  const relations = async () => (await sql<{ uscc: string; role: string }>`SELECT o.uscc, r.role FROM subject_relation r JOIN subject o ON o.id = r.organization_id
    JOIN subject pp ON pp.id = r.person_id WHERE o.uscc IN (${named['行政相对人代码_1(统一社会信用代码)']}, ${passport['行政相对人代码_1(统一社会信用代码)']})`.execute(p.ctx.db)).rows;
  assert.deepEqual(await relations(), [{ uscc: named['行政相对人代码_1(统一社会信用代码)'], role: 'legal_representative' }], 'only a 居民身份证 number identifies a person');
  const corrected = writeCsv(path.join(dir, 'penalties-reps-2.csv'), [{ ...named, 违法事实: '更正后的违法事实' }], { headers });
  assert.equal((await upload(p.baseUrl, taxKey, { type: 'admin_penalty', file: corrected })).body.versioned, 1);
  assert.equal((await relations()).length, 1, 'a new version does not relate the same person twice');

  const listed = await s.court.post('/api/v1/list-entries', { listType: s.codes.debtor, subject: { kind: 'organization', uscc: named['行政相对人代码_1(统一社会信用代码)'], name: named['行政相对人名称'] },
    reason: '拒不履行', decisionNo: '（2026）豫0105执999号', decidedOn: '2026-11-20', startsOn: '2026-11-20' });
  assert.equal(listed.status, 201, JSON.stringify(listed.body));
  assert.deepEqual(listed.body.responsiblePersons.map((x: { role: string; name: string; source: string }) => [x.role, x.name, x.source]), [['legal_representative', '赵卫东', 'relation']]);
  const check = await s.financeSystem.post('/api/v1/checks', { subject: { idNumber: rep }, matterCode: s.codes.matter });
  assert.equal(check.status, 200, JSON.stringify(check.body));
  assert.ok(check.body.entries.some((e: { via: unknown }) => e.via), 'the check of the person shows the entry through the organisation');
});

test('a memorandum measure list: every measure of the sheet joins the memorandum; an unknown memorandum is refused', async () => {
  const newcomer = await makeDepartment(p.ctx, { roles: ['implementing'] });
  const file = writeCsv(path.join(dir, 'memo-measures.csv'), [measure('IMP-MEMO-1'), measure('IMP-MEMO-2', { 实施部门: newcomer.code })], { headers: MEASURE_HEADERS });
  const r = await send('/measures/import', adminKey, file, { memorandum: s.codes.memo });
  assert.deepEqual([r.status, r.body.accepted, r.body.rejected], [200, 2, 0], JSON.stringify(r.body));
  const linked = await sql<{ code: string }>`SELECT me.code FROM memorandum_measure mm JOIN measure me ON me.id = mm.measure_id JOIN memorandum m ON m.id = mm.memorandum_id
    WHERE m.code = ${s.codes.memo} AND me.code LIKE 'IMP-MEMO-%' ORDER BY me.code`.execute(p.ctx.db);
  assert.deepEqual(linked.rows.map((x) => x.code), ['IMP-MEMO-1', 'IMP-MEMO-2']);
  const acceptance = await sql<{ status: string }>`SELECT ma.status FROM memorandum_acceptance ma JOIN memorandum m ON m.id = ma.memorandum_id
    JOIN department d ON d.id = ma.department_id WHERE m.code = ${s.codes.memo} AND d.code = ${newcomer.code}`.execute(p.ctx.db);
  assert.deepEqual(acceptance.rows.map((x) => x.status), ['pending'], 'a department newly named by the list must accept the memorandum');
  const again = await send('/measures/import', adminKey, file, { memorandum: s.codes.memo });
  assert.deepEqual([again.body.accepted, again.body.unchanged], [0, 2]);
  const unknown = await send('/measures/import', adminKey, file, { memorandum: 'no_such_memo' });
  assert.deepEqual([unknown.status, unknown.body.code], [404, 'MEMORANDUM_NOT_FOUND']);
});
