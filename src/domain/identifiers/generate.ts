/**
 * Generators of valid identifiers for tests and benches. `rand` returns numbers in [0, 1) — pass a seeded
 * generator for reproducible data. Regions are real current county-level GB/T 2260 codes.
 */
import { daysInMonth } from './dates.js';
import { orgCodeCheckChar } from './org-code.js';
import { CURRENT_COUNTY_CODES } from './regions.js';
import { regNoCheckChar } from './reg-no.js';
import { ricCheckChar } from './ric.js';
import { USCC_ALPHABET, USCC_AUTHORITIES, usccCheckChar } from './uscc.js';

export type Rand = () => number;

function int(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function digits(rand: Rand, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(int(rand, 0, 9));
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A random current county-level region code. */
export function makeRegionCode(rand: Rand): string {
  return pick(rand, CURRENT_COUNTY_CODES);
}

/**
 * A valid organisation code (9 characters, no hyphen). About a third look like the codes assigned since
 * 2015 inside USCCs ('MA' + 6 characters of the USCC alphabet); the others are 8 digits + check.
 */
export function makeOrgCode(rand: Rand): string {
  let body = '';
  if (rand() < 0.35) {
    body = 'MA';
    for (let i = 0; i < 6; i++) body += USCC_ALPHABET[int(rand, 0, USCC_ALPHABET.length - 1)];
  } else {
    body = digits(rand, 8);
  }
  return body + orgCodeCheckChar(body);
}

export interface MakeUsccOptions {
  /** character 1, e.g. '9' (default: '9' four times in five, else any known authority) */
  authority?: string;
  /** character 2 (default: a known entity type of the authority) */
  entityType?: string;
  /** characters 3–8 (default: a random current county-level code) */
  regionCode?: string;
}

/** A valid USCC whose embedded organisation code also passes its own check. */
export function makeUscc(rand: Rand, opts: MakeUsccOptions = {}): string {
  const authority = opts.authority ?? (rand() < 0.8 ? '9' : pick(rand, Object.keys(USCC_AUTHORITIES)));
  const types = Object.keys(USCC_AUTHORITIES[authority]?.entityTypes ?? { 1: null });
  const entityType = opts.entityType ?? pick(rand, types);
  const body = authority + entityType + (opts.regionCode ?? makeRegionCode(rand)) + makeOrgCode(rand);
  return body + usccCheckChar(body);
}

export interface MakeRicOptions {
  /** YYYY-MM-DD (default: a random date from 1940-01-01 to 2009-12-31) */
  birthDate?: string;
  sex?: 'male' | 'female';
  /** characters 1–6 (default: a random current county-level code) */
  regionCode?: string;
}

function randomBirthDate(rand: Rand): string {
  const year = int(rand, 1940, 2009);
  const month = int(rand, 1, 12);
  return `${year}${pad(month, 2)}${pad(int(rand, 1, daysInMonth(year, month)), 2)}`;
}

/** A valid 18-digit ID number. */
export function makeRic(rand: Rand, opts: MakeRicOptions = {}): string {
  const region = opts.regionCode ?? makeRegionCode(rand);
  const birth = opts.birthDate ? opts.birthDate.replaceAll('-', '') : randomBirthDate(rand);
  const sex = opts.sex ?? (rand() < 0.5 ? 'male' : 'female');
  const sexDigit = 2 * int(rand, 0, 4) + (sex === 'male' ? 1 : 0);
  const body = region + birth + digits(rand, 2) + String(sexDigit);
  return body + ricCheckChar(body);
}

/** A valid 15-digit business registration number (domestic-enterprise sequence). */
export function makeRegNo(rand: Rand): string {
  const body = makeRegionCode(rand) + String(int(rand, 0, 3)) + digits(rand, 7);
  return body + regNoCheckChar(body);
}
