// 缴费信息: a person's monthly contribution records by year and insurance type, the totals of the selection,
// the years and types that have records, the months paid in all, and the yearly summary behind the chart.
//
// The hot query (benchmark: test/bench/person-contributions.bench.ts). A person's whole history is small and
// bounded — at most 12 months × ~45 years × the types they pay (≈ 100–200 rows in the demo seed, ~1 600 at the
// very most) — and the years list, the all-time paid months and the selection's totals need every row anyway. So one
// indexed range read (`contribution_record (person_id, period)`) fetches the needed columns of all the person's
// rows, and the page, totals and summary are cut from it in memory: one round trip instead of four, and no scan
// whatever the table's size. It runs on the raw driver (sql.ts: ~5× the throughput of the same statement through
// Prisma), decimals cast to text so the fen come from the column's own digits, unit names by a primary-key join.
import {
  ContributionKinds,
  ContributionStatuses,
  InsuranceTypes,
  type ContributionRow,
  type ContributionsResponse,
  type ContributionStats,
  type ContributionSummaryResponse,
  type Fen,
  type InsuranceType
} from '@shebao/shared'
import type { SqlReader } from './sql.ts'
import { averageFen, fen, instantOrNull, instantTextOrNull, periodText, yuan } from './convert.ts'

/** One contribution record as read for the person queries (amounts already in fen). */
export interface ContributionFact {
  period: number
  insuranceType: InsuranceType
  baseFen: Fen
  unitFen: Fen
  personalFen: Fen
  status: string
  kind: string
  unitId: number | null
  unitName: string | null
  /** DATETIME(3) text in UTC ('2024-03-20 02:30:00.000'); turned into an instant only for the rows shown. */
  paidAt: string | null
}

interface RawRow {
  period: number
  insurance_type: InsuranceType
  base: string
  unit_amount: string
  personal_amount: string
  status: string
  kind: string
  unit_id: number | null
  unit_name: string | null
  paid_at: string | null
}

/**
 * DECIMAL(14,2) column text → fen. `CAST(d AS CHAR)` of a DECIMAL(14,2) always has exactly two decimals
 * ('6000.00', '-12.30', '0.05'), so dropping the point leaves the fen as an integer numeral: exact, and without
 * a regular expression per cell (this runs for every row of a person's history). Anything else goes through the
 * general parser, which throws on what is not an exact amount.
 */
export function decimal2ToFen(text: string): Fen {
  const n = text.length
  if (n >= 4 && text.charCodeAt(n - 3) === 46 /* . */) {
    const fen = Number(text.slice(0, n - 3) + text.slice(n - 2))
    if (Number.isSafeInteger(fen)) return fen
  }
  return fen(text)
}

const TYPE_ORDER = new Map<string, number>(InsuranceTypes.codes.map((c, i) => [c, i]))
const KIND_ORDER = new Map<string, number>(ContributionKinds.codes.map((c, i) => [c, i]))

/**
 * The hot statement: every record of one person through `contribution_record (person_id, period)`. Decimals come
 * as their column text and DATETIME(3) as 'YYYY-MM-DD HH:MM:SS.fff' text in UTC (what the database stores), so
 * neither the driver's number parsing nor its time-zone setting is involved.
 */
export const PERSON_CONTRIBUTIONS_SQL =
  'SELECT c.period, c.insurance_type, CAST(c.base AS CHAR) AS base, CAST(c.unit_amount AS CHAR) AS unit_amount, ' +
  'CAST(c.personal_amount AS CHAR) AS personal_amount, c.status, c.kind, c.unit_id, u.name AS unit_name, ' +
  'CAST(c.paid_at AS CHAR) AS paid_at ' +
  'FROM contribution_record c LEFT JOIN unit u ON u.id = c.unit_id WHERE c.person_id = ? ORDER BY c.period DESC, c.id'

/** Every record of the person, newest period first, then insurance type order, then kind. */
export async function readContributionFacts(db: SqlReader, personId: number): Promise<ContributionFact[]> {
  const rows = await db.query<RawRow>(PERSON_CONTRIBUTIONS_SQL, [personId])
  const facts = rows.map(
    (r): ContributionFact => ({
      period: Number(r.period),
      insuranceType: r.insurance_type,
      baseFen: decimal2ToFen(r.base),
      unitFen: decimal2ToFen(r.unit_amount),
      personalFen: decimal2ToFen(r.personal_amount),
      status: r.status,
      kind: r.kind,
      unitId: r.unit_id === null ? null : Number(r.unit_id),
      unitName: r.unit_name,
      paidAt: r.paid_at
    })
  )
  facts.sort(
    (a, b) =>
      b.period - a.period ||
      (TYPE_ORDER.get(a.insuranceType) ?? 99) - (TYPE_ORDER.get(b.insuranceType) ?? 99) ||
      (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99)
  )
  return facts
}

const PAID = new Set(['PAID', 'BACK_PAID'])
/** 累计缴费月数 counts the employee pension schemes (企业职工 and 机关事业单位 养老保险), not the resident scheme. */
const PENSION_TYPES = new Set<string>(['PENSION', 'PUBLIC_PENSION'])

export function isPaid(status: string): boolean {
  return PAID.has(status)
}

