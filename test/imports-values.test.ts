// Values and headers as departments' files really carry them (the audit's findings): long codes that
// Excel turned into numbers or 4.40305E+15 text, float noise, decimal commas, yyyymmdd as a number,
// Excel's text guards, required marks in headers, and a revocation file with only the key columns.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { headerIndex, mapColumns } from '../src/modules/collection/headers.js';
import type { InfoTypeDefinition } from '../src/domain/fields.js';
import { makeDepartment, makeKey } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { penaltyFactory, PENALTY_HEADERS, tempDir, upload, writeCsv, writeJsonl, writeXlsx, type Row } from './fixtures/collection/files.js';
import { readFileSync } from 'node:fs';

let p: TestPlatform;
let officer: string;
let dir: string;
let f: ReturnType<typeof penaltyFactory>;
const USCC = '行政相对人代码_1(统一社会信用代码)';
const penalty = JSON.parse(readFileSync(new URL('../data/catalog/info-types/admin_penalty.json', import.meta.url), 'utf8')) as InfoTypeDefinition;

before(async () => {
  p = await startPlatform();
  const dept = await makeDepartment(p.ctx, { name: '深圳市市场监督管理局', roles: ['provider'] });
  officer = await makeKey(p.ctx, { department: dept.code, role: 'officer' });
  dir = tempDir();
  f = penaltyFactory(77, dept.code);
});
after(() => p.close());

const file = (name: string) => path.join(dir, name);
const rejectsOf = (body: { rejects: { row: number; field: string; code: string }[] }) => body.rejects.map((r) => [r.row, r.field, r.code]);
async function fieldsOf(row: Row) {
  const items = (await client(p.baseUrl, officer).get(`/api/v1/records?subject=${row[USCC]}&type=admin_penalty&limit=50`)).body.items;
  return items.find((i: { fields: { decision_no: string } }) => i.fields.decision_no === row['行政处罚决定书文号'])?.fields as Record<string, unknown>;
}

test('xlsx numbers: float noise rounded, yyyymmdd a date, a 16-digit code refused as lost', async () => {
  const headers = [...PENALTY_HEADERS, '工商注册号'];
  const rows = [
    f.org({ '罚款金额(万元)': '0.30000000000000004', 处罚决定日期: '20241105' }),
    f.org({ 工商注册号: '4403051234567890', 处罚决定日期: '20261120' }),
    f.org({ 工商注册号: '440305123456789', 处罚决定日期: '20261120' }),
  ];
  const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await writeXlsx(file('numbers.xlsx'), rows, { headers, numbers: ['罚款金额(万元)', '处罚决定日期', '工商注册号'] }) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.deepEqual(rejectsOf(r.body), [[3, '工商注册号', 'NUMBER_PRECISION']]);
  assert.match(r.body.rejects[0].reason, /Excel.*4\.40305E\+15.*文本格式/);
  const first = await fieldsOf(rows[0]);
  assert.equal(first.fine_amount, '0.3');
  assert.equal(first.decided_on, '2024-11-05');
  assert.equal((await fieldsOf(rows[2])).reg_no, '440305123456789');
});

test('CSV: scientific codes and decimal commas refused with their reasons; Excel text guards stripped', async () => {
  const headers = [...PENALTY_HEADERS, '工商注册号'];
  const person = f.person();
  const guarded = f.org({ 行政处罚决定书文号: '="0012345"' });
  const rows = [
    f.org({ 工商注册号: '4.40305E+15' }),
    f.org({ '罚款金额(万元)': '1,5' }),
    f.org({ '罚款金额(万元)': '1,500' }),
    guarded,
    { ...person, 证件号码: `'${person['证件号码']}` },
    f.person({ 证件号码: '4.10102E+17' }),
  ];
  const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('values.csv'), rows, { headers }) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.deepEqual(rejectsOf(r.body), [[2, '工商注册号', 'NUMBER_PRECISION'], [3, '罚款金额(万元)', 'INVALID_NUMBER_FORMAT'], [7, '证件号码', 'NUMBER_PRECISION']]);
  assert.equal(r.body.rejects[0].reason, '该值被 Excel 显示为科学计数法（4.40305E+15），位数已丢失；请将该列设为文本格式后重新导出');
  assert.match(r.body.rejects[1].reason, /千分位逗号位置不对/);
  assert.equal(r.body.accepted, 3);
  assert.equal((await fieldsOf(rows[2])).fine_amount, '1500');
  assert.ok(await fieldsOf({ ...guarded, 行政处罚决定书文号: '0012345' }));
});

