import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orgCodeCheckChar, validateIdentifier, validateOrgCode } from './index.js';

// Characters 9–17 of real USCCs (see uscc.test.ts) and the textbook sample D2143569-X.
const VALID = [
  'D2143569-X', '60003734-1', '71092609-4', '10000093-X', '07837757-X', '56010553-X', '71526726-X', '73144633-X',
  'MA2PBKRX-X', 'MA2PBMN5-0', 'MA2PBMEM-2', 'L0151012-8', 'M000100Y-4', '19220382-1', '40000062-4',
];

test('known organisation codes are valid with and without the hyphen', () => {
  for (const code of VALID) {
    for (const input of [code, code.replace('-', ''), code.toLowerCase()]) {
      const r = validateOrgCode(input);
      assert.equal(r.valid, true, `${input}: ${JSON.stringify(r.errors)}`);
      assert.equal(r.value, code.replace('-', ''));
      assert.equal(r.details.formatted, code);
    }
  }
});

test('check characters X (r = 10) and 0 (r = 11)', () => {
  assert.equal(orgCodeCheckChar('D2143569'), 'X');
  assert.equal(orgCodeCheckChar('10000093'), 'X');
  assert.equal(orgCodeCheckChar('MA2PBMN5'), '0');
  // Σ ≡ 0 (mod 11) → r = 11 → '0' (digits only): 00000000 has Σ = 0
  assert.equal(orgCodeCheckChar('00000000'), '0');
  assert.equal(orgCodeCheckChar('60003734'), '1');
});

test('letter values: A = 10 … Z = 35', () => {
  // Σ for 'A0000000' = 10·3 = 30 → 30 mod 11 = 8 → r = 3
  assert.equal(orgCodeCheckChar('A0000000'), '3');
  // 'Z0000000': 35·3 = 105 → 105 mod 11 = 6 → r = 5
  assert.equal(orgCodeCheckChar('Z0000000'), '5');
});

test('check mismatch, alphabet, length, empty', () => {
  const mismatch = validateOrgCode('D2143569-1');
  assert.deepEqual(mismatch.errors.map((e) => e.code), ['ORG_CODE_CHECK_MISMATCH']);
  assert.match(mismatch.errors[0].message, /组织机构代码校验位错误：应为 X，实际为 1/);
  const alphabet = validateOrgCode('D2143569-Y');
  assert.equal(alphabet.errors[0].code, 'ALPHABET');
  assert.match(alphabet.errors[0].message, /第 9 位“Y”/);
  assert.equal(validateOrgCode('D214356*X').errors[0].code, 'ALPHABET');
  assert.equal(validateOrgCode('D214356-X').errors[0].code, 'LENGTH');
  assert.equal(validateOrgCode('-').errors[0].code, 'EMPTY');
});

test('9 characters are inferred as an organisation code', () => {
  const r = validateIdentifier('ｄ２１４３５６９－ｘ');
  assert.equal(r.type, 'org_code');
  assert.equal(r.valid, true);
  assert.deepEqual(r.candidates, ['org_code']);
  assert.equal(validateIdentifier('D2143569-1').type, 'org_code');
});

test('orgCodeCheckChar rejects bad bodies', () => {
  assert.throws(() => orgCodeCheckChar('D214356'), RangeError);
  assert.throws(() => orgCodeCheckChar('d2143569'), RangeError);
});
