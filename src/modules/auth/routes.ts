// Login, logout, me, password; API keys and users of a department.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { createApiKey, listApiKeys, revokeApiKey } from './keys.js';
import { authenticateSession, changePassword, createUser, listUsers, login, logout, SESSION_COOKIE } from './users.js';
import type { Principal } from './principal.js';

const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' });

function presentMe(p: Principal) {
  return {
    id: p.id, type: p.type, username: p.username ?? null, displayName: p.displayName ?? null, role: p.role,
    department: { code: p.departmentCode, name: p.departmentName, roles: p.departmentRoles, platform: p.platform },
  };
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/auth/login', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['认证'], summary: '控制台登录', body: Type.Object({ username: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 200 }) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const { username, password } = request.body as { username: string; password: string };
    const { token, expiresAt } = await login({ db: ctx.db, sessionHours: ctx.config.sessionHours, username, password });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.config.production, expires: expiresAt });
    return { user: presentMe((await authenticateSession(ctx.db, token))!) };
  });

  app.post('/auth/logout', { schema: { tags: ['认证'], summary: '退出登录' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout({ db: ctx.db, token });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { tags: ['认证'], summary: '当前用户或密钥' } }, async (request) => ({ user: presentMe(requirePrincipal(request)) }));

  app.post('/auth/password', {
    schema: { tags: ['认证'], summary: '修改密码', body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const body = request.body as { currentPassword: string; newPassword: string };
    await changePassword({ db: ctx.db, principal: requirePrincipal(request), token: request.cookies[SESSION_COOKIE] ?? null, ...body });
    return reply.status(204).send();
  });

  app.post('/keys', {
    schema: {
      tags: ['密钥'], summary: '创建 API 密钥（仅显示一次）',
      body: Type.Object({ department: Type.Optional(Type.String({ maxLength: 18 })), role: Type.Union([Type.Literal('admin'), Type.Literal('officer'), Type.Literal('system')]), name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const body = request.body as { department?: string; role: 'admin' | 'officer' | 'system'; name?: string };
    const key = await createApiKey({ db: ctx.db, principal: requirePrincipal(request), departmentCode: body.department, role: body.role, name: body.name });
    return reply.status(201).send(key);
  });

  app.get('/keys', { schema: { tags: ['密钥'], summary: '本部门的 API 密钥' } }, async (request) => ({ items: await listApiKeys({ db: ctx.db, principal: requirePrincipal(request) }) }));

  app.delete('/keys/:id', { schema: { tags: ['密钥'], summary: '吊销 API 密钥', params: Type.Object({ id: Type.String() }) } }, async (request, reply) => {
    await revokeApiKey({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id });
    return reply.status(204).send();
  });

  app.post('/users', {
    schema: {
      tags: ['用户'], summary: '创建控制台用户',
      body: Type.Object({ department: Type.Optional(Type.String({ maxLength: 18 })), username: Username, displayName: Type.String({ minLength: 1, maxLength: 50 }), role: Type.Union([Type.Literal('admin'), Type.Literal('officer')]), password: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const input = request.body as { department?: string; username: string; displayName: string; role: 'admin' | 'officer'; password: string };
    return reply.status(201).send(await createUser({ db: ctx.db, principal: requirePrincipal(request), input }));
  });

  app.get('/users', { schema: { tags: ['用户'], summary: '本部门用户' } }, async (request) => ({ items: await listUsers({ db: ctx.db, principal: requirePrincipal(request) }) }));
}
