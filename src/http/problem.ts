// The one place where errors become application/problem+json. Users never see a stack trace:
// unexpected errors are logged with the request id and answered with a generic Chinese message.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError, titleFor, type FieldError } from '../errors.js';

interface AjvIssue {
  instancePath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本', integer: '整数', number: '数字', boolean: '布尔值（true/false）', object: '对象', array: '数组', null: '空值',
};

/** ajv's English messages, said in Chinese with the field they concern. */
export function ajvIssueToFieldError(issue: AjvIssue, context = 'body'): FieldError {
  const base = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const p = issue.params;
  const at = (name: string) => [context, base, name].filter(Boolean).join('.');
  switch (issue.keyword) {
    case 'required': return { path: at(String(p.missingProperty)), message: `缺少必填字段 ${p.missingProperty}` };
    case 'additionalProperties': return { path: at(String(p.additionalProperty)), message: `不认识的字段 ${p.additionalProperty}，请删除或检查拼写` };
    case 'type': return { path: at(''), message: `应为${TYPE_NAMES[String(p.type)] ?? p.type}` };
    case 'enum': return { path: at(''), message: `取值应为以下之一：${(p.allowedValues as unknown[]).join('、')}` };
    case 'minLength': return { path: at(''), message: `长度不能少于 ${p.limit} 个字符` };
    case 'maxLength': return { path: at(''), message: `长度不能超过 ${p.limit} 个字符` };
    case 'minimum': return { path: at(''), message: `不能小于 ${p.limit}` };
    case 'maximum': return { path: at(''), message: `不能大于 ${p.limit}` };
    case 'minItems': return { path: at(''), message: `至少需要 ${p.limit} 项` };
    case 'maxItems': return { path: at(''), message: `最多 ${p.limit} 项` };
    case 'pattern': return { path: at(''), message: '格式不正确' };
    case 'format': return { path: at(''), message: FORMAT_NAMES[String(p.format)] ?? `格式应为 ${p.format}` };
    case 'const': return { path: at(''), message: `取值应为 ${String(p.allowedValue)}` };
    case 'anyOf': return { path: at(''), message: '不符合任何一种允许的写法' };
    default: return { path: at(''), message: `不符合要求（${issue.keyword}）` };
  }
}

const FORMAT_NAMES: Record<string, string> = {
  date: '应为有效的日期，格式 YYYY-MM-DD（如 2026-03-05）', uuid: '应为有效的编号（UUID 格式）', uri: '应为完整的网址（如 https://…）',
};

/**
 * All of a request's issues, each field said once. A union — TypeBox's `Type.Union` of literals, or of a
 * value and null — fails with one issue per branch plus its own `anyOf`; a clerk needs the choices
 * ("取值应为以下之一：applied、not_applied"), not three lines saying `const`.
 */
export function ajvIssuesToFieldErrors(issues: AjvIssue[], context = 'body'): FieldError[] {
  const unions = new Set(issues.filter((i) => i.keyword === 'anyOf').map((i) => i.instancePath ?? ''));
  const branches = new Map<string, AjvIssue[]>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const at = issue.instancePath ?? '';
    if (!unions.has(at)) out.push(ajvIssueToFieldError(issue, context));
    else if (issue.keyword !== 'anyOf') branches.set(at, [...(branches.get(at) ?? []), issue]);
    else out.push(unionError(branches.get(at) ?? [issue], context));
  }
  const seen = new Set<string>();
  return out.filter((e) => !seen.has(`${e.path} ${e.message}`) && seen.add(`${e.path} ${e.message}`));
}

function unionError(issues: AjvIssue[], context: string): FieldError {
  const values = issues.flatMap((i) => (i.keyword === 'const' ? [i.params.allowedValue] : i.keyword === 'enum' ? (i.params.allowedValues as unknown[]) : []));
  const others = issues.filter((i) => i.keyword !== 'const' && i.keyword !== 'enum').map((i) => ajvIssueToFieldError(i, context));
  const path = ajvIssueToFieldError(issues[0], context).path;
  const choices = values.length ? [`取值应为以下之一：${values.map(String).join('、')}`] : [];
  const parts = [...choices, ...others.map((e) => e.message)];
  return { path, message: parts.length === 1 ? parts[0] : `应满足以下之一：${parts.join('；或')}` };
}

export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  const body: Record<string, unknown> = {
    type: `urn:xinyong:problem:${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: titleFor(err.status),
    status: err.status,
    detail: err.detail,
    code: err.code,
  };
  if (err.errors?.length) body.errors = err.errors;
  return reply.status(err.status).type('application/problem+json; charset=utf-8').send(body);
}

function toAppError(error: FastifyError & { validation?: AjvIssue[]; validationContext?: string }): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const errs = ajvIssuesToFieldErrors(error.validation, error.validationContext);
    return new AppError('VALIDATION_FAILED', 400, `请求内容不符合要求：${errs.map((e) => `${e.path} ${e.message}`).join('；')}`, errs);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', 400, '请求体不是有效的 JSON，请检查引号、逗号和括号。');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, '不支持的请求内容类型，请使用 application/json。');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', 413, '请求体过大。');
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', 429, '请求过于频繁，请稍后再试。');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', error.statusCode, '请求无法处理，请检查请求格式。');
  }
  return null;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) return sendProblem(reply, known);
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, new AppError('INTERNAL', 500, `系统内部错误，请稍后重试；如仍失败请联系管理员并提供请求编号 ${request.id}。`));
  });
}
