import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { createCheckBatcher } from './batcher.js';
import { checkSubjects, type SubjectQuery } from './check.js';
import { getCheck, giveFeedback, listChecks, type FeedbackInput } from './feedback.js';

const SubjectQ = Type.Object({ uscc: Type.Optional(Type.String({ maxLength: 40 })), idNumber: Type.Optional(Type.String({ maxLength: 40 })), name: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
const MatterCode = Type.String({ minLength: 1, maxLength: 64 });
const Id = Type.Object({ id: Type.String() });
// answers arrive as JSON text, serialised once for the response and the check log (check.ts)
const JSON_TYPE = 'application/json; charset=utf-8';

export async function checkRoutes(app: FastifyInstance, ctx: AppContext) {
  const batcher = createCheckBatcher(ctx);
  app.post('/checks', {
    schema: { tags: ['联合奖惩核查'], summary: '核查一个主体（应查必查）', body: Type.Object({ subject: SubjectQ, matterCode: MatterCode }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const body = request.body as { subject: SubjectQuery; matterCode: string };
    return reply.type(JSON_TYPE).send(await batcher.check(requirePrincipal(request), body.subject, body.matterCode));
  });

  app.post('/checks/batch', {
    schema: { tags: ['联合奖惩核查'], summary: '批量核查（最多 1000 个主体）', body: Type.Object({ subjects: Type.Array(SubjectQ, { minItems: 1, maxItems: 1000 }), matterCode: MatterCode }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const body = request.body as { subjects: SubjectQuery[]; matterCode: string };
    const results = await checkSubjects({ ctx, principal: requirePrincipal(request), subjects: body.subjects, matterCode: body.matterCode });
    return reply.type(JSON_TYPE).send(`{"results":[${results.join(',')}]}`);
  });

  app.get('/checks', {
    schema: {
      tags: ['联合奖惩核查'], summary: '本部门的核查记录（open 待反馈，overdue 逾期）',
      querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('closed')])), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
    },
  }, async (request) => ({ items: await listChecks({ ctx, principal: requirePrincipal(request), ...(request.query as object) }) }));

  app.get('/checks/:id', { schema: { tags: ['联合奖惩核查'], summary: '核查记录详情', params: Id } }, async (request) =>
    getCheck({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.post('/checks/:id/feedback', {
    schema: {
      tags: ['联合奖惩核查'], summary: '执行反馈', params: Id,
      body: Type.Object({
        measures: Type.Array(Type.Object({ code: Type.String({ maxLength: 64 }), action: Type.Union([Type.Literal('applied'), Type.Literal('not_applied')]), reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }), { maxItems: 200 }),
        amount: Type.Optional(Type.Number({ minimum: 0 })), note: Type.String({ maxLength: 5000 }),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await giveFeedback({ ctx, principal: requirePrincipal(request), checkId: (request.params as { id: string }).id, input: request.body as FeedbackInput })));
}
