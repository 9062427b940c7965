// HTTP throughput against in-run baselines: a bare Fastify route served by a second, plain Fastify
// instance in the same process, and the same bare route registered among the API routes of the server
// under test (so it pays that server's global hooks — security headers, cookies, authentication); same load
// generator (autocannon, 10 connections, in a process of its own), alternating runs so that machine
// noise hits all alike. Medians of the runs are compared. Each run also reports the CPU this process
// (the servers under test: HTTP, the check log's writer, the index follower) spent per request — a
// figure that does not depend on what else shares the two cores (the generator, PostgreSQL).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';

export interface HttpBenchResult {
  name: string;
  medianRps: number;
  baselineRps: number;
  ratio: number;
  p99Ms: number;
  /** the same bare route registered on the app under test (its global hooks: security headers, cookies, auth) */
  sameServerRps: number;
  sameServerRatio: number;
  /** CPU µs per request in this process (user + system), medians: the route under test, the bare route on the plain server, the bare route on the server under test */
  serverUs: number;
  bareServerUs: number;
  sameServerUs: number;
}

export interface Target {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Different request bodies/paths per request, cycled (e.g. many subjects). */
  requests?: { method?: 'GET' | 'POST'; path: string; body?: string }[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

export async function bareBaseline(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/bare/:value', async (req) => ({ value: (req.params as { value: string }).value, ok: true }));
  const url = await listen(bare);
  return { url, close: () => bare.close() };
}

/** One run of the load generator (bench/load-generator.mjs, a process of its own). */
async function load(url: string, target: Target, seconds: number) {
  const child = fork(fileURLToPath(new URL('./load-generator.mjs', import.meta.url)), [], { execArgv: [] });
  const cpu = process.cpuUsage();
  const result = await new Promise<{ rps: number; p99: number; non2xx: number; errors: number; total: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { rps: number; p99: number; non2xx: number; errors: number; total: number }));
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
    child.send({
      url, duration: seconds, method: target.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...target.headers }, body: target.body,
      requests: target.requests?.map((r) => ({ method: r.method ?? target.method ?? 'GET', path: r.path, body: r.body })),
    });
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors from ${url}${target.path}: the benchmark would be meaningless`);
  }
  const used = process.cpuUsage(cpu);
  return { rps: result.rps, p99: result.p99, cpuUs: (used.user + used.system) / Math.max(1, result.total) };
}

export async function compareWithBareRoute(opts: {
  name: string; app: FastifyInstance; target: Target; seconds?: number; rounds?: number;
}): Promise<HttpBenchResult> {
  const seconds = opts.seconds ?? 5;
  const rounds = opts.rounds ?? 3;
  const baseline = await bareBaseline();
  // the bare route again, on the server under test, among its API routes: what any API route of it
  // costs (global hooks, security headers, the authentication hook), before its own work
  opts.app.get('/api/v1/bench-bare/:value', async (req) => ({ value: (req.params as { value: string }).value, ok: true }));
  const appUrl = await listen(opts.app);
  try {
    await load(appUrl + opts.target.path, opts.target, 1); // warm-up (JIT, pools, prepared plans)
    const app: Awaited<ReturnType<typeof load>>[] = [];
    const bare: Awaited<ReturnType<typeof load>>[] = [];
    const sameServer: Awaited<ReturnType<typeof load>>[] = [];
    for (let i = 0; i < rounds; i++) {
      bare.push(await load(`${baseline.url}/bare/91410100MA3X5K7Q1U`, { path: '/bare/91410100MA3X5K7Q1U' }, seconds));
      sameServer.push(await load(`${appUrl}/api/v1/bench-bare/91410100MA3X5K7Q1U`, { path: '/api/v1/bench-bare/91410100MA3X5K7Q1U' }, seconds));
      app.push(await load(appUrl + opts.target.path, opts.target, seconds));
    }
    const of = (runs: typeof app, k: 'rps' | 'p99' | 'cpuUs') => median(runs.map((r) => r[k]));
    const medianRps = of(app, 'rps');
    const baselineRps = of(bare, 'rps');
    const sameServerRps = of(sameServer, 'rps');
    return {
      name: opts.name, medianRps, baselineRps, ratio: medianRps / baselineRps, p99Ms: of(app, 'p99'), sameServerRps, sameServerRatio: medianRps / sameServerRps,
      serverUs: of(app, 'cpuUs'), bareServerUs: of(bare, 'cpuUs'), sameServerUs: of(sameServer, 'cpuUs'),
    };
  } finally {
    await baseline.close();
  }
}
