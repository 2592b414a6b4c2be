// 单位缴费申报 (§3.3.22) and 撤销申报 (§3.3.23) over real HTTP: every gate on both sides of its boundary, who is in the
// population, the base rules, the 上期/本期 comparison, idempotency, races and other units' ids.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const year of [2024, 2025]) await fx.policy({ year, standard: '6500.00', floor: '3900.00', ceiling: '19500.00' })
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

/** A unit with its three insurances settled to `lastSettled`, wages of 2024 and 2025 declared, and one worker. */
async function unitWithWorker(lastSettled: number | null, opts: { enrolledOn?: string; wages?: number[] } = {}): Promise<FxUnit> {
  const unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled, enrolledOn: opts.enrolledOn ?? '2015-01-01' })) })
  const p = await fx.person()
  await fx.enrol(p, unit.id, [...ALL])
  for (const y of opts.wages ?? [2024, 2025]) await fx.wageDeclaration(p, unit.id, y, '6000.00', '6000.00')
  return unit
}

const declare = (unit: FxUnit, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  api(bff.baseUrl, { token: unit.token }).post('/api/unit/contributions/declarations', { body, headers })

describe('当月只能申报当月 (R004-16)', () => {
  beforeEach(() => setContributionsClock(shanghai('2025-08-31 23:59:59')))

  it('the current month (Asia/Shanghai) is accepted, implicitly or by name', async () => {
    const u1 = await unitWithWorker(202507)
    expect((await declare(u1, { period: 202508 })).status).toBe(201)
    const u2 = await unitWithWorker(202507)
    const res = await declare(u2)
    expect(res.status).toBe(201)
    expect(res.body.period).toBe(202508)
  })

  it('last month or next month → 409 naming the current month', async () => {
    const u = await unitWithWorker(202507)
    for (const period of [202507, 202509]) {
      const res = await declare(u, { period })
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('DECLARATION_NOT_CURRENT_MONTH')
      expect(res.body.error.message).toContain('当月只能申报当月（2025年08月）')
    }
  })

  it('one second later it is September in Shanghai (UTC is still August)', async () => {
    setContributionsClock(shanghai('2025-09-01 00:00:00'))
    const u = await unitWithWorker(202508)
    expect((await declare(u, { period: 202508 })).body.error.code).toBe('DECLARATION_NOT_CURRENT_MONTH')
    expect((await declare(u, { period: 202509 })).status).toBe(201)
  })
})

describe('最大核止期号 must be last month or this month (R004-22)', () => {
  beforeEach(() => setContributionsClock(shanghai('2025-09-10 09:00:00')))

  it('last month → ok; this month → ok', async () => {
    expect((await declare(await unitWithWorker(202508))).status).toBe(201)
    expect((await declare(await unitWithWorker(202509))).status).toBe(201)
  })

  it('two months ago → 409 with the seed message, and the preview says so', async () => {
    const u = await unitWithWorker(202507)
    const res = await declare(u)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('DECLARATION_ARREARS')
    expect(res.body.error.message).toContain('该单位的最大做账期号不等于上一月或者当前月！')
    expect(res.body.error.message).toContain('补缴')
    const preview = await api(bff.baseUrl, { token: u.token }).get('/api/unit/contributions/declarations/preview')
    expect(preview.body.canDeclare).toBe(false)
    expect(preview.body.blockers.map((b: { code: string }) => b.code)).toContain('DECLARATION_ARREARS')
  })

  it('one type behind is enough to block', async () => {
    const u = await fx.unit({ insurances: [{ type: 'PENSION', lastSettled: 202508 }, { type: 'UNEMPLOYMENT', lastSettled: 202506 }] })
    const p = await fx.person()
    await fx.enrol(p, u.id, ['PENSION', 'UNEMPLOYMENT'])
    await fx.wageDeclaration(p, u.id, 2025, '6000.00', '6000.00')
    const res = await declare(u)
    expect(res.body.error.code).toBe('DECLARATION_ARREARS')
    expect(res.body.error.message).toContain('失业保险最大核止期号202506')
  })

  it('never settled: enrolled last month → ok; enrolled two months ago → 409', async () => {
    const fresh = await unitWithWorker(null, { enrolledOn: '2025-08-20', wages: [] })
    expect((await declare(fresh)).status).toBe(201)
    const stale = await unitWithWorker(null, { enrolledOn: '2025-07-31', wages: [2025] })
    expect((await declare(stale)).body.error.code).toBe('DECLARATION_ARREARS')
  })
})

describe('7/1 gate: the social year\'s wages are declared first (R35/R36, R004-7)', () => {
  it('June 2025 needs only the 2024 year; from July 2025 the 2025 year', async () => {
    const u = await unitWithWorker(202505, { wages: [2024] })
    setContributionsClock(shanghai('2025-06-30 23:59:59'))
    expect((await declare(u)).status).toBe(201)
    setContributionsClock(shanghai('2025-07-01 00:00:00'))
    await bff.prisma.unitInsurance.updateMany({ where: { unitId: u.id }, data: { lastSettledPeriod: 202506 } })
    const res = await declare(u)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('WAGES_NOT_DECLARED')
    expect(res.body.error.message).toBe('从7月1日起，须先完成2025社保年度职工缴费工资申报后，方可办理单位缴费申报业务')
    // Once a 2025 wage row exists, the gate opens.
    const p = await bff.prisma.enrolment.findFirstOrThrow({ where: { unitId: u.id }, select: { personId: true } })
    await bff.prisma.wageDeclaration.create({ data: { unitId: u.id, personId: p.personId, year: 2025, declaredWage: '6000.00', base: '6000.00' } })
    expect((await declare(u)).status).toBe(201)
  })

  it('a unit whose insurance started within the social year is not gated', async () => {
    setContributionsClock(shanghai('2025-09-10 09:00:00'))
    const u = await unitWithWorker(null, { enrolledOn: '2025-08-01', wages: [] })
    expect((await declare(u)).status).toBe(201)
    const old = await unitWithWorker(202508, { enrolledOn: '2025-06-30', wages: [2024] })
    expect((await declare(old)).body.error.code).toBe('WAGES_NOT_DECLARED')
  })
})

describe('who is declared and on what base', () => {
  it('stop month included, earlier stops, later starts and retirees excluded; bases floored, capped, rounded', async () => {
    setContributionsClock(shanghai('2025-09-10 09:00:00'))
    const u = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202508 })) })
    const names: Record<string, number> = {}
    const mk = async (key: string, opts: Parameters<ContribFixtures['enrol']>[3], status: 'ACTIVE' | 'RETIRED' = 'ACTIVE') => {
      const p = await fx.person({ status })
      names[key] = p.id
      await fx.enrol(p, u.id, [...ALL], opts)
      return p
    }
    const declared = await mk('declared', { wage: '5000.00' })
    await fx.wageDeclaration(declared, u.id, 2025, '8884.00', '8880.00')
    await mk('low', { wage: '2000.00' }) // → floor 3900
    await mk('high', { wage: '25000.00' }) // → ceiling 19500
    await mk('round', { wage: '7775.00' }) // → 7780 (half-up to 10 yuan)
    await mk('noWage', { wage: null, base: null }) // → floor, counted as undeclared
    await mk('stopsThisMonth', { status: 'SUSPENDED', stopPeriod: 202509, wage: '6000.00' })
    await mk('stoppedLastMonth', { status: 'SUSPENDED', stopPeriod: 202508, wage: '6000.00' })
    await mk('startsNextMonth', { startPeriod: 202510, wage: '6000.00' })
    await mk('retired', { wage: '6000.00' }, 'RETIRED')
    const c = api(bff.baseUrl, { token: u.token })
    const preview = await c.get('/api/unit/contributions/declarations/preview')
    expect(preview.status).toBe(200)
    expect(preview.body.headcount).toBe(6)
    expect(preview.body.floorApplied).toBe(2)
    expect(preview.body.ceilingApplied).toBe(1)
    expect(preview.body.undeclaredWage).toBe(1)
    // 8880 + 3900 + 19500 + 7780 + 3900 + 6000
    expect(preview.body.baseTotalFen).toBe(4_996_000)
    const d = await c.post('/api/unit/contributions/declarations', { body: {} })
    expect(d.status).toBe(201)
    const lines = await c.get(`/api/unit/contributions/declarations/${d.body.id}/lines`, { query: { insuranceType: 'PENSION', pageSize: 50 } })
    expect(lines.body.total).toBe(6)
    const byPerson = new Map<number, number>()
    const rows = await bff.prisma.declarationLine.findMany({ where: { declarationId: d.body.id, insuranceType: 'PENSION' }, select: { personId: true, base: true, unitAmount: true, personalAmount: true } })
    for (const r of rows) byPerson.set(r.personId, Number(r.base))
    expect(byPerson.get(names['declared'] as number)).toBe(8880)
    expect(byPerson.get(names['low'] as number)).toBe(3900)
    expect(byPerson.get(names['high'] as number)).toBe(19500)
    expect(byPerson.get(names['round'] as number)).toBe(7780)
    expect(byPerson.get(names['noWage'] as number)).toBe(3900)
    expect(byPerson.get(names['stopsThisMonth'] as number)).toBe(6000)
    expect(byPerson.has(names['stoppedLastMonth'] as number)).toBe(false)
    expect(byPerson.has(names['startsNextMonth'] as number)).toBe(false)
    expect(byPerson.has(names['retired'] as number)).toBe(false)
    // Work injury is unit-only at the unit's class rate (class 1, 0.2 %): 49960 × 0.2 % = 99.92.
    const wi = d.body.byType.find((t: { insuranceType: string }) => t.insuranceType === 'WORK_INJURY')
    expect(wi).toMatchObject({ unitRatePpm: 2000, personalRatePpm: 0, personalFen: 0, unitFen: 9_992 })
    expect(lines.body.items[0].idNumber).toMatch(/\*/)
  })

  it('the work-injury rate follows the unit\'s risk class', async () => {
    setContributionsClock(shanghai('2025-09-10 09:00:00'))
    const u = await fx.unit({ riskClass: 8, insurances: [{ type: 'WORK_INJURY', lastSettled: 202508 }] })
    const p = await fx.person()
    await fx.enrol(p, u.id, ['WORK_INJURY'])
    await fx.wageDeclaration(p, u.id, 2025, '10000.00', '10000.00')
    const d = await declare(u)
    expect(d.body.byType).toEqual([expect.objectContaining({ insuranceType: 'WORK_INJURY', unitRatePpm: 19_000, unitFen: 19_000, personalFen: 0 })])
  })
})

