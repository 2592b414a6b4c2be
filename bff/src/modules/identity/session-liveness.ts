// Session liveness for the auth guard (app.ts passes `isLive` to http/auth.ts as `isSessionActive`): an access token
// is honoured only while its session row is there, unrevoked, unexpired and for the token's subject
// (sessions.ts `sessionMatches`). The guard asks on every authenticated request, including the hot reads
// (缴费信息, > 1 000 requests a second), so the rows are cached in this process:
//  - a hit is a Map lookup; misses that arrive in the same turn of the event loop share one
//    `SELECT … FROM session WHERE id IN (…)` (the app reads on the raw driver, session-rows.ts), and concurrent
//    misses of one session share its lookup;
//  - a live row is kept `ttlMs` (a few seconds; never past the session's own expiry), a revoked or expired one
//    longer (that is final), an unknown id `ttlMs`; at most `maxEntries` rows (the oldest go first);
//  - revocations in this process (logout, PIN change, refresh-token reuse, clerk removal; session-revocations.ts)
//    drop the rows at once, and those sessions are not cached again for `ttlMs`: a lookup that raced the revoking
//    transaction (read before its commit) cannot put the old "live" answer back;
//  - a revocation by another process (another BFF instance, the admin CLI) takes effect within `ttlMs`.
import type { AuthContext } from '../../http/auth.ts'
import { isCovered, onSessionsRevoked, type RevokedSessions } from './session-revocations.ts'
import type { SessionRowsReader } from './session-rows.ts'
import { sessionMatches, type SessionLivenessRow } from './sessions.ts'

export const SESSION_LIVENESS_TTL_MS = 5_000
const FINAL_TTL_MS = 60_000
const MAX_ENTRIES = 50_000
/** Ids per lookup statement. */
const LOOKUP_CHUNK = 500

export interface SessionLivenessOptions {
  /** How long a live answer is trusted (default 5 s): the bound on a revocation made by another process. */
  ttlMs?: number
  maxEntries?: number
  /** ms clock (tests). */
  now?: () => number
}

interface Entry {
  row: SessionLivenessRow | null
  /** ms: drop the entry after this. */
  until: number
}

interface Distrust {
  revoked: RevokedSessions
  until: number
}

export class SessionLiveness {
  private readonly entries = new Map<string, Entry>()
  private readonly inFlight = new Map<string, Promise<SessionLivenessRow | null>>()
  private batch: Map<string, { resolve: (row: SessionLivenessRow | null) => void; reject: (err: unknown) => void }> | undefined
  private distrust: Distrust[] = []
  private readonly ttlMs: number
  private readonly maxEntries: number
  private readonly now: () => number
  private readonly unsubscribe: () => void

  constructor(
    private readonly rows: SessionRowsReader,
    opts: SessionLivenessOptions = {}
  ) {
    this.ttlMs = opts.ttlMs ?? SESSION_LIVENESS_TTL_MS
    this.maxEntries = opts.maxEntries ?? MAX_ENTRIES
    this.now = opts.now ?? Date.now
    this.unsubscribe = onSessionsRevoked((r) => this.forget(r))
  }

  /** The guard's question. Rejects only when the database cannot be asked. */
  readonly isLive = async (auth: AuthContext): Promise<boolean> => {
    const now = this.now()
    const hit = this.entries.get(auth.sessionId)
    if (hit && hit.until > now) return sessionMatches(hit.row, auth, now)
    if (hit) this.entries.delete(auth.sessionId)
    const row = await this.load(auth.sessionId)
    const at = this.now()
    this.remember(auth.sessionId, row, at)
    return sessionMatches(row, auth, at)
  }

  /** Drop what is known about these sessions and do not cache them again for one TTL. */
  forget(revoked: RevokedSessions): void {
    const now = this.now()
    this.distrust = this.distrust.filter((d) => d.until > now)
    this.distrust.push({ revoked, until: now + this.ttlMs })
    if ('sessionId' in revoked) {
      this.entries.delete(revoked.sessionId)
      this.inFlight.delete(revoked.sessionId)
      return
    }
    for (const [id, e] of this.entries) if (e.row && isCovered(revoked, id, e.row)) this.entries.delete(id)
    // A lookup in flight for a covered session is not joined any more (its answer may predate the revocation).
    this.inFlight.clear()
  }

  /** Cached rows (tests). */
  get size(): number {
    return this.entries.size
  }

  /** Stop hearing revocations and release the reader (the app is closing). */
  async close(): Promise<void> {
    this.unsubscribe()
    this.entries.clear()
    await this.rows.close()
  }

  private remember(sessionId: string, row: SessionLivenessRow | null, now: number): void {
    if (this.distrust.length) {
      this.distrust = this.distrust.filter((d) => d.until > now)
      if (this.distrust.some((d) => ('sessionId' in d.revoked ? d.revoked.sessionId === sessionId : row !== null && isCovered(d.revoked, sessionId, row)))) return
    }
    let until: number
    if (row === null) until = now + this.ttlMs
    else if (row.revokedAt !== null || row.expiresAt.getTime() <= now) until = now + FINAL_TTL_MS
    else until = Math.min(now + this.ttlMs, row.expiresAt.getTime())
    this.entries.delete(sessionId)
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
    this.entries.set(sessionId, { row, until })
  }

  /** The row, from a lookup shared with every other miss of this turn of the event loop. */
  private load(sessionId: string): Promise<SessionLivenessRow | null> {
    const pending = this.inFlight.get(sessionId)
    if (pending) return pending
    if (!this.batch) {
      this.batch = new Map()
      setImmediate(() => void this.flush())
    }
    const batch = this.batch
    const p = new Promise<SessionLivenessRow | null>((resolve, reject) => batch.set(sessionId, { resolve, reject }))
    this.inFlight.set(sessionId, p)
    const done = () => {
      if (this.inFlight.get(sessionId) === p) this.inFlight.delete(sessionId)
    }
    p.then(done, done)
    return p
  }

  private async flush(): Promise<void> {
    const batch = this.batch
    this.batch = undefined
    if (!batch) return
    const ids = [...batch.keys()]
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const part = ids.slice(i, i + LOOKUP_CHUNK)
      try {
        const rows = await this.rows.read(part)
        const byId = new Map(rows.map((r) => [r.id, r]))
        for (const id of part) {
          const r = byId.get(id)
          batch.get(id)?.resolve(r ? { role: r.role, personId: r.personId, unitId: r.unitId, reviewerId: r.reviewerId, revokedAt: r.revokedAt, expiresAt: r.expiresAt } : null)
        }
      } catch (err) {
        for (const id of part) batch.get(id)?.reject(err)
      }
    }
  }
}
