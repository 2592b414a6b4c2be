// Build a case's detail for its owner or a reviewer (reloading the row so it reflects the latest writes).
import type { CaseRecordDetail } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { Actor } from './actor.ts'
import { checkContext, matterOf } from './lifecycle.ts'
import { caseDetail } from './views.ts'

export async function detailById(
  db: PrismaClient | Tx,
  caseId: number,
  actor: Actor,
  viewer: 'owner' | 'reviewer',
  now: Date,
  opts: { allItems?: boolean } = {}
): Promise<CaseRecordDetail> {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { unit: true } })
  const { matter, handler } = matterOf(row.matterCode)
  return caseDetail(db, row, matter, handler, checkContext(db, matter, row, actor, now), viewer, opts.allItems ? null : undefined)
}
