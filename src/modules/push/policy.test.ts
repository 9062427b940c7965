import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, isKnownEvent, matchesEvent, retryDelay, sign, verifySignature } from './policy.js';

const s = { backoffMs: 10_000, backoffMaxMs: 900_000, retryForMs: 24 * 3_600_000 };
const noJitter = () => 0;

test('signature: HMAC-SHA256 of the exact bytes, checked in constant time', () => {
  const body = '{"seq":1,"type":"entry.published","data":{"名称":"河南"}}';
  const header = sign('whsec_x', body);
  assert.match(header, /^sha256=[0-9a-f]{64}$/);
  assert.ok(verifySignature('whsec_x', Buffer.from(body, 'utf8'), header));
  assert.ok(!verifySignature('whsec_x', body.replace('1', '2'), header));
  assert.ok(!verifySignature('whsec_y', body, header));
  assert.ok(!verifySignature('whsec_x', body, undefined));
  assert.ok(!verifySignature('whsec_x', body, 'sha256=00'));
});

test('backoff doubles from the base, is capped, and jitters by at most 10 %', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelay(n, s, noJitter)), [10_000, 20_000, 40_000, 80_000]);
  assert.equal(retryDelay(20, s, noJitter), 900_000);
  assert.equal(retryDelay(1, s, () => 0.999), 10_999);
});

test('a failure is retried while the next attempt falls inside the window, then dead', () => {
  const queuedAt = new Date('2026-06-01T00:00:00Z');
  const early = afterFailure({ attempts: 1, queuedAt, now: new Date('2026-06-01T00:00:01Z') }, s, noJitter);
  assert.deepEqual(early, { status: 'failed', nextAt: new Date('2026-06-01T00:00:11Z') });
  const late = afterFailure({ attempts: 60, queuedAt, now: new Date('2026-06-01T23:50:00Z') }, s, noJitter);
  assert.equal(late.status, 'dead');
});

test('events: exact types and families', () => {
  assert.ok(matchesEvent(['entry.*'], 'entry.held'));
  assert.ok(!matchesEvent(['entry.*'], 'task.created'));
  assert.ok(matchesEvent(['*'], 'record.revoked'));
  assert.ok(matchesEvent(['task.created'], 'task.created'));
  assert.ok(isKnownEvent('record.*') && isKnownEvent('entry.corrected') && !isKnownEvent('entry.nope') && !isKnownEvent('entry'));
});
