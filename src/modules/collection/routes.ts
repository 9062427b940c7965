// Collection over HTTP: a provider department's officer or system uploads a file (multipart: type,
// file, optional allOrNothing and overrideReason) and gets the import summary; batches are listed
// per department (the credit office sees all); 双公示 timeliness per department and period.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { rm } from 'node:fs/promises';
import type { AppContext } from '../../context.js';
import { AppError, errors } from '../../errors.js';
import { requirePrincipal } from '../../http/auth.js';
import { batchRejects, getBatch, listBatches } from './batches.js';
import { runImport } from './import.js';
import { rejectsXlsxStream } from './rejects-file.js';
import { timeliness } from './timeliness.js';
import { receive, registerMultipart, type Upload } from './upload.js';

const IdParam = Type.Object({ id: Type.String({ maxLength: 64 }) });

function fieldsOf(up: Upload) {
  const type = up.fields.type?.trim();
  const errs = [];
  if (!type) errs.push({ path: 'body.type', message: '缺少信息类别代码（type），如 admin_penalty' });
  if (!up.file) errs.push({ path: 'body.file', message: '缺少文件（file）' });
  const aon = (up.fields.allOrNothing ?? '').trim().toLowerCase();
  if (aon && !['true', 'false', '1', '0', 'on'].includes(aon)) errs.push({ path: 'body.allOrNothing', message: '应为 true 或 false' });
  if (errs.length) throw errors.validation(errs);
  return { type: type!, allOrNothing: ['true', '1', 'on'].includes(aon), overrideReason: up.fields.overrideReason?.trim().slice(0, 500) || null };
}

export async function collectionRoutes(app: FastifyInstance, ctx: AppContext) {
  // multipart only inside this scope: the rest of the API keeps its JSON-only bodies
  await app.register(async (scope) => {
    await registerMultipart(scope);
    scope.post('/collection/batches', {
      schema: { tags: ['信用信息归集'], summary: '上传文件导入（multipart：type、file、可选 allOrNothing、overrideReason）', consumes: ['multipart/form-data'] },
    }, async (request, reply) => {
      const principal = requirePrincipal(request, ['officer', 'system']);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, '请以 multipart/form-data 上传，字段为 type 与 file。');
      const up = await receive(request);
      try {
        const f = fieldsOf(up);
        const summary = await runImport({ ctx, principal, infoType: f.type, file: up.file!, fileName: up.fileName, allOrNothing: f.allOrNothing, overrideReason: f.overrideReason, via: 'api' });
        return reply.status(201).send(summary); // a batch was created (or resumed), whatever its rows
      } finally {
        await rm(up.dir, { recursive: true, force: true });
      }
    });
  });

  app.get('/collection/batches', {
    schema: {
      tags: ['信用信息归集'], summary: '导入批次（本部门；信用办可看全部，可按部门、信息类别、导入日期筛选）',
      querystring: Type.Object({
        type: Type.Optional(Type.String({ maxLength: 64 })), department: Type.Optional(Type.String({ maxLength: 40 })),
        from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { type?: string; department?: string; from?: string; to?: string; limit?: number; offset?: number };
    return { items: await listBatches({ db: ctx.db, principal: requirePrincipal(request), infoType: q.type, department: q.department, from: q.from, to: q.to, limit: q.limit, offset: q.offset }) };
  });

  app.get('/collection/batches/:id', { schema: { tags: ['信用信息归集'], summary: '导入批次详情与被拒绝的行', params: IdParam } }, async (request) =>
    getBatch({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  app.get('/collection/batches/:id/rejects.xlsx', { schema: { tags: ['信用信息归集'], summary: '下载被拒绝的行（Excel）', params: IdParam } }, async (request, reply) => {
    const { summary, rejects } = await batchRejects({ db: ctx.db, principal: requirePrincipal(request), id: (request.params as { id: string }).id });
    const title = `批次 ${summary.batchId}：${summary.fileName}，共 ${summary.total} 行，拒绝 ${summary.rejected} 行`;
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="rejects-${summary.batchId}.xlsx"`).send(await rejectsXlsxStream(rejects, title));
  });

  app.get('/collection/timeliness', {
    schema: {
      tags: ['信用信息归集'], summary: '双公示及时性（按部门、期间；超过 7 个工作日为迟报）',
      querystring: Type.Object({ from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })), department: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }),
    },
  }, async (request) => timeliness({ db: ctx.db, principal: requirePrincipal(request), ...(request.query as { from?: string; to?: string; department?: string }) }));
}
