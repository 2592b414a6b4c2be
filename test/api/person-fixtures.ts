// Test data for the person self-service queries (issue 4), written through Prisma: a worker with a gap between
// employers, a back-paid month, a base-change difference and two months in arrears; a retiree with pension and
// proxy payments and eligibility certifications; a public-sector retiree (机关养老, 职业年金); an injured worker with
// a determination, appraisals, long-term benefits and cases; and a person with no records at all.
//
// Every run creates fresh people (random ID numbers built with shared's buildIdNumber) and `cleanup()` removes
// them, so the shared test database can hold other suites' data and earlier runs. The personal-account years are
// computed here with an arithmetic of our own (BigInt, below) — the recompute test checks them against shared's
// rollAccount over the records the API returns.
import crypto from 'node:crypto'
import { buildIdNumber } from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../bff/src/db/client.ts'
import type { SigningKeys } from '../../bff/src/http/keys.ts'
import { sessionToken } from '../helpers/sessions.ts'

type InsuranceType = 'PENSION' | 'UNEMPLOYMENT' | 'WORK_INJURY' | 'PUBLIC_PENSION' | 'OCCUPATIONAL_ANNUITY' | 'RESIDENT_PENSION'
type ContributionStatus = 'PAID' | 'ARREARS' | 'BACK_PAID' | 'DECLARED' | 'REFUNDED'
type ContributionKind = 'NORMAL' | 'BACK_PAYMENT' | 'ADJUSTMENT'

/** Rates in ppm used by the fixture (unit, personal). */
export const FIXTURE_RATES: Record<'PENSION' | 'UNEMPLOYMENT' | 'WORK_INJURY' | 'PUBLIC_PENSION', { unit: number; personal: number }> = {
  PENSION: { unit: 160_000, personal: 80_000 },
  PUBLIC_PENSION: { unit: 160_000, personal: 80_000 },
  UNEMPLOYMENT: { unit: 7_000, personal: 3_000 },
  WORK_INJURY: { unit: 9_000, personal: 0 }
}

/** 记账利率 as the database keeps them (DECIMAL(9,6) text), PRODUCT.md "Numbers worth knowing". */
const INTEREST_RATES: Record<number, string> = {
  2016: '0.083100',
  2017: '0.071200',
  2018: '0.082900',
  2019: '0.076100',
  2020: '0.060400',
  2021: '0.066900',
  2022: '0.061200',
  2023: '0.039700',
  2024: '0.026200'
}

export interface FixtureRecord {
  period: number
  insuranceType: InsuranceType
  baseFen: number
  unitFen: number
  personalFen: number
  status: ContributionStatus
  kind: ContributionKind
  unitId: number | null
}

export interface FixtureAccountYear {
  year: number
  openingFen: number
  creditedFen: number
  creditedMonths: number
  ratePpm: number
  interestFen: number
  closingFen: number
}

export interface FixturePerson {
  id: number
  idNumber: string
  name: string
  phone: string | null
  personNo: string
  records: FixtureRecord[]
  account: FixtureAccountYear[]
}

export interface PersonFixture {
  units: { a: { id: number; unitNo: string; name: string }; b: { id: number; unitNo: string; name: string }; c: { id: number; unitNo: string; name: string } }
  worker: FixturePerson
  retiree: FixturePerson & { paymentIds: number[]; bankAccount: string }
  publicRetiree: FixturePerson & { paymentIds: number[] }
  injured: FixturePerson & { determinationId: number; appraisalIds: number[]; paymentIds: number[]; caseSerials: string[] }
  empty: FixturePerson
  /** A case a unit filed about the worker (applicant UNIT): not one of the worker's own cases. */
  unitCaseSerial: string
  /** A case the worker filed as a unit clerk (applicant role UNIT, person_id = worker): not listed either. */
  clerkCaseSerial: string
  reviewerId: number
  cleanup(): Promise<void>
}

// ── exact arithmetic of our own ──────────────────────────────────────────────────────────────

/** round half up (base × ppm / 10^6), positive integers. */
function applyPpm(baseFen: number, ppm: number): number {
  return Number((BigInt(baseFen) * BigInt(ppm) + 500_000n) / 1_000_000n)
}

