// 单位职工社会保险费多缴退费申报 (§3.3.35; R70–R72, R004-30/31) on the case engine (matter REFUND, reviewed), and
// 单位退费查询 (§3.3.71).
//
// Rules (each row):
//  - only the 3 months before the current month (R004-30 "可为职工办理当前月份往前三个月的退费");
//  - the worker's enrolment in this unit for the type is stopped first (停保/暂停: SUSPENDED or TERMINATED), and the
//    refunded months are after the stop month — the stop month itself is never refunded (R004-30 "停保当月不可以为
//    职工办理多缴退费");
//  - every month and type refunded has a paid record (实缴到账 / 补缴到账) of this unit, not refunded before;
//  - the unit has an active refund bank account (退收银行账户, R004-31; R70: refunds go to the unit's account) —
//    409 REFUND_ACCOUNT_MISSING on 添加校验 and on 确认提交;
//  - one of the listed documents is uploaded (R72, a material group: the engine checks it on submit).
// Effect on approval: the records become 已退费 (REFUNDED); the personal pension part is taken back from the worker's
// personal account of that calendar year (credited, months and closing balance reduced: 退账).
import { addMonths, InsuranceTypes, maskBankAccount, maskIdNumber, pageOf, pageOffset, periodRange, periodYear, shanghaiPeriod, type RowIssue, type UnitInsuranceType } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { CheckContext, EffectContext, MatterHandler, RowCheck } from '../matters/types.ts'
import { contributionsNow } from './clock.ts'
import { dec, instant, periodText, toFen, yuan } from './convert.ts'
import { clerkUnit } from './unit.ts'
import { applyingUnit, refuseFailedRows, rowWorkers, workerIssues, type WorkerPeriodRow } from './worker-rows.ts'

interface Row extends WorkerPeriodRow {
  insuranceTypes: UnitInsuranceType[]
  reason: string
}

type Db = PrismaClient | Tx

async function refundAccount(db: Db, unitId: number) {
  const accounts = await db.bankAccount.findMany({ where: { unitId, purpose: 'REFUND', active: true }, select: { bankName: true, accountName: true, accountNumber: true } })
  return accounts[0] ?? null
}

async function requireRefundAccount(db: Db, unitId: number): Promise<void> {
  if (!(await refundAccount(db, unitId))) throw new AppError('REFUND_ACCOUNT_MISSING')
}

async function check(ctx: CheckContext, raw: Record<string, unknown>[]): Promise<Array<RowCheck & { recordIds: bigint[] }>> {
  const unit = applyingUnit(ctx)
  await requireRefundAccount(ctx.db, unit.id)
  const rows = raw as unknown as Row[]
  if (rows.length === 0) return []
  const current = shanghaiPeriod(contributionsNow())
  const first = addMonths(current, -3)
  const last = addMonths(current, -1)
  const { persons, ids } = await rowWorkers(ctx.db, rows)
  const enrolments = ids.length
    ? await ctx.db.enrolment.findMany({ where: { unitId: unit.id, personId: { in: ids } }, orderBy: { id: 'desc' }, select: { personId: true, insuranceType: true, status: true, stopPeriod: true } })
    : []
  const records = ids.length
    ? await ctx.db.contributionRecord.findMany({
        where: { unitId: unit.id, personId: { in: ids }, period: { gte: first, lte: last }, status: { in: ['PAID', 'BACK_PAID'] } },
        select: { id: true, personId: true, insuranceType: true, period: true }
      })
    : []
  const paid = new Map<string, bigint[]>()
  for (const r of records) {
    const k = `${r.personId}:${r.insuranceType}:${r.period}`
    paid.set(k, [...(paid.get(k) ?? []), r.id])
  }
  return rows.map((row) => {
    const issues: RowIssue[] = []
    const recordIds: bigint[] = []
    if (row.startPeriod < first || row.endPeriod > last) {
      issues.push({
        field: row.startPeriod < first ? 'startPeriod' : 'endPeriod',
        column: row.startPeriod < first ? '开始年月' : '结束年月',
        reason: `只能办理当前月份往前三个月（${periodText(first)}至${periodText(last)}）的多缴退费`
      })
    }
    const p = persons.get(row.idNumber)
    issues.push(...workerIssues(p, row, '身份证号码'))
    if (p) {
      for (const t of row.insuranceTypes) {
        const label = InsuranceTypes.byCode[t].shortLabel
        const e = enrolments.find((x) => x.personId === p.id && x.insuranceType === t)
        if (!e) {
          issues.push({ field: 'insuranceTypes', column: '险种类型', reason: `该人员未在本单位参加${InsuranceTypes.label(t)}` })
          continue
        }
        if (e.status === 'ACTIVE') {
          issues.push({ field: 'insuranceTypes', column: '险种类型', reason: `该人员${label}仍在参保缴费，请先办理单位职工社会保险暂停（停保）` })
          continue
        }
        if (e.stopPeriod !== null && row.startPeriod <= e.stopPeriod) {
          issues.push({ field: 'startPeriod', column: '开始年月', reason: `停保当月（${periodText(e.stopPeriod)}）及以前的月份不可以办理多缴退费` })
          continue
        }
        if (issues.length) continue
        for (const period of periodRange(row.startPeriod, row.endPeriod)) {
          const ids2 = paid.get(`${p.id}:${t}:${period}`)
          if (!ids2) issues.push({ field: 'startPeriod', column: '开始年月', reason: `${periodText(period)}${label}没有可退费的缴费记录` })
          else recordIds.push(...ids2)
        }
      }
    }
    return { issues, personId: p?.id ?? null, derived: { records: recordIds.length }, recordIds }
  })
}

