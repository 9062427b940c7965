import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { COMMITMENT_TYPES } from '../../domain/commitments.js';
import { requirePrincipal } from '../../http/auth.js';
import { getCommitment, listCommitments, makeCommitment, publicCommitmentsOf, recordFulfilment, type CommitmentInput } from './use-cases.js';
import { IsoDate as DateStr } from '../../http/schemas.js';

const Kind = Type.Union([Type.Literal('organization'), Type.Literal('individual_business'), Type.Literal('natural_person')]);
const Code = Type.Object({ code: Type.String({ maxLength: 40 }) });
const TAGS = ['信用承诺'];

export async function commitmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/commitments', {
    schema: {
      tags: TAGS, summary: '记录主体作出的信用承诺（编号：行政区划 + 日期 + 流水号）',
      body: Type.Object({
        subject: Type.Object({ kind: Kind, uscc: Type.Optional(Type.String({ maxLength: 40 })), idNumber: Type.Optional(Type.String({ maxLength: 40 })), name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        type: Type.Union(COMMITMENT_TYPES.map((t) => Type.Literal(t))), matter: Type.String({ maxLength: 200 }), content: Type.String({ maxLength: 5000 }),
        madeOn: DateStr, dueOn: Type.Optional(DateStr), public: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await makeCommitment({ ctx, principal: requirePrincipal(request), input: request.body as CommitmentInput })));

  app.post('/commitments/:code/fulfilment', {
    schema: {
      tags: TAGS, summary: '认定承诺履行情况（全部履行 / 部分履行 / 全部未履行；未履行的记为失信）', params: Code,
      body: Type.Object({ fulfilment: Type.Union([Type.Literal('fulfilled'), Type.Literal('partial'), Type.Literal('unfulfilled')]), note: Type.String({ maxLength: 2000 }), on: Type.Optional(DateStr) }, { additionalProperties: false }),
    },
  }, async (request) => {
    const body = request.body as { fulfilment: 'fulfilled' | 'partial' | 'unfulfilled'; note: string; on?: string };
    return recordFulfilment({ ctx, principal: requirePrincipal(request), code: (request.params as { code: string }).code, ...body });
  });

  app.get('/commitments', {
    schema: {
      tags: TAGS, summary: '本部门收到的信用承诺（信用办：全部）',
      querystring: Type.Object({
        subject: Type.Optional(Type.String({ maxLength: 40, description: '统一社会信用代码' })),
        status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('kept'), Type.Literal('broken')])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => ({ items: await listCommitments({ ctx, principal: requirePrincipal(request), ...(request.query as object) }) }));

  app.get('/commitments/:code', { schema: { tags: TAGS, summary: '一项信用承诺', params: Code } }, async (request) =>
    getCommitment({ ctx, principal: requirePrincipal(request), code: (request.params as { code: string }).code }));

  app.get('/public/subjects/:uscc/commitments', {
    schema: { tags: ['公众查询'], summary: '主体公开的信用承诺及履行情况', security: [], params: Type.Object({ uscc: Type.String({ maxLength: 40 }) }) },
  }, async (request) => ({ items: await publicCommitmentsOf({ ctx, uscc: (request.params as { uscc: string }).uscc }) }));
}
