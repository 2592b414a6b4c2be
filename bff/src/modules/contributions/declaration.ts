// 单位缴费申报 (§3.3.22) and 撤销申报 (§3.3.23).
//
// Gates (each a 409 with the seed's wording; the preview lists them as `blockers`):
//  - 当月只能申报当月 (R004-16): the period is the current month in Asia/Shanghai (module clock).
//  - 最大核止期号 (R004-22): every ACTIVE 养老/失业/工伤 insurance of the unit has last_settled_period = last month or
//    this month; a unit insurance never settled passes only when it was enrolled last month or this month. Otherwise
//    unpaid months must be back-paid first (补缴申报).
//  - 缴费工资申报 (R35/R36, R004-7): from 7/1 the social year's wages must be declared first — at least one
//    wage_declaration row of the unit for the period's social year — unless the unit's insurance started within that
//    social year (a new unit declares its hiring wages at 增员).
//  - one live declaration (已申报 / 已开具认定单) per unit and month: another one → 409 (撤销申报 first).
//  - policy parameters published for the year (or an earlier year, see policy.ts); somebody to declare.
// All of it runs in one transaction holding the unit's row lock, so two racing declarations of a unit queue and the
// second sees the first (409 DECLARATION_EXISTS). Submissions accept Idempotency-Key.
import {
  addMonths,
  maskIdNumber,
  pageOf,
  pageOffset,
  periodOfDate,
  shanghaiPeriod,
  socialYearOf,
  DeclarationStatuses,
  BillStatuses,
  ONLINE_BACK_PAYMENT_MAX_MONTHS,
  type DeclarationDetail,
  type DeclarationPreviewResponse,
  type Period,
  type UnitInsuranceType
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError, type ErrorCode } from '../../http/errors.ts'
import type { Outcome } from '../cases/idempotency.ts'
import { contributionsNow } from './clock.ts'
import { computeDeclaration, typeTotalView, type Computation, type TypeTotal } from './compute.ts'
import { dec, instant, instantText, isoDate, periodText, toFen, toFenOrNull, yuan } from './convert.ts'
import { policyForPeriod, unitRate } from './policy.ts'
import { activeInsurances, clerkUnit, type UnitInsuranceRow, type UnitRow } from './unit.ts'
import { changeUnit } from './unit-change.ts'
import { expireDueBills } from './expiry.ts'

type Db = PrismaClient | Tx

const LIVE = ['DECLARED', 'BILLED'] as const
const INSERT_CHUNK = 4000

export interface Blocker {
  code: ErrorCode
  message: string
  detail?: string
}

function blocker(code: ErrorCode, detail?: string): Blocker {
  const e = new AppError(code, detail === undefined ? {} : { detail })
  return { code, message: e.message, ...(detail === undefined ? {} : { detail }) }
}

function throwBlocker(b: Blocker): never {
  throw new AppError(b.code, b.detail === undefined ? {} : { detail: b.detail })
}

/** The gates other than "current month" for declaring `period` (see the header). */
export async function declarationBlockers(db: Db, unit: UnitRow, insurances: UnitInsuranceRow[], period: Period): Promise<Blocker[]> {
  const out: Blocker[] = []
  if (insurances.length === 0) out.push(blocker('DECLARATION_EMPTY', '未参加养老、失业、工伤保险'))
  const last = addMonths(period, -1)
  const behind = insurances.filter((i) => {
    if (i.lastSettledPeriod === null) return periodOfDate(isoDate(i.enrolledOn)) < last
    return i.lastSettledPeriod !== last && i.lastSettledPeriod !== period
  })
  if (behind.length) {
    out.push(
      blocker(
        'DECLARATION_ARREARS',
        behind.map((i) => `${shortLabel(i.insuranceType)}最大核止期号${i.lastSettledPeriod ?? '无'}`).join('，')
      )
    )
  }
  out.push(...(await monthBlockers(db, unit, insurances, period)))
  return out
}

