// Gives committed audit rows their place in the chain: the rows this pass's snapshot sees (committed
// ones only), in (txid, id) order, after the last sealed row; a row that commits late is sealed in a
// later pass (ADR 003). One sealer at a time (advisory lock); the worker runs it every second and
// `audit verify` runs it before it reads.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { chainHash, GENESIS_HASH } from '../../domain/audit-chain.js';

const SEAL_LOCK = 7_402_112_002;
const BATCH = 2000;

export async function sealAudit(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`.execute(tx);
      const last = await tx.selectFrom('audit_event').select(['seq', 'hash'])
        .where('seq', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const { rows } = await sql<{ id: string; at: Date; actor_type: string; actor_id: string | null;
        department_id: string | null; action: string; entity_type: string; entity_id: string | null; data: unknown }>`
        SELECT id, at, actor_type, actor_id, department_id, action, entity_type, entity_id, data
        FROM audit_event
        WHERE seq IS NULL
        ORDER BY txid, id LIMIT ${BATCH}`.execute(tx);
      let seq = BigInt(last?.seq ?? 0);
      let prev = last?.hash ?? GENESIS_HASH;
      for (const r of rows) {
        seq += 1n;
        const hash = chainHash(prev, {
          seq: seq.toString(), at: r.at, actorType: r.actor_type, actorId: r.actor_id, departmentId: r.department_id,
          action: r.action, entityType: r.entity_type, entityId: r.entity_id, data: r.data,
        });
        await tx.updateTable('audit_event').set({ seq: seq.toString(), prev_hash: prev, hash }).where('id', '=', r.id).execute();
        prev = hash;
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
