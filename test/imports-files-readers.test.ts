// The file readers alone (no database): what a delivered file reads as, row by row.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { InfoTypeDefinition } from '../src/domain/fields.js';
import { openRowSource, detectFormat, type SourceRow } from '../src/modules/collection/readers.js';
import { csvText, penaltyFactory, tempDir, PENALTY_HEADERS, type Row } from './fixtures/collection/files.js';

const def = JSON.parse(readFileSync(new URL('../data/catalog/info-types/admin_penalty.json', import.meta.url), 'utf8')) as InfoTypeDefinition;
const dir = tempDir();
const f = penaltyFactory(78, 'X');
const quoteAll = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

export async function readAll(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const source = await openRowSource(file, await detectFormat(file, name), def);
  const rows: SourceRow[] = [];
  try { for await (const r of source.rows) rows.push(r); } finally { source.close(); }
  return { rows, source };
}

test('closing a quoted CSV after its header (the import\'s header probe) neither throws nor leaves an unhandled error', async () => {
  const rows = Array.from({ length: 3000 }, () => f.org());
  const text = [quoteAll(PENALTY_HEADERS), ...rows.map((r) => quoteAll(PENALTY_HEADERS.map((h) => r[h])))].join('\r\n') + '\r\n';
  const file = path.join(dir, 'quoted.csv');
  writeFileSync(file, text);
  const errors: unknown[] = [];
  const onError = (e: unknown) => errors.push(e);
  process.on('uncaughtException', onError);
  try {
    for (let i = 0; i < 5; i++) {
      const probe = await openRowSource(file, 'csv', def);
      probe.close();
    }
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    process.off('uncaughtException', onError);
  }
  assert.deepEqual(errors.map(String), []);
  const all = await readAll('quoted2.csv', text);
  assert.equal(all.rows.length, 3000);
});

