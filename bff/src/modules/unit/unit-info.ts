// 单位综合信息 (§3.3.68): basic information, insurance per type with 最大核止期号 and the number contributing,
// clerks and bank accounts (masked unless revealed; a reveal is written to the audit log).
import {
  BankAccountPurposes,
  BankCategories,
  EnrolmentStatuses,
  InsuranceTypes,
  maskBankAccount,
  maskIdNumber,
  maskPhone,
  regionName
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { writeAudit } from '../identity/audit.ts'

export interface Viewer {
  unitId: number
  personId: number
  requestId?: string
  ip?: string
}

export async function logReveal(prisma: PrismaClient, viewer: Viewer, what: string): Promise<void> {
  await writeAudit(prisma, {
    action: 'unit.reveal',
    actorRole: 'UNIT',
    actorId: viewer.personId,
    targetType: 'unit',
    targetId: viewer.unitId,
    detail: { what },
    ...(viewer.requestId && viewer.ip ? { meta: { requestId: viewer.requestId, ip: viewer.ip, userAgent: '' } } : {})
  })
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

export async function unitInfo(prisma: PrismaClient, viewer: Viewer, reveal: boolean) {
  const u = await prisma.unit.findUnique({
    where: { id: viewer.unitId },
    include: {
      insurances: { orderBy: { insuranceType: 'asc' } },
      clerks: { where: { active: true, revokedAt: null }, orderBy: { id: 'asc' } },
      bankAccounts: { where: { active: true }, orderBy: { id: 'asc' } }
    }
  })
  if (!u) throw new AppError('NOT_FOUND')
  const counts = await prisma.enrolment.groupBy({ by: ['insuranceType'], where: { unitId: u.id, status: 'ACTIVE' }, _count: { _all: true } })
  const staff = new Map(counts.map((c) => [c.insuranceType as string, c._count._all]))
  if (reveal) await logReveal(prisma, viewer, 'info')
  return {
    basic: {
      unitNo: u.unitNo,
      name: u.name,
      creditCode: u.creditCode,
      regionCode: u.regionCode,
      regionName: regionName(u.regionCode) ?? null,
      unitType: u.unitType,
      economicType: u.economicType,
      industry: u.industry,
      riskClass: u.riskClass,
      sizeClass: u.sizeClass,
      businessScope: u.businessScope,
      legalRepName: u.legalRepName,
      legalRepIdNumber: reveal ? u.legalRepIdNumber : maskIdNumber(u.legalRepIdNumber),
      legalRepPhone: u.legalRepPhone ? (reveal ? u.legalRepPhone : maskPhone(u.legalRepPhone)) : null,
      address: u.address,
      postalCode: u.postalCode,
      contactName: u.contactName,
      contactPhone: u.contactPhone,
      contactEmail: u.contactEmail,
      establishedOn: iso(u.establishedOn)
    },
    insurances: u.insurances.map((i) => ({
      insuranceType: i.insuranceType,
      label: InsuranceTypes.label(i.insuranceType),
      status: i.status,
      statusLabel: i.status === 'ACTIVE' ? '正常参保' : EnrolmentStatuses.label(i.status),
      enrolledOn: iso(i.enrolledOn) as string,
      accountStartOn: iso(i.accountStartOn),
      lastSettledPeriod: i.lastSettledPeriod,
      collectionMode: i.collectionMode,
      activeStaff: staff.get(i.insuranceType) ?? 0
    })),
    clerks: u.clerks.map((c) => ({
      id: c.id,
      name: c.name,
      idNumber: reveal ? c.idNumber : maskIdNumber(c.idNumber),
      phone: reveal ? c.phone : maskPhone(c.phone),
      department: c.department,
      email: c.email,
      authorizedAt: c.authorizedAt.toISOString()
    })),
    bankAccounts: u.bankAccounts.map((b) => ({
      id: b.id,
      purpose: b.purpose,
      purposeLabel: BankAccountPurposes.label(b.purpose),
      bankCategory: b.bankCategory,
      bankCategoryLabel: BankCategories.label(b.bankCategory),
      bankName: b.bankName,
      accountName: b.accountName,
      accountNumber: reveal ? b.accountNumber : maskBankAccount(b.accountNumber),
      insuranceTypes: Array.isArray(b.insuranceTypes) ? (b.insuranceTypes as string[]) : []
    }))
  }
}
