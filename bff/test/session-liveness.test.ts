// identity's SessionLiveness (the auth guard's session check) against a fake `session` table that counts lookups:
// hits cost no lookup, misses of one turn share one statement, answers age out, the cache is bounded, and
// revocations announced in this process drop entries at once (also while a lookup is racing the revocation).
import { afterEach, describe, expect, it } from 'vitest'
import type { AuthContext } from '../src/http/auth.ts'
import { SessionLiveness } from '../src/modules/identity/session-liveness.ts'
import { announceRevoked } from '../src/modules/identity/session-revocations.ts'
import type { SessionLivenessRow } from '../src/modules/identity/sessions.ts'

type Row = SessionLivenessRow & { id: string }

class FakeSessions {
  rows = new Map<string, Row>()
  statements: string[][] = []
  /** When set, lookups wait for it (to race a revocation against a lookup in flight). */
  gate: Promise<void> | undefined
  fail = false

  readonly reader = {
    read: async (ids: readonly string[]) => {
      this.statements.push([...ids])
      // Read now (the snapshot a transaction would see), answer when the gate opens.
      const found = ids.map((id) => this.rows.get(id)).filter((r): r is Row => r !== undefined).map((r) => ({ ...r }))
      if (this.gate) await this.gate
      if (this.fail) throw new Error('database down')
      return found
    },
    close: async () => {
      this.closed = true
    }
  }
  closed = false

  person(id: string, personId: number, opts: Partial<Row> = {}): AuthContext {
    this.rows.set(id, { id, role: 'PERSON', personId, unitId: null, reviewerId: null, revokedAt: null, expiresAt: new Date(Date.now() + 3600_000), ...opts })
    return { role: 'person', personId, sessionId: id }
  }

  unit(id: string, personId: number, unitId: number): AuthContext {
    this.rows.set(id, { id, role: 'UNIT', personId, unitId, reviewerId: null, revokedAt: null, expiresAt: new Date(Date.now() + 3600_000) })
    return { role: 'unit', personId, unitId, sessionId: id }
  }

  revoke(id: string): void {
    const r = this.rows.get(id)
    if (r) r.revokedAt = new Date()
  }
}

let clock = Date.now()
const caches: SessionLiveness[] = []
function cache(db: FakeSessions, opts: { ttlMs?: number; maxEntries?: number } = {}): SessionLiveness {
  const c = new SessionLiveness(db.reader, { now: () => clock, ...opts })
  caches.push(c)
  return c
}
afterEach(async () => {
  for (const c of caches.splice(0)) await c.close()
})

