// Receipt codes (回执码) that let a citizen follow an objection, repair request or report without an
// account: a type letter, the Beijing date, and 8 random characters from an alphabet without look-alikes.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L

export function newReceiptCode(kind: 'O' | 'R' | 'J', on: string): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `${kind}${on.replaceAll('-', '')}${tail}`;
}

export function isReceiptCode(value: string): boolean {
  return /^[ORJ]\d{8}[2-9A-HJKMNP-Z]{8}$/.test(value);
}
