// 打印人员选择: the unit's staff for one insurance type (anyone ever enrolled in it through this unit), searchable
// by name, full ID number or 个人编号, with the type's 最大核止期号 the proof's span ends at.
import { EnrolmentStatuses, maskIdNumber, pageOffset, type UnitStaffResponse } from '@shebao/shared'
import type { z } from 'zod'
import type { UnitStaffQuery } from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import { loadUnit } from './build-unit-proofs.ts'

export async function listUnitStaff(db: PrismaClient, unitId: number, query: z.output<typeof UnitStaffQuery>): Promise<UnitStaffResponse> {
  const unit = await loadUnit(db, unitId)
  const ui = await db.unitInsurance.findUnique({
    where: { unitId_insuranceType: { unitId, insuranceType: query.insuranceType } },
    select: { lastSettledPeriod: true }
  })
  const q = query.q?.trim()
  const where: Prisma.PersonWhereInput = {
    enrolments: { some: { unitId, insuranceType: query.insuranceType } },
    ...(q ? { OR: [{ name: { contains: q } }, { idNumber: q.toUpperCase() }, { personNo: q }] } : {})
  }
  const [persons, total] = await Promise.all([
    db.person.findMany({
      where,
      select: {
        id: true,
        name: true,
        idNumber: true,
        personNo: true,
        enrolments: {
          where: { unitId, insuranceType: query.insuranceType },
          select: { status: true },
          orderBy: { startPeriod: 'desc' },
          take: 1
        }
      },
      orderBy: { personNo: 'asc' },
      skip: pageOffset(query),
      take: query.pageSize
    }),
    db.person.count({ where })
  ])
  return {
    page: query.page,
    pageSize: query.pageSize,
    total,
    items: persons.map((p) => {
      const status = p.enrolments[0]?.status ?? 'ACTIVE'
      return { id: p.id, name: p.name, idNumber: maskIdNumber(p.idNumber), personNo: p.personNo, status, statusLabel: EnrolmentStatuses.label(status) }
    }),
    unit: { id: unit.id, unitNo: unit.unitNo, name: unit.name },
    insuranceType: query.insuranceType,
    lastSettledPeriod: ui?.lastSettledPeriod ?? null
  }
}
