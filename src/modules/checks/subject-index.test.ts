import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createSubjectIndex, type ListTypeFact, type SubjectRow } from './subject-index.js';

const listTypes = new Map<string, ListTypeFact>([
  ['lt-debtor', { code: 'debtor', name: '失信被执行人', kind: 'black', domain: '司法' }],
  ['lt-a', { code: 'a_taxpayer', name: 'A级纳税人', kind: 'red', domain: '税务' }],
]);
const org = (i: number, extra: Partial<SubjectRow> = {}): SubjectRow => ({
  id: randomUUID(), kind: 'organization', name: `样本${i}有限公司`, uscc: `91410100MA${String(i).padStart(8, '0')}`, id_blind: null, id_masked: null, created_on: '2020-05-06', ...extra,
});
const ask = (index: ReturnType<typeof createSubjectIndex>, usccs: string[], blinds: string[] = [], negativeSince = '2023-11-27') =>
  index.facts({ usccs, blinds, negativeSince, listTypes });

test('subjects come back as they were put, ids and dates intact, past the initial capacity', () => {
  const index = createSubjectIndex(16);
  const rows = Array.from({ length: 1000 }, (_, i) => org(i, { created_on: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}` }));
  for (const r of rows) index.put({ subject: r, own: [], via: [], negativeOn: null });
  assert.equal(index.size, 1000);
  for (const i of [0, 15, 16, 17, 511, 999]) {
    const { subjects } = ask(index, [rows[i].uscc!]);
    assert.deepEqual(subjects, [{ id: rows[i].id, kind: 'organization', name: rows[i].name, uscc: rows[i].uscc, id_masked: null, id_blind: null, created_on: rows[i].created_on }]);
  }
  assert.deepEqual(ask(index, ['91410100MA99999999']).subjects, [], 'an unknown code finds nothing');
});

test('putting a subject again replaces its name and facts, never adds a slot', () => {
  const index = createSubjectIndex();
  const r = org(1);
  const entry = { id: randomUUID(), status: 'active', starts_on: '2026-01-01', ends_on: null, list_type_id: 'lt-debtor' };
  index.put({ subject: r, own: [entry], via: [], negativeOn: '2026-01-01' });
  let f = ask(index, [r.uscc!]);
  assert.equal(f.own.length, 1);
  assert.equal(f.own[0].list_type, 'debtor');
  assert.equal(f.own[0].list_type_name, '失信被执行人');
  assert.deepEqual(f.negative, [r.id]);
  index.put({ subject: { ...r, name: '新名称有限公司' }, own: [], via: [], negativeOn: '2026-01-01' });
  f = ask(index, [r.uscc!]);
  assert.equal(index.size, 1);
  assert.equal(f.subjects[0].name, '新名称有限公司');
  assert.deepEqual(f.own, []);
});

test('a negative record counts from the day given, not before', () => {
  const index = createSubjectIndex();
  const r = org(2);
  index.put({ subject: r, own: [], via: [], negativeOn: '2023-11-27' });
  assert.deepEqual(ask(index, [r.uscc!], [], '2023-11-27').negative, [r.id]);
  assert.deepEqual(ask(index, [r.uscc!], [], '2023-11-28').negative, []);
});

test('persons are found by blind index, with their masked number and the entries that reach them via an organisation', () => {
  const index = createSubjectIndex();
  const person: SubjectRow = { id: randomUUID(), kind: 'natural_person', name: '张三', uscc: null, id_blind: 'b'.repeat(64), id_masked: '410***********1234', created_on: '2026-01-02' };
  const via = { id: randomUUID(), status: 'held', starts_on: '2026-01-01', ends_on: '2028-01-01', list_type_id: 'lt-debtor', role: 'legal_representative', org_id: randomUUID(), org_name: '样本公司', org_uscc: '91410100MA00000001' };
  index.put({ subject: person, own: [], via: [via], negativeOn: null });
  const f = ask(index, [], [person.id_blind!, person.id_blind!]);
  assert.equal(f.subjects.length, 1, 'asked twice in a round, answered once');
  assert.equal(f.subjects[0].id_masked, '410***********1234');
  assert.deepEqual(f.via.map((v) => [v.person_id, v.org_uscc, v.role, v.status, v.list_type]), [[person.id, '91410100MA00000001', 'legal_representative', 'held', 'debtor']]);
});

test('an entry of a list type the catalog no longer has is left out rather than guessed', () => {
  const index = createSubjectIndex();
  const r = org(3);
  index.put({ subject: r, own: [{ id: randomUUID(), status: 'active', starts_on: '2026-01-01', ends_on: null, list_type_id: 'lt-gone' }, { id: randomUUID(), status: 'active', starts_on: '2026-01-01', ends_on: null, list_type_id: 'lt-a' }], via: [], negativeOn: null });
  assert.deepEqual(ask(index, [r.uscc!]).own.map((e) => e.list_type), ['a_taxpayer']);
});
