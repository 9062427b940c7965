import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, chainHash, findBrokenLink, GENESIS_HASH, type StoredLink } from './audit-chain.js';

function chain(n: number): StoredLink[] {
  const links: StoredLink[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = {
      seq: String(i), at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), actorType: 'user', actorId: `u${i}`,
      departmentId: null, action: 'subject.created', entityType: 'subject', entityId: `s${i}`, data: { n: i, name: '豫信' },
    };
    const hash = chainHash(prev, e);
    links.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return links;
}

test('canonical JSON sorts keys at every depth and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
});

test('an intact chain verifies', () => {
  assert.equal(findBrokenLink(chain(20), { seq: 0n, hash: GENESIS_HASH }), null);
});

test('a changed field breaks its own link', () => {
  const links = chain(10);
  (links[4].data as { n: number }).n = 99;
  assert.deepEqual(findBrokenLink(links, { seq: 0n, hash: GENESIS_HASH })?.seq, '5');
});

test('a rewritten hash breaks the next link', () => {
  const links = chain(10);
  links[6].hash = chainHash(links[6].prevHash!, { ...links[6], action: 'forged' });
  links[6].action = 'forged';
  const broken = findBrokenLink(links, { seq: 0n, hash: GENESIS_HASH });
  assert.equal(broken?.seq, '8');
  assert.equal(broken?.reason, 'prev_hash');
});

test('a deleted row is a gap', () => {
  const links = chain(10);
  links.splice(3, 1);
  const broken = findBrokenLink(links, { seq: 0n, hash: GENESIS_HASH });
  assert.equal(broken?.reason, 'gap');
  assert.equal(broken?.seq, '4');
});

test('verification can continue from a checkpoint', () => {
  const links = chain(10);
  assert.equal(findBrokenLink(links.slice(5), { seq: 5n, hash: links[4].hash! }), null);
});
