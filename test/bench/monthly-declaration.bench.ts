// 单位缴费申报 + 应缴认定单 for a unit with 5 000 staff (issue 7: end-to-end ≤ 2 s), over real HTTP against one
// in-process BFF: POST /api/unit/contributions/declarations (gates, 15 000 enrolments read, bases and amounts by the
// shared arithmetic, 15 000 lines written) then POST /api/unit/bills (per-type sums, deadline, number). Repeated
// RUNS times on the same unit (the bill and the declaration are revoked between runs, which the rules allow when
// nothing else happened). Beside it, in the same run:
//   - baseline 1: the same flow for a unit of 50 staff (fixed costs: HTTP, auth, gates, transaction);
//   - baseline 2: a bare multi-row INSERT of the same 15 000 declaration lines (the write floor of the database);
//   - also timed: the preview (GET …/preview), the PDF, and the reviewer's 到账 (15 000 contribution records, 5 000
//     personal-account rows).
// Run by `npm run bench` (DATABASE_URL = the bench database, migrated). BENCH_STAFF / BENCH_RUNS override.
import { startBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai } from '../api/contrib-fixtures.ts'
import { setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api } from '../helpers/bff.ts'

const STAFF = Number(process.env.BENCH_STAFF ?? 5_000)
const SMALL = 50
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5))
const GOAL_MS = 2_000
const TYPES = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

const bff = await startBff({ env: { LOG_LEVEL: 'warn' } })
const prisma = bff.prisma
const fx = new ContribFixtures(prisma, bff.deps.keys)
const reviewer = await fx.reviewerToken()
let clock = shanghai('2026-03-10 09:00:00').getTime()
const tick = () => setContributionsClock(new Date((clock += 1_000)))

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b)
  const med = s[Math.floor(s.length / 2)] as number
  return `median ${med.toFixed(0)} ms (min ${(s[0] as number).toFixed(0)}, max ${(s[s.length - 1] as number).toFixed(0)})`
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const r = await f()
  return [r, performance.now() - t]
}

async function makeUnit(staff: number) {
  const unit = await fx.unit({ insurances: TYPES.map((type) => ({ type, lastSettled: 202602 })) })
  const t = performance.now()
  const ids = await fx.roster(unit.id, staff, [...TYPES])
  // Every person's 2025 wage row (the 7/1 gate and the base source of most units).
  for (let i = 0; i < ids.length; i += 3000) {
    const values = ids
      .slice(i, i + 3000)
      .map((id, k) => {
        const wage = (4_000 + ((i + k) * 37) % 14_000).toFixed(2)
        return `(${unit.id},${id},2025,${wage},${wage},NOW(3))`
      })
      .join(',')
    await prisma.$executeRawUnsafe(`INSERT INTO wage_declaration (unit_id, person_id, year, declared_wage, base, created_at) VALUES ${values}`)
  }
  return { unit, ids, setupMs: performance.now() - t }
}

async function cycle(token: string, revoke: boolean) {
  const c = api(bff.baseUrl, { token })
  tick()
  const [d, declareMs] = await timed(() => c.post('/api/unit/contributions/declarations', { body: {} }))
  if (d.status !== 201) throw new Error(`declare: ${d.status} ${d.text}`)
  tick()
  const [b, billMs] = await timed(() => c.post('/api/unit/bills', { body: { declarationId: d.body.id } }))
  if (b.status !== 201) throw new Error(`bill: ${b.status} ${b.text}`)
  if (revoke) {
    tick()
    const r1 = await c.post(`/api/unit/bills/${b.body.billNo}/revoke`)
    const r2 = await c.post(`/api/unit/contributions/declarations/${d.body.id}/revoke`)
    if (r1.status !== 200 || r2.status !== 200) throw new Error(`revoke: ${r1.status} ${r2.status}`)
  }
  return { declareMs, billMs, totalMs: declareMs + billMs, bill: b.body, declaration: d.body }
}