/** A workbook of the penalty headers; `edit` sets cells after the rows are in (errors, formulas, flags). */
async function penaltyWorkbook(name: string, rows: Row[], edit?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政处罚');
  ws.addRow(PENALTY_HEADERS);
  for (const r of rows) ws.addRow(PENALTY_HEADERS.map((h) => r[h] ?? ''));
  edit?.(wb, ws);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function readFile(file: string) {
  const source = await openRowSource(file, await detectFormat(file, path.basename(file)), def);
  const rows: SourceRow[] = [];
  try { for await (const r of source.rows) rows.push(r); } finally { source.close(); }
  return { rows, source };
}

const col = (header: string) => PENALTY_HEADERS.indexOf(header) + 1;
const serial1900 = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;

test('a workbook in the 1904 date system: its date serials are read as the dates Excel shows', async () => {
  const file = await penaltyWorkbook('1904.xlsx', [f.org(), f.org()], (wb, ws) => {
    wb.properties.date1904 = true;
    ws.getCell(2, col('处罚决定日期')).value = new Date(Date.UTC(2026, 10, 20)); // exceljs writes the 1904 serial
    ws.getCell(3, col('处罚决定日期')).value = 46346 - 1462; // a serial as a 1904 workbook holds it
  });
  const { rows } = await readFile(file);
  assert.deepEqual(rows.map((r) => r.cells.decided_on), [serial1900('2026-11-20'), 46346]);
  const plainFile = await penaltyWorkbook('1900.xlsx', [f.org()], (_wb, ws) => { ws.getCell(2, col('处罚决定日期')).value = 46346; });
  assert.deepEqual((await readFile(plainFile)).rows.map((r) => r.cells.decided_on), [46346]);
});

test('Excel error cells and formulas without a cached result reject their row with the reason', async () => {
  const file = await penaltyWorkbook('errors.xlsx', [f.org(), f.org(), f.org(), f.org()], (_wb, ws) => {
    ws.getCell(2, col('违法事实')).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell(3, col('处罚内容')).value = { formula: 'A1&B1' } as ExcelJS.CellFormulaValue;
    ws.getCell(4, col('处罚依据')).value = { formula: 'A1', result: '《反不正当竞争法》第二十条' } as ExcelJS.CellFormulaValue;
    ws.getCell(5, 30).value = { error: '#REF!' } as ExcelJS.CellErrorValue; // outside the table: not ours to judge
  });
  const { rows } = await readFile(file);
  assert.deepEqual(rows.map((r) => [r.rowNo, r.malformed ?? null]), [
    [2, '“违法事实”列：单元格为 Excel 错误值 #N/A'],
    [3, '“处罚内容”列：公式没有计算结果，请在 Excel 中重新计算并保存后再导入'],
    [4, null],
    [5, null],
  ]);
  assert.deepEqual(rows.slice(0, 2).map((r) => r.malformedField), ['违法事实', '处罚内容'], 'the reject names the column');
  assert.equal(rows[2].cells.basis, '《反不正当竞争法》第二十条');
});

test('.json and .jsonl in GBK are detected and read', async () => {
  const rows = [f.org(), f.org()].map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
  const jsonl = await readAll('gbk.jsonl', iconv.encode(rows.map((r) => JSON.stringify(r)).join('\r\n') + '\r\n', 'gbk'));
  assert.equal(jsonl.source.encoding, 'gb18030');
  assert.deepEqual(jsonl.rows.map((r) => [r.malformed ?? null, r.cells.subject_name]), rows.map((r) => [null, r['行政相对人名称']]));
  const json = await readAll('gbk.json', iconv.encode(JSON.stringify(rows, null, 2), 'gbk'));
  assert.equal(json.source.encoding, 'gb18030');
  assert.deepEqual(json.rows.map((r) => r.cells.violation_facts), rows.map((r) => r['违法事实']));
});

test('a tab-separated .txt with a title line above the header is read', async () => {
  const rows = [f.org(), f.org()];
  const tsv = (cells: string[]) => cells.join('\t');
  const text = ['2026年11月行政处罚公示', tsv(PENALTY_HEADERS), ...rows.map((r) => tsv(PENALTY_HEADERS.map((h) => r[h].replace(/，/g, ','))))].join('\r\n') + '\r\n';
  const { rows: read } = await readAll('title.txt', text);
  assert.deepEqual(read.map((r) => [r.rowNo, r.malformed ?? null, r.cells.decision_no]), rows.map((r, i) => [i + 3, null, r['行政处罚决定书文号']]));
  assert.equal(read[0].cells.penalty_content, '警告,罚款 2 万元');
});

test('two-level headers (merged 行政相对人代码 and 法定代表人 over their sub-columns) in CSV and .xlsx', async () => {
  const rest = PENALTY_HEADERS.slice(PENALTY_HEADERS.indexOf('行政处罚决定书文号'));
  const top = ['行政相对人名称', '行政相对人类别', '行政相对人代码', '', '法定代表人', '', '', '证件类型', '证件号码', ...rest];
  const sub = ['', '', '统一社会信用代码', '工商注册号', '姓名', '证件类型', '证件号码', '', '', ...rest.map(() => '')];
  const r = f.org();
  const data = [r['行政相对人名称'], r['行政相对人类别'], r['行政相对人代码_1(统一社会信用代码)'], '', '王建国', '身份证', '410105199001011234', '', '', ...rest.map((h) => r[h])];
  const expected = { subject_name: r['行政相对人名称'], uscc: r['行政相对人代码_1(统一社会信用代码)'], legal_rep: '王建国', legal_rep_id_type: '身份证', legal_rep_id_number: '410105199001011234', decision_no: r['行政处罚决定书文号'] };
  const pick = (row: SourceRow) => Object.fromEntries(Object.keys(expected).map((k) => [k, row.cells[k]]));
  const csv = await readAll('two-level.csv', [top, sub, data].map((cells) => cells.map((c) => `"${c}"`).join(',')).join('\r\n') + '\r\n');
  assert.deepEqual(csv.rows.map((x) => [x.rowNo, pick(x)]), [[3, expected]]);
  assert.equal(csv.source.headerOf('uscc'), '统一社会信用代码');

  const file = path.join(dir, 'two-level.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政处罚');
  ws.addRow(top); ws.addRow(sub); ws.addRow(data);
  ws.mergeCells(1, 3, 1, 4); ws.mergeCells(1, 5, 1, 7); ws.mergeCells(1, 1, 2, 1);
  await wb.xlsx.writeFile(file);
  const xlsx = await readFile(file);
  assert.deepEqual(xlsx.rows.map((x) => [x.rowNo, pick(x)]), [[3, expected]]);

  // a one-level header: the row under it is data, read as before
  const plain = await readAll('one-level.csv', csvText([r]));
  assert.deepEqual(plain.rows.map((x) => [x.rowNo, x.cells.decision_no]), [[2, r['行政处罚决定书文号']]]);
});
