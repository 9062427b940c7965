// SQL for webhook subscriptions and their delivery queues. Scope is explicit: callers pass the
// department that owns what they read (null = the credit office, which sees all).
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { DeliveryStatus } from '../../db/schema.js';

type Q = Db | Tx;

const subscriptionColumns = ['s.id', 's.department_id', 's.url', 's.events', 's.list_types', 's.secret_prefix', 's.cursor', 's.paused_until',
  's.failing_since', 's.created_at', 'd.code as department_code'] as const;

export async function insertSubscription(tx: Tx, s: { departmentId: string; url: string; events: string[]; listTypes: string[] | null; cipher: Buffer; keyVersion: number; prefix: string; createdByType: string; createdBy: string | null }) {
  // New subscriptions start at the current end of the feed: they receive what happens from now on.
  return tx.insertInto('subscription').values({
    department_id: s.departmentId, url: s.url, events: s.events, list_types: s.listTypes, secret_cipher: s.cipher, secret_key_version: s.keyVersion,
    secret_prefix: s.prefix, created_by_type: s.createdByType, created_by: s.createdBy,
    cursor: sql<string>`(SELECT coalesce(max(seq), 0) FROM change)`,
  }).returning(['id']).executeTakeFirstOrThrow();
}

export async function findSubscription(q: Q, id: string, owner: string | null) {
  let query = q.selectFrom('subscription as s').innerJoin('department as d', 'd.id', 's.department_id').select(subscriptionColumns)
    .where('s.id', '=', id).where('s.deleted_at', 'is', null);
  if (owner) query = query.where('s.department_id', '=', owner);
  return query.executeTakeFirst();
}

export type SubscriptionRow = NonNullable<Awaited<ReturnType<typeof findSubscription>>>;

export async function listSubscriptions(q: Q, owner: string | null) {
  let query = q.selectFrom('subscription as s').innerJoin('department as d', 'd.id', 's.department_id').select(subscriptionColumns)
    .where('s.deleted_at', 'is', null).orderBy('s.created_at');
  if (owner) query = query.where('s.department_id', '=', owner);
  return query.execute();
}

/** Ends a subscription; what it still had to deliver is closed as dead (kept for the record, then swept). */
export async function deleteSubscription(tx: Tx, id: string, owner: string | null) {
  let query = tx.updateTable('subscription').set({ deleted_at: new Date() }).where('id', '=', id).where('deleted_at', 'is', null);
  if (owner) query = query.where('department_id', '=', owner);
  const row = await query.returning(['id', 'department_id', 'url']).executeTakeFirst();
  if (row) {
    await tx.updateTable('delivery').set({ status: 'dead', dead_at: new Date(), lease_until: null, last_error: '订阅已取消' })
      .where('subscription_id', '=', row.id).where('status', 'in', ['pending', 'failed']).execute();
  }
  return row;
}

