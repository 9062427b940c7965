import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { DeliveryStatus } from '../../db/schema.js';
import { requirePrincipal } from '../../http/auth.js';
import { createSubscription, deleteSubscription, getSubscription, listDeliveries, listSubscriptions, replayDelivery, type SubscriptionInput } from './subscriptions.js';

const Id = Type.Object({ id: Type.String({ maxLength: 36 }) }, { additionalProperties: false });
const tags = ['信息推送'];

export async function pushRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/subscriptions', {
    schema: {
      tags, summary: '订阅变更推送（Webhook）；密钥只在此返回一次',
      body: Type.Object({
        url: Type.String({ minLength: 8, maxLength: 2000 }),
        events: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 30 }),
        listTypes: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await createSubscription({ ctx, principal: requirePrincipal(request), input: request.body as SubscriptionInput })));

  app.get('/subscriptions', { schema: { tags, summary: '本部门的订阅' } }, async (request) =>
    ({ items: await listSubscriptions({ db: ctx.db, principal: requirePrincipal(request) }) }));

  app.get('/subscriptions/:id', { schema: { tags, summary: '订阅详情（含各状态投递数）', params: Id } }, async (request) =>
    getSubscription({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.delete('/subscriptions/:id', { schema: { tags, summary: '取消订阅', params: Id } }, async (request, reply) => {
    await deleteSubscription({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id });
    return reply.status(204).send();
  });

  app.get('/subscriptions/:id/deliveries', {
    schema: {
      tags, summary: '投递记录：待投递 pending、重试中 failed、已送达 delivered、死信 dead', params: Id,
      querystring: Type.Object({
        status: Type.Optional(Type.Union(['pending', 'failed', 'delivered', 'dead'].map((s) => Type.Literal(s)))),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { status?: DeliveryStatus; limit?: number; offset?: number };
    return listDeliveries({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id, ...q });
  });

  app.post('/deliveries/:id/replay', { schema: { tags, summary: '重新投递（管理员；投递编号不变，接收方可据此去重）', params: Id } }, async (request) =>
    replayDelivery({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));
}
