// 到账 (payment arrival), simulated by a reviewer action (the real feed is tax → social insurance, FAQ28 ③④⑤):
// in one transaction with the unit locked — the bill becomes PAID; every line of its declaration becomes a
// contribution record 实缴到账 (PAID, 正常应缴; a 补缴 bill: 补缴到账 BACK_PAID, 补缴; paid_at = now, bill_id); the unit's 最大核止期号 of each billed insurance
// type advances to the period (never backwards); each person's personal pension contribution is credited to their
// personal account for the period's calendar year (accounts.ts). Only a VALID bill can arrive: a bill past its
// deadline is EXPIRED (the unit regenerates it), a PAID one is not paid twice. Reviewers with a region reach only
// the units of that region (another region's bill → 404). Accepts Idempotency-Key.
import { BillStatuses, pageOf, pageOffset, periodYear, type BillDetail } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { Outcome } from '../cases/idempotency.ts'
import { regionPrefix } from '../review/scope.ts'
import { creditAccounts } from './accounts.ts'
import { billDetailById, billSummary } from './bills.ts'
import { contributionsNow } from './clock.ts'
import { toFen } from './convert.ts'
import { expireDueBills } from './expiry.ts'
import { changeUnit } from './unit-change.ts'

export interface ArrivalResult extends BillDetail {
  records: number
  creditedPersons: number
}

/** The reviewer's region filter (null: every region). */
export async function reviewerRegion(prisma: PrismaClient, auth: AuthContext): Promise<string | null> {
  if (auth.role !== 'reviewer') throw new AppError('FORBIDDEN')
  const r = await prisma.reviewer.findUnique({ where: { id: auth.reviewerId as number }, select: { active: true, regionCode: true } })
  if (!r || !r.active) throw new AppError('UNAUTHENTICATED')
  return r.regionCode ? regionPrefix(r.regionCode) : null
}

