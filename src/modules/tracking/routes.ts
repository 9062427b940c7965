import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { quarterlyReport } from './use-cases.js';
import { quarterlyWorkbook } from './workbook.js';

const Query = Type.Object({
  quarter: Type.Optional(Type.String({ maxLength: 10, description: '如 2026Q3；缺省为最近结束的季度' })),
  department: Type.Optional(Type.String({ maxLength: 40, description: '部门统一社会信用代码；信用办可查任一部门' })),
}, { additionalProperties: false });
type QueryT = { quarter?: string; department?: string };

export async function trackingRoutes(app: FastifyInstance, ctx: AppContext) {
  // counts include the checks this process answered a moment ago (their log is written behind, ADR 015)
  const report = async (principal: ReturnType<typeof requirePrincipal>, q: QueryT) => {
    await ctx.checks?.drained();
    return quarterlyReport({ db: ctx.db, principal, ...q });
  };
  app.get('/tracking/quarterly', {
    schema: { tags: ['跟踪问效'], summary: '季度跟踪问效统计：双公示、名单发布与响应、核查与反馈、异议修复举报办理，及落后单位', querystring: Query },
  }, async (request) => report(requirePrincipal(request), request.query as QueryT));

  app.get('/tracking/quarterly.xlsx', {
    schema: { tags: ['跟踪问效'], summary: '下载季度跟踪问效报告（Excel）', querystring: Query },
  }, async (request, reply) => {
    const r = await report(requirePrincipal(request), request.query as QueryT);
    const name = encodeURIComponent(`跟踪问效报告-${r.quarter.code}.xlsx`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="tracking-${r.quarter.code}.xlsx"; filename*=UTF-8''${name}`)
      .send(await quarterlyWorkbook(r));
  });
}