/** Gates of any declaration of `period`, monthly or back: the 7/1 wage gate and one live declaration a month. */
async function monthBlockers(db: Db, unit: UnitRow, insurances: UnitInsuranceRow[], period: Period): Promise<Blocker[]> {
  const out: Blocker[] = []
  const socialYear = socialYearOf(period)
  const yearStart = new Date(`${socialYear}-07-01T00:00:00.000Z`)
  if (insurances.some((i) => i.enrolledOn < yearStart)) {
    const declared = await db.wageDeclaration.count({ where: { unitId: unit.id, year: socialYear } })
    if (declared === 0) out.push(blocker('WAGES_NOT_DECLARED', String(socialYear)))
  }
  const existing = await db.contributionDeclaration.findFirst({ where: { unitId: unit.id, period, status: { in: [...LIVE] } }, select: { id: true } })
  if (existing) out.push(blocker('DECLARATION_EXISTS', periodText(period)))
  return out
}

function shortLabel(t: string): string {
  return t === 'PENSION' ? '养老保险' : t === 'UNEMPLOYMENT' ? '失业保险' : '工伤保险'
}

interface Comparison {
  previous: { period: number; periodText: string; headcount: number; baseTotalFen: number; baseTotalYuan: string } | null
  current: { period: number; periodText: string; headcount: number; baseTotalFen: number; baseTotalYuan: string }
  headcountChange: number
  baseTotalChangeFen: number
}

/** 上期 vs 本期 (R43): the previous month's live declaration against this one. */
async function comparison(db: Db, unitId: number, period: Period, headcount: number, baseTotalFen: number): Promise<Comparison> {
  const prevPeriod = addMonths(period, -1)
  const prev = await db.contributionDeclaration.findFirst({
    where: { unitId, period: prevPeriod, status: { in: [...LIVE, 'REVOKED'] } },
    orderBy: [{ status: 'asc' }, { id: 'desc' }],
    select: { headcount: true, baseTotal: true, status: true }
  })
  const previous = prev && prev.status !== 'REVOKED' ? { period: prevPeriod, periodText: periodText(prevPeriod), headcount: prev.headcount, baseTotalFen: toFen(prev.baseTotal), baseTotalYuan: yuan(toFen(prev.baseTotal)) } : null
  return {
    previous,
    current: { period, periodText: periodText(period), headcount, baseTotalFen, baseTotalYuan: yuan(baseTotalFen) },
    headcountChange: headcount - (previous?.headcount ?? 0),
    baseTotalChangeFen: baseTotalFen - (previous?.baseTotalFen ?? 0)
  }
}

async function compute(db: Db, unit: UnitRow, insurances: UnitInsuranceRow[], period: Period): Promise<{ computation: Computation; policyYear: number }> {
  const policy = await policyForPeriod(db, unit.regionCode, period)
  const types = insurances.map((i) => i.insuranceType as UnitInsuranceType)
  return { computation: await computeDeclaration(db, unit, types, period, policy), policyYear: policy.appliedYear }
}

// ── preview ─────────────────────────────────────────────────────────────────────────────────

export async function previewDeclaration(prisma: PrismaClient, auth: AuthContext, now = contributionsNow()): Promise<DeclarationPreviewResponse> {
  const { unit } = await clerkUnit(prisma, auth)
  const period = shanghaiPeriod(now)
  const insurances = await activeInsurances(prisma, unit.id)
  const blockers = await declarationBlockers(prisma, unit, insurances, period)
  const { computation: c, policyYear } = await compute(prisma, unit, insurances, period)
  if (c.headcount === 0 && !blockers.some((b) => b.code === 'DECLARATION_EMPTY')) blockers.push(blocker('DECLARATION_EMPTY', '当月没有参保缴费人员'))
  return {
    unitNo: unit.unitNo,
    unitName: unit.name,
    period,
    periodText: periodText(period),
    socialYear: c.socialYear,
    policyYear,
    canDeclare: blockers.length === 0,
    blockers: blockers.map((b) => ({ code: b.code, message: b.message })),
    headcount: c.headcount,
    wageTotalFen: c.wageTotalFen,
    baseTotalFen: c.baseTotalFen,
    baseTotalYuan: yuan(c.baseTotalFen),
    unitFen: c.unitFen,
    personalFen: c.personalFen,
    totalFen: c.totalFen,
    totalYuan: yuan(c.totalFen),
    byType: c.byType.map(typeTotalView),
    comparison: await comparison(prisma, unit.id, period, c.headcount, c.baseTotalFen),
    floorApplied: c.floorApplied,
    ceilingApplied: c.ceilingApplied,
    undeclaredWage: c.undeclaredWage,
    unitSettled: insurances.map((i) => ({ insuranceType: i.insuranceType, label: shortLabel(i.insuranceType), lastSettledPeriod: i.lastSettledPeriod }))
  }
}

