// 参保信息: one item per insurance type — the current enrolment (the latest active one, else the latest), the
// first enrolment date of that type, and the earlier spells (a person who changed employers has several).
import {
  EnrolmentStatuses,
  InsuranceTypes,
  maskName,
  PersonStatuses,
  StopReasons,
  type EnrolmentItem,
  type EnrolmentSpell,
  type EnrolmentsResponse,
  type InsuranceType
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { fenOrNull, isoDate, isoDateOrNull, periodText, periodTextOrNull, yuanOrNull } from './convert.ts'

export async function listEnrolments(prisma: PrismaClient, personId: number): Promise<EnrolmentsResponse> {
  const [person, rows] = await Promise.all([
    prisma.person.findUnique({ where: { id: personId }, select: { personNo: true, name: true, status: true } }),
    prisma.enrolment.findMany({
      where: { personId },
      orderBy: [{ startedOn: 'desc' }, { id: 'desc' }],
      select: {
        insuranceType: true,
        status: true,
        startedOn: true,
        startPeriod: true,
        stopPeriod: true,
        stoppedOn: true,
        stopReason: true,
        monthlyBase: true,
        unit: { select: { unitNo: true, name: true } }
      }
    })
  ])
  if (!person) throw new AppError('NOT_FOUND')

  const byType = new Map<InsuranceType, typeof rows>()
  for (const r of rows) {
    const list = byType.get(r.insuranceType) ?? []
    list.push(r)
    byType.set(r.insuranceType, list)
  }
  const items: EnrolmentItem[] = []
  for (const type of InsuranceTypes.codes) {
    const spells = byType.get(type)
    if (!spells?.length) continue
    // Newest first already; the current one is the newest active spell, else the newest of all.
    const current = spells.find((s) => s.status === 'ACTIVE') ?? (spells[0] as (typeof spells)[number])
    const first = spells.reduce((a, b) => (b.startedOn < a.startedOn ? b : a))
    items.push({
      insuranceType: type,
      insuranceLabel: InsuranceTypes.label(type),
      firstEnrolledOn: isoDate(first.startedOn),
      ...spell(current),
      history: spells.filter((s) => s !== current).map(spell)
    })
  }
  return { personNo: person.personNo, name: maskName(person.name), statusLabel: PersonStatuses.label(person.status), items }
}

function spell(r: {
  status: string
  startedOn: Date
  startPeriod: number
  stopPeriod: number | null
  stoppedOn: Date | null
  stopReason: string | null
  monthlyBase: { toFixed(dp: number): string } | null
  unit: { unitNo: string; name: string } | null
}): EnrolmentSpell {
  const base = fenOrNull(r.monthlyBase)
  return {
    unit: r.unit ? { unitNo: r.unit.unitNo, name: r.unit.name } : null,
    status: r.status,
    statusLabel: EnrolmentStatuses.label(r.status),
    startedOn: isoDate(r.startedOn),
    startPeriod: r.startPeriod,
    startPeriodText: periodText(r.startPeriod),
    stopPeriod: r.stopPeriod,
    stopPeriodText: periodTextOrNull(r.stopPeriod),
    stoppedOn: isoDateOrNull(r.stoppedOn),
    stopReason: r.stopReason,
    stopReasonLabel: r.stopReason === null ? null : StopReasons.label(r.stopReason),
    monthlyBaseFen: base,
    monthlyBaseYuan: yuanOrNull(base)
  }
}
