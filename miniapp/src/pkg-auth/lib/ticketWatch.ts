/**
 * PC side of 扫码登录: follow a login ticket's state. Server-sent events first (the BFF pushes every transition the
 * moment it happens); long-poll (`GET /api/auth/login-tickets/:id?after=<version>&wait=…`) when the browser has no
 * EventSource or the stream fails. Both ride on the httpOnly binding cookie the ticket's creation set (same-origin,
 * so the browser sends it by itself; path-scoped to this ticket). H5 only: the PC web hall is the H5 build.
 */
import type { LoginTicketState, LoginTicketStatus } from '@shebao/shared'

export const FINAL_TICKET_STATES: readonly LoginTicketState[] = ['CONSUMED', 'CANCELLED', 'EXPIRED']

export function isFinalTicketState(state: LoginTicketState): boolean {
  return FINAL_TICKET_STATES.includes(state)
}

export type WatchMode = 'sse' | 'poll'

export interface WatchOptions {
  /** The version already known (from the create answer): only newer states are delivered. */
  after: number
  onState: (status: LoginTicketStatus) => void
  /** The ticket can no longer be followed (unknown to the server, cookie missing): a Chinese message. */
  onLost?: (message: string) => void
  /** Which channel is in use (for the page's data attribute and tests). */
  onMode?: (mode: WatchMode) => void
  /** Long-poll wait in seconds (server caps it at 25). */
  pollWaitSeconds?: number
  /** Injected in tests. */
  EventSourceImpl?: typeof EventSource | null
  fetchImpl?: typeof fetch
}

const ticketPath = (ticketId: string) => `/api/auth/login-tickets/${encodeURIComponent(ticketId)}`

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(t)
      resolve()
    })
  })

/** Start following `ticketId`; returns a function that stops (closes the stream, aborts the poll). */
export function watchLoginTicket(ticketId: string, opts: WatchOptions): () => void {
  const ES = opts.EventSourceImpl === undefined ? (typeof EventSource === 'undefined' ? null : EventSource) : opts.EventSourceImpl
  const doFetch = opts.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const aborter = new AbortController()
  let version = opts.after
  let stopped = false
  let es: EventSource | null = null

  const stop = () => {
    if (stopped) return
    stopped = true
    es?.close()
    es = null
    aborter.abort()
  }

  const deliver = (s: LoginTicketStatus) => {
    if (stopped || s.ticketId !== ticketId || s.version <= version) return
    version = s.version
    if (isFinalTicketState(s.state)) stop()
    opts.onState(s)
  }

  const lost = (message: string) => {
    if (stopped) return
    stop()
    opts.onLost?.(message)
  }

  const poll = async () => {
    opts.onMode?.('poll')
    const wait = opts.pollWaitSeconds ?? 25
    let failures = 0
    while (!stopped) {
      try {
        const res = await doFetch(`${ticketPath(ticketId)}?after=${version}&wait=${wait}`, {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
          signal: aborter.signal
        })
        if (res.ok) {
          failures = 0
          deliver((await res.json()) as LoginTicketStatus)
          continue
        }
        if (res.status === 404 || res.status === 400) {
          lost('二维码已失效，请刷新二维码')
          return
        }
        // 429 (too many requests) or a server hiccup: back off, as the server asks when it says
        const retryAfter = Number(res.headers.get('Retry-After'))
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 2000, aborter.signal)
      } catch {
        if (stopped) return
        // network trouble: retry with a growing pause (2 s, 4 s … 10 s)
        failures++
        await sleep(Math.min(10_000, 2000 * failures), aborter.signal)
      }
    }
  }

  if (!ES) {
    void poll()
    return stop
  }

  opts.onMode?.('sse')
  try {
    es = new ES(`${ticketPath(ticketId)}/events`, { withCredentials: true })
  } catch {
    void poll()
    return stop
  }
  es.addEventListener('state', (e) => {
    try {
      deliver(JSON.parse((e as MessageEvent<string>).data) as LoginTicketStatus)
    } catch {
      // a malformed frame: the next one carries the full state again
    }
  })
  es.onerror = () => {
    if (stopped) return
    // The stream failed (proxy without streaming, 404, 429, network): carry on with long-poll, which re-reads
    // the current state first, so nothing is missed.
    es?.close()
    es = null
    void poll()
  }
  return stop
}
