// Builds the Fastify application: plugins, error mapping, authentication, /api/v1 routes and the
// two web apps. It does not listen (src/server.ts does) so tests can inject requests.
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from './context.js';
import { registerAuth } from './http/auth.js';
import { registerProblemHandlers, sendProblem } from './http/problem.js';
import { AppError } from './errors.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { changeRoutes } from './modules/changes/routes.js';
import { departmentRoutes } from './modules/departments/routes.js';
import { identifierRoutes } from './modules/identifiers/routes.js';
import { subjectRoutes } from './modules/subjects/routes.js';
import { checkRoutes } from './modules/checks/routes.js';
import { listRoutes } from './modules/lists/routes.js';
import { measureRoutes } from './modules/measures/routes.js';
import { memorandumRoutes } from './modules/memoranda/routes.js';
import { taskRoutes } from './modules/tasks/routes.js';
import { pushRoutes } from './modules/push/routes.js';
import { syncRoutes } from './modules/sync/routes.js';
import { objectionRoutes } from './modules/objections/routes.js';
import { repairRoutes } from './modules/repairs/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { collectionRoutes } from './modules/collection/routes.js';
import { recordRoutes } from './modules/records/routes.js';
import { trackingRoutes } from './modules/tracking/routes.js';
import { creditReportRoutes } from './modules/credit-report/routes.js';
import { commitmentRoutes } from './modules/commitments/routes.js';
import { startCheckRuntime } from './modules/checks/runtime.js';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Per-IP limits on public routes and login; benchmarks and tests may switch them off. */
  rateLimits?: boolean;
}

function registerWeb(app: FastifyInstance): void {
  if (!existsSync(WEB_ROOT)) return; // API-only (web not built): `npm run build` builds it
  app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', index: ['index.html'], wildcard: false });
}

function spaFallback(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    const wantsPage = request.method === 'GET' && !url.startsWith('/api/') && existsSync(WEB_ROOT);
    if (wantsPage) {
      const page = url === '/console' || url.startsWith('/console/') ? 'console/index.html' : 'index.html';
      return reply.type('text/html; charset=utf-8').sendFile(page, WEB_ROOT);
    }
    return sendProblem(reply, new AppError('ROUTE_NOT_FOUND', 404, `接口 ${request.method} ${url} 不存在。`));
  });
}

/**
 * Security headers. Pages (the portal, the console, the API docs) get helmet's full set. API answers
 * are JSON for programs, never rendered as documents, and get the set OWASP's REST Security Cheat
 * Sheet names for APIs (ADR 017): half as many headers on every call of a business system.
 * Both sets are built once: @fastify/helmet built helmet's middleware again for every request
 * (parsing the CSP directives each time), a tenth of a check's CPU.
 */
export const API_SECURITY_HEADERS: readonly [string, string][] = [
  ['cache-control', 'no-store'],
  ['content-security-policy', "frame-ancestors 'none'"],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
];

function securityHeaders(app: FastifyInstance): void {
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      for (const [name, value] of API_SECURITY_HEADERS) reply.raw.setHeader(name, value);
      return done();
    }
    pageHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined));
  });
}

/**
 * The check runtime of this app (subject index, write-behind log; ADR 015), closed with it. Every
 * write this process answers is noted before its response leaves, so the next check — of any
 * client — sees it. Checks and their feedback change no subject's facts.
 */
function followWritesForChecks(app: FastifyInstance, ctx: AppContext): void {
  const runtime = ctx.checks ?? startCheckRuntime(ctx, (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)));
  const owned = !ctx.checks;
  ctx.checks = runtime;
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && !request.url.startsWith('/api/v1/checks')) runtime.noteLocalWrite();
    done(null, payload);
  });
  if (owned) {
    app.addHook('onClose', async () => {
      await runtime.close();
      if (ctx.checks === runtime) delete ctx.checks;
    });
  }
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: true,
  });
  registerProblemHandlers(app);
  await app.register(cookie);
  securityHeaders(app);
  if (opts.rateLimits !== false) await app.register(rateLimit, { global: false, enableDraftSpec: true });
  await app.register(swagger, {
    openapi: { info: { title: 'Xinyong 信用 API', version: '1' }, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, security: [{ bearer: [] }] },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, ctx);
  followWritesForChecks(app, ctx);

  app.get('/api/v1/health', { schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    await ctx.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return { status: 'ok', database: ctx.databaseKind === 'embedded' ? 'embedded' : 'server' };
  });
  await app.register(async (api) => {
    await identifierRoutes(api);
    await authRoutes(api, ctx);
    await departmentRoutes(api, ctx);
    await subjectRoutes(api, ctx);
    await changeRoutes(api, ctx);
    await auditRoutes(api, ctx);
    await listRoutes(api, ctx);
    await measureRoutes(api, ctx);
    await memorandumRoutes(api, ctx);
    await taskRoutes(api, ctx);
    await checkRoutes(api, ctx);
    await pushRoutes(api, ctx);
    await syncRoutes(api, ctx);
    await objectionRoutes(api, ctx);
    await repairRoutes(api, ctx);
    await reportRoutes(api, ctx);
    await catalogRoutes(api, ctx);
    await calendarRoutes(api, ctx);
    await collectionRoutes(api, ctx);
    await recordRoutes(api, ctx);
    await trackingRoutes(api, ctx);
    await creditReportRoutes(api, ctx);
    await commitmentRoutes(api, ctx);
  }, { prefix: '/api/v1' });
  registerWeb(app);
  spaFallback(app);
  return app;
}
