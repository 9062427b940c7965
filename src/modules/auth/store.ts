// SQL for keys, users and sessions. Lookups by hash only: secrets are never stored.
import type { Db, Tx } from '../../db/database.js';
import type { Principal, Role } from './principal.js';

const principalColumns = ['department.id as department_id', 'department.code as department_code',
  'department.name as department_name', 'department.roles as department_roles', 'department.is_platform'] as const;

export async function findPrincipalByKeyHash(db: Db, keyHash: string): Promise<Principal | null> {
  const row = await db.selectFrom('api_key').innerJoin('department', 'department.id', 'api_key.department_id')
    .select(['api_key.id', 'api_key.role', 'api_key.name', ...principalColumns])
    .where('api_key.key_hash', '=', keyHash).where('api_key.revoked_at', 'is', null).executeTakeFirst();
  if (!row) return null;
  return {
    type: 'key', id: row.id, role: row.role, departmentId: row.department_id, departmentCode: row.department_code,
    departmentName: row.department_name, departmentRoles: row.department_roles, platform: row.is_platform,
    viaSession: false, displayName: row.name ?? undefined,
  };
}

export async function findPrincipalBySession(db: Db, tokenHash: string): Promise<Principal | null> {
  const row = await db.selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .innerJoin('department', 'department.id', 'app_user.department_id')
    .select(['app_user.id', 'app_user.role', 'app_user.username', 'app_user.display_name', ...principalColumns])
    .where('user_session.token_hash', '=', tokenHash).where('user_session.expires_at', '>', new Date())
    .where('app_user.disabled', '=', false).executeTakeFirst();
  if (!row) return null;
  return {
    type: 'user', id: row.id, role: row.role, departmentId: row.department_id, departmentCode: row.department_code,
    departmentName: row.department_name, departmentRoles: row.department_roles, platform: row.is_platform,
    viaSession: true, username: row.username, displayName: row.display_name,
  };
}

export async function insertApiKey(tx: Tx, k: { departmentId: string; role: Role; name: string | null; prefix: string; keyHash: string }) {
  return tx.insertInto('api_key').values({
    department_id: k.departmentId, role: k.role, name: k.name, prefix: k.prefix, key_hash: k.keyHash,
  }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

/** Keys of one department, or of all when `departmentId` is null (the credit office's admins). */
export async function listApiKeys(db: Db, departmentId: string | null) {
  let q = db.selectFrom('api_key').innerJoin('department', 'department.id', 'api_key.department_id')
    .select(['api_key.id', 'api_key.role', 'api_key.name', 'api_key.prefix', 'api_key.created_at',
      'api_key.last_used_at', 'api_key.revoked_at', 'department.code as department_code'])
    .orderBy('api_key.created_at', 'desc');
  if (departmentId) q = q.where('api_key.department_id', '=', departmentId);
  return q.execute();
}

export async function revokeApiKey(tx: Tx, id: string, departmentId: string | null) {
  let q = tx.updateTable('api_key').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.returning(['id', 'department_id']).executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db | Tx, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(tx: Tx, u: { departmentId: string; username: string; displayName: string; role: 'admin' | 'officer'; passwordHash: string }) {
  return tx.insertInto('app_user').values({
    department_id: u.departmentId, username: u.username, display_name: u.displayName, role: u.role, password_hash: u.passwordHash,
  }).onConflict((oc) => oc.column('username').doNothing()).returning(['id', 'created_at']).executeTakeFirst();
}

export async function listUsers(db: Db, departmentId: string | null) {
  let q = db.selectFrom('app_user').innerJoin('department', 'department.id', 'app_user.department_id')
    .select(['app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.role', 'app_user.disabled',
      'app_user.created_at', 'department.code as department_code', 'department.name as department_name'])
    .orderBy('app_user.username');
  if (departmentId) q = q.where('app_user.department_id', '=', departmentId);
  return q.execute();
}

export async function setPassword(tx: Tx, userId: string, passwordHash: string) {
  await tx.updateTable('app_user').set({ password_hash: passwordHash, password_changed_at: new Date() }).where('id', '=', userId).execute();
}

export async function insertSession(tx: Tx, tokenHash: string, userId: string, expiresAt: Date) {
  await tx.insertInto('user_session').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(tx: Tx, tokenHash: string) {
  return tx.deleteFrom('user_session').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
}

export async function deleteSessionsOfUser(tx: Tx, userId: string, exceptTokenHash?: string) {
  let q = tx.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
  await q.execute();
}
