// Issue 4 over real HTTP against the real BFF and test database: every /api/me query endpoint with a worker who
// has a gap, a back-paid month, a base-change difference and arrears; a retiree; a public-sector retiree; an
// injured worker; and a person with no records. Amounts are checked to the fen against hand-computed values.
import { formatYuan, parseYuanToFen, PersonProfile } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { createPersonFixture, personToken, type PersonFixture } from './person-fixtures.ts'

let bff: RunningBff
let fx: PersonFixture
const tokens: Record<'worker' | 'retiree' | 'publicRetiree' | 'injured' | 'empty', string> = {} as never

beforeAll(async () => {
  bff = await startBff()
  fx = await createPersonFixture(bff.prisma)
  for (const k of ['worker', 'retiree', 'publicRetiree', 'injured', 'empty'] as const) tokens[k] = await personToken(bff.prisma, bff.deps.keys, fx[k].id)
})

afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

const as = (who: keyof typeof tokens) => api(bff.baseUrl, { token: tokens[who] })

/** Every page of a paged endpoint. */
async function allPages<T>(who: keyof typeof tokens, path: string, query: Record<string, string | number> = {}): Promise<T[]> {
  const out: T[] = []
  for (let page = 1; page < 100; page++) {
    const res = await as(who).get(path, { query: { ...query, page, pageSize: 20 } })
    expect(res.status).toBe(200)
    out.push(...res.body.items)
    if (out.length >= res.body.total) break
  }
  return out
}