// ── declare ─────────────────────────────────────────────────────────────────────────────────

async function insertLines(tx: Tx, declarationId: number, c: Computation): Promise<void> {
  for (let i = 0; i < c.lines.length; i += INSERT_CHUNK) {
    const values = c.lines
      .slice(i, i + INSERT_CHUNK)
      .map((l) => `(${declarationId},${l.personId},'${l.insuranceType}',${dec(l.baseFen)},${dec(l.unitFen)},${dec(l.personalFen)},${l.wageFen === null ? 'NULL' : dec(l.wageFen)})`)
      .join(',')
    // Only integers, fixed enum names and decimals we formatted: no user text reaches this statement.
    await tx.$executeRawUnsafe(
      `INSERT INTO declaration_line (declaration_id, person_id, insurance_type, base, unit_amount, personal_amount, declared_wage) VALUES ${values}`
    )
  }
}

/** The declaration of `period` (已申报) with its totals and person lines; answers its detail. */
async function storeDeclaration(tx: Tx, unit: UnitRow, period: Period, c: Computation, now: Date): Promise<DeclarationDetail> {
  const d = await tx.contributionDeclaration.create({
    data: {
      unitId: unit.id,
      period,
      status: 'DECLARED',
      headcount: c.headcount,
      baseTotal: dec(c.baseTotalFen),
      wageTotal: dec(c.wageTotalFen),
      unitAmount: dec(c.unitFen),
      personalAmount: dec(c.personalFen),
      declaredAt: now
    },
    select: { id: true }
  })
  await insertLines(tx, d.id, c)
  return declarationDetail(tx, unit, d.id, now)
}

export async function declareMonth(
  prisma: PrismaClient,
  auth: AuthContext,
  body: { period?: number | undefined },
  idempotencyKey: string | undefined,
  now = contributionsNow()
): Promise<Outcome<DeclarationDetail>> {
  const { unit } = await clerkUnit(prisma, auth)
  const current = shanghaiPeriod(now)
  if (body.period !== undefined && body.period !== current) {
    throw new AppError('DECLARATION_NOT_CURRENT_MONTH', { field: 'period', detail: periodText(current) })
  }
  return changeUnit(prisma, { auth, unitId: unit.id, idempotencyKey, fingerprint: { op: 'contrib.declare', period: current } }, async (tx) => {
    const insurances = await activeInsurances(tx, unit.id)
    const blockers = await declarationBlockers(tx, unit, insurances, current)
    if (blockers[0]) throwBlocker(blockers[0])
    const { computation: c } = await compute(tx, unit, insurances, current)
    if (c.headcount === 0) throw new AppError('DECLARATION_EMPTY', { detail: '当月没有参保缴费人员' })
    return { status: 201, body: await storeDeclaration(tx, unit, current, c, now) }
  })
}

// ── revoke (撤销申报, R44) ────────────────────────────────────────────────────────────────────

export async function revokeDeclaration(prisma: PrismaClient, auth: AuthContext, id: number, idempotencyKey: string | undefined, now = contributionsNow()): Promise<Outcome<DeclarationDetail>> {
  const { unit } = await clerkUnit(prisma, auth)
  const change = { auth, unitId: unit.id, idempotencyKey, fingerprint: { op: 'contrib.revokeDeclaration', id }, expireBillsAt: now }
  return changeUnit(
    prisma,
    change,
    async (tx) => {
      const d = await tx.contributionDeclaration.findFirst({ where: { id, unitId: unit.id }, select: { id: true, status: true } })
      if (!d) throw new AppError('NOT_FOUND')
      if (d.status === 'REVOKED') throw new AppError('DECLARATION_NOT_REVOCABLE', { detail: '该申报已撤销' })
      const bill = await tx.bill.findFirst({ where: { declarationId: id, status: { in: ['VALID', 'PAID'] } }, select: { billNo: true, status: true } })
      if (d.status === 'BILLED' || bill) {
        throw new AppError('DECLARATION_NOT_REVOCABLE', {
          detail: `已开具应缴认定单（${bill?.billNo ?? ''}，${BillStatuses.label(bill?.status ?? 'VALID')}），不能撤销申报${bill?.status === 'VALID' ? '；请先撤销应缴认定单' : ''}`
        })
      }
      await tx.contributionDeclaration.update({ where: { id }, data: { status: 'REVOKED', revokedAt: now } })
      return { status: 200, body: await declarationDetail(tx, unit, id, now) }
    }
  )
}

