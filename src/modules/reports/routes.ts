import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { assignReport, closeReport, fileReport, followReport, getReport, listReports, type ReportInput } from './use-cases.js';

const Id = Type.Object({ id: Type.String() });

export async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/reports', {
    config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
    schema: {
      tags: ['失信举报'], summary: '举报失信行为（公众，可匿名；举报人信息严格保密）', security: [],
      body: Type.Object({
        subject: Type.Object({ uscc: Type.Optional(Type.String({ maxLength: 40 })), name: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        content: Type.String({ minLength: 10, maxLength: 10000 }), anonymous: Type.Boolean(),
        reporter: Type.Optional(Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), contact: Type.String({ minLength: 5, maxLength: 200 }) }, { additionalProperties: false })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await fileReport({ ctx, input: request.body as ReportInput })));

  app.get('/public/reports/:receiptCode', { schema: { tags: ['失信举报'], summary: '凭回执码查询举报办理进度', security: [], params: Type.Object({ receiptCode: Type.String({ maxLength: 40 }) }) } }, async (request) =>
    followReport({ ctx, receiptCode: (request.params as { receiptCode: string }).receiptCode }));

  app.get('/reports', { schema: { tags: ['失信举报'], summary: '举报队列（不含举报人信息）', querystring: Type.Object({ status: Type.Optional(Type.String()) }, { additionalProperties: false }) } }, async (request) =>
    ({ items: await listReports({ ctx, principal: requirePrincipal(request), status: (request.query as { status?: string }).status }) }));

  app.get('/reports/:id', { schema: { tags: ['失信举报'], summary: '举报详情（举报人信息仅承办人可见）', params: Id } }, async (request) =>
    getReport({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.post('/reports/:id/assign', { schema: { tags: ['失信举报'], summary: '分派承办人（信用办）', params: Id, body: Type.Object({ username: Type.String({ maxLength: 64 }) }, { additionalProperties: false }) } }, async (request) =>
    assignReport({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, username: (request.body as { username: string }).username }));

  app.post('/reports/:id/close', { schema: { tags: ['失信举报'], summary: '办结（承办人）', params: Id, body: Type.Object({ result: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }) } }, async (request) =>
    closeReport({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, result: (request.body as { result: string }).result }));
}
