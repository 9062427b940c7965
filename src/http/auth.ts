// Resolves the caller of every request (API key or console session) and offers the guards that
// routes use. Unauthenticated requests reach only public routes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, errors } from '../errors.js';
import { authenticateKey } from '../modules/auth/keys.js';
import type { Principal, Role } from '../modules/auth/principal.js';
import { authenticateSession, SESSION_COOKIE } from '../modules/auth/users.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-xinyong-client';

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = m ? await authenticateKey(ctx.db, m[1]) : null;
      if (!principal) throw new AppError('INVALID_KEY', 401, 'API 密钥无效或已吊销，请检查 Authorization: Bearer 后的密钥。');
      request.principal = principal;
      return;
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const principal = await authenticateSession(ctx.db, token);
    if (!principal) return; // expired session: treated as anonymous; guarded routes answer 401
    // Browsers send cookies cross-site; a custom header cannot be sent cross-site without CORS.
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== 'console') {
      throw new AppError('CSRF_REJECTED', 403, '请求缺少安全校验头，请从控制台页面操作。');
    }
    request.principal = principal;
  });
}

export function requirePrincipal(request: FastifyRequest, roles?: Role[]): Principal {
  const p = request.principal;
  if (!p) throw errors.unauthenticated();
  if (roles && !roles.includes(p.role)) throw errors.forbidden(`此操作需要以下角色之一：${roles.join('、')}。`);
  return p;
}