/** 劳办发〔1997〕116号: interest = opening × r + credited × r × 1.083 / 2, rounded half up once. */
function interestOf(openingFen: number, creditedFen: number, ratePpm: number): number {
  const num = (BigInt(openingFen) * 2000n + BigInt(creditedFen) * 1083n) * BigInt(ratePpm)
  const den = 2_000_000_000n
  return Number((num + den / 2n) / den)
}

function ppmOf(rate: string): number {
  const [i, f = ''] = rate.split('.')
  return Number(i) * 1_000_000 + Number((f + '000000').slice(0, 6))
}

export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const a = Math.abs(fen)
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

/** The account ledger from the records: credited = personal pension paid (实缴/补缴到账) in the period's year. */
function accountFrom(records: FixtureRecord[], firstYear: number, lastYear: number, openingFen: number): FixtureAccountYear[] {
  const out: FixtureAccountYear[] = []
  let balance = openingFen
  for (let year = firstYear; year <= lastYear; year++) {
    const paid = records.filter(
      (r) => r.insuranceType === 'PENSION' && (r.status === 'PAID' || r.status === 'BACK_PAID') && Math.floor(r.period / 100) === year
    )
    const creditedFen = paid.reduce((s, r) => s + r.personalFen, 0)
    const creditedMonths = new Set(paid.map((r) => r.period)).size
    const ratePpm = ppmOf(INTEREST_RATES[year] as string)
    const interestFen = interestOf(balance, creditedFen, ratePpm)
    const closingFen = balance + creditedFen + interestFen
    out.push({ year, openingFen: balance, creditedFen, creditedMonths, ratePpm, interestFen, closingFen })
    balance = closingFen
  }
  return out
}

function periods(from: number, to: number): number[] {
  const out: number[] = []
  for (let p = from; p <= to; p = p % 100 === 12 ? p + 89 : p + 1) out.push(p)
  return out
}

function record(
  period: number,
  insuranceType: keyof typeof FIXTURE_RATES,
  baseFen: number,
  unitId: number | null,
  status: ContributionStatus = 'PAID',
  kind: ContributionKind = 'NORMAL'
): FixtureRecord {
  const r = FIXTURE_RATES[insuranceType]
  return { period, insuranceType, baseFen, unitFen: applyPpm(baseFen, r.unit), personalFen: applyPpm(baseFen, r.personal), status, kind, unitId }
}

// ── creation ─────────────────────────────────────────────────────────────────────────────────

const rnd = (n: number) => crypto.randomInt(n)
const digits = (n: number) => Array.from({ length: n }, () => String(rnd(10))).join('')
const date = (iso: string) => new Date(`${iso}T00:00:00Z`)

function randomIdNumber(): string {
  const y = 1955 + rnd(45)
  const m = 1 + rnd(12)
  const d = 1 + rnd(28)
  return buildIdNumber('420502', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, rnd(1000))
}

function daysFromNow(days: number): Date {
  const t = new Date(Date.now() + days * 86_400_000)
  return date(t.toISOString().slice(0, 10))
}

