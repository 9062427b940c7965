// One running platform: database opened (embedded or server), the credit office ensured, demo
// data loaded on request, the HTTP app built and the worker started. Used by `serve` and tests.
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase, type Database } from './db/database.js';
import { refreshStaleNameSearch } from './modules/subjects/search.js';
import { ensurePlatformDepartment } from './modules/departments/use-cases.js';
import { ensureCalendar } from './modules/calendar/seed.js';
import { ensureCatalog } from './modules/catalog/seed.js';
import { loadDemo } from './modules/demo/load.js';
import { loadJointActionSeeds } from './modules/lists/seed.js';
import { startWorker, type Worker } from './worker.js';

export interface Platform {
  ctx: AppContext;
  app: FastifyInstance;
  database: Database;
  worker: Worker | null;
  close(): Promise<void>;
}

export async function openContext(config: Config, opts: { attach?: boolean; log?: (m: string) => void } = {}): Promise<{ ctx: AppContext; database: Database }> {
  const database = await openDatabase(config, { attach: opts.attach, log: opts.log });
  const ctx: AppContext = { db: database.db, config, databaseKind: database.kind, pool: database.pool, checkPool: database.checkPool };
  try {
    await ensurePlatformDepartment(ctx.db, config);
    await ensureCatalog(ctx.db);
    await ensureCalendar(ctx.db);
    await loadJointActionSeeds(ctx.db);
    // subjects stored before pinyin search (migration 015) get it once; later starts find none (ADR 019)
    const refreshed = await refreshStaleNameSearch(ctx);
    if (refreshed) opts.log?.(`已为 ${refreshed} 个主体补建拼音检索`);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { ctx, database };
}

export async function startPlatform(config: Config, opts: BuildOptions & { demo?: boolean; worker?: boolean; log?: (m: string) => void } = {}): Promise<Platform> {
  const { ctx, database } = await openContext(config, { log: opts.log });
  try {
    if (opts.demo) await loadDemo(ctx);
    const app = await buildApp(ctx, opts);
    const worker = opts.worker === false ? null : startWorker(ctx.db, { ctx, log: (m, e) => app.log.error({ err: e }, m) });
    return {
      ctx, app, database, worker,
      async close() {
        await worker?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
