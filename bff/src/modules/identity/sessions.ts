// Sessions: one `session` row per sign-in (role, who, device), rotating refresh tokens stored as sha256 in
// `refresh_token`, short-lived ES256 access tokens minted by http/auth.ts's signAccessToken. Revoking the session
// (logout, refresh-token reuse, PIN change, clerk removal) ends refresh at once, and its access token stops working:
// the auth guard asks `SessionLiveness` (session-liveness.ts: this module's check, cached a few seconds, dropped at
// once on a revocation in this process) on every authenticated request; identity's own sensitive endpoints (me, card,
// PIN change, unit clerks) also read the row itself on every call (`requireLiveSession`).
import crypto from 'node:crypto'
import { maskIdNumber, maskName, type AuthUser, type SessionTokens } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, type AuthContext, type Role } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { SigningKeys } from '../../http/keys.ts'
import { addSeconds } from './clock.ts'
import { SESSION_TTL_SECONDS } from './limits.ts'
import type { RequestMeta } from './request-meta.ts'
import { announceRevoked } from './session-revocations.ts'
import { randomToken, sha256Hex } from './secrets.ts'

export type SessionRole = 'PERSON' | 'UNIT' | 'REVIEWER'

export type SessionSubject =
  | { role: 'PERSON'; personId: number }
  | { role: 'UNIT'; personId: number; unitId: number }
  | { role: 'REVIEWER'; reviewerId: number }

export interface OpenedSession {
  sessionId: string
  refreshToken: string
  expiresAt: Date
}

const SESSION_ROLE: Record<Role, SessionRole> = { person: 'PERSON', unit: 'UNIT', reviewer: 'REVIEWER' }

export function sessionRoleOf(role: Role): SessionRole {
  return SESSION_ROLE[role]
}

/** Create the session and its first refresh token (inside the caller's transaction when it has one). */
export async function openSession(db: PrismaClient | Tx, subject: SessionSubject, meta: RequestMeta, now: Date): Promise<OpenedSession> {
  const sessionId = crypto.randomUUID()
  const expiresAt = addSeconds(now, SESSION_TTL_SECONDS[subject.role])
  await db.session.create({
    data: {
      id: sessionId,
      role: subject.role,
      personId: subject.role === 'REVIEWER' ? null : subject.personId,
      unitId: subject.role === 'UNIT' ? subject.unitId : null,
      reviewerId: subject.role === 'REVIEWER' ? subject.reviewerId : null,
      userAgent: meta.userAgent ? meta.userAgent.slice(0, 256) : null,
      ip: meta.ip ? meta.ip.slice(0, 64) : null,
      createdAt: now,
      expiresAt
    }
  })
  const refreshToken = await addRefreshToken(db, sessionId, now, expiresAt)
  return { sessionId, refreshToken, expiresAt }
}

/** A new refresh token for the session (random 32 bytes; only its sha256 is stored). */
export async function addRefreshToken(db: PrismaClient | Tx, sessionId: string, now: Date, expiresAt: Date): Promise<string> {
  const token = randomToken()
  await db.refreshToken.create({ data: { sessionId, tokenHash: sha256Hex(token), createdAt: now, expiresAt } })
  return token
}

export function authContextOf(subject: SessionSubject, sessionId: string): AuthContext {
  switch (subject.role) {
    case 'PERSON':
      return { role: 'person', personId: subject.personId, sessionId }
    case 'UNIT':
      return { role: 'unit', personId: subject.personId, unitId: subject.unitId, sessionId }
    case 'REVIEWER':
      return { role: 'reviewer', reviewerId: subject.reviewerId, sessionId }
  }
}

export function subjectOf(row: { role: SessionRole; personId: number | null; unitId: number | null; reviewerId: number | null }): SessionSubject {
  if (row.role === 'REVIEWER' && row.reviewerId !== null) return { role: 'REVIEWER', reviewerId: row.reviewerId }
  if (row.role === 'UNIT' && row.personId !== null && row.unitId !== null) return { role: 'UNIT', personId: row.personId, unitId: row.unitId }
  if (row.role === 'PERSON' && row.personId !== null) return { role: 'PERSON', personId: row.personId }
  throw new Error(`session row for ${row.role} lacks its ids`)
}

