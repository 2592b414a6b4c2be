// 单位社会保险补缴申报 (whole-unit back-declaration, §3.3.33; R004-21, FAQ8/14, R54) over real HTTP: only the 3 months
// before the current one (both sides), month by month from the first unpaid one, the bill (补缴核定) with interest and
// late fee from the 1st of the next month, 到账 as 补缴到账, and FAQ14's loop: arrears block the monthly declaration
// until the unpaid months are back-paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
let reviewer: string

const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const year of [2024, 2025]) await fx.policy({ year, standard: '6500.00', floor: '3900.00', ceiling: '19500.00' })
  reviewer = await fx.reviewerToken()
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

async function unitSettledTo(lastSettled: number): Promise<FxUnit> {
  const unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled })) })
  const p = await fx.person()
  await fx.enrol(p, unit.id, [...ALL])
  for (const y of [2024, 2025]) await fx.wageDeclaration(p, unit.id, y, '6000.00', '6000.00')
  return unit
}

const back = (u: FxUnit, period: number) => api(bff.baseUrl, { token: u.token }).post('/api/unit/contributions/back-declarations', { body: { period } })

describe('range: the 3 months before the current month (R004-21)', () => {
  it('in 2025-08, 2025-05 can be back-declared; 2025-04 cannot (administrative approval)', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const ok = await back(await unitSettledTo(202504), 202505)
    expect(ok.status, ok.text).toBe(201)
    const old = await unitSettledTo(202503)
    const res = await back(old, 202504)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('BACK_DECLARATION_OUT_OF_RANGE')
    expect(res.body.error.message).toContain('网上只能补缴当前月份以前3个月的社保费（2025年05月至2025年07月）')
    expect(res.body.error.message).toContain('行政审批')
    // Skipping the unpaid 2025-04 is not allowed either.
    expect((await back(old, 202505)).body.error.code).toBe('BACK_DECLARATION_NOT_NEXT')
  })

  it('the current month is not a back-payment', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    expect((await back(await unitSettledTo(202507), 202508)).body.error.code).toBe('BACK_DECLARATION_OUT_OF_RANGE')
  })
})

describe('FAQ14: arrears → 补缴 month by month → the monthly declaration opens', () => {
  let unit: FxUnit

  it('June and July unpaid: the August declaration is blocked; July before June is refused', async () => {
    unit = await unitSettledTo(202505)
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const aug = await api(bff.baseUrl, { token: unit.token }).post('/api/unit/contributions/declarations', { body: {} })
    expect(aug.body.error.code).toBe('DECLARATION_ARREARS')
    const july = await back(unit, 202507)
    expect(july.status).toBe(409)
    expect(july.body.error.code).toBe('BACK_DECLARATION_NOT_NEXT')
    expect(july.body.error.message).toContain('养老保险2025年06月')
  })

  it('June: declared, billed as 补缴核定 with 41 days of interest and late fee, paid as 补缴到账', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    const june = await back(unit, 202506)
    expect(june.status, june.text).toBe(201)
    expect(june.body.period).toBe(202506)
    setContributionsClock(shanghai('2025-08-10 10:05:00'))
    const bill = await c.post('/api/unit/bills', { body: { declarationId: june.body.id } })
    expect(bill.status, bill.text).toBe(201)
    expect(bill.body.kindLabel).toBe('补缴核定')
    expect(bill.body.collection[0].kindLabel).toBe('补缴核定')
    expect(bill.body.lateDays).toBe(41)
    // Base 6000: pension 960/480, unemployment 42/18, work injury 12. Late fee ×0.05 %×41; interest 480×2.62 %×41/365.
    expect(bill.body.lines.map((l: any) => [l.insuranceType, l.interestFen, l.lateFeeFen, l.totalFen])).toEqual([
      ['PENSION', 141, 2_952, 147_093],
      ['UNEMPLOYMENT', 0, 123, 6_123],
      ['WORK_INJURY', 0, 25, 1_225]
    ])
    expect(bill.body.totalFen).toBe(154_441)
    setContributionsClock(shanghai('2025-08-11 10:00:00'))
    const paid = await api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${bill.body.billNo}/arrive`)
    expect(paid.status).toBe(200)
    const records = await bff.prisma.contributionRecord.findMany({ where: { unitId: unit.id, period: 202506 } })
    expect(records).toHaveLength(3)
    expect(records.every((r) => r.status === 'BACK_PAID' && r.kind === 'BACK_PAYMENT')).toBe(true)
    const settled = await bff.prisma.unitInsurance.findMany({ where: { unitId: unit.id } })
    expect(settled.every((s) => s.lastSettledPeriod === 202506)).toBe(true)
  })

  it('July next, then August is declarable again', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    setContributionsClock(shanghai('2025-08-12 10:00:00'))
    const july = await back(unit, 202507)
    expect(july.status).toBe(201)
    const bill = await c.post('/api/unit/bills', { body: { declarationId: july.body.id } })
    expect(bill.body.lateDays).toBe(12)
    expect((await api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${bill.body.billNo}/arrive`)).status).toBe(200)
    const aug = await c.post('/api/unit/contributions/declarations', { body: {} })
    expect(aug.status, aug.text).toBe(201)
    expect(aug.body.comparison.previous).toMatchObject({ period: 202507, headcount: 1 })
  })
})
