// Webhook subscriptions (DESIGN §5 Webhooks): a department's receiver of the changes it may see,
// filtered by events and list types. The secret is shown once and kept encrypted (it must be used to
// sign every delivery). A department sees and manages only its own subscriptions (404 otherwise);
// the credit office's admins act across departments.
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { DeliveryStatus } from '../../db/schema.js';
import { encryptText } from '../../domain/protect.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, isPlatformAdmin, type Principal } from '../auth/principal.js';
import { isKnownEvent, newSecret } from './policy.js';
import * as store from './store.js';

export interface SubscriptionInput { url: string; events: string[]; listTypes?: string[] }

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
const ownerOf = (p: Principal) => (isPlatformAdmin(p) ? null : p.departmentId);

function checkUrl(raw: string): string {
  let url: URL;
  try { url = new URL(raw); } catch { throw errors.validation([{ path: 'body.url', message: '应为完整的 http(s):// 地址' }]); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw errors.validation([{ path: 'body.url', message: '只支持 http:// 或 https:// 地址' }]);
  if (url.username || url.password) throw errors.validation([{ path: 'body.url', message: '地址中不能包含用户名或密码，接收方请用签名（X-Xinyong-Signature）验证来源' }]);
  return url.toString();
}

async function checkFilters(db: Db, input: SubscriptionInput) {
  const errs = input.events.filter((e) => !isKnownEvent(e)).map((e) => ({ path: 'body.events', message: `不认识的事件 ${e}（可用 entry.published 等，或 entry.*、record.*、task.*、*）` }));
  if (input.listTypes?.length) {
    const known = new Set((await db.selectFrom('list_type').select('code').where('code', 'in', input.listTypes).execute()).map((r) => r.code));
    errs.push(...input.listTypes.filter((c) => !known.has(c)).map((c) => ({ path: 'body.listTypes', message: `名单类型 ${c} 不存在` })));
  }
  if (errs.length) throw errors.validation(errs);
}

function present(r: store.SubscriptionRow, counts: { subscription_id: string; status: string; n: string }[]) {
  const count = (s: DeliveryStatus) => Number(counts.find((c) => c.subscription_id === r.id && c.status === s)?.n ?? 0);
  return {
    id: r.id, url: r.url, events: r.events, listTypes: r.list_types, secretPrefix: r.secret_prefix, department: r.department_code,
    queuedThrough: Number(r.cursor), pausedUntil: r.paused_until?.toISOString() ?? null, failingSince: r.failing_since?.toISOString() ?? null,
    deliveries: { pending: count('pending'), failed: count('failed'), delivered: count('delivered'), dead: count('dead') },
    createdAt: r.created_at.toISOString(),
  };
}

export async function createSubscription(opts: { ctx: AppContext; principal: Principal; input: SubscriptionInput }) {
  const { ctx, principal, input } = opts;
  const url = checkUrl(input.url);
  const events = [...new Set(input.events)];
  await checkFilters(ctx.db, { ...input, events });
  const secret = newSecret();
  const sealed = encryptText(ctx.config.encryptionKeys, secret);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const row = await store.insertSubscription(tx, {
      departmentId: principal.departmentId, url, events, listTypes: input.listTypes?.length ? [...new Set(input.listTypes)] : null,
      cipher: sealed.cipher, keyVersion: sealed.keyVersion, prefix: secret.slice(0, 12), createdByType: principal.type, createdBy: principal.id,
    });
    await recordAudit(tx, { actor: actorOf(principal), action: 'subscription.created', entityType: 'subscription', entityId: row.id, data: { url, events, listTypes: input.listTypes ?? null } });
    return row.id;
  });
  const row = (await store.findSubscription(ctx.db, id, null))!;
  return { ...present(row, []), secret };
}

export async function listSubscriptions(opts: { db: Db; principal: Principal }) {
  const rows = await store.listSubscriptions(opts.db, ownerOf(opts.principal));
  const counts = await store.deliveryCounts(opts.db, rows.map((r) => r.id));
  return rows.map((r) => present(r, counts));
}

async function ownSubscription(db: Db, principal: Principal, id: string) {
  const row = isId(id) ? await store.findSubscription(db, id, ownerOf(principal)) : undefined;
  if (!row) throw errors.notFound('该订阅');
  return row;
}

export async function getSubscription(opts: { db: Db; principal: Principal; id: string }) {
  const row = await ownSubscription(opts.db, opts.principal, opts.id);
  return present(row, await store.deliveryCounts(opts.db, [row.id]));
}

export async function deleteSubscription(opts: { db: Db; principal: Principal; id: string }): Promise<void> {
  const { db, principal } = opts;
  if (!isId(opts.id)) throw errors.notFound('该订阅');
  await db.transaction().execute(async (tx) => {
    const row = await store.deleteSubscription(tx, opts.id, ownerOf(principal));
    if (!row) throw errors.notFound('该订阅');
    await recordAudit(tx, { actor: actorOf(principal), action: 'subscription.deleted', entityType: 'subscription', entityId: row.id, departmentId: row.department_id, data: { url: row.url } });
  });
}

function presentDelivery(d: store.DeliveryRow) {
  const open = d.status === 'pending' || d.status === 'failed';
  return {
    id: d.id, subscriptionId: d.subscription_id, seq: Number(d.seq), event: d.event, status: d.status, attempts: d.attempts,
    nextAttemptAt: open ? d.next_at.toISOString() : null, lastAttemptAt: d.last_attempt_at?.toISOString() ?? null,
    lastStatus: d.last_status, lastError: d.last_error, deliveredAt: d.delivered_at?.toISOString() ?? null, deadAt: d.dead_at?.toISOString() ?? null,
    replayedAt: d.replayed_at?.toISOString() ?? null, queuedAt: d.queued_at.toISOString(), createdAt: d.created_at.toISOString(),
  };
}

export async function listDeliveries(opts: { db: Db; principal: Principal; id: string; status?: DeliveryStatus; limit?: number; offset?: number }) {
  const sub = await ownSubscription(opts.db, opts.principal, opts.id);
  const rows = await store.listDeliveries(opts.db, { subscriptionId: sub.id, status: opts.status, limit: opts.limit ?? 100, offset: opts.offset ?? 0 });
  return { items: rows.map(presentDelivery), counts: present(sub, await store.deliveryCounts(opts.db, [sub.id])).deliveries };
}

/** An admin sends a delivery again (dead, failed, or even delivered), with the same delivery id. */
export async function replayDelivery(opts: { db: Db; principal: Principal; id: string }) {
  const { db, principal } = opts;
  if (principal.role !== 'admin') throw errors.forbidden('只有管理员可以重新投递。');
  const d = isId(opts.id) ? await store.findDelivery(db, opts.id, ownerOf(principal)) : undefined;
  if (!d) throw errors.notFound('该投递记录');
  await db.transaction().execute(async (tx) => {
    await store.requeueDelivery(tx, d.id, d.subscription_id);
    await recordAudit(tx, { actor: actorOf(principal), action: 'delivery.replayed', entityType: 'delivery', entityId: d.id, departmentId: d.department_id, data: { seq: Number(d.seq), from: d.status } });
  });
  return presentDelivery((await store.findDelivery(db, d.id, null))!);
}
