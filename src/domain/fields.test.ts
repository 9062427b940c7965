import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { makeRandom } from '../../bench/generate.js';
import { cellText, naturalKeyOf, normaliseHeader, parseDate, parseDecimal, parseEnum, identifierText, type Cell, type InfoTypeDefinition } from './fields.js';
import { validateRow } from './fields-row.js';
import { makeRic, makeUscc } from './identifiers/generate.js';

const penalty = JSON.parse(readFileSync(new URL('../../data/catalog/info-types/admin_penalty.json', import.meta.url), 'utf8')) as InfoTypeDefinition;
const rand = makeRandom(7);
const today = '2026-11-27';
const ctx = { today, batchOverrideReason: null };
const orgCode = makeUscc(rand, { authority: '9', entityType: '1' });
const soleTrader = makeUscc(rand, { authority: '9', entityType: '2' });
const authority = makeUscc(rand, { authority: '1', entityType: '1' });
const person = makeRic(rand);

function orgRow(extra: Record<string, Cell> = {}): Record<string, Cell> {
  return {
    subject_name: '郑州华盛科技有限公司', subject_category: '法人及非法人组织', uscc: orgCode, legal_rep: '王建国',
    decision_no: '郑市监罚〔2026〕101号', violation_type: '虚假宣传', violation_facts: '在网店发布虚假宣传内容', basis: '《中华人民共和国反不正当竞争法》第二十条',
    penalty_type: '警告；罚款', penalty_content: '警告，罚款 2 万元', fine_amount: '2', decided_on: '2026-11-20',
    authority: '郑州市市场监督管理局', authority_uscc: authority, source_unit: '郑州市市场监督管理局', source_unit_uscc: authority, ...extra,
  };
}

function issuesOf(cells: Record<string, Cell>, c = ctx) {
  const r = validateRow(penalty, cells, c);
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
}

describe('cell parsers', () => {
  test('headers are matched whatever the width, spaces and required marks', () => {
    assert.equal(normaliseHeader(' 罚款金额（万元）* '), normaliseHeader('罚款金额(万元)'));
    assert.equal(normaliseHeader('行政相对人名称（必填）'), '行政相对人名称');
    assert.equal(normaliseHeader('Subject_Name'), 'subject_name');
  });
  test('dates in the usual spellings and as Excel serials; impossible and future dates are refused', () => {
    for (const s of ['2026-03-05', '2026/3/5', '2026.03.05', '20260305', '2026年3月5日', '2026-03-05 00:00:00', 46086]) {
      assert.deepEqual(parseDate(s as Cell, { today }), { value: '2026-03-05' }, String(s));
    }
    assert.equal((parseDate('2026-02-30', { today }) as { issue: { code: string } }).issue.code, 'INVALID_DATE');
    assert.equal((parseDate('2026-12-01', { today, notFuture: true }) as { issue: { code: string } }).issue.code, 'FUTURE_DATE');
    assert.deepEqual(parseDate('', { today }), { value: null });
  });
  test('decimals stay exact strings; units and words are refused', () => {
    assert.deepEqual(parseDecimal('1,000.50', {}), { value: '1000.5' });
    assert.deepEqual(parseDecimal(2.25, {}), { value: '2.25' });
    assert.equal('issue' in parseDecimal('2万元', {}), true);
    assert.equal('issue' in parseDecimal('-1', { min: 0 }), true);
  });
  test('enums accept synonyms and several values', () => {
    const field = penalty.fields.find((f) => f.key === 'penalty_type')!;
    assert.deepEqual(parseEnum('警告、罚款;罚款', field), { value: '警告；罚款' });
    assert.equal('issue' in parseEnum('批评教育', field), true);
    const category = penalty.fields.find((f) => f.key === 'subject_category')!;
    assert.deepEqual(parseEnum('法人及其他组织', category), { value: '法人及非法人组织' });
  });
  test('an 18-digit code stored as an Excel number has lost digits', () => {
    assert.equal((identifierText(410105198001011239 as number) as { issue: { code: string } }).issue.code, 'NUMBER_PRECISION');
    assert.deepEqual(identifierText(123456789012345), { value: '123456789012345' });
    assert.equal(cellText('  x '), 'x');
  });
  test('natural keys ignore spacing and full-width forms', () => {
    assert.equal(naturalKeyOf(penalty, { decision_no: '郑市监罚（2026） 1号' }, 'S'), naturalKeyOf(penalty, { decision_no: '郑市监罚(2026)1号' }, 'S'));
  });
});

