import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { readChanges } from './feed.js';
import { readSnapshot } from './snapshot.js';

export async function changeRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/changes', {
    schema: {
      tags: ['信息推送'], summary: '变更流（按 seq 递增，无遗漏；早于保留期限的位置返回 410 FEED_CURSOR_EXPIRED）',
      querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { after?: number; limit?: number };
    return readChanges({ db: ctx.db, principal: requirePrincipal(request), after: q.after ?? 0, limit: q.limit ?? 100 });
  });

  app.get('/changes/snapshot', {
    schema: {
      tags: ['信息推送'], summary: '快照：本部门可见的在列名单记录及续读位置 seq（从第一页的 seq 继续读取 /changes）',
      querystring: Type.Object({
        listType: Type.Optional(Type.String({ maxLength: 64 })), cursor: Type.Optional(Type.String({ maxLength: 36 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { listType?: string; cursor?: string; limit?: number };
    return readSnapshot({ db: ctx.db, principal: requirePrincipal(request), ...q });
  });
}
