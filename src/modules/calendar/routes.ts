// The working-day calendar over HTTP: status and deadlines for everyone authenticated; the credit
// office's admins load each year's State Council notice.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { calendarStatus, computeDeadline, countWorkingDays, getYear, putYear, type YearInput } from './use-cases.js';
import { IsoDate as DateStr } from '../../http/schemas.js';

const Day = Type.Object({ date: DateStr, name: Type.String({ maxLength: 50 }) }, { additionalProperties: false });
const YearParam = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/calendar/status', { schema: { tags: ['工作日历'], summary: '已导入的年度；自 11 月 1 日起提示导入下一年度' } }, async (request) => {
    requirePrincipal(request);
    return calendarStatus({ db: ctx.db });
  });

  app.get('/calendar/deadline', {
    schema: { tags: ['工作日历'], summary: '计算 N 个工作日后的期限（不含起算日）', querystring: Type.Object({ from: DateStr, workingDays: Type.Integer({ minimum: 0, maximum: 366 }) }, { additionalProperties: false }) },
  }, async (request) => {
    requirePrincipal(request);
    return computeDeadline({ db: ctx.db, ...(request.query as { from: string; workingDays: number }) });
  });

  app.get('/calendar/working-days', {
    schema: { tags: ['工作日历'], summary: '两日期之间的工作日数（不含起始日，含结束日）', querystring: Type.Object({ from: DateStr, to: DateStr }, { additionalProperties: false }) },
  }, async (request) => {
    requirePrincipal(request);
    return countWorkingDays({ db: ctx.db, ...(request.query as { from: string; to: string }) });
  });

  app.get('/calendar/:year', { schema: { tags: ['工作日历'], summary: '某年的放假和调休上班日', params: YearParam } }, async (request) => {
    requirePrincipal(request);
    return getYear({ db: ctx.db, year: (request.params as { year: number }).year });
  });

  app.put('/calendar/:year', {
    schema: {
      tags: ['工作日历'], summary: '导入某年国务院办公厅放假安排（整年替换；信用办管理员）', params: YearParam,
      body: Type.Object({
        notice: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
        holidays: Type.Array(Day, { maxItems: 120 }), workdays: Type.Array(Day, { maxItems: 60 }),
      }, { additionalProperties: false }),
    },
  }, async (request) => putYear({
    db: ctx.db, principal: requirePrincipal(request), year: (request.params as { year: number }).year, input: request.body as YearInput, source: 'api',
  }));
}