/** Totals of a set of records (see ContributionStats in shared/src/api/person.ts for the definitions). */
export function statsOf(facts: readonly ContributionFact[]): ContributionStats {
  const months = new Set<number>()
  const paidMonths = new Set<number>()
  const arrearsMonths = new Set<number>()
  let unit = 0
  let personal = 0
  let arrears = 0
  let baseSum = 0
  let baseCount = 0
  for (const f of facts) {
    months.add(f.period)
    if (PAID.has(f.status)) {
      paidMonths.add(f.period)
      unit += f.unitFen
      personal += f.personalFen
      if (f.kind !== 'ADJUSTMENT') {
        baseSum += f.baseFen
        baseCount++
      }
    } else if (f.status === 'ARREARS') {
      arrearsMonths.add(f.period)
      arrears += f.unitFen + f.personalFen
    }
  }
  const averageBaseFen = averageFen(baseSum, baseCount)
  return {
    records: facts.length,
    months: months.size,
    paidMonths: paidMonths.size,
    arrearsMonths: arrearsMonths.size,
    averageBaseFen,
    averageBaseYuan: yuan(averageBaseFen),
    unitAmountFen: unit,
    unitAmountYuan: yuan(unit),
    personalAmountFen: personal,
    personalAmountYuan: yuan(personal),
    arrearsAmountFen: arrears,
    arrearsAmountYuan: yuan(arrears)
  }
}

/** 累计缴费月数: distinct periods with a paid employee-pension record. */
export function monthsPaidOf(facts: readonly ContributionFact[]): number {
  const s = new Set<number>()
  for (const f of facts) if (PENSION_TYPES.has(f.insuranceType) && PAID.has(f.status)) s.add(f.period)
  return s.size
}

export interface ContributionsFilter {
  year?: number | undefined
  insuranceType?: InsuranceType | undefined
  page: number
  pageSize: number
}

export async function listContributions(db: SqlReader, personId: number, q: ContributionsFilter): Promise<ContributionsResponse> {
  const facts = await readContributionFacts(db, personId)
  const years = new Set<number>()
  const types = new Set<string>()
  for (const f of facts) {
    years.add(Math.floor(f.period / 100))
    types.add(f.insuranceType)
  }
  const selected = facts.filter(
    (f) => (q.year === undefined || Math.floor(f.period / 100) === q.year) && (q.insuranceType === undefined || f.insuranceType === q.insuranceType)
  )
  const start = (q.page - 1) * q.pageSize
  const pageFacts = selected.slice(start, start + q.pageSize)
  return {
    page: q.page,
    pageSize: q.pageSize,
    total: selected.length,
    items: pageFacts.map(toRow),
    year: q.year ?? null,
    insuranceType: q.insuranceType ?? null,
    years: [...years].sort((a, b) => b - a),
    insuranceTypes: InsuranceTypes.codes.filter((c) => types.has(c)).map((code) => ({ code, label: InsuranceTypes.label(code) })),
    totals: statsOf(selected),
    monthsPaid: monthsPaidOf(facts)
  }
}

/** The chart's default type: the person's own pension scheme (企业, 机关事业, 城乡居民), else the first type they pay. */
const CHART_DEFAULTS: readonly InsuranceType[] = ['PENSION', 'PUBLIC_PENSION', 'RESIDENT_PENSION']

export async function contributionSummary(db: SqlReader, personId: number, asked: InsuranceType | undefined): Promise<ContributionSummaryResponse> {
  const facts = await readContributionFacts(db, personId)
  const has = new Set(facts.map((f) => f.insuranceType))
  const insuranceType =
    asked ?? CHART_DEFAULTS.find((t) => has.has(t)) ?? InsuranceTypes.codes.find((t) => has.has(t)) ?? 'PENSION'
  const byYear = new Map<number, ContributionFact[]>()
  for (const f of facts) {
    if (f.insuranceType !== insuranceType) continue
    const y = Math.floor(f.period / 100)
    const list = byYear.get(y) ?? []
    list.push(f)
    byYear.set(y, list)
  }
  return {
    insuranceType,
    insuranceLabel: InsuranceTypes.label(insuranceType),
    years: [...byYear.keys()].sort((a, b) => a - b).map((year) => ({ year, ...statsOf(byYear.get(year) ?? []) })),
    monthsPaid: monthsPaidOf(facts)
  }
}

function toRow(f: ContributionFact): ContributionRow {
  const paidAt = f.paidAt === null ? null : new Date(`${f.paidAt.replace(' ', 'T')}Z`)
  return {
    period: f.period,
    periodText: periodText(f.period),
    insuranceType: f.insuranceType,
    insuranceLabel: InsuranceTypes.get(f.insuranceType)?.shortLabel ?? f.insuranceType,
    baseFen: f.baseFen,
    baseYuan: yuan(f.baseFen),
    unitAmountFen: f.unitFen,
    unitAmountYuan: yuan(f.unitFen),
    personalAmountFen: f.personalFen,
    personalAmountYuan: yuan(f.personalFen),
    status: f.status,
    statusLabel: ContributionStatuses.label(f.status),
    kind: f.kind,
    kindLabel: ContributionKinds.label(f.kind),
    unitName: f.unitName,
    paidAt: instantOrNull(paidAt),
    paidAtText: instantTextOrNull(paidAt)
  }
}
