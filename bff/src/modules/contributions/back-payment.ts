// 补缴 for workers on the case engine (seed 002 §3.3.30; R49–R58, R004-20/21), two matters:
//  - BACK_PAYMENT (单位职工社会保险补缴申报, online, instant): only the 3 months before the current month (R004-21);
//  - LABOUR_CONTRACT_BACK_PAYMENT (劳动合同补缴, reviewed): periods after the person's 统账结合 date (R49), up to last
//    month; reason 劳动合同补缴 only while the person's back-paid months in all stay ≤ 36 (R49); other reasons
//    (行政审批历史追溯 / 法律文书 / 稽核整改) for longer; 视同缴费年限 needs a prior determination (R56, refused here);
//    materials by duration (R55): ≤ 3 years → 劳动合同 or 工资花名册等原始凭据 (二选一); beyond → one of 行政审批,
//    法院判决, 劳动保障监察, 劳动仲裁, 稽核整改通知书 — checked on submit against the case's uploaded materials.
// Both: the worker is registered, in service (R51: retirees/deceased need rollback flags we do not keep), enrolled in
// this unit for each type the unit takes part in; no month already paid, back-paid or pending for the type; each
// month's base = the declared 月平均工资 floored/capped by THAT social year's bounds (R58), amounts at that year's
// rates (work injury at the unit's class rate). Effect: one 应缴未到账 (DECLARED) record of kind 补缴 per worker,
// type and month (an existing 欠费 ARREARS record of the month is turned into it), unbilled. `POST /api/unit/bills
// { pending: true }` then bills them (补缴核定, interest and late fee from the 1st of the month after each period for
// periods from 1996-01 on, R54), and 到账 makes them 补缴到账.
import {
  addMonths,
  BackPaymentReasons,
  InsuranceTypes,
  LABOUR_CONTRACT_BACK_PAYMENT_MAX_MONTHS,
  monthsInclusive,
  ONLINE_BACK_PAYMENT_MAX_MONTHS,
  periodOfDate,
  periodRange,
  shanghaiPeriod,
  socialYearOf,
  type RowIssue,
  type UnitInsuranceType
} from '@shebao/shared'
import type { Tx } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import type { CheckContext, EffectContext, MatterHandler, RowCheck } from '../matters/types.ts'
import { contributionsNow } from './clock.ts'
import { dec, isoDate, periodText } from './convert.ts'
import { findPolicy, type Policy } from './policy.ts'
import { applyingUnit, monthAmounts, monthSpan, policyMissing, refuseFailedRows, rowWorkers, unitRiskClass, workerIssues, type MonthAmounts, type WorkerPeriodRow } from './worker-rows.ts'

interface Row extends WorkerPeriodRow {
  monthlyWage: number
  insuranceTypes: UnitInsuranceType[]
  reason?: string
}

type Kind = 'ORDINARY' | 'LABOUR'

const LABOUR_REASON = '01'
const DEEMED_REASON = '02'
const ALLOWED_LABOUR_REASONS = new Set(['01', '03', '04', '05'])

/** A 补缴 record to write. */
export type PlannedRecord = MonthAmounts

async function policies(ctx: CheckContext, periods: number[]): Promise<Map<number, Policy | null>> {
  const out = new Map<number, Policy | null>()
  for (const y of new Set(periods.map(socialYearOf))) out.set(y, await findPolicy(ctx.db, (ctx.unit as { regionCode: string }).regionCode, y))
  return out
}

