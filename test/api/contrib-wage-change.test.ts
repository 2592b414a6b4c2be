// 缴费工资变更 (§3.3.21; R38, R39, R41) over real HTTP: two years back on both sides, no overlapping periods for one
// worker (within a submission and against the case's saved rows), difference records (补收 / 退还) per paid month on
// that year's bounds and rates, billed with the pending items (interest and late fee on 补收 only), settled on 到账
// (补缴到账 / 已退费; personal account differences without extra months), and the current year's wage row updated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
let reviewer: string
let unit: FxUnit
let worker: FxPerson

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const [year, standard, floor, ceiling] of [
    [2023, '6250.00', '3750.00', '18750.00'],
    [2024, '6500.00', '3900.00', '19500.00'],
    [2025, '6700.00', '4020.00', '20100.00']
  ] as const) {
    await fx.policy({ year, standard, floor, ceiling })
  }
  reviewer = await fx.reviewerToken()
  unit = await fx.unit({ insurances: [{ type: 'PENSION', lastSettled: 202508 }, { type: 'UNEMPLOYMENT', lastSettled: 202508 }] })
  worker = await fx.person()
  await fx.enrol(worker, unit.id, ['PENSION', 'UNEMPLOYMENT'], { startPeriod: 202301 })
  // Paid at base 5000 from 2023-09 to 2025-08.
  const data = []
  for (let i = 0; i < 24; i++) {
    const period = 202309 + Math.floor((8 + i) / 12) * 100 - 8 + ((8 + i) % 12)
    data.push({ personId: worker.id, unitId: unit.id, insuranceType: 'PENSION' as const, period, base: '5000.00', unitAmount: '800.00', personalAmount: '400.00', status: 'PAID' as const, paidAt: new Date() })
    data.push({ personId: worker.id, unitId: unit.id, insuranceType: 'UNEMPLOYMENT' as const, period, base: '5000.00', unitAmount: '35.00', personalAmount: '15.00', status: 'PAID' as const, paidAt: new Date() })
  }
  await bff.prisma.contributionRecord.createMany({ data })
  await bff.prisma.personalAccountYear.create({ data: { personId: worker.id, year: 2024, openingBalance: '0.00', credited: '4800.00', creditedMonths: 12, interestRate: '0.026200', interest: '0.00', closingBalance: '4800.00' } })
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

const row = (startPeriod: number, endPeriod: number, monthlyWage: number) => ({ idNumber: worker.idNumber, name: worker.name, startPeriod, endPeriod, monthlyWage })
const failures = (res: { body: any }) => (res.body.error?.meta?.failed ?? []).map((f: { row: number; reason: string }) => `${f.row}:${f.reason}`)
const create = (rows: Record<string, unknown>[]) =>
  api(bff.baseUrl, { token: unit.token }).post('/api/cases', { body: { matterCode: 'WAGE_CHANGE', applicantPhone: '13912345678', termsAccepted: true, rows } })

