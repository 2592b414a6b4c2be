// 信息变更查询 (the unit's change history from its effective change cases, with their 变更项 tables) and
// 人员增减变动查询 (staff increases and decreases in a date range, from the enrolments).
import {
  CaseStatuses,
  InsuranceTypes,
  StopReasons,
  addDays,
  matterName,
  maskIdNumber,
  maskName,
  pageOf,
  pageOffset,
  shanghaiToday,
  type PageQuery
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { matterOf, FORM_SNAPSHOT_ROW } from '../cases/lifecycle.ts'
import { dateRange } from '../cases/query-cases.ts'
import { logReveal, type Viewer } from './unit-info.ts'

/** The unit-level change matters whose effective cases make the unit's change history. */
export const UNIT_CHANGE_MATTERS = ['UNIT_INFO_CHANGE', 'UNIT_KEY_INFO_CHANGE']

/** A range whose start is after its end is a mistake, not an empty answer. */
function assertOrdered(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw new AppError('VALIDATION_FAILED', { field: 'from', detail: '日期不能晚于结束日期' })
}

export async function changeHistory(prisma: PrismaClient, viewer: Viewer, q: PageQuery & { from?: string | undefined; to?: string | undefined }) {
  assertOrdered(q.from, q.to)
  const decided = dateRange(q.from, q.to)
  const where = { unitId: viewer.unitId, matterCode: { in: UNIT_CHANGE_MATTERS }, status: 'EFFECTIVE' as const, ...(decided ? { decidedAt: decided } : {}) }
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(q),
      take: q.pageSize,
      include: { items: { where: { rowNo: FORM_SNAPSHOT_ROW }, select: { before: true } } }
    })
  ])
  return pageOf(
    rows.map((r) => {
      const { matter, handler } = matterOf(r.matterCode)
      const before = (r.items[0]?.before as Record<string, unknown> | undefined) ?? {}
      const form = r.form as Record<string, unknown>
      const changes = handler.describeChanges ? handler.describeChanges(form, before) : []
      return {
        serialNo: r.serialNo,
        matterCode: r.matterCode,
        matterName: matterName(r.matterCode) || matter.name,
        status: r.status,
        statusLabel: CaseStatuses.label(r.status),
        submittedAt: r.submittedAt?.toISOString() ?? null,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        changes
      }
    }),
    total,
    q
  )
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

export async function staffChanges(prisma: PrismaClient, viewer: Viewer, q: { from?: string | undefined; to?: string | undefined }, reveal: boolean, now = new Date()) {
  const to = q.to ?? shanghaiToday(now)
  const from = q.from ?? `${to.slice(0, 8)}01`
  assertOrdered(from, to)
  const range = { gte: new Date(`${from}T00:00:00Z`), lt: new Date(`${addDays(to, 1)}T00:00:00Z`) }
  const person = { select: { personNo: true, name: true, idNumber: true } }
  const [inc, dec] = await Promise.all([
    prisma.enrolment.findMany({ where: { unitId: viewer.unitId, startedOn: range }, include: { person }, orderBy: [{ startedOn: 'asc' }, { id: 'asc' }], take: 5000 }),
    prisma.enrolment.findMany({ where: { unitId: viewer.unitId, stoppedOn: range }, include: { person }, orderBy: [{ stoppedOn: 'asc' }, { id: 'asc' }], take: 5000 })
  ])
  const who = (p: { personNo: string; name: string; idNumber: string }) => ({
    personNo: p.personNo,
    name: reveal ? p.name : maskName(p.name),
    idNumber: reveal ? p.idNumber : maskIdNumber(p.idNumber)
  })
  if (reveal) await logReveal(prisma, viewer, 'staff-changes')
  const types = [...new Set([...inc, ...dec].map((e) => e.insuranceType as string))].sort()
  return {
    from,
    to,
    increases: inc.map((e) => ({ ...who(e.person), insuranceType: e.insuranceType, label: InsuranceTypes.label(e.insuranceType), date: iso(e.startedOn), period: e.startPeriod })),
    decreases: dec.map((e) => ({
      ...who(e.person),
      insuranceType: e.insuranceType,
      label: InsuranceTypes.label(e.insuranceType),
      date: iso(e.stoppedOn as Date),
      period: e.stopPeriod,
      reason: e.stopReason ? StopReasons.label(e.stopReason) : null
    })),
    summary: types.map((t) => ({
      insuranceType: t,
      label: InsuranceTypes.label(t),
      increases: inc.filter((e) => e.insuranceType === t).length,
      decreases: dec.filter((e) => e.insuranceType === t).length
    }))
  }
}
