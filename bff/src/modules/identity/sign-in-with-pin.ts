// 电子社保卡登录: ID number + 6-digit PIN → a PERSON session. Five wrong PINs lock the card for 15 minutes (told in
// Chinese with the minutes left); an unknown ID number or a card not yet activated answers exactly like a wrong
// PIN, with the same countdown and lock, and takes as long.
import type { SessionTokens } from '@shebao/shared'
import { inTransaction } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { phantomAttempt } from './attempt-guard.ts'
import { writeAudit } from './audit.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import type { RequestMeta } from './request-meta.ts'
import { openSession, sessionTokens, type SessionSubject } from './sessions.ts'
import { attemptError, lockedError } from './sign-in-errors.ts'

export async function signInWithPin(deps: IdentityDeps, input: { idNumber: string; pin: string }, meta: RequestMeta): Promise<SessionTokens> {
  const pinAuth = deps.essc.pin
  if (!pinAuth) throw new AppError('ESSC_NOT_AVAILABLE', { message: '当前渠道不支持密码登录' })
  await enforceRateLimit(deps.rateLimiter, LIMITS.signInPerIp, meta.ip)
  const now = deps.clock()
  const result = await pinAuth.verifyPin({ idNumber: input.idNumber }, input.pin, now)
  switch (result.kind) {
    case 'unknown':
      throw attemptError(await phantomAttempt(deps.rateLimiter, 'essc-pin', input.idNumber, now), now)
    case 'locked':
      if (result.justLocked) {
        await writeAudit(deps.prisma, { action: 'auth.locked', actorRole: 'PERSON', actorId: result.personId, targetType: 'essc_card', targetId: result.personId, detail: { until: result.until.toISOString() }, meta, at: now })
      }
      throw lockedError(result.until, now)
    case 'incorrect':
      throw attemptError(result, now)
    case 'ok':
      break
  }
  const subject: SessionSubject = { role: 'PERSON', personId: result.holder.personId }
  const opened = await inTransaction(deps.prisma, async (tx) => {
    const s = await openSession(tx, subject, meta, now)
    await writeAudit(tx, { action: 'auth.sign_in', actorRole: 'PERSON', actorId: subject.personId, targetType: 'session', targetId: s.sessionId, detail: { method: 'essc-pin' }, meta, at: now })
    return s
  })
  return sessionTokens(deps.prisma, deps.keys, subject, opened)
}
