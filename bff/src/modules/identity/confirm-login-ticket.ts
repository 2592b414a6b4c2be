// 扫码登录, phone side, step 2: the phone that scanned confirms (SCANNED → CONFIRMED, compare-and-set on state,
// version and scanner). 单位登录 needs a unit the person is an active authorised clerk of — checked again here,
// since the authorisation may have been withdrawn since the scan; any other unit is "not found".
import type { LoginTicketStatus } from '@shebao/shared'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { writeAudit } from './audit.ts'
import { isAuthorisedClerk } from './clerk-authorisation.ts'
import type { IdentityDeps } from './context.ts'
import { expireIfDue, findTicket, statusOf, transition } from './login-ticket-store.ts'
import type { RequestMeta } from './request-meta.ts'
import { assertScannedBy, personIdOf } from './scan-login-ticket.ts'
import { requireLiveSession } from './sessions.ts'

export async function confirmLoginTicket(
  deps: IdentityDeps,
  auth: AuthContext,
  ticketId: string,
  input: { unitId?: number | undefined },
  meta: RequestMeta
): Promise<LoginTicketStatus> {
  const personId = personIdOf(auth)
  const now = deps.clock()
  await requireLiveSession(deps.prisma, auth, now)
  const found = await findTicket(deps.prisma, { id: ticketId })
  if (!found) throw new AppError('NOT_FOUND', { message: '二维码无效或已过期，请在电脑上刷新二维码' })
  const ticket = await expireIfDue(deps.prisma, deps.ticketEvents, found, now)
  assertScannedBy(ticket, personId)

  let unitId: number | null = null
  if (ticket.target === 'PERSON') {
    if (input.unitId !== undefined) throw new AppError('VALIDATION_FAILED', { field: 'unitId', message: '个人登录无需选择单位' })
  } else {
    if (input.unitId === undefined) throw new AppError('VALIDATION_FAILED', { field: 'unitId', message: '请选择要登录的单位' })
    if (!(await isAuthorisedClerk(deps.prisma, personId, input.unitId))) throw new AppError('UNIT_NOT_AUTHORISED', { field: 'unitId' })
    unitId = input.unitId
  }

  const moved = await transition(deps.prisma, ticket, 'CONFIRMED', { confirmedAt: now, chosenUnitId: unitId }, { scannedByPersonId: personId })
  if (!moved) {
    const again = await findTicket(deps.prisma, { id: ticketId })
    if (again) assertScannedBy(again, personId, [])
    throw new AppError('CONFLICT')
  }
  const status = statusOf({ ...ticket, ...moved })
  deps.ticketEvents.publish(status)
  await writeAudit(deps.prisma, {
    action: 'login_ticket.confirm',
    actorRole: 'PERSON',
    actorId: personId,
    targetType: 'login_ticket',
    targetId: ticketId,
    detail: { target: ticket.target, ...(unitId !== null ? { unitId } : {}) },
    meta,
    at: now
  })
  return status
}
