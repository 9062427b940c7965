import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseIdentifier, ricCheckChar, usccCheckChar, validateIdentifier, type IdentifierType } from './index.js';

const TODAY = new Date('2025-06-01T04:00:00Z');
const identify = (v: string, type?: IdentifierType) => validateIdentifier(v, type, { today: TODAY });

/** 18-digit values valid both as a USCC and as an ID number, built from a 14-digit prefix. */
function bothValid(prefix14: string): string {
  for (let n = 0; n < 1000; n++) {
    const body = prefix14 + String(n).padStart(3, '0');
    if (ricCheckChar(body) === usccCheckChar(body)) return body + ricCheckChar(body);
  }
  throw new Error('none found');
}

test('normaliseIdentifier: NFKC, spaces, hyphens, upper case', () => {
  assert.equal(normaliseIdentifier(' 91-350100 m000100y43 '), '91350100M000100Y43');
  assert.equal(normaliseIdentifier('９１３５０１００Ｍ０００１００Ｙ４３'), '91350100M000100Y43');
  assert.equal(normaliseIdentifier('D2143569－x'), 'D2143569X');
  assert.equal(normaliseIdentifier('D2143569\u2014X\u3000\t'), 'D2143569X');
  assert.equal(normaliseIdentifier('\u200B'), '');
});

test('result shape', () => {
  const r = identify('91350100M000100Y43');
  assert.deepEqual(Object.keys(r).sort(), ['ambiguous', 'candidates', 'details', 'errors', 'input', 'type', 'valid', 'value', 'warnings']);
});

test('empty input', () => {
  for (const input of ['', '   ', '-', '\u3000']) {
    const r = identify(input);
    assert.equal(r.type, null);
    assert.equal(r.valid, false);
    assert.deepEqual(r.errors.map((e) => e.code), ['EMPTY']);
  }
});

test('other lengths are UNKNOWN_FORMAT with type null', () => {
  for (const input of ['1', '12345678', '1234567890', '91110000600037341', '9111000060003734100']) {
    const r = identify(input);
    assert.equal(r.type, null, input);
    assert.deepEqual(r.candidates, []);
    assert.deepEqual(r.errors.map((e) => e.code), ['UNKNOWN_FORMAT']);
    assert.match(r.errors[0].message, /^无法识别的代码格式/);
  }
});

test('18 characters with letters: uscc only', () => {
  const r = identify('91350100M000100Y43');
  assert.equal(r.type, 'uscc');
  assert.deepEqual(r.candidates, ['uscc']);
  assert.equal(r.ambiguous, false);
});

test('18 digits: an ID number that is not a valid USCC', () => {
  const r = identify('11010519491231002X');
  assert.equal(r.type, 'ric');
  assert.deepEqual(r.candidates, ['uscc', 'ric']);
  assert.equal(r.ambiguous, false);
  assert.deepEqual(r.warnings, []);
});

test('18 digits valid as both: ambiguous, ID number preferred when its region is a known county', () => {
  const v = bothValid('11010519800101');
  const r = identify(v);
  assert.equal(r.valid, true);
  assert.equal(r.type, 'ric');
  assert.equal(r.ambiguous, true);
  assert.deepEqual(r.candidates, ['uscc', 'ric']);
  const warning = r.warnings.find((w) => w.code === 'AMBIGUOUS_TYPE');
  assert.ok(warning);
  assert.match(warning.message, /统一社会信用代码.*身份证号码.*type=uscc 或 type=ric/);
});

test('18 digits valid as both: USCC preferred when the ID region is unknown', () => {
  const v = bothValid('12110119850615'); // as an ID number: region 121101 does not exist
  const r = identify(v);
  assert.equal(r.type, 'uscc');
  assert.equal(r.ambiguous, true);
  assert.equal(r.details.registrationAuthority, '机构编制');
  assert.ok(r.warnings.some((w) => w.code === 'AMBIGUOUS_TYPE'));
});

test('a forced type is never ambiguous and has no AMBIGUOUS_TYPE warning', () => {
  const v = bothValid('11010519800101');
  for (const type of ['uscc', 'ric'] as const) {
    const r = identify(v, type);
    assert.equal(r.type, type);
    assert.equal(r.valid, true);
    assert.equal(r.ambiguous, false);
    assert.deepEqual(r.candidates, ['uscc', 'ric']);
    assert.ok(!r.warnings.some((w) => w.code === 'AMBIGUOUS_TYPE'));
  }
});

test('no valid reading: errors of the most likely type', () => {
  // real province and birth date, wrong check → the ID number's error
  assert.deepEqual(identify('110105194912310021').errors.map((e) => e.code), ['RIC_CHECK_MISMATCH']);
  assert.equal(identify('110105194912310021').type, 'ric');
  // 91… is no province → the USCC's error
  const uscc = identify('914403001922038217');
  assert.equal(uscc.type, 'uscc');
  assert.deepEqual(uscc.errors.map((e) => e.code), ['USCC_CHECK_MISMATCH']);
  // forbidden letters → USCC alphabet error
  assert.equal(identify('9111000060003IOZSV').type, 'uscc');
  assert.equal(identify('9111000060003IOZSV').errors[0].code, 'ALPHABET');
  assert.deepEqual(identify('9111000060003IOZSV').candidates, []);
  // an ID number born in the future
  const future = '11010520300101001';
  assert.deepEqual(identify(future + ricCheckChar(future)).errors.map((e) => e.code), ['BIRTH_DATE_FUTURE']);
});

test('15 digits: registration number or legacy ID number', () => {
  const reg = identify('110108000000016');
  assert.equal(reg.type, 'reg_no');
  assert.deepEqual(reg.candidates, ['ric', 'reg_no']);
  const legacy = identify('360426910101007');
  assert.equal(legacy.type, 'ric');
  assert.equal(legacy.details.upgraded, '360426199101010071');
  assert.equal(legacy.ambiguous, false);
});

test('15 digits valid as both: ambiguous, ID number preferred for a county region', () => {
  const r = identify('110105491231002'); // a real date and, by chance, a correct MOD 11,10 digit
  assert.equal(r.type, 'ric');
  assert.equal(r.ambiguous, true);
  assert.deepEqual(r.warnings.map((w) => w.code), ['AMBIGUOUS_TYPE']);
  assert.equal(identify('110105491231002', 'reg_no').valid, true);
});

test('15 digits, no valid reading', () => {
  // birth date 910101 is real → the legacy ID number is the likely reading, but province 99 is not
  assert.equal(identify('990426910101007').type, 'reg_no');
  // not a date → registration number with a wrong check digit
  const r = identify('110108000000017');
  assert.equal(r.type, 'reg_no');
  assert.deepEqual(r.errors.map((e) => e.code), ['REG_NO_CHECK_MISMATCH']);
  // 15 characters with a letter
  assert.equal(identify('11010800000001A').type, 'reg_no');
  assert.equal(identify('11010800000001A').errors[0].code, 'ALPHABET');
});

test('a forced type with the wrong length reports LENGTH for that type', () => {
  const r = identify('600037341', 'uscc');
  assert.equal(r.type, 'uscc');
  assert.deepEqual(r.errors.map((e) => e.code), ['LENGTH']);
  assert.deepEqual(r.candidates, ['org_code']);
  assert.equal(identify('', 'ric').type, 'ric');
  assert.equal(identify('', 'ric').errors[0].code, 'EMPTY');
});

test('an unknown forced type is a programming error', () => {
  assert.throws(() => validateIdentifier('91350100M000100Y43', 'tax_no' as IdentifierType), RangeError);
});
