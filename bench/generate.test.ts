import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orgCodeCheckChar, ricCheckChar, usccCheckChar, USCC_ALPHABET } from './checksums.js';
import { COUNTIES, makePermutation, makeRandom, organisations, persons } from './generate.js';

const take = <T>(it: Iterable<T>): T[] => [...it];
const COUNTY_CODES = new Set(COUNTIES.map((c) => c.code));

test('check characters match published samples', () => {
  // GB 32100-2015 sample code; GB 11643-1999 sample numbers.
  assert.equal(usccCheckChar('91350100M000100Y4'), '3');
  assert.equal(orgCodeCheckChar('M000100Y'), '4');
  assert.equal(ricCheckChar('11010519491231002'), 'X');
  assert.equal(ricCheckChar('44052418800101001'), '4');
  assert.throws(() => usccCheckChar('91350100I000100Y4'), RangeError);
});

test('makeRandom is deterministic and in [0, 1)', () => {
  const a = makeRandom(123);
  const b = makeRandom(123);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, makeRandom(124)));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
});

test('makePermutation is a bijection', () => {
  for (const size of [1, 2, 3, 37, 1000, 4096, 5000]) {
    const perm = makePermutation(size, size * 7 + 1);
    const seen = new Set(Array.from({ length: size }, (_, i) => perm(i)));
    assert.equal(seen.size, size, `size ${size}`);
    assert.ok([...seen].every((x) => x >= 0 && x < size));
  }
  assert.throws(() => makePermutation(10, 1)(10), RangeError);
  const big = makePermutation(2 ** 32, 9);
  assert.equal(new Set(Array.from({ length: 10000 }, (_, i) => big(i))).size, 10000);
});

test('same seed → same output, other seed → other output', () => {
  assert.deepEqual(take(organisations(500, 42)), take(organisations(500, 42)));
  assert.deepEqual(take(persons(500, 42)), take(persons(500, 42)));
  assert.notDeepEqual(take(organisations(20, 42)), take(organisations(20, 43)));
  assert.deepEqual(take(organisations(50, 42)), take(organisations(100, 42)).slice(0, 50), 'prefix-stable');
});

test('organisation codes carry valid check characters', () => {
  const alphabet = new RegExp(`^[${USCC_ALPHABET}]{18}$`);
  for (const o of organisations(5000, 1)) {
    assert.match(o.uscc, alphabet);
    assert.match(o.uscc.slice(0, 2), /^(91|92|93|12|51|52|Y1)$/);
    assert.equal(o.uscc.slice(2, 8), o.regionCode);
    assert.ok(COUNTY_CODES.has(o.regionCode), o.regionCode);
    assert.equal(o.uscc[16], orgCodeCheckChar(o.uscc.slice(8, 16)), o.uscc);
    assert.equal(o.uscc[17], usccCheckChar(o.uscc.slice(0, 17)), o.uscc);
    const id = o.legalRepresentative.idNumber;
    assert.equal(id[17], ricCheckChar(id.slice(0, 17)), id);
    assert.ok(o.legalRepresentative.name.length >= 2);
  }
});

test('persons: valid ID numbers consistent with sex and birth date', () => {
  for (const p of persons(5000, 2)) {
    assert.match(p.idNumber, /^\d{17}[\dX]$/);
    assert.equal(p.idNumber[17], ricCheckChar(p.idNumber.slice(0, 17)));
    assert.ok(COUNTY_CODES.has(p.idNumber.slice(0, 6)));
    assert.equal(p.idNumber.slice(6, 14), p.birthDate.replaceAll('-', ''));
    assert.equal(new Date(`${p.birthDate}T00:00:00Z`).toISOString().slice(0, 10), p.birthDate);
    assert.equal(Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female', p.sex);
    assert.match(p.name, /^\p{Script=Han}{2,4}$|^\p{Script=Han}+·\p{Script=Han}+$/u);
  }
});

test('uniqueness of 100,000 USCCs, names and ID numbers', () => {
  const usccs = new Set<string>();
  const names = new Set<string>();
  const reps = new Set<string>();
  for (const o of organisations(100_000, 7)) {
    usccs.add(o.uscc);
    names.add(o.name);
    reps.add(o.legalRepresentative.idNumber);
  }
  assert.equal(usccs.size, 100_000);
  assert.equal(names.size, 100_000);
  assert.equal(reps.size, 100_000);
  assert.equal(new Set(take(persons(100_000, 7)).map((p) => p.idNumber)).size, 100_000);
});

test('realistic mix: Henan first, forms follow the entity type', () => {
  const orgs = take(organisations(20_000, 3));
  const share = (f: (o: (typeof orgs)[number]) => boolean) => orgs.filter(f).length / orgs.length;
  assert.ok(share((o) => o.regionCode.startsWith('41')) > 0.5);
  assert.ok(share((o) => o.regionCode.startsWith('41')) < 0.95);
  assert.ok(share((o) => o.uscc.startsWith('91')) > 0.7);
  for (const o of orgs) {
    if (o.uscc.startsWith('91')) assert.match(o.name, /公司$/);
    if (o.uscc.startsWith('92')) assert.match(o.name, /记.+\(.+路店\)$/);
    if (o.uscc.startsWith('93')) assert.match(o.name, /专业合作社$/);
  }
  assert.ok(orgs.some((o) => o.name.endsWith('股份有限公司')));
  assert.ok(orgs.some((o) => o.name.endsWith('有限责任公司')));
  assert.ok(orgs.some((o) => o.name.endsWith('分公司')));
  assert.ok(orgs.some((o) => /\(.+\)(股份)?有限(责任)?公司$/.test(o.name)), 'bracketed region');
  const people = take(persons(20_000, 3));
  assert.ok(people.some((p) => p.name.includes('·')), 'minority names');
  assert.ok(people.filter((p) => p.name.startsWith('王')).length > people.length * 0.04, '王 is common');
});