/** The signed-in user as the API shows it (masked). */
export async function loadAuthUser(prisma: PrismaClient | Tx, subject: SessionSubject): Promise<AuthUser> {
  if (subject.role === 'REVIEWER') {
    const r = await prisma.reviewer.findUnique({ where: { id: subject.reviewerId }, select: { id: true, username: true, name: true } })
    if (!r) throw new AppError('SESSION_INVALID')
    return { role: 'REVIEWER', reviewer: r }
  }
  const p = await prisma.person.findUnique({ where: { id: subject.personId }, select: { id: true, name: true, idNumber: true } })
  if (!p) throw new AppError('SESSION_INVALID')
  const person = { id: p.id, name: maskName(p.name), idNumber: maskIdNumber(p.idNumber) }
  if (subject.role === 'PERSON') return { role: 'PERSON', person }
  const u = await prisma.unit.findUnique({ where: { id: subject.unitId }, select: { id: true, unitNo: true, name: true } })
  if (!u) throw new AppError('SESSION_INVALID')
  return { role: 'UNIT', person, unit: u }
}

/** The answer of every sign-in: access token for the session, its refresh token, who is signed in. */
export async function sessionTokens(
  prisma: PrismaClient | Tx,
  keys: SigningKeys,
  subject: SessionSubject,
  opened: OpenedSession
): Promise<SessionTokens> {
  return {
    accessToken: signAccessToken(keys, authContextOf(subject, opened.sessionId)),
    tokenType: 'Bearer',
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    refreshToken: opened.refreshToken,
    refreshExpiresAt: opened.expiresAt.toISOString(),
    role: subject.role,
    user: await loadAuthUser(prisma, subject)
  }
}

/** What liveness needs of a session row. */
export interface SessionLivenessRow {
  role: SessionRole
  personId: number | null
  unitId: number | null
  reviewerId: number | null
  revokedAt: Date | null
  expiresAt: Date
}

export const SESSION_LIVENESS_SELECT = { role: true, personId: true, unitId: true, reviewerId: true, revokedAt: true, expiresAt: true } as const

/** The row is there, unrevoked, unexpired at `nowMs`, and for the token's subject (role, person, unit, reviewer). */
export function sessionMatches(s: SessionLivenessRow | null, auth: AuthContext, nowMs: number): boolean {
  if (!s || s.revokedAt !== null || s.expiresAt.getTime() <= nowMs) return false
  if (s.role !== SESSION_ROLE[auth.role]) return false
  if (auth.role === 'reviewer') return s.reviewerId === (auth.reviewerId ?? null)
  return s.personId === (auth.personId ?? null) && (auth.role !== 'unit' || s.unitId === (auth.unitId ?? null))
}

/** Is the token's session still there, unrevoked, unexpired, and for the same subject? (Reads the row: uncached.) */
export async function isSessionLive(prisma: PrismaClient, auth: AuthContext, now: Date): Promise<boolean> {
  const s = await prisma.session.findUnique({ where: { id: auth.sessionId }, select: SESSION_LIVENESS_SELECT })
  return sessionMatches(s, auth, now.getTime())
}

/** Throws SESSION_INVALID (401) unless the session is live. */
export async function requireLiveSession(prisma: PrismaClient, auth: AuthContext, now: Date): Promise<void> {
  if (!(await isSessionLive(prisma, auth, now))) throw new AppError('SESSION_INVALID')
}

/** Revoke one session (idempotent). Returns whether this call revoked it. Cached liveness in this process is dropped. */
export async function revokeSession(db: PrismaClient | Tx, sessionId: string, reason: string, now: Date): Promise<boolean> {
  const r = await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokeReason: reason.slice(0, 64) } })
  announceRevoked({ sessionId })
  return r.count > 0
}

