// 缴费信息 under load (issue 4): `GET /api/me/contributions?pageSize=20` — one person's contribution history,
// a random person per request — against one BFF process with 50 concurrent connections, beside the same SQL through
// the raw `mariadb` driver behind a bare node:http server (the baseline, same run, same persons). Run at two data
// sizes — 1 000 persons and BENCH_PERSONS — to show the query rides the (person_id, period) index: p50 must not grow
// with the table. Also times the query layer alone (Prisma findMany vs Prisma $queryRaw vs the raw driver).
//
//   npm run bench person-contributions                       # 1 000 and 10 000 persons (≈ 1.6 M rows), a few minutes
//   BENCH_PERSONS=100000 npm run bench person-contributions  # the issue's 100 000 persons (the seed takes a while
//                                                            #   the first time; the databases are kept between runs)
//
// Data: the demo seed (prisma/seed, `runSeed` via its CLI) into its own databases beside the bench database,
// `<bench db>_person_<N>`, created, migrated and seeded when missing or of another size, otherwise reused.
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_PERSONS (default 10000).
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import * as mariadb from 'mariadb'
import { migrate } from '../../bff/src/db/migrate.ts'
import { createPrisma } from '../../bff/src/db/client.ts'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import { loadSigningKeys } from '../../bff/src/http/keys.ts'
import { PERSON_CONTRIBUTIONS_SQL, readContributionFacts } from '../../bff/src/modules/person/contributions.ts'
import { createSqlReader } from '../../bff/src/modules/person/sql.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DURATION = Math.max(1, Number(process.env.BENCH_DURATION ?? 10))
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const BIG = Number(process.env.BENCH_PERSONS ?? 10_000)
const SMALL = 1_000
const WARMUP = 2
const SAMPLE = 5_000 // distinct persons per run (tokens signed up front)
const tsxCli = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

const baseUrl = process.env.DATABASE_URL
if (!baseUrl) throw new Error('DATABASE_URL is not set (run through npm run bench)')

// ── databases ─────────────────────────────────────────────────────────────────────────────────

function urlFor(db: string): string {
  const u = new URL(baseUrl as string)
  u.pathname = `/${db}`
  return u.toString()
}

function driverOptions(url: string): mariadb.PoolConfig {
  const u = new URL(url)
  const socket = u.searchParams.get('socket') ?? u.searchParams.get('socketPath')
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(socket ? { socketPath: socket } : {}),
    ...(u.pathname.length > 1 ? { database: decodeURIComponent(u.pathname.slice(1)) } : {})
  }
}

/** Driver options without a default database (to create one). */
function serverOptions(url: string): mariadb.ConnectionConfig {
  const { database: _database, ...rest } = driverOptions(url)
  return rest
}

