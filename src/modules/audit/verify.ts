// Walks the sealed chain from the start and reports the first broken link.
import type { Db } from '../../db/database.js';
import { findBrokenLink, GENESIS_HASH, type BrokenLink } from '../../domain/audit-chain.js';
import { sealAudit } from './seal.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  broken: BrokenLink | null;
}

const PAGE = 5000;

export async function verifyAudit(db: Db): Promise<VerifyResult> {
  await sealAudit(db);
  let prev = { seq: 0n, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_event')
      .select(['seq', 'at', 'actor_type', 'actor_id', 'department_id', 'action', 'entity_type', 'entity_id', 'data', 'prev_hash', 'hash'])
      .where('seq', 'is not', null).where('seq', '>', prev.seq.toString())
      .orderBy('seq').limit(PAGE).execute();
    const links = rows.map((r) => ({
      seq: r.seq!, at: r.at, actorType: r.actor_type, actorId: r.actor_id, departmentId: r.department_id,
      action: r.action, entityType: r.entity_type, entityId: r.entity_id, data: r.data, prevHash: r.prev_hash, hash: r.hash,
    }));
    const broken = findBrokenLink(links, prev);
    if (broken) return { ok: false, checked: checked + links.findIndex((l) => l.seq === broken.seq), broken };
    checked += links.length;
    if (links.length < PAGE) return { ok: true, checked, broken: null };
    const lastLink = links[links.length - 1];
    prev = { seq: BigInt(lastLink.seq), hash: lastLink.hash! };
  }
}
