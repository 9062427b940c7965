// Profiling aid (not part of `npm run bench`): a platform with N organisations listening on a fixed
// port, its API key written to a file, so a load generator in another process can drive it while
// this one runs under --cpu-prof. Stops on SIGINT.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createApiKey } from '../src/modules/auth/keys.js';
import { openContext } from '../src/platform.js';
import { loadSubjects, setting } from './checks.js';

const count = Number(process.env.ORGS ?? 100_000);
const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-prof-'));
const config = loadConfig({ ...process.env, XINYONG_DATA: dir, XINYONG_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`, XINYONG_BLIND_INDEX_KEY: randomBytes(32).toString('base64') });
const { ctx, database } = await openContext(config);
const { usccs, ids } = await loadSubjects(ctx, database.pool, count);
const { platform } = await setting(ctx, count / 5, ids);
const key = (await createApiKey({ db: ctx.db, principal: null, departmentCode: platform.code, role: 'system' })).key;
const app = await buildApp(ctx, { rateLimits: false });
app.get('/api/v1/bench-bare/:value', async (req) => ({ value: (req.params as { value: string }).value, ok: true }));
await ctx.checks?.follower?.ready();
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
writeFileSync(process.env.OUT ?? '/tmp/prof/server.json', JSON.stringify({ key, usccs: Array.from({ length: 2000 }, (_, i) => usccs[(i * 7919) % usccs.length]) }));
console.log('ready');
process.on('SIGINT', async () => { await app.close(); await database.close(); rmSync(dir, { recursive: true, force: true }); process.exit(0); });
