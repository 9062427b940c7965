import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ricCheckChar, upgradeRic15, validateIdentifier, validateRic } from './index.js';

const TODAY = new Date('2025-06-01T04:00:00Z');
const ric = (v: string) => validateRic(v, { today: TODAY });

/** An 18-digit number with a correct check character (synthetic persons only). */
function withCheck(first17: string): string {
  return first17 + ricCheckChar(first17);
}

test('examples from GB 11643-1999 and other published samples are valid', () => {
  for (const v of ['11010519491231002X', '440524188001010014', '360426199101010071', '44011320141005001X',
    '412723199010050012', '110102199101010078', '120110198012010073', '120110199212010072']) {
    assert.equal(ric(v).valid, true, `${v}: ${JSON.stringify(ric(v).errors)}`);
  }
});

test('details: region, birth date, sex', () => {
  const r = ric('11010519491231002X');
  assert.deepEqual(r.details, { regionCode: '110105', regionName: '北京市朝阳区', birthDate: '1949-12-31', sex: 'female' });
  assert.equal(ric('360426199101010071').details.sex, 'male');
  assert.equal(ric('360426199101010071').details.regionName, '江西省九江市德安县');
});

test('lower-case x and full-width digits are accepted', () => {
  assert.equal(ric('44011320141005001x').value, '44011320141005001X');
  assert.equal(ric('44011320141005001x').valid, true);
  assert.equal(ric('１１０１０５１９４９１２３１００２ｘ').valid, true);
  assert.equal(ric('110105 19491231 002X').valid, true);
});

test('check character mismatch', () => {
  const r = ric('110105194912310021');
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors.map((e) => e.code), ['RIC_CHECK_MISMATCH']);
  assert.match(r.errors[0].message, /身份证号码校验位错误：应为 X，实际为 1/);
});

test('X is allowed only as the check character', () => {
  const r = ric('11010519491231X02X');
  assert.equal(r.errors[0].code, 'ALPHABET');
  assert.match(r.errors[0].message, /第 15 位“X”/);
  assert.equal(ric('11010519491231002A').errors[0].code, 'ALPHABET');
});

test('29 February: valid in leap years only (2000 yes, 1900 no)', () => {
  assert.equal(ric(withCheck('11010520000229001')).valid, true);
  assert.equal(ric(withCheck('11010519960229001')).valid, true);
  const nonLeap = ric(withCheck('11010519990229001'));
  assert.deepEqual(nonLeap.errors.map((e) => e.code), ['BIRTH_DATE_INVALID']);
  assert.match(nonLeap.errors[0].message, /19990229/);
  assert.deepEqual(ric(withCheck('11010519000229001')).errors.map((e) => e.code), ['BIRTH_DATE_INVALID']);
  assert.deepEqual(ric(withCheck('11010519990431001')).errors.map((e) => e.code), ['BIRTH_DATE_INVALID']);
  assert.deepEqual(ric(withCheck('11010519991301001')).errors.map((e) => e.code), ['BIRTH_DATE_INVALID']);
  assert.deepEqual(ric(withCheck('11010519990100001')).errors.map((e) => e.code), ['BIRTH_DATE_INVALID']);
});

test('birth date in the future or before 1880 is an error', () => {
  const future = ric(withCheck('11010520250602001'));
  assert.deepEqual(future.errors.map((e) => e.code), ['BIRTH_DATE_FUTURE']);
  assert.match(future.errors[0].message, /2025-06-02 晚于今天（2025-06-01）/);
  assert.equal(ric(withCheck('11010520250601001')).valid, true, 'born today');
  assert.deepEqual(ric(withCheck('11010518791231001')).errors.map((e) => e.code), ['BIRTH_DATE_INVALID']);
  assert.equal(ric(withCheck('11010518800101001')).valid, true);
});

