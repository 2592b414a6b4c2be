// 政策参数: the parameters of a region and social-insurance year (社保年度 7/1–6/30), read from the policy tables
// (policy_year, policy_rate, work_injury_class, account_interest_rate). Changes are data: a new year or a new rate
// is a row, never code. Lookup order: the region itself, its city, its province (provincial pooling publishes
// once for all cities); the exact year first, else the latest earlier year, flagged `provisional` (a year not yet
// published keeps the previous year's figures — the same fallback the enrolment matters use for base bounds).
import {
  InsuranceTypes,
  periodYear,
  regionName,
  riskClassLabel,
  shanghaiPeriod,
  socialYearLabel,
  socialYearOf,
  socialYearPeriods,
  WORK_INJURY_RISK_CLASSES,
  type BaseBounds,
  type Fen,
  type Period,
  type PolicyResponse,
  type RatePair,
  type RatePpm,
  type RiskClass,
  type UnitInsuranceType
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { contributionsNow } from './clock.ts'
import { rateText, toFen, toPpm, yuan } from './convert.ts'

type Db = PrismaClient | Tx

export interface Policy {
  regionCode: string
  policyRegionCode: string
  /** The social year asked for. */
  year: number
  /** The social year of the row used (≤ year). */
  appliedYear: number
  provisional: boolean
  standardFen: Fen
  floorFen: Fen
  ceilingFen: Fen
  lateFeeDailyPpm: RatePpm
  /** Unit/personal rates per insurance type as published (WORK_INJURY: the class-1 base rate). */
  rates: Map<string, RatePair>
  /** 工伤保险 rate by 行业风险类别 1–8. */
  workInjuryClasses: Map<number, RatePpm>
}

/** Region codes to try: the county, its city, its province. */
export function regionChain(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])]
}

/** The parameters of a region and social year, or null when none are published for it or any earlier year. */
export async function findPolicy(db: Db, regionCode: string, year: number): Promise<Policy | null> {
  const chain = regionChain(regionCode)
  const rows = await db.policyYear.findMany({
    where: { regionCode: { in: chain }, year: { lte: year } },
    orderBy: { year: 'desc' },
    include: { rates: true, workInjuryClasses: true }
  })
  // The nearest region with the exact year wins; else the latest year of the nearest region.
  let row = chain.map((c) => rows.find((r) => r.regionCode === c && r.year === year)).find(Boolean)
  row ??= chain.map((c) => rows.find((r) => r.regionCode === c)).find(Boolean)
  if (!row) return null
  return {
    regionCode,
    policyRegionCode: row.regionCode,
    year,
    appliedYear: row.year,
    provisional: row.year !== year,
    standardFen: toFen(row.baseStandard),
    floorFen: toFen(row.baseFloor),
    ceilingFen: toFen(row.baseCeiling),
    lateFeeDailyPpm: toPpm(row.lateFeeDailyRate),
    rates: new Map(row.rates.map((r) => [r.insuranceType, { unitPpm: toPpm(r.unitRate), personalPpm: toPpm(r.personalRate) }])),
    workInjuryClasses: new Map(row.workInjuryClasses.map((c) => [c.riskClass, toPpm(c.rate)]))
  }
}

/** Like findPolicy, for a period: the period's social year. 409 POLICY_NOT_PUBLISHED when nothing applies. */
export async function policyForPeriod(db: Db, regionCode: string, period: Period): Promise<Policy> {
  const year = socialYearOf(period)
  const p = await findPolicy(db, regionCode, year)
  if (!p) throw new AppError('POLICY_NOT_PUBLISHED', { detail: `${regionName(regionCode) ?? regionCode}${year}社保年度` })
  return p
}

export function boundsOf(p: Policy): BaseBounds {
  return { floorFen: p.floorFen, ceilingFen: p.ceilingFen }
}

/**
 * A unit's rates for one insurance type: pension and unemployment as published; work injury unit-only at the
 * rate of the unit's 行业风险类别 (the class table; the published WORK_INJURY row when the class has no row).
 */
export function unitRate(p: Policy, type: UnitInsuranceType, riskClass: number): RatePair {
  if (type === 'WORK_INJURY') {
    const classRate = p.workInjuryClasses.get(riskClass)
    const published = p.rates.get('WORK_INJURY')
    const unitPpm = classRate ?? published?.unitPpm
    if (unitPpm === undefined) throw new AppError('POLICY_NOT_PUBLISHED', { detail: `${p.appliedYear}社保年度工伤保险费率` })
    return { unitPpm, personalPpm: 0 }
  }
  const r = p.rates.get(type)
  if (!r) throw new AppError('POLICY_NOT_PUBLISHED', { detail: `${p.appliedYear}社保年度${InsuranceTypes.label(type)}费率` })
  return r
}

