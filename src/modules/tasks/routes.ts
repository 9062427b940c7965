import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { acknowledgeTask, listTasks } from './use-cases.js';

export async function taskRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/tasks', {
    schema: {
      tags: ['联合奖惩'], summary: '推送给本部门的响应任务',
      querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('acknowledged')])), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
    },
  }, async (request) => listTasks({ db: ctx.db, principal: requirePrincipal(request), ...(request.query as object) }));

  app.post('/tasks/:id/acknowledge', { schema: { tags: ['联合奖惩'], summary: '确认响应任务', params: Type.Object({ id: Type.String() }) } }, async (request) =>
    acknowledgeTask({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));
}
