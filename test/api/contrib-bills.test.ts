// 社会保险费应缴认定单 over real HTTP: the working-day deadline across National Day 2025 and Spring Festival 2026
// (make-up Saturdays/Sundays count, holidays do not; chinese-days), automatic expiry on both sides of the deadline,
// regeneration after the month with interest and late fee from the 1st of the next month, revoke / re-issue only when
// nothing else happened (R47, R004-19), unique bill numbers under concurrency, the reviewer's 到账 (records PAID,
// 最大核止期号, personal accounts, the worker's own 缴费信息 and 个人账户), 业务单据查询, other units' bills → 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepExpiredBills } from '../../bff/src/modules/contributions/expiry.ts'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
let reviewer: string

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const year of [2024, 2025, 2026]) await fx.policy({ year, standard: '6500.00', floor: '3900.00', ceiling: '19500.00' })
  reviewer = await fx.reviewerToken()
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

/** A unit settled to `lastSettled` with two workers on bases 6000 and 4000 (wages declared for 2024–2026). */
async function unitWithTwo(lastSettled: number): Promise<{ unit: FxUnit; a: FxPerson; b: FxPerson }> {
  const unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled })) })
  const a = await fx.person()
  const b = await fx.person()
  for (const [p, wage] of [[a, '6000.00'], [b, '4000.00']] as const) {
    await fx.enrol(p, unit.id, [...ALL])
    for (const y of [2024, 2025, 2026]) await fx.wageDeclaration(p, unit.id, y, wage, wage)
  }
  return { unit, a, b }
}

async function declareAndBill(unit: FxUnit, at: string): Promise<{ declarationId: number; bill: any }> {
  const c = api(bff.baseUrl, { token: unit.token })
  setContributionsClock(shanghai(at))
  const d = await c.post('/api/unit/contributions/declarations', { body: {} })
  expect(d.status, d.text).toBe(201)
  const b = await c.post('/api/unit/bills', { body: { declarationId: d.body.id } })
  expect(b.status, b.text).toBe(201)
  return { declarationId: d.body.id, bill: b.body }
}

describe('deadline: 10 working days on the official calendar', () => {
  it('National Day 2025: issued Fri 2025-09-26 → Thu 2025-10-16 (make-up Sun 9/28 and Sat 10/11 count, 10/1–10/8 do not)', async () => {
    const { unit } = await unitWithTwo(202508)
    const { bill } = await declareAndBill(unit, '2025-09-26 15:00:00')
    expect(bill.deadline).toBe('2025-10-16')
    expect(bill.notes[0]).toContain('此单据缴费截止日期至2025年10月16日')
  })

  it('Spring Festival 2026: issued Fri 2026-02-13 → Thu 2026-03-05 (make-up Sat 2/14 and 2/28 count, 2/15–2/23 do not)', async () => {
    const { unit } = await unitWithTwo(202601)
    const { bill } = await declareAndBill(unit, '2026-02-13 11:00:00')
    expect(bill.deadline).toBe('2026-03-05')
  })

  it('issued on a holiday (2025-10-03): counted from the next working day Thu 10/9 → Wed 2025-10-22 (make-up Sat 10/11 counts)', async () => {
    const { unit } = await unitWithTwo(202509)
    const { bill } = await declareAndBill(unit, '2025-10-03 10:00:00')
    expect(bill.issuedOn).toBe('2025-10-03')
    expect(bill.deadline).toBe('2025-10-22')
  })
})

