/** Shared result shape and small helpers for the identifier validators. */

export type IdentifierType = 'uscc' | 'ric' | 'org_code' | 'reg_no';

export const IDENTIFIER_TYPES: readonly IdentifierType[] = ['uscc', 'ric', 'org_code', 'reg_no'];

/** `code` is stable English (e.g. 'USCC_CHECK_MISMATCH'); `message` is Chinese, for a clerk. */
export interface IdentifierIssue {
  code: string;
  message: string;
}

export interface IdentifierResult {
  /** the normalised value */
  value: string;
  /** what was given */
  input: string;
  /** null when no type fits */
  type: IdentifierType | null;
  /** types the value could be read as (18 characters can be both uscc and ric) */
  candidates: IdentifierType[];
  /** true when, without a forced type, the value is valid as more than one type */
  ambiguous: boolean;
  valid: boolean;
  errors: IdentifierIssue[];
  warnings: IdentifierIssue[];
  details: Record<string, unknown>;
}

/** Chinese name of each type, used in messages. */
export const TYPE_LABEL: Record<IdentifierType, string> = {
  uscc: '统一社会信用代码',
  ric: '身份证号码',
  org_code: '组织机构代码',
  reg_no: '工商注册号',
};

export function newResult(input: unknown, value: string, type: IdentifierType | null): IdentifierResult {
  return {
    value,
    input: typeof input === 'string' ? input : String(input ?? ''),
    type,
    candidates: [],
    ambiguous: false,
    valid: false,
    errors: [],
    warnings: [],
    details: {},
  };
}

export function addError(result: IdentifierResult, code: string, message: string): void {
  result.errors.push({ code, message });
}

export function addWarning(result: IdentifierResult, code: string, message: string): void {
  result.warnings.push({ code, message });
}

/** Validity is the absence of errors; warnings never make a value invalid. */
export function finish(result: IdentifierResult): IdentifierResult {
  result.valid = result.errors.length === 0;
  return result;
}

export function emptyIssue(): IdentifierIssue {
  return { code: 'EMPTY', message: '代码为空：请填写统一社会信用代码、身份证号码、组织机构代码或工商注册号' };
}

export function lengthIssue(type: IdentifierType, expected: string, actual: number): IdentifierIssue {
  return { code: 'LENGTH', message: `${TYPE_LABEL[type]}应为 ${expected}，实际为 ${actual} 位` };
}

export interface BadChar {
  /** 1-based position */
  position: number;
  char: string;
}

/** Characters that `allowed(char, index)` rejects, with 1-based positions. */
export function badChars(value: string, allowed: (char: string, index: number) => boolean): BadChar[] {
  const out: BadChar[] = [];
  [...value].forEach((char, index) => {
    if (!allowed(char, index)) out.push({ position: index + 1, char });
  });
  return out;
}

/** One ALPHABET issue naming each offending character and its position (at most five, then a count). */
export function alphabetIssue(type: IdentifierType, bad: BadChar[], rule: string): IdentifierIssue {
  const shown = bad.slice(0, 5).map((b) => `第 ${b.position} 位“${b.char}”`).join('、');
  const more = bad.length > 5 ? `等 ${bad.length} 处` : '';
  return { code: 'ALPHABET', message: `${TYPE_LABEL[type]}中${shown}${more}不是允许的字符：${rule}` };
}

export function checkMismatchIssue(code: string, what: string, expected: string, actual: string): IdentifierIssue {
  return { code, message: `${what}校验位错误：应为 ${expected}，实际为 ${actual}` };
}
