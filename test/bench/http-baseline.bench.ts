// HTTP baseline: what the BFF's middleware stack costs per request.
// Bare Koa `GET /ping` versus the BFF's `GET /api/health` (real entry point bff/src/main.ts: request id, access log,
// error handler, security headers, CORS, body parser, router, zod response), each server in its own process,
// loaded by autocannon from this process over loopback. Prints req/s, p50/p99 latency and the ratio to bare Koa.
//
// Run by `npm run bench` (scripts/bench.mjs sets DATABASE_URL). BENCH_DURATION (s, default 10, max 10) and
// BENCH_CONNECTIONS (default 20) tune the runs. LOG_LEVEL=warn for the BFF: the access log line per request is
// left out of the comparison on purpose (pino to a pipe would mostly measure the pipe).
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Math.min(10, Math.max(1, Number(process.env.BENCH_DURATION ?? 10)));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WARMUP = 2;

const BARE_KOA = `
import Koa from 'koa';
const app = new Koa();
app.use((ctx) => { if (ctx.path === '/ping') { ctx.body = { pong: true }; } else { ctx.status = 404; } });
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string): Promise<Figures> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP }); // warm-up (JIT, pools), not counted
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

async function measure(name: string, path_: string, args: string[], env: NodeJS.ProcessEnv): Promise<Figures> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const url = `http://127.0.0.1:${port}${path_}`;
    await waitFor(url, child);
    return await load(name, url);
  } finally {
    await stop(child);
  }
}

const tsxCli = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const results: Figures[] = [];
console.log(`http-baseline: ${DURATION} s per run after ${WARMUP} s warm-up, ${CONNECTIONS} connections, loopback`);
results.push(await measure('bare Koa  GET /ping', '/ping', ['--input-type=module', '-e', BARE_KOA], { ...process.env, NODE_ENV: 'production' }));
results.push(
  await measure('BFF       GET /api/health', '/api/health', [tsxCli, path.join(ROOT, 'bff/src/main.ts')], {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  }),
);

const base = results[0]!.rps;
console.log('');
console.log(`  ${'endpoint'.padEnd(28)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'vs bare Koa'.padStart(12)}`);
for (const r of results) {
  console.log(`  ${r.name.padEnd(28)} ${r.rps.toFixed(0).padStart(9)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${`${((r.rps / base) * 100).toFixed(0)} %`.padStart(12)}`);
}
const bad = results.filter((r) => r.errors || r.non2xx);
for (const r of bad) console.error(`  ${r.name}: ${r.errors} errors/timeouts, ${r.non2xx} non-2xx of ${r.requests} requests`);
if (bad.length) process.exitCode = 1;
