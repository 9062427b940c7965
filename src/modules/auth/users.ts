// Console users: argon2id password hashes, session login, password change.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { resolveDepartment } from '../departments/use-cases.js';
import { hashSecret } from './keys.js';
import { actorOf, isPlatformAdmin, SYSTEM_ACTOR, type Principal } from './principal.js';
import * as store from './store.js';

export const SESSION_COOKIE = 'xy_session';

export function checkPasswordStrength(password: string): string | null {
  if (password.length < 10) return '密码至少 10 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}

export async function createUser(opts: {
  db: Db; principal: Principal | null;
  input: { department?: string; username: string; displayName: string; role: 'admin' | 'officer'; password: string };
}) {
  const { db, principal, input } = opts;
  const department = await resolveDepartment(db, input.department ?? principal?.departmentCode);
  if (principal && (principal.role !== 'admin' || (!isPlatformAdmin(principal) && principal.departmentId !== department.id))) {
    throw errors.forbidden('只有管理员可以为本部门创建用户。');
  }
  const weak = checkPasswordStrength(input.password);
  if (weak) throw errors.validation([{ path: 'body.password', message: weak }]);
  const passwordHash = await hash(input.password);
  return db.transaction().execute(async (tx) => {
    const row = await store.insertUser(tx, { departmentId: department.id, username: input.username, displayName: input.displayName, role: input.role, passwordHash });
    if (!row) throw errors.conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用。`);
    await recordAudit(tx, {
      actor: principal ? actorOf(principal) : SYSTEM_ACTOR, action: 'user.created', entityType: 'user', entityId: row.id,
      departmentId: department.id, data: { username: input.username, role: input.role },
    });
    return { id: row.id, username: input.username, displayName: input.displayName, role: input.role, department: department.code };
  });
}

export async function listUsers(opts: { db: Db; principal: Principal }) {
  const { principal } = opts;
  if (principal.role !== 'admin') throw errors.forbidden('只有管理员可以查看用户。');
  const rows = await store.listUsers(opts.db, isPlatformAdmin(principal) ? null : principal.departmentId);
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, role: r.role, disabled: r.disabled,
    department: { code: r.department_code, name: r.department_name }, createdAt: r.created_at.toISOString(),
  }));
}

const BAD_LOGIN = () => new AppError('LOGIN_FAILED', 401, '用户名或密码错误。');

export async function login(opts: { db: Db; sessionHours: number; username: string; password: string }): Promise<{ token: string; expiresAt: Date }> {
  const user = await store.findUserByUsername(opts.db, opts.username);
  // verify against a real hash even for unknown users, so timing does not reveal usernames
  const ok = await verify(user?.password_hash ?? DUMMY_HASH, opts.password).catch(() => false);
  if (!user || !ok) throw BAD_LOGIN();
  if (user.disabled) throw new AppError('USER_DISABLED', 403, '该账号已停用，请联系本部门管理员。');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + opts.sessionHours * 3600_000);
  await opts.db.transaction().execute(async (tx) => {
    await store.insertSession(tx, hashSecret(token), user.id, expiresAt);
    await recordAudit(tx, { actor: { type: 'user', id: user.id, departmentId: user.department_id }, action: 'user.logged_in', entityType: 'user', entityId: user.id });
  });
  return { token, expiresAt };
}

export async function logout(opts: { db: Db; token: string }): Promise<void> {
  await opts.db.transaction().execute(async (tx) => {
    const row = await store.deleteSession(tx, hashSecret(opts.token));
    if (row) await recordAudit(tx, { actor: { type: 'user', id: row.user_id, departmentId: null }, action: 'user.logged_out', entityType: 'user', entityId: row.user_id });
  });
}

export async function changePassword(opts: { db: Db; principal: Principal; token: string | null; currentPassword: string; newPassword: string }): Promise<void> {
  const { db, principal } = opts;
  if (principal.type !== 'user') throw errors.forbidden('API 密钥没有密码可修改。');
  const user = await store.findUserById(db, principal.id);
  if (!user || !(await verify(user.password_hash, opts.currentPassword).catch(() => false))) {
    throw new AppError('PASSWORD_MISMATCH', 400, '当前密码不正确。', [{ path: 'body.currentPassword', message: '当前密码不正确' }]);
  }
  const weak = checkPasswordStrength(opts.newPassword);
  if (weak) throw errors.validation([{ path: 'body.newPassword', message: weak }]);
  const passwordHash = await hash(opts.newPassword);
  await db.transaction().execute(async (tx) => {
    await store.setPassword(tx, user.id, passwordHash);
    // other sessions of this user end: a stolen session does not survive a password change
    await store.deleteSessionsOfUser(tx, user.id, opts.token ? hashSecret(opts.token) : undefined);
    await recordAudit(tx, { actor: actorOf(principal), action: 'user.password_changed', entityType: 'user', entityId: user.id });
  });
}

export async function authenticateSession(db: Db, token: string): Promise<Principal | null> {
  if (token.length > 100) return null;
  return store.findPrincipalBySession(db, hashSecret(token));
}

const DUMMY_HASH = await hash('not-a-real-password-just-timing');