async function ensureDataset(persons: number): Promise<string> {
  const base = decodeURIComponent(new URL(baseUrl as string).pathname.slice(1))
  const db = `${base}_person_${persons}`.slice(0, 64)
  const admin = await mariadb.createConnection(serverOptions(baseUrl as string))
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  } finally {
    await admin.end()
  }
  const url = urlFor(db)
  await migrate(url, { log: () => {} })
  const conn = await mariadb.createConnection(driverOptions(url))
  let have = 0
  let rows = 0
  try {
    have = Number((await conn.query('SELECT COUNT(*) AS n FROM person'))[0].n)
    // the seed writes contributions last but one: a complete seed has account rows too
    rows = Number((await conn.query('SELECT COUNT(*) AS n FROM personal_account_year'))[0].n)
  } finally {
    await conn.end()
  }
  if (have === persons && rows > 0) {
    console.log(`  ${db}: reusing ${persons.toLocaleString('en-US')} persons`)
    return url
  }
  console.log(`  ${db}: seeding ${persons.toLocaleString('en-US')} persons (prisma/seed) …`)
  const t0 = Date.now()
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [tsxCli, path.join(ROOT, 'prisma/seed/index.ts'), '--persons', String(persons), '--reset', '--no-accounts-file'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit']
    })
    child.on('exit', (c) => resolve(c ?? 1))
  })
  if (code !== 0) throw new Error(`seeding ${db} failed (exit ${code})`)
  console.log(`  ${db}: seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  return url
}

async function tableFacts(url: string): Promise<{ persons: number; rows: number; minId: number; maxId: number }> {
  const conn = await mariadb.createConnection(driverOptions(url))
  try {
    const [p] = await conn.query('SELECT COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM person')
    // the optimizer's estimate is enough to report the table's size (COUNT(*) on millions of rows takes a while)
    const [t] = await conn.query(
      "SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'contribution_record'"
    )
    return { persons: Number(p.n), rows: Number(t.n), minId: Number(p.lo), maxId: Number(p.hi) }
  } finally {
    await conn.end()
  }
}

/**
 * A real sign-in session per sampled person, as identity's sign-in creates one (the auth guard honours an access
 * token only while its session row is live), and a token for each. The rows are removed again before the next run.
 */
async function openSessions(url: string, personIds: number[]): Promise<string[]> {
  const conn = await mariadb.createConnection(driverOptions(url))
  try {
    await conn.query("DELETE FROM session WHERE user_agent = 'bench'")
    const rows = personIds.map((personId) => [crypto.randomUUID(), personId])
    await conn.batch("INSERT INTO session (id, role, person_id, user_agent, expires_at) VALUES (?, 'PERSON', ?, 'bench', UTC_TIMESTAMP(3) + INTERVAL 1 HOUR)", rows)
    return rows.map(([sessionId, personId]) => signAccessToken(keys, { role: 'person', personId: personId as number, sessionId: sessionId as string }, 3600))
  } finally {
    await conn.end()
  }
}

function samplePersons(minId: number, maxId: number, n: number): number[] {
  const out = new Set<number>()
  const span = maxId - minId + 1
  while (out.size < Math.min(n, span)) out.add(minId + crypto.randomInt(span))
  return [...out]
}

// ── servers ───────────────────────────────────────────────────────────────────────────────────

/** The baseline: the same SQL as the BFF's hot path through the raw driver, first page as JSON, no framework. */
const RAW_SERVER = `
import http from 'node:http';
import * as mariadb from 'mariadb';
const pool = mariadb.createPool({ ...JSON.parse(process.env.RAW_DB), connectionLimit: 10 });
const SQL = process.env.RAW_SQL;
const server = http.createServer(async (req, res) => {
  const m = /^\\/c\\/(\\d+)/.exec(req.url);
  if (!m) { res.statusCode = 404; return res.end(); }
  try {
    const rows = await pool.query(SQL, [Number(m[1])]);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ total: rows.length, items: rows.slice(0, 20) }));
  } catch (e) { res.statusCode = 500; res.end(String(e)); }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) })
      if (res.status < 500) return
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

interface Figures {
  name: string
  rps: number
  p50: number
  p99: number
  requests: number
  errors: number
  non2xx: number
}

async function load(name: string, url: string, next: () => { path: string; headers: Record<string, string> }): Promise<Figures> {
  // one request first: a wrong token or a broken route should stop the run, not be measured
  const first = next()
  const probe = await fetch(url + first.path, { headers: first.headers })
  if (probe.status !== 200) throw new Error(`${name}: ${first.path} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`)
  const opts = {
    url,
    connections: CONNECTIONS,
    requests: [
      {
        setupRequest: (req: any) => {
          const n = next()
          return { ...req, method: 'GET', path: n.path, headers: { ...req.headers, ...n.headers } }
        }
      }
    ]
  }
  await autocannon({ ...opts, duration: WARMUP }) // warm-up (JIT, pools, buffer pool), not counted
  const r = await autocannon({ ...opts, duration: DURATION })
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx }
}

async function withServer<T>(args: string[], env: NodeJS.ProcessEnv, probe: string, fn: (origin: string) => Promise<T>): Promise<T> {
  const port = await freePort()
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] })
  try {
    const origin = `http://127.0.0.1:${port}`
    await waitFor(origin + probe, child)
    return await fn(origin)
  } finally {
    await stop(child)
  }
}

// ── the query layer alone (in this process, 50 in flight) ────────────────────────────────────────

async function queryLayer(url: string, ids: number[]): Promise<{ name: string; perSecond: number }[]> {
  const prisma = createPrisma(url, { poolSize: 10 })
  const driver = createSqlReader(url, 10)
  // the very statement of the BFF's hot path, once through Prisma and once through the module's raw reader
  const throughPrisma = { query: <T>(sql: string, values: readonly unknown[]) => prisma.$queryRawUnsafe<T[]>(sql, ...values) }
  const variants: [string, (id: number) => Promise<unknown>][] = [
    [
      'Prisma findMany',
      (id) =>
        prisma.contributionRecord.findMany({
          where: { personId: id },
          orderBy: [{ period: 'desc' }, { id: 'asc' }],
          select: { period: true, insuranceType: true, base: true, unitAmount: true, personalAmount: true, status: true, kind: true, unitId: true, paidAt: true }
        })
    ],
    ['Prisma $queryRaw', (id) => readContributionFacts(throughPrisma, id)],
    ['mariadb driver (BFF path)', (id) => readContributionFacts(driver, id)]
  ]
  const out: { name: string; perSecond: number }[] = []
  try {
    for (const [name, fn] of variants) {
      const run = async (ms: number) => {
        let done = 0
        const until = Date.now() + ms
        await Promise.all(
          Array.from({ length: CONNECTIONS }, async () => {
            while (Date.now() < until) {
              await fn(ids[crypto.randomInt(ids.length)] as number)
              done++
            }
          })
        )
        return done / (ms / 1000)
      }
      await run(1000)
      out.push({ name, perSecond: await run(Math.min(DURATION, 5) * 1000) })
    }
  } finally {
    await prisma.$disconnect()
    await driver.close()
  }
  return out
}

