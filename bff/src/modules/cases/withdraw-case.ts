// 撤销业务: the applicant withdraws a case that is not decided yet (DRAFT, SUBMITTED awaiting review, RETURNED);
// the in-flight keys are released in the same transaction.
import type { CaseRecordDetail } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { inTransaction } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { applicantActor, lockOwnCase } from './context.ts'
import { detailById } from './detail.ts'
import { addEvent, assertTransition, releaseInFlight } from './lifecycle.ts'

export async function withdrawCase(prisma: PrismaClient, auth: AuthContext, serialNo: string, reason: string | undefined, now = new Date()): Promise<CaseRecordDetail> {
  const actor = await applicantActor(prisma, auth)
  return inTransaction(prisma, async (tx) => {
    const row = await lockOwnCase(tx, auth, serialNo)
    assertTransition(row, 'WITHDRAWN', 'CASE_NOT_WITHDRAWABLE')
    await releaseInFlight(tx, row.id, { status: 'WITHDRAWN', decidedAt: now })
    await addEvent(tx, row.id, 'WITHDRAWN', actor, reason ?? null, now)
    return detailById(tx, row.id, actor, 'owner', now)
  })
}