describe('GET /api/me/profile', () => {
  it('masks ID number, phone, name and bank account by default', async () => {
    const res = await as('retiree').get('/api/me/profile')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const p = PersonProfile.parse(res.body)
    expect(p.revealed).toBe(false)
    expect(p.idNumber).toBe(`${fx.retiree.idNumber.slice(0, 3)}***********${fx.retiree.idNumber.slice(-4)}`)
    expect(p.phone).toBe(`${fx.retiree.phone!.slice(0, 3)}****${fx.retiree.phone!.slice(-4)}`)
    expect(p.name).toBe('王**')
    expect(p.birthDate).toBeNull()
    expect(p.bankAccounts).toEqual([
      { purpose: 'BENEFIT_PAYMENT', purposeLabel: '待遇发放', bankName: '中国工商银行宜昌分行', accountName: '王**', accountNumber: `****${fx.retiree.bankAccount.slice(-4)}` }
    ])
    expect(p.statusLabel).toBe('离退休')
    expect(p.retiredOn).toBe('2020-05-01')
    expect(p.regionName).toBe('宜昌市')
    expect(res.text).not.toContain(fx.retiree.idNumber)
    expect(res.text).not.toContain(fx.retiree.bankAccount)
  })

  it('reveal=1 shows the owner the full values and writes an audit row', async () => {
    const before = await bff.prisma.auditLog.count({ where: { action: 'PERSON_PROFILE_REVEAL', actorId: fx.retiree.id } })
    const res = await as('retiree').get('/api/me/profile', { query: { reveal: 1 } })
    expect(res.status).toBe(200)
    expect(res.body.revealed).toBe(true)
    expect(res.body.idNumber).toBe(fx.retiree.idNumber)
    expect(res.body.phone).toBe(fx.retiree.phone)
    expect(res.body.name).toBe('王秀英')
    expect(res.body.birthDate).toBe(`${fx.retiree.idNumber.slice(6, 10)}-${fx.retiree.idNumber.slice(10, 12)}-${fx.retiree.idNumber.slice(12, 14)}`)
    expect(res.body.bankAccounts[0].accountNumber).toBe(fx.retiree.bankAccount)
    const rows = await bff.prisma.auditLog.findMany({ where: { action: 'PERSON_PROFILE_REVEAL', actorId: fx.retiree.id } })
    expect(rows.length).toBe(before + 1)
    expect(rows.at(-1)).toMatchObject({ actorRole: 'PERSON', targetType: 'person', targetId: String(fx.retiree.id) })
    expect(JSON.stringify(rows.at(-1)?.detail)).not.toContain(fx.retiree.idNumber)
    // reveal=0 is not a reveal and is not logged
    await as('retiree').get('/api/me/profile', { query: { reveal: 0 } })
    expect(await bff.prisma.auditLog.count({ where: { action: 'PERSON_PROFILE_REVEAL', actorId: fx.retiree.id } })).toBe(before + 1)
  })

  it('rejects a malformed reveal flag in Chinese', async () => {
    const res = await as('retiree').get('/api/me/profile', { query: { reveal: 'yes' } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.field).toBe('reveal')
  })
})

describe('GET /api/me/enrolments', () => {
  it('per insurance type: current unit and spell, first enrolment date, earlier spell with stop period and reason', async () => {
    const res = await as('worker').get('/api/me/enrolments')
    expect(res.status).toBe(200)
    expect(res.body.name).toBe('李**')
    expect(res.body.items.map((i: any) => i.insuranceType)).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'])
    const pension = res.body.items[0]
    expect(pension).toMatchObject({
      insuranceLabel: '企业职工基本养老保险',
      unit: { unitNo: fx.units.b.unitNo, name: fx.units.b.name },
      status: 'ACTIVE',
      statusLabel: '参保缴费',
      firstEnrolledOn: '2019-01-01',
      startedOn: '2021-01-01',
      startPeriod: 202101,
      startPeriodText: '2021年01月',
      stopPeriod: null,
      stopReasonLabel: null,
      monthlyBaseFen: 600000,
      monthlyBaseYuan: '6,000.00'
    })
    expect(pension.history).toHaveLength(1)
    expect(pension.history[0]).toMatchObject({
      unit: { unitNo: fx.units.a.unitNo, name: fx.units.a.name },
      statusLabel: '暂停缴费',
      startedOn: '2019-01-01',
      stopPeriod: 202006,
      stopPeriodText: '2020年06月',
      stoppedOn: '2020-06-30',
      stopReason: '01',
      stopReasonLabel: '终止解除劳动合同(劳动关系)',
      monthlyBaseYuan: '4,200.00'
    })
  })

  it('a retiree: terminated on retirement (退休减员)', async () => {
    const res = await as('retiree').get('/api/me/enrolments')
    expect(res.body.statusLabel).toBe('离退休')
    expect(res.body.items).toHaveLength(1)
    expect(res.body.items[0]).toMatchObject({ statusLabel: '终止参保', stopPeriodText: '2020年04月', stopReasonLabel: '退休减员', firstEnrolledOn: '2001-03-01', history: [] })
  })
})

describe('GET /api/me/contributions', () => {
  it('a year of one insurance type: rows exact to the fen, totals over all pages, years and months paid', async () => {
    const res = await as('worker').get('/api/me/contributions', { query: { year: 2023, insuranceType: 'PENSION' } })
    expect(res.status).toBe(200)
    const b = res.body
    expect(b).toMatchObject({ year: 2023, insuranceType: 'PENSION', page: 1, pageSize: 20, total: 13, monthsPaid: 58 })
    expect(b.years).toEqual([2024, 2023, 2022, 2021, 2020, 2019])
    expect(b.insuranceTypes).toEqual([
      { code: 'PENSION', label: '企业职工基本养老保险' },
      { code: 'UNEMPLOYMENT', label: '失业保险' },
      { code: 'WORK_INJURY', label: '工伤保险' }
    ])
    expect(b.items[0]).toMatchObject({
      period: 202312,
      periodText: '2023年12月',
      insuranceType: 'PENSION',
      insuranceLabel: '养老',
      baseFen: 567890,
      baseYuan: '5,678.90',
      unitAmountFen: 90862,
      unitAmountYuan: '908.62',
      personalAmountFen: 45431,
      personalAmountYuan: '454.31',
      status: 'PAID',
      statusLabel: '实缴到账',
      kindLabel: '正常应缴',
      unitName: fx.units.b.name,
      paidAt: '2023-12-20T02:30:00.000Z',
      paidAtText: '2023-12-20 10:30:00'
    })
    const adjustment = b.items.find((r: any) => r.kind === 'ADJUSTMENT')
    expect(adjustment).toMatchObject({ period: 202307, kindLabel: '缴费工资变更差额', baseYuan: '100.00', personalAmountYuan: '8.00', unitAmountYuan: '16.00' })
    // 12 × 454.31 + 8.00 = 5,459.72; 12 × 908.62 + 16.00 = 10,919.44; the 差额 row does not pull the average base
    expect(b.totals).toEqual({
      records: 13,
      months: 12,
      paidMonths: 12,
      arrearsMonths: 0,
      averageBaseFen: 567890,
      averageBaseYuan: '5,678.90',
      unitAmountFen: 1091944,
      unitAmountYuan: '10,919.44',
      personalAmountFen: 545972,
      personalAmountYuan: '5,459.72',
      arrearsAmountFen: 0,
      arrearsAmountYuan: '0.00'
    })
  })

  it('arrears: the months in arrears are counted and summed apart from what was paid', async () => {
    const res = await as('worker').get('/api/me/contributions', { query: { year: 2024 } })
    expect(res.body.total).toBe(18)
    expect(res.body.items[0]).toMatchObject({ period: 202406, insuranceType: 'PENSION', status: 'ARREARS', statusLabel: '欠费', paidAt: null, paidAtText: null })
    expect(res.body.items.slice(0, 3).map((r: any) => r.insuranceType)).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'])
    // per month: 养老 960.00 + 480.00, 失业 42.00 + 18.00, 工伤 54.00 → 1,554.00; two months → 3,108.00
    expect(res.body.totals).toMatchObject({
      months: 6,
      paidMonths: 4,
      arrearsMonths: 2,
      unitAmountFen: 4 * (96000 + 4200 + 5400),
      personalAmountFen: 4 * (48000 + 1800),
      arrearsAmountFen: 310800,
      arrearsAmountYuan: '3,108.00'
    })
  })

  it('the gap between employers has no months; the back-paid month shows 补缴到账', async () => {
    const rows = await allPages<any>('worker', '/api/me/contributions', { year: 2020 })
    expect(rows).toHaveLength(18)
    expect(Math.max(...rows.map((r) => r.period))).toBe(202006)
    const march = rows.filter((r) => r.period === 202003)
    expect(march.map((r) => [r.statusLabel, r.kindLabel])).toEqual([
      ['补缴到账', '补缴'],
      ['补缴到账', '补缴'],
      ['补缴到账', '补缴']
    ])
    expect(rows.every((r) => r.unitName === fx.units.a.name)).toBe(true)
  })

  it('pages through the whole history: newest first, no row twice, yuan text equal to the fen', async () => {
    const first = await as('worker').get('/api/me/contributions', { query: { pageSize: 7 } })
    expect(first.body.total).toBe(181)
    expect(first.body.year).toBeNull()
    expect(first.body.insuranceType).toBeNull()
    const rows = await allPages<any>('worker', '/api/me/contributions')
    expect(rows).toHaveLength(181)
    const keys = rows.map((r) => `${r.period}-${r.insuranceType}-${r.kind}`)
    expect(new Set(keys).size).toBe(181)
    for (let i = 1; i < rows.length; i++) expect(rows[i].period).toBeLessThanOrEqual(rows[i - 1].period)
    for (const r of rows) {
      expect(Number.isSafeInteger(r.baseFen)).toBe(true)
      expect(parseYuanToFen(r.baseYuan)).toBe(r.baseFen)
      expect(parseYuanToFen(r.unitAmountYuan)).toBe(r.unitAmountFen)
      expect(parseYuanToFen(r.personalAmountYuan)).toBe(r.personalAmountFen)
    }
    // the database's own sum of the paid personal amounts (DECIMAL arithmetic), to the fen
    const [db] = await bff.prisma.$queryRaw<{ s: string }[]>`
      SELECT CAST(SUM(personal_amount) AS CHAR) AS s FROM contribution_record WHERE person_id = ${fx.worker.id} AND status IN ('PAID', 'BACK_PAID')`
    expect(first.body.totals.personalAmountYuan).toBe(formatYuan(parseYuanToFen(db!.s)!))
    const last = await as('worker').get('/api/me/contributions', { query: { pageSize: 20, page: 10 } })
    expect(last.body.items).toHaveLength(1)
    const beyond = await as('worker').get('/api/me/contributions', { query: { pageSize: 20, page: 11 } })
    expect(beyond.body.items).toEqual([])
    expect(beyond.body.total).toBe(181)
  })

  it('filters by insurance type across years', async () => {
    const res = await as('worker').get('/api/me/contributions', { query: { insuranceType: 'WORK_INJURY', pageSize: 100 } })
    expect(res.body.total).toBe(60)
    expect(res.body.items.every((r: any) => r.insuranceType === 'WORK_INJURY' && r.personalAmountFen === 0)).toBe(true)
    expect(res.body.totals.personalAmountFen).toBe(0)
  })

  it('bad filters are 400 naming the field; an empty year means all years', async () => {
    for (const [query, field] of [
      [{ year: 'abc' }, 'year'],
      [{ year: 20 }, 'year'],
      [{ insuranceType: 'FOO' }, 'insuranceType'],
      [{ pageSize: 101 }, 'pageSize'],
      [{ page: 0 }, 'page']
    ] as const) {
      const res = await as('worker').get('/api/me/contributions', { query })
      expect(res.status, JSON.stringify(query)).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
      expect(res.body.error.field).toBe(field)
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    const empty = await as('worker').get('/api/me/contributions', { query: { year: '', insuranceType: '' } })
    expect(empty.status).toBe(200)
    expect(empty.body.total).toBe(181)
  })

  it('a person with no records: empty lists and zero totals, not an error', async () => {
    const res = await as('empty').get('/api/me/contributions', { query: { year: 2024 } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ total: 0, items: [], years: [], insuranceTypes: [], monthsPaid: 0 })
    expect(res.body.totals).toMatchObject({ records: 0, months: 0, averageBaseFen: 0, averageBaseYuan: '0.00' })
  })
})

describe('GET /api/me/contributions/summary', () => {
  it('one entry per year, oldest first, equal to the totals of the year view', async () => {
    const res = await as('worker').get('/api/me/contributions/summary')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ insuranceType: 'PENSION', insuranceLabel: '企业职工基本养老保险', monthsPaid: 58 })
    expect(res.body.years.map((y: any) => [y.year, y.paidMonths, y.averageBaseYuan])).toEqual([
      [2019, 12, '4,000.00'],
      [2020, 6, '4,200.00'],
      [2021, 12, '4,536.70'],
      [2022, 12, '5,000.00'],
      [2023, 12, '5,678.90'],
      [2024, 4, '6,000.00']
    ])
    for (const y of res.body.years) {
      const year = await as('worker').get('/api/me/contributions', { query: { year: y.year, insuranceType: 'PENSION' } })
      const { year: _y, ...stats } = y
      expect(stats).toEqual(year.body.totals)
    }
    const unemployment = await as('worker').get('/api/me/contributions/summary', { query: { insuranceType: 'UNEMPLOYMENT' } })
    expect(unemployment.body.years[4]).toMatchObject({ year: 2023, personalAmountYuan: '204.48' }) // 12 × 17.04 (5,678.90 × 0.3 % = 17.0367)
  })

  it('defaults to the person’s own pension scheme (机关事业单位养老保险 here)', async () => {
    const res = await as('publicRetiree').get('/api/me/contributions/summary')
    expect(res.body).toMatchObject({ insuranceType: 'PUBLIC_PENSION', insuranceLabel: '机关事业单位基本养老保险', monthsPaid: 23 })
    expect(res.body.years.map((y: any) => [y.year, y.paidMonths, y.averageBaseYuan, y.personalAmountYuan])).toEqual([
      [2021, 12, '8,123.45', '7,798.56'], // 12 × 649.88
      [2022, 11, '8,123.45', '7,148.68'] // 11 × 649.88
    ])
  })

  it('empty for a person with no records', async () => {
    const res = await as('empty').get('/api/me/contributions/summary')
    expect(res.body).toMatchObject({ years: [], monthsPaid: 0 })
  })
})

