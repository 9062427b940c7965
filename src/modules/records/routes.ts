// Credit records over HTTP: staff listing scoped by department and disclosure; one record with its
// versions; the public portal's published records of an organisation.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { getRecord, listPublicRecords, listRecords } from './use-cases.js';

const Paging = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })) };
const Status = Type.Union(['active', 'held', 'corrected', 'revoked', 'unpublished', 'expired'].map((s) => Type.Literal(s)));

export async function recordRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/records', {
    schema: {
      tags: ['信用记录'], summary: '信用记录（本部门全部；其他部门仅公开、共享类）',
      querystring: Type.Object({
        subject: Type.Optional(Type.String({ maxLength: 64 })), type: Type.Optional(Type.String({ maxLength: 64 })), status: Type.Optional(Status),
        history: Type.Optional(Type.Boolean()), ...Paging,
      }, { additionalProperties: false }),
    },
  }, async (request) => ({ items: await listRecords({ ctx, principal: requirePrincipal(request), ...(request.query as object) }) }));

  app.get('/records/:id', { schema: { tags: ['信用记录'], summary: '一条信用记录及其历次版本', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } }, async (request) =>
    getRecord({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.get('/public/records', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['公众查询'], summary: '主体公示中的信用记录（双公示等；不含个人信息）',
      querystring: Type.Object({ subject: Type.String({ maxLength: 40 }), type: Type.Optional(Type.String({ maxLength: 64 })), ...Paging }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { subject: string; type?: string; limit?: number; offset?: number };
    return listPublicRecords({ ctx, uscc: q.subject, type: q.type, limit: q.limit, offset: q.offset });
  });
}
