// The one place that listens. Stops cleanly on SIGINT/SIGTERM: HTTP first, then the worker, then
// the database (the embedded server is shut down, never killed).
import type { Config } from './config.js';
import { startPlatform } from './platform.js';

export async function serve(opts: { config: Config; port: number; host: string; demo: boolean }): Promise<void> {
  const platform = await startPlatform(opts.config, { demo: opts.demo, logger: { level: opts.config.logLevel } });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    platform.app.log.warn(`received ${signal}, shutting down`);
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await platform.app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    await platform.close();
    throw e;
  }
  const db = platform.database.kind === 'embedded' ? `内置数据库（${opts.config.dataDir}）` : 'PostgreSQL 服务器（DATABASE_URL）';
  console.log(`信用平台已启动：http://${opts.host}:${opts.port}/  控制台：/console/  API 文档：/api/docs  数据库：${db}`);
}
