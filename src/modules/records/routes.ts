// Credit records over HTTP: staff listing scoped by department and disclosure; one record with its
// versions; the public portal's published records of an organisation.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { errors } from '../../errors.js';
import { listPublicRecordList, publicProviderDepartments } from './public.js';
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
      tags: ['公众查询'], security: [],
      summary: '公示中的信用记录（不含个人信息）：指定 subject 为该主体的记录；否则指定 type，按部门、决定日期分页列出（双公示）',
      querystring: Type.Object({
        subject: Type.Optional(Type.String({ maxLength: 40 })), type: Type.Optional(Type.String({ maxLength: 64 })), ...Paging,
        department: Type.Optional(Type.String({ maxLength: 40 })), from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })),
        page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { subject?: string; type?: string; limit?: number; offset?: number; department?: string; from?: string; to?: string; page?: number; pageSize?: number };
    if (q.subject) return listPublicRecords({ ctx, uscc: q.subject, type: q.type, limit: q.limit, offset: q.offset });
    if (!q.type) throw errors.badRequest('FILTER_REQUIRED', '请指定主体统一社会信用代码（subject）或信息类别（type）。');
    return listPublicRecordList({ ctx, query: { type: q.type, department: q.department, from: q.from, to: q.to, page: q.page, pageSize: q.pageSize } });
  });

  app.get('/public/record-departments', { schema: { tags: ['公众查询'], security: [], summary: '提供信用信息的部门（双公示页面的筛选项）' } }, async () =>
    ({ items: await publicProviderDepartments({ ctx }) }));
}