describe('SessionLiveness', () => {
  it('answers from the cache: 200 checks of one session cost one lookup until the TTL runs out', async () => {
    const db = new FakeSessions()
    const auth = db.person('s1', 7)
    const c = cache(db, { ttlMs: 5000 })
    for (let i = 0; i < 200; i++) expect(await c.isLive(auth)).toBe(true)
    expect(db.statements).toHaveLength(1)
    clock += 4999
    expect(await c.isLive(auth)).toBe(true)
    expect(db.statements).toHaveLength(1)
    // Revoked by another process: seen when the entry runs out.
    db.revoke('s1')
    expect(await c.isLive(auth)).toBe(true)
    clock += 2
    expect(await c.isLive(auth)).toBe(false)
    expect(db.statements).toHaveLength(2)
  })

  it('misses of the same turn share one statement; concurrent checks of one session share its lookup', async () => {
    const db = new FakeSessions()
    const auths = Array.from({ length: 30 }, (_, i) => db.person(`p${i}`, 100 + i))
    const c = cache(db)
    const answers = await Promise.all([...auths, ...auths].map((a) => c.isLive(a)))
    expect(answers.every(Boolean)).toBe(true)
    expect(db.statements).toEqual([auths.map((a) => a.sessionId)])
  })

  it('refuses unknown, revoked, expired and other-subject sessions', async () => {
    const db = new FakeSessions()
    const live = db.person('live', 1)
    db.person('revoked', 2, { revokedAt: new Date() })
    db.person('expired', 3, { expiresAt: new Date(Date.now() - 1000) })
    const c = cache(db)
    expect(await c.isLive(live)).toBe(true)
    expect(await c.isLive({ role: 'person', personId: 9, sessionId: 'nope' })).toBe(false)
    expect(await c.isLive({ role: 'person', personId: 2, sessionId: 'revoked' })).toBe(false)
    expect(await c.isLive({ role: 'person', personId: 3, sessionId: 'expired' })).toBe(false)
    // A token that names a live session of someone else, or another role on it.
    expect(await c.isLive({ role: 'person', personId: 2, sessionId: 'live' })).toBe(false)
    expect(await c.isLive({ role: 'unit', personId: 1, unitId: 5, sessionId: 'live' })).toBe(false)
  })

  it('a live answer is not kept past the session’s own expiry', async () => {
    const db = new FakeSessions()
    const auth = db.person('short', 1, { expiresAt: new Date(Date.now() + 1000) })
    const c = new SessionLiveness(db.reader, { ttlMs: 60_000 })
    caches.push(c)
    expect(await c.isLive(auth)).toBe(true)
    await new Promise((r) => setTimeout(r, 1100))
    expect(await c.isLive(auth)).toBe(false)
  })

  it('is bounded: the oldest entries go first', async () => {
    const db = new FakeSessions()
    const c = cache(db, { maxEntries: 3 })
    const auths = Array.from({ length: 5 }, (_, i) => db.person(`b${i}`, i + 1))
    for (const a of auths) await c.isLive(a)
    expect(c.size).toBe(3)
    const before = db.statements.length
    await c.isLive(auths[4] as AuthContext) // newest: still cached
    expect(db.statements.length).toBe(before)
    await c.isLive(auths[0] as AuthContext) // oldest: was dropped
    expect(db.statements.length).toBe(before + 1)
  })

  it('a revocation in this process drops the entry at once (one session; all of a person’s but one; a clerk’s for a unit)', async () => {
    const db = new FakeSessions()
    const c = cache(db)
    const a = db.person('a', 1)
    const b = db.person('b', 1)
    const keep = db.person('keep', 1)
    const clerkU1 = db.unit('u1', 2, 10)
    const clerkU2 = db.unit('u2', 2, 11)
    for (const x of [a, b, keep, clerkU1, clerkU2]) expect(await c.isLive(x)).toBe(true)

    db.revoke('a')
    announceRevoked({ sessionId: 'a' })
    expect(await c.isLive(a)).toBe(false)

    db.revoke('b')
    announceRevoked({ personId: 1, exceptSessionId: 'keep' })
    expect(await c.isLive(b)).toBe(false)
    const n = db.statements.length
    expect(await c.isLive(keep)).toBe(true)
    expect(db.statements.length).toBe(n) // the excepted session stayed cached

    db.revoke('u1')
    announceRevoked({ personId: 2, unitId: 10 })
    expect(await c.isLive(clerkU1)).toBe(false)
    const m = db.statements.length
    expect(await c.isLive(clerkU2)).toBe(true)
    expect(db.statements.length).toBe(m) // the other unit's session stayed cached
  })

  it('a lookup that read the row before the revoking transaction committed does not put "live" back in the cache', async () => {
    const db = new FakeSessions()
    const auth = db.person('race', 1)
    const c = cache(db)
    let open!: () => void
    db.gate = new Promise((r) => (open = r))
    const pending = c.isLive(auth) // reads the row (still live) and waits
    await new Promise((r) => setImmediate(r))
    // The revoking transaction announces (not committed yet), then commits.
    announceRevoked({ sessionId: 'race' })
    db.revoke('race')
    open()
    db.gate = undefined
    expect(await pending).toBe(true) // that request was already in flight
    expect(await c.isLive(auth)).toBe(false) // the next one asks the database again
  })

  it('a failing lookup rejects (the guard answers 500), and is not cached', async () => {
    const db = new FakeSessions()
    const auth = db.person('f', 1)
    const c = cache(db)
    db.fail = true
    await expect(c.isLive(auth)).rejects.toThrow('database down')
    db.fail = false
    expect(await c.isLive(auth)).toBe(true)
  })

  it('close() stops hearing revocations and closes the reader', async () => {
    const db = new FakeSessions()
    const auth = db.person('c', 1)
    const c = cache(db)
    expect(await c.isLive(auth)).toBe(true)
    await c.close()
    announceRevoked({ sessionId: 'c' }) // nothing to hear it: no error
    expect(c.size).toBe(0)
    expect(db.closed).toBe(true)
  })
})
