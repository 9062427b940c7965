import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, today } from './present.js';

test('addMonths clamps to month ends and applies extra days', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2026-03-15', 36, -1), '2029-03-14');
  assert.equal(addMonths('2026-12-01', 1), '2027-01-01');
});

test('today is the Beijing date', () => {
  assert.equal(today(new Date('2026-11-27T16:30:00Z')), '2026-11-28');
  assert.equal(today(new Date('2026-11-27T15:59:00Z')), '2026-11-27');
});
