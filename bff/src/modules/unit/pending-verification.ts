// 待核实人员 (§3.3.73): persons of this unit flagged for verification (person.pending_verification), with their
// pension payment status as the seed's list shows it (发放状态, 停发原因, 停发日期).
import { PaymentStatuses, PersonStatuses, Sexes, maskIdNumber, maskName, maskPhone, pageOf, pageOffset, type PageQuery } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { logReveal, type Viewer } from './unit-info.ts'

export async function pendingVerification(prisma: PrismaClient, viewer: Viewer, q: PageQuery, reveal: boolean) {
  const where = { pendingVerification: true, enrolments: { some: { unitId: viewer.unitId } } }
  const [total, persons] = await Promise.all([
    prisma.person.count({ where }),
    prisma.person.findMany({
      where,
      orderBy: { personNo: 'asc' },
      skip: pageOffset(q),
      take: q.pageSize,
      include: { payments: { where: { kind: 'BASIC_PENSION' }, orderBy: { period: 'desc' }, take: 1 } }
    })
  ])
  if (reveal) await logReveal(prisma, viewer, 'pending-verification')
  return pageOf(
    persons.map((p) => {
      const pay = p.payments[0]
      const suspended = pay?.status === 'SUSPENDED'
      return {
        personNo: p.personNo,
        name: reveal ? p.name : maskName(p.name),
        idNumber: reveal ? p.idNumber : maskIdNumber(p.idNumber),
        sex: Sexes.label(p.sex),
        phone: p.phone ? (reveal ? p.phone : maskPhone(p.phone)) : null,
        address: p.address,
        paymentStatus: pay ? (pay.status === 'PAID' ? '正常发放' : PaymentStatuses.label(pay.status)) : null,
        stopReason: suspended ? '待遇资格待核实' : null,
        stopDate: suspended ? `${String(pay.period).slice(0, 4)}-${String(pay.period).slice(4)}` : null,
        personStatus: PersonStatuses.label(p.status)
      }
    }),
    total,
    q
  )
}