export async function createPersonFixture(prisma: PrismaClient): Promise<PersonFixture> {
  const tag = digits(6)
  await prisma.region.upsert({ where: { code: '420000' }, update: {}, create: { code: '420000', name: '湖北省', level: 1 } })
  await prisma.region.upsert({ where: { code: '420500' }, update: {}, create: { code: '420500', name: '宜昌市', parentCode: '420000', level: 2 } })
  for (const [year, rate] of Object.entries(INTEREST_RATES)) {
    await prisma.accountInterestRate.upsert({ where: { year: Number(year) }, update: {}, create: { year: Number(year), rate } })
  }

  const unit = (name: string, riskClass: number) =>
    prisma.unit.create({
      data: {
        unitNo: `T4${tag}${digits(4)}`,
        name,
        creditCode: `91420500${digits(9)}X`,
        regionCode: '420500',
        riskClass,
        legalRepName: '王建国',
        legalRepIdNumber: randomIdNumber()
      },
      select: { id: true, unitNo: true, name: true }
    })
  const a = await unit('宜昌市长江机电设备有限公司', 4)
  const b = await unit('宜昌市三峡物流有限公司', 5)
  const c = await unit('宜昌市夷陵建筑工程有限公司', 6)

  const person = async (name: string, sex: '1' | '2', extra: { phone?: string | null; status?: 'ACTIVE' | 'RETIRED'; retiredOn?: string } = {}) => {
    const idNumber = randomIdNumber()
    const phone = extra.phone === undefined ? `139${digits(8)}` : extra.phone
    const row = await prisma.person.create({
      data: {
        personNo: `T4${tag}${digits(6)}`,
        idNumber,
        name,
        sex,
        birthDate: date(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`),
        phone,
        regionCode: '420500',
        firstWorkDate: date('2005-07-01'),
        status: extra.status ?? 'ACTIVE',
        retiredOn: extra.retiredOn ? date(extra.retiredOn) : null
      },
      select: { id: true, personNo: true }
    })
    return { id: row.id, personNo: row.personNo, idNumber, name, phone, records: [] as FixtureRecord[], account: [] as FixtureAccountYear[] }
  }

  const insertRecords = async (personId: number, records: FixtureRecord[]) => {
    await prisma.contributionRecord.createMany({
      data: records.map((r) => ({
        personId,
        unitId: r.unitId,
        insuranceType: r.insuranceType,
        period: r.period,
        base: fenToDecimal(r.baseFen),
        unitAmount: fenToDecimal(r.unitFen),
        personalAmount: fenToDecimal(r.personalFen),
        status: r.status,
        kind: r.kind,
        paidAt: r.status === 'PAID' || r.status === 'BACK_PAID' ? new Date(Date.UTC(Math.floor(r.period / 100), (r.period % 100) - 1, 20, 2, 30)) : null
      }))
    })
  }
  /** Insert payments in one statement; their ids in the order given (auto-increment ids follow insertion order). */
  const createPayments = async (rows: Prisma.BenefitPaymentCreateManyInput[]): Promise<number[]> => {
    if (rows.length === 0) return []
    const personId = rows[0]!.personId
    const before = await prisma.benefitPayment.aggregate({ where: { personId }, _max: { id: true } })
    await prisma.benefitPayment.createMany({ data: rows })
    const created = await prisma.benefitPayment.findMany({ where: { personId, id: { gt: before._max.id ?? 0 } }, orderBy: { id: 'asc' }, select: { id: true } })
    return created.map((r) => r.id)
  }
  const insertAccount = async (personId: number, years: FixtureAccountYear[]) => {
    await prisma.personalAccountYear.createMany({
      data: years.map((y) => ({
        personId,
        year: y.year,
        openingBalance: fenToDecimal(y.openingFen),
        credited: fenToDecimal(y.creditedFen),
        creditedMonths: y.creditedMonths,
        interestRate: INTEREST_RATES[y.year] as string,
        interest: fenToDecimal(y.interestFen),
        closingBalance: fenToDecimal(y.closingFen)
      }))
    })
  }

  // ── the worker: unit A 2019-01…2020-06 (2020-03 back-paid), a gap, unit B from 2021-01; 2024-05/06 in arrears ──
  const worker = await person('李明华', '1')
  const bases: Record<number, number> = { 2019: 400_000, 2020: 420_000, 2021: 453_670, 2022: 500_000, 2023: 567_890, 2024: 600_000 }
  for (const p of [...periods(201901, 202006), ...periods(202101, 202406)]) {
    const unitId = p <= 202006 ? a.id : b.id
    const status: ContributionStatus = p === 202003 ? 'BACK_PAID' : p >= 202405 ? 'ARREARS' : 'PAID'
    const kind: ContributionKind = p === 202003 ? 'BACK_PAYMENT' : 'NORMAL'
    for (const t of ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const) {
      worker.records.push(record(p, t, bases[Math.floor(p / 100)] as number, unitId, status, kind))
    }
  }
  // 缴费工资变更差额 for 2023-07: 100.00 more base
  worker.records.push(record(202307, 'PENSION', 10_000, b.id, 'PAID', 'ADJUSTMENT'))
  await insertRecords(worker.id, worker.records)
  worker.account = accountFrom(worker.records, 2019, 2023, 321_055)
  await insertAccount(worker.id, worker.account)
  for (const t of ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const) {
    await prisma.enrolment.create({
      data: {
        personId: worker.id, unitId: a.id, insuranceType: t, status: 'SUSPENDED', startedOn: date('2019-01-01'), startPeriod: 201901,
        stopPeriod: 202006, stoppedOn: date('2020-06-30'), stopReason: '01', monthlyBase: '4200.00'
      }
    })
    await prisma.enrolment.create({
      data: { personId: worker.id, unitId: b.id, insuranceType: t, status: 'ACTIVE', startedOn: date('2021-01-01'), startPeriod: 202101, monthlyBase: '6000.00' }
    })
  }

  // ── the retiree: pension 2016-01…2020-04, retired 2020-05; pension and proxy payments; certifications ──
  const retiree = await person('王秀英', '2', { status: 'RETIRED', retiredOn: '2020-05-01' })
  for (const p of periods(201601, 202004)) retiree.records.push(record(p, 'PENSION', 350_000 + (Math.floor(p / 100) - 2016) * 12_345, a.id))
  await insertRecords(retiree.id, retiree.records)
  retiree.account = accountFrom(retiree.records, 2016, 2020, 2_500_000)
  await insertAccount(retiree.id, retiree.account)
  await prisma.enrolment.create({
    data: {
      personId: retiree.id, unitId: a.id, insuranceType: 'PENSION', status: 'TERMINATED', startedOn: date('2001-03-01'), startPeriod: 200103,
      stopPeriod: 202004, stoppedOn: date('2020-04-30'), stopReason: '04', monthlyBase: '3993.80'
    }
  })
  const bankAccount = `62220212070${digits(8)}`
  await prisma.bankAccount.create({
    data: {
      personId: retiree.id, purpose: 'BENEFIT_PAYMENT', bankCategory: '工商银行', bankName: '中国工商银行宜昌分行', accountName: '王秀英',
      accountNumber: bankAccount, insuranceTypes: ['PENSION']
    }
  })
  const pensionByYear: Record<number, string> = { 2020: '2860.45', 2021: '2960.57', 2022: '3064.19', 2023: '3171.44', 2024: '3282.44' }
  const retireePayments = [
    ...periods(202005, 202406).map((p) => ({
      kind: 'BASIC_PENSION' as const, period: p, item: '基本养老金', amount: pensionByYear[Math.floor(p / 100)] as string,
      status: p === 202406 ? ('PENDING' as const) : ('PAID' as const), paidOn: p === 202406 ? null : date(`${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}-15`)
    })),
    { kind: 'PROXY_BENEFIT' as const, period: 202301, item: '高龄津贴', amount: '200.00', status: 'PAID' as const, paidOn: date('2023-01-18') },
    { kind: 'PROXY_BENEFIT' as const, period: 202401, item: '高龄津贴', amount: '200.00', status: 'PAID' as const, paidOn: date('2024-01-18') }
  ]
  const retireePaymentIds = await createPayments(
    retireePayments.map((pay) => ({ personId: retiree.id, ...pay, bankName: '中国工商银行宜昌分行', bankAccount }))
  )
  await prisma.eligibilityCertification.createMany({
    data: [
      { personId: retiree.id, certifiedAt: new Date('2023-03-10T01:20:00Z'), method: '人脸识别', channel: '掌上社保', validUntil: date('2024-03-31') },
      { personId: retiree.id, certifiedAt: new Date(Date.now() - 30 * 86_400_000), method: '社区认证', channel: '社区服务中心', validUntil: daysFromNow(335) }
    ]
  })

  // ── the public-sector retiree: 机关事业单位养老金 and 职业年金 for 2023 ──
  const publicRetiree = await person('陈国栋', '1', { status: 'RETIRED', retiredOn: '2022-12-01' })
  for (const p of periods(202101, 202211)) publicRetiree.records.push(record(p, 'PUBLIC_PENSION', 812_345, null))
  await insertRecords(publicRetiree.id, publicRetiree.records)
  await prisma.enrolment.create({
    data: {
      personId: publicRetiree.id, unitId: null, insuranceType: 'PUBLIC_PENSION', status: 'TERMINATED', startedOn: date('2014-10-01'), startPeriod: 201410,
      stopPeriod: 202211, stoppedOn: date('2022-11-30'), stopReason: '04'
    }
  })
  const publicPaymentIds = await createPayments(
    periods(202301, 202312).flatMap((p) =>
      ([['PUBLIC_PENSION', '基本养老金', '4500.00'], ['OCCUPATIONAL_ANNUITY', '职业年金', '620.33']] as const).map(([kind, item, amount]) => ({
        personId: publicRetiree.id, kind, period: p, item, amount, status: 'PAID' as const, bankName: '中国建设银行宜昌分行',
        bankAccount: `62170008${digits(11)}`, paidOn: date(`2023-${String(p % 100).padStart(2, '0')}-10`)
      }))
    )
  )

  // ── the injured worker: unit C; determination, appraisals, 伤残津贴, cases ──
  const injured = await person('张志强', '1')
  for (const p of periods(202101, 202406)) {
    injured.records.push(record(p, 'PENSION', 380_000, c.id))
    injured.records.push(record(p, 'WORK_INJURY', 380_000, c.id))
  }
  await insertRecords(injured.id, injured.records)
  for (const t of ['PENSION', 'WORK_INJURY'] as const) {
    await prisma.enrolment.create({
      data: { personId: injured.id, unitId: c.id, insuranceType: t, status: 'ACTIVE', startedOn: date('2021-01-01'), startPeriod: 202101, monthlyBase: '3800.00' }
    })
  }
  const determination = await prisma.workInjuryDetermination.create({
    data: {
      personId: injured.id, unitId: c.id, decisionNo: `宜人社工认〔2022〕${tag}号`, accidentDate: date('2022-02-14'), accidentPlace: '夷陵区施工现场',
      injuryPart: '左手', diagnosis: '左手食指近节指骨骨折', conclusion: '认定为工伤', determinedOn: date('2022-03-20')
    },
    select: { id: true }
  })
  const workAppraisal = await prisma.workInjuryAppraisal.create({
    data: {
      personId: injured.id, determinationId: determination.id, kind: 'WORK_RELATED', appraisalNo: `宜劳鉴〔2022〕${tag}号`, disabilityLevel: 7,
      conclusion: '伤残七级', appraisedOn: date('2022-07-05')
    },
    select: { id: true }
  })
  const otherAppraisal = await prisma.workInjuryAppraisal.create({
    data: {
      personId: injured.id, kind: 'NON_WORK_RELATED', appraisalNo: `宜劳鉴〔2023〕${tag}号`, conclusion: '未达到完全丧失劳动能力', appraisedOn: date('2023-09-12')
    },
    select: { id: true }
  })
  const injuredPaymentIds = await createPayments(
    periods(202208, 202406).map((p) => ({
      personId: injured.id, kind: 'WORK_INJURY' as const, period: p, item: '伤残津贴', amount: p >= 202401 ? '2205.00' : '2100.00',
      status: p === 202406 ? ('SUSPENDED' as const) : ('PAID' as const), bankName: '中国农业银行宜昌分行', bankAccount: `62284800${digits(11)}`,
      paidOn: p === 202406 ? null : date(`${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}-12`)
    }))
  )
  const serial = () => `2024${digits(11)}`
  const caseSerials = [serial(), serial()]
  await prisma.case.create({
    data: {
      serialNo: caseSerials[0] as string, matterCode: 'WORK_INJURY_DETERMINATION', status: 'SUBMITTED', applicantRole: 'PERSON', personId: injured.id,
      subjectPersonId: injured.id, applicantName: injured.name, applicantPhone: injured.phone ?? '', form: {},
      createdAt: new Date('2024-05-06T01:00:00Z'), submittedAt: new Date('2024-05-06T01:05:00Z'),
      events: {
        create: [
          { type: 'CREATED', actorRole: 'PERSON', actorId: injured.id, createdAt: new Date('2024-05-06T01:00:00Z') },
          { type: 'SUBMITTED', actorRole: 'PERSON', actorId: injured.id, createdAt: new Date('2024-05-06T01:05:00Z') }
        ]
      }
    }
  })
  await prisma.case.create({
    data: {
      serialNo: caseSerials[1] as string, matterCode: 'DISABILITY_APPRAISAL', status: 'RETURNED', applicantRole: 'PERSON', personId: injured.id,
      applicantName: injured.name, applicantPhone: injured.phone ?? '', form: {}, returnReason: '请补充诊断证明原件照片',
      createdAt: new Date('2024-06-01T02:00:00Z'), submittedAt: new Date('2024-06-01T02:10:00Z'), decidedAt: new Date('2024-06-03T07:30:00Z'),
      events: {
        create: [
          { type: 'CREATED', actorRole: 'PERSON', actorId: injured.id, createdAt: new Date('2024-06-01T02:00:00Z') },
          { type: 'SUBMITTED', actorRole: 'PERSON', actorId: injured.id, createdAt: new Date('2024-06-01T02:10:00Z') },
          { type: 'RETURNED', actorRole: 'REVIEWER', actorId: 1, actorName: '刘审核', note: '请补充诊断证明原件照片', createdAt: new Date('2024-06-03T07:30:00Z') }
        ]
      }
    }
  })
  const unitCaseSerial = serial()
  await prisma.case.create({
    data: {
      serialNo: unitCaseSerial, matterCode: 'STAFF_STOP', status: 'SUBMITTED', applicantRole: 'UNIT', unitId: b.id, personId: injured.id,
      subjectPersonId: worker.id, applicantName: '经办人', applicantPhone: '13900000000', form: {}
    }
  })
  const clerkCaseSerial = serial()
  await prisma.case.create({
    data: {
      serialNo: clerkCaseSerial, matterCode: 'WAGE_DECLARATION', status: 'EFFECTIVE', applicantRole: 'UNIT', unitId: b.id, personId: worker.id,
      applicantName: worker.name, applicantPhone: worker.phone ?? '', form: {}
    }
  })

  // ── nobody: a person with no records of any kind ──
  const empty = await person('赵小雨', '2', { phone: null })

  const reviewer = await prisma.reviewer.create({
    data: { username: `t4-reviewer-${tag}`, name: '刘审核', passwordHash: 'not-a-real-hash' },
    select: { id: true }
  })

  const personIds = [worker.id, retiree.id, publicRetiree.id, injured.id, empty.id]
  return {
    units: { a, b, c },
    worker,
    retiree: { ...retiree, paymentIds: retireePaymentIds, bankAccount },
    publicRetiree: { ...publicRetiree, paymentIds: publicPaymentIds },
    injured: { ...injured, determinationId: determination.id, appraisalIds: [workAppraisal.id, otherAppraisal.id], paymentIds: injuredPaymentIds, caseSerials },
    empty,
    unitCaseSerial,
    clerkCaseSerial,
    reviewerId: reviewer.id,
    async cleanup() {
      await prisma.case.deleteMany({ where: { serialNo: { in: [...caseSerials, unitCaseSerial, clerkCaseSerial] } } })
      await prisma.workInjuryAppraisal.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.workInjuryDetermination.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.enrolment.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.contributionRecord.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.session.deleteMany({ where: { OR: [{ personId: { in: personIds } }, { reviewerId: reviewer.id }] } })
      await prisma.auditLog.deleteMany({ where: { actorRole: 'PERSON', actorId: { in: personIds } } })
      await prisma.person.deleteMany({ where: { id: { in: personIds } } })
      await prisma.reviewer.deleteMany({ where: { id: reviewer.id } })
      await prisma.unit.deleteMany({ where: { id: { in: [a.id, b.id, c.id] } } })
    }
  }
}

/** An access token for a person (with a live session row, as identity would have created at sign-in). */
export async function personToken(prisma: PrismaClient, keys: SigningKeys, personId: number): Promise<string> {
  return sessionToken(prisma, keys, { role: 'person', personId })
}

export async function unitToken(prisma: PrismaClient, keys: SigningKeys, personId: number, unitId: number): Promise<string> {
  return sessionToken(prisma, keys, { role: 'unit', personId, unitId })
}

export async function reviewerToken(prisma: PrismaClient, keys: SigningKeys, reviewerId: number): Promise<string> {
  return sessionToken(prisma, keys, { role: 'reviewer', reviewerId })
}
