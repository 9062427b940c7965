// Collection through its HTTP API: real files (CSV in UTF-8, UTF-8 with BOM and GBK, .xlsx, .jsonl),
// exact counts, the rejects report, re-import, versions, revocation, all-or-nothing and overrides.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { makeKey, makeDepartment } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { penaltyFactory, tempDir, upload, writeCsv, writeJsonl, writeJsonText, writeWorkbook, writeXlsx, inOrder, PENALTY_HEADERS, type Row } from './fixtures/collection/files.js';

let p: TestPlatform;
let officer: string;
let deptCode: string;
let platformAdmin: ReturnType<typeof client>;
let dir: string;
let f: ReturnType<typeof penaltyFactory>;

before(async () => {
  p = await startPlatform();
  const dept = await makeDepartment(p.ctx, { name: '郑州市市场监督管理局', roles: ['provider'] });
  deptCode = dept.code;
  officer = await makeKey(p.ctx, { department: dept.code, role: 'officer' });
  platformAdmin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
  dir = tempDir();
  f = penaltyFactory(11, dept.code);
});
after(() => p.close());

const file = (name: string) => path.join(dir, name);
const recordCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM credit_record`.execute(p.ctx.db)).rows[0].n);

describe('catalog', () => {
  test('the 13 categories of the 2024 basic catalog and the 双公示 types are seeded', async () => {
    const c = client(p.baseUrl, officer);
    const cats = await c.get('/api/v1/catalog/categories');
    assert.equal(cats.body.items.length, 13);
    assert.ok(cats.body.items.some((x: { name: string }) => x.name === '知识产权信息'));
    const penalty = await c.get('/api/v1/catalog/info-types/admin_penalty');
    assert.equal(penalty.status, 200);
    assert.deepEqual(penalty.body.naturalKey, ['decision_no', '$subject']);
    assert.ok(penalty.body.fields.some((x: { label: string; pii?: boolean }) => x.label === '证件号码' && x.pii));
    const license = await c.get('/api/v1/catalog/info-types/admin_license');
    assert.deepEqual(license.body.fields.find((x: { key: string }) => x.key === 'license_type').enum, ['普通', '特许', '认可', '核准', '登记', '其他']);
  });
});

describe('import formats', () => {
  test('CSV in UTF-8 with BOM and Chinese headers: good rows kept, bad rows reported with row, field and reason', async () => {
    const rows: Row[] = [f.org(), f.org(), f.soleTrader(), f.person(),
      f.org({ 违法事实: '' }), // row 6: required
      f.org({ 处罚决定日期: '2026-02-30' }), // row 7: not a date
      f.org({ 行政相对人类别: '个体工商户' }), // row 8: category vs code
      f.org({ '行政相对人代码_1(统一社会信用代码)': '91410100MA3X5K7Q10' }), // row 9: check character
      f.org({ 处罚类别: '批评教育' }), // row 10: enum
      f.org({ '罚款金额(万元)': '两万' }), // row 11: decimal
    ];
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('bom.csv'), rows, { encoding: 'utf-8-bom' }) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.encoding, 'utf-8-bom');
    assert.deepEqual([r.body.total, r.body.accepted, r.body.rejected, r.body.unchanged, r.body.versioned], [10, 4, 6, 0, 0]);
    assert.deepEqual(r.body.rejects.map((x: { row: number; field: string; code: string }) => `${x.row} ${x.field} ${x.code}`), [
      '6 违法事实 REQUIRED', '7 处罚决定日期 INVALID_DATE', '8 行政相对人类别 CATEGORY_MISMATCH',
      '9 行政相对人代码_1(统一社会信用代码) CHECK_FAILED', '10 处罚类别 NOT_IN_ENUM', '11 罚款金额(万元) INVALID_DECIMAL',
    ]);
    assert.ok(r.body.rejects.every((x: { reason: string }) => /[\u4e00-\u9fa5]/.test(x.reason)));
    assert.equal(await recordCount(), 4);
  });

  test('CSV in GBK with a title row above the headers is detected and read', async () => {
    const rows = [f.org(), f.person({ 行政相对人名称: '欧阳娜娜' })];
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('gbk.csv'), rows, { encoding: 'gbk', titleRow: '2026年11月行政处罚信息报送表' }) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.encoding, 'gb18030');
    assert.equal(r.body.accepted, 2);
    const listed = await client(p.baseUrl, officer).get(`/api/v1/records?type=admin_penalty&limit=200`);
    assert.ok(listed.body.items.some((x: { subject: { name: string } }) => x.subject.name === '欧阳娜娜'));
  });

  test('.xlsx with the English keys as headers, and an ID number typed as an Excel number', async () => {
    const good = f.org();
    const bad = f.person();
    const r1 = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await writeXlsx(file('keys.xlsx'), [good], { keysAsHeaders: true }) });
    assert.equal(r1.status, 201, JSON.stringify(r1.body));
    assert.equal(r1.body.accepted, 1);
    const r2 = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await writeXlsx(file('numbers.xlsx'), [bad], { numbers: ['证件号码'], sharedStrings: true }) });
    assert.equal(r2.body.rejected, 1);
    assert.equal(r2.body.rejects[0].code, 'NUMBER_PRECISION');
    assert.equal(r2.body.rejects[0].row, 2);
  });

  test('a workbook whose data sit on a later sheet: instructions and a hidden list sheet before, a summary after', async () => {
    const rows = [f.org(), f.org({ 处罚决定日期: '2026-13-01' }), f.person()];
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await writeWorkbook(file('template.xlsx'), [
      { name: '填报说明', rows: [['行政处罚信息报送说明'], ['1. 请勿修改第一行列名；'], ['2. 日期格式为 YYYY-MM-DD。']] },
      { name: '字典', hidden: true, rows: [['法人及非法人组织'], ['自然人'], ['个体工商户']] },
      { name: '行政处罚', rows: [PENALTY_HEADERS, ...rows.map((x) => inOrder(x))] },
      { name: '汇总', rows: [['合计', 3]] },
    ]) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual([r.body.total, r.body.accepted, r.body.rejected], [3, 2, 1]);
    assert.deepEqual(r.body.rejects.map((x: { row: number; code: string }) => [x.row, x.code]), [[3, 'INVALID_DATE']], 'the row number on the data sheet');
    assert.ok(r.body.warnings.some((w: string) => w.includes('数据取自工作表“行政处罚”（第 2 个）') && w.includes('填报说明')), r.body.warnings.join('\n'));

    const none = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await writeWorkbook(file('no-header.xlsx'), [
      { name: '说明', rows: [['本表无数据']] }, { name: 'Sheet2', rows: [['甲', '乙'], ['1', '2']] },
    ]) });
    assert.equal(none.status, 400);
    assert.match(none.body.detail, /各工作表的前 \d+ 行中都未找到表头/);
  });

  test('.jsonl with English keys; a line that is not JSON is rejected by its line number', async () => {
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeJsonl(file('rows.jsonl'), [f.org(), '{"broken": ', f.org()], { keys: true }) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual([r.body.accepted, r.body.rejected], [2, 1]);
    assert.deepEqual(r.body.rejects.map((x: { row: number; code: string }) => [x.row, x.code]), [[2, 'ROW_MALFORMED']]);
  });

  test('.json from an interface: the rows inside its answer, element by element; a truncated document fails with its line', async () => {
    const good = f.org();
    const wrapped = { code: 0, msg: '成功', data: [good, f.org({ 处罚决定日期: '2026-02-30' }), '不是对象', f.person()], total: 4 };
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeJsonText(file('接口返回.json'), JSON.stringify(wrapped, null, 2)) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.format, 'json');
    assert.deepEqual([r.body.total, r.body.accepted, r.body.rejected], [4, 2, 2]);
    assert.deepEqual(r.body.rejects.map((x: { row: number; code: string }) => [x.row, x.code]), [[2, 'INVALID_DATE'], [3, 'ROW_MALFORMED']]);

    const again = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeJsonText(file('array'), JSON.stringify([good])) });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.deepEqual([again.body.format, again.body.unchanged], ['json', 1], 'a file starting with [ is a JSON array whatever its name');

    const cut = JSON.stringify([f.org(), f.org()], null, 2);
    const broken = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeJsonText(file('cut.json'), cut.slice(0, cut.length - 20)) });
    assert.equal(broken.status, 400);
    assert.match(broken.body.detail, /JSON 文件第 \d+ 行附近有误：JSON 文件不完整/);
  });

  test('a file without the required columns is refused before anything is stored', async () => {
    const before = (await client(p.baseUrl, officer).get('/api/v1/collection/batches')).body.items.length;
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('short.csv'), [f.org()], { headers: PENALTY_HEADERS.filter((h) => h !== '违法事实') }) });
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'HEADER_MISSING');
    assert.match(r.body.detail, /违法事实/);
    assert.equal((await client(p.baseUrl, officer).get('/api/v1/collection/batches')).body.items.length, before);
  });
});

describe('re-import, versions and revocation', () => {
  let rows: Row[];
  let subjectUscc: string;
  const feed = async (after: number) => (await client(p.baseUrl, officer).get(`/api/v1/changes?after=${after}&limit=1000`)).body;

  test('the same file again changes nothing', async () => {
    rows = [f.org(), f.org(), f.person()];
    subjectUscc = rows[0]['行政相对人代码_1(统一社会信用代码)'];
    const first = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('v1.csv'), rows) });
    assert.equal(first.body.accepted, 3);
    const count = await recordCount();
    const again = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('v1-again.csv'), rows, { encoding: 'gbk' }) });
    assert.deepEqual([again.body.accepted, again.body.unchanged, again.body.versioned, again.body.rejected], [0, 3, 0, 0]);
    assert.notEqual(again.body.batchId, first.body.batchId);
    assert.equal(await recordCount(), count);
  });

  test('a changed row with the same natural key becomes a new version; the old one stays in history', async () => {
    const start = (await feed(0)).next;
    const changed = [{ ...rows[0], 处罚内容: '警告，罚款 3 万元', '罚款金额(万元)': '3' }, rows[1], rows[2]];
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await writeXlsx(file('v2.xlsx'), changed) });
    assert.deepEqual([r.body.accepted, r.body.versioned, r.body.unchanged], [0, 1, 2]);
    const c = client(p.baseUrl, officer);
    const current = (await c.get(`/api/v1/records?subject=${subjectUscc}&type=admin_penalty`)).body.items;
    assert.equal(current.length, 1);
    assert.equal(current[0].version, 2);
    assert.equal(current[0].fields.fine_amount, '3');
    const history = await c.get(`/api/v1/records/${current[0].id}`);
    assert.deepEqual(history.body.versions.map((v: { version: number; status: string }) => [v.version, v.status]), [[2, 'active'], [1, 'corrected']]);
    const changes = (await feed(start)).changes.filter((x: { type: string }) => x.type.startsWith('record.'));
    assert.deepEqual(changes.map((x: { type: string; data: { version: number } }) => [x.type, x.data.version]), [['record.corrected', 2]]);
  });

  test('a revocation takes the record off publication in the same transaction and is announced', async () => {
    const pub = client(p.baseUrl);
    assert.equal((await pub.get(`/api/v1/public/records?subject=${subjectUscc}`)).body.items.length, 1);
    const start = (await feed(0)).next;
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('revoke.csv'), [{ ...rows[0], 操作类型: '撤销' }, f.org({ 操作类型: '撤销' })]) });
    assert.deepEqual([r.body.revoked, r.body.rejected], [1, 1]);
    assert.equal(r.body.rejects[0].code, 'NOT_FOUND_TO_REVOKE');
    assert.equal((await pub.get(`/api/v1/public/records?subject=${subjectUscc}`)).body.items.length, 0);
    const current = (await client(p.baseUrl, officer).get(`/api/v1/records?subject=${subjectUscc}`)).body.items;
    assert.equal(current[0].status, 'revoked');
    const changes = (await feed(start)).changes.filter((x: { type: string }) => x.type.startsWith('record.'));
    assert.deepEqual(changes.map((x: { type: string }) => x.type), ['record.revoked']);
  });

  test('the same natural key twice in one file with different content: the second is rejected', async () => {
    const a = f.org();
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('dup.csv'), [a, f.org(), { ...a, 违法事实: '另一事实' }, a]) });
    assert.deepEqual([r.body.accepted, r.body.unchanged, r.body.rejected], [2, 1, 1]);
    assert.deepEqual(r.body.rejects.map((x: { row: number; code: string }) => [x.row, x.code]), [[4, 'DUPLICATE_IN_FILE']]);
  });
});

describe('all-or-nothing and overrides', () => {
  test('one bad row keeps nothing; the report still lists it', async () => {
    const count = await recordCount();
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', allOrNothing: true, file: writeCsv(file('aon.csv'), [f.org(), f.org({ 处罚决定日期: '2099-01-01' }), f.org()]) });
    assert.equal(r.body.status, 'rejected');
    assert.deepEqual([r.body.accepted, r.body.rejected, r.body.total], [0, 1, 3]);
    assert.equal(r.body.rejects[0].code, 'FUTURE_DATE');
    assert.equal(await recordCount(), count);
    const ok = await upload(p.baseUrl, officer, { type: 'admin_penalty', allOrNothing: true, file: writeCsv(file('aon-ok.csv'), [f.org(), f.org()]) });
    assert.deepEqual([ok.body.status, ok.body.accepted], ['completed', 2]);
  });

  test('a code failing only its check character is kept with a recorded override reason', async () => {
    const row = f.org();
    const good = row['行政相对人代码_1(统一社会信用代码)'];
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const csv = writeCsv(file('override.csv'), [{ ...row, '行政相对人代码_1(统一社会信用代码)': bad }]);
    assert.equal((await upload(p.baseUrl, officer, { type: 'admin_penalty', file: csv })).body.rejects[0].code, 'CHECK_FAILED');
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: csv, overrideReason: '2015 年以前赋码，经登记机关核实' });
    assert.equal(r.body.accepted, 1, JSON.stringify(r.body));
    assert.equal(r.body.overrideReason, '2015 年以前赋码，经登记机关核实');
    const rec = (await client(p.baseUrl, officer).get(`/api/v1/records?subject=${bad}`)).body.items[0];
    assert.deepEqual(rec.overrides, [{ field: 'uscc', code: 'USCC_CHECK_MISMATCH', reason: '2015 年以前赋码，经登记机关核实' }]);
  });
});

describe('personal data', () => {
  test('an ID number is never stored plain in a record; staff see it masked, the credit office whole, the public not at all', async () => {
    const row = f.person();
    const id = row['证件号码'];
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('person.csv'), [row]) });
    assert.equal(r.body.accepted, 1);
    const leaked = await sql<{ n: string }>`SELECT count(*) AS n FROM credit_record WHERE fields::text LIKE ${`%${id}%`} OR natural_key LIKE ${`%${id}%`}`.execute(p.ctx.db);
    assert.equal(Number(leaked.rows[0].n), 0);
    const asDept = (await client(p.baseUrl, officer).get(`/api/v1/records?subject=${id}`)).body.items[0];
    assert.equal(asDept.fields.id_number, `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`);
    const asOffice = (await platformAdmin.get(`/api/v1/records?subject=${id}`)).body.items[0];
    assert.equal(asOffice.fields.id_number, id);
    assert.equal((await client(p.baseUrl).get(`/api/v1/public/records?subject=${id}`)).status, 404);
  });
});

describe('batches', () => {
  test('listed for the department, one with its rejects, and the rejects as Excel', async () => {
    const c = client(p.baseUrl, officer);
    const list = await c.get('/api/v1/collection/batches');
    assert.ok(list.body.items.length >= 5);
    const withRejects = list.body.items.find((b: { rejected: number }) => b.rejected > 0);
    const one = await c.get(`/api/v1/collection/batches/${withRejects.batchId}`);
    assert.equal(one.body.rejects.length, one.body.rejectsTotal);
    const res = await fetch(`${p.baseUrl}/api/v1/collection/batches/${withRejects.batchId}/rejects.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0];
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['行号', '字段', '代码', '原因']);
    assert.equal(sheet.getRow(2).getCell(1).value, one.body.rejects[0].row);
  });
});

