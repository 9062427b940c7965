import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { validateIdentifier, type IdentifierResult, type IdentifierType } from '../../domain/identifiers/index.js';

const TYPES = ['uscc', 'ric', 'org_code', 'reg_no'] as const;

/** The public shape of DESIGN §5: {value, type, valid, errors, details} plus warnings and candidates. */
export function presentIdentifier(r: IdentifierResult) {
  return { value: r.value, type: r.type, valid: r.valid, errors: r.errors, warnings: r.warnings, candidates: r.candidates, ambiguous: r.ambiguous, details: r.details };
}

export async function identifierRoutes(app: FastifyInstance) {
  app.get('/identifiers/:value', {
    schema: {
      tags: ['代码校验'], summary: '校验统一社会信用代码、身份证号码、组织机构代码或工商注册号',
      params: Type.Object({ value: Type.String({ maxLength: 64 }) }),
      querystring: Type.Object({ type: Type.Optional(Type.Union(TYPES.map((t) => Type.Literal(t)))) }, { additionalProperties: false }),
    },
  }, async (request) => {
    const { value } = request.params as { value: string };
    const { type } = request.query as { type?: IdentifierType };
    return presentIdentifier(validateIdentifier(value, type));
  });
}
