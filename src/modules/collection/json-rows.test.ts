import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createJsonScanner, JsonShapeError, type JsonElement } from './json-rows.js';

function scanAll(text: string, cuts: number[] = []): JsonElement[] {
  const scanner = createJsonScanner();
  const out: JsonElement[] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    out.push(...scanner.push(text.slice(at, cut)));
    at = cut;
  }
  out.push(...scanner.end());
  return out;
}

const rows = [
  { 行政相对人名称: '郑州市金水区老张烩面馆', 违法事实: '当事人"张三"在{店}内[销售]过期食品，涉及a,b两批\\次', 罚款金额: 2.5 },
  { 行政相对人名称: '河南测试商贸有限公司', 违法事实: '', 备注: null },
];

test('an array of objects: each element by its place', () => {
  const found = scanAll(JSON.stringify(rows, null, 2));
  assert.deepEqual(found.map((e) => e.rowNo), [1, 2]);
  assert.deepEqual(found.map((e) => JSON.parse(e.text)), rows);
});

test('an interface answer wrapping the rows: the first array of objects among its properties', () => {
  const doc = { code: 0, msg: '成功', tags: ['a', 'b'], meta: { page: 1 }, data: rows, total: 2, more: [{ x: 1 }] };
  const found = scanAll(JSON.stringify(doc));
  assert.deepEqual(found.map((e) => JSON.parse(e.text)), rows);
  assert.deepEqual(found.map((e) => e.rowNo), [1, 2]);
});

test('objects one after another (JSON Lines saved as .json): each by the line it starts on', () => {
  const text = `\uFEFF${JSON.stringify(rows[0])}\n\n${JSON.stringify(rows[1], null, 1)}\n`;
  const found = scanAll(text);
  assert.deepEqual(found.map((e) => e.rowNo), [1, 3]);
  assert.deepEqual(found.map((e) => JSON.parse(e.text)), rows);
});

test('an element that is not an object is cut out like the others (the reader rejects it)', () => {
  const found = scanAll('[1, "two", {"a": [1, {"b": 2}]}, null, [3]]');
  assert.deepEqual(found.map((e) => e.text.trim()), ['1', '"two"', '{"a": [1, {"b": 2}]}', 'null', '[3]']);
  assert.deepEqual(scanAll('[]'), []);
  assert.deepEqual(scanAll('{"data": [], "total": 0}').length, 1, 'an empty array of no objects is not taken for the rows');
});

test('broken documents fail with the line they broke on', () => {
  for (const [text, message, line] of [
    ['[{"a": 1},\n{"b": 2}', /不完整/, 2],
    ['[{"a": 1}}\n]', /括号不匹配/, 1],
    ['[{"a": 1}]\n[{"b": 2}]', /之后|还有其他内容/, 2],
    ['名称,类别\n', /开头/, 1],
    ['{"a": "unterminated}', /不完整/, 1],
    ['  \n', /没有数据/, 2],
  ] as const) {
    assert.throws(() => scanAll(text), (e: unknown) => e instanceof JsonShapeError && message.test(e.message) && e.line === line, text);
  }
});

test('random documents cut into random chunks read exactly as JSON.parse reads them whole', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pieces = ['郑州', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 'a', '\u2028', '🙂', '\t'];
  const str = () => Array.from({ length: Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
  const obj = () => Object.fromEntries(Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => [`k${i}${str()}`, rand() < 0.2 ? Math.round(rand() * 1000) / 10 : rand() < 0.1 ? [str(), { n: str() }] : str()]));
  for (let n = 0; n < 500; n++) {
    const items = Array.from({ length: Math.floor(rand() * 6) }, obj);
    const indent = rand() < 0.5 ? 0 : 2;
    const form = Math.floor(rand() * 3);
    const text = form === 0 ? JSON.stringify(items, null, indent)
      : form === 1 ? JSON.stringify({ code: 0, msg: str(), data: items.length ? items : [{ only: str() }] }, null, indent)
        : items.map((o) => JSON.stringify(o)).join('\n');
    if (form === 2 && !items.length) continue;
    const expected = form === 1 && !items.length ? [{ only: undefined }] : items;
    const cuts = Array.from({ length: Math.floor(rand() * 8) }, () => Math.floor(rand() * text.length)).sort((a, b) => a - b);
    const found = scanAll(text, cuts).map((e) => JSON.parse(e.text));
    if (form === 1 && !items.length) assert.equal(found.length, 1);
    else assert.deepEqual(found, expected, text);
  }
});

test('wrappers nested in objects, and tables of columns and row arrays', () => {
  const nested = scanAll('{"code":0,"msg":"ok","data":{"page":{"n":1},"list":[{"a":1},{"a":2}],"total":9}}');
  assert.deepEqual(nested.map((e) => [e.rowNo, JSON.parse(e.text)]), [[1, { a: 1 }], [2, { a: 2 }]]);
  const table = scanAll('{"columns":["名称","类别"],"rows":[["甲公司","法人"],["乙",null,"多余"]]}');
  assert.deepEqual(table.map((e) => JSON.parse(e.text)), [{ 名称: '甲公司', 类别: '法人' }, { 名称: '乙', 类别: null }]);
  const titled = scanAll('{"result":{"header":[{"title":"名称"},{"name":"类别"}],"records":[["丙","个体工商户"]]}}');
  assert.deepEqual(titled.map((e) => JSON.parse(e.text)), [{ 名称: '丙', 类别: '个体工商户' }]);
  assert.throws(() => scanAll('{"rows":[["甲公司","法人"]]}'), /没有列名/);
  // keys and columns cut across chunks anywhere read the same
  for (const doc of ['{"code":0,"data":{"list":[{"a":1},{"a":2}]}}', '{"result":{"header":[{"title":"名称"}],"records":[["丙"]]}}']) {
    const whole = scanAll(doc).map((e) => e.text);
    for (let cut = 1; cut < doc.length; cut++) assert.deepEqual(scanAll(doc, [cut]).map((e) => e.text), whole, `${doc} cut at ${cut}`);
  }
  // a JSON Lines record whose property is an array of objects inside an array stays one record
  assert.deepEqual(scanAll('{"a":1,"b":[[{"c":1}]]}\n{"a":2}').length, 2);
});
