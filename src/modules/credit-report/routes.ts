import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { creditReportHtml } from './html.js';
import { pdfFontOf } from '../documents/pdf.js';
import { creditReportPdf } from './pdf.js';
import { issueCreditReport, verifyCreditReport } from './report.js';

export async function creditReportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/public/subjects/:uscc/credit-report', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['公众查询'], summary: '下载主体的信用报告（format=pdf：PDF 文件；默认：可打印网页；json：数据）', security: [],
      params: Type.Object({ uscc: Type.String({ maxLength: 40 }) }),
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf'), Type.Literal('json')])) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const format = (request.query as { format?: string }).format;
    if (format === 'pdf') pdfFontOf(ctx.config); // refused before a report number is issued
    const report = await issueCreditReport({ ctx, uscc: (request.params as { uscc: string }).uscc });
    if (format === 'json') return report;
    if (format === 'pdf') {
      const pdf = encodeURIComponent(`信用报告-${report.subject.name}-${report.no}.pdf`);
      return reply.header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="credit-report-${report.no}.pdf"; filename*=UTF-8''${pdf}`)
        .send(await creditReportPdf(ctx.config, report));
    }
    const name = encodeURIComponent(`信用报告-${report.subject.name}-${report.no}.html`);
    return reply.header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `inline; filename="credit-report-${report.no}.html"; filename*=UTF-8''${name}`)
      .send(creditReportHtml(report));
  });

  app.get('/public/credit-reports/:no', {
    schema: { tags: ['公众查询'], summary: '按报告编号核验信用报告', security: [], params: Type.Object({ no: Type.String({ maxLength: 40 }) }) },
  }, async (request) => verifyCreditReport({ ctx, no: (request.params as { no: string }).no }));
}