/** 记账利率 of calendar years (account_interest_rate), ascending. */
export async function interestRates(db: Db, years?: { from: number; to: number }): Promise<Map<number, RatePpm>> {
  const rows = await db.accountInterestRate.findMany({
    where: years ? { year: { gte: years.from, lte: years.to } } : {},
    orderBy: { year: 'asc' }
  })
  return new Map(rows.map((r) => [r.year, toPpm(r.rate)]))
}

/** The 记账利率 of a calendar year, or the latest announced before it (a year not announced yet), or 0. */
export async function interestRateFor(db: Db, year: number): Promise<RatePpm> {
  const row = await db.accountInterestRate.findFirst({ where: { year: { lte: year } }, orderBy: { year: 'desc' } })
  return row ? toPpm(row.rate) : 0
}

// ── GET /api/policy ───────────────────────────────────────────────────────────────────────────

export interface PolicyQueryInput {
  region?: string | undefined
  year?: number | undefined
}

/**
 * Reviewers read any region; a unit clerk reads only the unit's own region (another region → 404, like a missing
 * one) and also sees the unit's work-injury class rate. Persons: 403.
 */
export async function getPolicy(prisma: PrismaClient, auth: AuthContext, q: PolicyQueryInput, now = contributionsNow()): Promise<PolicyResponse> {
  if (auth.role === 'person') throw new AppError('FORBIDDEN')
  let unit: { unitNo: string; regionCode: string; riskClass: number } | null = null
  if (auth.role === 'unit') {
    unit = await prisma.unit.findUnique({ where: { id: auth.unitId as number }, select: { unitNo: true, regionCode: true, riskClass: true } })
    if (!unit) throw new AppError('NOT_FOUND')
    if (q.region !== undefined && q.region !== unit.regionCode) throw new AppError('NOT_FOUND')
  }
  const regionCode = q.region ?? unit?.regionCode
  if (!regionCode) throw new AppError('VALIDATION_FAILED', { field: 'region', detail: '请选择参保所属地' })
  const year = q.year ?? socialYearOf(shanghaiPeriod(now))
  const p = await findPolicy(prisma, regionCode, year)
  if (!p) throw new AppError('POLICY_NOT_FOUND', { detail: `${regionName(regionCode) ?? regionCode}${year}社保年度` })
  const periods = socialYearPeriods(year)
  const rates = await interestRates(prisma, { from: periodYear(periods.from) - 1, to: periodYear(periods.to) })
  const region = await prisma.region.findUnique({ where: { code: regionCode }, select: { name: true } })
  const typeOrder = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION']
  return {
    regionCode,
    regionName: region?.name ?? regionName(regionCode) ?? null,
    policyRegionCode: p.policyRegionCode,
    year,
    appliedYear: p.appliedYear,
    provisional: p.provisional,
    yearLabel: socialYearLabel(year),
    fromPeriod: periods.from,
    toPeriod: periods.to,
    standardFen: p.standardFen,
    standardYuan: yuan(p.standardFen),
    floorFen: p.floorFen,
    floorYuan: yuan(p.floorFen),
    ceilingFen: p.ceilingFen,
    ceilingYuan: yuan(p.ceilingFen),
    lateFeeDailyPpm: p.lateFeeDailyPpm,
    lateFeeDailyText: rateText(p.lateFeeDailyPpm),
    rates: [...p.rates.entries()]
      .sort((a, b) => typeOrder.indexOf(a[0]) - typeOrder.indexOf(b[0]))
      .map(([t, r]) => ({
        insuranceType: t as PolicyResponse['rates'][number]['insuranceType'],
        label: InsuranceTypes.label(t),
        unitPpm: r.unitPpm,
        unitText: rateText(r.unitPpm),
        personalPpm: r.personalPpm,
        personalText: rateText(r.personalPpm)
      })),
    workInjuryClasses: [...p.workInjuryClasses.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([riskClass, ratePpm]) => ({
        riskClass,
        label: WORK_INJURY_RISK_CLASSES.some((c) => c.riskClass === riskClass) ? riskClassLabel(riskClass as RiskClass) : `${riskClass}类`,
        ratePpm,
        rateText: rateText(ratePpm)
      })),
    accountInterestRates: [...rates.entries()].map(([y, r]) => ({ year: y, ratePpm: r, rateText: rateText(r) })),
    unit: unit
      ? (() => {
          const r = unitRate(p, 'WORK_INJURY', unit.riskClass)
          return { unitNo: unit.unitNo, riskClass: unit.riskClass, workInjuryPpm: r.unitPpm, workInjuryText: rateText(r.unitPpm) }
        })()
      : null
  }
}