/** Open deliveries per status, for the console's counters. */
export async function deliveryCounts(q: Q, subscriptionIds: string[]) {
  if (!subscriptionIds.length) return [];
  return q.selectFrom('delivery').select(['subscription_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('subscription_id', 'in', subscriptionIds).groupBy(['subscription_id', 'status']).execute();
}

// ---- fan-out ----

/** Subscriptions whose cursor is behind the end of the feed (the others have nothing to queue). */
export async function subscriptionsBehind(q: Q): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM subscription WHERE deleted_at IS NULL AND cursor < (SELECT coalesce(max(seq), 0) FROM change) ORDER BY cursor`.execute(q);
  return rows.map((r) => r.id);
}

/** Locks one subscription for fan-out; another worker fanning it out already makes this return nothing. */
export async function lockForFanOut(tx: Tx, id: string) {
  return tx.selectFrom('subscription as s').innerJoin('department as d', 'd.id', 's.department_id')
    .select(['s.id', 's.department_id', 's.cursor', 's.events', 's.list_types', 'd.is_platform'])
    .where('s.id', '=', id).where('s.deleted_at', 'is', null).forUpdate('s').skipLocked().executeTakeFirst();
}

export interface FanOutRow { seq: string; type: string; at: Date; data: Record<string, unknown>; subject_key: string; visible: boolean }

/** The next changes after the cursor, each with whether the department may see it and its subject. */
export async function changesAfter(tx: Tx, a: { cursor: string; limit: number; departmentId: string; platform: boolean }): Promise<FanOutRow[]> {
  const { rows } = await sql<FanOutRow>`
    SELECT w.seq, w.type, w.at, w.data,
      -- task.created names only its entry: its subject is the entry's, so it queues behind the listing
      coalesce(w.subject_id::text, e.subject_id::text, 'seq:' || w.seq) AS subject_key,
      (${a.platform}::boolean OR w.is_public OR ${a.departmentId}::uuid = ANY (w.departments)) AS visible
    FROM (SELECT seq, type, at, data, subject_id, is_public, departments FROM change WHERE seq > ${a.cursor}::bigint ORDER BY seq LIMIT ${a.limit}) w
    LEFT JOIN list_entry e ON w.subject_id IS NULL
      AND e.id = CASE WHEN w.data->>'entryId' ~ '^[0-9a-fA-F-]{36}$' THEN (w.data->>'entryId')::uuid END
    ORDER BY w.seq`.execute(tx);
  return rows;
}

export async function insertDeliveries(tx: Tx, rows: { subscription_id: string; seq: string; event: string; subject_key: string; body: string }[]) {
  if (rows.length) await tx.insertInto('delivery').values(rows).onConflict((oc) => oc.columns(['subscription_id', 'seq']).doNothing()).execute();
}

export async function advanceCursor(tx: Tx, id: string, cursor: string) {
  await tx.updateTable('subscription').set({ cursor }).where('id', '=', id).execute();
}

// ---- dispatch ----

/**
 * Delivery bookkeeping (claims, results) commits without waiting for the WAL flush: each statement
 * turns synchronous_commit off for its own implicit transaction. If the database crashes right after,
 * a lost update only means a row is sent again (same delivery id): at least once still holds, and a
 * disk flush per delivery is saved. Fan-out — what must be delivered — stays synchronous.
 */
const ASYNC_COMMIT = sql`SELECT set_config('synchronous_commit', 'off', true) AS off`;

export interface ClaimedDelivery {
  id: string; subscription_id: string; seq: string; event: string; body: string; attempts: number; queued_at: Date;
  url: string; secret_cipher: Buffer; secret_key_version: number;
}

/**
 * Claims due deliveries: per subscription, at most `perSubscription` in flight (counting other
 * workers' leases), and only the oldest open delivery of each subject (seq order per subject).
 * FOR UPDATE SKIP LOCKED lets several workers claim at once without taking the same row; the lease
 * keeps a row from being claimed again while its attempt is in flight.
 */
export async function claimDeliveries(db: Db, a: { limit: number; perSubscription: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const { rows } = await sql<ClaimedDelivery>`
    WITH cfg AS (${ASYNC_COMMIT}),
    subs AS (
      SELECT s.id FROM subscription s WHERE s.deleted_at IS NULL AND (s.paused_until IS NULL OR s.paused_until <= now())
    ),
    busy AS (
      SELECT subscription_id, count(*)::int AS n FROM delivery
      WHERE lease_until IS NOT NULL AND lease_until > now() AND subscription_id IN (SELECT id FROM subs) GROUP BY subscription_id
    ),
    pick AS (
      SELECT x.id FROM subs LEFT JOIN busy b ON b.subscription_id = subs.id
      CROSS JOIN LATERAL (
        SELECT d.id FROM delivery d
        WHERE d.subscription_id = subs.id AND d.status IN ('pending', 'failed') AND d.next_at <= now()
          AND (d.lease_until IS NULL OR d.lease_until <= now())
          -- the head of its subject's queue (a scalar probe of delivery_open_subject per row: the planner
          -- cannot turn it into an anti-join that scans the whole queue)
          AND d.seq = (SELECT min(p.seq) FROM delivery p WHERE p.subscription_id = d.subscription_id AND p.subject_key = d.subject_key
                       AND p.status IN ('pending', 'failed'))
        ORDER BY d.seq
        LIMIT greatest(${a.perSubscription}::int - coalesce(b.n, 0), 0)
      ) x
      LIMIT ${a.limit}
    ),
    locked AS (SELECT d.id FROM delivery d WHERE d.id IN (SELECT id FROM pick) FOR UPDATE SKIP LOCKED)
    UPDATE delivery d SET lease_until = now() + make_interval(secs => ${a.leaseMs}::float8 / 1000), attempts = d.attempts + 1, last_attempt_at = now()
    FROM locked, subscription s, cfg
    WHERE d.id = locked.id AND s.id = d.subscription_id AND d.status IN ('pending', 'failed') AND (d.lease_until IS NULL OR d.lease_until <= now())
    RETURNING d.id, d.subscription_id, d.seq, d.event, d.body, d.attempts, d.queued_at, s.url, s.secret_cipher, s.secret_key_version`.execute(db);
  return rows;
}

export async function markDelivered(db: Db, d: { id: string; subscriptionId: string; httpStatus: number }) {
  await sql`
    WITH cfg AS (${ASYNC_COMMIT}),
    done AS (
      UPDATE delivery SET status = 'delivered', delivered_at = now(), lease_until = NULL, last_status = ${d.httpStatus}, last_error = NULL
      FROM cfg WHERE delivery.id = ${d.id} AND delivery.status IN ('pending', 'failed') RETURNING delivery.id
    )
    UPDATE subscription SET paused_until = NULL, failing_since = NULL
    WHERE id = ${d.subscriptionId} AND (paused_until IS NOT NULL OR failing_since IS NOT NULL)`.execute(db);
}

/** A failed attempt: retry at nextAt or dead; the receiver is paused until `pauseUntil` (circuit breaker). */
export async function markFailed(db: Db, d: { id: string; subscriptionId: string; status: 'failed' | 'dead'; nextAt: Date; pauseUntil: Date; httpStatus: number | null; error: string }) {
  await sql`
    WITH cfg AS (${ASYNC_COMMIT}),
    done AS (
      UPDATE delivery SET status = ${d.status}, next_at = ${d.nextAt}, lease_until = NULL, last_status = ${d.httpStatus}, last_error = ${d.error.slice(0, 500)},
        dead_at = CASE WHEN ${d.status} = 'dead' THEN now() END
      FROM cfg WHERE delivery.id = ${d.id} AND delivery.status IN ('pending', 'failed') RETURNING delivery.id
    )
    UPDATE subscription SET paused_until = ${d.pauseUntil}, failing_since = coalesce(failing_since, now()) WHERE id = ${d.subscriptionId}`.execute(db);
}

/** An attempt abandoned by a stopping worker: not counted, due again at once. */
export async function releaseLease(db: Db, id: string) {
  await db.updateTable('delivery').set((eb) => ({ lease_until: null, attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)` }))
    .where('id', '=', id).where('status', 'in', ['pending', 'failed']).execute();
}