describe('GET /api/me/account', () => {
  it('the stored ledger, year by year, in fen and yuan', async () => {
    const res = await as('worker').get('/api/me/account')
    expect(res.status).toBe(200)
    expect(res.body.items.map((i: any) => i.year)).toEqual([2019, 2020, 2021, 2022, 2023])
    for (const [i, y] of fx.worker.account.entries()) {
      expect(res.body.items[i]).toMatchObject({
        year: y.year,
        openingFen: y.openingFen,
        creditedFen: y.creditedFen,
        creditedMonths: y.creditedMonths,
        ratePpm: y.ratePpm,
        interestFen: y.interestFen,
        closingFen: y.closingFen,
        openingYuan: formatYuan(y.openingFen),
        closingYuan: formatYuan(y.closingFen)
      })
    }
    expect(res.body.items[0]).toMatchObject({ openingYuan: '3,210.55', rateText: '7.61%', creditedMonths: 12 })
    expect(res.body.items[1]).toMatchObject({ creditedMonths: 6 })
    expect(res.body.items[4]).toMatchObject({ rateText: '3.97%', creditedYuan: '5,459.72' })
    const last = fx.worker.account.at(-1)!
    expect(res.body).toMatchObject({ balanceFen: last.closingFen, balanceYear: 2023 })
  })

  it('no account: empty, balance 0', async () => {
    const res = await as('empty').get('/api/me/account')
    expect(res.body).toEqual({
      items: [],
      balanceFen: 0,
      balanceYuan: '0.00',
      balanceYear: null,
      totalCreditedFen: 0,
      totalCreditedYuan: '0.00',
      totalInterestFen: 0,
      totalInterestYuan: '0.00'
    })
  })
})

