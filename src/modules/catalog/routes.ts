// The catalog over HTTP: anyone authenticated reads it; the credit office's admins create and
// change info types (each change a new version).
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { InfoTypeDefinition } from '../../domain/fields.js';
import { requirePrincipal } from '../../http/auth.js';
import { sendInfoTypeTemplate } from './template.js';
import { createInfoType, getInfoType, listCategories, listInfoTypes, listVersions, updateInfoType } from './use-cases.js';

const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Opt = <T extends TSchema>(t: T) => Type.Optional(t);
const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' });
const Kind = Type.Union([Type.Literal('organization'), Type.Literal('individual_business'), Type.Literal('natural_person')]);

const Field = Type.Object({
  key: Key, label: Str(100), type: Type.Union(['text', 'date', 'integer', 'decimal', 'enum', 'identifier'].map((t) => Type.Literal(t))),
  required: Opt(Type.Boolean()), pii: Opt(Type.Boolean()), enum: Opt(Type.Array(Str(100), { maxItems: 200 })), multiple: Opt(Type.Boolean()),
  synonyms: Opt(Type.Record(Type.String({ maxLength: 100 }), Str(100))), identifier: Opt(Type.Union([Type.Literal('uscc'), Type.Literal('ric')])),
  idTypeField: Opt(Key), maxLength: Opt(Type.Integer({ minimum: 1, maximum: 100000 })), notFuture: Opt(Type.Boolean()), notBefore: Opt(Key),
  min: Opt(Type.Number()), aliases: Opt(Type.Array(Str(100), { maxItems: 20 })), description: Opt(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

const definitionProps = {
  name: Str(100), category: Str(64), description: Opt(Type.String({ maxLength: 1000 })),
  subjectKinds: Type.Array(Kind, { minItems: 1, maxItems: 3 }),
  disclosure: Type.Union([Type.Literal('public'), Type.Literal('shared'), Type.Literal('restricted')]),
  dualPublicity: Type.Boolean(), publication: Type.Union([Type.Literal('penalty'), Type.Null()]),
  naturalKey: Type.Array(Type.String({ pattern: '^(\\$subject|[a-z][a-z0-9_]{0,63})$' }), { minItems: 1, maxItems: 6 }),
  subject: Type.Object({ name: Key, category: Opt(Key), uscc: Opt(Key), orgCode: Opt(Key), regNo: Opt(Key), idType: Opt(Key), idNumber: Opt(Key) }, { additionalProperties: false }),
  decidedOn: Type.Union([Key, Type.Null()]), severity: Opt(Type.Union([Key, Type.Null()])),
  rules: Opt(Type.Array(Type.Object({
    when: Type.Object({ field: Key, in: Opt(Type.Array(Str(100))), includes: Opt(Str(100)) }, { additionalProperties: false }),
    require: Type.Array(Key, { minItems: 1 }),
  }, { additionalProperties: false }), { maxItems: 50 })),
  providerDepartments: Type.Array(Str(40), { maxItems: 500 }),
  feedsListType: Opt(Type.Union([Str(64), Type.Null()])), source: Opt(Type.String({ maxLength: 2000 })),
  // objection deadlines for records of this type, in working days: accept, forward, decide (null = XINYONG_OBJECTION_DAYS)
  objectionDays: Opt(Type.Union([Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), { minItems: 3, maxItems: 3 }), Type.Null()])),
  fields: Type.Array(Field, { minItems: 1, maxItems: 200 }),
};
const Definition = Type.Object({ code: Key, ...definitionProps }, { additionalProperties: false });
const DefinitionWithoutCode = Type.Object(definitionProps, { additionalProperties: false });
const CodeParam = Type.Object({ code: Type.String({ maxLength: 64 }) });

export async function catalogRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/catalog/categories', { schema: { tags: ['信用信息目录'], summary: '目录类别（2024 年版基础目录 13 类）' } }, async (request) => {
    requirePrincipal(request);
    return { items: await listCategories({ db: ctx.db }) };
  });

  app.get('/catalog/info-types', { schema: { tags: ['信用信息目录'], summary: '信息类别列表（当前版本）' } }, async (request) => {
    requirePrincipal(request);
    return { items: await listInfoTypes({ db: ctx.db }) };
  });

  app.get('/catalog/info-types/:code', {
    schema: { tags: ['信用信息目录'], summary: '信息类别定义（可指定版本）', params: CodeParam, querystring: Type.Object({ version: Opt(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }) },
  }, async (request) => {
    requirePrincipal(request);
    return getInfoType({ db: ctx.db, code: (request.params as { code: string }).code, version: (request.query as { version?: number }).version });
  });

  app.get('/catalog/info-types/:code/versions', { schema: { tags: ['信用信息目录'], summary: '信息类别的历次版本', params: CodeParam } }, async (request) => {
    requirePrincipal(request);
    return { items: await listVersions({ db: ctx.db, code: (request.params as { code: string }).code }) };
  });

  app.get('/catalog/info-types/:code/template.xlsx', { schema: { tags: ['信用信息目录'], summary: '下载填报模板（Excel）', params: CodeParam } }, async (request, reply) => {
    requirePrincipal(request);
    return sendInfoTypeTemplate(reply, await getInfoType({ db: ctx.db, code: (request.params as { code: string }).code }));
  });

  app.post('/catalog/info-types', { schema: { tags: ['信用信息目录'], summary: '新增信息类别（信用办管理员）', body: Definition } }, async (request, reply) =>
    reply.status(201).send(await createInfoType({ db: ctx.db, principal: requirePrincipal(request), input: request.body as InfoTypeDefinition })));

  app.put('/catalog/info-types/:code', {
    schema: { tags: ['信用信息目录'], summary: '修改信息类别（生成新版本；信用办管理员）', params: CodeParam, body: DefinitionWithoutCode },
  }, async (request) => updateInfoType({
    db: ctx.db, principal: requirePrincipal(request), code: (request.params as { code: string }).code, input: request.body as Omit<InfoTypeDefinition, 'code'>,
  }));
}
