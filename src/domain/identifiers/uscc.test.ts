import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCanonicalUscc, orgCodeCheckChar, usccCheckChar, validateIdentifier, validateUscc } from './index.js';

// Well-known public companies and institutions (codes recalled from public business-licence data; each one
// passes the check algorithm, which a misremembered code would only do by a 1-in-31 chance).
const KNOWN = [
  '91110000600037341L', '91110000710926094P', '91440300708461136T', '91330100716105852F', '914403001922038216',
  '91110000802100433B', '91110108551385082Q', '91100000100003962T', '911100001000044477', '911000001000013428',
  '911100001000054748', '91440300192317458F', '9144030027939873X7', '91440300192185379H', '9144030010001686XA',
  '91440300192181490G', '91110108558521630L', '9111000010000093XR', '9131000013221158XC', '91350900587527783P',
  '12100000400000624D', '91110000710925462X', '91350100M000100Y43',
];
// Found online by the python-stdnum project (tests/test_cn_uscc.doctest); a selection covering letters in the
// organisation code, X check characters, 12… (事业单位) and 92… (个体工商户).
const FOUND_ONLINE = [
  '121200004013590816', '91120224064012553U', '911522010783710635', '91152201078371135X', '9115220107837757XE',
  '9115220107837941X1', '91310000631696382C', '91310000797046224D', '91310112087994932F', '913101127033980359',
  '91310115MA1K3BTP2B', '9131012056010553X5', '91320214745555318W', '913205056082348768', '913304007429141869',
  '91340600MA2PBM9HXD', '91340600MA2PBP2120', '91371082775260043P', '914112810713741814', '91420684MA4927PJ7B',
  '91440300568520498A', '9144030071526726XG', '9144060573144633XL', '91442000696462712R', '91620100719023721L',
  '91620105L015101280', '91620105MA71T4YW8Q', '92340602MA2PBMEM24', '92340603MA2PBMN509', '92340621MA2PBKRXXG',
  '92340621MA2UK3PJXE', '913505007821784439', '91340603MA2UJXXCXF', '91330201MA282UF146', '91330401MA28ADM67R',
];

/** A USCC built from its first 8 characters and an organisation code body (synthetic, but well-formed). */
function build(head8: string, orgBody8 = '12345678'): string {
  const body = head8 + orgBody8 + orgCodeCheckChar(orgBody8);
  return body + usccCheckChar(body);
}

test('known real codes are valid', () => {
  for (const code of [...KNOWN, ...FOUND_ONLINE]) {
    const r = validateUscc(code);
    assert.equal(r.valid, true, `${code}: ${JSON.stringify(r.errors)}`);
    assert.equal(r.type, 'uscc');
    assert.equal(r.details.orgCodeValid, true, code);
  }
});

test('known real codes are inferred as uscc without a type', () => {
  for (const code of [...KNOWN, ...FOUND_ONLINE]) assert.equal(validateIdentifier(code).type, 'uscc', code);
});

test('details of an enterprise code', () => {
  const r = validateUscc('91110000600037341L');
  assert.deepEqual(r.details, {
    registrationAuthorityCode: '9', registrationAuthority: '工商', entityTypeCode: '1', entityType: '企业',
    subjectKind: 'organization', regionCode: '110000', regionName: '北京市', orgCode: '600037341', orgCodeValid: true,
  });
  assert.deepEqual(r.warnings, []);
});

test('92… is an individual business, 12… a public institution, 100000 the national level', () => {
  const ib = validateUscc('92340602MA2PBMEM24');
  assert.equal(ib.details.subjectKind, 'individual_business');
  assert.equal(ib.details.entityType, '个体工商户');
  assert.equal(ib.details.regionName, '安徽省淮北市杜集区');
  const pi = validateUscc('12100000400000624D');
  assert.equal(pi.details.registrationAuthority, '机构编制');
  assert.equal(pi.details.entityType, '事业单位');
  assert.equal(pi.details.subjectKind, 'organization');
  assert.equal(pi.details.regionName, '国家级登记管理机关');
  assert.deepEqual(pi.warnings, []);
});

test('A, N and Y prefixes are valid (synthetic codes: no verified real ones were at hand)', () => {
  const cases: [string, string, string][] = [
    ['A1110000', '中央军委改革和编制办公室', '军队事业单位'],
    ['N2330106', '农业', '村级集体经济组织'],
    ['N3440300', '农业', '乡镇级集体经济组织'],
    ['Y1110105', '其他', '其他（不再细分机构类别）'],
    ['51110000', '民政', '社会团体'],
    ['53100000', '民政', '基金会'],
    ['31440300', '司法行政', '律师执业机构'],
    ['93320583', '工商', '农民专业合作社'],
  ];
  for (const [head, authority, entityType] of cases) {
    const r = validateUscc(build(head));
    assert.equal(r.valid, true, head);
    assert.equal(r.details.registrationAuthority, authority);
    assert.equal(r.details.entityType, entityType);
    assert.deepEqual(r.warnings, [], head);
  }
});