test('JSONL: a code sent as a JSON number is refused with a JSON reason, not an Excel one', async () => {
  const row = f.person();
  const line = JSON.stringify(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''))).replace(`"证件号码":"${row['证件号码']}"`, '"证件号码":410102199003071234');
  const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeJsonl(file('numbers.jsonl'), [line]) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.deepEqual(rejectsOf(r.body), [[1, '证件号码', 'NUMBER_PRECISION']]);
  assert.match(r.body.rejects[0].reason, /JSON/);
  assert.doesNotMatch(r.body.rejects[0].reason, /Excel/);
});

test('JSONL keys are read like sheet headers: marks and trailing notes stripped, an exact key wins', async () => {
  const row = f.org();
  const marked = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '').map(([k, v]) => [k === '罚款金额(万元)' ? '罚款金额（万元）(数字)' : k === '违法事实' ? '*违法事实' : k, v]));
  const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeJsonl(file('marked.jsonl'), [JSON.stringify(marked)]) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.accepted, 1, JSON.stringify(r.body.rejects));
  const stored = await fieldsOf(row);
  assert.equal(stored.fine_amount, row['罚款金额(万元)']);
  assert.equal(stored.violation_facts, row['违法事实']);
});

test('headers with required marks and notes map; a missing column names its near misses', async () => {
  const marked: Record<string, string> = {
    行政相对人名称: '行政相对人名称(必填项)', 行政相对人类别: '行政相对人类别（必填）', 处罚类别: '【必填】处罚类别', 处罚决定日期: '★处罚决定日期',
    违法事实: '*违法事实', '罚款金额(万元)': '罚款金额（万元）(数字)',
  };
  const headers = PENALTY_HEADERS.map((h) => marked[h] ?? h);
  const row = f.org();
  const asMarked = Object.fromEntries(Object.entries(row).map(([k, v]) => [marked[k] ?? k, v]));
  const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('marked.csv'), [asMarked], { headers }) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.accepted, 1, JSON.stringify(r.body.rejects));
  assert.equal((await fieldsOf(row)).violation_facts, row['违法事实']);

  const near = PENALTY_HEADERS.map((h) => (h === '处罚决定日期' ? '决定日期' : h));
  const bad = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('near.csv'), [{ ...row, 决定日期: '2026-11-20' }], { headers: near }) });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'HEADER_MISSING');
  assert.match(bad.body.detail, /缺少必填列：处罚决定日期；文件中有相近的列：决定日期/);
});

test('mapColumns: a note-only match yields to an exact column of the same field', () => {
  const m = mapColumns(penalty, [...PENALTY_HEADERS, '违法事实(补充)']);
  assert.equal(m.columns[PENALTY_HEADERS.length], null);
  assert.deepEqual(m.ignored, ['违法事实(补充)']);
  // a revocation list may name the subject too; with 操作类型 the key columns are what it must have
  assert.deepEqual(mapColumns(penalty, ['行政相对人名称', '行政处罚决定书文号', USCC, '操作类型']).columns, ['subject_name', 'decision_no', 'uscc', '_action']);
  assert.throws(() => mapColumns(penalty, ['行政相对人名称', USCC, '操作类型']), /缺少必填列：行政处罚决定书文号/);
  assert.equal(mapColumns(penalty, PENALTY_HEADERS.map((h) => (h === '违法事实' ? '违法事实(详细)' : h)), headerIndex(penalty)).columns[PENALTY_HEADERS.indexOf('违法事实')], 'violation_facts');
});

test('a revocation file with only the key columns revokes; a row in it that does not revoke is refused row by row', async () => {
  const kept = [f.org(), f.org()];
  const first = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('deliver.csv'), kept) });
  assert.equal(first.body.accepted, 2, JSON.stringify(first.body));
  const headers = ['行政处罚决定书文号', USCC, '操作类型'];
  const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('revoke-keys.csv'), [{ ...kept[0], 操作类型: '撤销' }, { ...kept[1], 操作类型: '' }], { headers }) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.revoked, 1);
  assert.ok(rejectsOf(r.body).some(([row, field, code]) => row === 3 && field === '行政相对人名称' && code === 'REQUIRED'), JSON.stringify(r.body.rejects));
  assert.ok(rejectsOf(r.body).every(([row]) => row === 3));
  // without an 操作类型 column the file cannot revoke: every required column is still needed
  const noAction = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: writeCsv(file('keys-only.csv'), [kept[1]], { headers: headers.slice(0, 2) }) });
  assert.equal(noAction.body.code, 'HEADER_MISSING');
});
