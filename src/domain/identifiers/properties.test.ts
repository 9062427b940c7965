/**
 * Property tests: what each check character guarantees against single-character substitutions, and that
 * codes built with the check-character functions and generators are valid.
 *   USCC (MOD 31, prime modulus, weights non-zero mod 31)     → every substitution in the alphabet is caught
 *   ID number (MOD 11-2, weights non-zero mod 11, |Δ| ≤ 9)    → every substitution is caught
 *   registration number (ISO 7064 MOD 11,10, hybrid system)    → every substitution is caught
 *   organisation code (GB 11714, MOD 11 over values 0…35)      → every substitution is caught EXCEPT a body
 *     character replaced by one whose value differs by a multiple of 11 (e.g. '0' ↔ 'B', '1' ↔ 'C',
 *     'A' ↔ 'L' ↔ 'W'): those leave Σ mod 11 unchanged. Digit-for-digit substitutions are always caught.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { makeOrgCode, makeRegNo, makeRic, makeUscc } from './generate.js';
import {
  normaliseIdentifier,
  orgCodeCheckChar,
  regNoCheckChar,
  USCC_ALPHABET,
  usccCheckChar,
  validateIdentifier,
  validateOrgCode,
  validateRegNo,
  validateRic,
  validateUscc,
} from './index.js';

const TODAY = new Date('2025-06-01T04:00:00Z');
const DIGITS = '0123456789';
const ORG_BODY_CHARS = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

/** mulberry32: a small seeded PRNG so that generator runs are reproducible from fast-check's seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = fc.integer({ min: 0, max: 0xffffffff });
const charsOf = (alphabet: string, length: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));

/** Every value obtained by replacing one character of `code` by another of `alphabetAt(position)`. */
function* substitutions(code: string, alphabetAt: (index: number) => string): Generator<[string, number, string]> {
  for (let i = 0; i < code.length; i++) {
    for (const char of alphabetAt(i)) {
      if (char !== code[i]) yield [code.slice(0, i) + char + code.slice(i + 1), i, char];
    }
  }
}

test('USCC: every single substitution within the alphabet is detected', () => {
  fc.assert(
    fc.property(seed, (s) => {
      const code = makeUscc(prng(s));
      assert.equal(validateUscc(code).valid, true);
      for (const [changed] of substitutions(code, () => USCC_ALPHABET)) {
        assert.equal(validateUscc(changed).valid, false, changed);
      }
    }),
    { numRuns: 60 },
  );
});

test('USCC: every body over the alphabet plus its check character is valid', () => {
  fc.assert(
    fc.property(charsOf(USCC_ALPHABET, 17), (body) => {
      const result = validateUscc(body + usccCheckChar(body));
      assert.equal(result.valid, true);
      assert.deepEqual(result.errors, []);
    }),
  );
});

test('ID number: every single substitution (digits; X at the check position) is detected', () => {
  fc.assert(
    fc.property(seed, (s) => {
      const code = makeRic(prng(s));
      assert.equal(validateRic(code, { today: TODAY }).valid, true);
      for (const [changed] of substitutions(code, (i) => (i === 17 ? `${DIGITS}X` : DIGITS))) {
        assert.equal(validateRic(changed, { today: TODAY }).valid, false, changed);
      }
    }),
    { numRuns: 60 },
  );
});

test('ID number: generated numbers are valid, with the requested birth date and sex', () => {
  fc.assert(
    fc.property(seed, fc.date({ min: new Date('1900-01-01'), max: new Date('2025-05-31'), noInvalidDate: true }), fc.constantFrom('male', 'female' as const), (s, date, sex) => {
      const birthDate = date.toISOString().slice(0, 10);
      const code = makeRic(prng(s), { birthDate, sex });
      const result = validateRic(code, { today: TODAY });
      assert.equal(result.valid, true, code);
      assert.equal(result.details.birthDate, birthDate);
      assert.equal(result.details.sex, sex);
      assert.deepEqual(result.warnings, []);
    }),
  );
});

