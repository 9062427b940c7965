/**
 * validateIdentifier: validate as a forced type, or infer the type from the normalised value.
 *   18 characters → uscc or ric; 15 → reg_no or legacy ric; 9 → org_code; other lengths → UNKNOWN_FORMAT.
 * When exactly one reading is valid it wins. When several are valid the result is `ambiguous`, carries an
 * AMBIGUOUS_TYPE warning, and `type` is the more plausible reading: the ID number when its 1–6 region is a
 * known county-level code (or a residence-permit code), otherwise the organisation code. When none is valid
 * the errors are those of the most likely reading: the ID number when its province and birth date are real,
 * otherwise uscc (18) / reg_no (15).
 */
import { isRealDate } from './dates.js';
import { normaliseIdentifier } from './normalise.js';
import { validateOrgCode } from './org-code.js';
import { isResidencePermitCode, isRicProvince, regionOf } from './regions.js';
import { validateRegNo } from './reg-no.js';
import { validateRic, type RicOptions } from './ric.js';
import { addWarning, emptyIssue, finish, IDENTIFIER_TYPES, newResult, TYPE_LABEL } from './types.js';
import type { IdentifierResult, IdentifierType } from './types.js';
import { USCC_ALPHABET, validateUscc } from './uscc.js';

type Validator = (value: string, opts: RicOptions) => IdentifierResult;

const VALIDATORS: Record<IdentifierType, Validator> = {
  uscc: (v) => validateUscc(v),
  ric: (v, opts) => validateRic(v, opts),
  org_code: (v) => validateOrgCode(v),
  reg_no: (v) => validateRegNo(v),
};

/** Readings to try for a value of this length (the first is the fallback when none is plausible). */
const READINGS_BY_LENGTH: Record<number, IdentifierType[]> = { 18: ['uscc', 'ric'], 15: ['reg_no', 'ric'], 9: ['org_code'] };

/** Types whose length and alphabet the value matches, whatever its check character. */
export function structuralCandidates(value: string): IdentifierType[] {
  const out: IdentifierType[] = [];
  if (value.length === 18 && [...value].every((c) => USCC_ALPHABET.includes(c))) out.push('uscc');
  if (/^\d{17}[\dX]$/.test(value) || /^\d{15}$/.test(value)) out.push('ric');
  if (/^[0-9A-Z]{8}[\dX]$/.test(value)) out.push('org_code');
  if (/^\d{15}$/.test(value)) out.push('reg_no');
  return out;
}

/** Province and birth date of an ID-number reading are real (the check character is not looked at). */
function looksLikeRic(value: string): boolean {
  if (value.length === 18) return /^\d{17}/.test(value) && isRicProvince(value.slice(0, 6)) && isRealDate(value.slice(6, 14));
  return /^\d{15}$/.test(value) && isRicProvince(value.slice(0, 6)) && isRealDate(`19${value.slice(6, 12)}`);
}

/** Among valid readings, the ID number is preferred when its region is a known county (or a permit code). */
function ricIsPlausible(value: string): boolean {
  const code = value.slice(0, 6);
  const region = regionOf(code);
  return region !== null && (!code.endsWith('00') || isResidencePermitCode(code));
}

function ambiguityWarning(result: IdentifierResult, readings: IdentifierType[]): void {
  const names = readings.map((t) => `${TYPE_LABEL[t]}（${t}）`).join('和');
  addWarning(
    result,
    'AMBIGUOUS_TYPE',
    `该代码可同时视为${names}，均能通过校验；已按${TYPE_LABEL[result.type!]}解析。如不正确，请指定类型（type=${readings.join(' 或 type=')}）后重新校验`,
  );
}

function pick(value: string, results: IdentifierResult[], valid: IdentifierResult[]): IdentifierResult {
  const ric = results.find((r) => r.type === 'ric');
  if (valid.length === 1) return valid[0];
  if (valid.length > 1) return ric && ric.valid && ricIsPlausible(value) ? ric : valid.find((r) => r.type !== 'ric')!;
  return ric && looksLikeRic(value) ? ric : results[0];
}

function infer(input: string, value: string, opts: RicOptions): IdentifierResult {
  const readings = READINGS_BY_LENGTH[value.length];
  if (!readings) {
    const result = newResult(input, value, null);
    result.errors.push({
      code: 'UNKNOWN_FORMAT',
      message: `无法识别的代码格式：共 ${value.length} 位。统一社会信用代码和身份证号码为 18 位，工商注册号和旧版身份证号码为 15 位，组织机构代码为 9 位`,
    });
    return finish(result);
  }
  const results = readings.map((type) => VALIDATORS[type](input, opts));
  const valid = results.filter((r) => r.valid);
  const chosen = pick(value, results, valid);
  if (valid.length > 1) {
    chosen.ambiguous = true;
    ambiguityWarning(chosen, valid.map((r) => r.type!));
  }
  return chosen;
}

/**
 * Validate `input` as `type`, or infer the type when none is given. `opts.today` fixes "now" for the
 * birth-date check of ID numbers.
 */
export function validateIdentifier(input: string, type?: IdentifierType, opts: RicOptions = {}): IdentifierResult {
  if (type !== undefined && !IDENTIFIER_TYPES.includes(type)) {
    throw new RangeError(`unknown identifier type: ${String(type)} (expected ${IDENTIFIER_TYPES.join(', ')})`);
  }
  const value = normaliseIdentifier(input);
  if (!value) {
    const result = newResult(input, value, type ?? null);
    result.errors.push(emptyIssue());
    return finish(result);
  }
  const result = type ? VALIDATORS[type](input, opts) : infer(input, value, opts);
  result.candidates = structuralCandidates(value);
  return result;
}
