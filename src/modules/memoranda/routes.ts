import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { acceptMemorandum, createMemorandum, getMemorandum, listMemoranda, setMemorandumStatus, type MemorandumInput } from './use-cases.js';

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

export async function memorandumRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/memoranda', {
    schema: {
      tags: ['合作备忘录'], summary: '登记合作备忘录（信用办管理员）',
      body: Type.Object({
        code: Code, docNo: Type.String({ minLength: 1, maxLength: 100 }), title: Type.String({ minLength: 1, maxLength: 300 }),
        listTypes: Type.Array(Code, { minItems: 1 }), measures: Type.Array(Code, { minItems: 1 }),
        status: Type.Optional(Type.Union([Type.Literal('notified'), Type.Literal('in_force'), Type.Literal('expired')])),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await createMemorandum({ db: ctx.db, principal: requirePrincipal(request), input: request.body as MemorandumInput })));

  app.get('/memoranda', {
    schema: { tags: ['合作备忘录'], summary: '备忘录（pending=true：本部门待接收）', querystring: Type.Object({ pending: Type.Optional(Type.Boolean()) }, { additionalProperties: false }) },
  }, async (request) => ({ items: await listMemoranda({ db: ctx.db, principal: requirePrincipal(request), pendingForMe: (request.query as { pending?: boolean }).pending }) }));

  app.get('/memoranda/:code', { schema: { tags: ['合作备忘录'], summary: '备忘录详情', params: Type.Object({ code: Type.String() }) } }, async (request) => {
    requirePrincipal(request);
    return getMemorandum({ db: ctx.db, code: (request.params as { code: string }).code });
  });

  app.post('/memoranda/:code/accept', { schema: { tags: ['合作备忘录'], summary: '实施部门接收备忘录', params: Type.Object({ code: Type.String() }) } }, async (request) =>
    acceptMemorandum({ db: ctx.db, principal: requirePrincipal(request), code: (request.params as { code: string }).code }));

  app.post('/memoranda/:code/status', {
    schema: { tags: ['合作备忘录'], summary: '变更备忘录状态：通报 / 实施 / 过期（信用办管理员）', params: Type.Object({ code: Type.String() }), body: Type.Object({ status: Type.Union([Type.Literal('notified'), Type.Literal('in_force'), Type.Literal('expired')]) }, { additionalProperties: false }) },
  }, async (request) => setMemorandumStatus({ db: ctx.db, principal: requirePrincipal(request), code: (request.params as { code: string }).code, status: (request.body as { status: 'notified' | 'in_force' | 'expired' }).status }));
}
