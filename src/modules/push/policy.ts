// Pure rules of webhook delivery: the signature, which events a subscription may name, and what
// happens after a failed attempt (exponential backoff until the retry window closes, then dead).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ChangeType } from '../changes/record.js';

export const EVENT_TYPES: ChangeType[] = [
  'entry.published', 'entry.held', 'entry.released', 'entry.expired', 'entry.removed', 'entry.revoked', 'entry.corrected',
  'record.published', 'record.held', 'record.released', 'record.expired', 'record.removed', 'record.revoked', 'record.corrected',
  'task.created', 'subject.created', 'subject.updated',
  'commitment.made', 'commitment.kept', 'commitment.broken',
];
/** A family of events: `entry.*`, `record.*`, `task.*`, `subject.*`, `commitment.*`, or `*` for all. */
export const EVENT_PATTERNS = ['*', 'entry.*', 'record.*', 'task.*', 'subject.*', 'commitment.*'];

export function isKnownEvent(e: string): boolean {
  return (EVENT_TYPES as string[]).includes(e) || EVENT_PATTERNS.includes(e);
}

export function matchesEvent(events: string[], type: string): boolean {
  return events.includes('*') || events.includes(type) || events.includes(`${type.split('.')[0]}.*`);
}

/** `sha256=` + hex HMAC-SHA256 of the exact body bytes. */
export function sign(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of an X-Xinyong-Signature header (what a receiver does). */
export function verifySignature(secret: string, body: string | Buffer, header: string | undefined | null): boolean {
  if (!header) return false;
  const want = Buffer.from(sign(secret, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}

export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export interface BackoffSettings { backoffMs: number; backoffMaxMs: number; retryForMs: number }

/** Delay before attempt n+1 after n failed attempts: base·2^(n−1), capped, with up to 10 % jitter. */
export function retryDelay(failedAttempts: number, s: BackoffSettings, random = Math.random): number {
  const exp = s.backoffMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 30);
  const capped = Math.min(exp, s.backoffMaxMs);
  return Math.round(capped * (1 + 0.1 * random()));
}

/**
 * After a failed attempt: retry later, or dead when the next attempt would fall outside the retry
 * window that started when the change was queued (every delivery gets at least one attempt).
 */
export function afterFailure(a: { attempts: number; queuedAt: Date; now: Date }, s: BackoffSettings, random = Math.random): { status: 'failed' | 'dead'; nextAt: Date } {
  const nextAt = new Date(a.now.getTime() + retryDelay(a.attempts, s, random));
  const closes = a.queuedAt.getTime() + s.retryForMs;
  return nextAt.getTime() > closes ? { status: 'dead', nextAt: a.now } : { status: 'failed', nextAt };
}

/** A 2xx answer acknowledges; anything else (redirects included) is a failure to retry. */
export function acknowledged(status: number): boolean {
  return status >= 200 && status < 300;
}
