// 办件记录: the caller's cases (unit: the unit's; person: their own), filtered and paged; one case's detail; its
// rows paged.
import { pageOf, pageOffset, shanghaiStartOfDay, addDays, type CaseRecordDetail, type CaseSummary, type PageQuery, type Paged } from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { ownerWhere } from './access.ts'
import { loadActor } from './actor.ts'
import { findOwnCase } from './context.ts'
import { FORM_SNAPSHOT_ROW } from './lifecycle.ts'
import { detailById } from './detail.ts'
import { summaryOf } from './views.ts'

export interface CaseFilter {
  matterCode?: string | undefined
  status?: string | undefined
  serialNo?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

/** [from, to] calendar dates in Asia/Shanghai → a UTC range on a timestamp column. */
export function dateRange(from?: string, to?: string): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined
  const r: Prisma.DateTimeFilter = {}
  if (from) r.gte = shanghaiStartOfDay(from)
  if (to) r.lt = shanghaiStartOfDay(addDays(to, 1))
  return r
}

export async function listCases(prisma: PrismaClient, auth: AuthContext, q: CaseFilter & PageQuery): Promise<Paged<CaseSummary>> {
  const where: Prisma.CaseWhereInput = { ...ownerWhere(auth) }
  if (q.matterCode) where.matterCode = q.matterCode
  if (q.status) where.status = q.status as never
  if (q.serialNo) where.serialNo = q.serialNo
  const created = dateRange(q.from, q.to)
  if (created) where.createdAt = created
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({ where, include: { unit: true, _count: { select: { items: { where: { rowNo: { gt: FORM_SNAPSHOT_ROW } } } } } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: pageOffset(q), take: q.pageSize })
  ])
  return pageOf(rows.map((r) => summaryOf(r, r._count.items)), total, q)
}

export async function getCase(prisma: PrismaClient, auth: AuthContext, serialNo: string, now = new Date()): Promise<CaseRecordDetail> {
  const row = await findOwnCase(prisma, auth, serialNo)
  return detailById(prisma, row.id, await loadActor(prisma, auth), 'owner', now)
}

export async function listItems(prisma: PrismaClient, caseId: number, q: PageQuery) {
  const where = { caseId, rowNo: { gt: FORM_SNAPSHOT_ROW } }
  const [total, rows] = await Promise.all([
    prisma.caseItem.count({ where }),
    prisma.caseItem.findMany({ where, orderBy: { rowNo: 'asc' }, skip: pageOffset(q), take: q.pageSize, select: { rowNo: true, personId: true, data: true } })
  ])
  return pageOf(rows.map((r) => ({ rowNo: r.rowNo, personId: r.personId, data: r.data as Record<string, unknown> })), total, q)
}

export async function listOwnItems(prisma: PrismaClient, auth: AuthContext, serialNo: string, q: PageQuery) {
  const row = await findOwnCase(prisma, auth, serialNo)
  return listItems(prisma, row.id, q)
}
