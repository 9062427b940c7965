import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { Applicant, TargetRef } from '../objections/routes.js';
import { certificateHtml, certificatePdf } from './certificate.js';
import { approveRepair, followRepair, getRepair, listRepairs, rejectRepair, requestRepair, type RepairInput } from './use-cases.js';

const Id = Type.Object({ id: Type.String() });
const Note = Type.Object({ note: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
const Receipt = Type.Object({ receiptCode: Type.String({ maxLength: 40 }) });

export async function repairRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/repairs', {
    config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
    schema: {
      tags: ['信用修复'], summary: '申请信用修复（公众，无需账号；免费）', security: [],
      body: Type.Object({
        target: TargetRef, applicant: Applicant, reason: Type.String({ minLength: 5, maxLength: 5000 }), commitment: Type.String({ maxLength: 5000 }),
        evidence: Type.Optional(Type.Array(Type.Object({ kind: Type.String({ maxLength: 40 }), name: Type.String({ maxLength: 200 }), url: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }), { maxItems: 20 })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await requestRepair({ ctx, input: request.body as RepairInput })));

  app.get('/public/repairs/:receiptCode', { schema: { tags: ['信用修复'], summary: '凭回执码查询修复进度', security: [], params: Receipt } }, async (request) =>
    followRepair({ ctx, receiptCode: (request.params as { receiptCode: string }).receiptCode }));

  app.get('/public/repairs/:receiptCode/certificate', {
    schema: {
      tags: ['信用修复'], summary: '下载信用修复证明（format=pdf：PDF 文件；默认：可打印网页）', security: [], params: Receipt,
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf')])) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { receiptCode } = request.params as { receiptCode: string };
    if ((request.query as { format?: string }).format === 'pdf') {
      const { no, pdf } = await certificatePdf(ctx, receiptCode);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="repair-certificate-${no}.pdf"`).send(pdf);
    }
    return reply.type('text/html; charset=utf-8').header('content-disposition', 'inline; filename="repair-certificate.html"').send(await certificateHtml(ctx, receiptCode));
  });

  app.get('/repairs', {
    schema: { tags: ['信用修复'], summary: '修复申请队列', querystring: Type.Object({ status: Type.Optional(Type.String()), overdue: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }) },
  }, async (request) => ({ items: await listRepairs({ ctx, principal: requirePrincipal(request), ...(request.query as object) }) }));

  app.get('/repairs/:id', { schema: { tags: ['信用修复'], summary: '修复申请详情', params: Id } }, async (request) =>
    getRepair({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.post('/repairs/:id/approve', { schema: { tags: ['信用修复'], summary: '同意修复（认定部门）', params: Id, body: Note } }, async (request) =>
    approveRepair({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, note: (request.body as { note: string }).note }));

  app.post('/repairs/:id/reject', { schema: { tags: ['信用修复'], summary: '不予修复（认定部门）', params: Id, body: Note } }, async (request) =>
    rejectRepair({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, note: (request.body as { note: string }).note }));
}
