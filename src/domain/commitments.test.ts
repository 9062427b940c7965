import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commitmentCode, COMMITMENT_TYPES, isBroken, parseCommitmentCode } from './commitments.js';

test('the code is region + date + serial, 20 digits, and reads back', () => {
  const code = commitmentCode('410100', '2026-11-27', 42);
  assert.equal(code, '41010020261127000042');
  assert.deepEqual(parseCommitmentCode(code), { regionCode: '410100', madeOn: '2026-11-27', serial: 42 });
  assert.equal(commitmentCode('410000', '2026-01-01', 999_999), '41000020260101999999');
});

test('bad parts are refused, bad codes do not parse', () => {
  assert.throws(() => commitmentCode('4101', '2026-11-27', 1));
  assert.throws(() => commitmentCode('410100', '20261127', 1));
  assert.throws(() => commitmentCode('410100', '2026-11-27', 0));
  assert.throws(() => commitmentCode('410100', '2026-11-27', 1_000_000));
  for (const bad of ['4101002026112700004', '410100202611270000421', '41010020260230000042', '41010020261127000000', 'A1010020261127000042']) {
    assert.equal(parseCommitmentCode(bad), null, bad);
  }
});

test('seven types; partial and unfulfilled commitments are broken, fulfilled and pending ones are not', () => {
  assert.equal(COMMITMENT_TYPES.length, 7);
  assert.ok(COMMITMENT_TYPES.includes('信用修复型'));
  assert.equal(isBroken('partial'), true);
  assert.equal(isBroken('unfulfilled'), true);
  assert.equal(isBroken('fulfilled'), false);
  assert.equal(isBroken(null), false);
});