describe('GET /api/me/payments', () => {
  it('养老待遇 of a year: by month, masked bank account, status, total paid', async () => {
    const res = await as('retiree').get('/api/me/payments', { query: { kind: 'BASIC_PENSION', year: 2023 } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ kind: 'BASIC_PENSION', year: 2023, total: 12 })
    expect(res.body.totals).toEqual({ records: 12, paidFen: 12 * 317144, paidYuan: '38,057.28' })
    expect(res.body.items[0]).toMatchObject({
      period: 202312,
      periodText: '2023年12月',
      kindLabel: '基本养老金',
      item: '基本养老金',
      amountFen: 317144,
      amountYuan: '3,171.44',
      bankName: '中国工商银行宜昌分行',
      bankAccount: `****${fx.retiree.bankAccount.slice(-4)}`,
      statusLabel: '已发放',
      paidOn: '2023-12-15'
    })
    expect(res.text).not.toContain(fx.retiree.bankAccount)
    expect(res.body.kinds).toEqual([
      { kind: 'BASIC_PENSION', label: '基本养老金', count: 50 },
      { kind: 'PROXY_BENEFIT', label: '代发待遇', count: 2 }
    ])
    expect(res.body.years).toEqual([2024, 2023, 2022, 2021, 2020])
  })

  it('a pending month is listed but not counted as paid', async () => {
    const res = await as('retiree').get('/api/me/payments', { query: { kind: 'BASIC_PENSION', year: 2024 } })
    expect(res.body.total).toBe(6)
    expect(res.body.items[0]).toMatchObject({ period: 202406, status: 'PENDING', statusLabel: '待发放', paidOn: null })
    expect(res.body.totals.paidFen).toBe(5 * 328244)
  })

  it('代发待遇, and every kind together', async () => {
    const proxy = await as('retiree').get('/api/me/payments', { query: { kind: 'PROXY_BENEFIT' } })
    expect(proxy.body.items.map((i: any) => [i.periodText, i.item, i.amountYuan])).toEqual([
      ['2024年01月', '高龄津贴', '200.00'],
      ['2023年01月', '高龄津贴', '200.00']
    ])
    const all = await as('retiree').get('/api/me/payments', { query: { pageSize: 100 } })
    expect(all.body.total).toBe(52)
    expect(all.body.kind).toBeNull()
  })

  it('机关养老 and 职业年金 where the person has them', async () => {
    const pub = await as('publicRetiree').get('/api/me/payments', { query: { kind: 'PUBLIC_PENSION' } })
    expect(pub.body.totals).toEqual({ records: 12, paidFen: 5400000, paidYuan: '54,000.00' })
    const annuity = await as('publicRetiree').get('/api/me/payments', { query: { kind: 'OCCUPATIONAL_ANNUITY' } })
    expect(annuity.body.totals).toEqual({ records: 12, paidFen: 744396, paidYuan: '7,443.96' })
    expect(annuity.body.kinds.map((k: any) => k.label)).toEqual(['机关事业单位养老金', '职业年金'])
    const none = await as('worker').get('/api/me/payments', { query: { kind: 'OCCUPATIONAL_ANNUITY' } })
    expect(none.body).toMatchObject({ total: 0, items: [], kinds: [], years: [] })
  })

  it('GET /api/me/payments/:id — one payment of one’s own', async () => {
    const id = fx.retiree.paymentIds[0]!
    const res = await as('retiree').get(`/api/me/payments/${id}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id, period: 202005, amountYuan: '2,860.45', bankAccount: `****${fx.retiree.bankAccount.slice(-4)}` })
    const bad = await as('retiree').get('/api/me/payments/abc')
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('id')
  })
})

describe('GET /api/me/certifications', () => {
  it('newest first, with validity as of today in Shanghai', async () => {
    const res = await as('retiree').get('/api/me/certifications')
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(2)
    expect(res.body.currentlyValid).toBe(true)
    expect(res.body.items[0]).toMatchObject({ method: '社区认证', channel: '社区服务中心', valid: true })
    expect(res.body.items[1]).toMatchObject({
      method: '人脸识别',
      channel: '掌上社保',
      certifiedAt: '2023-03-10T01:20:00.000Z',
      certifiedAtText: '2023-03-10 09:20:00',
      validUntil: '2024-03-31',
      valid: false
    })
    expect(res.body.validUntil).toBe(res.body.items[0].validUntil)
  })

  it('none for a person who never certified', async () => {
    const res = await as('empty').get('/api/me/certifications')
    expect(res.body).toMatchObject({ total: 0, items: [], currentlyValid: false, validUntil: null })
  })
})

describe('GET /api/me/work-injury', () => {
  it('determination with its appraisal, the other appraisal, long-term benefits by year', async () => {
    const res = await as('injured').get('/api/me/work-injury')
    expect(res.status).toBe(200)
    expect(res.body.determinations).toHaveLength(1)
    expect(res.body.determinations[0]).toMatchObject({
      id: fx.injured.determinationId,
      unit: { name: fx.units.c.name },
      accidentDate: '2022-02-14',
      injuryPart: '左手',
      conclusion: '认定为工伤',
      determinedOn: '2022-03-20',
      appraisals: [{ id: fx.injured.appraisalIds[0], kindLabel: '因工', disabilityLevel: 7, disabilityLevelLabel: '七级', conclusion: '伤残七级', appraisedOn: '2022-07-05' }]
    })
    expect(res.body.otherAppraisals).toEqual([
      expect.objectContaining({ id: fx.injured.appraisalIds[1], kindLabel: '非因工', disabilityLevel: null, disabilityLevelLabel: null, determinationId: null })
    ])
    // 2024-06 is suspended (暂停发放): not paid, not counted
    expect(res.body.benefitsByYear.map((y: any) => [y.year, y.months, y.totalYuan])).toEqual([
      [2024, 5, '11,025.00'],
      [2023, 12, '25,200.00'],
      [2022, 5, '10,500.00']
    ])
    expect(res.body.benefitsByYear[0].items).toEqual([{ item: '伤残津贴', months: 5, amountFen: 1102500, amountYuan: '11,025.00' }])
  })

  it('GET /api/me/work-injury/determinations/:id — the detail', async () => {
    const res = await as('injured').get(`/api/me/work-injury/determinations/${fx.injured.determinationId}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ decisionNo: expect.stringContaining('宜人社工认'), diagnosis: '左手食指近节指骨骨折', accidentPlace: '夷陵区施工现场' })
    expect(res.body.appraisals).toHaveLength(1)
    expect(res.body.benefitsByYear).toHaveLength(3)
  })

  it('nothing for a person without a work injury', async () => {
    const res = await as('worker').get('/api/me/work-injury')
    expect(res.body).toEqual({ determinations: [], otherAppraisals: [], benefitsByYear: [] })
  })
})

