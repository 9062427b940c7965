// A real platform for integration and browser tests: its own database, the real app listening on
// a free port, the worker running. No mocks.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { startPlatform as start, type Platform } from '../../src/platform.js';
import { createTestDatabase } from './db.js';

export interface TestPlatform {
  baseUrl: string;
  ctx: AppContext;
  platform: Platform;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(databaseUrl: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    XINYONG_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
    XINYONG_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    XINYONG_DATA: mkdtempSync(path.join(tmpdir(), 'xinyong-data-')),
    ...extra,
  });
}

export async function startPlatform(opts: { demo?: boolean; rateLimits?: boolean; env?: Record<string, string> } = {}): Promise<TestPlatform> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, opts.env);
  const platform = await start(config, { demo: opts.demo, rateLimits: opts.rateLimits ?? false, logger: process.env.XY_TEST_LOG ? { level: 'error' } : false });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = platform.app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx: platform.ctx,
    platform,
    config,
    async close() {
      await platform.close();
      await db.drop();
    },
  };
}

/**
 * Calls `fn` until `ok` holds of its result or `withinMs` passes; returns the last result either way
 * (the caller asserts on it, so a timeout fails with the real value). For what another process
 * applies within a documented lag (ADR 015) — never to paper over a race in the process under test.
 */
export async function eventually<T>(fn: () => Promise<T>, ok: (r: T) => boolean, withinMs: number): Promise<T> {
  const until = Date.now() + withinMs;
  for (;;) {
    const r = await fn();
    if (ok(r) || Date.now() > until) return r;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
