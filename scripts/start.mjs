// `npm start`: everything on one machine, one URL.
//
//  1. install dependencies if node_modules is missing (npm ci)
//  2. provision the database `shebao` (scripts/db.mjs: DATABASE_URL if set, else the private MariaDB under .data/)
//  3. prisma generate (offline, skipped when fresh), apply migrations (bff/src/db/migrate.ts)
//  4. seed demo data when the database is empty (prisma/seed/index.ts, if present)
//  5. build the H5 app when miniapp/dist-h5 is missing or older than miniapp/src, miniapp/config or shared/src
//  6. start the BFF (tsx bff/src/main.ts), wait for /api/health, print the URL and the demo accounts
//  7. Ctrl-C / SIGTERM: stop the BFF, then the private MariaDB if this run started it. Data stays in .data/.
//
// Env: DATABASE_URL, PORT (default 3000), HOST (default 127.0.0.1), SHEBAO_DB_PORT (private MariaDB, default 3407),
// SHEBAO_SKIP_H5=1 (don't build the H5), SHEBAO_SKIP_SEED=1; everything else is passed to the BFF.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseDatabaseUrl, provisionDatabase, stopDatabase, usesPrivateServer } from './db.mjs';
import { bin, ensureDependencies, ensureH5, fmtMs, killChildren, ROOT, run, runMigrations } from './lib/common.mjs';
import { spawn } from 'node:child_process';

const t0 = Date.now();
const log = (m) => console.log(`[start] ${m}`);
const DEMO_ACCOUNTS = path.join(ROOT, '.data', 'demo-accounts.txt');
const SEED = path.join(ROOT, 'prisma', 'seed', 'index.ts');

let bff = null;
let stopping = false;

async function shutdown(code, why) {
  if (stopping) return;
  stopping = true;
  if (why) log(why);
  killChildren();
  if (bff && bff.exitCode === null && bff.signalCode === null) {
    bff.kill('SIGTERM');
    const gone = await Promise.race([
      new Promise((r) => bff.once('exit', () => r(true))),
      new Promise((r) => setTimeout(() => r(false), 12_000)),
    ]);
    if (!gone) { log('BFF did not stop in 12 s: SIGKILL'); bff.kill('SIGKILL'); }
    else log('BFF stopped');
  }
  await stopDatabase({ log });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void shutdown(sig === 'SIGINT' ? 0 : 143, `${sig}: stopping …`));

async function databaseIsEmpty(url) {
  const mariadb = (await import('mariadb')).default;
  const { socketPath, password, ...o } = parseDatabaseUrl(url);
  const conn = await mariadb.createConnection({ ...o, ...(password ? { password } : {}), ...(socketPath ? { socketPath } : {}) });
  try {
    const tables = await conn.query(
      "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations'",
    );
    for (const { t } of tables) {
      const rows = await conn.query(`SELECT 1 FROM \`${t.replace(/`/g, '``')}\` LIMIT 1`);
      if (rows.length) return false;
    }
    return true;
  } finally {
    await conn.end();
  }
}

function portFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

async function waitForHealth(base, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return true;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
const main = path.join(ROOT, 'bff', 'src', 'main.ts');
const portInUse = () =>
  new Error(`port ${port} on ${host} is already in use (another npm start?). Stop it, or run with PORT=<free port> npm start`);

async function start() {
  // Fail fast, before the slow steps.
  if (!fs.existsSync(main)) throw new Error('bff/src/main.ts does not exist yet: the BFF cannot start');
  if (!(await portFree(port, host))) throw portInUse();
  await ensureDependencies(log);
  const { prismaGenerate } = await import('./prisma-generate.mjs');

  const url = await provisionDatabase({ dbName: 'shebao', log });
  prismaGenerate({ log });
  const migrated = await runMigrations(url, { quiet: true });
  for (const line of migrated.trim().split('\n').filter(Boolean)) log(line.replace(/^\[migrate\] /, 'migrate: '));

  if (process.env.SHEBAO_SKIP_SEED === '1') {
    log('seed skipped (SHEBAO_SKIP_SEED=1)');
  } else if (await databaseIsEmpty(url)) {
    if (fs.existsSync(SEED)) {
      log('database is empty: seeding demo data (prisma/seed/index.ts) …');
      const ts = Date.now();
      const r = await run(bin('tsx'), [SEED], { env: { ...process.env, DATABASE_URL: url } });
      if (r.code !== 0) throw new Error(`seed failed (exit ${r.code})`);
      log(`seeded in ${fmtMs(Date.now() - ts)}`);
    } else {
      log('database is empty and there is no prisma/seed/index.ts yet: starting without demo data');
    }
  }

  if (process.env.SHEBAO_SKIP_H5 === '1') log('H5 build skipped (SHEBAO_SKIP_H5=1)');
  else await ensureH5(log);

  if (!(await portFree(port, host))) throw portInUse(); // checked again: the build may have taken a while
  bff = spawn(bin('tsx'), [main], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: host }, stdio: 'inherit' });
  bff.once('exit', (code, signal) => {
    if (!stopping) void shutdown(code || 1, `BFF exited (${signal ?? `code ${code}`})`);
  });
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const base = `http://${shownHost}:${port}`;
  if (!(await waitForHealth(base, bff))) {
    if (!stopping) await shutdown(1, `BFF did not answer ${base}/api/health`);
    return;
  }

  const db = parseDatabaseUrl(url);
  console.log('');
  console.log('  ┌──────────────────────────────────────────────');
  console.log(`  │ 掌上社保 is running: ${base}/`);
  console.log(`  │ API: ${base}/api/health   OpenAPI: ${base}/api/openapi.json`);
  console.log(`  │ database: ${db.host}:${db.port}/${db.database}${usesPrivateServer() ? ' (private MariaDB, .data/mariadb)' : ''}`);
  if (fs.existsSync(DEMO_ACCOUNTS)) {
    console.log('  │ demo accounts (.data/demo-accounts.txt):');
    for (const line of fs.readFileSync(DEMO_ACCOUNTS, 'utf8').trimEnd().split('\n')) console.log(`  │   ${line}`);
  } else {
    console.log('  │ demo accounts: none listed (.data/demo-accounts.txt is written by the seed)');
  }
  console.log(`  │ started in ${fmtMs(Date.now() - t0)}. Ctrl-C stops the BFF${usesPrivateServer() ? ' and the private MariaDB (unless another run uses it)' : ''}.`);
  console.log('  └──────────────────────────────────────────────');
}

start().catch((e) => void shutdown(1, `failed: ${e.message}`));
