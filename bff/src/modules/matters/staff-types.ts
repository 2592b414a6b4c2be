// 单位职工减少险种登记 (§3.3.18, instant) and 单位职工增加险种登记 (§3.3.19, reviewed).
// Reducing is a partial stop (the same stop-month rules as 减员); reducing every type the worker has here is a
// 减员, not a reduction. Adding needs a worker currently contributing here, the unit in the type, the type not
// contributing here or in another unit (the other unit stops first, as R004-25), base from 上年月均工资.
import {
  StopReason,
  contributionBase,
  periodOfDate,
  type RowIssue,
  type StaffAddTypesRow,
  type StaffReduceTypesRow
} from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { baseBounds, dateOnly, enrolmentsOf, fenToDecimal, insuranceLabel, lockPersons } from './lookup.ts'
import { identifyWorkers } from './staff-common.ts'
import { applyStopLike, checkStopLike, type StopLikeRow } from './staff-stop.ts'
import type { CheckContext, EffectContext, MatterHandler, RowCheck } from './types.ts'

// ── 减少险种 ──
const changeDate = (r: StopLikeRow) => (r as unknown as StaffReduceTypesRow).changeDate

async function checkReduce(ctx: CheckContext, rows: StopLikeRow[]): Promise<RowCheck[]> {
  const checks = await checkStopLike(ctx, rows, changeDate, { field: 'changeDate', column: '变更日期' }, '减少险种')
  const personIds = checks.flatMap((c) => (c.personId ? [c.personId] : []))
  const active = await enrolmentsOf(ctx.db, personIds, ['ACTIVE'])
  return checks.map((c, i) => {
    if (!c.personId || c.issues.length) return c
    const here = (active.get(c.personId) ?? []).filter((e) => e.unitId === ctx.unit?.id).map((e) => e.insuranceType)
    const remaining = here.filter((t) => !(rows[i] as StopLikeRow).insuranceTypes.includes(t))
    if (remaining.length === 0) {
      return { ...c, issues: [{ field: 'insuranceTypes', column: '减少险种', reason: '减少全部险种请办理“单位职工社会保险暂停”' }] }
    }
    return c
  })
}

export const staffReduceTypesHandler: MatterHandler = {
  code: 'STAFF_REDUCE_TYPES',
  checkRows: (ctx, rows) => checkReduce(ctx, rows as unknown as StopLikeRow[]),
  apply: (ctx) => applyStopLike(ctx, changeDate, () => StopReason.OTHER, checkReduce)
}

// ── 增加险种 ──
async function checkAdd(ctx: CheckContext, raw: Record<string, unknown>[]): Promise<RowCheck[]> {
  const unit = ctx.unit
  if (!unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  const rows = raw as unknown as StaffAddTypesRow[]
  const ids = await identifyWorkers(ctx, rows, { idNumber: '身份证号码', name: '姓名', personNo: '个人编号' })
  const active = await enrolmentsOf(ctx.db, ids.flatMap((x) => (x.person ? [x.person.id] : [])), ['ACTIVE'])
  const unitTypes = new Set(
    (await ctx.db.unitInsurance.findMany({ where: { unitId: unit.id, status: 'ACTIVE' }, select: { insuranceType: true } })).map((u) => u.insuranceType as string)
  )
  const out: RowCheck[] = []
  for (const [i, row] of rows.entries()) {
    const id = ids[i] as (typeof ids)[number]
    const issues: RowIssue[] = [...id.issues]
    if (!id.person) {
      out.push({ issues })
      continue
    }
    const all = active.get(id.person.id) ?? []
    if (!all.some((e) => e.unitId === unit.id)) {
      issues.push({ field: 'idNumber', column: '身份证号码', reason: '该人员不是本单位在职参保人员，请办理“单位职工参保登记/续保”' })
    }
    for (const t of row.insuranceTypes) {
      if (!unitTypes.has(t)) issues.push({ field: 'insuranceTypes', column: '参保险种', reason: `本单位未参加${insuranceLabel(t)}` })
      const e = all.find((x) => x.insuranceType === t)
      if (e && e.unitId === unit.id) issues.push({ field: 'insuranceTypes', column: '参保险种', reason: `该人员已在本单位参加${insuranceLabel(t)}` })
      else if (e) issues.push({ field: 'insuranceTypes', column: '参保险种', reason: `该人员${insuranceLabel(t)}在其他单位处于参保缴费状态，须原单位先办理停保` })
    }
    const base = contributionBase(row.monthlyWage, await baseBounds(ctx.db, unit.regionCode, periodOfDate(row.changeDate)))
    out.push({ issues, personId: id.person.id, derived: { base } })
  }
  return out
}

async function applyAdd(ctx: EffectContext): Promise<void> {
  const unit = ctx.unit as NonNullable<EffectContext['unit']>
  await lockPersons(ctx.db, ctx.items.map((i) => String(i.data['idNumber'])))
  const checks = await checkAdd(ctx, ctx.items.map((i) => i.data))
  const problems = checks.flatMap((c, i) => c.issues.map((x) => `第${ctx.items[i]?.rowNo}行：${x.reason}`))
  if (problems.length) throw new AppError('RULE_VIOLATION', { detail: problems.slice(0, 5).join('；') })
  for (const [i, item] of ctx.items.entries()) {
    const row = item.data as unknown as StaffAddTypesRow
    const personId = checks[i]?.personId as number
    const data = {
      status: 'ACTIVE' as const,
      startedOn: dateOnly(row.changeDate),
      startPeriod: periodOfDate(row.changeDate),
      stopPeriod: null,
      stoppedOn: null,
      stopReason: null,
      monthlyBase: fenToDecimal(checks[i]?.derived?.['base'] as number),
      declaredWage: fenToDecimal(row.monthlyWage)
    }
    for (const t of row.insuranceTypes) {
      const existing = await ctx.db.enrolment.findFirst({ where: { personId, unitId: unit.id, insuranceType: t }, orderBy: { id: 'desc' }, select: { id: true } })
      if (existing) await ctx.db.enrolment.update({ where: { id: existing.id }, data })
      else await ctx.db.enrolment.create({ data: { personId, unitId: unit.id, insuranceType: t, ...data } })
    }
    await ctx.db.caseItem.update({ where: { id: item.id }, data: { personId } })
  }
}

export const staffAddTypesHandler: MatterHandler = { code: 'STAFF_ADD_TYPES', checkRows: checkAdd, apply: applyAdd }
