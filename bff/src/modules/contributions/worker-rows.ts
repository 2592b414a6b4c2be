// What the contributions matters on the case engine share about their rows, each row a worker (by ID number) and
// mostly a range of months: 补缴 (back-payment.ts), 缴费工资变更 (wage-change.ts), 多缴退费 (refund.ts), 缴费工资申报
// (wage-declaration.ts). Their checks start alike (the clerk's unit, the rows' workers, the months they span), name
// the worker alike, compute a month alike (that social year's bounds and rates), and their effects refuse alike when
// a row no longer passes inside the approving transaction.
import { contributionBase, contributionLine, type RowIssue, type UnitInsuranceType } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import { personsByIdNumber } from '../matters/lookup.ts'
import type { CheckContext } from '../matters/types.ts'
import { boundsOf, unitRate, type Policy } from './policy.ts'

type Db = PrismaClient | Tx

/** The fields every such row has (the matter's zod row has them under these names). */
export interface WorkerRow {
  personNo?: string | undefined
  idNumber: string
  name: string
}

/** A worker's row over a range of months (YYYYMM, inclusive). */
export interface WorkerPeriodRow extends WorkerRow {
  startPeriod: number
  endPeriod: number
}

/** One month of one insurance type of one worker, in fen: a record to write (补缴) or a difference (变更). */
export interface MonthAmounts {
  personId: number
  insuranceType: UnitInsuranceType
  period: number
  baseFen: number
  unitFen: number
  personalFen: number
}

type Worker = Awaited<ReturnType<typeof personsByIdNumber>> extends Map<string, infer P> ? P : never

/** The applying unit: these matters are the unit's (a person's case → 403 MATTER_NOT_FOR_ROLE). */
export function applyingUnit(ctx: Pick<CheckContext, 'unit'>): NonNullable<CheckContext['unit']> {
  if (!ctx.unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  return ctx.unit
}

/** The rows' workers by ID number (absent: not registered) and their ids. */
export async function rowWorkers(db: Db, rows: readonly WorkerRow[]): Promise<{ persons: Map<string, Worker>; ids: number[] }> {
  const persons = await personsByIdNumber(db, rows.map((r) => r.idNumber))
  return { persons, ids: [...persons.values()].map((p) => p.id) }
}

/** The first and last month any row names. */
export function monthSpan(rows: readonly WorkerPeriodRow[]): { from: number; to: number } {
  return { from: Math.min(...rows.map((r) => r.startPeriod)), to: Math.max(...rows.map((r) => r.endPeriod)) }
}

/** The unit's 工伤 risk class (行业风险类别; 1 when unknown). */
export async function unitRiskClass(db: Db, unitId: number): Promise<number> {
  return (await db.unit.findUnique({ where: { id: unitId }, select: { riskClass: true } }))?.riskClass ?? 1
}

/**
 * Is the row's worker the registered one? Not registered → an issue on the ID number; registered under another
 * name → on the name; with `personNo`, a 个人编号 that is someone else's → on it. `idLabel` is the column's name in
 * the matter's template (身份证号码 / 证件号码).
 */
export function workerIssues(p: Worker | undefined, row: WorkerRow, idLabel: string, opts: { personNo?: boolean } = {}): RowIssue[] {
  if (!p) return [{ field: 'idNumber', column: idLabel, reason: '未查询到该人员的参保信息' }]
  const issues: RowIssue[] = []
  if (p.name !== row.name) issues.push({ field: 'name', column: '姓名', reason: `姓名与该${idLabel}登记的姓名不一致` })
  if (opts.personNo && row.personNo !== undefined && row.personNo !== p.personNo) {
    issues.push({ field: 'personNo', column: '个人编号', reason: `个人编号与${idLabel}不一致` })
  }
  return issues
}

/** A month's base and amounts at that social year's policy: the wage floored/capped by its bounds (R39, R58), the
 *  type's rates (工伤 at the unit's class). */
export function monthAmounts(policy: Policy, type: UnitInsuranceType, wageFen: number, riskClass: number): { baseFen: number; unitFen: number; personalFen: number } {
  const baseFen = contributionBase(wageFen, boundsOf(policy))
  const line = contributionLine(type, baseFen, unitRate(policy, type, riskClass))
  return { baseFen, unitFen: line.unitFen, personalFen: line.personalFen }
}

/** The issue of a month whose social year has no published policy (its column as the template names it). */
export function policyMissing(socialYear: number, column: string): RowIssue {
  return { field: 'startPeriod', column, reason: `${socialYear}社保年度的缴费政策参数尚未公布` }
}

/** Effects re-check the rows inside the approving transaction: any issue → 422 RULE_VIOLATION naming the rows
 *  (the first five, and how many in all). */
export function refuseFailedRows(items: ReadonlyArray<{ rowNo: number }>, checks: ReadonlyArray<{ issues: RowIssue[] }>): void {
  const problems = checks.flatMap((c, i) => c.issues.map((x) => `第${items[i]?.rowNo}行：${x.reason}`))
  if (problems.length) throw new AppError('RULE_VIOLATION', { detail: problems.slice(0, 5).join('；') + (problems.length > 5 ? `等${problems.length}项` : '') })
}
