// Database provisioning for `npm start`, `npm test` and `npm run bench`.
//
//   provisionDatabase({ dbName, purpose, recreate }) → DATABASE_URL (mysql://…)
//   stopDatabase()                                   → stops the private server this process started
//
// Where the database lives:
//   * env DATABASE_URL set → that server. For purpose 'dev' the URL is used as is; for 'test' env TEST_DATABASE_URL
//     wins, else the same server with the database name suffixed `_test`; likewise 'bench' (BENCH_DATABASE_URL, `_bench`).
//   * otherwise → a project-local MariaDB under <repo>/.data/mariadb (datadir, socket, pid, error log, port), started
//     from the system's `mariadbd` (Debian package mariadb-server). Port 3407 by default (env SHEBAO_DB_PORT), the
//     next free one when taken; the chosen port is kept in .data/mariadb/port. A server left running by a previous
//     run (pid file alive, our datadir, port answers) is reused; data persists between runs. Runs using it hold a
//     lease (.data/mariadb/leases/<pid>); the last one to finish stops it (unless it was started by the CLI).
//     SHEBAO_MARIADB_BIN_DIR: folder holding mariadbd + mariadb-install-db when they are not on PATH or /usr/sbin.
//
// CLI: node scripts/db.mjs start [name] | stop | status | url [name] | drop <name>
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mariadb from 'mariadb';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// SHEBAO_DATA_DIR moves the private server elsewhere (scripts/test/db.test.mjs uses a temporary one).
export const PRIVATE_DIR = process.env.SHEBAO_DATA_DIR ? path.resolve(process.env.SHEBAO_DATA_DIR) : path.join(ROOT, '.data', 'mariadb');
const DATA_DIR = path.join(PRIVATE_DIR, 'data');
const PID_FILE = path.join(PRIVATE_DIR, 'pid');
const PORT_FILE = path.join(PRIVATE_DIR, 'port');
const ERR_LOG = path.join(PRIVATE_DIR, 'err.log');
const LOCK_FILE = path.join(PRIVATE_DIR, 'provision.lock');
const OWNER_FILE = path.join(PRIVATE_DIR, 'owner'); // pid of the run that started the server, or "manual" (CLI)
const LEASE_DIR = path.join(PRIVATE_DIR, 'leases'); // one file per live process using the server
const DEFAULT_PORT = Number(process.env.SHEBAO_DB_PORT || 3407);
const START_TIMEOUT_MS = 30_000;

/** pid of the private mariadbd started by *this* process (null when we reused one or used DATABASE_URL). */
let startedPid = null;
/** This process holds a lease on the private server (it provisioned a database there). */
let leased = false;

const SUFFIX = { dev: '', test: '_test', bench: '_bench' };
const ENV_OVERRIDE = { dev: 'DATABASE_URL', test: 'TEST_DATABASE_URL', bench: 'BENCH_DATABASE_URL' };

/**
 * Make sure a database exists and return its URL.
 * @param {{ dbName: string, purpose?: 'dev'|'test'|'bench', recreate?: boolean, log?: (msg: string) => void }} opts
 *   dbName   name on the private server (e.g. 'shebao', 'shebao_test').
 *   purpose  decides how env DATABASE_URL / TEST_DATABASE_URL / BENCH_DATABASE_URL are read (default 'dev').
 *   recreate drop and create the database (clean test runs). Refused for the database DATABASE_URL points at.
 * @returns {Promise<string>} mysql://user[:password]@host:port/db
 */
export async function provisionDatabase({ dbName, purpose = 'dev', recreate = false, log = defaultLog } = {}) {
  if (!dbName || !/^[A-Za-z0-9_]+$/.test(dbName)) throw new Error(`provisionDatabase: bad dbName ${JSON.stringify(dbName)}`);
  if (!(purpose in SUFFIX)) throw new Error(`provisionDatabase: unknown purpose ${purpose}`);

  let url;
  const explicit = process.env[ENV_OVERRIDE[purpose]];
  if (explicit) {
    url = explicit;
  } else if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    const base = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'shebao';
    u.pathname = '/' + base + SUFFIX[purpose];
    url = u.toString();
  }

  if (url) {
    const { database } = parseDatabaseUrl(url);
    if (recreate && process.env.DATABASE_URL && purpose !== 'dev' && sameDatabase(url, process.env.DATABASE_URL)) {
      throw new Error(`拒绝清空 DATABASE_URL 指向的数据库 ${database} / refusing to drop the database DATABASE_URL points at (${database}); set ${ENV_OVERRIDE[purpose]} to a separate database`);
    }
    await ensureDatabase(url, { recreate, log });
    return url;
  }

  const port = await ensurePrivateServer({ log }); // takes a lease for this process
  // The private server is on this host: talk to it over its Unix socket (the port stays in the URL for tools that
  // only speak TCP). A socket round trip costs the kernel far less than loopback TCP, which showed up as the largest
  // single item in the BFF's CPU profile on the hot read path.
  url = `mysql://root@127.0.0.1:${port}/${dbName}?socket=${encodeURIComponent(socketPath())}`;
  await ensureDatabase(url, { recreate, log });
  return url;
}

