// 单位职工社会保险缴费工资变更申报 (§3.3.21; R38–R41) on the case engine (matter WAGE_CHANGE, instant).
//
// Rules (each row: a worker, a period range, the corrected 上年月均工资):
//  - R38: only the last two years — the range lies within the 24 months before the current month (current − 24 …
//    current − 1; the current month is declared with the new wage through the yearly wage row, below);
//  - R41: the same worker's periods must not overlap, within the rows being added and the case's other rows;
//  - the worker is registered (name as registered) and has paid records (实缴/补缴到账) of this unit in the range;
//  - R40: where the center's audit determined the worker's base in this unit for months of the range (稽核认定缴费基数,
//    audit-base.ts), the base the row gives those months must equal it, else the row fails naming the audited base,
//    the months and the 稽核文书号 ("请按认定结果重新申报"); months outside every determination are not concerned.
// Effect: per paid record of the range, the new base = the wage floored/capped by THAT social year's bounds (R39), the
// new amounts at that year's rates; the difference (new − old, unit and personal) becomes a 缴费工资变更差额 record
// (kind ADJUSTMENT, 应缴未到账): positive = 补收, negative = 退还. They are billed with the unit's pending items
// (`POST /api/unit/bills { pending: true }`; a bill whose total is negative is a 退费单据) and settled on 到账. When
// the range reaches into the current social year, the year's wage row (wage_declaration) takes the new wage too, so
// the following monthly declarations use it.
import { addMonths, clampBase, contributionBase, periodRange, periodsOverlap, shanghaiPeriod, socialYearOf, type RowIssue, type UnitInsuranceType } from '@shebao/shared'
import type { CheckContext, EffectContext, MatterHandler, RowCheck } from '../matters/types.ts'
import { auditBaseIssues, auditBasesOf } from './audit-base.ts'
import { contributionsNow } from './clock.ts'
import { dec, periodText, toFen } from './convert.ts'
import { boundsOf, findPolicy, type Policy } from './policy.ts'
import { applyingUnit, monthAmounts, monthSpan, policyMissing, refuseFailedRows, rowWorkers, unitRiskClass, workerIssues, type MonthAmounts, type WorkerPeriodRow } from './worker-rows.ts'

interface Row extends WorkerPeriodRow {
  monthlyWage: number
  key: string
}

/** A difference of one month and type (new − old amounts). */
type Diff = MonthAmounts

