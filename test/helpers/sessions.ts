// Access tokens for tests, each backed by a real `session` row as identity's sign-in creates one: the auth guard
// checks on every request that the token's session is there, unrevoked, unexpired and for the same subject, so a
// token signed without its row is refused (401 SESSION_INVALID). Fixtures remove the rows with their people, units
// and reviewers (`deleteSessionsOf`).
import crypto from 'node:crypto'
import type { PrismaClient } from '../../bff/src/db/client.ts'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import type { SigningKeys } from '../../bff/src/http/keys.ts'

export type TokenSubject =
  | { role: 'person'; personId: number }
  | { role: 'unit'; personId: number; unitId: number }
  | { role: 'reviewer'; reviewerId: number }

export interface SessionTokenOptions {
  /** Access token lifetime (default 1 h; negative for an expired token). */
  ttlSeconds?: number
  /** The session row's own lifetime (default 1 h). */
  sessionSeconds?: number
}

export interface TestSession {
  sessionId: string
  token: string
}

/** Create a session row for the subject and sign an access token for it. */
export async function openTestSession(prisma: PrismaClient, keys: SigningKeys, subject: TokenSubject, opts: SessionTokenOptions = {}): Promise<TestSession> {
  const sessionId = crypto.randomUUID()
  await prisma.session.create({
    data: {
      id: sessionId,
      role: subject.role === 'person' ? 'PERSON' : subject.role === 'unit' ? 'UNIT' : 'REVIEWER',
      personId: subject.role === 'reviewer' ? null : subject.personId,
      unitId: subject.role === 'unit' ? subject.unitId : null,
      reviewerId: subject.role === 'reviewer' ? subject.reviewerId : null,
      expiresAt: new Date(Date.now() + (opts.sessionSeconds ?? 3600) * 1000)
    }
  })
  return { sessionId, token: signAccessToken(keys, { ...subject, sessionId }, opts.ttlSeconds ?? 3600) }
}

/** `openTestSession(…).token`. */
export async function sessionToken(prisma: PrismaClient, keys: SigningKeys, subject: TokenSubject, opts: SessionTokenOptions = {}): Promise<string> {
  return (await openTestSession(prisma, keys, subject, opts)).token
}

/** Remove the session rows (and their refresh tokens, by cascade) of these people, units and reviewers. */
export async function deleteSessionsOf(prisma: PrismaClient, of: { personIds?: number[]; unitIds?: number[]; reviewerIds?: number[] }): Promise<void> {
  const or = [
    ...(of.personIds?.length ? [{ personId: { in: of.personIds } }] : []),
    ...(of.unitIds?.length ? [{ unitId: { in: of.unitIds } }] : []),
    ...(of.reviewerIds?.length ? [{ reviewerId: { in: of.reviewerIds } }] : [])
  ]
  if (or.length) await prisma.session.deleteMany({ where: { OR: or } })
}
