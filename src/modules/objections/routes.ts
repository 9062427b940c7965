import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import type { Correction } from './targets.js';
import { acceptObjection, decideObjection, fileObjection, followObjection, forwardObjection, getObjection, listObjections, returnObjection, type Outcome } from './use-cases.js';
import { IsoDate } from '../../http/schemas.js';

const Id = Type.Object({ id: Type.String() });
const Note = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
/** Accept and forward take an optional note: a POST without a body is the same as `{}`. */
const noteOptional = { body: Note, preValidation: async (request: { body: unknown }) => { request.body ??= {}; } };
export const TargetRef = Type.Object({ entryId: Type.Optional(Type.String({ maxLength: 40 })), recordId: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });
export const Applicant = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), contact: Type.String({ minLength: 5, maxLength: 200 }) }, { additionalProperties: false });
export const Attachments = Type.Optional(Type.Array(Type.Object({ name: Type.String({ maxLength: 200 }), url: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }), { maxItems: 20 }));

export async function objectionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/objections', {
    config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
    schema: { tags: ['异议'], summary: '提出异议（公众，无需账号）', security: [], body: Type.Object({ target: TargetRef, reason: Type.String({ minLength: 5, maxLength: 5000 }), applicant: Applicant, attachments: Attachments }, { additionalProperties: false }) },
  }, async (request, reply) => reply.status(201).send(await fileObjection({ ctx, input: request.body as never })));

  app.get('/public/objections/:receiptCode', { schema: { tags: ['异议'], summary: '凭回执码查询办理进度', security: [], params: Type.Object({ receiptCode: Type.String({ maxLength: 40 }) }) } }, async (request) =>
    followObjection({ ctx, receiptCode: (request.params as { receiptCode: string }).receiptCode }));

  app.get('/objections', {
    schema: { tags: ['异议'], summary: '异议队列（信用办：全部；数源单位：转给本部门的）', querystring: Type.Object({ status: Type.Optional(Type.String()), overdue: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }) },
  }, async (request) => ({ items: await listObjections({ ctx, principal: requirePrincipal(request), ...(request.query as object) }) }));

  app.get('/objections/:id', { schema: { tags: ['异议'], summary: '异议详情', params: Id } }, async (request) =>
    getObjection({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.post('/objections/:id/accept', { preValidation: noteOptional.preValidation, schema: { tags: ['异议'], summary: '受理异议并暂停执行相关措施（信用办；可不带请求体）', params: Id, body: noteOptional.body } }, async (request) =>
    acceptObjection({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, note: (request.body as { note?: string } | undefined)?.note }));

  app.post('/objections/:id/return', { schema: { tags: ['异议'], summary: '退回异议（信用办）', params: Id, body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) } }, async (request) =>
    returnObjection({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, note: (request.body as { note: string }).note }));

  app.post('/objections/:id/forward', { preValidation: noteOptional.preValidation, schema: { tags: ['异议'], summary: '转数源单位核实（信用办；可不带请求体）', params: Id, body: noteOptional.body } }, async (request) =>
    forwardObjection({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, note: (request.body as { note?: string } | undefined)?.note }));

  app.post('/objections/:id/decide', {
    schema: {
      tags: ['异议'], summary: '作出处理决定（数源单位）', params: Id,
      body: Type.Object({
        outcome: Type.Union([Type.Literal('verified'), Type.Literal('unpublish'), Type.Literal('delete'), Type.Literal('update')]), note: Type.String({ minLength: 1, maxLength: 5000 }),
        correction: Type.Optional(Type.Object({
          endsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])), reason: Type.Optional(Type.String({ maxLength: 2000 })),
          // a credit record's corrected values, by field key (GET /catalog/info-types/{code}); the rest stay as they are
          fields: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.String({ maxLength: 5000 }), Type.Number(), Type.Null()]), { maxProperties: 100 })),
        }, { additionalProperties: false })),
      }, { additionalProperties: false }),
    },
  }, async (request) => decideObjection({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, input: request.body as { outcome: Outcome; note: string; correction?: Correction } }));
}
