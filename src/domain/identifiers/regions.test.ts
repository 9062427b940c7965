import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildRegions, fullNameOf, loadCurrent, loadRevisions, REGIONS_PATH, serialise } from './build-regions.js';
import { regionOf } from './index.js';
import { CURRENT_COUNTY_CODES, isRicProvince } from './regions.js';

test('regionOf: current codes at each level, with 省+市+县 full names', () => {
  assert.deepEqual(regionOf('110108'), { code: '110108', name: '海淀区', fullName: '北京市海淀区', province: '北京市', abolished: false });
  assert.equal(regionOf('440300')?.fullName, '广东省深圳市');
  assert.equal(regionOf('440000')?.fullName, '广东省');
  assert.equal(regionOf('360426')?.fullName, '江西省九江市德安县');
  assert.equal(regionOf('500229')?.fullName, '重庆市城口县');
  assert.equal(regionOf('469001')?.fullName, '海南省五指山市');
  assert.equal(regionOf('441900')?.fullName, '广东省东莞市');
  assert.equal(regionOf('130502')?.name, '襄都区', 'current names win over older ones');
});

test('regionOf: abolished codes keep their last name', () => {
  const chongwen = regionOf('110103');
  assert.equal(chongwen?.abolished, true);
  assert.equal(chongwen?.fullName, '北京市崇文区');
  assert.equal(regionOf('542400')?.name, '那曲地区');
  assert.equal(regionOf('542400')?.abolished, true);
});

test('regionOf: placeholders still in use stay current', () => {
  assert.equal(regionOf('110100')?.abolished, false);
  assert.equal(regionOf('500200')?.abolished, false);
  assert.equal(regionOf('110200')?.abolished, true, 'Beijing has had no counties since 2015');
});

test('regionOf: special codes and unknown codes', () => {
  assert.equal(regionOf('100000')?.name, '国家级');
  assert.equal(regionOf('830000')?.abolished, false);
  assert.equal(regionOf('810000')?.name, '香港特别行政区');
  assert.equal(regionOf('810001'), null, 'invented Hong Kong district codes are left out');
  assert.equal(regionOf('999999'), null);
  assert.equal(regionOf('toString'), null);
  assert.equal(regionOf(''), null);
});

test('province prefixes for ID numbers', () => {
  const expected = '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' ');
  for (let p = 0; p < 100; p++) {
    const prefix = String(p).padStart(2, '0');
    assert.equal(isRicProvince(`${prefix}0101`), expected.includes(prefix), prefix);
  }
  assert.equal(isRicProvince('830000'), true);
});

test('current county codes for generators are real, current and mainland', () => {
  assert.ok(CURRENT_COUNTY_CODES.length > 2800);
  for (const code of CURRENT_COUNTY_CODES) {
    const region = regionOf(code);
    assert.ok(region && !region.abolished && !code.endsWith('00') && Number(code.slice(0, 2)) < 71, code);
  }
});

test('fullNameOf skips placeholder levels', () => {
  const names = new Map([['110000', '北京市'], ['110100', '市辖区'], ['110101', '东城区'], ['130000', '河北省'], ['130100', '石家庄市'], ['130102', '长安区']]);
  assert.equal(fullNameOf('110101', names), '北京市东城区');
  assert.equal(fullNameOf('130102', names), '河北省石家庄市长安区');
  assert.equal(fullNameOf('130100', names), '河北省石家庄市');
});

test('buildRegions marks codes missing from the current list as abolished with lastSeen', () => {
  const current = new Map([['110000', '北京市'], ['110101', '东城区']]);
  const revisions = [
    { revision: '200212', codes: new Map([['110000', '北京市'], ['110100', '市辖区'], ['110101', '东城区'], ['110103', '崇文区']]) },
    { revision: '201607', codes: new Map([['110000', '北京市'], ['110100', '市辖区'], ['110101', '东城区']]) },
  ];
  const built = buildRegions(current, revisions);
  assert.deepEqual(built['110103'], { name: '崇文区', fullName: '北京市崇文区', abolished: true, lastSeen: '2002-12' });
  assert.deepEqual(built['110100'], { name: '市辖区', fullName: '北京市市辖区', abolished: false, placeholder: true });
  assert.equal(built['110101'].abolished, false);
  assert.equal(built['100000'].special, 'national');
});

test('data/identifiers/regions.json is what build-regions.ts generates from the installed packages', () => {
  const regenerated = serialise(buildRegions(loadCurrent(), loadRevisions()));
  assert.equal(readFileSync(REGIONS_PATH, 'utf8'), regenerated, 'run: node --import tsx src/domain/identifiers/build-regions.ts');
});