try {
  await fx.setup()
  await fx.policy({ year: 2025, standard: '6700.00', floor: '4020.00', ceiling: '20100.00' })
  tick()
  const big = await makeUnit(STAFF)
  const small = await makeUnit(SMALL)
  console.log(`monthly-declaration: units of ${STAFF} and ${SMALL} staff × 3 insurance types (roster written in ${big.setupMs.toFixed(0)} ms)`)

  // Warm-up (module load, Prisma query plans, font for the PDF) on the small unit.
  await cycle(small.unit.token, true)

  const c = api(bff.baseUrl, { token: big.unit.token })
  const [preview, previewMs] = await timed(() => c.get('/api/unit/contributions/declarations/preview'))
  if (preview.status !== 200) throw new Error(`preview: ${preview.status} ${preview.text}`)
  console.log(`  preview (${preview.body.headcount} persons, total ${preview.body.totalYuan} 元): ${previewMs.toFixed(0)} ms`)

  const bigRuns = []
  const smallRuns = []
  for (let i = 0; i < RUNS; i++) {
    bigRuns.push(await cycle(big.unit.token, i < RUNS - 1))
    smallRuns.push(await cycle(small.unit.token, i < RUNS - 1))
  }
  const last = bigRuns[bigRuns.length - 1] as Awaited<ReturnType<typeof cycle>>

  // Baseline 2: the same 15 000 lines as one bare multi-row INSERT (into the last declaration, then removed).
  const lines = await prisma.declarationLine.findMany({ where: { declarationId: last.declaration.id }, select: { personId: true, insuranceType: true, base: true, unitAmount: true, personalAmount: true } })
  const insertRuns: number[] = []
  for (let i = 0; i < 3; i++) {
    const values = lines.map((l) => `(${last.declaration.id},${l.personId},'${l.insuranceType}',${l.base.toFixed(2)},${l.unitAmount.toFixed(2)},${l.personalAmount.toFixed(2)},NULL)`)
    const t = performance.now()
    await prisma.$transaction(async (tx) => {
      for (let k = 0; k < values.length; k += 4000) {
        await tx.$executeRawUnsafe(`INSERT INTO declaration_line (declaration_id, person_id, insurance_type, base, unit_amount, personal_amount, declared_wage) VALUES ${values.slice(k, k + 4000).join(',')}`)
      }
      throw new Error('rollback')
    }, { timeout: 60_000 }).catch((e: Error) => {
      if (e.message !== 'rollback') throw e
    })
    insertRuns.push(performance.now() - t)
  }

  const [pdf, pdfMs] = await timed(() => fetch(new URL(`/api/unit/bills/${last.bill.billNo}/pdf`, bff.baseUrl), { headers: { authorization: `Bearer ${big.unit.token}` } }).then((r) => r.arrayBuffer()))
  tick()
  const [arrival, arrivalMs] = await timed(() => api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${last.bill.billNo}/arrive`))
  if (arrival.status !== 200) throw new Error(`arrive: ${arrival.status} ${arrival.text}`)

  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  const e2e = bigRuns.map((r) => r.totalMs)
  console.log(`  ${STAFF} staff, ${RUNS} runs (lines ${lines.length}, bill total ${last.bill.totalYuan} 元):`)
  console.log(`    declaration      ${stats(bigRuns.map((r) => r.declareMs))}`)
  console.log(`    bill             ${stats(bigRuns.map((r) => r.billMs))}`)
  console.log(`    declaration+bill ${stats(e2e)}   goal ≤ ${GOAL_MS} ms: ${med(e2e) <= GOAL_MS ? 'met' : 'NOT met'}`)
  console.log(`  baseline 1, ${SMALL} staff: declaration+bill ${stats(smallRuns.map((r) => r.totalMs))}`)
  console.log(`  baseline 2, bare INSERT of the ${lines.length} lines: ${stats(insertRuns)}`)
  console.log(`  PDF ${(pdf.byteLength / 1024).toFixed(0)} KB in ${pdfMs.toFixed(0)} ms; 到账 (${arrival.body.records} records, ${arrival.body.creditedPersons} accounts) in ${arrivalMs.toFixed(0)} ms`)
  console.log(`  marginal cost per staff member: ${((med(e2e) - med(smallRuns.map((r) => r.totalMs))) / (STAFF - SMALL)).toFixed(3)} ms`)
  process.exitCode = med(e2e) <= GOAL_MS ? 0 : 1
} finally {
  await fx.cleanup()
  await bff.close()
}
