// `npm test`: every test suite against a fresh test database.
//
//  1. install dependencies if node_modules is missing (npm ci)
//  2. provision the TEST database `shebao_test` (scripts/db.mjs: TEST_DATABASE_URL, or DATABASE_URL's server with
//     the name suffixed _test, or the private MariaDB under .data/), dropped and recreated for a clean run
//  3. prisma generate (offline, skipped when fresh), apply migrations
//  4. run, in sequence: vitest in scripts (db provisioning), shared, bff, miniapp; then test/api and test/e2e (the two projects of
//     test/vitest.config.ts), building the H5 before e2e when stale; e2e needs /usr/bin/chromium and fails (never
//     skips) without it
//  5. stop the private MariaDB if this run started it; print per-suite counts, then `N passed, M failed` and the time
//
//   node scripts/test.mjs [suite …]      suites: scripts shared bff miniapp api e2e (default: all)
//
// Children get DATABASE_URL (the test database) and SHEBAO_TEST_PROVISIONED=1. A suite that exits non-zero without
// a failed test (crash, config error, no JSON report) counts as one failure, so the summary never says 0 failed
// for a red run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl, provisionDatabase, stopDatabase } from './db.mjs';
import { bin, CHROMIUM, ensureDependencies, ensureH5, fmtMs, hasChromium, killChildren, ROOT, run, runMigrations } from './lib/common.mjs';

const t0 = Date.now();
const log = (m) => console.log(`[test] ${m}`);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-test-'));

const SUITES = [
  { id: 'scripts', title: 'scripts (db provisioning)', cwd: path.join(ROOT, 'scripts'), args: [] },
  { id: 'shared', title: 'shared (unit)', cwd: path.join(ROOT, 'shared'), args: [] },
  { id: 'bff', title: 'bff (unit + migrate)', cwd: path.join(ROOT, 'bff'), args: [] },
  { id: 'miniapp', title: 'miniapp (components)', cwd: path.join(ROOT, 'miniapp'), args: [] },
  { id: 'api', title: 'test/api (HTTP + MariaDB)', cwd: ROOT, args: ['--config', 'test/vitest.config.ts', '--project', 'api'] },
  { id: 'e2e', title: 'test/e2e (H5 in Chromium)', cwd: ROOT, args: ['--config', 'test/vitest.config.ts', '--project', 'e2e'] },
];

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  killChildren();
  await lockConn?.end().catch(() => {});
  await stopDatabase({ log });
  fs.rmSync(reportDir, { recursive: true, force: true });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { log(`${sig}: stopping`); void shutdown(130); });

/**
 * One `npm test` per test database at a time (another engineer's run, or npm test in a second terminal, would drop
 * the database under this one): a server-side advisory lock held on a connection until this process exits.
 */
let lockConn = null;
async function lockTestDatabase(url) {
  const mariadb = (await import('mariadb')).default;
  const { database, socketPath, password, ...server } = parseDatabaseUrl(url);
  lockConn = await mariadb.createConnection({ ...server, ...(password ? { password } : {}), ...(socketPath ? { socketPath } : {}) });
  const name = `shebao_test_run:${database}`.slice(0, 64);
  const got = async (timeout) => Number((await lockConn.query('SELECT GET_LOCK(?, ?) AS g', [name, timeout]))[0].g) === 1;
  if (await got(0)) return;
  log(`another npm test is using ${database}; waiting for it to finish (up to 15 min) …`);
  if (!(await got(900))) throw new Error(`test database ${database} stayed locked by another npm test for 15 min`);
}

function hasE2eTests() {
  const dir = path.join(ROOT, 'test', 'e2e');
  if (!fs.existsSync(dir)) return false;
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).some((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.test.ts')));
  return walk(dir);
}

function readReport(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0, skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0), total: j.numTotalTests ?? 0, ok: !!j.success };
  } catch {
    return null;
  }
}

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const suites = only.length ? SUITES.filter((s) => only.includes(s.id)) : SUITES;
  if (only.length && suites.length !== only.length) throw new Error(`unknown suite; choose from ${SUITES.map((s) => s.id).join(' ')}`);

  await ensureDependencies(log);
  const { prismaGenerate } = await import('./prisma-generate.mjs');

  const tDb = Date.now();
  let url = await provisionDatabase({ dbName: 'shebao_test', purpose: 'test', log });
  await lockTestDatabase(url);
  url = await provisionDatabase({ dbName: 'shebao_test', purpose: 'test', recreate: true, log });
  prismaGenerate({ log });
  await runMigrations(url, { quiet: true });
  log(`test database ready in ${fmtMs(Date.now() - tDb)}: ${url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')}`);

  const env = { ...process.env, DATABASE_URL: url, SHEBAO_TEST_PROVISIONED: '1', NODE_ENV: 'test', FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') };
  const results = [];
  for (const s of suites) {
    const ts = Date.now();
    console.log(`\n[test] ── ${s.title} ──`);
    if (s.id === 'e2e' && hasE2eTests()) {
      if (!hasChromium()) {
        const msg = `${CHROMIUM} not found: the H5 end-to-end tests need Debian's Chromium. Install it with ` +
          '`sudo apt-get install -y chromium fonts-wqy-microhei` (or run .ci/run).\n' +
          `未找到 ${CHROMIUM}：端到端测试需要 Debian 的 Chromium，请执行 sudo apt-get install -y chromium fonts-wqy-microhei`;
        console.error(`[test] ${msg}`);
        results.push({ ...s, passed: 0, failed: 1, skipped: 0, ms: 0, note: 'chromium missing' });
        continue;
      }
      try {
        await ensureH5(log);
      } catch (e) {
        console.error(`[test] ${e.message}`);
        results.push({ ...s, passed: 0, failed: 1, skipped: 0, ms: Date.now() - ts, note: 'H5 build failed' });
        continue;
      }
    }
    const reportFile = path.join(reportDir, `${s.id}.json`);
    const r = await run(bin('vitest'), ['run', ...s.args, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], { cwd: s.cwd, env });
    const rep = readReport(reportFile);
    const res = { ...s, ms: Date.now() - ts, passed: rep?.passed ?? 0, failed: rep?.failed ?? 0, skipped: rep?.skipped ?? 0, note: '' };
    if (r.code !== 0 && res.failed === 0) {
      res.failed = 1;
      res.note = rep ? `exit ${r.code} without a failed test` : `exit ${r.code}, no report`;
    }
    if (rep && rep.total === 0) res.note ||= 'no tests';
    results.push(res);
  }

  console.log('\n[test] ── summary ──');
  for (const r of results) {
    const extra = [r.skipped ? `${r.skipped} skipped` : '', r.note].filter(Boolean).join(', ');
    console.log(`  ${r.failed ? '✗' : '✓'} ${r.title.padEnd(24)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${fmtMs(r.ms).padStart(8)}${extra ? `  (${extra})` : ''}`);
  }
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  const skipped = results.reduce((a, r) => a + r.skipped, 0);
  if (skipped) console.log(`[test] warning: ${skipped} skipped/todo tests (the conventions say no skipped tests)`);
  console.log(`${passed} passed, ${failed} failed`);
  console.log(`[test] total ${fmtMs(Date.now() - t0)}`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => shutdown(code),
  (e) => {
    console.error(`[test] ${e.message}`);
    console.log('0 passed, 1 failed');
    void shutdown(1);
  },
);