test('organisation code: digit-for-digit substitutions and check substitutions are always detected', () => {
  fc.assert(
    fc.property(charsOf(DIGITS, 8), (body) => {
      const code = body + orgCodeCheckChar(body);
      assert.equal(validateOrgCode(code).valid, true);
      for (const [changed] of substitutions(code, (i) => (i === 8 ? `${DIGITS}X` : DIGITS))) {
        assert.equal(validateOrgCode(changed).valid, false, changed);
      }
    }),
  );
});

test('organisation code: a letter substitution is missed exactly when the value changes by a multiple of 11', () => {
  const value = (c: string) => ORG_BODY_CHARS.indexOf(c);
  fc.assert(
    fc.property(charsOf(ORG_BODY_CHARS, 8), (body) => {
      const code = body + orgCodeCheckChar(body);
      assert.equal(validateOrgCode(code).valid, true);
      for (const [changed, i, char] of substitutions(code, (k) => (k === 8 ? `${DIGITS}X` : ORG_BODY_CHARS))) {
        const undetectable = i < 8 && (value(char) - value(code[i])) % 11 === 0;
        assert.equal(validateOrgCode(changed).valid, undetectable, changed);
      }
    }),
  );
  // the standard's blind spot, concretely
  assert.equal(validateOrgCode('D2143569X').valid, true);
  assert.equal(validateOrgCode('O2143569X').valid, true, "'D' (13) → 'O' (24): Δ = 11");
});

test('registration number: every single substitution is detected', () => {
  fc.assert(
    fc.property(charsOf(DIGITS, 14), (body) => {
      const code = body + regNoCheckChar(body);
      assert.equal(validateRegNo(code).valid, true);
      for (const [changed] of substitutions(code, () => DIGITS)) {
        assert.equal(validateRegNo(changed).valid, false, changed);
      }
    }),
  );
});

test('generators produce valid codes without warnings', () => {
  fc.assert(
    fc.property(seed, (s) => {
      const rand = prng(s);
      for (const [code, validate] of [
        [makeUscc(rand), validateUscc],
        [makeOrgCode(rand), validateOrgCode],
        [makeRegNo(rand), validateRegNo],
        [makeRic(rand), (v: string) => validateRic(v, { today: TODAY })],
      ] as const) {
        const result = validate(code);
        assert.equal(result.valid, true, code);
        assert.deepEqual(result.warnings, [], code);
      }
    }),
  );
});

test('makeUscc honours authority, entity type and region', () => {
  fc.assert(
    fc.property(seed, fc.constantFrom('1', '5', '9', 'A', 'N', 'Y'), (s, authority) => {
      const code = makeUscc(prng(s), { authority, regionCode: '110108' });
      const result = validateUscc(code);
      assert.equal(result.valid, true);
      assert.equal(result.details.registrationAuthorityCode, authority);
      assert.equal(result.details.regionCode, '110108');
      assert.deepEqual(result.warnings, []);
    }),
  );
  assert.equal(validateUscc(makeUscc(prng(1), { authority: '9', entityType: '2' })).details.subjectKind, 'individual_business');
});

test('inference finds the generated type (or flags the ambiguity)', () => {
  fc.assert(
    fc.property(seed, (s) => {
      const rand = prng(s);
      for (const [code, type] of [[makeUscc(rand), 'uscc'], [makeRic(rand), 'ric'], [makeOrgCode(rand), 'org_code'], [makeRegNo(rand), 'reg_no']] as const) {
        const result = validateIdentifier(code, undefined, { today: TODAY });
        assert.equal(result.valid, true, code);
        assert.ok(result.type === type || result.ambiguous, `${code} read as ${result.type}`);
        assert.ok(result.candidates.includes(type));
      }
    }),
  );
});

test('normalisation is idempotent on ASCII, full-width forms and separators', () => {
  const chars = `${DIGITS}abcxyzABCXYZ -０１９ａｚＡＺ－\u3000\t`;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((a) => a.join('')), (input) => {
      const once = normaliseIdentifier(input);
      assert.equal(normaliseIdentifier(once), once);
      assert.match(once, /^[0-9A-Z]*$/);
    }),
  );
});
