// Validation results remembered, bounded: an import validates each row's codes and then resolves the
// row's subject from the same codes, and a file repeats a few codes on every row (处罚机关, 数据来源单位).
// Keyed by the China day, which decides an ID number's birth-date check. Results are shared: read them,
// never change them.
import { chinaDate } from './dates.js';
import { validateIdentifier } from './identify.js';
import type { IdentifierResult, IdentifierType } from './types.js';

const MEMO_SIZE = 4096;
const memo = new Map<string, IdentifierResult>();

let noon: { day: string; at: Date } | null = null;
/** Noon in China on `day` (one Date per day, not per code). */
function noonOf(day: string): Date {
  if (noon?.day !== day) noon = { day, at: new Date(`${day}T12:00:00+08:00`) };
  return noon.at;
}

/** validateIdentifier(text, type) as of `day` (China date; default today), remembered. */
export function validatedIdentifier(text: string, type: IdentifierType, day = chinaDate(new Date())): IdentifierResult {
  const key = `${type}|${day}|${text}`;
  let r = memo.get(key);
  if (!r) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, r = validateIdentifier(text, type, { today: noonOf(day) }));
  }
  return r;
}
