import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../http/auth.js';
import { errors } from '../../errors.js';
import { allOrNothingField, cutRejects, discard, receive, registerMultipart } from '../collection/upload.js';
import { publishEntries } from './batch.js';
import { importEntries } from './import.js';
import { publicEntries, publicEntry, publicListTypes } from './public.js';
import { endEntry, getEntry, listEntries, publishEntry, type EntryInput } from './entries.js';
import { assignInitiatingDepartment, createListType, setListTypePolicy, getListType, listListTypes, type ListTypeInput } from './list-types.js';
import { IsoDate as DateStr } from '../../http/schemas.js';

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const Kind = Type.Union([Type.Literal('organization'), Type.Literal('individual_business'), Type.Literal('natural_person')]);
const Role = Type.Union([Type.Literal('legal_representative'), Type.Literal('principal'), Type.Literal('directly_responsible')]);
const Id = Type.Object({ id: Type.String() });

export const EntryBody = Type.Object({
  listType: Code,
  subject: Type.Object({ kind: Kind, uscc: Type.Optional(Type.String({ maxLength: 40 })), idNumber: Type.Optional(Type.String({ maxLength: 40 })), name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
  reason: Type.String({ minLength: 1, maxLength: 2000 }), decisionNo: Type.String({ minLength: 1, maxLength: 200 }),
  decidedOn: DateStr, startsOn: DateStr, endsOn: Type.Optional(Type.Union([DateStr, Type.Null()])),
  responsiblePersons: Type.Optional(Type.Array(Type.Object({ role: Role, name: Type.String({ minLength: 1, maxLength: 50 }), idNumber: Type.String({ maxLength: 40 }) }, { additionalProperties: false }), { maxItems: 20 })),
}, { additionalProperties: false });

export async function listRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/list-types', {
    schema: {
      tags: ['红黑名单'], summary: '新增名单类型（信用办管理员）',
      body: Type.Object({
        code: Code, name: Type.String({ minLength: 2, maxLength: 100 }), kind: Type.Union([Type.Literal('red'), Type.Literal('black')]),
        domain: Type.String({ minLength: 1, maxLength: 50 }), initiatingDepartment: Type.String({ maxLength: 40 }), legalBasis: Type.String({ minLength: 1, maxLength: 2000 }),
        termMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 1200 }), Type.Null()]), repairable: Type.Boolean(), public: Type.Boolean(),
        exitConditions: Type.Optional(Type.String({ maxLength: 2000 })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.status(201).send(await createListType({ db: ctx.db, principal: requirePrincipal(request), input: request.body as ListTypeInput })));

  app.get('/list-types', { schema: { tags: ['红黑名单'], summary: '名单类型' } }, async (request) => {
    requirePrincipal(request);
    return { items: await listListTypes({ db: ctx.db }) };
  });
  app.get('/list-types/:code', { schema: { tags: ['红黑名单'], summary: '名单类型详情', params: Type.Object({ code: Type.String() }) } }, async (request) => {
    requirePrincipal(request);
    return getListType({ db: ctx.db, code: (request.params as { code: string }).code });
  });
  app.post('/list-types/:code/initiating-department', {
    schema: { tags: ['红黑名单'], summary: '指定认定部门', params: Type.Object({ code: Type.String() }), body: Type.Object({ department: Type.String({ maxLength: 40 }) }, { additionalProperties: false }) },
  }, async (request) => assignInitiatingDepartment({ db: ctx.db, principal: requirePrincipal(request), code: (request.params as { code: string }).code, department: (request.body as { department: string }).department }));

  app.post('/list-types/:code/policy', {
    schema: {
      tags: ['红黑名单'], summary: '设置异议办理时限（工作日：受理、转办、决定）和信用修复条件', params: Type.Object({ code: Type.String() }),
      body: Type.Object({
        objectionDays: Type.Optional(Type.Union([Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), { minItems: 3, maxItems: 3 }), Type.Null()])),
        repairMinMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 120 }), Type.Null()])),
        repairRequires: Type.Optional(Type.Array(Type.Union([Type.Literal('training'), Type.Literal('report')]), { maxItems: 2 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => setListTypePolicy({ db: ctx.db, principal: requirePrincipal(request), code: (request.params as { code: string }).code, policy: request.body as never }));

  app.post('/list-entries', { schema: { tags: ['红黑名单'], summary: '认定列入（发起）', body: EntryBody } }, async (request, reply) =>
    reply.status(201).send(await publishEntry({ ctx, principal: requirePrincipal(request), input: request.body as EntryInput })));

  app.post('/list-entries/batch', {
    schema: { tags: ['红黑名单'], summary: '批量认定列入（每行单独处理，返回被拒行及原因）', body: Type.Object({ entries: Type.Array(EntryBody, { minItems: 1, maxItems: 1000 }), allOrNothing: Type.Optional(Type.Boolean()) }, { additionalProperties: false }) },
  }, async (request) => {
    const body = request.body as { entries: EntryInput[]; allOrNothing?: boolean };
    return publishEntries({ ctx, principal: requirePrincipal(request), entries: body.entries, allOrNothing: !!body.allOrNothing });
  });

  await app.register(async (scope) => {
    await registerMultipart(scope);
    scope.post('/list-entries/import', {
      schema: { tags: ['红黑名单'], summary: '从 Excel/CSV 批量认定列入（认定部门；multipart：listType、file、可选 allOrNothing；按认定文书号幂等）', consumes: ['multipart/form-data'] },
    }, async (request) => {
      const principal = requirePrincipal(request);
      const up = await receive(request);
      try {
        const aon = allOrNothingField(up);
        const listType = up.fields.listType?.trim();
        const errs = [...(listType ? [] : [{ path: 'body.listType', message: '缺少名单类型代码（listType）' }]),
          ...(up.file ? [] : [{ path: 'body.file', message: '缺少文件（file）' }]), ...(aon.error ? [aon.error] : [])];
        if (errs.length) throw errors.validation(errs);
        return cutRejects(await importEntries({ ctx, principal, listType: listType!, file: up.file!, fileName: up.fileName, allOrNothing: aon.value }));
      } finally {
        await discard(up);
      }
    });
  });

  app.get('/list-entries', {
    schema: {
      tags: ['红黑名单'], summary: '名单记录',
      querystring: Type.Object({
        listType: Type.Optional(Type.String()), status: Type.Optional(Type.Union(['active', 'held', 'expired', 'removed', 'revoked'].map((s) => Type.Literal(s)))),
        subject: Type.Optional(Type.String({ format: 'uuid' })), decidedFrom: Type.Optional(DateStr), decidedTo: Type.Optional(DateStr),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { listType?: string; status?: string; subject?: string; decidedFrom?: string; decidedTo?: string; limit?: number; offset?: number };
    return { items: await listEntries({ ctx, principal: requirePrincipal(request), filter: { ...q, subjectId: q.subject } }) };
  });
  app.get('/list-entries/:id', { schema: { tags: ['红黑名单'], summary: '名单记录详情（含状态历史）', params: Id } }, async (request) =>
    getEntry({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id }));

  for (const how of ['remove', 'revoke'] as const) {
    app.post(`/list-entries/:id/${how}`, {
      schema: { tags: ['红黑名单'], summary: how === 'remove' ? '移出名单（认定部门）' : '撤销认定（认定部门）', params: Id, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) },
    }, async (request) => endEntry({ ctx, principal: requirePrincipal(request), id: (request.params as { id: string }).id, how, reason: (request.body as { reason: string }).reason }));
  }

  app.get('/public/list-types', { schema: { tags: ['公众查询'], summary: '公开的红黑名单类型', security: [] } }, async () => ({ items: await publicListTypes(ctx.db) }));

  app.get('/public/list-entries', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['公众查询'], summary: '红黑名单（公开、生效中的记录）', security: [],
      querystring: Type.Object({ listType: Type.Optional(Type.String({ maxLength: 64 })), uscc: Type.Optional(Type.String({ maxLength: 40 })), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false }),
    },
  }, async (request) => {
    const q = request.query as { listType?: string; uscc?: string; page?: number; pageSize?: number };
    return publicEntries({ db: ctx.db, listType: q.listType, subjectUscc: q.uscc?.trim().toUpperCase(), page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
  });

  app.get('/public/list-entries/:id', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags: ['公众查询'], summary: '一条公开、生效中的名单记录', security: [], params: Type.Object({ id: Type.String({ maxLength: 40 }) }) },
  }, async (request) => publicEntry({ db: ctx.db, id: (request.params as { id: string }).id }));
}