/**
 * Done with the private MariaDB: drop this process's lease and stop the server (SIGTERM, wait) when nobody else
 * uses it and it was started automatically (by this process, or by an earlier run that has ended; a server started
 * with `node scripts/db.mjs start` is left running). So two runs sharing the server (npm start + npm test) never pull
 * it from under each other, and the last one out turns it off.
 * With { any: true } (CLI `stop`) stop it regardless.
 * @returns {Promise<boolean>} whether the server was stopped
 */
export async function stopDatabase({ any = false, log = defaultLog } = {}) {
  if (!any && !leased) return false;
  if (!fs.existsSync(PRIVATE_DIR)) return false;
  // Under the provisioning lock, so a run that is just reusing the server cannot lose it half-way.
  return withLock(() => releaseOrStop({ any, log }));
}

async function releaseOrStop({ any, log }) {
  if (leased) {
    fs.rmSync(path.join(LEASE_DIR, String(process.pid)), { force: true });
    leased = false;
  }
  const pid = readPid();
  if (!pid || !isOurServer(pid)) { startedPid = null; return false; }
  if (!any) {
    const others = liveLeases();
    if (others.length) {
      log(`私有 MariaDB 仍被其他进程使用，保持运行 / private MariaDB still used by pid ${others.join(', ')}: leaving it running`);
      return false;
    }
    if (readOwner() === 'manual') { // started by `node scripts/db.mjs start`: a human stops it
      log('私有 MariaDB 由 scripts/db.mjs start 启动，保持运行 / private MariaDB was started by `node scripts/db.mjs start`: leaving it running (stop: node scripts/db.mjs stop)');
      startedPid = null;
      return false;
    }
  }
  startedPid = null;
  try { process.kill(pid, 'SIGTERM'); } catch { return false; }
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    log(`mariadbd ${pid} did not stop within 30 s; sending SIGKILL`);
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
  fs.rmSync(OWNER_FILE, { force: true });
  log(`私有 MariaDB 已停止 / private MariaDB stopped (pid ${pid})`);
  return true;
}

/** True when this process started the private server. */
export function startedPrivateServer() {
  return startedPid !== null;
}

/** True when this process uses the private server (and should call stopDatabase() when done). */
export function usesPrivateServer() {
  return leased;
}

function takeLease() {
  fs.mkdirSync(LEASE_DIR, { recursive: true });
  fs.writeFileSync(path.join(LEASE_DIR, String(process.pid)), new Date().toISOString() + '\n');
  leased = true;
}
/** pids (other than ours) with a lease whose process is alive; stale leases are removed. */
function liveLeases() {
  let names = [];
  try { names = fs.readdirSync(LEASE_DIR); } catch { return []; }
  const live = [];
  for (const n of names) {
    const pid = Number(n);
    if (pid === process.pid) continue;
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) live.push(pid);
    else fs.rmSync(path.join(LEASE_DIR, n), { force: true });
  }
  return live;
}
function readOwner() {
  try {
    const t = fs.readFileSync(OWNER_FILE, 'utf8').trim();
    return t === 'manual' ? 'manual' : Number(t) || null;
  } catch {
    return null;
  }
}

/** Parse mysql:// or mariadb:// URLs into options for the `mariadb` driver. */
export function parseDatabaseUrl(url) {
  const u = new URL(url);
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') throw new Error(`DATABASE_URL must start with mysql:// or mariadb:// (got ${u.protocol})`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL has no database name');
  const opts = {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database,
  };
  const socket = u.searchParams.get('socket') || u.searchParams.get('socketPath');
  if (socket) opts.socketPath = socket;
  return opts;
}

function sameDatabase(a, b) {
  const x = parseDatabaseUrl(a);
  const y = parseDatabaseUrl(b);
  return x.host === y.host && x.port === y.port && x.database === y.database;
}

