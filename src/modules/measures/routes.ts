import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { allOrNothingField, cutRejects, discard, receive, registerMultipart } from '../collection/upload.js';
import { errors } from '../../errors.js';
import { importMeasures } from './import.js';
import { APPLIES_TO, assignImplementingDepartment, createMatter, createMeasure, editMeasure, listMatters, listMeasures, type MeasureEdit, type MeasureInput } from './use-cases.js';

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

export async function measureRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/measures', {
    schema: {
      tags: ['措施清单'], summary: '新增奖惩措施（信用办管理员）',
      body: Type.Object({
        code: Code, kind: Type.Union([Type.Literal('reward'), Type.Literal('punishment')]), nature: Type.Union([Type.Literal('mandatory'), Type.Literal('recommended')]),
        title: Type.String({ minLength: 1, maxLength: 500 }), content: Type.Optional(Type.String({ maxLength: 5000 })), legalBasis: Type.String({ minLength: 1, maxLength: 2000 }),
        implementingDepartment: Type.String({ maxLength: 40 }), appliesTo: Type.Array(Type.Union(APPLIES_TO.map((a) => Type.Literal(a))), { minItems: 1 }),
        matterCategories: Type.Array(Type.String({ minLength: 1, maxLength: 50 })), category: Type.Optional(Type.String({ maxLength: 50 })), edition: Type.Optional(Type.String({ maxLength: 50 })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await createMeasure({ db: ctx.db, principal: requirePrincipal(request), input: request.body as MeasureInput })));

  await app.register(async (scope) => {
    await registerMultipart(scope);
    scope.post('/measures/import', {
      schema: { tags: ['措施清单'], summary: '从 Excel/CSV 导入措施清单（信用办管理员；multipart：file、可选 allOrNothing、memorandum（作为该备忘录的措施清单）；按措施编码幂等）', consumes: ['multipart/form-data'] },
    }, async (request) => {
      const principal = requirePrincipal(request, ['admin']);
      const up = await receive(request);
      try {
        const aon = allOrNothingField(up);
        const errs = [...(up.file ? [] : [{ path: 'body.file', message: '缺少文件（file）' }]), ...(aon.error ? [aon.error] : [])];
        if (errs.length) throw errors.validation(errs);
        const memorandum = up.fields.memorandum?.trim() || undefined;
        return cutRejects(await importMeasures({ ctx, principal, file: up.file!, fileName: up.fileName, allOrNothing: aon.value, memorandum }));
      } finally {
        await discard(up);
      }
    });
  });

  app.get('/measures', {
    schema: { tags: ['措施清单'], summary: '措施清单', querystring: Type.Object({ implementingDepartment: Type.Optional(Type.String()), kind: Type.Optional(Type.Union([Type.Literal('reward'), Type.Literal('punishment')])) }, { additionalProperties: false }) },
  }, async (request) => {
    requirePrincipal(request);
    return { items: await listMeasures({ db: ctx.db, filter: request.query as never }) };
  });

  app.patch('/measures/:code', {
    schema: {
      tags: ['措施清单'], summary: '修改措施（名称、性质、法律依据、适用对象、事项类别…；信用办管理员）', params: Type.Object({ code: Type.String() }),
      body: Type.Object({
        nature: Type.Optional(Type.Union([Type.Literal('mandatory'), Type.Literal('recommended')])), title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
        content: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])), legalBasis: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
        appliesTo: Type.Optional(Type.Array(Type.Union(APPLIES_TO.map((a) => Type.Literal(a))), { minItems: 1 })),
        matterCategories: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }))),
        category: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])), edition: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
        verified: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
    },
  }, async (request) => editMeasure({ db: ctx.db, principal: requirePrincipal(request), code: (request.params as { code: string }).code, edit: request.body as MeasureEdit }));

  app.post('/measures/:code/implementing-department', {
    schema: { tags: ['措施清单'], summary: '指定实施部门', params: Type.Object({ code: Type.String() }), body: Type.Object({ department: Type.String({ maxLength: 40 }) }, { additionalProperties: false }) },
  }, async (request) => assignImplementingDepartment({ db: ctx.db, principal: requirePrincipal(request), code: (request.params as { code: string }).code, department: (request.body as { department: string }).department }));

  app.post('/matters', {
    schema: {
      tags: ['业务事项'], summary: '新增业务事项（信用办管理员）',
      body: Type.Object({ code: Code, name: Type.String({ minLength: 1, maxLength: 200 }), department: Type.String({ maxLength: 40 }), category: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await createMatter({ db: ctx.db, principal: requirePrincipal(request), input: request.body as never })));

  app.get('/matters', { schema: { tags: ['业务事项'], summary: '本部门业务事项（信用办：全部）' } }, async (request) => ({ items: await listMatters({ db: ctx.db, principal: requirePrincipal(request) }) }));
}
