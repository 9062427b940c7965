import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateCheck, inForce, type EntryFact, type EvaluationInput, type MeasureFact } from './check-evaluation.js';

const today = '2026-11-27';
const entry = (o: Partial<EntryFact> = {}): EntryFact => ({
  id: 'e1', listType: 'dishonest_debtor', kind: 'black', domain: '司法', status: 'active', startsOn: '2026-01-01', endsOn: null, via: null, ...o,
});
const measure = (o: Partial<MeasureFact> = {}): MeasureFact => ({
  code: 'M1', title: '限制参与政府采购', kind: 'punishment', nature: 'mandatory', legalBasis: '《政府采购法》第二十二条',
  appliesTo: ['organization'], matterCategories: [], listTypes: ['dishonest_debtor'], ...o,
});
const input = (o: Partial<EvaluationInput> = {}): EvaluationInput => ({
  subjectKind: 'organization', entries: [entry()], measures: [measure()], matterCategory: '政府采购', today, threeYearsClean: false, ...o,
});

test('a black entry with a matching measure restricts, naming the entry that causes it', () => {
  const r = evaluateCheck(input());
  assert.equal(r.outcome, 'restrict');
  assert.deepEqual(r.measures.map((m) => [m.code, m.entryIds]), [['M1', ['e1']]]);
});

test('no entries: clear, no measures', () => {
  const r = evaluateCheck(input({ entries: [] }));
  assert.equal(r.outcome, 'clear');
  assert.deepEqual(r.measures, []);
});

test('matter category filters measures; empty categories apply to every matter', () => {
  assert.equal(evaluateCheck(input({ measures: [measure({ matterCategories: ['行政许可'] })] })).outcome, 'clear');
  assert.equal(evaluateCheck(input({ measures: [measure({ matterCategories: ['行政许可', '政府采购'] })] })).outcome, 'restrict');
});

test('a measure of a list type the memorandum does not cover does not apply', () => {
  assert.equal(evaluateCheck(input({ measures: [measure({ listTypes: ['tax_major'] })] })).outcome, 'clear');
});

test('appliesTo: organisation measures do not reach persons; responsible-person measures reach them via the organisation', () => {
  const via = { organizationId: 'o1', organizationName: '某公司', uscc: '91', role: 'legal_representative' };
  const personInput = input({ subjectKind: 'natural_person', entries: [entry({ via })] });
  assert.equal(evaluateCheck(personInput).outcome, 'clear');
  const r = evaluateCheck({ ...personInput, measures: [measure({ appliesTo: ['responsible_person'] })] });
  assert.equal(r.outcome, 'restrict');
  assert.deepEqual(r.entries[0].via, via);
  // a person's own entry needs natural_person
  assert.equal(evaluateCheck(input({ subjectKind: 'natural_person', measures: [measure({ appliesTo: ['responsible_person'] })] })).outcome, 'clear');
  assert.equal(evaluateCheck(input({ subjectKind: 'natural_person', measures: [measure({ appliesTo: ['natural_person'] })] })).outcome, 'restrict');
});

test('held entries are listed under held and cause no measures', () => {
  const r = evaluateCheck(input({ entries: [entry({ status: 'held' })] }));
  assert.equal(r.outcome, 'clear');
  assert.deepEqual(r.held, ['e1']);
  assert.equal(r.entries[0].status, 'held');
});

test('entries outside their dates, removed or expired do not apply', () => {
  for (const e of [entry({ startsOn: '2026-12-01' }), entry({ endsOn: '2026-11-26' }), entry({ status: 'removed' }), entry({ status: 'expired' })]) {
    assert.equal(evaluateCheck(input({ entries: [e] })).outcome, 'clear');
  }
  assert.ok(inForce(entry({ endsOn: today }), today), 'the last day still counts');
});

test('aggravated needs black lists of two or more domains', () => {
  assert.equal(evaluateCheck(input()).aggravated, false);
  const two = [entry(), entry({ id: 'e2', listType: 'tax_major', domain: '税务' })];
  assert.equal(evaluateCheck(input({ entries: two })).aggravated, true);
  const sameDomain = [entry(), entry({ id: 'e2', listType: 'other_court_list', domain: '司法' })];
  assert.equal(evaluateCheck(input({ entries: sameDomain })).aggravated, false);
  const oneHeld = [entry(), entry({ id: 'e2', domain: '税务', status: 'held' })];
  assert.equal(evaluateCheck(input({ entries: oneHeld })).aggravated, false);
});

test('red entries give reward measures and the green channel; red and black together are mixed', () => {
  const red = entry({ id: 'r1', listType: 'a_taxpayer', kind: 'red', domain: '税务' });
  const reward = measure({ code: 'R1', kind: 'reward', nature: 'recommended', listTypes: ['a_taxpayer'] });
  const r = evaluateCheck(input({ entries: [red], measures: [reward] }));
  assert.equal(r.outcome, 'reward');
  assert.equal(r.greenChannel, true);
  const both = evaluateCheck(input({ entries: [red, entry()], measures: [reward, measure()] }));
  assert.equal(both.outcome, 'mixed');
  assert.equal(both.greenChannel, false, 'no green channel while black-listed');
  assert.deepEqual(both.measures.map((m) => m.code), ['M1', 'R1'], 'punishments first');
});

test('three clean years open the green channel for a subject on no list', () => {
  assert.equal(evaluateCheck(input({ entries: [], threeYearsClean: true })).greenChannel, true);
  assert.equal(evaluateCheck(input({ entries: [], threeYearsClean: false })).greenChannel, false);
});

test('one measure caused by two entries lists both', () => {
  const r = evaluateCheck(input({ entries: [entry(), entry({ id: 'e2', decided: 1 } as never)] }));
  assert.deepEqual(r.measures[0].entryIds, ['e1', 'e2']);
});