async function apply(ctx: EffectContext): Promise<void> {
  const checks = await check(ctx, ctx.items.map((i) => i.data))
  refuseFailedRows(ctx.items, checks)
  const ids = checks.flatMap((c) => c.recordIds)
  const records = await ctx.db.contributionRecord.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true, insuranceType: true, period: true, personalAmount: true } })
  await ctx.db.contributionRecord.updateMany({ where: { id: { in: ids } }, data: { status: 'REFUNDED' } })
  // 退账: the personal pension part leaves the personal account of its year.
  for (const r of records) {
    if (r.insuranceType !== 'PENSION') continue
    const fen = toFen(r.personalAmount)
    const acc = await ctx.db.personalAccountYear.findUnique({ where: { personId_year: { personId: r.personId, year: periodYear(r.period) } }, select: { id: true, credited: true, creditedMonths: true, closingBalance: true } })
    if (!acc) continue
    await ctx.db.personalAccountYear.update({
      where: { id: acc.id },
      data: { credited: dec(toFen(acc.credited) - fen), creditedMonths: Math.max(0, acc.creditedMonths - 1), closingBalance: dec(toFen(acc.closingBalance) - fen) }
    })
  }
  for (const [i, item] of ctx.items.entries()) await ctx.db.caseItem.update({ where: { id: item.id }, data: { personId: checks[i]?.personId ?? null } })
}

export const refundHandler: MatterHandler = {
  code: 'REFUND',
  checkRows: check,
  async checkForm(ctx) {
    if (ctx.unit) await requireRefundAccount(ctx.db, ctx.unit.id)
    return []
  },
  apply
}

// ── 单位退费查询 §3.3.71 ───────────────────────────────────────────────────────────────────────

export async function listRefunds(prisma: PrismaClient, auth: AuthContext, q: { page: number; pageSize: number }) {
  const { unit } = await clerkUnit(prisma, auth)
  const where = { unitId: unit.id, status: 'REFUNDED' as const }
  const [total, rows, account] = await Promise.all([
    prisma.contributionRecord.count({ where }),
    prisma.contributionRecord.findMany({
      where,
      orderBy: [{ period: 'desc' }, { personId: 'asc' }, { insuranceType: 'asc' }],
      skip: pageOffset(q),
      take: q.pageSize,
      select: { period: true, insuranceType: true, base: true, unitAmount: true, personalAmount: true, paidAt: true, person: { select: { personNo: true, name: true, idNumber: true } } }
    }),
    refundAccount(prisma, unit.id)
  ])
  const page = pageOf(
    rows.map((r) => {
      const unitFen = toFen(r.unitAmount)
      const personalFen = toFen(r.personalAmount)
      return {
        personNo: r.person.personNo,
        name: r.person.name,
        idNumber: maskIdNumber(r.person.idNumber),
        insuranceType: r.insuranceType,
        label: InsuranceTypes.label(r.insuranceType),
        period: r.period,
        periodText: periodText(r.period),
        baseFen: toFen(r.base),
        unitFen,
        personalFen,
        totalFen: unitFen + personalFen,
        totalYuan: yuan(unitFen + personalFen),
        paidAt: r.paidAt ? instant(r.paidAt) : null
      }
    }),
    total,
    q
  )
  return { ...page, account: account ? { bankName: account.bankName, accountName: account.accountName, accountNumber: maskBankAccount(account.accountNumber) } : null }
}