describe('details that bite', () => {
  test('an .xlsx of long Chinese text comes back character for character (exceljs chunk-boundary defect)', async () => {
    const facts = '当事人在其经营场所及网络店铺发布引人误解的商业宣传，经查证属实，违法事实清楚，证据确凿。';
    const rows = Array.from({ length: 3000 }, (_, i) => f.org({ 违法事实: `${facts.repeat(1 + (i % 4))}（第${i}号）` }));
    for (const sharedStrings of [false, true]) {
      const name = `long-${sharedStrings}.xlsx`;
      const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await writeXlsx(file(name), sharedStrings ? rows.map((x) => ({ ...x, 处罚内容: `${x['处罚内容']}。` })) : rows, { sharedStrings }) });
      assert.equal(r.body.rejected, 0, JSON.stringify(r.body.rejects.slice(0, 3)));
      const stored = await sql<{ v: string }>`SELECT fields->>'violation_facts' AS v FROM credit_record WHERE batch_id = ${r.body.batchId}::uuid`.execute(p.ctx.db);
      const expected = new Set(rows.map((x) => x['违法事实']));
      assert.equal(stored.rows.length, 3000);
      assert.ok(stored.rows.every((x) => expected.has(x.v)), `garbled: ${stored.rows.find((x) => !expected.has(x.v))?.v}`);
    }
  });

  test('a name other than the known one is kept as an alias of the subject', async () => {
    const row = f.org();
    await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('alias1.csv'), [row]) });
    const renamed = { ...row, 行政相对人名称: '郑州测试改名商贸有限公司', 行政处罚决定书文号: `${row['行政处罚决定书文号']}-2` };
    const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('alias2.csv'), [renamed]) });
    assert.equal(r.body.accepted, 1);
    const subjectId = (await client(p.baseUrl, officer).get(`/api/v1/records?subject=${row['行政相对人代码_1(统一社会信用代码)']}`)).body.items[0].subject.id;
    const subject = await client(p.baseUrl, officer).get(`/api/v1/subjects/${subjectId}`);
    assert.equal(subject.body.name, row['行政相对人名称']);
    assert.deepEqual(subject.body.aliases, ['郑州测试改名商贸有限公司']);
  });

  test('the template lists the standard\'s headers in order', async () => {
    const res = await fetch(`${p.baseUrl}/api/v1/catalog/info-types/admin_license/template.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    assert.equal(res.status, 200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
    assert.equal(headers[0], '行政相对人名称');
    assert.ok(headers.includes('许可类别') && headers.includes('当前状态') && headers.includes('操作类型'));
    assert.equal(wb.worksheets[1].name, '填报说明');
  });
});
