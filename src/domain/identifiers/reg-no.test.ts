import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regNoCheckChar, validateIdentifier, validateRegNo } from './index.js';

// Registration numbers of large companies (recalled from public licence data, each passing MOD 11,10) and
// the sample 110108000000016 used by the NumberValidators project.
const KNOWN = ['100000000003965', '330100400015575', '440301103448669', '440301103097413', '310000000007622',
  '110108012660422', '320000000000192', '110108000000016'];

test('known registration numbers are valid and inferred as reg_no', () => {
  for (const no of KNOWN) {
    const r = validateRegNo(no);
    assert.equal(r.valid, true, `${no}: ${JSON.stringify(r.errors)}`);
    assert.equal(validateIdentifier(no).type, 'reg_no', no);
  }
});

test('details: region and kind of subject', () => {
  const r = validateRegNo('110108000000016');
  assert.deepEqual(r.details, {
    regionCode: '110108', regionName: '北京市海淀区', registrationKind: 'domestic', registrationKindName: '内资企业',
  });
  assert.equal(validateRegNo('330100400015575').details.registrationKind, 'foreign');
  assert.equal(validateRegNo('100000000003965').details.regionName, '国家级登记管理机关');
});

test('MOD 11,10 check digit: worked example', () => {
  // 11010800000001: p runs 10 → 2,6,1,4,8,1,2,4,8,5,10,9,7,5; the digit c with (5 + c) mod 10 = 1 is 6
  assert.equal(regNoCheckChar('11010800000001'), '6');
  const r = validateRegNo('110108000000017');
  assert.deepEqual(r.errors.map((e) => e.code), ['REG_NO_CHECK_MISMATCH']);
  assert.match(r.errors[0].message, /工商注册号校验位错误：应为 6，实际为 7/);
});

test('unknown region is a warning', () => {
  const body = '99999900000001';
  const r = validateRegNo(body + regNoCheckChar(body));
  assert.equal(r.valid, true);
  assert.deepEqual(r.warnings.map((w) => w.code), ['REGION_UNKNOWN']);
});

test('alphabet, length, empty', () => {
  assert.equal(validateRegNo('11010800000001A').errors[0].code, 'ALPHABET');
  assert.equal(validateRegNo('11010800000001').errors[0].code, 'LENGTH');
  assert.equal(validateRegNo('').errors[0].code, 'EMPTY');
  assert.throws(() => regNoCheckChar('1101080000000'), RangeError);
});
