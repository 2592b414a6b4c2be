// Which cases a caller may see: a unit clerk the unit's cases, a person their own; anything else is 404
// (never 403: another unit's 业务流水号 must not be confirmed to exist).
import type { Prisma } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'

export function ownerWhere(auth: AuthContext): Prisma.CaseWhereInput {
  if (auth.role === 'unit') return { unitId: auth.unitId as number, applicantRole: 'UNIT' }
  if (auth.role === 'person') return { personId: auth.personId as number, applicantRole: 'PERSON' }
  throw new AppError('NOT_FOUND')
}

export function isCaseSerialText(s: string): boolean {
  return /^\d{15}$/.test(s)
}