// ---- listing and replay ----

const deliveryColumns = ['x.id', 'x.subscription_id', 'x.seq', 'x.event', 'x.status', 'x.attempts', 'x.next_at', 'x.last_attempt_at', 'x.last_status',
  'x.last_error', 'x.delivered_at', 'x.dead_at', 'x.replayed_at', 'x.queued_at', 'x.created_at'] as const;

export async function listDeliveries(q: Q, a: { subscriptionId: string; status?: DeliveryStatus; limit: number; offset: number }) {
  let query = q.selectFrom('delivery as x').select(deliveryColumns).where('x.subscription_id', '=', a.subscriptionId);
  if (a.status) query = query.where('x.status', '=', a.status);
  return query.orderBy('x.seq', 'desc').limit(a.limit).offset(a.offset).execute();
}

export async function findDelivery(q: Q, id: string, owner: string | null) {
  let query = q.selectFrom('delivery as x').innerJoin('subscription as s', 's.id', 'x.subscription_id').select([...deliveryColumns, 's.department_id'])
    .where('x.id', '=', id).where('s.deleted_at', 'is', null);
  if (owner) query = query.where('s.department_id', '=', owner);
  return query.executeTakeFirst();
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

/** Queues a delivery again with a fresh retry window, keeping its id (receivers deduplicate on it). */
export async function requeueDelivery(tx: Tx, id: string, subscriptionId: string) {
  const row = await tx.updateTable('delivery').set({ status: 'pending', next_at: new Date(), lease_until: null, dead_at: null, replayed_at: new Date(), queued_at: new Date() })
    .where('id', '=', id).returning(['id', 'status']).executeTakeFirst();
  await tx.updateTable('subscription').set({ paused_until: null }).where('id', '=', subscriptionId).execute();
  return row;
}

// ---- retention ----

/** The slowest fan-out cursor: the feed sweep never deletes a change a subscription has not queued. */
export async function slowestCursor(q: Q): Promise<number | null> {
  const r = await q.selectFrom('subscription').select((eb) => eb.fn.min<string | null>('cursor').as('c')).where('deleted_at', 'is', null).executeTakeFirst();
  return r?.c == null ? null : Number(r.c);
}

export async function deleteClosedDeliveries(db: Db, before: Date, batch: number): Promise<number> {
  const r = await sql`DELETE FROM delivery WHERE id IN (
    SELECT id FROM delivery WHERE status IN ('delivered', 'dead') AND created_at < ${before} LIMIT ${batch})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
