// 稽核认定缴费基数 (seed 002 §3.3.21, R40): the base the center's audit (稽核) determined for a worker of a unit over a
// range of months, and the rule that a 缴费工资变更 touching those months must arrive at exactly that base.
//
// The center records them (`/api/review/audit-bases`, reviewer; a reviewer with a region reaches only the units of
// that region — another region's unit, or a person never enrolled in the unit, answers 404 like a missing one):
//  - the unit by 单位编号, the worker by ID number, enrolled in that unit (any type, any status);
//  - one insurance type, or all (insurance_type NULL);
//  - a range of months up to the current month (an audit looks back), start ≤ end;
//  - a base the product could generate for every social year of the range: within that year's floor and ceiling,
//    and whole 10 yuan unless it is the floor or the ceiling itself (shared `contributionBase`: half-up to 10 yuan,
//    then floor/cap) — a base no declared wage can reach would make every change of those months fail;
//  - not overlapping another determination of the same worker and unit for the same type (or for all types):
//    two audited bases for one month would contradict each other (422);
//  - once per Idempotency-Key, under the unit's row lock (two reviewers recording at once cannot both pass the
//    overlap check).
// The seed records its demo determinations through `recordAuditBase` too (prisma/seed/audit-bases.ts).
import {
  InsuranceTypes,
  maskIdNumber,
  pageOf,
  pageOffset,
  periodRange,
  shanghaiPeriod,
  socialYearOf,
  type AuditBaseRow,
  type Fen,
  type RowIssue,
  type UnitInsuranceType
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { Outcome } from '../cases/idempotency.ts'
import { regionPrefix } from '../review/scope.ts'
import { contributionsNow } from './clock.ts'
import { dec, instant, instantText, periodText, toFen, yuan } from './convert.ts'
import { boundsOf, findPolicy } from './policy.ts'
import { changeUnit } from './unit-change.ts'

type Db = PrismaClient | Tx

/** One determination as the wage-change rule reads it. */
export interface AuditBase {
  personId: number
  /** null: every insurance type. */
  insuranceType: UnitInsuranceType | null
  startPeriod: number
  endPeriod: number
  baseFen: Fen
  documentNo: string
}

export interface AuditBaseInput {
  unitNo: string
  idNumber: string
  insuranceType?: UnitInsuranceType | null | undefined
  startPeriod: number
  endPeriod: number
  baseFen: number
  documentNo: string
  remark?: string | undefined
}

/** "2025年01月至2025年03月" (one month: "2025年01月"). */
export function rangeText(from: number, to: number): string {
  return from === to ? periodText(from) : `${periodText(from)}至${periodText(to)}`
}

/** Months (sorted, distinct) as ranges of consecutive months: "2024年11月至2024年12月、2025年03月". */
function rangesText(periods: number[]): string {
  const sorted = [...new Set(periods)].sort((a, b) => a - b)
  const parts: string[] = []
  let start = sorted[0]
  let prev = sorted[0]
  for (const p of sorted.slice(1).concat([Number.NaN])) {
    if (start === undefined || prev === undefined) break
    const next = prev % 100 === 12 ? prev + 89 : prev + 1
    if (p === next) {
      prev = p
      continue
    }
    parts.push(rangeText(start, prev))
    start = p
    prev = p
  }
  return parts.join('、')
}

const typeLabel = (t: string | null) => (t ? InsuranceTypes.label(t) : '全部险种')

/** The reviewer (active) and the region prefix they reach (null: every region). */
async function reviewerOf(prisma: Db, auth: AuthContext): Promise<{ id: number; name: string; prefix: string | null }> {
  if (auth.role !== 'reviewer') throw new AppError('FORBIDDEN')
  const r = await prisma.reviewer.findUnique({ where: { id: auth.reviewerId as number }, select: { id: true, name: true, active: true, regionCode: true } })
  if (!r || !r.active) throw new AppError('UNAUTHENTICATED')
  return { id: r.id, name: r.name, prefix: r.regionCode ? regionPrefix(r.regionCode) : null }
}

const rowSelect = {
  id: true,
  insuranceType: true,
  startPeriod: true,
  endPeriod: true,
  base: true,
  documentNo: true,
  remark: true,
  recordedByName: true,
  createdAt: true,
  unit: { select: { unitNo: true, name: true } },
  person: { select: { personNo: true, name: true, idNumber: true } }
} as const

type StoredRow = {
  id: number
  insuranceType: string | null
  startPeriod: number
  endPeriod: number
  base: Parameters<typeof toFen>[0]
  documentNo: string
  remark: string | null
  recordedByName: string
  createdAt: Date
  unit: { unitNo: string; name: string }
  person: { personNo: string; name: string; idNumber: string }
}

function rowOf(r: StoredRow): AuditBaseRow {
  const baseFen = toFen(r.base)
  return {
    id: r.id,
    unitNo: r.unit.unitNo,
    unitName: r.unit.name,
    personNo: r.person.personNo,
    name: r.person.name,
    idNumber: maskIdNumber(r.person.idNumber),
    insuranceType: r.insuranceType as UnitInsuranceType | null,
    insuranceLabel: typeLabel(r.insuranceType),
    startPeriod: r.startPeriod,
    endPeriod: r.endPeriod,
    periodText: rangeText(r.startPeriod, r.endPeriod),
    baseFen,
    baseYuan: yuan(baseFen),
    documentNo: r.documentNo,
    remark: r.remark,
    recordedBy: r.recordedByName,
    recordedAt: instant(r.createdAt),
    recordedAtText: instantText(r.createdAt)
  }
}

/** 稽核认定缴费基数 of the units the reviewer reaches, newest first; by 单位编号 and / or ID number. */
export async function listAuditBases(prisma: PrismaClient, auth: AuthContext, q: { page: number; pageSize: number; unitNo?: string | undefined; idNumber?: string | undefined }) {
  const reviewer = await reviewerOf(prisma, auth)
  const where = {
    unit: { ...(reviewer.prefix ? { regionCode: { startsWith: reviewer.prefix } } : {}), ...(q.unitNo ? { unitNo: q.unitNo } : {}) },
    ...(q.idNumber ? { person: { idNumber: q.idNumber.toUpperCase() } } : {})
  }
  const [total, rows] = await Promise.all([
    prisma.auditBaseDetermination.count({ where }),
    prisma.auditBaseDetermination.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: pageOffset(q), take: q.pageSize, select: rowSelect })
  ])
  return pageOf(rows.map(rowOf), total, q)
}