describe('缴费工资变更', () => {
  it('two years back (R38): from 2023-09 in 2025-09, not 2023-08; not the current month', async () => {
    setContributionsClock(shanghai('2025-09-15 10:00:00'))
    expect(failures(await create([row(202308, 202309, 600_000)]))).toEqual(['1:只能办理两年内的缴费工资变更（2023年09月至2025年08月）'])
    expect(failures(await create([row(202408, 202509, 600_000)]))).toEqual(['1:结束年月不能晚于上月（2025年08月）'])
    const ok = await create([row(202309, 202309, 600_000)])
    expect(ok.status, ok.text).toBe(201)
    await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${ok.body.serialNo}/withdraw`, { body: {} })
  })

  it('overlapping periods of one worker are refused (R41), within a submission and against saved rows', async () => {
    setContributionsClock(shanghai('2025-09-15 10:00:00'))
    const both = await create([row(202401, 202406, 600_000), row(202406, 202412, 600_000)])
    expect(failures(both)).toEqual([
      '1:同一人员的时间段有重复，不允许添加（2024年06月至2024年12月）',
      '2:同一人员的时间段有重复，不允许添加（2024年01月至2024年06月）'
    ])
    const first = await create([row(202401, 202406, 600_000)])
    expect(first.status).toBe(201)
    const c = api(bff.baseUrl, { token: unit.token })
    const add = await c.post(`/api/cases/${first.body.serialNo}/items`, { body: { rows: [row(202403, 202408, 600_000)] } })
    expect(add.body.failed.map((f: { reason: string }) => f.reason)).toEqual(['同一人员的时间段有重复，不允许添加（第1条 2024年01月至2024年06月）'])
    const adjacent = await c.post(`/api/cases/${first.body.serialNo}/items`, { body: { rows: [row(202407, 202412, 600_000)] } })
    expect(adjacent.body.passedCount).toBe(1)
    await c.post(`/api/cases/${first.body.serialNo}/withdraw`, { body: {} })
  })

  it('differences per paid month (补收 and 退还), billed net, settled on 到账; the current year\'s wage row follows', async () => {
    setContributionsClock(shanghai('2025-09-15 10:00:00'))
    const c = api(bff.baseUrl, { token: unit.token })
    const res = await create([row(202407, 202412, 800_000), row(202501, 202506, 400_000), row(202507, 202508, 300_000)])
    expect(res.status, res.text).toBe(201)
    const done = await c.post(`/api/cases/${res.body.serialNo}/submit`)
    expect(done.status, done.text).toBe(200)
    expect(done.body.status).toBe('EFFECTIVE')
    const diffs = await bff.prisma.contributionRecord.findMany({ where: { personId: worker.id, kind: 'ADJUSTMENT' }, orderBy: [{ period: 'asc' }, { insuranceType: 'asc' }] })
    expect(diffs).toHaveLength(28)
    const at = (period: number, t: string) => diffs.find((d) => d.period === period && d.insuranceType === t)
    // 2024-07: 8000 vs 5000 → pension +480 / +240, unemployment +21 / +9.
    expect([at(202407, 'PENSION')?.unitAmount.toFixed(2), at(202407, 'PENSION')?.personalAmount.toFixed(2), at(202407, 'PENSION')?.base.toFixed(2)]).toEqual(['480.00', '240.00', '8000.00'])
    expect([at(202407, 'UNEMPLOYMENT')?.unitAmount.toFixed(2), at(202407, 'UNEMPLOYMENT')?.personalAmount.toFixed(2)]).toEqual(['21.00', '9.00'])
    // 2025-01: 4000 (2024 floor 3900) → −160 / −80.
    expect([at(202501, 'PENSION')?.unitAmount.toFixed(2), at(202501, 'PENSION')?.personalAmount.toFixed(2)]).toEqual(['-160.00', '-80.00'])
    // 2025-07: 3000 → 2025 floor 4020 → −156.80 / −78.40 (R39: floored by that year's bounds).
    expect([at(202507, 'PENSION')?.base.toFixed(2), at(202507, 'PENSION')?.unitAmount.toFixed(2)]).toEqual(['4020.00', '-156.80'])
    const wd = await bff.prisma.wageDeclaration.findUniqueOrThrow({ where: { unitId_personId_year: { unitId: unit.id, personId: worker.id, year: 2025 } } })
    expect([wd.declaredWage.toFixed(2), wd.base.toFixed(2)]).toEqual(['3000.00', '4020.00'])
    // The same months again: nothing left to change.
    const again = await c.post('/api/cases', { body: { matterCode: 'WAGE_CHANGE', applicantPhone: '13912345678', termsAccepted: true } })
    const check = await c.post(`/api/cases/${again.body.serialNo}/items`, { body: { rows: [row(202407, 202407, 800_000)] } })
    expect(check.body.passed[0].derived).toMatchObject({ records: 0, differenceFen: 0 })
    await c.post(`/api/cases/${again.body.serialNo}/withdraw`, { body: {} })

    const bill = await c.post('/api/unit/bills', { body: { pending: true } })
    expect(bill.status, bill.text).toBe(201)
    const pension = bill.body.lines.find((l: any) => l.insuranceType === 'PENSION')
    expect(pension.unitFen).toBe(6 * 48_000 - 6 * 16_000 - 2 * 15_680)
    expect(pension.lateFeeFen).toBeGreaterThan(0) // on the 补收 months only
    const paid = await api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${bill.body.billNo}/arrive`)
    expect(paid.status, paid.text).toBe(200)
    const settled = await bff.prisma.contributionRecord.findMany({ where: { personId: worker.id, kind: 'ADJUSTMENT' } })
    expect(settled.filter((r) => r.status === 'BACK_PAID')).toHaveLength(12)
    expect(settled.filter((r) => r.status === 'REFUNDED')).toHaveLength(16)
    const acc2024 = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: worker.id, year: 2024 } } })
    expect([acc2024.credited.toFixed(2), acc2024.creditedMonths, acc2024.closingBalance.toFixed(2)]).toEqual([(4800 + 6 * 240).toFixed(2), 12, '6240.00'])
    // 2025 opens with 2024's new closing balance; its credit is the (negative) difference, no extra months.
    const acc2025 = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: worker.id, year: 2025 } } })
    expect([acc2025.openingBalance.toFixed(2), acc2025.credited.toFixed(2), acc2025.creditedMonths]).toEqual(['6240.00', (-6 * 80 - 2 * 78.4).toFixed(2), 0])
  })
})
