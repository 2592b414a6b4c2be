// Helpers shared by scripts/start.mjs, test.mjs and bench.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'node_modules', '.bin');

/** Path of a locally installed CLI (node_modules/.bin/<name>). */
export function bin(name) {
  return path.join(BIN, name);
}

export function fmtMs(ms) {
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Children started through run(), so a signal handler can stop them. */
export const children = new Set();

/**
 * Run a command to completion. Resolves { code, signal, stdout? } (never rejects on a non-zero exit).
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string,string|undefined>, capture?: boolean, quiet?: boolean }} [opts]
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, capture = false, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: capture || quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => { stdout += d; if (!quiet && capture) process.stdout.write(d); });
    child.stderr?.on('data', (d) => { stderr += d; if (!quiet && capture) process.stderr.write(d); });
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr });
    });
  });
}

/** `npm ci` when node_modules is missing (a fresh checkout). Returns true when it installed. */
export async function ensureDependencies(log = console.log) {
  if (fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json')) && fs.existsSync(bin('tsx'))) return false;
  log('node_modules missing: running npm ci …');
  const r = await run('npm', ['ci', '--no-audit', '--no-fund']);
  if (r.code !== 0) throw new Error(`npm ci failed (exit ${r.code})`);
  return true;
}

function newestMtime(p) {
  let st;
  try { st = fs.statSync(p); } catch { return 0; }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    max = Math.max(max, newestMtime(path.join(p, e.name)));
  }
  return max;
}

export const H5_DIST = path.join(ROOT, 'miniapp', 'dist-h5');
const H5_INPUTS = ['miniapp/src', 'miniapp/config', 'miniapp/babel.config.js', 'miniapp/package.json', 'shared/src'];

/** Why the H5 build must be (re)built, or null when miniapp/dist-h5 is newer than every input. */
export function h5Staleness() {
  const index = path.join(H5_DIST, 'index.html');
  if (!fs.existsSync(index)) return 'miniapp/dist-h5 is missing';
  const built = fs.statSync(index).mtimeMs;
  for (const rel of H5_INPUTS) {
    if (newestMtime(path.join(ROOT, rel)) > built) return `${rel} changed since the last H5 build`;
  }
  return null;
}

/** Build the H5 app if stale. Returns { built, ms }. Throws when the build fails. */
export async function ensureH5(log = console.log) {
  const why = h5Staleness();
  if (!why) return { built: false, ms: 0 };
  log(`building H5 (${why}) …`);
  const t0 = Date.now();
  const r = await run('npm', ['run', 'build:h5', '--silent'], { capture: true, quiet: true });
  if (r.code !== 0) {
    const tail = (r.stdout + r.stderr).trim().split('\n').slice(-40).join('\n');
    throw new Error(`npm run build:h5 failed (exit ${r.code}):\n${tail}`);
  }
  // index.html is what h5Staleness() compares against: stamp it with the build's start, so a source edited while
  // the build ran still counts as newer next time.
  const index = path.join(H5_DIST, 'index.html');
  if (fs.existsSync(index)) { const started = new Date(t0); fs.utimesSync(index, started, started); }
  const ms = Date.now() - t0;
  log(`H5 built in ${fmtMs(ms)}`);
  return { built: true, ms };
}

/** Apply migrations with bff/src/db/migrate.ts (run by tsx: it is TypeScript). */
export async function runMigrations(databaseUrl, { quiet = false } = {}) {
  const r = await run(bin('tsx'), [path.join(ROOT, 'bff/src/db/migrate.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    capture: true,
    quiet,
  });
  if (r.code !== 0) throw new Error(`migration failed:\n${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** Whether chromium for the e2e tests is installed. */
export const CHROMIUM = '/usr/bin/chromium';
export function hasChromium() {
  try { fs.accessSync(CHROMIUM, fs.constants.X_OK); return true; } catch { return false; }
}

/** Kill every child started by run() (SIGTERM). */
export function killChildren(signal = 'SIGTERM') {
  for (const c of children) {
    try { c.kill(signal); } catch { /* gone */ }
  }
}

export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
