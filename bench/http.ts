// HTTP throughput against in-run baselines: a bare Fastify route served by a second, plain Fastify
// instance in the same process, and the same bare route registered among the API routes of the server
// under test (so it pays that server's global hooks — security headers, cookies, authentication); same load
// generator (autocannon, 10 connections, in a process of its own), alternating runs so that machine
// noise hits all alike. Medians of the runs are compared.
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
  const result = await new Promise<{ rps: number; p99: number; non2xx: number; errors: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { rps: number; p99: number; non2xx: number; errors: number }));
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
  return { rps: result.rps, p99: result.p99 };
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
    const app: number[] = [];
    const bare: number[] = [];
    const sameServer: number[] = [];
    const p99: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const b = await load(`${baseline.url}/bare/91410100MA3X5K7Q1U`, { path: '/bare/91410100MA3X5K7Q1U' }, seconds);
      bare.push(b.rps);
      sameServer.push((await load(`${appUrl}/api/v1/bench-bare/91410100MA3X5K7Q1U`, { path: '/api/v1/bench-bare/91410100MA3X5K7Q1U' }, seconds)).rps);
      const a = await load(appUrl + opts.target.path, opts.target, seconds);
      app.push(a.rps);
      p99.push(a.p99);
    }
    const medianRps = median(app);
    const baselineRps = median(bare);
    const sameServerRps = median(sameServer);
    return { name: opts.name, medianRps, baselineRps, ratio: medianRps / baselineRps, p99Ms: median(p99), sameServerRps, sameServerRatio: medianRps / sameServerRps };
  } finally {
    await baseline.close();
  }
}
