// Proofs under measurement (issue 5), against one real BFF process (bff/src/main.ts, NODE_ENV=production) on the
// bench database, loopback only:
//   1. issue: POST /api/certificates for a one-page 参保证明（个人缴费明细） — snapshot + PDF + sign + store — one
//      request at a time, p50/p95 after warm-up (goal: p95 ≤ 150 ms); the same for a one-page and a five-page
//      单位参保证明 (20 and 100 staff), with their PDF sizes (goal: one page ≤ 100 KB);
//   2. verify: POST /api/verify {code, token} with autocannon, 50 connections (goal ≥ 2 000 req/s, p99 ≤ 20 ms),
//      beside GET /api/health on the same server in the same run (the baseline). The per-IP verification limit is
//      raised for the run (CERT_VERIFY_RATE_PER_MINUTE), as every request comes from 127.0.0.1.
// Data: the certificate test fixtures (test/api/cert-fixtures.ts) with 100 staff, removed at the end.
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_ISSUES (default 100).
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { loadConfig } from '../../bff/src/config.ts'
import { createPrisma } from '../../bff/src/db/client.ts'
import { loadSigningKeys } from '../../bff/src/http/keys.ts'
import { createCertFixtures } from '../api/cert-fixtures.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DURATION = Math.max(1, Number(process.env.BENCH_DURATION ?? 10))
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const ISSUES = Math.max(20, Number(process.env.BENCH_ISSUES ?? 100))
const WARMUP_ISSUES = 15
const WARMUP = 2
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (run through npm run bench)')

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

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`BFF exited with ${child.exitCode}`)
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/** CPU seconds (user + system) the BFF process has used so far (Linux /proc; 0 elsewhere). tsx runs the app in
 *  the process it spawns, so this is the server's own cost per request, independent of what else loads the box. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) / 100 // utime + stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', CERT_VERIFY_RATE_PER_MINUTE: '100000000' }
const config = loadConfig(env)
const keys = loadSigningKeys({ keysDir: config.keysDir, ...(config.jwtPrivateKeyPem ? { privateKeyPem: config.jwtPrivateKeyPem } : {}) })
const prisma = createPrisma(config.databaseUrl, { poolSize: 4 })
console.log('certificates: preparing fixtures (100 staff, 30 months of contributions each)…')
const fx = await createCertFixtures(prisma, keys, { staff: 100 })
const port = await freePort()
const base = `http://127.0.0.1:${port}`
// `node --import tsx` (not the tsx CLI, which forks): one process, so its CPU time is the server's.
const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bff/src/main.ts')], {
  cwd: ROOT,
  env: { ...env, PORT: String(port), PUBLIC_BASE_URL: base },
  stdio: ['ignore', 'ignore', 'inherit']
})
let failed = false

try {
  await waitFor(`${base}/api/health`, child)
  // Issuing is limited to 30 a minute per person: spread the requests over the staff's own tokens.
  const tokens = await Promise.all(fx.staff.map((p) => fx.personToken(p.id)))
  const end = fx.unit.lastSettled
  async function post(token: string, body: unknown): Promise<{ ms: number; res: any }> {
    const t = performance.now()
    const r = await fetch(`${base}/api/certificates`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const res = await r.json()
    const ms = performance.now() - t
    if (r.status !== 201) throw new Error(`issue answered ${r.status}: ${JSON.stringify(res)}`)
    return { ms, res }
  }
  const personBody = { type: 'PERSON_INSURANCE', startPeriod: end - 100, endPeriod: end, purpose: '基准测试' }

  // ── 1. issue ──
  for (let i = 0; i < WARMUP_ISSUES; i++) await post(tokens[i % tokens.length] as string, personBody)
  const times: number[] = []
  let onePage: any
  const verifyBodies: string[] = []
  const issueCpu0 = cpuSeconds(child.pid)
  for (let i = 0; i < ISSUES; i++) {
    const { ms, res } = await post(tokens[(i + WARMUP_ISSUES) % tokens.length] as string, personBody)
    times.push(ms)
    onePage = res
    const q = new URL(res.verifyUrl.replace('/#/', '/')).searchParams
    verifyBodies.push(JSON.stringify({ code: q.get('c'), token: q.get('t') }))
  }
  const issueCpuMs = ((cpuSeconds(child.pid) - issueCpu0) * 1000) / ISSUES
  times.sort((a, b) => a - b)
  const unitTimes: Record<string, { ms: number[]; res: any }> = {}
  for (const [label, n] of [['unit 1 page (20 staff)', 20], ['unit 5 pages (100 staff)', 100]] as const) {
    unitTimes[label] = { ms: [], res: null }
    for (let i = 0; i < 12; i++) {
      const { ms, res } = await post(fx.tokens.clerk, { type: 'UNIT_INSURANCE', insuranceType: 'PENSION', months: 12, personIds: fx.staff.slice(0, n).map((p) => p.id) })
      if (i >= 2) unitTimes[label]!.ms.push(ms)
      unitTimes[label]!.res = res
    }
    unitTimes[label]!.ms.sort((a, b) => a - b)
  }
  console.log(`\nissue (one request at a time, after ${WARMUP_ISSUES} warm-up issues):`)
  console.log(`  ${'proof'.padEnd(34)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'pages'.padStart(6)} ${'PDF size'.padStart(10)}`)
  console.log(`  ${'参保证明（个人缴费明细）'.padEnd(26)} ${String(times.length).padStart(4)} ${pct(times, 50).toFixed(1).padStart(8)} ${pct(times, 95).toFixed(1).padStart(8)} ${String(onePage.pages).padStart(6)} ${kb(onePage.size).padStart(10)}`)
  for (const [label, u] of Object.entries(unitTimes)) {
    console.log(`  ${label.padEnd(34)} ${String(u.ms.length).padStart(4)} ${pct(u.ms, 50).toFixed(1).padStart(8)} ${pct(u.ms, 95).toFixed(1).padStart(8)} ${String(u.res.pages).padStart(6)} ${kb(u.res.size).padStart(10)}`)
  }
  console.log(`  BFF CPU per one-page issue (snapshot queries + PDF + sign + store): ${issueCpuMs.toFixed(1)} ms`)
  const unitOne = unitTimes['unit 1 page (20 staff)']!.res
  const unitFive = unitTimes['unit 5 pages (100 staff)']!.res
  if (unitFive.pages !== 5 || unitOne.pages !== 1) {
    console.error(`  expected 1 and 5 pages, got ${unitOne.pages} and ${unitFive.pages}`)
    failed = true
  }

  // ── 2. verify ──
  const u = new URL(onePage.verifyUrl.replace('/#/', '/'))
  const verifyBody = JSON.stringify({ code: u.searchParams.get('c'), token: u.searchParams.get('t') })
  const check = await (await fetch(`${base}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: verifyBody })).json()
  if (check.result !== 'VALID' || check.tokenCheck !== 'MATCH') throw new Error(`verification answered ${JSON.stringify(check)}`)
  async function load(name: string, opts: Parameters<typeof autocannon>[0]) {
    await autocannon({ ...opts, connections: CONNECTIONS, duration: WARMUP })
    const cpu0 = cpuSeconds(child.pid)
    const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION })
    const cpuMs = ((cpuSeconds(child.pid) - cpu0) * 1000) / Math.max(1, r.requests.total)
    return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, bad: r.errors + r.timeouts + r.non2xx, cpuMs }
  }
  const health = await load('GET /api/health (baseline)', { url: `${base}/api/health` })
  // Round-robin over the distinct proofs just issued (each its own code, token and snapshot).
  let next = 0
  const verify = await load(`POST /api/verify (${verifyBodies.length} proofs)`, {
    url: `${base}/api/verify`,
    requests: [{ method: 'POST', path: '/api/verify', headers: { 'content-type': 'application/json' }, setupRequest: (req: object) => ({ ...req, body: verifyBodies[next++ % verifyBodies.length] }) }]
  } as Parameters<typeof autocannon>[0])
  console.log(`\nverify (${CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s warm-up, loopback):`)
  console.log(`  ${'endpoint'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'vs health'.padStart(10)} ${'BFF CPU/req'.padStart(12)}`)
  for (const r of [health, verify]) {
    console.log(`  ${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${`${((r.rps / health.rps) * 100).toFixed(0)} %`.padStart(10)} ${`${r.cpuMs.toFixed(3)} ms`.padStart(12)}`)
    if (r.bad) {
      console.error(`  ${r.name}: ${r.bad} errors/timeouts/non-2xx of ${r.total}`)
      failed = true
    }
  }
  await new Promise((r) => setTimeout(r, 500)) // the log is written in batches every ≤ 20 ms
  const logged = await prisma.certificateVerification.count({ where: { certificate: { personId: { in: fx.staff.map((p) => p.id) } } } })
  console.log(`  verification attempts logged: ${logged} (${verify.total} answered in the measured run, plus warm-up)`)

  console.log('\ngoals:')
  const goals: [string, boolean, string][] = [
    ['issue p95 ≤ 150 ms (one page)', pct(times, 95) <= 150, `${pct(times, 95).toFixed(1)} ms`],
    ['one-page PDF ≤ 100 KB', onePage.size <= 100 * 1024 && unitOne.size <= 100 * 1024, `${kb(onePage.size)} / ${kb(unitOne.size)}`],
    ['verify ≥ 2 000 req/s', verify.rps >= 2000, `${verify.rps.toFixed(0)} req/s`],
    ['verify p99 ≤ 20 ms', verify.p99 <= 20, `${verify.p99} ms`]
  ]
  for (const [goal, ok, got] of goals) console.log(`  ${ok ? '✓' : '✗'} ${goal.padEnd(32)} ${got}`)
} catch (err) {
  console.error(err)
  failed = true
} finally {
  child.kill('SIGTERM')
  await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))])
  if (child.exitCode === null) child.kill('SIGKILL')
  await fx.cleanup()
  await prisma.$disconnect()
}
if (failed) process.exitCode = 1
