import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { readChanges } from './feed.js';

export async function changeRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/changes', {
    schema: {
      tags: ['信息推送'], summary: '变更流（按 seq 递增，无遗漏）',
      querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { after?: number; limit?: number };
    return readChanges({ db: ctx.db, principal: requirePrincipal(request), after: q.after ?? 0, limit: q.limit ?? 100 });
  });
}
