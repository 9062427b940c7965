/**
 * Citizen identity number (公民身份号码, "RIC"), GB 11643-1999.
 *   1–6    region of household registration (GB/T 2260); 810000 / 820000 / 830000 for the residence
 *          permits of Hong Kong, Macao and Taiwan residents
 *   7–14   birth date YYYYMMDD
 *   15–17  sequence; the 17th digit is odd for men, even for women
 *   18     check: weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; check = "10X98765432"[Σ mod 11] (MOD 11-2)
 * Legacy 15-digit numbers (GB 11643-1989) have YYMMDD at 7–12 for a year 19YY and no check character; they
 * are upgraded by inserting "19" after the region code and appending the check character.
 *
 * Validity: length, alphabet, check character, a real birth date between 1880-01-01 and today (China
 * time), and a real province. An unknown or abolished 6-digit region is only a warning.
 *
 * Detection: every weight (2^(18−i) mod 11) is non-zero mod 11 and a digit changes by at most ±9, so every
 * single-digit substitution in 1–17 is caught; the check position maps injectively to "10X98765432".
 */
import { chinaDate, isoDate, isRealDate } from './dates.js';
import { normaliseIdentifier } from './normalise.js';
import { checkRegion, isResidencePermitCode, isRicProvince } from './regions.js';
import {
  addError,
  alphabetIssue,
  badChars,
  checkMismatchIssue,
  emptyIssue,
  finish,
  lengthIssue,
  newResult,
  type IdentifierResult,
} from './types.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = '1880-01-01';

export interface RicOptions {
  /** the instant that counts as now for "birth date in the future" (default: the current time) */
  today?: Date;
}

/** Check character (digit or 'X') of the first 17 digits of an ID number. */
export function ricCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`ID number body must be 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** 15-digit legacy number → 18 digits: insert "19" after the region code, append the check character. */
export function upgradeRic15(v15: string): string {
  const value = normaliseIdentifier(v15);
  if (!/^\d{15}$/.test(value)) throw new RangeError(`a legacy ID number has 15 digits: ${v15}`);
  const body = `${value.slice(0, 6)}19${value.slice(6)}`;
  return body + ricCheckChar(body);
}

const isDigit = (char: string) => char >= '0' && char <= '9';

function checkProvince(result: IdentifierResult, region: string): void {
  if (!isRicProvince(region)) {
    result.details.regionCode = region;
    result.details.regionName = null;
    addError(result, 'PROVINCE_INVALID', `身份证号码前两位“${region.slice(0, 2)}”不是有效的省级行政区划代码`);
    return;
  }
  checkRegion(result, region, '身份证号码第 1–6 位行政区划代码');
  if (isResidencePermitCode(region)) result.details.residencePermit = true;
}

/** `birth` is YYYYMMDD; `where` names the positions for the message. */
function checkBirthDate(result: IdentifierResult, birth: string, where: string, today: string): void {
  if (!isRealDate(birth)) {
    addError(result, 'BIRTH_DATE_INVALID', `身份证号码${where}的出生日期 ${birth} 不是真实存在的日期`);
    return;
  }
  const date = isoDate(birth);
  result.details.birthDate = date;
  if (date < EARLIEST_BIRTH) {
    addError(result, 'BIRTH_DATE_INVALID', `身份证号码中的出生日期 ${date} 早于 ${EARLIEST_BIRTH}，不可能有效`);
  } else if (date > today) {
    addError(result, 'BIRTH_DATE_FUTURE', `身份证号码中的出生日期 ${date} 晚于今天（${today}）`);
  }
}

function setSex(result: IdentifierResult, sequenceDigit: string): void {
  result.details.sex = Number(sequenceDigit) % 2 === 1 ? 'male' : 'female';
}

function validate18(result: IdentifierResult, value: string, today: string): IdentifierResult {
  const bad = badChars(value, (char, i) => isDigit(char) || (i === 17 && char === 'X'));
  if (bad.length) {
    result.errors.push(alphabetIssue('ric', bad, '前 17 位只能是数字，第 18 位只能是数字或 X'));
    return finish(result);
  }
  checkProvince(result, value.slice(0, 6));
  checkBirthDate(result, value.slice(6, 14), '第 7–14 位', today);
  setSex(result, value[16]);
  const expected = ricCheckChar(value.slice(0, 17));
  if (expected !== value[17]) {
    result.errors.push(checkMismatchIssue('RIC_CHECK_MISMATCH', '身份证号码', expected, value[17]));
  }
  return finish(result);
}

function validate15(result: IdentifierResult, value: string, today: string): IdentifierResult {
  const bad = badChars(value, isDigit);
  if (bad.length) {
    result.errors.push(alphabetIssue('ric', bad, '15 位旧身份证号码只能由数字组成'));
    return finish(result);
  }
  result.details.legacy = true;
  checkProvince(result, value.slice(0, 6));
  checkBirthDate(result, `19${value.slice(6, 12)}`, '第 7–12 位', today);
  setSex(result, value[14]);
  finish(result);
  if (result.valid) result.details.upgraded = upgradeRic15(value);
  return result;
}

export function validateRic(v: string, opts: RicOptions = {}): IdentifierResult {
  const value = normaliseIdentifier(v);
  const result = newResult(v, value, 'ric');
  const today = chinaDate(opts.today ?? new Date());
  if (!value) {
    result.errors.push(emptyIssue());
    return finish(result);
  }
  if (value.length === 18) return validate18(result, value, today);
  if (value.length === 15) return validate15(result, value, today);
  result.errors.push(lengthIssue('ric', '18 位（旧版为 15 位）', value.length));
  return finish(result);
}
