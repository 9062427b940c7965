import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cell } from './fields.js';
import { measureOfRow } from './measure-sheet.js';

const today = '2026-11-27';
const row = (extra: Record<string, Cell> = {}): Record<string, Cell> => ({
  code: 'CZ-CG-01', kind: '惩戒', nature: '强制性', title: '限制参加政府采购活动', legal_basis: '《中华人民共和国政府采购法》第二十二条',
  implementing_department: '河南省财政厅', applies_to: '法人及非法人组织；负有责任的个人', matter_categories: '政府采购、招标投标', ...extra,
});

test('a full row becomes the measure the API takes, Chinese words mapped to the contract values', () => {
  const r = measureOfRow(row({ content: ' 依法限制 ', edition: '2026版' }), today);
  assert.ok(r.ok);
  assert.deepEqual(r.measure, {
    code: 'CZ-CG-01', kind: 'punishment', nature: 'mandatory', title: '限制参加政府采购活动', content: '依法限制', legalBasis: '《中华人民共和国政府采购法》第二十二条',
    implementingDepartment: '河南省财政厅', appliesTo: ['organization', 'responsible_person'], matterCategories: ['政府采购', '招标投标'], category: null, edition: '2026版',
  });
});

test('synonyms and English values are accepted; 全部 or an empty cell means every matter', () => {
  const r = measureOfRow(row({ kind: 'reward', nature: '倡导性', applies_to: '企业、个人', matter_categories: '全部' }), today);
  assert.ok(r.ok);
  assert.deepEqual([r.measure.kind, r.measure.nature, r.measure.appliesTo, r.measure.matterCategories], ['reward', 'recommended', ['organization', 'natural_person'], []]);
  const empty = measureOfRow(row({ matter_categories: null }), today);
  assert.ok(empty.ok);
  assert.deepEqual(empty.measure.matterCategories, []);
});

test('every problem of a row is reported with its field and a Chinese reason', () => {
  const r = measureOfRow(row({ code: '措施 1', kind: '处分', applies_to: '法人；外星人', legal_basis: ' ', implementing_department: null }), today);
  assert.equal(r.ok, false);
  const got = r.ok ? [] : r.issues.map((i) => [i.field, i.code]);
  assert.deepEqual(got.sort(), [['applies_to', 'NOT_IN_ENUM'], ['code', 'INVALID_CODE'], ['implementing_department', 'REQUIRED'], ['kind', 'NOT_IN_ENUM'], ['legal_basis', 'REQUIRED']].sort());
  assert.ok(!r.ok && r.issues.every((i) => /[\u4e00-\u9fff]/.test(i.reason)));
});
