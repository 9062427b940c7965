import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReceiptCode, newReceiptCode } from './receipt.js';

test('receipt codes carry kind and date, avoid look-alike characters and are recognised', () => {
  const codes = Array.from({ length: 2000 }, () => newReceiptCode('O', '2026-11-27'));
  for (const c of codes) {
    assert.match(c, /^O20261127[2-9A-HJKMNP-Z]{8}$/);
    assert.ok(isReceiptCode(c));
  }
  assert.equal(new Set(codes).size, codes.length);
  assert.ok(!isReceiptCode('O20261127ABCDEFG0'));
  assert.ok(!isReceiptCode('X20261127ABCDEFGH'));
});
