// Revocations made by this process, announced to whoever caches session liveness here (session-liveness.ts), so a
// signed-out, PIN-changed or removed clerk's access token stops working at once in this process rather than when a
// cache entry runs out. Announced by the code that revokes (revokeSession, change-pin, manage-unit-clerks), possibly
// inside a transaction that has not committed yet: listeners must treat an announcement as "do not trust what you
// know about these sessions for a while", not as "they are dead" (the transaction may still roll back).

/** One session, or every session of a person (optionally only those for one unit, optionally but one). */
export type RevokedSessions = { sessionId: string } | { personId: number; unitId?: number; exceptSessionId?: string }

export type RevocationListener = (revoked: RevokedSessions) => void

const listeners = new Set<RevocationListener>()

/** Hear this process's revocations; returns the unsubscribe. */
export function onSessionsRevoked(listener: RevocationListener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function announceRevoked(revoked: RevokedSessions): void {
  for (const l of listeners) l(revoked)
}

/** Does a session (its id and subject columns) fall under the announcement? */
export function isCovered(revoked: RevokedSessions, sessionId: string, row: { personId: number | null; unitId: number | null }): boolean {
  if ('sessionId' in revoked) return revoked.sessionId === sessionId
  if (revoked.exceptSessionId === sessionId || row.personId !== revoked.personId) return false
  return revoked.unitId === undefined || row.unitId === revoked.unitId
}
