// scripts/db.mjs against a real, temporary private MariaDB (SHEBAO_DATA_DIR in a temp folder, its own port range),
// driven through separate Node processes as npm start / npm test would use it. Needs the system's mariadbd.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DB_MJS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'db.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-dbt-'));
let basePort = 0;
let env = {};

/** A port p such that p and p+1 are free (the test occupies p to force the fallback). */
async function freePortPair() {
  for (let i = 0; i < 50; i++) {
    const p = 20000 + Math.floor(Math.random() * 20000);
    if ((await portFree(p)) && (await portFree(p + 1))) return p;
  }
  throw new Error('no free port pair');
}
function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => s.close(() => resolve(true)));
  });
}
function cli(...args) {
  const r = spawnSync(process.execPath, [DB_MJS, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: (r.stdout || '').trim(), err: (r.stderr || '').trim() };
}
/** Run a snippet that imports db.mjs as `db` in a separate process; resolves its stdout. */
function node(code, extraEnv = {}) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as db from ${JSON.stringify(DB_MJS)};\n${code}`], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`snippet failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}
async function query(url, sql) {
  const u = new URL(url);
  const socketPath = u.searchParams.get('socket');
  const c = await mariadb.createConnection({ host: u.hostname, port: Number(u.port), ...(socketPath ? { socketPath } : {}), user: 'root', database: u.pathname.slice(1) });
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}
const serverPid = () => Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The URL a run gets for the private server: TCP port for tools, and the Unix socket the clients use. */
const privateUrl = (port) => `mysql://root@127.0.0.1:${port}/shebao_t?socket=${encodeURIComponent(path.join(dir, 'sock'))}`;

beforeAll(async () => {
  basePort = await freePortPair();
  env = { ...process.env, SHEBAO_DATA_DIR: dir, SHEBAO_DB_PORT: String(basePort) };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.BENCH_DATABASE_URL;
});

afterAll(() => {
  cli('stop');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('scripts/db.mjs private MariaDB', { timeout: 90_000 }, () => {
  it('initialises, starts on the default port, and creates the database', async () => {
    const r = cli('start', 'shebao_t');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`initialising private MariaDB`));
    expect(r.out.split('\n').at(-1)).toBe(privateUrl(basePort));
    expect(fs.readFileSync(path.join(dir, 'port'), 'utf8').trim()).toBe(String(basePort));
    await query(`mysql://root@127.0.0.1:${basePort}/shebao_t`, 'CREATE TABLE t (x INT)');
    await query(`mysql://root@127.0.0.1:${basePort}/shebao_t`, 'INSERT INTO t VALUES (42)');
  });

  it('reuses the running server on the next run (same pid, same data)', async () => {
    const pid = serverPid();
    const url = node(`console.log(await db.provisionDatabase({ dbName: 'shebao_t', log: () => {} })); await db.stopDatabase({ log: () => {} });`);
    expect(url).toBe(privateUrl(basePort));
    expect(serverPid()).toBe(pid);
    expect(alive(pid)).toBe(true); // started by the CLI ("manual"): a run's stopDatabase leaves it alone
    expect(await query(url, 'SELECT x FROM t')).toEqual([{ x: 42 }]);
  });

  it('stops by pid, restarts on the next free port when the default is taken, and keeps the data', async () => {
    const pid = serverPid();
    expect(cli('stop').code).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(cli('status').out).toBe('not running');

    const blocker = net.createServer();
    await new Promise((r) => blocker.listen(basePort, '127.0.0.1', r));
    try {
      // A run that starts the server itself stops it when done (no other users).
      const out = node(`
        const url = await db.provisionDatabase({ dbName: 'shebao_t', log: () => {} });
        console.log(url);
        console.log(db.startedPrivateServer());
        console.log(await db.stopDatabase({ log: () => {} }));`);
      const [url, started, stopped] = out.split('\n');
      expect(url).toBe(privateUrl(basePort + 1));
      expect([started, stopped]).toEqual(['true', 'true']);
      expect(cli('status').out).toBe('not running');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
    const url = cli('url', 'shebao_t').out;
    expect(await query(url, 'SELECT x FROM t')).toEqual([{ x: 42 }]);
    cli('stop');
  });

  it('leaves the server running while another run still uses it; the last one out stops it', async () => {
    // Run A starts the server and keeps using it until told to finish (a line on stdin).
    const a = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import * as db from ${JSON.stringify(DB_MJS)};
        const url = await db.provisionDatabase({ dbName: 'shebao_t', log: () => {} });
        console.log('ready ' + url);
        process.stdin.once('data', async () => { console.log('stopped ' + await db.stopDatabase({ log: () => {} })); process.exit(0); });`],
      { env, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let aOut = '';
    a.stdout.on('data', (d) => (aOut += d));
    await expect.poll(() => aOut, { timeout: 60_000 }).toMatch(/^ready /);
    const pid = serverPid();

    // Run B reuses it and finishes first: A still holds a lease, so the server stays.
    expect(node(`await db.provisionDatabase({ dbName: 'shebao_t', log: () => {} }); console.log(await db.stopDatabase({ log: () => {} }));`)).toBe('false');
    expect(alive(pid)).toBe(true);

    // A finishes last and stops it.
    a.stdin.write('done\n');
    await new Promise((r) => a.once('exit', r));
    expect(aOut).toMatch(/stopped true/);
    expect(alive(pid)).toBe(false);
  });

  it('says which Debian package to install when mariadbd is missing', () => {
    const r = spawnSync(process.execPath, [DB_MJS, 'start', 'x'], {
      env: { ...env, SHEBAO_DATA_DIR: path.join(dir, 'none'), SHEBAO_MARIADB_BIN_DIR: path.join(dir, 'no-bin') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/mariadb-server/);
    expect(r.stderr).toMatch(/未找到 mariadbd/);
  });
});