async function check(ctx: CheckContext, raw: Record<string, unknown>[]): Promise<Array<RowCheck & { diffs: Diff[] }>> {
  const unit = applyingUnit(ctx)
  const rows = raw as unknown as Row[]
  if (rows.length === 0) return []
  const current = shanghaiPeriod(contributionsNow())
  const first = addMonths(current, -24)
  const last = addMonths(current, -1)
  const riskClass = await unitRiskClass(ctx.db, unit.id)
  // R41 against the case's other rows (a row with the same key is this row, replaced or re-validated).
  const keys = new Set(rows.map((r) => r.key))
  const stored =
    ctx.caseId === undefined
      ? []
      : (await ctx.db.caseItem.findMany({ where: { caseId: ctx.caseId, rowNo: { gt: 0 } }, select: { rowNo: true, data: true } }))
          .map((i) => ({ rowNo: i.rowNo, row: i.data as unknown as Row }))
          .filter((i) => !keys.has(i.row.key))
  const { persons, ids } = await rowWorkers(ctx.db, rows)
  const { from: minP, to: maxP } = monthSpan(rows)
  const records = ids.length
    ? await ctx.db.contributionRecord.findMany({
        where: { unitId: unit.id, personId: { in: ids }, period: { gte: minP, lte: maxP }, status: { in: ['PAID', 'BACK_PAID'] }, kind: { in: ['NORMAL', 'BACK_PAYMENT'] } },
        select: { personId: true, insuranceType: true, period: true, base: true, unitAmount: true, personalAmount: true }
      })
    : []
  // Earlier differences of the same months count as already applied.
  const adjustments = ids.length
    ? await ctx.db.contributionRecord.findMany({
        where: { unitId: unit.id, personId: { in: ids }, period: { gte: minP, lte: maxP }, kind: 'ADJUSTMENT', status: { not: 'REFUNDED' } },
        select: { personId: true, insuranceType: true, period: true, unitAmount: true, personalAmount: true }
      })
    : []
  const audits = await auditBasesOf(ctx.db, unit.id, ids, minP, maxP)
  const policies = new Map<number, Policy | null>()
  const out: Array<RowCheck & { diffs: Diff[] }> = []
  for (const [index, row] of rows.entries()) {
    const issues: RowIssue[] = []
    const diffs: Diff[] = []
    if (row.startPeriod < first) issues.push({ field: 'startPeriod', column: '开始年月', reason: `只能办理两年内的缴费工资变更（${periodText(first)}至${periodText(last)}）` })
    if (row.endPeriod > last) issues.push({ field: 'endPeriod', column: '结束年月', reason: `结束年月不能晚于上月（${periodText(last)}）` })
    const overlapping = [
      ...rows.filter((o, j) => j !== index && o.idNumber === row.idNumber && periodsOverlap(o.startPeriod, o.endPeriod, row.startPeriod, row.endPeriod)).map((o) => `${periodText(o.startPeriod)}至${periodText(o.endPeriod)}`),
      ...stored.filter((o) => o.row.idNumber === row.idNumber && periodsOverlap(o.row.startPeriod, o.row.endPeriod, row.startPeriod, row.endPeriod)).map((o) => `第${o.rowNo}条 ${periodText(o.row.startPeriod)}至${periodText(o.row.endPeriod)}`)
    ]
    if (overlapping.length) issues.push({ field: 'startPeriod', column: '开始年月', reason: `同一人员的时间段有重复，不允许添加（${overlapping.join('、')}）` })
    const p = persons.get(row.idNumber)
    issues.push(...workerIssues(p, row, '证件号码'))
    if (issues.length === 0 && p) {
      const mine = records.filter((r) => r.personId === p.id && r.period >= row.startPeriod && r.period <= row.endPeriod)
      if (mine.length === 0) issues.push({ field: 'startPeriod', column: '开始年月', reason: '该时间段内没有本单位已到账的缴费记录' })
      // The base the row gives each paid month and type, for R40.
      const bases: Array<{ period: number; insuranceType: UnitInsuranceType; baseFen: number }> = []
      for (const period of periodRange(row.startPeriod, row.endPeriod)) {
        const year = socialYearOf(period)
        if (!policies.has(year)) policies.set(year, await findPolicy(ctx.db, unit.regionCode, year))
        const policy = policies.get(year)
        if (!policy) {
          issues.push(policyMissing(year, '开始年月'))
          break
        }
        for (const r of mine.filter((x) => x.period === period)) {
          const t = r.insuranceType as UnitInsuranceType
          const l = monthAmounts(policy, t, row.monthlyWage, riskClass)
          bases.push({ period, insuranceType: t, baseFen: l.baseFen })
          const adj = adjustments.filter((a) => a.personId === p.id && a.insuranceType === t && a.period === period)
          const oldUnit = toFen(r.unitAmount) + adj.reduce((s, a) => s + toFen(a.unitAmount), 0)
          const oldPersonal = toFen(r.personalAmount) + adj.reduce((s, a) => s + toFen(a.personalAmount), 0)
          if (l.unitFen !== oldUnit || l.personalFen !== oldPersonal) {
            diffs.push({ personId: p.id, insuranceType: t, period, baseFen: l.baseFen, unitFen: l.unitFen - oldUnit, personalFen: l.personalFen - oldPersonal })
          }
        }
      }
      // R40 compares the resulting base, not the declared wage: the seed asks that "单位申报的结果" equal "稽核认定的
      // 结果", and the result of a declaration is the base the center generates from the wage (half-up to 10 yuan,
      // then that year's floor/ceiling — this matter's own description), which is also what an audit determines.
      // So a wage of 5,996 yuan matches an audited 6,000, and any wage under the floor matches an audited floor base:
      // both give exactly the audited base and amounts; comparing wages would refuse them for nothing.
      issues.push(...auditBaseIssues(audits.filter((a) => a.personId === p.id), bases))
    }
    const total = diffs.reduce((s, d) => s + d.unitFen + d.personalFen, 0)
    out.push({ issues, personId: p?.id ?? null, derived: { records: diffs.length, differenceFen: total, kind: total >= 0 ? '补收' : '退还' }, diffs })
  }
  return out
}

async function apply(ctx: EffectContext): Promise<void> {
  const unit = applyingUnit(ctx)
  const rows = ctx.items.map((i) => i.data as unknown as Row)
  const checks = await check(ctx, ctx.items.map((i) => i.data))
  refuseFailedRows(ctx.items, checks)
  const currentYear = socialYearOf(shanghaiPeriod(contributionsNow()))
  for (const [i, item] of ctx.items.entries()) {
    for (const d of checks[i]?.diffs ?? []) {
      await ctx.db.contributionRecord.create({
        data: { personId: d.personId, unitId: unit.id, insuranceType: d.insuranceType, period: d.period, base: dec(d.baseFen), unitAmount: dec(d.unitFen), personalAmount: dec(d.personalFen), status: 'DECLARED', kind: 'ADJUSTMENT' }
      })
    }
    const row = rows[i] as Row
    const personId = checks[i]?.personId
    if (personId && socialYearOf(row.endPeriod) === currentYear) {
      const policy = await findPolicy(ctx.db, unit.regionCode, currentYear)
      if (policy) {
        const base = clampBase(contributionBase(row.monthlyWage), boundsOf(policy))
        await ctx.db.wageDeclaration.upsert({
          where: { unitId_personId_year: { unitId: unit.id, personId, year: currentYear } },
          create: { unitId: unit.id, personId, year: currentYear, declaredWage: dec(row.monthlyWage), base: dec(base), caseId: ctx.caseId },
          update: { declaredWage: dec(row.monthlyWage), base: dec(base), caseId: ctx.caseId }
        })
      }
    }
    await ctx.db.caseItem.update({ where: { id: item.id }, data: { personId: personId ?? null } })
  }
}

export const wageChangeHandler: MatterHandler = { code: 'WAGE_CHANGE', checkRows: check, apply }