describe('validateRow', () => {
  test('a complete organisation row is valid and names its subject', () => {
    const r = validateRow(penalty, orgRow(), ctx);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.row.subject.kind, 'organization');
    assert.equal(r.row.subject.uscc, orgCode);
    assert.equal(r.row.decidedOn, '2026-11-20');
    assert.equal(r.row.values.penalty_type, '警告；罚款');
    assert.equal(r.row.action, 'upsert');
  });
  test('every problem of a row is reported with its field', () => {
    const issues = issuesOf(orgRow({ violation_facts: '', decided_on: '2026-13-01', fine_amount: null, penalty_type: '罚款' }));
    assert.deepEqual(issues.sort(), ['decided_on:INVALID_DATE', 'fine_amount:REQUIRED', 'violation_facts:REQUIRED'].sort());
  });
  test('a USCC with a wrong check character is refused, or accepted with an override reason that is kept', () => {
    const bad = orgCode.slice(0, 17) + (orgCode[17] === '0' ? '1' : '0');
    assert.deepEqual(issuesOf(orgRow({ uscc: bad })), ['uscc:CHECK_FAILED']);
    const ok = validateRow(penalty, orgRow({ uscc: bad, _override: '2015 年赋码，经核实真实有效' }), ctx);
    assert.ok(ok.ok);
    assert.deepEqual(ok.row.overrides, [{ field: 'uscc', code: 'USCC_CHECK_MISMATCH', reason: '2015 年赋码，经核实真实有效' }]);
    assert.ok(validateRow(penalty, orgRow({ uscc: bad }), { today, batchOverrideReason: '批量豁免' }).ok);
    assert.deepEqual(issuesOf(orgRow({ uscc: '91410100MA3X5K7Q' }), { today, batchOverrideReason: '批量豁免' }), ['uscc:INVALID_IDENTIFIER']);
  });
  test('行政相对人类别 must agree with the code: 92… is a sole trader', () => {
    assert.deepEqual(issuesOf(orgRow({ uscc: soleTrader })), ['subject_category:CATEGORY_MISMATCH']);
    const r = validateRow(penalty, orgRow({ uscc: soleTrader, subject_category: '个体工商户', legal_rep: null }), ctx);
    assert.ok(r.ok);
    assert.equal(r.row.subject.kind, 'individual_business');
    assert.deepEqual(issuesOf(orgRow({ subject_category: '个体工商户' })), ['subject_category:CATEGORY_MISMATCH']);
  });
  test('a natural person is identified by a valid ID number, never by a USCC', () => {
    const cells = orgRow({ subject_name: '李秀兰', subject_category: '自然人', uscc: null, legal_rep: null, id_type: '身份证', id_number: person });
    const r = validateRow(penalty, cells, ctx);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.row.subject.idNumber, person);
    assert.deepEqual(issuesOf({ ...cells, uscc: orgCode }), ['uscc:CATEGORY_MISMATCH']);
    assert.deepEqual(issuesOf({ ...cells, id_number: null }), ['id_number:REQUIRED']);
    assert.deepEqual(issuesOf({ ...cells, id_type: '护照号', id_number: 'E12345678' }), ['id_type:UNSUPPORTED_ID_TYPE']);
    const wrong = person.slice(0, 17) + (person[17] === '0' ? '1' : '0');
    assert.deepEqual(issuesOf({ ...cells, id_number: wrong }), ['id_number:CHECK_FAILED']);
  });
  test('a legal representative\'s passport number is kept as text, not checked as an ID number', () => {
    assert.ok(validateRow(penalty, orgRow({ legal_rep_id_type: '护照号', legal_rep_id_number: 'E12345678' }), ctx).ok);
    assert.deepEqual(issuesOf(orgRow({ legal_rep_id_type: '身份证', legal_rep_id_number: '123' })), ['legal_rep_id_number:INVALID_IDENTIFIER']);
  });
  test('dates must be in order', () => {
    assert.deepEqual(issuesOf(orgRow({ publish_until: '2026-01-01' })), ['publish_until:DATE_ORDER']);
  });
  test('a revocation needs only the record\'s key', () => {
    const r = validateRow(penalty, { _action: '撤销', decision_no: '郑市监罚〔2026〕101号', uscc: orgCode, subject_category: '法人及非法人组织' }, ctx);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.row.action, 'revoke');
    assert.deepEqual(issuesOf({ _action: '作废', ...orgRow() }), ['_action:INVALID_ACTION']);
  });
  test('severity labels map to the policy tiers', () => {
    const r = validateRow(penalty, orgRow({ severity: '严重失信' }), ctx);
    assert.ok(r.ok);
    assert.equal(r.row.severity, 'serious');
  });
});
