// The audit hash chain: hash(n) = SM3(hash(n-1) + "\n" + canonical(event n)). Pure: no I/O.
// A changed field, a deleted or reordered row, or a rewritten hash breaks every later link.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  seq: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  departmentId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function chainHash(prevHash: string, e: ChainedEvent): string {
  const body = canonicalJson({
    seq: e.seq, at: e.at.toISOString(), actorType: e.actorType, actorId: e.actorId,
    departmentId: e.departmentId, action: e.action, entityType: e.entityType, entityId: e.entityId, data: e.data,
  });
  return createHash('sm3').update(`${prevHash}\n${body}`).digest('hex');
}

export interface StoredLink extends ChainedEvent {
  prevHash: string | null;
  hash: string | null;
}

export interface BrokenLink {
  seq: string;
  reason: 'gap' | 'prev_hash' | 'hash';
  expected: string;
  actual: string | null;
}

/**
 * Checks one run of links in seq order, continuing from `prev` (the hash before the first link,
 * and the seq before it). Returns the first broken link or null.
 */
export function findBrokenLink(links: StoredLink[], prev: { seq: bigint; hash: string }): BrokenLink | null {
  let { seq, hash } = prev;
  for (const link of links) {
    const expectedSeq = seq + 1n;
    if (BigInt(link.seq) !== expectedSeq) {
      return { seq: expectedSeq.toString(), reason: 'gap', expected: expectedSeq.toString(), actual: link.seq };
    }
    if (link.prevHash !== hash) return { seq: link.seq, reason: 'prev_hash', expected: hash, actual: link.prevHash };
    const computed = chainHash(hash, link);
    if (link.hash !== computed) return { seq: link.seq, reason: 'hash', expected: computed, actual: link.hash };
    seq = expectedSeq;
    hash = computed;
  }
  return null;
}