describe('expiry, regeneration with interest and late fee, 到账', () => {
  let unit: FxUnit
  let a: FxPerson
  let b: FxPerson
  let first: any
  let second: any
  let declarationId: number

  beforeAll(async () => {
    ;({ unit, a, b } = await unitWithTwo(202508))
    // A's personal account closed 2024 at 10 000.00: the 2025 row opens with it.
    await bff.prisma.personalAccountYear.create({
      data: { personId: a.id, year: 2024, openingBalance: '9000.00', credited: '760.00', creditedMonths: 12, interestRate: '0.026200', interest: '240.00', closingBalance: '10000.00' }
    })
    const r = await declareAndBill(unit, '2025-09-26 15:00:00')
    first = r.bill
    declarationId = r.declarationId
  })

  it('within the month: no interest, no late fee; amounts per type', () => {
    expect(first.lateDays).toBe(0)
    expect(first.lines.map((l: any) => [l.insuranceType, l.unitFen, l.personalFen, l.interestFen, l.lateFeeFen, l.totalFen])).toEqual([
      ['PENSION', 160_000, 80_000, 0, 0, 240_000],
      ['UNEMPLOYMENT', 7_000, 3_000, 0, 0, 10_000],
      ['WORK_INJURY', 2_000, 0, 0, 0, 2_000]
    ])
    expect(first.totalFen).toBe(252_000)
    expect(first.totalCapital).toBe('贰仟伍佰贰拾元整')
  })

  it('still VALID at 23:59:59 on the deadline day; EXPIRED on any read from 00:00 the next day', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    setContributionsClock(shanghai('2025-10-16 23:59:59'))
    expect((await c.get(`/api/unit/bills/${first.billNo}`)).body.status).toBe('VALID')
    setContributionsClock(shanghai('2025-10-17 00:00:00'))
    const read = await c.get(`/api/unit/bills/${first.billNo}`)
    expect(read.body.status).toBe('EXPIRED')
    expect(read.body.statusLabel).toBe('已过期作废')
    // The declaration is billable again (its items are "not billed").
    const d = await c.get(`/api/unit/contributions/declarations/${declarationId}`)
    expect(d.body.status).toBe('DECLARED')
    expect(d.body.bill).toBeNull()
    // An expired bill is void: it cannot be revoked nor paid.
    expect((await c.post(`/api/unit/bills/${first.billNo}/revoke`)).body.error.code).toBe('BILL_NOT_REVOCABLE')
    const pay = await api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${first.billNo}/arrive`)
    expect(pay.status).toBe(409)
    expect(pay.body.error.message).toContain('已过缴费截止日期作废')
  })

  it('regenerated on 2025-10-20: interest and late fee for 20 days from 2025-10-01', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    setContributionsClock(shanghai('2025-10-20 09:30:00'))
    const res = await c.post(`/api/unit/bills/${first.billNo}/reissue`)
    expect(res.status, res.text).toBe(201)
    second = res.body
    expect(second.supersedes).toBe(first.billNo)
    expect(second.lateDays).toBe(20)
    // Late fee = (unit + personal) × 0.05 % × 20 per line; interest (pension) = Σ personal × 2.62 % × 20 / 365:
    // 480 → 0.69, 320 → 0.46.
    expect(second.lines.map((l: any) => [l.insuranceType, l.interestFen, l.lateFeeFen, l.totalFen])).toEqual([
      ['PENSION', 115, 2_400, 242_515],
      ['UNEMPLOYMENT', 0, 100, 10_100],
      ['WORK_INJURY', 0, 20, 2_020]
    ])
    expect(second.totalFen).toBe(254_635)
    expect(second.interestFen).toBe(115)
    expect(second.lateFeeFen).toBe(2_520)
    expect(second.totalCapital).toBe('贰仟伍佰肆拾陆元叁角伍分')
    expect(second.notes[2]).toContain('自2025年10月1日起至经办日期共20天加收利息和滞纳金')
    expect(second.deadline).toBe('2025-11-03')
    const list = await c.get('/api/unit/bills')
    expect(list.body.items.map((x: any) => `${x.billNo}:${x.status}`)).toEqual([`${second.billNo}:VALID`, `${first.billNo}:EXPIRED`])
    expect(list.body.items[0].progress[0]).toMatchObject({ step: '缴费认定', done: true })
    expect(list.body.items[0].progress[3]).toMatchObject({ step: '社保登账', done: false })
  })

  it('到账: PAID, records 实缴到账, 最大核止期号 advanced, personal accounts credited; not twice', async () => {
    setContributionsClock(shanghai('2025-10-22 14:00:00'))
    const r = api(bff.baseUrl, { token: reviewer })
    const res = await r.post(`/api/review/bills/${second.billNo}/arrive`, { headers: { 'Idempotency-Key': `arr-${second.billNo}` } })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ status: 'PAID', records: 6, creditedPersons: 2 })
    expect(res.body.progress.every((s: any) => s.done)).toBe(true)
    const replay = await r.post(`/api/review/bills/${second.billNo}/arrive`, { headers: { 'Idempotency-Key': `arr-${second.billNo}` } })
    expect(replay.status).toBe(200)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    const again = await r.post(`/api/review/bills/${second.billNo}/arrive`)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('BILL_NOT_PAYABLE')

    const records = await bff.prisma.contributionRecord.findMany({ where: { unitId: unit.id }, orderBy: [{ personId: 'asc' }, { insuranceType: 'asc' }] })
    expect(records).toHaveLength(6)
    expect(records.every((x) => x.status === 'PAID' && x.kind === 'NORMAL' && x.period === 202509 && x.billId !== null && x.paidAt !== null)).toBe(true)
    const settled = await bff.prisma.unitInsurance.findMany({ where: { unitId: unit.id }, select: { lastSettledPeriod: true } })
    expect(settled.map((s) => s.lastSettledPeriod)).toEqual([202509, 202509, 202509])
    const accA = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: a.id, year: 2025 } } })
    expect([accA.openingBalance.toFixed(2), accA.credited.toFixed(2), accA.creditedMonths, accA.interest.toFixed(2), accA.closingBalance.toFixed(2)]).toEqual(['10000.00', '480.00', 1, '0.00', '10480.00'])
    const accB = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: b.id, year: 2025 } } })
    expect([accB.openingBalance.toFixed(2), accB.credited.toFixed(2), accB.closingBalance.toFixed(2)]).toEqual(['0.00', '320.00', '320.00'])

    // The worker sees the month in 缴费信息 and the credit in 个人账户.
    const me = api(bff.baseUrl, { token: await fx.personToken(a.id) })
    const contributions = await me.get('/api/me/contributions', { query: { year: 2025 } })
    expect(contributions.status).toBe(200)
    expect(contributions.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ period: 202509, insuranceType: 'PENSION', baseFen: 600_000, personalAmountFen: 48_000, statusLabel: '实缴到账' })]))
    const account = await me.get('/api/me/account')
    expect(account.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2025, creditedFen: 48_000, creditedMonths: 1, closingFen: 1_048_000 })]))
  })

  it('the next month is declarable now (最大核止期号 = last month) and a second arrival credits the same year', async () => {
    setContributionsClock(shanghai('2025-10-23 09:00:00'))
    const { bill } = await declareAndBill(unit, '2025-10-23 09:00:00')
    const res = await api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${bill.billNo}/arrive`)
    expect(res.status).toBe(200)
    const accA = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: a.id, year: 2025 } } })
    expect([accA.credited.toFixed(2), accA.creditedMonths, accA.closingBalance.toFixed(2)]).toEqual(['960.00', 2, '10960.00'])
  })
})

