// Values as the audit found them in real files: long codes Excel turned into numbers or scientific
// text, float noise, decimal commas, yyyymmdd held as a number, Excel's text guards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { cellText, identifierText, normaliseHeader, parseDate, parseDecimal, parseInteger, parseText, type Cell, type InfoTypeDefinition } from './fields.js';
import { validateRow } from './fields-row.js';

const penalty = JSON.parse(readFileSync(new URL('../../data/catalog/info-types/admin_penalty.json', import.meta.url), 'utf8')) as InfoTypeDefinition;
const today = '2026-11-27';
const codeOf = (p: { issue?: { code: string } } | object) => ('issue' in p ? (p.issue as { code: string }).code : null);
const reasonOf = (p: object) => ('issue' in p ? (p.issue as { reason: string }).reason : '');

describe('long codes that lost digits', () => {
  test('an xlsx number of 16+ digits in a text field is refused with NUMBER_PRECISION', () => {
    const r = parseText(4403051234567890, {});
    assert.equal(codeOf(r), 'NUMBER_PRECISION');
    assert.match(reasonOf(r), /Excel.*4\.40305E\+15.*文本格式/);
    assert.deepEqual(parseText(123456789012345, {}), { value: '123456789012345' }); // 15 digits: Excel keeps them
  });
  test('scientific text saved to CSV is refused in text and identifier fields', () => {
    for (const s of ['4.40305E+15', '4.10102E+17', '9.14403e+17', ' 4.4E+11']) {
      assert.equal(codeOf(parseText(s, {})), 'NUMBER_PRECISION', s);
      assert.equal(codeOf(identifierText(s)), 'NUMBER_PRECISION', s);
    }
    assert.equal(reasonOf(parseText('4.40305E+15', {})), '该值被 Excel 显示为科学计数法（4.40305E+15），位数已丢失；请将该列设为文本格式后重新导出');
    for (const s of ['1E+5', '郑市监罚〔2026〕1E+15号', 'E+15', '4.4E-15']) assert.equal(codeOf(parseText(s, {})), null, s);
  });
  test('identifier numbers: Excel reason for spreadsheets, JSON reason for JSON', () => {
    assert.match(reasonOf(identifierText(410102199003071234)), /Excel/);
    const json = identifierText(410102199003071234, 'json');
    assert.equal(codeOf(json), 'NUMBER_PRECISION');
    assert.match(reasonOf(json), /JSON/);
    assert.doesNotMatch(reasonOf(json), /Excel/);
    assert.match(reasonOf(parseText(12345678901234567, {}, 'json')), /字符串/);
    assert.deepEqual(parseText(4403051234567890, {}, 'json'), { value: '4403051234567890' }); // exact in JSON
  });
  test('validateRow reports NUMBER_PRECISION on the field', () => {
    const r = validateRow(penalty, { decision_no: '4.40305E+15', reg_no: 4403051234567890 }, { today, batchOverrideReason: null });
    assert.ok(!r.ok);
    const got = r.issues.filter((i) => i.code === 'NUMBER_PRECISION').map((i) => i.field).sort();
    assert.deepEqual(got, ['decision_no', 'reg_no']);
  });
});

describe('numbers', () => {
  test('float noise is rounded to 15 significant digits', () => {
    assert.deepEqual(parseDecimal(0.30000000000000004, {}), { value: '0.3' });
    assert.deepEqual(parseDecimal(1.1 * 3, {}), { value: '3.3' });
    assert.deepEqual(parseDecimal(12345.678, {}), { value: '12345.678' });
    assert.deepEqual(parseInteger(3.0000000000000004, {}), { value: 3 });
  });
  test('thousands commas only where they group thousands', () => {
    assert.deepEqual(parseDecimal('1,500', {}), { value: '1500' });
    assert.deepEqual(parseDecimal('12,345.6', {}), { value: '12345.6' });
    assert.deepEqual(parseDecimal('1,234,567.50', {}), { value: '1234567.5' });
    assert.deepEqual(parseDecimal('１，５００', {}), { value: '1500' });
    assert.deepEqual(parseInteger('1,500', {}), { value: 1500 });
    for (const s of ['1,5', '12,34', '1,5000', '1,500,00', ',500', '1,500.5,0']) {
      assert.equal(codeOf(parseDecimal(s, {})), 'INVALID_NUMBER_FORMAT', s);
    }
    assert.equal(reasonOf(parseDecimal('1,5', {})), '数字格式不正确：1,5（千分位逗号位置不对，小数点请用 .）');
    assert.equal(codeOf(parseInteger('1,5', {})), 'INVALID_NUMBER_FORMAT');
  });
});

describe('dates', () => {
  test('yyyymmdd held as a number is that date, not an Excel serial', () => {
    assert.deepEqual(parseDate(20240305, { today }), { value: '2024-03-05' });
    assert.deepEqual(parseDate(19000101, { today }), { value: '1900-01-01' });
    assert.equal(codeOf(parseDate(20240230, { today })), 'INVALID_DATE');
    assert.equal(codeOf(parseDate(21001232, { today })), 'INVALID_DATE');
    assert.equal(codeOf(parseDate(5000000, { today })), 'INVALID_DATE');
    assert.deepEqual(parseDate(45356, { today }), { value: '2024-03-05' }); // serials still work
  });
});

describe('text guards and headers', () => {
  test('="…" and a leading apostrophe are Excel guards, not part of the value', () => {
    assert.equal(cellText('="0012345"'), '0012345');
    assert.equal(cellText("'330106199001011234"), '330106199001011234');
    assert.equal(cellText(' \'0571 '), '0571');
    assert.equal(cellText('="a"&"b"'), '="a"&"b"');
    assert.equal(cellText("'"), null);
    assert.deepEqual(identifierText('="91440300MA5EXAMPLE"'), { value: '91440300MA5EXAMPLE' });
    assert.deepEqual(parseDecimal('="1500"', {}), { value: '1500' });
  });
  test('required marks in every spelling are removed', () => {
    for (const h of ['行政相对人名称(必填项)', '行政相对人名称（必填）', '【必填】行政相对人名称', '★行政相对人名称', '*行政相对人名称', '行政相对人名称[必填]']) {
      assert.equal(normaliseHeader(h), '行政相对人名称', h);
    }
  });
});

test('cells without guards or noise are unchanged (the fast paths)', () => {
  for (const c of ['郑州市', 'abc', '2', 12, 0.5] as Cell[]) assert.equal(cellText(c), String(c));
});
