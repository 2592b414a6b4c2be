// Push of scan-code login state changes to the PC that is waiting (SSE stream or long-poll).
//
// The use cases publish after every successful compare-and-set transition (after the database has committed it);
// the PC's open stream subscribed to its ticket id receives it at once. The default bus is in-process memory,
// which is exact for a single BFF instance. With several instances behind a load balancer the PC's stream and the
// phone's confirm usually land on different instances: implement this same interface over Redis pub/sub
// (publish to channel `login-ticket:<id>`; one subscriber connection per instance with PSUBSCRIBE
// `login-ticket:*`, fanning out to the local listeners). Events carry the ticket's full state and version, so a
// listener never needs the event history: a lost or duplicated event is harmless, the stream also re-reads the
// ticket on connect, and the long-poll re-reads it when it wakes up.
import type { LoginTicketStatus } from '@shebao/shared'

export type TicketListener = (status: LoginTicketStatus) => void

export interface TicketEvents {
  /** Tell every listener of `status.ticketId` (fire and forget; must not throw). */
  publish(status: LoginTicketStatus): void
  /** Listen to one ticket; returns the unsubscribe function. */
  subscribe(ticketId: string, listener: TicketListener): () => void
}

export class InMemoryTicketEvents implements TicketEvents {
  private readonly listeners = new Map<string, Set<TicketListener>>()

  constructor(private readonly onListenerError: (err: unknown) => void = () => {}) {}

  publish(status: LoginTicketStatus): void {
    const set = this.listeners.get(status.ticketId)
    if (!set) return
    for (const listener of [...set]) {
      try {
        listener(status)
      } catch (err) {
        this.onListenerError(err)
      }
    }
  }

  subscribe(ticketId: string, listener: TicketListener): () => void {
    let set = this.listeners.get(ticketId)
    if (!set) {
      set = new Set()
      this.listeners.set(ticketId, set)
    }
    set.add(listener)
    return () => {
      const s = this.listeners.get(ticketId)
      if (!s) return
      s.delete(listener)
      if (s.size === 0) this.listeners.delete(ticketId)
    }
  }

  /** Open subscriptions (for tests and metrics). */
  get listenerCount(): number {
    let n = 0
    for (const s of this.listeners.values()) n += s.size
    return n
  }
}