async function ensureDatabase(url, { recreate, log }) {
  const { database, ...server } = parseDatabaseUrl(url);
  const conn = await mariadb.createConnection({ ...server, connectTimeout: 10_000 });
  try {
    const q = '`' + database.replace(/`/g, '``') + '`';
    if (recreate) {
      await conn.query(`DROP DATABASE IF EXISTS ${q}`);
      log(`database ${database}: dropped for a clean run`);
    }
    const r = await conn.query(`CREATE DATABASE IF NOT EXISTS ${q} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    if (r.warningStatus === 0) log(`database ${database}: created`);
  } finally {
    await conn.end();
  }
}

// ---------------------------------------------------------------- private server

function findBinary(name) {
  // SHEBAO_MARIADB_BIN_DIR: look only there (a MariaDB unpacked elsewhere; also how the "not installed" message is tested).
  const only = process.env.SHEBAO_MARIADB_BIN_DIR;
  if (only) {
    const p = path.join(only, name);
    try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { return null; }
  }
  const dirs = [...(process.env.PATH || '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/bin', '/sbin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = path.join(d, name);
    try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
  }
  return null;
}

function missingServerError(what) {
  return new Error(
    `未找到 ${what}：请安装 Debian 软件包 mariadb-server（sudo apt-get install -y mariadb-server），或设置 DATABASE_URL 指向现有的 MySQL/MariaDB。\n` +
    `${what} not found: install the Debian package mariadb-server (sudo apt-get install -y mariadb-server), ` +
    `or set DATABASE_URL to an existing MySQL/MariaDB server.`,
  );
}

function socketPath() {
  const p = path.join(PRIVATE_DIR, 'sock');
  if (Buffer.byteLength(p) < 100) return p; // sun_path holds 108 bytes incl. NUL
  const h = createHash('sha256').update(PRIVATE_DIR).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `shebao-${h}.sock`);
}

function readPid() {
  try { const n = Number(fs.readFileSync(PID_FILE, 'utf8').trim()); return Number.isInteger(n) && n > 0 ? n : null; } catch { return null; }
}
function readPort() {
  try { const n = Number(fs.readFileSync(PORT_FILE, 'utf8').trim()); return Number.isInteger(n) && n > 0 ? n : null; } catch { return null; }
}
function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}
/** The pid is a mariadbd serving our datadir (guards against pid reuse). */
function isOurServer(pid) {
  if (!isAlive(pid)) return false;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmd.some((a) => a === `--datadir=${DATA_DIR}`);
  } catch {
    return false;
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}
async function pickPort() {
  for (let p = DEFAULT_PORT; p < DEFAULT_PORT + 100; p++) if (await portFree(p)) return p;
  throw new Error(`no free TCP port in ${DEFAULT_PORT}–${DEFAULT_PORT + 99} for the private MariaDB`);
}

async function answers(port) {
  try {
    const c = await mariadb.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function logTail(n = 20) {
  try { return fs.readFileSync(ERR_LOG, 'utf8').trimEnd().split('\n').slice(-n).join('\n'); } catch { return '(no error log)'; }
}

async function withLock(fn) {
  fs.mkdirSync(PRIVATE_DIR, { recursive: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const fd = fs.openSync(LOCK_FILE, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim() || 0);
      if (!holder || !isAlive(holder)) { fs.rmSync(LOCK_FILE, { force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`${LOCK_FILE} held by pid ${holder} for over 60 s`);
      await sleep(200);
    }
  }
  try { return await fn(); } finally { fs.rmSync(LOCK_FILE, { force: true }); }
}

async function ensurePrivateServer({ log }) {
  return withLock(async () => {
    // Reuse a server from a previous run.
    const oldPid = readPid();
    const oldPort = readPort();
    if (oldPid && isOurServer(oldPid) && oldPort) {
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (await answers(oldPort)) {
          log(`复用私有 MariaDB / reusing private MariaDB (pid ${oldPid}, 127.0.0.1:${oldPort})`);
          takeLease();
          return oldPort;
        }
        if (!isOurServer(oldPid)) break;
        await sleep(250);
      }
      if (isOurServer(oldPid)) {
        throw new Error(`private mariadbd (pid ${oldPid}) is running but does not answer on port ${oldPort}:\n${logTail()}`);
      }
    }
    fs.rmSync(PID_FILE, { force: true });

    const mariadbd = findBinary('mariadbd') ?? findBinary('mysqld');
    if (!mariadbd) throw missingServerError('mariadbd');
    const asRoot = process.getuid?.() === 0;

    if (!fs.existsSync(path.join(DATA_DIR, 'mysql'))) {
      const installDb = findBinary('mariadb-install-db') ?? findBinary('mysql_install_db');
      if (!installDb) throw missingServerError('mariadb-install-db');
      fs.rmSync(DATA_DIR, { recursive: true, force: true });
      fs.mkdirSync(DATA_DIR, { recursive: true });
      log(`initialising private MariaDB data directory ${path.relative(ROOT, DATA_DIR)} …`);
      const args = ['--no-defaults', `--datadir=${DATA_DIR}`, '--auth-root-authentication-method=normal', '--skip-test-db'];
      if (asRoot) args.push('--user=root');
      const r = spawnSync(installDb, args, { encoding: 'utf8' });
      if (r.status !== 0) {
        fs.rmSync(DATA_DIR, { recursive: true, force: true });
        throw new Error(`mariadb-install-db failed (exit ${r.status}):\n${(r.stderr || '') + (r.stdout || '')}`.trim());
      }
    }

    const port = await pickPort();
    const sock = socketPath();
    fs.rmSync(sock, { force: true });
    const args = [
      '--no-defaults', // independent of /etc/mysql (a system server's config must not leak in)
      `--datadir=${DATA_DIR}`,
      `--socket=${sock}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${PID_FILE}`,
      `--log-error=${ERR_LOG}`,
      '--skip-name-resolve',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      // A disposable development server: trade durability of the last second for speed.
      '--innodb-flush-log-at-trx-commit=2',
      '--sync-binlog=0',
    ];
    if (asRoot) args.push('--user=root');
    const child = spawn(mariadbd, args, { detached: true, stdio: 'ignore' });
    let exited = null;
    child.once('exit', (code, signal) => { exited = { code, signal }; });
    child.once('error', (e) => { exited = { code: -1, signal: String(e) }; });
    child.unref();
    startedPid = child.pid;
    fs.writeFileSync(PORT_FILE, String(port) + '\n');
    fs.writeFileSync(OWNER_FILE, String(process.pid) + '\n');
    log(`starting private MariaDB (pid ${child.pid}) on 127.0.0.1:${port}, data in ${path.relative(ROOT, PRIVATE_DIR)}`);

    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (exited) {
        startedPid = null;
        fs.rmSync(OWNER_FILE, { force: true });
        throw new Error(`mariadbd exited during start-up (${exited.code ?? exited.signal}); ${ERR_LOG}:\n${logTail()}`);
      }
      if (await answers(port)) break;
      if (Date.now() > deadline) {
        try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
        startedPid = null;
        fs.rmSync(OWNER_FILE, { force: true });
        throw new Error(`mariadbd did not accept connections on 127.0.0.1:${port} within ${START_TIMEOUT_MS / 1000} s; ${ERR_LOG}:\n${logTail()}`);
      }
      await sleep(150);
    }
    // mariadbd writes the pid file itself; make sure it is there for the next run's reuse check.
    if (readPid() !== child.pid) fs.writeFileSync(PID_FILE, String(child.pid) + '\n');
    takeLease();
    return port;
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
function defaultLog(msg) {
  console.log(`[db] ${msg}`);
}

// ---------------------------------------------------------------- CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd = 'status', name = 'shebao'] = process.argv.slice(2);
  try {
    if (cmd === 'start' || cmd === 'url') {
      const url = await provisionDatabase({ dbName: name, log: cmd === 'url' ? () => {} : defaultLog });
      // Leave it running (the CLI is for humans); a server started here is not stopped by npm start/test.
      if (startedPid) fs.writeFileSync(OWNER_FILE, 'manual\n');
      if (leased) { fs.rmSync(path.join(LEASE_DIR, String(process.pid)), { force: true }); leased = false; }
      startedPid = null;
      console.log(url);
    } else if (cmd === 'drop') {
      // Reset one database (e.g. after the initial migration was regenerated); the next npm start recreates it.
      if (name === 'shebao' && process.argv[3] !== 'shebao') throw new Error('name the database to drop explicitly: node scripts/db.mjs drop shebao');
      const url = await provisionDatabase({ dbName: name, log: () => {} });
      const { database, ...server } = parseDatabaseUrl(url);
      const conn = await mariadb.createConnection(server);
      await conn.query(`DROP DATABASE IF EXISTS \`${database.replace(/`/g, '``')}\``);
      await conn.end();
      if (leased) { fs.rmSync(path.join(LEASE_DIR, String(process.pid)), { force: true }); leased = false; }
      if (startedPid) fs.writeFileSync(OWNER_FILE, 'manual\n');
      startedPid = null;
      console.log(`[db] dropped ${database}`);
    } else if (cmd === 'stop') {
      if (!(await stopDatabase({ any: true }))) console.log('[db] no private MariaDB running');
    } else if (cmd === 'status') {
      const pid = readPid();
      const port = readPort();
      if (pid && isOurServer(pid) && port && (await answers(port))) console.log(`running: pid ${pid}, mysql://root@127.0.0.1:${port}/`);
      else console.log('not running');
    } else {
      console.error('usage: node scripts/db.mjs start [name] | stop | status | url [name] | drop <name>');
      process.exitCode = 2;
    }
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