describe('one declaration a month, 撤销申报 (R44), 上期/本期 (R43)', () => {
  it('a second declaration → 409; after 撤销申报 the month can be declared again; comparison with last month', async () => {
    const u = await unitWithWorker(202507)
    setContributionsClock(shanghai('2025-08-05 09:00:00'))
    const aug = await declare(u)
    expect(aug.status).toBe(201)
    expect(aug.body.comparison.previous).toBeNull()
    const again = await declare(u)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('DECLARATION_EXISTS')
    const c = api(bff.baseUrl, { token: u.token })
    const revoked = await c.post(`/api/unit/contributions/declarations/${aug.body.id}/revoke`)
    expect(revoked.status).toBe(200)
    expect(revoked.body.status).toBe('REVOKED')
    const twice = await c.post(`/api/unit/contributions/declarations/${aug.body.id}/revoke`)
    expect(twice.body.error.code).toBe('DECLARATION_NOT_REVOCABLE')
    const redo = await declare(u)
    expect(redo.status).toBe(201)
    // September: a second worker joined; 上期 = August's live declaration.
    await bff.prisma.unitInsurance.updateMany({ where: { unitId: u.id }, data: { lastSettledPeriod: 202508 } })
    const p2 = await fx.person()
    await fx.enrol(p2, u.id, [...ALL], { startPeriod: 202509, wage: '4321.00' })
    setContributionsClock(shanghai('2025-09-05 09:00:00'))
    const sep = await declare(u)
    expect(sep.body.comparison).toMatchObject({
      previous: { period: 202508, headcount: 1, baseTotalFen: 600_000 },
      current: { period: 202509, headcount: 2, baseTotalFen: 600_000 + 432_000 },
      headcountChange: 1,
      baseTotalChangeFen: 432_000
    })
    const list = await c.get('/api/unit/contributions/declarations', { query: { year: 2025 } })
    expect(list.body.items.map((d: { period: number; status: string }) => `${d.period}:${d.status}`)).toEqual(['202509:DECLARED', '202508:DECLARED', '202508:REVOKED'])
  })

  it('a billed declaration cannot be revoked; after the bill is revoked it can', async () => {
    const u = await unitWithWorker(202507)
    setContributionsClock(shanghai('2025-08-05 09:00:00'))
    const d = await declare(u)
    const c = api(bff.baseUrl, { token: u.token })
    setContributionsClock(shanghai('2025-08-05 09:01:00'))
    const bill = await c.post('/api/unit/bills', { body: { declarationId: d.body.id } })
    expect(bill.status).toBe(201)
    const blocked = await c.post(`/api/unit/contributions/declarations/${d.body.id}/revoke`)
    expect(blocked.status).toBe(409)
    expect(blocked.body.error.message).toContain('已开具应缴认定单')
    expect(blocked.body.error.message).toContain('请先撤销应缴认定单')
    expect((await c.post(`/api/unit/bills/${bill.body.billNo}/revoke`)).status).toBe(200)
    const ok = await c.post(`/api/unit/contributions/declarations/${d.body.id}/revoke`)
    expect(ok.status).toBe(200)
  })
})

