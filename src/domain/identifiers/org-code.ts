/**
 * Organisation code (组织机构代码), GB 11714-1997: 8 body characters (digits or upper-case letters) and one
 * check character. Character values: digit → its value, letter → 10 + its index (A=10 … Z=35).
 * Weights 3,7,9,10,5,8,4,2; r = 11 − (Σ mod 11); r = 10 → 'X', r = 11 → '0', else the digit r.
 *
 * Detection (see properties.test.ts): the weights are non-zero mod 11, so every change of a body character
 * whose value changes by a non-multiple of 11 is caught — in particular every digit-for-digit substitution.
 * A substitution that changes the value by ±11, ±22 or ±33 (e.g. '0' ↔ 'B', '1' ↔ 'C', 'A' ↔ 'L') cannot be
 * caught by this check: that is a property of the standard, not of this code.
 */
import { normaliseIdentifier } from './normalise.js';
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

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const BODY = /^[0-9A-Z]{8}$/;

function charValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** Check character of an 8-character organisation code body. */
export function orgCodeCheckChar(first8: string): string {
  if (!BODY.test(first8)) throw new RangeError(`organisation code body must be 8 digits or upper-case letters: ${first8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(first8[i]) * WEIGHTS[i];
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** 'XXXXXXXX-X', the printed form. */
export function formatOrgCode(code9: string): string {
  return `${code9.slice(0, 8)}-${code9.slice(8)}`;
}

const isBodyChar = (char: string) => /^[0-9A-Z]$/.test(char);
const isCheckChar = (char: string) => /^[0-9X]$/.test(char);

export function validateOrgCode(v: string): IdentifierResult {
  const value = normaliseIdentifier(v);
  const result = newResult(v, value, 'org_code');
  if (!value) {
    result.errors.push(emptyIssue());
    return finish(result);
  }
  if (value.length !== 9) {
    result.errors.push(lengthIssue('org_code', '9 位（8 位本体代码加 1 位校验码，可写作 XXXXXXXX-X）', value.length));
    return finish(result);
  }
  const bad = badChars(value, (char, i) => (i < 8 ? isBodyChar(char) : isCheckChar(char)));
  if (bad.length) {
    result.errors.push(alphabetIssue('org_code', bad, '前 8 位只能是数字或大写字母，第 9 位（校验码）只能是数字或 X'));
    return finish(result);
  }
  result.details.orgCode = value;
  result.details.formatted = formatOrgCode(value);
  const expected = orgCodeCheckChar(value.slice(0, 8));
  if (expected !== value[8]) {
    result.errors.push(checkMismatchIssue('ORG_CODE_CHECK_MISMATCH', '组织机构代码', expected, value[8]));
  }
  return finish(result);
}