export async function arriveBill(prisma: PrismaClient, auth: AuthContext, billNo: string, idempotencyKey: string | undefined, now = contributionsNow()): Promise<Outcome<ArrivalResult>> {
  const prefix = await reviewerRegion(prisma, auth)
  const found = await prisma.bill.findFirst({
    where: { billNo, ...(prefix ? { unit: { regionCode: { startsWith: prefix } } } : {}) },
    select: { id: true, unitId: true, unit: { select: { unitNo: true, name: true } } }
  })
  if (!found) throw new AppError('NOT_FOUND')
  const change = { auth, unitId: found.unitId, idempotencyKey, fingerprint: { op: 'contrib.arrive', billNo }, expireBillsAt: now }
  return changeUnit(
    prisma,
    change,
    async (tx) => {
      const bill = await tx.bill.findUnique({ where: { id: found.id }, include: { lines: { select: { insuranceType: true } } } })
      if (!bill) throw new AppError('NOT_FOUND')
      if (bill.status !== 'VALID') {
        const why = bill.status === 'EXPIRED' ? '已过缴费截止日期作废，请单位重新生成缴费单据' : BillStatuses.label(bill.status)
        throw new AppError('BILL_NOT_PAYABLE', { detail: `该单据${why}` })
      }
      let records = 0
      let creditedPersons = 0
      if (bill.declarationId !== null) {
        records = await tx.$executeRaw`
          INSERT INTO contribution_record (person_id, unit_id, insurance_type, period, base, unit_amount, personal_amount, status, kind, paid_at, bill_id, created_at)
          SELECT person_id, ${bill.unitId}, insurance_type, ${bill.period}, base, unit_amount, personal_amount,
                 ${bill.kind === 'BACK_PAYMENT' ? 'BACK_PAID' : 'PAID'}, ${bill.kind === 'BACK_PAYMENT' ? 'BACK_PAYMENT' : 'NORMAL'}, ${now}, ${bill.id}, ${now}
            FROM declaration_line WHERE declaration_id = ${bill.declarationId}`
        const pension = await tx.$queryRaw<Array<{ person_id: number; p: string }>>`
          SELECT person_id, CAST(personal_amount AS CHAR) AS p FROM declaration_line WHERE declaration_id = ${bill.declarationId} AND insurance_type = 'PENSION'`
        creditedPersons = await creditAccounts(tx, periodYear(bill.period), pension.map((r) => ({ personId: Number(r.person_id), fen: toFen(r.p) })))
      }
      else {
        // A bill of back-payment records: they become 补缴到账; their personal pension parts are credited to the
        // years they belong to.
        // 缴费工资变更 differences: 补收 → 补缴到账, 退还 (negative) → 已退费; their months are already counted.
        const refunds = await tx.contributionRecord.updateMany({
          where: { billId: bill.id, status: 'DECLARED', kind: 'ADJUSTMENT', OR: [{ unitAmount: { lt: 0 } }, { personalAmount: { lt: 0 } }] },
          data: { status: 'REFUNDED', paidAt: now }
        })
        records = refunds.count + (await tx.contributionRecord.updateMany({ where: { billId: bill.id, status: 'DECLARED' }, data: { status: 'BACK_PAID', paidAt: now } })).count
        const pension = await tx.contributionRecord.findMany({ where: { billId: bill.id, insuranceType: 'PENSION' }, select: { personId: true, period: true, personalAmount: true, kind: true } })
        const byYear = new Map<number, Array<{ personId: number; fen: number; months: number }>>()
        for (const r of pension) {
          const y = periodYear(r.period)
          byYear.set(y, [...(byYear.get(y) ?? []), { personId: r.personId, fen: toFen(r.personalAmount), months: r.kind === 'ADJUSTMENT' ? 0 : 1 }])
        }
        const persons = new Set<number>()
        for (const [year, credits] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
          await creditAccounts(tx, year, credits)
          for (const c of credits) persons.add(c.personId)
        }
        creditedPersons = persons.size
      }
      const types = bill.declarationId !== null ? [...new Set(bill.lines.map((l) => l.insuranceType))] : []
      if (types.length) {
        await tx.$executeRawUnsafe(
          `UPDATE unit_insurance SET last_settled_period = GREATEST(COALESCE(last_settled_period, 0), ?)
            WHERE unit_id = ? AND insurance_type IN (${types.map(() => '?').join(',')})`,
          bill.period,
          bill.unitId,
          ...types
        )
      }
      await tx.bill.update({ where: { id: bill.id }, data: { status: 'PAID', paidAt: now } })
      const detail = await billDetailById(tx, found.unit, bill.id, now)
      return { status: 200, body: { ...detail, records, creditedPersons } }
    }
  )
}

/** 应缴认定单 for the center: bills of units in the reviewer's region, newest first. */
export async function listReviewBills(
  prisma: PrismaClient,
  auth: AuthContext,
  q: { page: number; pageSize: number; status?: string | undefined; period?: number | undefined; unitNo?: string | undefined },
  now = contributionsNow()
) {
  const prefix = await reviewerRegion(prisma, auth)
  await expireDueBills(prisma, {}, now)
  const where = {
    ...(q.status ? { status: q.status as 'VALID' } : {}),
    ...(q.period ? { period: q.period } : {}),
    unit: { ...(prefix ? { regionCode: { startsWith: prefix } } : {}), ...(q.unitNo ? { unitNo: q.unitNo } : {}) }
  }
  const [total, rows] = await Promise.all([
    prisma.bill.count({ where }),
    prisma.bill.findMany({ where, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }], skip: pageOffset(q), take: q.pageSize, include: { unit: { select: { unitNo: true, name: true } } } })
  ])
  const items = []
  for (const b of rows) items.push({ ...(await billSummary(prisma, b)), unitNo: b.unit.unitNo, unitName: b.unit.name })
  return pageOf(items, total, q)
}