test('"today" is the date in China: 2025-06-01 16:30 UTC is already 2 June there', () => {
  const v = withCheck('11010520250602001');
  assert.equal(validateRic(v, { today: new Date('2025-06-01T15:59:00Z') }).valid, false);
  assert.equal(validateRic(v, { today: new Date('2025-06-01T16:30:00Z') }).valid, true);
});

test('invalid province is an error; unknown county only a warning', () => {
  for (const province of ['99', '00', '10', '16', '20', '24', '30', '38', '47', '55', '60', '66', '70', '80', '84', '91']) {
    const r = ric(withCheck(`${province}010519491231002`));
    assert.deepEqual(r.errors.map((e) => e.code), ['PROVINCE_INVALID'], province);
    assert.match(r.errors[0].message, new RegExp(`“${province}”`));
  }
  const county = ric(withCheck('11019919491231002'));
  assert.equal(county.valid, true);
  assert.deepEqual(county.warnings.map((w) => w.code), ['REGION_UNKNOWN']);
});

test('all 34 province-level codes are accepted', () => {
  const provinces = '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82';
  for (const p of provinces.split(' ')) assert.equal(ric(withCheck(`${p}000019800101001`)).valid, true, p);
});

test('Hong Kong, Macao and Taiwan residence permits (810000, 820000, 830000)', () => {
  for (const region of ['810000', '820000', '830000']) {
    const r = ric(withCheck(`${region}19900101001`));
    assert.equal(r.valid, true, region);
    assert.deepEqual(r.warnings, [], region);
    assert.equal(r.details.residencePermit, true);
  }
  assert.deepEqual(ric(withCheck('83010119900101001')).errors.map((e) => e.code), ['PROVINCE_INVALID']);
});

test('abolished region is a warning', () => {
  const r = ric(withCheck('11010319700101001')); // 北京市崇文区
  assert.equal(r.valid, true);
  assert.deepEqual(r.warnings.map((w) => w.code), ['REGION_ABOLISHED']);
  assert.equal(r.details.regionName, '北京市崇文区');
});

test('15-digit legacy numbers are upgraded', () => {
  const r = ric('110105491231002');
  assert.equal(r.valid, true);
  assert.equal(r.details.upgraded, '11010519491231002X');
  assert.equal(r.details.birthDate, '1949-12-31');
  assert.equal(r.details.sex, 'female');
  assert.equal(r.details.legacy, true);
  assert.equal(upgradeRic15('110105491231002'), '11010519491231002X');
  assert.equal(upgradeRic15('360426910101007'), '360426199101010071');
  assert.throws(() => upgradeRic15('11010549123100'), RangeError);
});

test('15-digit legacy numbers: invalid dates, provinces and characters', () => {
  assert.deepEqual(ric('110105990229001').errors.map((e) => e.code), ['BIRTH_DATE_INVALID']);
  assert.equal(ric('110105960229001').valid, true);
  assert.deepEqual(ric('990105491231002').errors.map((e) => e.code), ['PROVINCE_INVALID']);
  assert.equal(ric('11010549123100X').errors[0].code, 'ALPHABET');
  assert.equal(ric('990105491231002').details.upgraded, undefined);
});

test('length and empty', () => {
  assert.equal(ric('1101051949123100').errors[0].code, 'LENGTH');
  assert.match(ric('1101051949123100').errors[0].message, /18 位（旧版为 15 位），实际为 16 位/);
  assert.equal(ric('').errors[0].code, 'EMPTY');
});

test('a forced ric type reports ID-number errors for an enterprise code', () => {
  const r = validateIdentifier('91110000600037341L', 'ric');
  assert.equal(r.type, 'ric');
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].code, 'ALPHABET');
});

test('ricCheckChar rejects bad input', () => {
  assert.throws(() => ricCheckChar('1101051949123100'), RangeError);
  assert.throws(() => ricCheckChar('1101051949123100X'), RangeError);
  assert.equal(ricCheckChar('11010519491231002'), 'X');
});
