import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import type { SubjectInput } from './identity.js';
import { getPublicSubject, searchSubjects } from './search.js';
import { addRelation, getSubject, registerSubject, renameSubject, RELATION_ROLES } from './use-cases.js';
import { IsoDate as DateStr } from '../../http/schemas.js';

const Kind = Type.Union([Type.Literal('organization'), Type.Literal('individual_business'), Type.Literal('natural_person')]);
const Id = Type.Object({ id: Type.String() });

export async function subjectRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/subjects', {
    schema: {
      tags: ['主体'], summary: '登记主体（已存在则返回已有主体）',
      body: Type.Object({
        kind: Kind, name: Type.String({ minLength: 1, maxLength: 200 }), uscc: Type.Optional(Type.String({ maxLength: 40 })),
        idNumber: Type.Optional(Type.String({ maxLength: 40 })), orgCode: Type.Optional(Type.String({ maxLength: 20 })),
        regNo: Type.Optional(Type.String({ maxLength: 20 })), regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { subject, created } = await registerSubject({ ctx, principal: requirePrincipal(request), input: request.body as SubjectInput });
    return reply.status(created ? 201 : 200).send(subject);
  });

  app.get('/subjects', {
    schema: { tags: ['主体'], summary: '查找主体（代码或名称）', querystring: Type.Object({ q: Type.String({ maxLength: 100 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }) },
  }, async (request) => {
    const { q, limit } = request.query as { q: string; limit?: number };
    return { items: await searchSubjects({ ctx, q, limit, audience: 'staff', principal: requirePrincipal(request) }) };
  });

  app.get('/subjects/:id', { schema: { tags: ['主体'], summary: '主体详情', params: Id } }, async (request) =>
    getSubject({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.post('/subjects/:id/rename', {
    schema: { tags: ['主体'], summary: '主体更名（原名称保留为曾用名）', params: Id, body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), changedOn: Type.Optional(DateStr) }, { additionalProperties: false }) },
  }, async (request) => {
    const body = request.body as { name: string; changedOn?: string };
    return renameSubject({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, ...body });
  });

  app.post('/subjects/:id/relations', {
    schema: {
      tags: ['主体'], summary: '关联法定代表人、主要负责人或直接责任人', params: Id,
      body: Type.Object({
        role: Type.Union(RELATION_ROLES.map((r) => Type.Literal(r))),
        person: Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), idNumber: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        startsOn: Type.Optional(DateStr), endsOn: Type.Optional(DateStr),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const result = await addRelation({ ctx, principal: requirePrincipal(request), organizationId: (request.params as { id: string }).id, input: request.body as never });
    return reply.status(result.created ? 201 : 200).send(result);
  });

  // Public portal
  app.get('/public/search', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags: ['公众查询'], summary: '按代码或名称查询主体', querystring: Type.Object({ q: Type.String({ maxLength: 100 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }) },
  }, async (request) => {
    const { q, limit } = request.query as { q: string; limit?: number };
    return { items: await searchSubjects({ ctx, q, limit, audience: 'public', principal: null }) };
  });

  app.get('/public/subjects/:uscc', { schema: { tags: ['公众查询'], summary: '主体公开信息', params: Type.Object({ uscc: Type.String({ maxLength: 40 }) }) } }, async (request) =>
    ({ subject: await getPublicSubject({ ctx, uscc: (request.params as { uscc: string }).uscc }) }));

  app.get('/public/site', { schema: { tags: ['公众查询'], summary: '站点信息' } }, async () =>
    ({ name: ctx.config.siteName, operator: ctx.config.operator, contact: ctx.config.contact }));
}
