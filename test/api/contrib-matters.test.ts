// Worker back-payment (补缴, ordinary and 劳动合同补缴) and 多缴退费 on the case engine, over real HTTP: every rule on
// both sides of its boundary — the 3-month online range (R004-21), 统账结合 (R49), 36 months cumulative (R49/R55),
// materials by duration (R55), 视同缴费年限 (R56), each year's floor (R58), interest and late fee only from 1996-01
// (R54); refunds: the 3-month range, stop first, never the stop month, a refund account (R004-31), a listed document
// (R72), review, then 已退费 and 单位退费查询.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
let reviewer: string

const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const [year, standard, floor, ceiling] of [
    [1995, '500.00', '300.00', '1500.00'],
    [2021, '5750.00', '3450.00', '17250.00'],
    [2022, '6000.00', '3450.00', '18000.00'],
    [2023, '6250.00', '3750.00', '18750.00'],
    [2024, '6500.00', '3900.00', '19500.00'],
    [2025, '6700.00', '4020.00', '20100.00']
  ] as const) {
    await fx.policy({ year, standard, floor, ceiling })
  }
  reviewer = await fx.reviewerToken()
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

async function jpegMedia(token: string): Promise<string> {
  const form = new FormData()
  const jpeg = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#ddd' } }).jpeg().toBuffer()
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'a.jpg')
  const up = await fetch(`${bff.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
  expect(up.status).toBe(201)
  return ((await up.json()) as { id: string }).id
}

async function attach(unit: FxUnit, serialNo: string, code: string): Promise<void> {
  const r = await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${serialNo}/materials`, { body: { materialCode: code, mediaId: await jpegMedia(unit.token) } })
  expect(r.status, r.text).toBe(201)
}

function create(unit: FxUnit, matterCode: string, rows: Record<string, unknown>[]) {
  return api(bff.baseUrl, { token: unit.token }).post('/api/cases', { body: { matterCode, applicantPhone: '13912345678', termsAccepted: true, rows } })
}

const failures = (res: { body: any }) => (res.body.error?.meta?.failed ?? []).map((f: { column: string; reason: string }) => `${f.column}:${f.reason}`)

