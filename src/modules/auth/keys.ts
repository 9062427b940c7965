// API keys for business systems and scripts: random, shown once, stored as a SHA-256 digest.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { resolveDepartment } from '../departments/use-cases.js';
import { actorOf, isPlatformAdmin, SYSTEM_ACTOR, type Principal, type Role } from './principal.js';
import * as store from './store.js';

export const KEY_ROLES: Role[] = ['admin', 'officer', 'system'];

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newKey(): { key: string; prefix: string } {
  const body = randomBytes(24).toString('base64url');
  return { key: `xy_${body}`, prefix: `xy_${body.slice(0, 6)}` };
}

/**
 * `principal` null means the command line on the platform's own machine (trusted like root).
 * A department admin creates keys for its own department; the credit office's admins for any.
 */
export async function createApiKey(opts: {
  db: Db; principal: Principal | null; departmentCode?: string; role: Role; name?: string | null;
}): Promise<{ id: string; key: string; role: Role; department: string; name: string | null; createdAt: string }> {
  const { db, principal, role } = opts;
  if (!KEY_ROLES.includes(role)) throw errors.validation([{ path: 'body.role', message: '角色应为 admin、officer 或 system' }]);
  const department = await resolveDepartment(db, opts.departmentCode ?? principal?.departmentCode);
  if (principal) {
    if (principal.role !== 'admin') throw errors.forbidden('只有管理员可以创建 API 密钥。');
    if (!isPlatformAdmin(principal) && department.id !== principal.departmentId) {
      throw errors.forbidden('只能为本部门创建 API 密钥。');
    }
  }
  const { key, prefix } = newKey();
  return db.transaction().execute(async (tx) => {
    const row = await store.insertApiKey(tx, { departmentId: department.id, role, name: opts.name ?? null, prefix, keyHash: hashSecret(key) });
    await recordAudit(tx, {
      actor: principal ? actorOf(principal) : SYSTEM_ACTOR, action: 'api_key.created', entityType: 'api_key', entityId: row.id,
      departmentId: department.id, data: { role, prefix, name: opts.name ?? null, via: principal ? 'api' : 'cli' },
    });
    return { id: row.id, key, role, department: department.code, name: opts.name ?? null, createdAt: row.created_at.toISOString() };
  });
}

export async function listApiKeys(opts: { db: Db; principal: Principal }) {
  const { principal } = opts;
  if (principal.role !== 'admin') throw errors.forbidden('只有管理员可以查看 API 密钥。');
  const rows = await store.listApiKeys(opts.db, isPlatformAdmin(principal) ? null : principal.departmentId);
  return rows.map((r) => ({
    id: r.id, role: r.role, name: r.name, prefix: r.prefix, department: r.department_code,
    createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null, revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

export async function revokeApiKey(opts: { db: Db; principal: Principal; id: string }): Promise<void> {
  const { principal } = opts;
  if (principal.role !== 'admin') throw errors.forbidden('只有管理员可以吊销 API 密钥。');
  if (!/^[0-9a-f-]{36}$/.test(opts.id)) throw errors.notFound('该 API 密钥');
  await opts.db.transaction().execute(async (tx) => {
    const row = await store.revokeApiKey(tx, opts.id, isPlatformAdmin(principal) ? null : principal.departmentId);
    if (!row) throw errors.notFound('该 API 密钥');
    forgetKey(row.id);
    await recordAudit(tx, { actor: actorOf(principal), action: 'api_key.revoked', entityType: 'api_key', entityId: row.id, departmentId: row.department_id });
  });
}

// Business systems send a key with every check: looking it up each time would cost a database
// round trip per request. Keys are cached briefly; a revocation in this process takes effect at
// once, in other processes within KEY_CACHE_MS (documented in docs/architecture.md).
const KEY_CACHE_MS = Number(process.env.XINYONG_KEY_CACHE_MS ?? 5000);
const keyCache = new Map<string, { principal: Principal | null; until: number }>();

export async function authenticateKey(db: Db, key: string): Promise<Principal | null> {
  if (!key.startsWith('xy_') || key.length > 100) return null;
  // keyed by the key as sent, so a hit costs no hash (the key is in this process's memory anyway)
  const hit = keyCache.get(key);
  if (hit && hit.until > Date.now()) return hit.principal;
  const principal = await store.findPrincipalByKeyHash(db, hashSecret(key));
  if (keyCache.size > 10_000) keyCache.clear();
  // unknown keys are not cached: a key created a moment ago in another process must work at once
  if (principal) keyCache.set(key, { principal, until: Date.now() + KEY_CACHE_MS });
  return principal;
}

function forgetKey(id: string): void {
  for (const [key, v] of keyCache) if (v.principal?.id === id) keyCache.delete(key);
}
