// login_ticket rows and their state machine. Every transition is a compare-and-set:
//   UPDATE login_ticket SET state = :to, version = version + 1, … WHERE id = :id AND state = :from AND version = :v
// and succeeds only when exactly one row was affected, so two phones, two confirms or two redeems can never both
// win. After a successful transition the caller publishes the new status on the TicketEvents bus.
import { loginTicketMachine, type LoginTicketState, type LoginTicketStatus } from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import type { TicketEvents } from './ticket-events.ts'

export interface TicketRow {
  id: string
  shortCode: string
  target: 'PERSON' | 'UNIT'
  state: LoginTicketState
  version: number
  bindingHash: string
  requesterIp: string | null
  requesterAgent: string | null
  createdAt: Date
  expiresAt: Date
  scannedByPersonId: number | null
  chosenUnitId: number | null
}

const TICKET_SELECT = {
  id: true,
  shortCode: true,
  target: true,
  state: true,
  version: true,
  bindingHash: true,
  requesterIp: true,
  requesterAgent: true,
  createdAt: true,
  expiresAt: true,
  scannedByPersonId: true,
  chosenUnitId: true
} as const satisfies Prisma.LoginTicketSelect

export function statusOf(t: Pick<TicketRow, 'id' | 'target' | 'state' | 'version' | 'expiresAt'>): LoginTicketStatus {
  return { ticketId: t.id, target: t.target, state: t.state, version: t.version, expiresAt: t.expiresAt.toISOString() }
}

export function isFinalState(state: LoginTicketState): boolean {
  return loginTicketMachine.isFinal(state)
}

export async function findTicket(db: PrismaClient | Tx, where: { id: string } | { shortCode: string }): Promise<TicketRow | null> {
  return db.loginTicket.findUnique({ where, select: TICKET_SELECT })
}

type TransitionData = Omit<Prisma.LoginTicketUpdateManyMutationInput, 'state' | 'version'>

/** Compare-and-set `from` → `to`. Returns the new row state, or null when someone else moved the ticket first. */
export async function transition(
  db: PrismaClient | Tx,
  ticket: Pick<TicketRow, 'id' | 'state' | 'version'>,
  to: LoginTicketState,
  data: TransitionData = {},
  extraWhere: Prisma.LoginTicketWhereInput = {}
): Promise<{ state: LoginTicketState; version: number } | null> {
  if (!loginTicketMachine.canTransition(ticket.state, to)) {
    throw new Error(`login ticket: no transition ${ticket.state} → ${to}`)
  }
  const r = await db.loginTicket.updateMany({
    where: { ...extraWhere, id: ticket.id, state: ticket.state, version: ticket.version },
    data: { ...data, state: to, version: { increment: 1 } }
  })
  return r.count === 1 ? { state: to, version: ticket.version + 1 } : null
}

/**
 * A ticket past its expiry that is not final yet becomes EXPIRED now (on read), and the waiting PC is told.
 * Returns the ticket as it now stands (re-read if another request moved it meanwhile).
 */
export async function expireIfDue(prisma: PrismaClient, events: TicketEvents, ticket: TicketRow, now: Date): Promise<TicketRow> {
  let t = ticket
  for (let i = 0; i < 3; i++) {
    if (isFinalState(t.state) || t.expiresAt.getTime() > now.getTime()) return t
    const moved = await transition(prisma, t, 'EXPIRED')
    if (moved) {
      const expired = { ...t, ...moved }
      events.publish(statusOf(expired))
      return expired
    }
    const again = await findTicket(prisma, { id: t.id })
    if (!again) throw new AppError('NOT_FOUND')
    t = again
  }
  return t
}

/** The error for acting on a ticket in a state that does not allow it (from the phone's or the PC's side). */
export function stateError(state: LoginTicketState): AppError {
  switch (state) {
    case 'EXPIRED':
      return new AppError('LOGIN_TICKET_EXPIRED')
    case 'CANCELLED':
      return new AppError('LOGIN_TICKET_CANCELLED')
    case 'CONFIRMED':
    case 'CONSUMED':
      return new AppError('LOGIN_TICKET_USED')
    case 'PENDING':
      return new AppError('LOGIN_TICKET_NOT_SCANNED')
    case 'SCANNED':
      return new AppError('LOGIN_TICKET_NOT_CONFIRMED')
  }
}