describe('GET /api/me/cases', () => {
  it('the person’s own cases, newest first; detail with the timeline in Shanghai time', async () => {
    const res = await as('injured').get('/api/me/cases')
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(2)
    expect(res.body.items.map((c: any) => [c.serialNo, c.statusLabel])).toEqual([
      [fx.injured.caseSerials[1], '退回'],
      [fx.injured.caseSerials[0], '已提交']
    ])
    expect(res.body.items[0]).toMatchObject({ submittedAtText: '2024-06-01 10:10:00', decidedAtText: '2024-06-03 15:30:00' })
    const filtered = await as('injured').get('/api/me/cases', { query: { status: 'SUBMITTED' } })
    expect(filtered.body.items.map((c: any) => c.serialNo)).toEqual([fx.injured.caseSerials[0]])

    const detail = await as('injured').get(`/api/me/cases/${fx.injured.caseSerials[1]}`)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({ status: 'RETURNED', returnReason: '请补充诊断证明原件照片', modeLabel: '单个添加' })
    expect(detail.body.timeline.map((e: any) => [e.typeLabel, e.actor, e.atText])).toEqual([
      ['创建', '本人', '2024-06-01 10:00:00'],
      ['提交申请', '本人', '2024-06-01 10:10:00'],
      ['退回', '社保中心', '2024-06-03 15:30:00']
    ])
    expect(JSON.stringify(detail.body)).not.toContain('刘审核')
  })

  it('cases a unit filed — about the person, or by the person as a clerk — are not “my cases”', async () => {
    const res = await as('worker').get('/api/me/cases')
    expect(res.body).toMatchObject({ total: 0, items: [] })
  })
})

describe('a person with no records at all', () => {
  it('every query answers 200 with empty content', async () => {
    const enrol = await as('empty').get('/api/me/enrolments')
    expect(enrol.body.items).toEqual([])
    const pay = await as('empty').get('/api/me/payments')
    expect(pay.body).toMatchObject({ total: 0, items: [], kinds: [], years: [], totals: { records: 0, paidFen: 0 } })
    const wi = await as('empty').get('/api/me/work-injury')
    expect(wi.body).toEqual({ determinations: [], otherAppraisals: [], benefitsByYear: [] })
    const cases = await as('empty').get('/api/me/cases')
    expect(cases.body).toMatchObject({ total: 0, items: [] })
    const profile = await as('empty').get('/api/me/profile')
    expect(profile.body).toMatchObject({ phone: null, bankAccounts: [] })
  })
})