/** The base must be one the product can generate in every social year of the range (see the head comment). */
async function checkBase(db: Db, regionCode: string, input: AuditBaseInput): Promise<void> {
  const years = [...new Set(periodRange(input.startPeriod, input.endPeriod).map(socialYearOf))]
  for (const year of years) {
    const policy = await findPolicy(db, regionCode, year)
    if (!policy) throw new AppError('POLICY_NOT_PUBLISHED', { detail: `${year}社保年度` })
    const { floorFen, ceilingFen } = boundsOf(policy)
    if (input.baseFen < floorFen || input.baseFen > ceilingFen) {
      throw new AppError('VALIDATION_FAILED', { field: 'baseFen', detail: `须在${year}社保年度缴费基数下限至上限之间（${yuan(floorFen)}元至${yuan(ceilingFen)}元）` })
    }
    if (input.baseFen % 1000 !== 0 && input.baseFen !== floorFen && input.baseFen !== ceilingFen) {
      throw new AppError('VALIDATION_FAILED', { field: 'baseFen', detail: `须保留到10元（或等于${year}社保年度缴费基数下限、上限）` })
    }
  }
}

/**
 * Record a 稽核认定缴费基数 (201). Accepts Idempotency-Key (a repeated key replays the first answer). `now` decides
 * the current month (the module clock by default; the seed passes its own today).
 */
