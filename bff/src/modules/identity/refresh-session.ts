// Refresh: a refresh token is good once. Presenting it marks it used (compare-and-set on used_at) and yields a new
// pair in the same session. Presenting a token that was already used means two parties hold it (a stolen token, or
// the thief refreshed first): the whole session is revoked, audited, and the answer is 401.
import type { SessionTokens } from '@shebao/shared'
import { inTransaction } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { writeAudit } from './audit.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import type { RequestMeta } from './request-meta.ts'
import { sha256Hex } from './secrets.ts'
import { addRefreshToken, revokeSession, sessionTokens, subjectOf } from './sessions.ts'

export async function refreshSession(deps: IdentityDeps, input: { refreshToken: string }, meta: RequestMeta): Promise<SessionTokens> {
  await enforceRateLimit(deps.rateLimiter, LIMITS.refreshPerIp, meta.ip)
  const now = deps.clock()
  const { prisma } = deps
  const row = await prisma.refreshToken.findUnique({
    where: { tokenHash: sha256Hex(input.refreshToken) },
    include: { session: true }
  })
  if (!row) throw new AppError('SESSION_INVALID')
  const session = row.session
  const subject = subjectOf(session)
  const actor = subject.role === 'REVIEWER' ? { actorRole: 'REVIEWER' as const, actorId: subject.reviewerId } : { actorRole: subject.role, actorId: subject.personId }

  const reuse = async (how: string) => {
    if (await revokeSession(prisma, session.id, 'refresh_token_reuse', now)) {
      await writeAudit(prisma, { action: 'auth.refresh_reuse', ...actor, targetType: 'session', targetId: session.id, detail: { how, tokenId: row.id }, meta, at: now })
      deps.logger.warn({ sessionId: session.id, how }, 'refresh token reused: session revoked')
    }
    return new AppError('SESSION_INVALID')
  }

  if (row.usedAt !== null) throw await reuse('used')
  if (session.revokedAt !== null || session.expiresAt.getTime() <= now.getTime() || row.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('SESSION_INVALID')
  }
  const next = await inTransaction(prisma, async (tx) => {
    const used = await tx.refreshToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
    if (used.count !== 1) return null // someone used it between our read and now: reuse
    const token = await addRefreshToken(tx, session.id, now, session.expiresAt)
    await writeAudit(tx, { action: 'auth.refresh', ...actor, targetType: 'session', targetId: session.id, meta, at: now })
    return token
  })
  if (next === null) throw await reuse('race')
  return sessionTokens(prisma, deps.keys, subject, { sessionId: session.id, refreshToken: next, expiresAt: session.expiresAt })
}