// ── run ───────────────────────────────────────────────────────────────────────────────────────

const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const keys = loadSigningKeys({ privateKeyPem: pem, keysDir: path.join(ROOT, '.data', 'bench-keys-unused') })

interface SizeResult {
  persons: number
  rows: number
  bff: Figures
  raw: Figures
  layer: { name: string; perSecond: number }[]
}

async function measureSize(persons: number): Promise<SizeResult> {
  const url = await ensureDataset(persons)
  const facts = await tableFacts(url)
  const ids = samplePersons(facts.minId, facts.maxId, SAMPLE)
  const tokens = await openSessions(url, ids)
  console.log(`  ${facts.persons.toLocaleString('en-US')} persons, ~${facts.rows.toLocaleString('en-US')} contribution rows; ${ids.length} persons sampled`)

  const pick = () => crypto.randomInt(ids.length)
  const bff = await withServer(
    [tsxCli, path.join(ROOT, 'bff/src/main.ts')],
    { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', JWT_PRIVATE_KEY_PEM: pem, DB_POOL_SIZE: '10' },
    '/api/health',
    (origin) =>
      load('BFF  GET /api/me/contributions', origin, () => {
        const i = pick()
        return { path: '/api/me/contributions?pageSize=20', headers: { authorization: `Bearer ${tokens[i]}` } }
      })
  )
  const raw = await withServer(
    ['--input-type=module', '-e', RAW_SERVER],
    { ...process.env, RAW_DB: JSON.stringify(driverOptions(url)), RAW_SQL: PERSON_CONTRIBUTIONS_SQL },
    '/c/1',
    (origin) => load('raw mariadb + node:http', origin, () => ({ path: `/c/${ids[pick()]}`, headers: {} }))
  )
  const layer = await queryLayer(url, ids)
  return { persons: facts.persons, rows: facts.rows, bff, raw, layer }
}

console.log(`person-contributions: ${DURATION} s per run after ${WARMUP} s warm-up, ${CONNECTIONS} connections, random persons, loopback`)
const results: SizeResult[] = []
for (const size of [...new Set([SMALL, BIG])]) {
  console.log(`\n[${size.toLocaleString('en-US')} persons]`)
  results.push(await measureSize(size))
}

console.log('')
console.log(`  ${'persons'.padStart(8)} ${'rows'.padStart(11)}  ${'server'.padEnd(32)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'vs raw'.padStart(7)}`)
for (const r of results) {
  for (const f of [r.bff, r.raw]) {
    console.log(
      `  ${r.persons.toLocaleString('en-US').padStart(8)} ${r.rows.toLocaleString('en-US').padStart(11)}  ${f.name.padEnd(32)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ${`${((f.rps / r.raw.rps) * 100).toFixed(0)} %`.padStart(7)}`
    )
  }
}
console.log('\n  query layer alone (queries/s, 50 in flight, same persons):')
for (const r of results) {
  console.log(`  ${r.persons.toLocaleString('en-US').padStart(8)} persons: ${r.layer.map((l) => `${l.name} ${l.perSecond.toFixed(0)}`).join(' · ')}`)
}
const small = results[0] as SizeResult
const big = results[results.length - 1] as SizeResult
if (results.length > 1) {
  console.log(
    `\n  p50 ${big.persons.toLocaleString('en-US')} vs ${small.persons.toLocaleString('en-US')} persons: BFF ${big.bff.p50} / ${small.bff.p50} ms = ${(big.bff.p50 / Math.max(small.bff.p50, 1)).toFixed(2)}×` +
      ` · raw ${big.raw.p50} / ${small.raw.p50} ms = ${(big.raw.p50 / Math.max(small.raw.p50, 1)).toFixed(2)}×`
  )
}
console.log(`  goals (issue 4, at 100 000 persons): ≥ 1 500 req/s, p99 ≤ 50 ms, ≥ 40 % of the raw rate, p50 ≤ 1.5× the 1 000-person p50`)
const bad = results.flatMap((r) => [r.bff, r.raw]).filter((f) => f.errors || f.non2xx)
for (const f of bad) console.error(`  ${f.name}: ${f.errors} errors/timeouts, ${f.non2xx} non-2xx of ${f.requests} requests`)
if (bad.length) process.exitCode = 1