// ── queries ─────────────────────────────────────────────────────────────────────────────────

interface TypeSum {
  insurance_type: UnitInsuranceType
  n: bigint | number
  wage: string | null
  base: string | null
  unit_amount: string | null
  personal_amount: string | null
}

/** Per-type totals of a stored declaration (one GROUP BY over its lines). */
async function storedTypeTotals(db: Db, unit: UnitRow, declarationId: number, period: Period): Promise<TypeTotal[]> {
  const rows = await db.$queryRaw<TypeSum[]>`
    SELECT insurance_type, COUNT(*) AS n, CAST(SUM(COALESCE(declared_wage, base)) AS CHAR) AS wage, CAST(SUM(base) AS CHAR) AS base,
           CAST(SUM(unit_amount) AS CHAR) AS unit_amount, CAST(SUM(personal_amount) AS CHAR) AS personal_amount
      FROM declaration_line WHERE declaration_id = ${declarationId} GROUP BY insurance_type`
  const policy = await policyForPeriod(db, unit.regionCode, period).catch(() => null)
  const order = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']
  return rows
    .sort((a, b) => order.indexOf(a.insurance_type) - order.indexOf(b.insurance_type))
    .map((r) => {
      const rate = policy ? unitRate(policy, r.insurance_type, unit.riskClass) : { unitPpm: 0, personalPpm: 0 }
      const unitFen = toFen(r.unit_amount)
      const personalFen = toFen(r.personal_amount)
      return {
        insuranceType: r.insurance_type,
        label: shortLabel(r.insurance_type),
        headcount: Number(r.n),
        wageTotalFen: toFen(r.wage),
        baseTotalFen: toFen(r.base),
        unitRatePpm: rate.unitPpm,
        personalRatePpm: rate.personalPpm,
        unitFen,
        personalFen,
        totalFen: unitFen + personalFen
      }
    })
}

type DeclarationRow = {
  id: number
  period: number
  status: string
  headcount: number
  baseTotal: { toFixed(n: number): string }
  wageTotal: { toFixed(n: number): string } | null
  unitAmount: { toFixed(n: number): string }
  personalAmount: { toFixed(n: number): string }
  declaredAt: Date
  revokedAt: Date | null
}

const DECLARATION_SELECT = {
  id: true,
  period: true,
  status: true,
  headcount: true,
  baseTotal: true,
  wageTotal: true,
  unitAmount: true,
  personalAmount: true,
  declaredAt: true,
  revokedAt: true
} as const

async function summaryOf(db: Db, unit: UnitRow, d: DeclarationRow) {
  const bill = await db.bill.findFirst({ where: { declarationId: d.id, status: { in: ['VALID', 'PAID'] } }, orderBy: { id: 'desc' }, select: { billNo: true, status: true } })
  const unitFen = toFen(d.unitAmount)
  const personalFen = toFen(d.personalAmount)
  const baseTotalFen = toFen(d.baseTotal)
  return {
    id: d.id,
    unitNo: unit.unitNo,
    unitName: unit.name,
    period: d.period,
    periodText: periodText(d.period),
    status: d.status as DeclarationDetail['status'],
    statusLabel: DeclarationStatuses.label(d.status),
    declaredAt: instant(d.declaredAt),
    declaredAtText: instantText(d.declaredAt),
    revokedAt: d.revokedAt ? instant(d.revokedAt) : null,
    headcount: d.headcount,
    wageTotalFen: toFenOrNull(d.wageTotal) ?? baseTotalFen,
    baseTotalFen,
    baseTotalYuan: yuan(baseTotalFen),
    unitFen,
    unitYuan: yuan(unitFen),
    personalFen,
    personalYuan: yuan(personalFen),
    totalFen: unitFen + personalFen,
    totalYuan: yuan(unitFen + personalFen),
    bill: bill ? { billNo: bill.billNo, status: bill.status, statusLabel: BillStatuses.label(bill.status) } : null,
    revocable: d.status === 'DECLARED' && !bill
  }
}

