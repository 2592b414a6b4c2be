// 电子社保卡开通, step 3: set the 6-digit PIN (not weak, not derived from the birth date, ID number or phone) and
// sign in. The card goes PENDING → ACTIVE by compare-and-set, so an activation token works once.
import { checkPin, type SessionTokens } from '@shebao/shared'
import { inTransaction } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { verifyActivationToken } from './activation-token.ts'
import { writeAudit } from './audit.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import type { RequestMeta } from './request-meta.ts'
import { hashLowEntropySecret } from './secrets.ts'
import { openSession, sessionTokens, type SessionSubject } from './sessions.ts'

export async function completeActivation(
  deps: IdentityDeps,
  input: { activationToken: string; pin: string },
  meta: RequestMeta
): Promise<SessionTokens> {
  const activation = deps.essc.activation
  if (!activation) throw new AppError('ESSC_NOT_AVAILABLE')
  await enforceRateLimit(deps.rateLimiter, LIMITS.activationCompletePerIp, meta.ip)
  const { personId, challengeId } = verifyActivationToken(deps.keys, input.activationToken)

  const card = await deps.essc.getCard(personId)
  if (!card) throw new AppError('ACTIVATION_EXPIRED', { field: 'activationToken' })
  if (card.status === 'ACTIVE') throw new AppError('ESSC_ALREADY_ACTIVE')
  if (card.status !== 'PENDING') throw new AppError('ESSC_NOT_AVAILABLE')

  const context = await activation.pinContext(personId)
  if (!context) throw new AppError('ACTIVATION_EXPIRED', { field: 'activationToken' })
  const weak = checkPin(input.pin, context)
  if (weak.weak) throw new AppError('PIN_WEAK', { field: 'pin', detail: `${weak.reason ?? '请换一个'}，请重新设置` })

  const pinHash = await hashLowEntropySecret(input.pin)
  const now = deps.clock()
  const subject: SessionSubject = { role: 'PERSON', personId }
  const opened = await inTransaction(deps.prisma, async (tx) => {
    // The card flip and the session are one unit: no half-activated card without a session or the other way round.
    if (!(await activation.activate(personId, pinHash, now, tx))) throw new AppError('ESSC_ALREADY_ACTIVE')
    const s = await openSession(tx, subject, meta, now)
    await writeAudit(tx, { action: 'essc.activate', actorRole: 'PERSON', actorId: personId, targetType: 'essc_card', targetId: personId, detail: { challengeId }, meta, at: now })
    await writeAudit(tx, { action: 'auth.sign_in', actorRole: 'PERSON', actorId: personId, targetType: 'session', targetId: s.sessionId, detail: { method: 'activation' }, meta, at: now })
    return s
  })
  return sessionTokens(deps.prisma, deps.keys, subject, opened)
}
