// The bill lists the mini-program filters (业务单据查询 for the unit, 应缴认定单 for the center), over real HTTP:
// by status and by period, newest first; the center's by unit number, status and period within its region; bad
// filters answer 400 in Chinese. Bills: 2025-09 paid (到账), 2025-10 issued then re-issued (one 已撤销, one 有效待缴),
// and another unit's 2025-10.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
const reviewerIds: number[] = []
const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

/** A token backed by a session row, as sign-in creates one. */
async function liveToken(subject: { role: 'unit'; personId: number; unitId: number } | { role: 'reviewer'; reviewerId: number }): Promise<string> {
  const sessionId = crypto.randomUUID()
  await bff.prisma.session.create({
    data: {
      id: sessionId,
      role: subject.role === 'unit' ? 'UNIT' : 'REVIEWER',
      personId: subject.role === 'unit' ? subject.personId : null,
      unitId: subject.role === 'unit' ? subject.unitId : null,
      reviewerId: subject.role === 'reviewer' ? subject.reviewerId : null,
      expiresAt: new Date(Date.now() + 3_600_000)
    }
  })
  return signAccessToken(bff.deps.keys, { ...subject, sessionId }, 3600)
}

async function reviewerToken(regionCode: string | null): Promise<string> {
  const r = await bff.prisma.reviewer.create({ data: { username: `t_lists_${fx.tag}_${crypto.randomInt(1e6)}`.toLowerCase(), name: '审核员丁', passwordHash: 'x', regionCode } })
  reviewerIds.push(r.id)
  return liveToken({ role: 'reviewer', reviewerId: r.id })
}

let a: FxUnit
let b: FxUnit
let aToken: string
let center: string
const bills = { paid: '', revoked: '', valid: '', other: '' }

async function unitWithStaff(lastSettled: number): Promise<FxUnit> {
  const u = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled })) })
  const p = await fx.person()
  await fx.enrol(p, u.id, [...ALL])
  await fx.wageDeclaration(p, u.id, 2025, '6000.00', '6000.00')
  return u
}

async function declareAndBill(token: string, at: string): Promise<string> {
  setContributionsClock(shanghai(at))
  const c = api(bff.baseUrl, { token })
  const d = await c.post('/api/unit/contributions/declarations', { body: {} })
  expect(d.status, d.text).toBe(201)
  const bill = await c.post('/api/unit/bills', { body: { declarationId: d.body.id } })
  expect(bill.status, bill.text).toBe(201)
  return bill.body.billNo
}

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  await fx.policy({ year: 2025, standard: '6700.00', floor: '4000.00', ceiling: '20000.00' })
  a = await unitWithStaff(202508)
  b = await unitWithStaff(202509)
  aToken = await liveToken({ role: 'unit', personId: a.clerkPersonId, unitId: a.id })
  center = await reviewerToken(fx.regionCode)

  bills.paid = await declareAndBill(aToken, '2025-09-10 10:00:00')
  const arrived = await api(bff.baseUrl, { token: center }).post(`/api/review/bills/${bills.paid}/arrive`)
  expect(arrived.status, arrived.text).toBe(200)
  bills.revoked = await declareAndBill(aToken, '2025-10-13 10:00:00')
  setContributionsClock(shanghai('2025-10-13 10:05:00'))
  const again = await api(bff.baseUrl, { token: aToken }).post(`/api/unit/bills/${bills.revoked}/reissue`)
  expect(again.status, again.text).toBe(201)
  bills.valid = again.body.billNo
  bills.other = await declareAndBill(await liveToken({ role: 'unit', personId: b.clerkPersonId, unitId: b.id }), '2025-10-13 10:10:00')
  setContributionsClock(shanghai('2025-10-14 09:00:00'))
})

afterAll(async () => {
  resetContributionsClock()
  if (fx) {
    await bff.prisma.session.deleteMany({ where: { OR: [{ unitId: { in: [a, b].filter(Boolean).map((u) => u.id) } }, { reviewerId: { in: reviewerIds } }] } })
    await bff.prisma.idempotencyKey.deleteMany({ where: { scope: { in: reviewerIds.map((id) => `reviewer:${id}`) } } })
    await fx.cleanup()
    await bff.prisma.reviewer.deleteMany({ where: { id: { in: reviewerIds } } })
  }
  await bff?.close()
})

const numbers = (res: { body: { items: Array<{ billNo: string }> } }) => res.body.items.map((x) => x.billNo)

