/**
 * Business registration number (工商注册号), GS 15-2006: 15 digits.
 *   1–6   registration authority code (GB/T 2260 region; 100000 = the national administration)
 *   7–14  sequence; character 7 tells the kind of subject (data/identifiers/reg-no-kinds.json, unverified)
 *   15    check digit, ISO 7064 MOD 11,10: p = 10; for each of the 14 digits d: s = (p + d) mod 10, s = 10
 *         when 0, p = 2s mod 11; the check digit c makes (p + c) mod 10 = 1, i.e. c = (11 − p) mod 10.
 *
 * Detection: for a fixed p, d ↦ s is injective, s ↦ 2s mod 11 is injective on 1…10, and each later step is a
 * bijection of p ∈ 1…10, so any single substitution changes the final p and hence the check digit; a
 * substituted check digit is caught directly. Every single substitution is detected.
 */
import { loadJson } from './data.js';
import { normaliseIdentifier } from './normalise.js';
import { checkRegion } from './regions.js';
import {
  alphabetIssue,
  badChars,
  checkMismatchIssue,
  emptyIssue,
  finish,
  lengthIssue,
  newResult,
  type IdentifierResult,
} from './types.js';

interface KindRow {
  kind: 'domestic' | 'foreign' | 'individual_business';
  name: string;
}
const KINDS = loadJson<{ kinds: Record<string, KindRow> }>('reg-no-kinds.json').kinds;

/** Check digit of the first 14 digits of a registration number. */
export function regNoCheckChar(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new RangeError(`registration number body must be 14 digits: ${first14}`);
  let p = 10;
  for (const char of first14) {
    const s = (p + Number(char)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

export function validateRegNo(v: string): IdentifierResult {
  const value = normaliseIdentifier(v);
  const result = newResult(v, value, 'reg_no');
  if (!value) {
    result.errors.push(emptyIssue());
    return finish(result);
  }
  if (value.length !== 15) {
    result.errors.push(lengthIssue('reg_no', '15 位', value.length));
    return finish(result);
  }
  const bad = badChars(value, (char) => char >= '0' && char <= '9');
  if (bad.length) {
    result.errors.push(alphabetIssue('reg_no', bad, '只能由数字组成'));
    return finish(result);
  }
  checkRegion(result, value.slice(0, 6), '第 1–6 位登记机关行政区划代码');
  const kind = KINDS[value[6]];
  result.details.registrationKind = kind.kind;
  result.details.registrationKindName = kind.name;
  const expected = regNoCheckChar(value.slice(0, 14));
  if (expected !== value[14]) {
    result.errors.push(checkMismatchIssue('REG_NO_CHECK_MISMATCH', '工商注册号', expected, value[14]));
  }
  return finish(result);
}
