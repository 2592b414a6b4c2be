// 应缴认定单 expiry (R004-14 "有效期限为10个工作日…自动失效"): a VALID bill whose deadline (Asia/Shanghai date) has
// passed becomes EXPIRED, and what it billed returns to "not billed" (R47): its declaration goes back to 已申报,
// back-payment records lose the bill, so a new bill can be generated (with interest and late fee when after the
// period's month). Every read and write of a unit's bills calls it first ("any read after the deadline marks it
// EXPIRED"); `sweepExpiredBills` does it for all units (a scheduled job, or the CLI).
import { shanghaiToday } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import { dateOnly } from './convert.ts'

type Db = PrismaClient | Tx

/** Expire the due bills of a unit (or of everyone). Returns how many bills expired. */
export async function expireDueBills(db: Db, scope: { unitId?: number }, now: Date): Promise<number> {
  const today = dateOnly(shanghaiToday(now))
  // A plain read first: nothing to do on almost every call, and then no row is locked.
  const due = await db.bill.findMany({
    where: { status: 'VALID', deadline: { lt: today }, ...(scope.unitId !== undefined ? { unitId: scope.unitId } : {}) },
    select: { id: true, declarationId: true }
  })
  if (due.length === 0) return 0
  const ids = due.map((b) => b.id)
  const expired = await db.bill.updateMany({ where: { id: { in: ids }, status: 'VALID' }, data: { status: 'EXPIRED' } })
  const declarationIds = due.map((b) => b.declarationId).filter((x): x is number => x !== null)
  if (declarationIds.length) {
    await db.contributionDeclaration.updateMany({ where: { id: { in: declarationIds }, status: 'BILLED' }, data: { status: 'DECLARED' } })
  }
  await db.contributionRecord.updateMany({ where: { billId: { in: ids }, status: { in: ['DECLARED', 'ARREARS'] } }, data: { billId: null } })
  return expired.count
}

/** The scheduled sweep: every unit's due bills. */
export async function sweepExpiredBills(prisma: PrismaClient, now = new Date()): Promise<number> {
  return expireDueBills(prisma, {}, now)
}
