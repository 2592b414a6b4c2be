// GET /api/policy: the year's parameters per region (reviewers: any region; a unit: only its own, read-only, with
// its work-injury class rate; persons: 403). Changes are data: editing a rate row changes what the API and the
// declaration preview use, with no code change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
let reviewer: string
let unit: FxUnit

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  // Yichang 2022 as published (seed 004 FAQ5): 6000 / 3450 / 18000.
  await fx.policy({ year: 2022, standard: '6000.00', floor: '3450.00', ceiling: '18000.00' })
  await fx.policy({ year: 2023, standard: '6250.00', floor: '3750.00', ceiling: '18750.00', unemployment: ['0.020000', '0.010000'] })
  reviewer = await fx.reviewerToken()
  unit = await fx.unit({ riskClass: 3, insurances: [{ type: 'PENSION', lastSettled: 202307 }, { type: 'WORK_INJURY', lastSettled: 202307 }] })
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

describe('GET /api/policy', () => {
  it('reviewer: the 2022 year of the region, to the fen and ppm', async () => {
    const res = await api(bff.baseUrl, { token: reviewer }).get('/api/policy', { query: { region: fx.regionCode, year: 2022 } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      regionCode: fx.regionCode,
      year: 2022,
      appliedYear: 2022,
      provisional: false,
      yearLabel: '2022社保年度（2022年7月-2023年6月）',
      fromPeriod: 202207,
      toPeriod: 202306,
      standardFen: 600_000,
      floorFen: 345_000,
      ceilingFen: 1_800_000,
      floorYuan: '3,450.00',
      lateFeeDailyPpm: 500,
      lateFeeDailyText: '0.05%',
      unit: null
    })
    expect(res.body.rates).toEqual([
      expect.objectContaining({ insuranceType: 'PENSION', unitPpm: 160_000, unitText: '16%', personalPpm: 80_000, personalText: '8%' }),
      expect.objectContaining({ insuranceType: 'UNEMPLOYMENT', unitPpm: 7_000, unitText: '0.7%', personalPpm: 3_000, personalText: '0.3%' }),
      expect.objectContaining({ insuranceType: 'WORK_INJURY', unitPpm: 2_000, personalPpm: 0 })
    ])
    expect(res.body.workInjuryClasses.map((c: { rateText: string }) => c.rateText)).toEqual(['0.2%', '0.4%', '0.7%', '0.9%', '1.1%', '1.3%', '1.6%', '1.9%'])
    expect(res.body.workInjuryClasses[0].label).toBe('一类')
    expect(res.body.accountInterestRates).toEqual(expect.arrayContaining([{ year: 2022, ratePpm: 61_200, rateText: '6.12%' }, { year: 2023, ratePpm: 39_700, rateText: '3.97%' }]))
  })

  it('a later year not yet published falls back to the latest one, flagged provisional; the unemployment revert rates are data', async () => {
    const res = await api(bff.baseUrl, { token: reviewer }).get('/api/policy', { query: { region: fx.regionCode, year: 2024 } })
    expect(res.body).toMatchObject({ year: 2024, appliedYear: 2023, provisional: true, standardFen: 625_000 })
    expect(res.body.rates[1]).toMatchObject({ insuranceType: 'UNEMPLOYMENT', unitText: '2%', personalText: '1%' })
  })

  it('no parameters at all → 404; bad input → 400', async () => {
    const r = api(bff.baseUrl, { token: reviewer })
    expect((await r.get('/api/policy', { query: { region: fx.regionCode, year: 2015 } })).status).toBe(404)
    expect((await r.get('/api/policy', { query: { region: '9', year: 2022 } })).status).toBe(400)
    expect((await r.get('/api/policy', { query: { region: fx.regionCode, year: 'abc' } })).status).toBe(400)
  })

  it('unit: its own region by default, with its class-3 work-injury rate; another region → 404; persons → 403', async () => {
    setContributionsClock(shanghai('2023-08-01 10:00:00'))
    const u = api(bff.baseUrl, { token: unit.token })
    const own = await u.get('/api/policy')
    expect(own.status).toBe(200)
    expect(own.body).toMatchObject({ year: 2023, unit: { unitNo: unit.unitNo, riskClass: 3, workInjuryPpm: 7_000, workInjuryText: '0.7%' } })
    expect((await u.get('/api/policy', { query: { region: '420500', year: 2023 } })).status).toBe(404)
    expect((await api(bff.baseUrl, { token: await fx.personToken(unit.clerkPersonId) }).get('/api/policy')).status).toBe(403)
    expect((await api(bff.baseUrl).get('/api/policy')).status).toBe(401)
  })

  it('changes are data: a new class rate is used by the API and by the declaration at once', async () => {
    setContributionsClock(shanghai('2023-08-01 10:00:00'))
    const p = await fx.person()
    await fx.enrol(p, unit.id, ['PENSION', 'WORK_INJURY'])
    await fx.wageDeclaration(p, unit.id, 2023, '10000.00', '10000.00')
    const u = api(bff.baseUrl, { token: unit.token })
    const before = await u.get('/api/unit/contributions/declarations/preview')
    expect(before.body.byType.find((t: { insuranceType: string }) => t.insuranceType === 'WORK_INJURY').unitFen).toBe(7_000)
    const year = await bff.prisma.policyYear.findFirstOrThrow({ where: { regionCode: fx.regionCode, year: 2023 } })
    await bff.prisma.workInjuryClass.update({ where: { policyYearId_riskClass: { policyYearId: year.id, riskClass: 3 } }, data: { rate: '0.005000' } })
    expect((await u.get('/api/policy')).body.unit.workInjuryText).toBe('0.5%')
    const after = await u.get('/api/unit/contributions/declarations/preview')
    expect(after.body.byType.find((t: { insuranceType: string }) => t.insuranceType === 'WORK_INJURY').unitFen).toBe(5_000)
  })
})
