// Gives committed changes their feed position. A plain sequence is not enough on PostgreSQL: a
// transaction can take seq 5, commit after another took 6, and a reader that already moved past 6
// would never see 5. Here writers leave seq empty; one sequencer at a time (advisory lock) gives
// positions, after max(seq), to the rows its snapshot sees — committed rows only, in (txid, id)
// order. A row that commits later is not in that snapshot and gets a higher seq in a later pass, so
// positions become visible in increasing order: dense, never reordered, and a late commit simply
// gets a later seq. Rolled-back rows never become visible and never take a position. See ADR 003.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

const SEQUENCER_LOCK = 7_402_112_003;

export async function sequenceChanges(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK})`.execute(tx);
    const result = await sql`
      WITH base AS (SELECT coalesce(max(seq), 0) AS top FROM change),
      pending AS (
        SELECT id, row_number() OVER (ORDER BY txid, id) AS rn
        FROM change
        WHERE seq IS NULL
      )
      UPDATE change c SET seq = base.top + pending.rn
      FROM pending, base WHERE c.id = pending.id`.execute(tx);
    return Number(result.numAffectedRows ?? 0);
  });
}