describe('revoke and re-issue only when nothing else happened (R47, R004-19)', () => {
  it('a fresh VALID bill can be revoked; the declaration returns to 已申报 and can be billed again', async () => {
    const { unit } = await unitWithTwo(202508)
    const { bill, declarationId } = await declareAndBill(unit, '2025-09-10 10:00:00')
    const c = api(bff.baseUrl, { token: unit.token })
    expect(bill.revocable).toBe(true)
    setContributionsClock(shanghai('2025-09-10 10:05:00'))
    const res = await c.post(`/api/unit/bills/${bill.billNo}/revoke`)
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('REVOKED')
    expect((await c.get(`/api/unit/contributions/declarations/${declarationId}`)).body.status).toBe('DECLARED')
    const next = await c.post('/api/unit/bills', { body: { declarationId } })
    expect(next.status).toBe(201)
    expect(next.body.supersedes).toBe(bill.billNo)
    // Issuing again while a live bill exists → 409 (R46).
    const dup = await c.post('/api/unit/bills', { body: { declarationId } })
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('BILL_NOT_ISSUABLE')
  })

  it('re-issue revokes and issues in one step; the new bill has a new number', async () => {
    const { unit } = await unitWithTwo(202508)
    const { bill } = await declareAndBill(unit, '2025-09-10 10:00:00')
    setContributionsClock(shanghai('2025-09-10 10:30:00'))
    const res = await api(bff.baseUrl, { token: unit.token }).post(`/api/unit/bills/${bill.billNo}/reissue`)
    expect(res.status).toBe(201)
    expect(res.body.billNo).not.toBe(bill.billNo)
    expect(res.body.billNo.slice(0, 14)).toBe('20250910103000')
    expect(res.body.lateDays).toBe(0)
    const old = await bff.prisma.bill.findUniqueOrThrow({ where: { billNo: bill.billNo } })
    expect(old.status).toBe('REVOKED')
  })

  it('after another operation (a case of the unit) the bill can no longer be revoked or re-issued', async () => {
    const { unit } = await unitWithTwo(202508)
    const { bill } = await declareAndBill(unit, '2025-09-10 10:00:00')
    await bff.prisma.case.create({
      data: {
        serialNo: `2025091${String(Date.now()).slice(-8)}`.slice(0, 15),
        matterCode: 'STAFF_ENROL',
        applicantRole: 'UNIT',
        unitId: unit.id,
        personId: unit.clerkPersonId,
        applicantName: '经办人',
        applicantPhone: '13900000000',
        form: {},
        createdAt: new Date(shanghai('2025-09-10 10:10:00'))
      }
    })
    setContributionsClock(shanghai('2025-09-10 10:20:00'))
    const c = api(bff.baseUrl, { token: unit.token })
    const detail = await c.get(`/api/unit/bills/${bill.billNo}`)
    expect(detail.body.revocable).toBe(false)
    for (const op of ['revoke', 'reissue']) {
      const res = await c.post(`/api/unit/bills/${bill.billNo}/${op}`)
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('BILL_NOT_REVOCABLE')
      expect(res.body.error.message).toContain('开具后已办理其他业务')
    }
  })

  it('a paid bill cannot be revoked nor re-issued', async () => {
    const { unit } = await unitWithTwo(202508)
    const { bill } = await declareAndBill(unit, '2025-09-10 10:00:00')
    setContributionsClock(shanghai('2025-09-11 10:00:00'))
    expect((await api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${bill.billNo}/arrive`)).status).toBe(200)
    const c = api(bff.baseUrl, { token: unit.token })
    expect((await c.post(`/api/unit/bills/${bill.billNo}/revoke`)).body.error.code).toBe('BILL_NOT_REVOCABLE')
    expect((await c.post(`/api/unit/bills/${bill.billNo}/reissue`)).body.error.code).toBe('BILL_NOT_REVOCABLE')
    expect((await c.post(`/api/unit/contributions/declarations/${bill.declarationId}/revoke`)).body.error.code).toBe('DECLARATION_NOT_REVOCABLE')
  })
})

describe('bill numbers, sweep, access', () => {
  it('bills issued in the same second by many units get distinct 16-digit numbers with that second\'s prefix', async () => {
    const units = []
    for (let i = 0; i < 6; i++) units.push((await unitWithTwo(202508)).unit)
    setContributionsClock(shanghai('2025-09-12 08:00:00'))
    const decls = await Promise.all(units.map((u) => api(bff.baseUrl, { token: u.token }).post('/api/unit/contributions/declarations', { body: {} })))
    const bills = await Promise.all(units.map((u, i) => api(bff.baseUrl, { token: u.token }).post('/api/unit/bills', { body: { declarationId: decls[i]?.body.id } })))
    expect(bills.map((b) => b.status)).toEqual([201, 201, 201, 201, 201, 201])
    const numbers = bills.map((b) => b.body.billNo as string)
    expect(new Set(numbers).size).toBe(6)
    for (const n of numbers) expect(n).toMatch(/^20250912080000\d{2}$/)
  })

  it('the sweep expires due bills of every unit', async () => {
    const { unit } = await unitWithTwo(202508)
    const { bill } = await declareAndBill(unit, '2025-09-15 10:00:00')
    expect(await sweepExpiredBills(bff.prisma, shanghai('2025-09-28 23:00:00'))).toBeGreaterThanOrEqual(0)
    expect((await bff.prisma.bill.findUniqueOrThrow({ where: { billNo: bill.billNo } })).status).toBe('VALID')
    expect(await sweepExpiredBills(bff.prisma, shanghai('2025-10-30 00:00:01'))).toBeGreaterThanOrEqual(1)
    expect((await bff.prisma.bill.findUniqueOrThrow({ where: { billNo: bill.billNo } })).status).toBe('EXPIRED')
  })

  it('another unit\'s bill is 404 (detail, PDF, revoke, re-issue); a reviewer of another region gets 404 on 到账', async () => {
    const { unit: a } = await unitWithTwo(202508)
    const { unit: b } = await unitWithTwo(202508)
    const { bill } = await declareAndBill(a, '2025-09-20 10:00:00')
    const cb = api(bff.baseUrl, { token: b.token })
    expect((await cb.get(`/api/unit/bills/${bill.billNo}`)).status).toBe(404)
    expect((await cb.get(`/api/unit/bills/${bill.billNo}/pdf`)).status).toBe(404)
    expect((await cb.post(`/api/unit/bills/${bill.billNo}/revoke`)).status).toBe(404)
    expect((await cb.post(`/api/unit/bills/${bill.billNo}/reissue`)).status).toBe(404)
    expect((await cb.get('/api/unit/bills/123')).status).toBe(400)
    const far = await fx.reviewerToken('430100')
    expect((await api(bff.baseUrl, { token: far }).post(`/api/review/bills/${bill.billNo}/arrive`)).status).toBe(404)
    const near = await fx.reviewerToken(fx.regionCode)
    const list = await api(bff.baseUrl, { token: near }).get('/api/review/bills', { query: { unitNo: a.unitNo } })
    expect(list.body.items.map((x: any) => x.billNo)).toEqual([bill.billNo])
    expect((await api(bff.baseUrl, { token: a.token }).post(`/api/review/bills/${bill.billNo}/arrive`)).status).toBe(403)
  })
})
