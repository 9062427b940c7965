import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeRandom } from '../../bench/generate.js';
import { entryOfRow } from './entry-sheet.js';
import type { Cell } from './fields.js';
import { makeRic, makeUscc } from './identifiers/generate.js';

const today = '2026-11-27';
const rand = makeRandom(11);
const org = makeUscc(rand, { authority: '9', entityType: '1' });
const soleTrader = makeUscc(rand, { authority: '9', entityType: '2' });
const person = makeRic(rand);
const rep = makeRic(rand);
const row = (extra: Record<string, Cell> = {}): Record<string, Cell> => ({
  subject_name: '郑州华盛科技有限公司', subject_category: '法人及非法人组织', uscc: org, decision_no: '（2026）豫0105执1号', decided_on: '2026/11/2',
  reason: '有履行能力而拒不履行生效法律文书确定义务', ...extra,
});

test('an organisation row becomes the entry POST /list-entries takes, starting on the decision day by default', () => {
  const r = entryOfRow(row({ legal_rep: '王建国', legal_rep_id: rep }), today);
  assert.ok(r.ok);
  assert.deepEqual(r.entry, {
    action: 'publish', decisionNo: '（2026）豫0105执1号', reason: '有履行能力而拒不履行生效法律文书确定义务', subject: { kind: 'organization', name: '郑州华盛科技有限公司', uscc: org },
    decidedOn: '2026-11-02', startsOn: '2026-11-02', responsiblePersons: [{ role: 'legal_representative', name: '王建国', idNumber: rep }], key: `${org}|(2026)豫0105执1号`, // width-folded: the same decision however written
  });
});

test('ends-on: a date, 长期 (until removed: null), or empty (the list type decides: left out)', () => {
  const dated = entryOfRow(row({ starts_on: '2026-11-03', ends_on: '2028-11-02' }), today);
  const open = entryOfRow(row({ ends_on: '长期' }), today);
  const left = entryOfRow(row(), today);
  assert.ok(dated.ok && open.ok && left.ok);
  assert.equal(dated.entry.endsOn, '2028-11-02');
  assert.equal(open.entry.endsOn, null);
  assert.ok(!('endsOn' in left.entry));
});

test('a person is listed by ID number; a 撤销 row needs only the key columns', () => {
  const p = entryOfRow(row({ subject_name: '李秀兰', subject_category: '自然人', uscc: null, id_number: person, legal_rep: '王建国', legal_rep_id: rep }), today);
  assert.ok(p.ok);
  assert.deepEqual([p.entry.subject, p.entry.responsiblePersons], [{ kind: 'natural_person', name: '李秀兰', idNumber: person }, []]);
  const revoke = entryOfRow({ uscc: org, decision_no: '（2026）豫0105执1号', _action: '撤销' }, today);
  assert.ok(revoke.ok);
  assert.equal(revoke.entry.action, 'revoke');
});

test('bad rows: codes, category, future and ordered dates, a legal representative without a name', () => {
  const codes = (extra: Record<string, Cell>) => { const r = entryOfRow(row(extra), today); return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`); };
  assert.deepEqual(codes({ uscc: org.slice(0, 17) + (org[17] === '0' ? '1' : '0') }), ['uscc:CHECK_FAILED']);
  assert.deepEqual(codes({ uscc: soleTrader }), ['subject_category:CATEGORY_MISMATCH']);
  assert.deepEqual(codes({ decided_on: '2027-01-05' }), ['decided_on:FUTURE_DATE']);
  assert.deepEqual(codes({ reason: '' }), ['reason:REQUIRED']);
  assert.deepEqual(codes({ starts_on: '2026-11-10', ends_on: '2026-11-01' }), ['ends_on:DATE_ORDER']);
  assert.deepEqual(codes({ legal_rep_id: rep }), ['legal_rep:REQUIRED']);
  assert.deepEqual(codes({ legal_rep: '王建国', legal_rep_id: '410105199' }), ['legal_rep_id:INVALID_IDENTIFIER']);
  assert.deepEqual(codes({ subject_category: '自然人', uscc: null }), ['id_number:SUBJECT_CODE_MISSING']);
});
