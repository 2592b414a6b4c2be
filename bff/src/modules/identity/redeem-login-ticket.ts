// 扫码登录, PC side, last step: the creating browser (binding secret) exchanges a CONFIRMED ticket for a session,
// once (CONFIRMED → CONSUMED, compare-and-set, in the same transaction as the new session). 个人登录 gives a PERSON
// session for the phone's holder; 单位登录 a UNIT session carrying the chosen unit and the clerk's person id.
import type { SessionTokens } from '@shebao/shared'
import { inTransaction } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { writeAudit } from './audit.ts'
import { isAuthorisedClerk } from './clerk-authorisation.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import { expireIfDue, findTicket, stateError, statusOf, transition } from './login-ticket-store.ts'
import type { RequestMeta } from './request-meta.ts'
import { openSession, sessionTokens, type SessionSubject } from './sessions.ts'
import { findBoundTicket } from './watch-login-ticket.ts'

export async function redeemLoginTicket(
  deps: IdentityDeps,
  input: { ticketId: string; bindingSecrets: readonly string[] },
  meta: RequestMeta
): Promise<SessionTokens> {
  await enforceRateLimit(deps.rateLimiter, LIMITS.ticketRedeemPerIp, meta.ip)
  const now = deps.clock()
  const found = await findBoundTicket(deps, input.ticketId, input.bindingSecrets)
  const ticket = await expireIfDue(deps.prisma, deps.ticketEvents, found, now)
  if (ticket.state !== 'CONFIRMED') throw stateError(ticket.state)
  const personId = ticket.scannedByPersonId
  if (personId === null) throw new Error(`confirmed login ticket ${ticket.id} has no scanner`)
  let subject: SessionSubject
  if (ticket.target === 'UNIT') {
    if (ticket.chosenUnitId === null) throw new Error(`confirmed unit login ticket ${ticket.id} has no unit`)
    subject = { role: 'UNIT', personId, unitId: ticket.chosenUnitId }
  } else {
    subject = { role: 'PERSON', personId }
  }

  const result = await inTransaction(deps.prisma, async (tx) => {
    const moved = await transition(tx, ticket, 'CONSUMED', { consumedAt: now })
    if (!moved) return null
    // The clerk's authorisation may have been withdrawn since the confirm: then no unit session.
    if (subject.role === 'UNIT' && !(await isAuthorisedClerk(tx, subject.personId, subject.unitId))) throw new AppError('UNIT_NOT_AUTHORISED')
    const opened = await openSession(tx, subject, meta, now)
    await writeAudit(tx, {
      action: 'auth.sign_in',
      actorRole: subject.role,
      actorId: personId,
      targetType: 'session',
      targetId: opened.sessionId,
      detail: { method: 'scan-login', ticketId: ticket.id, ...(subject.role === 'UNIT' ? { unitId: subject.unitId } : {}) },
      meta,
      at: now
    })
    return { opened, moved }
  })
  if (!result) {
    const again = await findTicket(deps.prisma, { id: ticket.id })
    throw again ? stateError(again.state === 'CONFIRMED' ? 'CONSUMED' : again.state) : new AppError('NOT_FOUND')
  }
  deps.ticketEvents.publish(statusOf({ ...ticket, ...result.moved }))
  return sessionTokens(deps.prisma, deps.keys, subject, result.opened)
}