describe('业务单据查询 (unit)', () => {
  it('all of the unit’s bills, newest first, each with its status; another unit’s are not there', async () => {
    const res = await api(bff.baseUrl, { token: aToken }).get('/api/unit/bills')
    expect(res.status, res.text).toBe(200)
    expect(numbers(res)).toEqual([bills.valid, bills.revoked, bills.paid])
    expect(res.body.items.map((x: { status: string }) => x.status)).toEqual(['VALID', 'REVOKED', 'PAID'])
    expect(res.body.items[0].supersedes).toBe(bills.revoked)
    expect(res.body.items[2].progress.every((s: { done: boolean }) => s.done)).toBe(true)
    expect(res.body.items[0].progress.map((s: { done: boolean }) => s.done)).toEqual([true, false, false, false, false])
  })

  it('by status and by period', async () => {
    const c = api(bff.baseUrl, { token: aToken })
    expect(numbers(await c.get('/api/unit/bills', { query: { status: 'VALID' } }))).toEqual([bills.valid])
    expect(numbers(await c.get('/api/unit/bills', { query: { status: 'PAID' } }))).toEqual([bills.paid])
    expect(numbers(await c.get('/api/unit/bills', { query: { status: 'REVOKED' } }))).toEqual([bills.revoked])
    expect(numbers(await c.get('/api/unit/bills', { query: { status: 'EXPIRED' } }))).toEqual([])
    expect(numbers(await c.get('/api/unit/bills', { query: { period: 202509 } }))).toEqual([bills.paid])
    expect(numbers(await c.get('/api/unit/bills', { query: { period: 202510, status: 'VALID' } }))).toEqual([bills.valid])
    expect(numbers(await c.get('/api/unit/bills', { query: { period: 202509, status: 'VALID' } }))).toEqual([])
    // an empty filter is no filter (the pages send status='' for 全部)
    expect(numbers(await c.get('/api/unit/bills', { query: { status: '' } }))).toHaveLength(3)
  })

  it('a bad filter is a 400 naming it in Chinese', async () => {
    const c = api(bff.baseUrl, { token: aToken })
    const status = await c.get('/api/unit/bills', { query: { status: 'PAYED' } })
    expect(status.status).toBe(400)
    expect(status.body.error.message).toMatch(/单据状态/)
    const period = await c.get('/api/unit/bills', { query: { period: 'abc' } })
    expect(period.status).toBe(400)
    expect(period.body.error.message).toContain('期号须为YYYYMM')
  })
})

describe('应缴认定单 (center)', () => {
  it('by unit number and status: the 到账 queue of one unit', async () => {
    const r = api(bff.baseUrl, { token: center })
    expect(numbers(await r.get('/api/review/bills', { query: { unitNo: a.unitNo, status: 'VALID' } }))).toEqual([bills.valid])
    expect(numbers(await r.get('/api/review/bills', { query: { unitNo: a.unitNo } }))).toEqual([bills.valid, bills.revoked, bills.paid])
    const other = await r.get('/api/review/bills', { query: { unitNo: b.unitNo } })
    expect(numbers(other)).toEqual([bills.other])
    expect(other.body.items[0]).toMatchObject({ unitNo: b.unitNo, unitName: b.name, status: 'VALID' })
  })

  it('by status and period across the region’s units; a reviewer of another region sees none of them', async () => {
    const r = api(bff.baseUrl, { token: center })
    const valid = numbers(await r.get('/api/review/bills', { query: { status: 'VALID', period: 202510, pageSize: 100 } }))
    expect(valid).toEqual(expect.arrayContaining([bills.valid, bills.other]))
    expect(valid).not.toContain(bills.revoked)
    expect(valid).not.toContain(bills.paid)
    expect(numbers(await r.get('/api/review/bills', { query: { status: 'PAID', unitNo: a.unitNo } }))).toEqual([bills.paid])
    const far = api(bff.baseUrl, { token: await reviewerToken('430100') })
    expect(numbers(await far.get('/api/review/bills', { query: { unitNo: a.unitNo } }))).toEqual([])
    expect((await r.get('/api/review/bills', { query: { period: '2025-10' } })).status).toBe(400)
    // a unit clerk cannot use the center's list
    expect((await api(bff.baseUrl, { token: aToken }).get('/api/review/bills')).status).toBe(403)
  })
})