describe('idempotency, races, other units', () => {
  beforeEach(() => setContributionsClock(shanghai('2025-08-05 09:00:00')))

  it('the same Idempotency-Key replays the first answer', async () => {
    const u = await unitWithWorker(202507)
    const first = await declare(u, {}, { 'Idempotency-Key': 'decl-1' })
    const second = await declare(u, {}, { 'Idempotency-Key': 'decl-1' })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body.id).toBe(first.body.id)
    expect(await bff.prisma.contributionDeclaration.count({ where: { unitId: u.id } })).toBe(1)
  })

  it('two declarations racing for one unit: exactly one is created', async () => {
    const u = await unitWithWorker(202507)
    const results = await Promise.all([declare(u), declare(u), declare(u)])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
    expect(await bff.prisma.contributionDeclaration.count({ where: { unitId: u.id } })).toBe(1)
  })

  it('another unit\'s declaration is 404 (read, lines, revoke); persons and reviewers are 403', async () => {
    const a = await unitWithWorker(202507)
    const b = await unitWithWorker(202507)
    const d = await declare(a)
    const cb = api(bff.baseUrl, { token: b.token })
    expect((await cb.get(`/api/unit/contributions/declarations/${d.body.id}`)).status).toBe(404)
    expect((await cb.get(`/api/unit/contributions/declarations/${d.body.id}/lines`)).status).toBe(404)
    expect((await cb.post(`/api/unit/contributions/declarations/${d.body.id}/revoke`)).status).toBe(404)
    expect((await api(bff.baseUrl, { token: await fx.personToken(a.clerkPersonId) }).post('/api/unit/contributions/declarations', { body: {} })).status).toBe(403)
    expect((await api(bff.baseUrl, { token: await fx.reviewerToken() }).get('/api/unit/contributions/declarations/preview')).status).toBe(403)
    expect((await api(bff.baseUrl).get('/api/unit/contributions/declarations/preview')).status).toBe(401)
  })
})
