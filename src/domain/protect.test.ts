import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { blindIndex, decryptText, encryptText, maskIdNumber, maskPersonName } from './protect.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

test('encrypts with the newest key and decrypts with every configured version', () => {
  const old = encryptText(new Map([[1, k1]]), '410105198001011239');
  const keys = new Map([[1, k1], [2, k2]]);
  const fresh = encryptText(keys, '410105198001011239');
  assert.equal(old.keyVersion, 1);
  assert.equal(fresh.keyVersion, 2);
  assert.equal(decryptText(keys, old), '410105198001011239');
  assert.equal(decryptText(keys, fresh), '410105198001011239');
  assert.ok(!fresh.cipher.includes(Buffer.from('19800101')));
});

test('equal plaintexts encrypt differently (random IV) and tampering is detected', () => {
  const keys = new Map([[1, k1]]);
  const a = encryptText(keys, 'x');
  const b = encryptText(keys, 'x');
  assert.notDeepEqual(a.cipher, b.cipher);
  a.cipher[a.cipher.length - 1] ^= 1;
  assert.throws(() => decryptText(keys, a));
});

test('decrypting with a missing key version fails loudly', () => {
  const sealed = encryptText(new Map([[3, k1]]), 'x');
  assert.throws(() => decryptText(new Map([[1, k1]]), sealed), /version 3/);
});

test('blind index is deterministic per key and differs across keys', () => {
  assert.equal(blindIndex(k1, 'A'), blindIndex(k1, 'A'));
  assert.notEqual(blindIndex(k1, 'A'), blindIndex(k2, 'A'));
  assert.notEqual(blindIndex(k1, 'A'), blindIndex(k1, 'B'));
});

test('masks ID numbers and names', () => {
  assert.equal(maskIdNumber('410105198001011239'), '4101**********1239');
  assert.equal(maskIdNumber('41010580010112'), '4101******0112');
  assert.equal(maskPersonName('王建国'), '王**');
  assert.equal(maskPersonName('王'), '王');
});
