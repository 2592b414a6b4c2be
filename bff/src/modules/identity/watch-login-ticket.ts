// 扫码登录, PC side: follow a ticket. Both the SSE stream and the long-poll fallback are built on `watchLoginTicket`:
// it checks the binding secret (404 unless it is the creating browser's), subscribes to the ticket's events *before*
// reading the current state (so no change can fall between the read and the subscription), expires the ticket on
// read when it is past its time, and arms a timer that expires it at `expiresAt` so a waiting PC is told at once.
// The listener gets the current state first, then each later state at most once, in version order; the watch
// closes itself after a final state (CONSUMED, CANCELLED, EXPIRED).
import type { LoginTicketStatus } from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import { expireIfDue, findTicket, isFinalState, statusOf, type TicketRow } from './login-ticket-store.ts'
import type { RequestMeta } from './request-meta.ts'
import { sameDigest, sha256Hex } from './secrets.ts'

/** The ticket, if `bindingSecret` is the one its creating browser holds; otherwise 404 (nothing to learn). */
export async function findBoundTicket(deps: IdentityDeps, ticketId: string, bindingSecret: readonly string[]): Promise<TicketRow> {
  const ticket = await findTicket(deps.prisma, { id: ticketId })
  if (!ticket || !bindingSecret.some((s) => s.length > 0 && sameDigest(sha256Hex(s), ticket.bindingHash))) {
    throw new AppError('NOT_FOUND', { message: '登录二维码不存在或已失效' })
  }
  return ticket
}

export interface TicketWatch {
  /** The state when the watch started (already expired if it was due). */
  initial: LoginTicketStatus
  close(): void
}

export async function watchLoginTicket(
  deps: IdentityDeps,
  input: { ticketId: string; bindingSecrets: readonly string[] },
  meta: RequestMeta,
  onChange: (status: LoginTicketStatus) => void
): Promise<TicketWatch> {
  await enforceRateLimit(deps.rateLimiter, LIMITS.ticketWatchPerIp, meta.ip)
  let lastVersion = -1
  let closed = false
  let ready = false
  const early: LoginTicketStatus[] = []
  let timer: NodeJS.Timeout | undefined

  const deliver = (s: LoginTicketStatus) => {
    if (closed || s.version <= lastVersion) return
    lastVersion = s.version
    onChange(s)
    if (isFinalState(s.state)) close()
  }
  const unsubscribe = deps.ticketEvents.subscribe(input.ticketId, (s) => (ready ? deliver(s) : early.push(s)))
  function close() {
    if (closed) return
    closed = true
    unsubscribe()
    if (timer) clearTimeout(timer)
  }

  try {
    const found = await findBoundTicket(deps, input.ticketId, input.bindingSecrets)
    const ticket = await expireIfDue(deps.prisma, deps.ticketEvents, found, deps.clock())
    const initial = statusOf(ticket)
    deliver(initial) // the listener hears the current state first, then every later one
    if (closed) return { initial, close }
    // Expire exactly on time while someone is watching (the event reaches this watcher through the bus).
    const dueIn = Math.max(0, ticket.expiresAt.getTime() - deps.clock().getTime()) + 50
    timer = setTimeout(() => {
      void (async () => {
        const t = await findTicket(deps.prisma, { id: input.ticketId })
        if (t) await expireIfDue(deps.prisma, deps.ticketEvents, t, deps.clock())
      })().catch((err) => deps.logger.warn({ err }, 'login ticket expiry failed'))
    }, dueIn)
    timer.unref()
    ready = true
    for (const s of early.splice(0)) deliver(s)
    return { initial, close }
  } catch (err) {
    close()
    throw err
  }
}

/**
 * Long-poll: answer as soon as the ticket's version is greater than `after` (at once if it already is), or after
 * `waitSeconds` with the current state. `signal` aborts when the client goes away.
 */
export async function waitForLoginTicket(
  deps: IdentityDeps,
  input: { ticketId: string; bindingSecrets: readonly string[]; after: number; waitSeconds: number },
  meta: RequestMeta,
  signal?: AbortSignal
): Promise<LoginTicketStatus> {
  let resolveChange: ((s: LoginTicketStatus) => void) | undefined
  const changed = new Promise<LoginTicketStatus>((resolve) => (resolveChange = resolve))
  const watch = await watchLoginTicket(deps, input, meta, (s) => {
    if (s.version > input.after) resolveChange?.(s)
  })
  try {
    if (watch.initial.version > input.after || isFinalState(watch.initial.state) || input.waitSeconds <= 0) return watch.initial
    let timeout: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timeout = setTimeout(() => resolve('timeout'), input.waitSeconds * 1000)
      signal?.addEventListener('abort', () => resolve('timeout'), { once: true })
    })
    const r = await Promise.race([changed, timedOut])
    clearTimeout(timeout)
    if (r !== 'timeout') return r
    const t = await findTicket(deps.prisma, { id: input.ticketId })
    return t ? statusOf(t) : watch.initial
  } finally {
    watch.close()
  }
}
