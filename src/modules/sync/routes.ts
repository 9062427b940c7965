import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { syncEntries, syncSnapshot } from './source.js';

const tags = ['信息推送'];

export async function syncRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/sync/snapshot', {
    schema: {
      tags, summary: '平台间同步：在列名单记录快照（含完整身份证号，仅信用办密钥，记审计）',
      querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 36 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })) }, { additionalProperties: false }),
    },
  }, async (request) => syncSnapshot({ ctx, principal: requirePrincipal(request), ...(request.query as { cursor?: string; limit?: number }) }));

  app.post('/sync/entries', {
    schema: {
      tags, summary: '平台间同步：按编号取名单记录的当前状态（仅信用办密钥，记审计）',
      body: Type.Object({ ids: Type.Array(Type.String({ maxLength: 36 }), { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false }),
    },
  }, async (request) => syncEntries({ ctx, principal: requirePrincipal(request), ids: (request.body as { ids: string[] }).ids }));
}