export async function recordAuditBase(prisma: PrismaClient, auth: AuthContext, input: AuditBaseInput, idempotencyKey: string | undefined, now = contributionsNow()): Promise<Outcome<AuditBaseRow>> {
  const reviewer = await reviewerOf(prisma, auth)
  const unit = await prisma.unit.findFirst({
    where: { unitNo: input.unitNo, ...(reviewer.prefix ? { regionCode: { startsWith: reviewer.prefix } } : {}) },
    select: { id: true, regionCode: true }
  })
  if (!unit) throw new AppError('NOT_FOUND', { message: '未查询到该单位（单位编号不存在或不属于本中心）' })
  const person = await prisma.person.findFirst({
    where: { idNumber: input.idNumber, enrolments: { some: { unitId: unit.id } } },
    select: { id: true }
  })
  if (!person) throw new AppError('NOT_FOUND', { message: '未查询到该人员在该单位的参保信息' })
  const current = shanghaiPeriod(now)
  if (input.endPeriod > current) throw new AppError('VALIDATION_FAILED', { field: 'endPeriod', detail: `不能晚于本月（${periodText(current)}）` })
  if (input.startPeriod > input.endPeriod) throw new AppError('VALIDATION_FAILED', { field: 'endPeriod', detail: '不能早于开始年月' })
  const insuranceType = input.insuranceType ?? null
  const fingerprint = { op: 'contrib.audit-base', ...input, insuranceType, remark: input.remark ?? null }
  return changeUnit(prisma, { auth, unitId: unit.id, idempotencyKey, fingerprint }, async (tx) => {
    await checkBase(tx, unit.regionCode, input)
    const clash = await tx.auditBaseDetermination.findFirst({
      where: {
        unitId: unit.id,
        personId: person.id,
        startPeriod: { lte: input.endPeriod },
        endPeriod: { gte: input.startPeriod },
        ...(insuranceType ? { OR: [{ insuranceType: null }, { insuranceType }] } : {})
      },
      orderBy: { startPeriod: 'asc' },
      select: { startPeriod: true, endPeriod: true, insuranceType: true, documentNo: true }
    })
    if (clash) {
      throw new AppError('RULE_VIOLATION', {
        field: 'startPeriod',
        detail: `该人员在本单位${rangeText(clash.startPeriod, clash.endPeriod)}已有稽核认定的缴费基数（${typeLabel(clash.insuranceType)}，稽核文书号${clash.documentNo}），时段不能重叠`
      })
    }
    const created = await tx.auditBaseDetermination.create({
      data: {
        unitId: unit.id,
        personId: person.id,
        insuranceType,
        startPeriod: input.startPeriod,
        endPeriod: input.endPeriod,
        base: dec(input.baseFen),
        documentNo: input.documentNo,
        remark: input.remark ? input.remark : null,
        recordedById: reviewer.id,
        recordedByName: reviewer.name
      },
      select: rowSelect
    })
    return { status: 201, body: rowOf(created) }
  })
}

/** The determinations of these workers in the unit that touch the months from … to. */
export async function auditBasesOf(db: Db, unitId: number, personIds: number[], from: number, to: number): Promise<AuditBase[]> {
  if (personIds.length === 0) return []
  const rows = await db.auditBaseDetermination.findMany({
    where: { unitId, personId: { in: personIds }, startPeriod: { lte: to }, endPeriod: { gte: from } },
    orderBy: [{ startPeriod: 'asc' }, { id: 'asc' }],
    select: { personId: true, insuranceType: true, startPeriod: true, endPeriod: true, base: true, documentNo: true }
  })
  return rows.map((r) => ({ ...r, insuranceType: r.insuranceType as UnitInsuranceType | null, baseFen: toFen(r.base) }))
}

/**
 * R40 on one row of a 缴费工资变更: the bases the row would give its worker's paid months (one per month and type)
 * against the worker's determinations. Months a determination covers (its type, or all types) whose base differs
 * fail the row, one issue per determination naming its base, the months and its 稽核文书号; months outside every
 * determination are not concerned.
 */
export function auditBaseIssues(audits: readonly AuditBase[], months: ReadonlyArray<{ period: number; insuranceType: UnitInsuranceType; baseFen: Fen }>): RowIssue[] {
  const issues: RowIssue[] = []
  for (const a of audits) {
    const wrong = months.filter((m) => m.period >= a.startPeriod && m.period <= a.endPeriod && (a.insuranceType === null || a.insuranceType === m.insuranceType) && m.baseFen !== a.baseFen)
    if (wrong.length === 0) continue
    const declared = [...new Set(wrong.map((m) => m.baseFen))].sort((x, y) => x - y).map((f) => `${yuan(f)}元`).join('、')
    const scope = a.insuranceType ? `，${typeLabel(a.insuranceType)}` : ''
    issues.push({
      field: 'monthlyWage',
      column: '上年月均工资',
      reason: `按申报工资核定的缴费基数（${declared}）与稽核部门认定的缴费基数（${yuan(a.baseFen)}元，${rangesText(wrong.map((m) => m.period))}${scope}，稽核文书号${a.documentNo}）不一致，请按认定结果重新申报`
    })
  }
  return issues
}
