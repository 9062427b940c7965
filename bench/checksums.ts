// Private check-character computations for the data generator, independent of src/domain/identifiers.
// Sources: GB 32100-2015 (USCC), GB 11714-1997 (organisation code), GB 11643-1999 (ID number);
// see reference/RULES.md § Identifiers.

/** USCC alphabet: digits and capitals without I O S V Z (31 symbols). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Characters of the 8-character organisation-code body: digits and capitals without I O S V Z. */
export const ORG_CODE_ALPHABET = USCC_ALPHABET;

const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) USCC_VALUE[USCC_ALPHABET.charCodeAt(i)] = i;

/** 3^(i-1) mod 31 for positions 1..17. */
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const RIC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RIC_CHECK = '10X98765432';

/** check = alphabet[(31 − Σ mod 31) mod 31] over the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_VALUE[first17.charCodeAt(i)];
    if (v === undefined || v < 0) throw new RangeError(`not a USCC character: ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Digits count as their value, letters A=10 … Z=35; r = 11 − Σ mod 11; 10 → X, 11 → 0. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) throw new RangeError(`not an organisation-code character: ${first8[i]}`);
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** check = "10X98765432"[Σ mod 11] over the first 17 digits. */
export function ricCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`not a digit: ${first17[i]}`);
    sum += d * RIC_WEIGHTS[i];
  }
  return RIC_CHECK[sum % 11];
}