async function check(kind: Kind, ctx: CheckContext, raw: Record<string, unknown>[]): Promise<Array<RowCheck & { planned: PlannedRecord[] }>> {
  const unit = applyingUnit(ctx)
  const rows = raw as unknown as Row[]
  if (rows.length === 0) return []
  const current = shanghaiPeriod(contributionsNow())
  const riskClass = await unitRiskClass(ctx.db, unit.id)
  const unitTypes = new Set((await ctx.db.unitInsurance.findMany({ where: { unitId: unit.id, status: 'ACTIVE' }, select: { insuranceType: true } })).map((u) => u.insuranceType))
  const { persons, ids } = await rowWorkers(ctx.db, rows)
  const details = new Map(
    (ids.length ? await ctx.db.person.findMany({ where: { id: { in: ids } }, select: { id: true, accountStartDate: true } }) : []).map((p) => [p.id, p])
  )
  const enrolments = ids.length ? await ctx.db.enrolment.findMany({ where: { unitId: unit.id, personId: { in: ids } }, select: { personId: true, insuranceType: true } }) : []
  const enrolled = new Set(enrolments.map((e) => `${e.personId}:${e.insuranceType}`))
  const span = monthSpan(rows)
  const existing = ids.length
    ? await ctx.db.contributionRecord.findMany({
        where: { personId: { in: ids }, period: { gte: span.from, lte: span.to }, status: { in: ['PAID', 'BACK_PAID', 'DECLARED'] } },
        select: { personId: true, insuranceType: true, period: true }
      })
    : []
  const taken = new Set(existing.map((r) => `${r.personId}:${r.insuranceType}:${r.period}`))
  // Months already back-paid (or pending) per person, for the 36-month rule.
  const backPaid = new Map<number, Set<number>>()
  if (kind === 'LABOUR' && ids.length) {
    const prior = await ctx.db.contributionRecord.findMany({ where: { personId: { in: ids }, kind: 'BACK_PAYMENT', status: { in: ['BACK_PAID', 'DECLARED'] } }, select: { personId: true, period: true } })
    for (const r of prior) backPaid.set(r.personId, (backPaid.get(r.personId) ?? new Set()).add(r.period))
  }
  const pol = await policies(ctx, rows.flatMap((r) => (r.startPeriod <= r.endPeriod && monthsInclusive(r.startPeriod, r.endPeriod) <= 600 ? periodRange(r.startPeriod, r.endPeriod) : [])))

  return rows.map((row) => {
    const issues: RowIssue[] = []
    const p = persons.get(row.idNumber)
    const months = monthsInclusive(row.startPeriod, row.endPeriod)
    const last = addMonths(current, -1)
    if (kind === 'ORDINARY') {
      const first = addMonths(current, -ONLINE_BACK_PAYMENT_MAX_MONTHS)
      if (row.startPeriod < first || row.endPeriod > last) {
        issues.push({
          field: row.startPeriod < first ? 'startPeriod' : 'endPeriod',
          column: row.startPeriod < first ? '开始期号' : '结束期号',
          reason: `网上只能补缴当前月份以前3个月（${periodText(first)}至${periodText(last)}）的社保费；更早的月份请办理劳动合同补缴`
        })
      }
    } else {
      if (row.endPeriod > last) issues.push({ field: 'endPeriod', column: '结束期号', reason: `结束期号不能晚于上月（${periodText(last)}），当月请办理单位缴费申报` })
      if (row.reason === DEEMED_REASON) issues.push({ field: 'reason', column: '补缴原因', reason: '视同缴费年限补缴需先经认定部门认定后再申报补缴（请办理视同缴费年限补缴申报）' })
      else if (!ALLOWED_LABOUR_REASONS.has(row.reason ?? '')) issues.push({ field: 'reason', column: '补缴原因', reason: `补缴原因“${BackPaymentReasons.label(row.reason ?? '')}”不适用于本事项` })
    }
    issues.push(...workerIssues(p, row, '身份证号码', { personNo: true }))
    if (p) {
      if (p.status !== 'ACTIVE') issues.push({ field: 'idNumber', column: '身份证号码', reason: p.status === 'RETIRED' ? '该人员已离退休（无退休回退标识），不能补缴' : '该人员已死亡（无死亡回退标识），不能补缴' })
      const accountStart = details.get(p.id)?.accountStartDate
      if (kind === 'LABOUR' && accountStart && row.startPeriod < periodOfDate(isoDate(accountStart))) {
        issues.push({ field: 'startPeriod', column: '开始期号', reason: `补缴时段须在个人统账结合时间（${periodText(periodOfDate(isoDate(accountStart)))}）之后` })
      }
      if (kind === 'LABOUR' && row.reason === LABOUR_REASON) {
        const prior = backPaid.get(p.id) ?? new Set<number>()
        const total = new Set([...prior, ...(row.startPeriod <= row.endPeriod ? periodRange(row.startPeriod, row.endPeriod) : [])]).size
        if (total > LABOUR_CONTRACT_BACK_PAYMENT_MAX_MONTHS) {
          issues.push({
            field: 'reason',
            column: '补缴原因',
            reason: `累计补缴${total}个月，超过36个月，不能按劳动合同补缴；须按行政审批、法律文书或稽核整改通知补缴并提供相应材料`
          })
        }
      }
      for (const t of row.insuranceTypes) {
        if (!unitTypes.has(t)) issues.push({ field: 'insuranceTypes', column: '险种类型', reason: `本单位未参加${InsuranceTypes.label(t)}` })
        else if (!enrolled.has(`${p.id}:${t}`)) issues.push({ field: 'insuranceTypes', column: '险种类型', reason: `该人员未在本单位参加${InsuranceTypes.label(t)}` })
      }
    }
    const planned: PlannedRecord[] = []
    if (issues.length === 0 && p && row.startPeriod <= row.endPeriod) {
      for (const period of periodRange(row.startPeriod, row.endPeriod)) {
        const policy = pol.get(socialYearOf(period))
        if (!policy) {
          issues.push(policyMissing(socialYearOf(period), '开始期号'))
          break
        }
        for (const t of row.insuranceTypes) {
          if (taken.has(`${p.id}:${t}:${period}`)) {
            issues.push({ field: 'startPeriod', column: '开始期号', reason: `该人员${periodText(period)}${InsuranceTypes.label(t)}已有缴费记录，不能重复补缴` })
            continue
          }
          planned.push({ personId: p.id, insuranceType: t, period, ...monthAmounts(policy, t, row.monthlyWage, riskClass) })
        }
      }
    }
    const total = planned.reduce((s, r) => s + r.unitFen + r.personalFen, 0)
    return { issues, personId: p?.id ?? null, derived: { months, records: planned.length, totalFen: total }, planned }
  })
}