describe('补缴 online: the 3 months before the current month', () => {
  let unit: FxUnit
  let worker: FxPerson

  beforeAll(async () => {
    unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202507 })) })
    worker = await fx.person()
    await fx.enrol(worker, unit.id, [...ALL], { startPeriod: 202505 })
  })

  const row = (startPeriod: number, endPeriod: number, extra: Record<string, unknown> = {}) => ({
    idNumber: worker.idNumber,
    name: worker.name,
    startPeriod,
    endPeriod,
    monthlyWage: 300_000,
    insuranceTypes: [...ALL],
    ...extra
  })

  it('in 2025-08: 2025-05 … 2025-07 pass; 2025-04 and 2025-08 do not', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    expect(failures(await create(unit, 'BACK_PAYMENT', [row(202504, 202507)]))).toEqual(['开始期号:网上只能补缴当前月份以前3个月（2025年05月至2025年07月）的社保费；更早的月份请办理劳动合同补缴'])
    expect(failures(await create(unit, 'BACK_PAYMENT', [row(202505, 202508)]))[0]).toContain('结束期号:网上只能补缴')
    expect(failures(await create(unit, 'BACK_PAYMENT', [row(202507, 202505)]))).toEqual(['结束期号:结束期号不能早于开始期号'])
  })

  it('each year on its own floor (R58), records 应缴未到账 补缴; billed with per-month interest and late fee; 到账 → 补缴到账', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const res = await create(unit, 'BACK_PAYMENT', [row(202505, 202507)])
    expect(res.status, res.text).toBe(201)
    const done = await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${res.body.serialNo}/submit`)
    expect(done.status, done.text).toBe(200)
    expect(done.body.status).toBe('EFFECTIVE')
    const records = await bff.prisma.contributionRecord.findMany({ where: { personId: worker.id }, orderBy: [{ period: 'asc' }, { insuranceType: 'asc' }] })
    expect(records).toHaveLength(9)
    expect(records.every((r) => r.status === 'DECLARED' && r.kind === 'BACK_PAYMENT' && r.billId === null)).toBe(true)
    // 3000 → 2024 floor 3900 for 2025-05/06, 2025 floor 4020 for 2025-07.
    expect([...new Set(records.map((r) => `${r.period}:${r.base.toFixed(0)}`))]).toEqual(['202505:3900', '202506:3900', '202507:4020'])
    // A month already pending cannot be back-paid twice.
    expect(failures(await create(unit, 'BACK_PAYMENT', [row(202507, 202507)]))[0]).toContain('已有缴费记录，不能重复补缴')

    const c = api(bff.baseUrl, { token: unit.token })
    const bill = await c.post('/api/unit/bills', { body: { pending: true } })
    expect(bill.status, bill.text).toBe(201)
    expect(bill.body).toMatchObject({ kindLabel: '补缴核定', period: 202507, declarationId: null })
    // Pension: 624/312 (×2 months), 643.20/321.60; days 2025-06-01…08-10 = 71, 07-01… = 41, 08-01… = 10.
    const late = (fen: number, days: number) => Math.round((fen * 5 * days) / 10_000)
    const expectedPensionLate = late(93_600, 71) + late(93_600, 41) + late(96_480, 10)
    const pension = bill.body.lines.find((l: any) => l.insuranceType === 'PENSION')
    expect(pension.unitFen).toBe(62_400 * 2 + 64_320)
    expect(pension.lateFeeFen).toBe(expectedPensionLate)
    expect(pension.interestFen).toBeGreaterThan(0)
    expect((await c.post('/api/unit/bills', { body: { pending: true } })).body.error.code).toBe('BILL_NOT_ISSUABLE')
    const paid = await api(bff.baseUrl, { token: reviewer }).post(`/api/review/bills/${bill.body.billNo}/arrive`)
    expect(paid.status, paid.text).toBe(200)
    expect(paid.body.records).toBe(9)
    const after = await bff.prisma.contributionRecord.findMany({ where: { personId: worker.id } })
    expect(after.every((r) => r.status === 'BACK_PAID' && r.paidAt !== null)).toBe(true)
    const acc = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: worker.id, year: 2025 } } })
    expect([acc.credited.toFixed(2), acc.creditedMonths]).toEqual([(312 * 2 + 321.6).toFixed(2), 3])
    // The unit's 最大核止期号 is not moved by a worker's back-payment.
    expect((await bff.prisma.unitInsurance.findFirstOrThrow({ where: { unitId: unit.id, insuranceType: 'PENSION' } })).lastSettledPeriod).toBe(202507)
  })
})

describe('劳动合同补缴: 统账结合, 36 months, materials by duration, review, 1996-01', () => {
  let unit: FxUnit

  beforeAll(async () => {
    unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202507 })) })
  })

  async function worker(accountStart: string | null, priorBackPaidMonths = 0): Promise<FxPerson> {
    const p = await fx.person()
    if (accountStart) await bff.prisma.person.update({ where: { id: p.id }, data: { accountStartDate: new Date(`${accountStart}T00:00:00Z`) } })
    await fx.enrol(p, unit.id, ['PENSION'], { startPeriod: 202001 })
    for (let i = 0; i < priorBackPaidMonths; i++) {
      const period = 201601 + Math.floor(i / 12) * 100 + (i % 12)
      await bff.prisma.contributionRecord.create({
        data: { personId: p.id, unitId: unit.id, insuranceType: 'PENSION', period, base: '3000.00', unitAmount: '480.00', personalAmount: '240.00', status: 'BACK_PAID', kind: 'BACK_PAYMENT' }
      })
    }
    return p
  }

  const row = (p: FxPerson, startPeriod: number, endPeriod: number, reason = '01') => ({
    idNumber: p.idNumber,
    name: p.name,
    startPeriod,
    endPeriod,
    monthlyWage: 500_000,
    insuranceTypes: ['PENSION'],
    reason
  })

  it('not before the person\'s 统账结合 date (R49)', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const p = await worker('2023-01-01')
    expect(failures(await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(p, 202212, 202301)]))).toEqual(['开始期号:补缴时段须在个人统账结合时间（2023年01月）之后'])
    expect((await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(p, 202301, 202302)])).status).toBe(201)
  })

  it('36 months in all by labour contract pass, 37 do not; 37 under another reason pass (R49, R55); 视同缴费年限 refused (R56)', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const p = await worker(null, 30)
    // 30 already + 202201…202206 (6) = 36.
    expect((await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(p, 202201, 202206)])).status).toBe(201)
    const over = await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(p, 202201, 202207)])
    expect(failures(over)).toEqual(['补缴原因:累计补缴37个月，超过36个月，不能按劳动合同补缴；须按行政审批、法律文书或稽核整改通知补缴并提供相应材料'])
    expect((await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(p, 202201, 202207, '03')])).status).toBe(201)
    expect(failures(await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(p, 202201, 202201, '02')]))).toEqual(['补缴原因:视同缴费年限补缴需先经认定部门认定后再申报补缴（请办理视同缴费年限补缴申报）'])
  })

  it('materials by duration: ≤ 3 years needs the labour contract (or vouchers); beyond, one of the five documents', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const c = api(bff.baseUrl, { token: unit.token })
    const p = await worker(null)
    const short = await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(p, 202401, 202403)])
    const missing = await c.post(`/api/cases/${short.body.serialNo}/submit`)
    expect(missing.status).toBe(400)
    expect(missing.body.error.code).toBe('MATERIALS_MISSING')
    expect(missing.body.error.message).toContain('《劳动合同》')
    await attach(unit, short.body.serialNo, 'ADMIN_APPROVAL') // the wrong kind for ≤ 3 years
    expect((await c.post(`/api/cases/${short.body.serialNo}/submit`)).body.error.code).toBe('MATERIALS_MISSING')
    await attach(unit, short.body.serialNo, 'ORIGINAL_VOUCHERS')
    const sub = await c.post(`/api/cases/${short.body.serialNo}/submit`)
    expect(sub.status, sub.text).toBe(200)
    expect(sub.body.status).toBe('SUBMITTED')

    // Reviewed: nothing is written before approval; approval writes the records.
    expect(await bff.prisma.contributionRecord.count({ where: { personId: p.id } })).toBe(0)
    const ok = await api(bff.baseUrl, { token: reviewer }).post('/api/review/cases/approve', { body: { serialNos: [short.body.serialNo] } })
    expect(ok.status, ok.text).toBe(200)
    expect(ok.body.results[0]).toMatchObject({ ok: true, status: 'EFFECTIVE' })
    expect(await bff.prisma.contributionRecord.count({ where: { personId: p.id, status: 'DECLARED', kind: 'BACK_PAYMENT' } })).toBe(3)

    const q = await worker(null, 40)
    const long = await create(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', [row(q, 202401, 202401, '04')])
    await attach(unit, long.body.serialNo, 'LABOUR_CONTRACT')
    const m2 = await c.post(`/api/cases/${long.body.serialNo}/submit`)
    expect(m2.body.error.code).toBe('MATERIALS_MISSING')
    expect(m2.body.error.message).toContain('行政审批、法院判决、劳动保障、劳动仲裁、稽核部门出具的整改通知书之一')
    await attach(unit, long.body.serialNo, 'COURT_JUDGMENT')
    expect((await c.post(`/api/cases/${long.body.serialNo}/submit`)).body.status).toBe('SUBMITTED')
  })

  it('interest and late fee only for periods from 1996-01 (R54); 1995 on its own 1995 bounds (R58)', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const u = await fx.unit({ insurances: [{ type: 'PENSION', lastSettled: 202507 }] })
    const p = await fx.person()
    await fx.enrol(p, u.id, ['PENSION'], { startPeriod: 199510 })
    const res = await create(u, 'LABOUR_CONTRACT_BACK_PAYMENT', [{ idNumber: p.idNumber, name: p.name, startPeriod: 199512, endPeriod: 199601, monthlyWage: 200_000, insuranceTypes: ['PENSION'], reason: '03' }])
    expect(res.status, res.text).toBe(201)
    await attach(u, res.body.serialNo, 'ADMIN_APPROVAL')
    expect((await api(bff.baseUrl, { token: u.token }).post(`/api/cases/${res.body.serialNo}/submit`)).body.status).toBe('SUBMITTED')
    expect((await api(bff.baseUrl, { token: reviewer }).post('/api/review/cases/approve', { body: { serialNos: [res.body.serialNo] } })).body.results[0].ok).toBe(true)
    const recs = await bff.prisma.contributionRecord.findMany({ where: { personId: p.id }, orderBy: { period: 'asc' } })
    expect(recs.map((r) => `${r.period}:${r.base.toFixed(0)}`)).toEqual(['199512:1500', '199601:1500']) // 2000 capped at 1995's 1500
    const bill = await api(bff.baseUrl, { token: u.token }).post('/api/unit/bills', { body: { pending: true } })
    expect(bill.status, bill.text).toBe(201)
    const line = bill.body.lines[0]
    // Only 1996-01 (240 + 120 = 360) accrues: late fee 360 × 0.05 % × days from 1996-02-01 to 2025-08-10.
    const days = Math.round((Date.UTC(2025, 7, 10) - Date.UTC(1996, 1, 1)) / 86_400_000) + 1
    expect(line.lateFeeFen).toBe(Math.round((36_000 * 5 * days) / 10_000))
    expect(line.unitFen).toBe(48_000)
  })
})

describe('多缴退费: stopped first, never the stop month, 3 months, refund account, documents, review', () => {
  let unit: FxUnit
  let left: FxPerson
  let stays: FxPerson

  beforeAll(async () => {
    unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202507 })) })
    left = await fx.person()
    stays = await fx.person()
    await fx.enrol(left, unit.id, ['PENSION', 'UNEMPLOYMENT'], { status: 'SUSPENDED', stopPeriod: 202505 })
    await fx.enrol(stays, unit.id, ['PENSION'])
    for (const p of [left, stays]) {
      for (const period of [202504, 202505, 202506, 202507]) {
        for (const t of p === left ? (['PENSION', 'UNEMPLOYMENT'] as const) : (['PENSION'] as const)) {
          await bff.prisma.contributionRecord.create({
            data: { personId: p.id, unitId: unit.id, insuranceType: t, period, base: '5000.00', unitAmount: t === 'PENSION' ? '800.00' : '35.00', personalAmount: t === 'PENSION' ? '400.00' : '15.00', status: 'PAID', paidAt: new Date() }
          })
        }
      }
    }
    await bff.prisma.personalAccountYear.create({ data: { personId: left.id, year: 2025, openingBalance: '1000.00', credited: '2800.00', creditedMonths: 7, interestRate: '0.026200', interest: '0.00', closingBalance: '3800.00' } })
  })

  const row = (p: FxPerson, startPeriod: number, endPeriod: number, types: string[] = ['PENSION']) => ({ idNumber: p.idNumber, name: p.name, startPeriod, endPeriod, insuranceTypes: types, reason: '01' })

  it('no refund bank account → 409 (R004-31)', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const res = await create(unit, 'REFUND', [row(left, 202506, 202507)])
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('REFUND_ACCOUNT_MISSING')
    await bff.prisma.bankAccount.create({
      data: { unitId: unit.id, purpose: 'REFUND', bankCategory: '102', bankName: '中国工商银行宜昌分行', accountName: unit.name, accountNumber: '6222020000000000001', insuranceTypes: ['PENSION', 'UNEMPLOYMENT'] }
    })
  })

  it('the stop month and earlier are refused; a worker still contributing must be stopped first; only 3 months back', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    expect(failures(await create(unit, 'REFUND', [row(left, 202505, 202507)]))).toEqual(['开始年月:停保当月（2025年05月）及以前的月份不可以办理多缴退费'])
    expect(failures(await create(unit, 'REFUND', [row(stays, 202506, 202507)]))[0]).toContain('仍在参保缴费，请先办理单位职工社会保险暂停（停保）')
    // In September 2025-06 is the 3rd month back: accepted; in October it is the 4th: refused.
    setContributionsClock(shanghai('2025-09-01 08:00:00'))
    const inRange = await create(unit, 'REFUND', [row(left, 202506, 202507)])
    expect(inRange.status, inRange.text).toBe(201)
    await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${inRange.body.serialNo}/withdraw`, { body: {} })
    setContributionsClock(shanghai('2025-10-01 08:00:00'))
    expect(failures(await create(unit, 'REFUND', [row(left, 202506, 202507)]))[0]).toContain('只能办理当前月份往前三个月（2025年07月至2025年09月）')
  })

  it('the month after the stop month, with a listed document, reviewed: records 已退费, account debited, 单位退费查询', async () => {
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
    const c = api(bff.baseUrl, { token: unit.token })
    const res = await create(unit, 'REFUND', [row(left, 202506, 202507, ['PENSION', 'UNEMPLOYMENT'])])
    expect(res.status, res.text).toBe(201)
    const missing = await c.post(`/api/cases/${res.body.serialNo}/submit`)
    expect(missing.body.error.code).toBe('MATERIALS_MISSING')
    await attach(unit, res.body.serialNo, 'TERMINATION_NOTICE')
    const sub = await c.post(`/api/cases/${res.body.serialNo}/submit`)
    expect(sub.body.status).toBe('SUBMITTED')
    expect(await bff.prisma.contributionRecord.count({ where: { personId: left.id, status: 'REFUNDED' } })).toBe(0)
    const ok = await api(bff.baseUrl, { token: reviewer }).post('/api/review/cases/approve', { body: { serialNos: [res.body.serialNo] } })
    expect(ok.body.results[0]).toMatchObject({ ok: true, status: 'EFFECTIVE' })
    const refunded = await bff.prisma.contributionRecord.findMany({ where: { personId: left.id, status: 'REFUNDED' }, orderBy: [{ period: 'asc' }, { insuranceType: 'asc' }] })
    expect(refunded.map((r) => `${r.period}:${r.insuranceType}`)).toEqual(['202506:PENSION', '202506:UNEMPLOYMENT', '202507:PENSION', '202507:UNEMPLOYMENT'])
    const acc = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: left.id, year: 2025 } } })
    expect([acc.credited.toFixed(2), acc.creditedMonths, acc.closingBalance.toFixed(2)]).toEqual(['2000.00', 5, '3000.00'])
    const list = await c.get('/api/unit/refunds')
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(4)
    expect(list.body.account).toMatchObject({ bankName: '中国工商银行宜昌分行' })
    expect(list.body.account.accountNumber).toMatch(/\*/)
    expect(list.body.items[0]).toMatchObject({ period: 202507, name: left.name })
    // Refunded months cannot be refunded again.
    expect(failures(await create(unit, 'REFUND', [row(left, 202507, 202507)]))[0]).toContain('没有可退费的缴费记录')
  })
})
