// 扫码登录, phone side: the phone that scanned says no (SCANNED or CONFIRMED → CANCELLED). The PC is told at once
// and shows a fresh QR.
import type { LoginTicketStatus } from '@shebao/shared'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { IdentityDeps } from './context.ts'
import { expireIfDue, findTicket, statusOf, transition } from './login-ticket-store.ts'
import type { RequestMeta } from './request-meta.ts'
import { assertScannedBy, personIdOf } from './scan-login-ticket.ts'
import { requireLiveSession } from './sessions.ts'
import { writeAudit } from './audit.ts'

export async function cancelLoginTicket(deps: IdentityDeps, auth: AuthContext, ticketId: string, meta: RequestMeta): Promise<LoginTicketStatus> {
  const personId = personIdOf(auth)
  const now = deps.clock()
  await requireLiveSession(deps.prisma, auth, now)
  const found = await findTicket(deps.prisma, { id: ticketId })
  if (!found) throw new AppError('NOT_FOUND', { message: '二维码无效或已过期' })
  const ticket = await expireIfDue(deps.prisma, deps.ticketEvents, found, now)
  assertScannedBy(ticket, personId, ['SCANNED', 'CONFIRMED'])
  const moved = await transition(deps.prisma, ticket, 'CANCELLED', { cancelledAt: now }, { scannedByPersonId: personId })
  if (!moved) {
    const again = await findTicket(deps.prisma, { id: ticketId })
    if (again) assertScannedBy(again, personId, [])
    throw new AppError('CONFLICT')
  }
  const status = statusOf({ ...ticket, ...moved })
  deps.ticketEvents.publish(status)
  await writeAudit(deps.prisma, { action: 'login_ticket.cancel', actorRole: 'PERSON', actorId: personId, targetType: 'login_ticket', targetId: ticketId, meta, at: now })
  return status
}