export async function declarationDetail(db: Db, unit: UnitRow, id: number, _now: Date): Promise<DeclarationDetail> {
  const d = await db.contributionDeclaration.findFirst({ where: { id, unitId: unit.id }, select: DECLARATION_SELECT })
  if (!d) throw new AppError('NOT_FOUND')
  const summary = await summaryOf(db, unit, d)
  return {
    ...summary,
    byType: (await storedTypeTotals(db, unit, d.id, d.period)).map(typeTotalView),
    comparison: await comparison(db, unit.id, d.period, d.headcount, summary.baseTotalFen)
  }
}

export async function getDeclaration(prisma: PrismaClient, auth: AuthContext, id: number, now = contributionsNow()): Promise<DeclarationDetail> {
  const { unit } = await clerkUnit(prisma, auth)
  await expireDueBills(prisma, { unitId: unit.id }, now)
  return declarationDetail(prisma, unit, id, now)
}

/** 本年度已申报的缴费信息 (R43): the unit's declarations of a calendar year, newest first. */
export async function listDeclarations(prisma: PrismaClient, auth: AuthContext, q: { page: number; pageSize: number; year?: number | undefined }, now = contributionsNow()) {
  const { unit } = await clerkUnit(prisma, auth)
  await expireDueBills(prisma, { unitId: unit.id }, now)
  const year = q.year ?? Math.floor(shanghaiPeriod(now) / 100)
  const where = { unitId: unit.id, period: { gte: year * 100 + 1, lte: year * 100 + 12 } }
  const [total, rows] = await Promise.all([
    prisma.contributionDeclaration.count({ where }),
    prisma.contributionDeclaration.findMany({ where, orderBy: [{ period: 'desc' }, { id: 'desc' }], skip: pageOffset(q), take: q.pageSize, select: DECLARATION_SELECT })
  ])
  const items = []
  for (const d of rows) items.push(await summaryOf(prisma, unit, d))
  return pageOf(items, total, q)
}

interface LineRow {
  person_no: string
  name: string
  id_number: string
  insurance_type: UnitInsuranceType
  declared_wage: string | null
  base: string
  unit_amount: string
  personal_amount: string
}

/** The person lines of a declaration, paged (ID numbers masked). */
export async function listDeclarationLines(prisma: PrismaClient, auth: AuthContext, id: number, q: { page: number; pageSize: number; insuranceType?: string | undefined }) {
  const { unit } = await clerkUnit(prisma, auth)
  const d = await prisma.contributionDeclaration.findFirst({ where: { id, unitId: unit.id }, select: { id: true } })
  if (!d) throw new AppError('NOT_FOUND')
  const type = q.insuranceType ?? null
  const [countRow] = await prisma.$queryRaw<Array<{ n: bigint | number }>>`
    SELECT COUNT(*) AS n FROM declaration_line WHERE declaration_id = ${id} AND (${type} IS NULL OR insurance_type = ${type})`
  const rows = await prisma.$queryRaw<LineRow[]>`
    SELECT p.person_no, p.name, p.id_number, l.insurance_type, CAST(l.declared_wage AS CHAR) AS declared_wage, CAST(l.base AS CHAR) AS base,
           CAST(l.unit_amount AS CHAR) AS unit_amount, CAST(l.personal_amount AS CHAR) AS personal_amount
      FROM declaration_line l JOIN person p ON p.id = l.person_id
     WHERE l.declaration_id = ${id} AND (${type} IS NULL OR l.insurance_type = ${type})
     ORDER BY p.person_no, FIELD(l.insurance_type, 'PENSION', 'UNEMPLOYMENT', 'WORK_INJURY')
     LIMIT ${q.pageSize} OFFSET ${pageOffset(q)}`
  return pageOf(
    rows.map((r) => ({
      personNo: r.person_no,
      name: r.name,
      idNumber: maskIdNumber(r.id_number),
      insuranceType: r.insurance_type,
      label: shortLabel(r.insurance_type),
      wageFen: toFenOrNull(r.declared_wage),
      baseFen: toFen(r.base),
      baseYuan: yuan(toFen(r.base)),
      unitFen: toFen(r.unit_amount),
      personalFen: toFen(r.personal_amount)
    })),
    Number(countRow?.n ?? 0),
    q
  )
}

