// Admin (CLI, seed): authorise a clerk for a unit (登陆授权信息采集表) or withdraw the authorisation. Withdrawing
// also revokes that person's open UNIT sessions for the unit (at once in this process; a BFF that the CLI is not
// part of refuses their access tokens within its liveness cache's few seconds, session-liveness.ts). (As a unit matter with the legal representative's
// consent this comes later; for now the seed and the admin CLI manage clerks.)
import { checkMobile, normalizeIdNumber, normalizeMobile, validateIdCard } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { inTransaction } from '../../db/tx.ts'
import { writeAudit } from './audit.ts'
import { AdminInputError } from './create-reviewer.ts'
import { announceRevoked } from './session-revocations.ts'

export interface AddClerkInput {
  unitNo: string
  idNumber: string
  name: string
  phone: string
  department?: string | undefined
}

export async function addUnitClerk(prisma: PrismaClient, input: AddClerkInput, now = new Date()): Promise<{ clerkId: number; unitId: number; personId: number | null }> {
  const id = validateIdCard(input.idNumber)
  if (!id.ok) throw new AdminInputError(`证件号码：${id.reason}`)
  const phone = checkMobile(input.phone)
  if (!phone.ok) throw new AdminInputError(`手机号码：${phone.reason ?? '格式不正确'}`)
  if (!input.name.trim()) throw new AdminInputError('姓名不能为空')
  const unit = await prisma.unit.findUnique({ where: { unitNo: input.unitNo.trim() }, select: { id: true } })
  if (!unit) throw new AdminInputError(`单位编号 ${input.unitNo} 不存在`)
  const idNumber = normalizeIdNumber(input.idNumber)
  const person = await prisma.person.findUnique({ where: { idNumber }, select: { id: true } })
  const data = {
    name: input.name.trim(),
    phone: normalizeMobile(input.phone),
    department: input.department?.trim() || null,
    personId: person?.id ?? null,
    active: true,
    revokedAt: null,
    authorizedAt: now
  }
  const clerk = await prisma.unitClerk.upsert({
    where: { unitId_idNumber: { unitId: unit.id, idNumber } },
    create: { unitId: unit.id, idNumber, ...data },
    update: data
  })
  await writeAudit(prisma, { action: 'admin.clerk_add', targetType: 'unit_clerk', targetId: clerk.id, detail: { unitId: unit.id } })
  return { clerkId: clerk.id, unitId: unit.id, personId: clerk.personId }
}

export async function removeUnitClerk(
  prisma: PrismaClient,
  input: { unitNo: string; idNumber: string },
  now = new Date()
): Promise<{ removed: boolean; sessionsRevoked: number }> {
  const unit = await prisma.unit.findUnique({ where: { unitNo: input.unitNo.trim() }, select: { id: true } })
  if (!unit) throw new AdminInputError(`单位编号 ${input.unitNo} 不存在`)
  const idNumber = normalizeIdNumber(input.idNumber)
  return inTransaction(prisma, async (tx) => {
    const clerk = await tx.unitClerk.findUnique({ where: { unitId_idNumber: { unitId: unit.id, idNumber } } })
    if (!clerk || !clerk.active) return { removed: false, sessionsRevoked: 0 }
    await tx.unitClerk.update({ where: { id: clerk.id }, data: { active: false, revokedAt: now } })
    const person = clerk.personId ?? (await tx.person.findUnique({ where: { idNumber }, select: { id: true } }))?.id ?? null
    let sessionsRevoked = 0
    if (person !== null) {
      const r = await tx.session.updateMany({
        where: { role: 'UNIT', unitId: unit.id, personId: person, revokedAt: null },
        data: { revokedAt: now, revokeReason: 'clerk_removed' }
      })
      announceRevoked({ personId: person, unitId: unit.id })
      sessionsRevoked = r.count
    }
    await writeAudit(tx, { action: 'admin.clerk_remove', targetType: 'unit_clerk', targetId: clerk.id, detail: { unitId: unit.id, sessionsRevoked } })
    return { removed: true, sessionsRevoked }
  })
}