test('lower-case, full-width, spaced and hyphenated input is normalised', () => {
  for (const input of ['91350100m000100y43', '９１３５０１００Ｍ０００１００Ｙ４３', ' 91 350100 M00010 0Y43 ', '91-350100-M000100Y4-3', '91350100M000100Y43\u3000']) {
    const r = validateUscc(input);
    assert.equal(r.value, '91350100M000100Y43');
    assert.equal(r.input, input);
    assert.equal(r.valid, true, input);
  }
});

test('check character mismatch is an error naming expected and actual', () => {
  const r = validateUscc('91110000600037341M');
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors.map((e) => e.code), ['USCC_CHECK_MISMATCH']);
  assert.match(r.errors[0].message, /统一社会信用代码校验位错误：应为 L，实际为 M/);
});

test('letters I O Z S V are not allowed and the message names position and character', () => {
  const r = validateUscc('9111000060003I341L');
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].code, 'ALPHABET');
  assert.match(r.errors[0].message, /第 14 位“I”/);
  for (const letter of 'IOZSV') {
    assert.equal(validateUscc(`91110000${letter}00037341L`).errors[0].code, 'ALPHABET');
  }
});

test('wrong length and empty input', () => {
  assert.equal(validateUscc('91110000600037341').errors[0].code, 'LENGTH');
  assert.match(validateUscc('91110000600037341').errors[0].message, /应为 18 位，实际为 17 位/);
  assert.equal(validateUscc('9111000060003734123').errors[0].code, 'LENGTH');
  assert.equal(validateUscc('  ').errors[0].code, 'EMPTY');
});

test('unknown authority and entity type are warnings, not errors', () => {
  const authority = validateUscc(build('B1110000'));
  assert.equal(authority.valid, true);
  assert.deepEqual(authority.warnings.map((w) => w.code), ['AUTHORITY_UNKNOWN']);
  assert.equal(authority.details.registrationAuthority, null);
  const entity = validateUscc(build('94110000'));
  assert.equal(entity.valid, true);
  assert.deepEqual(entity.warnings.map((w) => w.code), ['ENTITY_TYPE_UNKNOWN']);
  assert.equal(entity.details.registrationAuthority, '工商');
  assert.equal(entity.details.entityType, null);
  assert.match(entity.warnings[0].message, /“4”/);
});

test('unknown and abolished regions are warnings', () => {
  const unknown = validateUscc(build('91999999'));
  assert.equal(unknown.valid, true);
  assert.deepEqual(unknown.warnings.map((w) => w.code), ['REGION_UNKNOWN']);
  assert.equal(unknown.details.regionName, null);
  const abolished = validateUscc(build('91110103')); // 北京市崇文区, merged into 东城区 in 2010
  assert.equal(abolished.valid, true);
  assert.deepEqual(abolished.warnings.map((w) => w.code), ['REGION_ABOLISHED']);
  assert.equal(abolished.details.regionName, '北京市崇文区');
  assert.match(abolished.warnings[0].message, /2009-12/);
});

test('an embedded organisation code failing its own check is only a warning', () => {
  const body = '9111000060003734'; // organisation code 60003734 + wrong check '2' (should be 1)
  const code = `${body}2${usccCheckChar(`${body}2`)}`;
  const r = validateUscc(code);
  assert.equal(r.valid, true);
  assert.equal(r.details.orgCodeValid, false);
  assert.deepEqual(r.warnings.map((w) => w.code), ['ORG_CODE_CHECK_MISMATCH']);
  assert.match(r.warnings[0].message, /应为 1，实际为 2/);
});

test('usccCheckChar: the final mod 31 maps a zero remainder to 0', () => {
  // Σ ≡ 0 (mod 31) must give '0', not alphabet[31] (undefined) — a classic validator bug.
  let found = false;
  for (let n = 0; n < 2000 && !found; n++) {
    const body = `9111000060${String(n).padStart(7, '0')}`;
    if (usccCheckChar(body) === '0') found = validateUscc(`${body}0`).valid;
  }
  assert.ok(found);
  assert.throws(() => usccCheckChar('9111000060003734'), RangeError);
  assert.throws(() => usccCheckChar('911100006000373I4'), RangeError);
});

test('isCanonicalUscc agrees with validateUscc on canonical input and refuses everything else', () => {
  const cases = [...KNOWN, ...FOUND_ONLINE];
  for (const code of cases) {
    assert.equal(isCanonicalUscc(code), true, code);
    // every single-character substitution within the alphabet and every adjacent swap
    for (let i = 0; i < 18; i++) {
      for (const ch of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
        const v = code.slice(0, i) + ch + code.slice(i + 1);
        const full = validateUscc(v);
        assert.equal(isCanonicalUscc(v), full.valid && full.value === v, v);
      }
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      if (i < 17) assert.equal(isCanonicalUscc(swapped), validateUscc(swapped).valid, swapped);
    }
  }
  // not canonical: the full validation normalises these, the fast path leaves them to it
  for (const v of [KNOWN[0].toLowerCase(), ` ${KNOWN[0]}`, KNOWN[0].slice(0, 17), `${KNOWN[0]}0`, '９１１１００００６０００３７３４１Ｌ', KNOWN[0].replace('L', 'I'), '']) {
    assert.equal(isCanonicalUscc(v), false, v);
  }
});
