import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { errors } from '../../errors.js';
import { requirePrincipal } from '../../http/auth.js';
import { isPlatformAdmin } from '../auth/principal.js';
import { listAuditEvents } from './list.js';
import { verifyAudit } from './verify.js';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/audit', {
    schema: {
      tags: ['审计'], summary: '审计日志（管理员；信用办管理员可看全部部门）',
      querystring: Type.Object({
        action: Type.Optional(Type.String({ maxLength: 64 })), entityType: Type.Optional(Type.String({ maxLength: 64 })),
        entityId: Type.Optional(Type.String({ maxLength: 64 })), before: Type.Optional(Type.Integer({ minimum: 1 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => listAuditEvents({ db: ctx.db, principal: requirePrincipal(request), filter: request.query as never }));

  app.get('/audit/verify', { schema: { tags: ['审计'], summary: '校验审计哈希链（信用办管理员）' } }, async (request) => {
    if (!isPlatformAdmin(requirePrincipal(request))) throw errors.forbidden('只有信用办管理员可以校验审计链。');
    return verifyAudit(ctx.db);
  });
}
