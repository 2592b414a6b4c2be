// The center's decisions (used by the review module): approve → the matter's effect is applied and the case is
// EFFECTIVE, in one transaction per case (a failing case does not stop the others, and leaves no half-applied
// effect); return → RETURNED with the reason, which the applicant reads in the timeline; in-flight keys released.
import type { PrismaClient } from '../../db/client.ts'
import { inTransaction } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import type { Actor } from './actor.ts'
import { isUniqueViolation } from './db-errors.ts'
import { addEvent, assertTransition, CASE_TX, checkContext, effectItems, lockCase, makeEffective, matterOf, recordSnapshot, releaseInFlight, statusLabel } from './lifecycle.ts'
import type { Prisma } from '../../db/client.ts'

export async function approveCase(prisma: PrismaClient, reviewer: Actor, serialNo: string, scope: Prisma.CaseWhereInput, note: string | undefined, now = new Date()): Promise<'EFFECTIVE'> {
  try {
    return await approveInTx(prisma, reviewer, serialNo, scope, note, now)
  } catch (err) {
    // Two effects creating the same worker at the same moment: the unique ID number stops the second one.
    if (isUniqueViolation(err)) throw new AppError('RULE_VIOLATION', { detail: '相关人员已被同时办理的其他业务登记，请刷新后重新审核', cause: err })
    throw err
  }
}

async function approveInTx(prisma: PrismaClient, reviewer: Actor, serialNo: string, scope: Prisma.CaseWhereInput, note: string | undefined, now: Date): Promise<'EFFECTIVE'> {
  return inTransaction(
    prisma,
    async (tx) => {
      const row = await lockCase(tx, serialNo, scope)
      if (row.status !== 'SUBMITTED') throw new AppError('REVIEW_NOT_PENDING', { detail: statusLabel(row.status) })
      assertTransition(row, 'APPROVED', 'REVIEW_NOT_PENDING')
      const { matter, handler } = matterOf(row.matterCode)
      const ctx = checkContext(tx, matter, row, reviewer, now)
      const items = await effectItems(tx, row.id)
      // The 变更前值 as they are at the moment the change takes effect.
      await recordSnapshot(tx, matter, handler, ctx, row, items)
      await tx.case.update({ where: { id: row.id }, data: { status: 'APPROVED', reviewerId: reviewer.reviewerId ?? null } })
      await addEvent(tx, row.id, 'APPROVED', reviewer, note ?? '审核通过', now)
      await makeEffective(tx, matter, handler, ctx, row, reviewer, now, items)
      return 'EFFECTIVE' as const
    },
    CASE_TX
  )
}

export async function returnCase(prisma: PrismaClient, reviewer: Actor, serialNo: string, scope: Prisma.CaseWhereInput, reason: string, now = new Date()): Promise<number> {
  return inTransaction(prisma, async (tx) => {
    const row = await lockCase(tx, serialNo, scope)
    if (row.status !== 'SUBMITTED') throw new AppError('REVIEW_NOT_PENDING', { detail: statusLabel(row.status) })
    await releaseInFlight(tx, row.id, { status: 'RETURNED', returnReason: reason, reviewerId: reviewer.reviewerId ?? null, decidedAt: now })
    await addEvent(tx, row.id, 'RETURNED', reviewer, reason, now)
    return row.id
  })
}
