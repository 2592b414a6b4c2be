// The center's workbench: queue, detail (before/after, rows, materials, timeline), approve one or many (each case in
// its own transaction; a result per case), return with a reason.
import { pageOf, pageOffset, type CaseSummary, type PageQuery, type Paged } from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError, isAppError } from '../../http/errors.ts'
import { approveCase, returnCase } from '../cases/decide-case.ts'
import { detailById } from '../cases/detail.ts'
import { FORM_SNAPSHOT_ROW } from '../cases/lifecycle.ts'
import { dateRange } from '../cases/query-cases.ts'
import { summaryOf } from '../cases/views.ts'
import { reviewerScope } from './scope.ts'

export interface QueueFilter {
  status?: string | undefined
  matterCode?: string | undefined
  unitNo?: string | undefined
  unitName?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

export async function reviewQueue(prisma: PrismaClient, auth: AuthContext, q: QueueFilter & PageQuery): Promise<Paged<CaseSummary>> {
  const { where: scope } = await reviewerScope(prisma, auth)
  const where: Prisma.CaseWhereInput = { AND: [scope, { status: (q.status ?? 'SUBMITTED') as never }] }
  const and = where.AND as Prisma.CaseWhereInput[]
  if (q.matterCode) and.push({ matterCode: q.matterCode })
  if (q.unitNo) and.push({ unit: { unitNo: q.unitNo } })
  if (q.unitName) and.push({ unit: { name: { contains: q.unitName } } })
  const submitted = dateRange(q.from, q.to)
  if (submitted) and.push({ submittedAt: submitted })
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      include: { unit: true, _count: { select: { items: { where: { rowNo: { gt: FORM_SNAPSHOT_ROW } } } } } },
      // Oldest first: the queue is worked in submission order.
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      skip: pageOffset(q),
      take: q.pageSize
    })
  ])
  return pageOf(rows.map((r) => summaryOf(r, r._count.items)), total, q)
}

export async function reviewDetail(prisma: PrismaClient, auth: AuthContext, serialNo: string, now = new Date()) {
  const { actor, where } = await reviewerScope(prisma, auth)
  const row = await prisma.case.findFirst({ where: { AND: [where, { serialNo }] }, include: { unit: true } })
  if (!row) throw new AppError('NOT_FOUND')
  const detail = await detailById(prisma, row.id, actor, 'reviewer', now)
  return {
    ...detail,
    unitInfo: row.unit
      ? { unitNo: row.unit.unitNo, name: row.unit.name, creditCode: row.unit.creditCode, legalRepName: row.unit.legalRepName, regionCode: row.unit.regionCode }
      : null
  }
}

export async function approveCases(prisma: PrismaClient, auth: AuthContext, serialNos: string[], note: string | undefined, now = new Date()) {
  const { actor, where } = await reviewerScope(prisma, auth)
  const results: Array<{ serialNo: string; ok: boolean; status?: 'EFFECTIVE'; error?: { code: string; message: string } }> = []
  for (const serialNo of [...new Set(serialNos)]) {
    try {
      const status = await approveCase(prisma, actor, serialNo, where, note, now)
      results.push({ serialNo, ok: true, status })
    } catch (err) {
      if (!isAppError(err)) throw err
      results.push({ serialNo, ok: false, error: { code: err.code, message: err.message } })
    }
  }
  const approved = results.filter((r) => r.ok).length
  return { results, approved, failed: results.length - approved }
}

export async function returnToApplicant(prisma: PrismaClient, auth: AuthContext, serialNo: string, reason: string, now = new Date()) {
  const { actor, where } = await reviewerScope(prisma, auth)
  await returnCase(prisma, actor, serialNo, where, reason, now)
  return reviewDetail(prisma, auth, serialNo, now)
}