// ── 单位社会保险补缴申报 (whole-unit back-declaration, §3.3.33; R004-21, FAQ8/14) ─────────────────────

/**
 * The months a unit may back-declare now: online, only the 3 months before the current month (R004-21 "可以为职工补缴
 * 当前月份以前3个月的社保费"; older ones need administrative approval at the agency).
 */
export function backDeclarationRange(now: Date): { from: Period; to: Period } {
  const current = shanghaiPeriod(now)
  return { from: addMonths(current, -ONLINE_BACK_PAYMENT_MAX_MONTHS), to: addMonths(current, -1) }
}

/**
 * Gates of a back-declaration of `period`, and the insurance types it covers: the types whose next unsettled month
 * (最大核止期号 + 1, or the enrolment month when never settled) is `period`; a type with an earlier unpaid month blocks
 * (months are back-declared in order, "须按月填报", so 最大核止期号 stays contiguous); types already settled for the
 * period are left out. Plus the 7/1 wage gate and one live declaration per unit and month.
 */
export async function backDeclarationBlockers(db: Db, unit: UnitRow, insurances: UnitInsuranceRow[], period: Period, now: Date): Promise<{ blockers: Blocker[]; types: UnitInsuranceRow[] }> {
  const out: Blocker[] = []
  const range = backDeclarationRange(now)
  if (period < range.from || period > range.to) {
    out.push(blocker('BACK_DECLARATION_OUT_OF_RANGE', `${periodText(range.from)}至${periodText(range.to)}`))
  }
  const next = (i: UnitInsuranceRow) => (i.lastSettledPeriod === null ? periodOfDate(isoDate(i.enrolledOn)) : addMonths(i.lastSettledPeriod, 1))
  const earlier = insurances.filter((i) => next(i) < period)
  if (earlier.length) {
    out.push(blocker('BACK_DECLARATION_NOT_NEXT', earlier.map((i) => `${shortLabel(i.insuranceType)}${periodText(next(i))}`).join('，')))
  }
  const types = insurances.filter((i) => next(i) === period)
  if (types.length === 0 && earlier.length === 0) out.push(blocker('DECLARATION_EMPTY', `${periodText(period)}各险种均已核定缴费，无需补缴`))
  out.push(...(await monthBlockers(db, unit, insurances, period)))
  return { blockers: out, types }
}

/**
 * 单位社会保险补缴申报: a whole-unit declaration of a past month (the unit's first unpaid one, within the 3 months
 * before this one), computed exactly like the monthly declaration for that month's population, bases and rates
 * (that social year's policy). Its bill (kind BACK_PAYMENT, 补缴核定) carries interest and late fee from the 1st of
 * the month after the period (bills.ts); on 到账 the records are 补缴到账 (BACK_PAID) and 最大核止期号 advances, which
 * opens the monthly declaration again (FAQ14's flow).
 */
export async function declareBackMonth(prisma: PrismaClient, auth: AuthContext, body: { period: number }, idempotencyKey: string | undefined, now = contributionsNow()): Promise<Outcome<DeclarationDetail>> {
  const { unit } = await clerkUnit(prisma, auth)
  return changeUnit(prisma, { auth, unitId: unit.id, idempotencyKey, fingerprint: { op: 'contrib.backDeclare', period: body.period } }, async (tx) => {
    const insurances = await activeInsurances(tx, unit.id)
    const { blockers, types } = await backDeclarationBlockers(tx, unit, insurances, body.period, now)
    if (blockers[0]) throwBlocker(blockers[0])
    const { computation: c } = await compute(tx, unit, types, body.period)
    if (c.headcount === 0) throw new AppError('DECLARATION_EMPTY', { detail: `${periodText(body.period)}没有参保缴费人员` })
    return { status: 201, body: await storeDeclaration(tx, unit, body.period, c, now) }
  })
}
