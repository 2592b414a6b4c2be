// `npm run bench`: provision the bench database, then run every test/bench/*.bench.ts (tsx) one after another.
// Each benchmark prints its own figures, measured against a baseline in the same run (absolute numbers drift on
// shared machines). Benchmarks bind to loopback only and bound their own run time.
//
//   node scripts/bench.mjs [name-filter …] [--fresh]
//
// Database: `shebao_bench` (BENCH_DATABASE_URL, or DATABASE_URL's server with the name suffixed _bench, or the
// private MariaDB under .data/); kept between runs so seeded volume data can be reused, --fresh drops it first.
// Children get DATABASE_URL. The private MariaDB is stopped at the end if this run started it.
import fs from 'node:fs';
import path from 'node:path';
import { provisionDatabase, stopDatabase } from './db.mjs';
import { bin, ensureDependencies, fmtMs, killChildren, ROOT, run, runMigrations } from './lib/common.mjs';

const t0 = Date.now();
const log = (m) => console.log(`[bench] ${m}`);
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  killChildren();
  await stopDatabase({ log });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void shutdown(130));

async function main() {
  const args = process.argv.slice(2);
  const filters = args.filter((a) => !a.startsWith('--'));
  const dir = path.join(ROOT, 'test', 'bench');
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
    .sort();
  if (!files.length) throw new Error(`no benchmarks matched in test/bench${filters.length ? ` (${filters.join(' ')})` : ''}`);

  await ensureDependencies(log);
  const { prismaGenerate } = await import('./prisma-generate.mjs');
  const url = await provisionDatabase({ dbName: 'shebao_bench', purpose: 'bench', recreate: args.includes('--fresh'), log });
  prismaGenerate({ log });
  await runMigrations(url, { quiet: true });

  const results = [];
  for (const f of files) {
    console.log(`\n[bench] ── ${f} ──`);
    const ts = Date.now();
    const r = await run(bin('tsx'), [path.join(dir, f)], { env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' } });
    results.push({ f, code: r.code, ms: Date.now() - ts });
  }
  console.log('\n[bench] ── summary ──');
  for (const r of results) console.log(`  ${r.code === 0 ? '✓' : '✗'} ${r.f.padEnd(36)} ${fmtMs(r.ms)}${r.code ? `  (exit ${r.code})` : ''}`);
  console.log(`[bench] total ${fmtMs(Date.now() - t0)}`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

main().then(
  (code) => shutdown(code),
  (e) => {
    console.error(`[bench] ${e.message}`);
    void shutdown(1);
  },
);
