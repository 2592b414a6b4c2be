// 扫码登录, phone side, step 1: the signed-in e-SSC holder scans the PC's QR (or types its code). The first phone
// to scan takes the ticket (PENDING → SCANNED, compare-and-set); it then sees who is asking — browser, OS and IP of
// the PC, when, for which system — and, for 单位登录, the units that authorised it as a clerk (only those). A
// person who is no unit's clerk cannot take a 单位登录 ticket at all.
import type { ScanLoginTicketResponse } from '@shebao/shared'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { writeAudit } from './audit.ts'
import { authorisedUnits } from './clerk-authorisation.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import { expireIfDue, findTicket, stateError, statusOf, transition, type TicketRow } from './login-ticket-store.ts'
import type { RequestMeta } from './request-meta.ts'
import { requireLiveSession } from './sessions.ts'
import { describeUserAgent } from './user-agent.ts'

/** What the phone says is asking (the PC web hall). */
export const LOGIN_SYSTEM_NAME = '掌上社保网上服务大厅'

export function personIdOf(auth: AuthContext): number {
  if (auth.role !== 'person' || auth.personId === undefined) throw new AppError('FORBIDDEN')
  return auth.personId
}

/** A phone may act on a ticket that is SCANNED by itself; anything else is an error naming why. */
export function assertScannedBy(ticket: TicketRow, personId: number, allowed: readonly TicketRow['state'][] = ['SCANNED']): void {
  if (ticket.state === 'PENDING' && allowed.includes('PENDING')) return
  if (ticket.scannedByPersonId !== null && ticket.scannedByPersonId !== personId) throw new AppError('LOGIN_TICKET_TAKEN')
  if (!allowed.includes(ticket.state)) throw stateError(ticket.state)
}

export async function scanLoginTicket(
  deps: IdentityDeps,
  auth: AuthContext,
  input: { ticketId?: string | undefined; shortCode?: string | undefined },
  meta: RequestMeta
): Promise<ScanLoginTicketResponse> {
  const personId = personIdOf(auth)
  await enforceRateLimit(deps.rateLimiter, LIMITS.ticketScanPerPerson, String(personId))
  await enforceRateLimit(deps.rateLimiter, LIMITS.ticketScanPerIp, meta.ip)
  const now = deps.clock()
  await requireLiveSession(deps.prisma, auth, now)

  const where = input.ticketId !== undefined ? { id: input.ticketId } : input.shortCode !== undefined ? { shortCode: input.shortCode } : undefined
  const found = where ? await findTicket(deps.prisma, where) : null
  if (!found) throw new AppError('NOT_FOUND', { message: '二维码无效或已过期，请在电脑上刷新二维码' })
  let ticket = await expireIfDue(deps.prisma, deps.ticketEvents, found, now)
  assertScannedBy(ticket, personId, ['PENDING', 'SCANNED'])

  const units = ticket.target === 'UNIT' ? await authorisedUnits(deps.prisma, personId) : []
  if (ticket.target === 'UNIT' && units.length === 0) throw new AppError('NOT_A_CLERK')

  if (ticket.state === 'PENDING') {
    const moved = await transition(deps.prisma, ticket, 'SCANNED', { scannedAt: now, scannedByPersonId: personId })
    if (moved) {
      ticket = { ...ticket, ...moved, scannedByPersonId: personId }
      deps.ticketEvents.publish(statusOf(ticket))
      await writeAudit(deps.prisma, { action: 'login_ticket.scan', actorRole: 'PERSON', actorId: personId, targetType: 'login_ticket', targetId: ticket.id, detail: { target: ticket.target }, meta, at: now })
    } else {
      // Another scan won the race (or the same phone twice): judge by what it is now.
      const again = await findTicket(deps.prisma, { id: ticket.id })
      if (!again) throw new AppError('NOT_FOUND')
      assertScannedBy(again, personId)
      ticket = again
    }
  }
  const device = describeUserAgent(ticket.requesterAgent)
  return {
    ...statusOf(ticket),
    requester: { ...device, ip: ticket.requesterIp ?? '未知', createdAt: ticket.createdAt.toISOString() },
    system: LOGIN_SYSTEM_NAME,
    units
  }
}
