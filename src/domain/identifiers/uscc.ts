/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over the 31-symbol alphabet
 * 0-9 A-Z without I O Z S V.
 *   1     registration authority (登记管理部门)         — table in data/identifiers/uscc-authorities.json
 *   2     entity type (机构类别), depends on character 1 — same table
 *   3–8   region of the registration authority (GB/T 2260; 100000 = national)
 *   9–17  organisation code (GB 11714) with its own check character
 *   18    check character: weights 3^(i−1) mod 31 (i = 1…17), check = alphabet[(31 − Σ mod 31) mod 31]
 * Validity is length, alphabet and check character only; authority, entity type, region and the embedded
 * organisation code's own check only produce warnings (some real pre-2016 codes fail the latter).
 *
 * Detection: 31 is prime and every weight is non-zero mod 31, so every single-character substitution
 * within the alphabet changes Σ mod 31 and is caught.
 */
import { loadJson } from './data.js';
import { normaliseIdentifier } from './normalise.js';
import { orgCodeCheckChar } from './org-code.js';
import { checkRegion } from './regions.js';
import {
  addWarning,
  alphabetIssue,
  badChars,
  checkMismatchIssue,
  emptyIssue,
  finish,
  lengthIssue,
  newResult,
  type IdentifierResult,
} from './types.js';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS: number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

interface EntityTypeRow {
  name: string;
  subjectKind?: 'organization' | 'individual_business';
  unverified?: boolean;
}
interface AuthorityRow {
  name: string;
  unverified?: boolean;
  entityTypes: Record<string, EntityTypeRow>;
}

export const USCC_AUTHORITIES: Readonly<Record<string, AuthorityRow>> =
  loadJson<{ authorities: Record<string, AuthorityRow> }>('uscc-authorities.json').authorities;

const ALPHABET_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) ALPHABET_VALUE[USCC_ALPHABET.charCodeAt(i)] = i;

/** Value of the character at `i` in the alphabet, or -1. */
const valueAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c < 128 ? ALPHABET_VALUE[c] : -1;
};

/** Value of the check character for the first 17 characters of `s`, or -1 when one is outside the alphabet. */
function checkValue(s: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = valueAt(s, i);
    if (value < 0) return -1;
    sum += value * WEIGHTS[i];
  }
  return (31 - (sum % 31)) % 31;
}

/** Check character of the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`USCC body must have 17 characters: ${first17}`);
  const value = checkValue(first17);
  if (value < 0) throw new RangeError(`character ${first17.split('').find((_, i) => valueAt(first17, i) < 0)} is not in the USCC alphabet`);
  return USCC_ALPHABET[value];
}

/**
 * True when `s` is a valid USCC already in canonical form (18 upper-case alphabet characters, right
 * check character): then validateUscc would answer valid with `s` itself as the value. The hot path
 * of a check asks only this; anything else goes through validateUscc for its messages.
 */
export function isCanonicalUscc(s: string): boolean {
  if (s.length !== 18) return false;
  const value = checkValue(s);
  return value >= 0 && valueAt(s, 17) === value;
}

function describeAuthority(result: IdentifierResult, value: string): void {
  const authorityCode = value[0];
  const typeCode = value[1];
  const authority = Object.hasOwn(USCC_AUTHORITIES, authorityCode) ? USCC_AUTHORITIES[authorityCode] : undefined;
  const entity = authority && Object.hasOwn(authority.entityTypes, typeCode) ? authority.entityTypes[typeCode] : undefined;
  Object.assign(result.details, {
    registrationAuthorityCode: authorityCode,
    registrationAuthority: authority?.name ?? null,
    entityTypeCode: typeCode,
    entityType: entity?.name ?? null,
    subjectKind: entity?.subjectKind ?? 'organization',
  });
  if (!authority) {
    addWarning(result, 'AUTHORITY_UNKNOWN', `第 1 位登记管理部门代码“${authorityCode}”不在已知代码表中，请核对`);
  } else if (!entity) {
    addWarning(
      result,
      'ENTITY_TYPE_UNKNOWN',
      `第 2 位机构类别代码“${typeCode}”不在登记管理部门“${authority.name}”（${authorityCode}）的已知机构类别中，请核对`,
    );
  }
}

function describeOrgCode(result: IdentifierResult, value: string): void {
  const orgCode = value.slice(8, 17);
  result.details.orgCode = orgCode;
  const checkChar = orgCode[8];
  const expected = orgCodeCheckChar(orgCode.slice(0, 8));
  result.details.orgCodeValid = expected === checkChar;
  if (expected !== checkChar) {
    addWarning(
      result,
      'ORG_CODE_CHECK_MISMATCH',
      `第 9–17 位的组织机构代码 ${orgCode} 校验位不符：应为 ${expected}，实际为 ${checkChar}（部分 2016 年前赋码的代码如此，统一社会信用代码本身仍有效）`,
    );
  }
}

export function validateUscc(v: string): IdentifierResult {
  const value = normaliseIdentifier(v);
  const result = newResult(v, value, 'uscc');
  if (!value) {
    result.errors.push(emptyIssue());
    return finish(result);
  }
  if (value.length !== 18) {
    result.errors.push(lengthIssue('uscc', '18 位', value.length));
    return finish(result);
  }
  const bad = badChars(value, (char) => USCC_ALPHABET.includes(char));
  if (bad.length) {
    result.errors.push(alphabetIssue('uscc', bad, '只能使用数字和除 I、O、Z、S、V 以外的大写字母'));
    return finish(result);
  }
  describeAuthority(result, value);
  checkRegion(result, value.slice(2, 8), '第 3–8 位登记管理机关行政区划码');
  describeOrgCode(result, value);
  const expected = usccCheckChar(value.slice(0, 17));
  if (expected !== value[17]) {
    result.errors.push(checkMismatchIssue('USCC_CHECK_MISMATCH', '统一社会信用代码', expected, value[17]));
  }
  return finish(result);
}
