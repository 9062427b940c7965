import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, isWithinWindow, policyFor, PUBLICATION_POLICIES, publicationWindow } from './publication.js';

describe('addMonths (民法典 第二百零二条)', () => {
  test('the corresponding day, or the month end when there is none', () => {
    assert.equal(addMonths('2026-04-10', 12), '2027-04-10');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
    assert.equal(addMonths('2026-12-15', 36), '2029-12-15');
  });
});

describe('policy tables', () => {
  test('every policy names its source and the tables cover every decision date without overlap', () => {
    for (const p of PUBLICATION_POLICIES) assert.match(p.source, /〔20\d\d〕|令/);
    assert.equal(policyFor('2010-01-01')?.code, 'ndrc-2019-527');
    assert.equal(policyFor('2026-03-31')?.code, 'ndrc-2019-527');
    assert.equal(policyFor('2026-04-01')?.code, 'gbf-2025-22');
    assert.equal(policyFor('2030-01-01')?.code, 'gbf-2025-22');
  });
});

describe('publicationWindow', () => {
  test('527号: general 3 months – 1 year, serious 6 months – 3 years', () => {
    assert.deepEqual(publicationWindow({ kind: 'penalty', decidedOn: '2025-06-10', severity: 'general' }),
      { policy: 'ndrc-2019-527', publishFrom: '2025-06-10', minPublishUntil: '2025-09-10', maxPublishUntil: '2026-06-10' });
    const serious = publicationWindow({ kind: 'penalty', decidedOn: '2025-06-10', severity: 'serious' });
    assert.equal(serious.minPublishUntil, '2025-12-10');
    assert.equal(serious.maxPublishUntil, '2028-06-10');
  });
  test('from 2026-04-01 (国办发〔2025〕22号): minor ≤ 3 months, serious 1 – 3 years', () => {
    const minor = publicationWindow({ kind: 'penalty', decidedOn: '2026-05-20', severity: 'minor' });
    assert.equal(minor.minPublishUntil, null);
    assert.equal(minor.maxPublishUntil, '2026-08-20');
    const serious = publicationWindow({ kind: 'penalty', decidedOn: '2026-05-20', severity: 'serious' });
    assert.equal(serious.minPublishUntil, '2027-05-20');
    assert.equal(serious.maxPublishUntil, '2029-05-20');
  });
  test('the day before the new regime still uses 527号 (serious minimum 6 months)', () => {
    assert.equal(publicationWindow({ kind: 'penalty', decidedOn: '2026-03-31', severity: 'serious' }).minPublishUntil, '2026-09-30');
  });
  test('unknown severity counts as general; non-penalties have no end', () => {
    assert.equal(publicationWindow({ kind: 'penalty', decidedOn: '2026-05-20' }).maxPublishUntil, '2027-05-20');
    assert.deepEqual(publicationWindow({ kind: null, decidedOn: '2026-05-20' }),
      { policy: null, publishFrom: '2026-05-20', minPublishUntil: null, maxPublishUntil: null });
  });
  test('isWithinWindow is inclusive at both ends', () => {
    const w = { publishFrom: '2026-05-20', maxPublishUntil: '2026-08-20' };
    assert.equal(isWithinWindow(w, '2026-05-19'), false);
    assert.equal(isWithinWindow(w, '2026-05-20'), true);
    assert.equal(isWithinWindow(w, '2026-08-20'), true);
    assert.equal(isWithinWindow(w, '2026-08-21'), false);
    assert.equal(isWithinWindow({ publishFrom: '2026-05-20', maxPublishUntil: null }, '2099-01-01'), true);
  });
});
