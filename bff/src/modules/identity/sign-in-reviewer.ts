// 中心审核 sign-in: username + password → a REVIEWER session, with the same lockout as PINs (5 wrong → 15 min) and
// the same answers for an unknown or disabled username as for a wrong password.
import type { SessionTokens } from '@shebao/shared'
import { inTransaction } from '../../db/tx.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { attemptFailed, attemptSucceeded, claimAttempt, phantomAttempt } from './attempt-guard.ts'
import { writeAudit } from './audit.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import type { RequestMeta } from './request-meta.ts'
import { verifySecretOrDummy } from './secrets.ts'
import { openSession, sessionTokens, type SessionSubject } from './sessions.ts'
import { attemptError, lockedError } from './sign-in-errors.ts'

export async function signInReviewer(deps: IdentityDeps, input: { username: string; password: string }, meta: RequestMeta): Promise<SessionTokens> {
  await enforceRateLimit(deps.rateLimiter, LIMITS.reviewerSignInPerIp, meta.ip)
  const now = deps.clock()
  const username = input.username.trim().toLowerCase()
  const reviewer = await deps.prisma.reviewer.findUnique({ where: { username }, select: { id: true, passwordHash: true, active: true } })
  const fail = (message: string) => ({ message })
  if (!reviewer || !reviewer.active) {
    await verifySecretOrDummy(input.password, null)
    throw attemptError(await phantomAttempt(deps.rateLimiter, 'reviewer-password', username, now), now, 'SIGN_IN_FAILED', undefined, fail('用户名或密码错误'))
  }
  const claim = await claimAttempt(deps.prisma, 'reviewer', reviewer.id, now)
  if (claim.kind === 'locked') throw lockedError(claim.until, now)
  if (!(await verifySecretOrDummy(input.password, reviewer.passwordHash))) {
    const failed = await attemptFailed(deps.prisma, 'reviewer', reviewer.id, claim.attempt, now)
    if (failed.kind === 'locked') {
      await writeAudit(deps.prisma, { action: 'auth.locked', actorRole: 'REVIEWER', actorId: reviewer.id, targetType: 'reviewer', targetId: reviewer.id, detail: { until: failed.until.toISOString() }, meta, at: now })
    }
    throw attemptError(failed, now, 'SIGN_IN_FAILED', undefined, fail('用户名或密码错误'))
  }
  await attemptSucceeded(deps.prisma, 'reviewer', reviewer.id)
  const subject: SessionSubject = { role: 'REVIEWER', reviewerId: reviewer.id }
  const opened = await inTransaction(deps.prisma, async (tx) => {
    const s = await openSession(tx, subject, meta, now)
    await writeAudit(tx, { action: 'auth.sign_in', actorRole: 'REVIEWER', actorId: reviewer.id, targetType: 'session', targetId: s.sessionId, detail: { method: 'password' }, meta, at: now })
    return s
  })
  return sessionTokens(deps.prisma, deps.keys, subject, opened)
}
