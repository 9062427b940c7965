import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { createDepartment, getDepartment, listDepartments } from './use-cases.js';

export async function departmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/departments', {
    schema: {
      tags: ['部门'], summary: '新增部门（信用办管理员）',
      body: Type.Object({
        code: Type.String({ minLength: 1, maxLength: 40 }), name: Type.String({ minLength: 2, maxLength: 100 }),
        regionCode: Type.String({ pattern: '^[0-9]{6}$' }),
        roles: Type.Array(Type.Union([Type.Literal('provider'), Type.Literal('initiating'), Type.Literal('implementing')]), { minItems: 1, maxItems: 3 }),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const input = request.body as { code: string; name: string; regionCode: string; roles: string[] };
    return reply.status(201).send(await createDepartment({ db: ctx.db, principal: requirePrincipal(request), input }));
  });
  // Departments are public facts of government (name, code, region): any authenticated caller may list them.
  app.get('/departments', { schema: { tags: ['部门'], summary: '部门列表' } }, async (request) => {
    requirePrincipal(request);
    return { items: await listDepartments({ db: ctx.db }) };
  });
  app.get('/departments/:code', { schema: { tags: ['部门'], summary: '部门详情', params: Type.Object({ code: Type.String() }) } }, async (request) => {
    requirePrincipal(request);
    return getDepartment({ db: ctx.db, code: (request.params as { code: string }).code });
  });
}
