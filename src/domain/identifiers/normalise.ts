/**
 * Normalisation shared by all identifier types: NFKC (full-width letters and digits → ASCII, U+3000 → space),
 * then drop whitespace, zero-width characters and hyphen/dash variants, then upper-case.
 */
const STRIP = /[\s\u200B-\u200D\uFEFF\-\u2010-\u2015\u2212]/gu;

export function normaliseIdentifier(input: string): string {
  const text = typeof input === 'string' ? input : String(input ?? '');
  return text.normalize('NFKC').replace(STRIP, '').toUpperCase();
}
