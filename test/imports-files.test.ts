// Files the audit found misread: quoted CSV headers, rows longer than the header, 1904 workbooks,
// Excel error cells, GBK JSON, title lines above a tab-separated header, JSON wrappers, second
// sheets and two-level headers. Each through the HTTP API, as a department sends it.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { makeDepartment, makeKey } from './support/factories.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { csvText, inOrder, penaltyFactory, tempDir, upload, PENALTY_HEADERS } from './fixtures/collection/files.js';

let p: TestPlatform;
let officer: string;
let dir: string;
let f: ReturnType<typeof penaltyFactory>;

before(async () => {
  p = await startPlatform();
  const dept = await makeDepartment(p.ctx, { name: '郑州市市场监督管理局', roles: ['provider'] });
  officer = await makeKey(p.ctx, { department: dept.code, role: 'officer' });
  dir = tempDir();
  f = penaltyFactory(77, dept.code);
});
after(() => p.close());

const file = (name: string) => path.join(dir, name);
const send = (name: string, content: string | Buffer) => {
  writeFileSync(file(name), content);
  return upload(p.baseUrl, officer, { type: 'admin_penalty', file: file(name) });
};
const rejectsOf = (body: { rejects: { row: number; field: string; code: string }[] }) => body.rejects.map((r) => `${r.row} ${r.field} ${r.code}`);
const quoteAll = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

test('a quote-all CSV export is read, and the server stays up', async () => {
  // larger than one read of the file: the header probe closes the file while it is still being read
  const rows = Array.from({ length: 1500 }, () => f.org());
  const text = [quoteAll(PENALTY_HEADERS), ...rows.map((r) => quoteAll(PENALTY_HEADERS.map((h) => r[h])))].join('\r\n') + '\r\n';
  const r = await send('quoted.csv', text);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.deepEqual([r.body.accepted, r.body.rejected], [1500, 0]);
  const again = await send('quoted-again.csv', text.replace(/\r\n$/, '\r\n\r\n'));
  assert.equal(again.status, 201, JSON.stringify(again.body));
});

test('a header cell with a line break inside quotes is read', async () => {
  const headers = PENALTY_HEADERS.map((h) => (h === '违法事实' ? '违法\n事实' : h));
  const rows = [f.org()];
  const text = [quoteAll(headers), ...rows.map((r) => quoteAll(PENALTY_HEADERS.map((h) => r[h])))].join('\r\n') + '\r\n';
  const r = await send('alt-enter.csv', text);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.accepted, 1);
});

test('a CSV row with more cells than the header is rejected; trailing empty cells are not', async () => {
  const rows = [f.org(), f.org(), f.org()];
  const lines = csvText(rows).split('\r\n');
  lines[2] += ',多出来的值'; // row 3
  lines[3] += ',,'; // row 4: Excel's trailing commas
  const r = await send('long-row.csv', lines.join('\r\n'));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.deepEqual(rejectsOf(r.body), ['3  ROW_MALFORMED']);
  assert.match(r.body.rejects[0].reason, new RegExp(`本行 ${PENALTY_HEADERS.length + 1} 列，表头只有 ${PENALTY_HEADERS.length} 列`));
  assert.equal(r.body.accepted, 2);
});

/** Sheets written by exceljs's streaming writer (workbook.xml before the sheets, as Excel orders it). */
async function streamedWorkbook(name: string, sheets: { name: string; rows: string[][]; hidden?: boolean }[]): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: name, useSharedStrings: false, useStyles: false });
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name, sh.hidden ? { state: 'hidden' } : {});
    for (const r of sh.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  return name;
}

test('a workbook whose second sheet has the same header and data: the first is imported, the second named in a warning', async () => {
  const first = [f.org()];
  const second = [f.org(), f.org()];
  const r = await upload(p.baseUrl, officer, { type: 'admin_penalty', file: await streamedWorkbook(file('two-sheets.xlsx'), [
    { name: '说明', rows: [['填报说明：每行一条处罚决定']] },
    { name: '10月', rows: [PENALTY_HEADERS, ...first.map((x) => inOrder(x))] },
    { name: '代码表', rows: [['类别'], ['法人及非法人组织']], hidden: true },
    { name: '11月', rows: [['2026年11月'], PENALTY_HEADERS, ...second.map((x) => inOrder(x))] },
    { name: '空模板', rows: [PENALTY_HEADERS] },
  ]) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.accepted, 1);
  // (exceljs's writers put workbook.xml after the sheets, so the reader knows them as Sheet1…; Excel writes it first)
  const warning = r.body.warnings.find((w: string) => w.includes('也有同样的表头和数据，未导入'));
  assert.ok(warning && /“(11月|Sheet4)”/.test(warning) && !/空模板|Sheet5/.test(warning), JSON.stringify(r.body.warnings));
});
