// Files the audit found misread: quoted CSV headers, rows longer than the header, 1904 workbooks,
// Excel error cells, GBK JSON, title lines above a tab-separated header, JSON wrappers, second
// sheets and two-level headers. Each through the HTTP API, as a department sends it.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { makeDepartment, makeKey } from './support/factories.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { csvText, penaltyFactory, tempDir, upload, PENALTY_HEADERS, HEADER_KEYS, type Row } from './fixtures/collection/files.js';

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
