import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths } from './months.js';
import { repairConditions, type RepairFacts } from './repair-conditions.js';

const facts = (o: Partial<RepairFacts> = {}): RepairFacts => ({
  today: '2026-11-27', repairable: true, decidedOn: '2025-06-01', minMonths: 12, newerNegative: 0, earlierRepairs: [],
  policy: { maxRepairs: 2, withinYears: 5, notAgainWithinMonths: 12 }, commitment: '本单位承诺依法诚信经营，不再发生同类失信行为', evidenceKinds: ['fulfilment'], requires: [], ...o,
});
const unmet = (f: RepairFacts) => repairConditions(f).filter((c) => !c.met).map((c) => c.code);

test('all conditions met', () => assert.deepEqual(unmet(facts()), []));

test('minimum period counts months from the decision date, inclusive of the day it ends', () => {
  assert.deepEqual(unmet(facts({ decidedOn: '2025-11-28' })), ['MIN_PERIOD']);
  assert.deepEqual(unmet(facts({ decidedOn: '2025-11-27' })), []);
  assert.match(repairConditions(facts({ decidedOn: '2026-03-31', minMonths: 11 })).find((c) => c.code === 'MIN_PERIOD')!.message, /2027-02-28/);
});

test('not repairable, newer negative, limits and cooling-off are each refused with a reason', () => {
  assert.deepEqual(unmet(facts({ repairable: false })), ['REPAIRABLE']);
  assert.deepEqual(unmet(facts({ newerNegative: 1 })), ['NO_NEWER_NEGATIVE']);
  assert.deepEqual(unmet(facts({ earlierRepairs: ['2022-01-01', '2024-01-01'] })), ['REPAIR_LIMIT']);
  assert.deepEqual(unmet(facts({ earlierRepairs: ['2020-01-01', '2024-01-01'] })), [], 'old repairs fall out of the window');
  assert.deepEqual(unmet(facts({ earlierRepairs: ['2026-03-01'] })), ['COOLING_OFF']);
});

test('commitment and evidence (with what the list type requires) are asked for', () => {
  assert.deepEqual(unmet(facts({ commitment: '承诺' })), ['COMMITMENT']);
  assert.deepEqual(unmet(facts({ evidenceKinds: [] })), ['EVIDENCE']);
  const r = repairConditions(facts({ requires: ['training'] })).find((c) => c.code === 'EVIDENCE')!;
  assert.equal(r.met, false);
  assert.match(r.message, /培训/);
});

test('addMonths clamps to the month end', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2026-11-27', -60), '2021-11-27');
});

test('a credit record counts from its own stored minimum end of publication', () => {
  const rec = (o: Partial<RepairFacts>) => facts({ minMonths: 0, decidedOn: '2026-06-01', ...o });
  assert.deepEqual(unmet(rec({ earliestOn: '2026-11-28' })), ['MIN_PERIOD']);
  assert.match(repairConditions(rec({ earliestOn: '2026-11-28' })).find((c) => c.code === 'MIN_PERIOD')!.message, /最短公示期限：2026-11-28 起/);
  assert.deepEqual(unmet(rec({ earliestOn: '2026-11-27' })), [], 'the day it ends is enough');
  assert.deepEqual(unmet(rec({ earliestOn: null })), [], 'no minimum (a minor penalty)');
  assert.match(repairConditions(rec({ earliestOn: null, repairable: false })).find((c) => c.code === 'REPAIRABLE')!.message, /没有公示期限/);
});
