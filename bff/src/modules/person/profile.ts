// 本人基本信息 with the reveal toggle (小眼睛): masked by default; `reveal` shows the owner their own ID number,
// phone, name and bank accounts in full and writes an audit row (who, when, from where).
import {
  BankAccountPurposes,
  IdTypes,
  maskBankAccount,
  maskIdNumber,
  maskName,
  maskPhone,
  PersonStatuses,
  Sexes,
  type PersonProfile
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { isoDateOrNull } from './convert.ts'

export interface RevealMeta {
  ip: string
  requestId: string
  sessionId: string
}

export async function getProfile(prisma: PrismaClient, personId: number, reveal: boolean, meta: RevealMeta): Promise<PersonProfile> {
  const p = await prisma.person.findUnique({
    where: { id: personId },
    select: {
      personNo: true,
      idType: true,
      idNumber: true,
      name: true,
      sex: true,
      birthDate: true,
      phone: true,
      regionCode: true,
      firstWorkDate: true,
      status: true,
      retiredOn: true,
      region: { select: { name: true } },
      bankAccounts: {
        where: { active: true },
        orderBy: { id: 'asc' },
        select: { purpose: true, bankName: true, accountName: true, accountNumber: true }
      }
    }
  })
  if (!p) throw new AppError('NOT_FOUND')
  if (reveal) {
    // The owner looked at their own unmasked data: keep a trace (no personal data in the row itself).
    await prisma.auditLog.create({
      data: {
        actorRole: 'PERSON',
        actorId: personId,
        action: 'PERSON_PROFILE_REVEAL',
        targetType: 'person',
        targetId: String(personId),
        ip: meta.ip.slice(0, 64),
        requestId: meta.requestId.slice(0, 64),
        detail: { sessionId: meta.sessionId, fields: ['name', 'idNumber', 'birthDate', 'phone', 'bankAccounts'] }
      }
    })
  }
  return {
    personNo: p.personNo,
    name: reveal ? p.name : maskName(p.name),
    idType: p.idType,
    idTypeLabel: IdTypes.label(p.idType),
    idNumber: reveal ? p.idNumber : maskIdNumber(p.idNumber),
    sex: p.sex,
    sexLabel: Sexes.label(p.sex),
    // The birth date is half of the ID number: shown only with it.
    birthDate: reveal ? isoDateOrNull(p.birthDate) : null,
    phone: p.phone === null ? null : reveal ? p.phone : maskPhone(p.phone),
    status: p.status,
    statusLabel: PersonStatuses.label(p.status),
    regionCode: p.regionCode,
    regionName: p.region.name,
    firstWorkDate: isoDateOrNull(p.firstWorkDate),
    retiredOn: isoDateOrNull(p.retiredOn),
    bankAccounts: p.bankAccounts.map((b) => ({
      purpose: b.purpose,
      purposeLabel: BankAccountPurposes.label(b.purpose),
      bankName: b.bankName,
      accountName: reveal ? b.accountName : maskName(b.accountName),
      accountNumber: reveal ? b.accountNumber : maskBankAccount(b.accountNumber)
    })),
    revealed: reveal
  }
}
