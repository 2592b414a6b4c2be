// 单位职工社会保险暂停 (减员/停保, §3.3.17): instant. The worker must be contributing in this unit for each chosen
// type; the stop month cannot precede this enrolment's start; the stop month is payable and must be paid before
// the stop is declared (R004-23/24: "停保时间当月要缴费", "离职的当月需要给该员工先缴费再来办理此功能") — paid means
// a paid contribution record of that month, or the unit's 最大核止期号 reaching it. Reasons R32. Effect: the
// enrolments become 暂停缴费 with the stop period, date and reason.
import {
  InsuranceTypes,
  formatPeriod,
  periodOfDate,
  type RowIssue,
  type StaffStopRow
} from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { chunks, dateOnly, enrolmentsOf, insuranceLabel } from './lookup.ts'
import { identifyWorkers } from './staff-common.ts'
import type { CheckContext, EffectContext, MatterHandler, RowCheck } from './types.ts'

export interface StopLikeRow {
  personNo?: string | undefined
  idNumber: string
  name: string
  insuranceTypes: string[]
}

const COLUMNS = { idNumber: '身份证号码', name: '姓名', personNo: '个人编号' }

const periodText = formatPeriod // 202405 → "2024年05月"

/**
 * The common checks of a stop-like change (减员 and 减少险种): the worker, each type contributing here, the stop
 * month after this enrolment's start and already paid.
 */
export async function checkStopLike(
  ctx: CheckContext,
  rows: StopLikeRow[],
  stopDateOf: (row: StopLikeRow) => string,
  stop: { field: string; column: string },
  typesColumn: string
): Promise<RowCheck[]> {
  const unit = ctx.unit
  if (!unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  const ids = await identifyWorkers(ctx, rows, COLUMNS)
  const enrolments = await enrolmentsOf(ctx.db, ids.flatMap((x) => (x.person ? [x.person.id] : [])), ['ACTIVE'])
  const settled = new Map(
    (await ctx.db.unitInsurance.findMany({ where: { unitId: unit.id }, select: { insuranceType: true, lastSettledPeriod: true } })).map((u) => [
      u.insuranceType as string,
      u.lastSettledPeriod ?? 0
    ])
  )
  // Paid contribution records of the stop months: one query per chunk of persons.
  const paid = new Set<string>()
  const wanted = rows.flatMap((r, i) => (ids[i]?.person ? [{ personId: ids[i]!.person!.id, period: periodOfDate(stopDateOf(r)) }] : []))
  for (const part of chunks(wanted)) {
    const recs = await ctx.db.contributionRecord.findMany({
      where: {
        unitId: unit.id,
        status: { in: ['PAID', 'BACK_PAID'] },
        OR: part.map((w) => ({ personId: w.personId, period: w.period }))
      },
      select: { personId: true, period: true, insuranceType: true }
    })
    for (const r of recs) paid.add(`${r.personId}:${r.insuranceType}:${r.period}`)
  }
  return rows.map((row, i) => {
    const id = ids[i] as { person?: { id: number }; issues: RowIssue[] }
    const issues = [...id.issues]
    if (!id.person) return { issues }
    const personId = id.person.id
    const stopPeriod = periodOfDate(stopDateOf(row))
    const mine = (enrolments.get(personId) ?? []).filter((e) => e.unitId === unit.id)
    for (const t of row.insuranceTypes) {
      const e = mine.find((x) => x.insuranceType === t)
      if (!e) {
        issues.push({ field: 'insuranceTypes', column: typesColumn, reason: `该人员在本单位未处于${insuranceLabel(t)}参保缴费状态` })
        continue
      }
      if (stopPeriod < e.startPeriod) {
        issues.push({ field: stop.field, column: stop.column, reason: `停保时间不能早于本次参保开始年月（${periodText(e.startPeriod)}）` })
      } else if (!paid.has(`${personId}:${t}:${stopPeriod}`) && (settled.get(t) ?? 0) < stopPeriod) {
        issues.push({
          field: stop.field,
          column: stop.column,
          reason: `${InsuranceTypes.byCode[t as 'PENSION'].shortLabel}停保当月（${periodText(stopPeriod)}）的社保费尚未缴纳：离职的当月需要先缴费再办理停保，如果当月开始不缴费，停保时间选择上个月`
        })
      }
    }
    return { issues, personId }
  })
}

/** Suspend the chosen enrolments of each row (inside the effect transaction), after checking again. */
export async function applyStopLike(
  ctx: EffectContext,
  stopDateOf: (row: StopLikeRow) => string,
  reasonOf: (row: StopLikeRow) => string,
  check: (ctx: CheckContext, rows: StopLikeRow[]) => Promise<RowCheck[]>
): Promise<void> {
  const unit = ctx.unit as NonNullable<EffectContext['unit']>
  const rows = ctx.items.map((i) => i.data as unknown as StopLikeRow)
  const checks = await check(ctx, rows)
  const problems = checks.flatMap((c, i) => c.issues.map((x) => `第${ctx.items[i]?.rowNo}行：${x.reason}`))
  if (problems.length) throw new AppError('RULE_VIOLATION', { detail: problems.slice(0, 5).join('；') })
  // Rows with the same stop date, reason and types are suspended by one statement (a 10 000-row file stays fast);
  // every chosen enrolment must still be contributing here, or the whole effect is refused.
  const groups = new Map<string, { stopDate: string; reason: string; types: string[]; personIds: number[] }>()
  for (const [i, row] of rows.entries()) {
    const types = [...row.insuranceTypes].sort()
    const key = `${stopDateOf(row)}|${reasonOf(row)}|${types.join(',')}`
    const g = groups.get(key) ?? { stopDate: stopDateOf(row), reason: reasonOf(row), types, personIds: [] }
    g.personIds.push(checks[i]?.personId as number)
    groups.set(key, g)
  }
  for (const g of groups.values()) {
    for (const part of chunks(g.personIds)) {
      const n = await ctx.db.enrolment.updateMany({
        where: { personId: { in: part }, unitId: unit.id, status: 'ACTIVE', insuranceType: { in: g.types as never[] } },
        data: { status: 'SUSPENDED', stopPeriod: periodOfDate(g.stopDate), stoppedOn: dateOnly(g.stopDate), stopReason: g.reason }
      })
      if (n.count !== part.length * g.types.length) throw new AppError('RULE_VIOLATION', { detail: '参保状态已发生变化，请重新校验' })
    }
  }
  await ctx.db.$executeRaw`UPDATE case_item ci JOIN person p ON p.id_number = JSON_UNQUOTE(JSON_EXTRACT(ci.data, '$.idNumber'))
    SET ci.person_id = p.id WHERE ci.case_id = ${ctx.caseId} AND ci.row_no > 0`
}

const stopDate = (r: StopLikeRow) => (r as unknown as StaffStopRow).stopDate
const check = (ctx: CheckContext, rows: StopLikeRow[]) => checkStopLike(ctx, rows, stopDate, { field: 'stopDate', column: '停保(减员)日期' }, '停保险种')

export const staffStopHandler: MatterHandler = {
  code: 'STAFF_STOP',
  checkRows: (ctx, rows) => check(ctx, rows as unknown as StopLikeRow[]),
  apply: (ctx) => applyStopLike(ctx, stopDate, (r) => (r as unknown as StaffStopRow).reason, check)
}
