// GET /api/unit/clerks: the signed-in unit's authorised clerks (登陆授权信息), masked; the caller marked `isMe`.
import { maskIdNumber, maskName, maskPhone, type UnitClerksResponse } from '@shebao/shared'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { IdentityDeps } from './context.ts'

export async function listUnitClerks(deps: IdentityDeps, auth: AuthContext): Promise<UnitClerksResponse> {
  if (auth.role !== 'unit' || auth.unitId === undefined || auth.personId === undefined) throw new AppError('FORBIDDEN')
  const [unit, me, rows] = await Promise.all([
    deps.prisma.unit.findUnique({ where: { id: auth.unitId }, select: { id: true, unitNo: true, name: true } }),
    deps.prisma.person.findUnique({ where: { id: auth.personId }, select: { idNumber: true } }),
    deps.prisma.unitClerk.findMany({
      where: { unitId: auth.unitId, active: true, revokedAt: null },
      orderBy: [{ authorizedAt: 'asc' }, { id: 'asc' }]
    })
  ])
  if (!unit) throw new AppError('NOT_FOUND')
  return {
    unit,
    items: rows.map((c) => ({
      id: c.id,
      name: maskName(c.name),
      idNumber: maskIdNumber(c.idNumber),
      phone: maskPhone(c.phone),
      department: c.department,
      authorizedAt: c.authorizedAt.toISOString(),
      isMe: c.personId === auth.personId || (me !== null && c.idNumber === me.idNumber)
    }))
  }
}