async function writeRecords(tx: Tx, unitId: number, planned: PlannedRecord[]): Promise<void> {
  for (const r of planned) {
    const arrears = await tx.contributionRecord.findFirst({ where: { personId: r.personId, insuranceType: r.insuranceType, period: r.period, status: 'ARREARS' }, select: { id: true } })
    const data = { base: dec(r.baseFen), unitAmount: dec(r.unitFen), personalAmount: dec(r.personalFen), status: 'DECLARED' as const, kind: 'BACK_PAYMENT' as const, unitId, billId: null }
    if (arrears) await tx.contributionRecord.update({ where: { id: arrears.id }, data })
    else await tx.contributionRecord.create({ data: { ...data, personId: r.personId, insuranceType: r.insuranceType, period: r.period } })
  }
}

function handler(kind: Kind, code: string): MatterHandler {
  return {
    code,
    checkRows: (ctx, rows) => check(kind, ctx, rows),
    async checkForm(ctx) {
      if (kind !== 'LABOUR' || ctx.caseId === undefined) return []
      // R55: materials by what the rows ask for.
      const items = await ctx.db.caseItem.findMany({ where: { caseId: ctx.caseId, rowNo: { gt: 0 } }, select: { data: true } })
      const reasons = new Set(items.map((i) => String((i.data as Record<string, unknown>)['reason'] ?? '')))
      const uploaded = new Set((await ctx.db.caseMaterial.findMany({ where: { caseId: ctx.caseId }, select: { materialCode: true } })).map((m) => m.materialCode))
      const missing: string[] = []
      if (reasons.has(LABOUR_REASON) && !['LABOUR_CONTRACT', 'ORIGINAL_VOUCHERS'].some((c) => uploaded.has(c))) {
        missing.push('累计补缴不超过3年的，请上传《劳动合同》或工资花名册、年度考核表等原始凭据（二选一）')
      }
      if ([...reasons].some((r) => r !== LABOUR_REASON) && !['ADMIN_APPROVAL', 'COURT_JUDGMENT', 'LABOUR_INSPECTION', 'ARBITRATION', 'AUDIT_NOTICE'].some((c) => uploaded.has(c))) {
        missing.push('累计补缴超过3年或按行政审批、法律文书、稽核整改补缴的，请上传行政审批、法院判决、劳动保障、劳动仲裁、稽核部门出具的整改通知书之一')
      }
      if (missing.length) throw new AppError('MATERIALS_MISSING', { detail: missing.join('；') })
      return []
    },
    async apply(ctx: EffectContext) {
      const unit = applyingUnit(ctx)
      const checks = await check(kind, ctx, ctx.items.map((i) => i.data))
      refuseFailedRows(ctx.items, checks)
      for (const [i, item] of ctx.items.entries()) {
        await writeRecords(ctx.db, unit.id, checks[i]?.planned ?? [])
        await ctx.db.caseItem.update({ where: { id: item.id }, data: { personId: checks[i]?.personId ?? null } })
      }
    }
  }
}

export const backPaymentHandler = handler('ORDINARY', 'BACK_PAYMENT')
export const labourContractBackPaymentHandler = handler('LABOUR', 'LABOUR_CONTRACT_BACK_PAYMENT')
