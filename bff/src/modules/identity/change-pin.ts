// 修改电子社保卡密码: the old PIN is checked like a sign-in (wrong ones count towards the lockout), the new one must
// be strong and different. Every other session of the person (other phones, PC sessions as a clerk) is signed out.
import { checkPin } from '@shebao/shared'
import { inTransaction } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { writeAudit } from './audit.ts'
import type { IdentityDeps } from './context.ts'
import type { RequestMeta } from './request-meta.ts'
import { hashLowEntropySecret } from './secrets.ts'
import { announceRevoked } from './session-revocations.ts'
import { attemptError, lockedError } from './sign-in-errors.ts'

export async function changePin(
  deps: IdentityDeps,
  auth: AuthContext,
  input: { oldPin: string; newPin: string },
  meta: RequestMeta
): Promise<{ changedAt: string; otherSessionsSignedOut: number }> {
  const personId = auth.personId
  const pinAuth = deps.essc.pin
  const activation = deps.essc.activation
  if (personId === undefined) throw new AppError('FORBIDDEN')
  if (!pinAuth || !activation) throw new AppError('ESSC_NOT_AVAILABLE', { message: '当前渠道不支持在此修改密码' })
  const now = deps.clock()

  // Check the new PIN first: a weak new PIN should not cost an attempt of the old one.
  if (input.newPin === input.oldPin) throw new AppError('PIN_UNCHANGED', { field: 'newPin' })
  const context = await activation.pinContext(personId)
  if (!context) throw new AppError('NOT_FOUND')
  const weak = checkPin(input.newPin, context)
  if (weak.weak) throw new AppError('PIN_WEAK', { field: 'newPin', detail: `${weak.reason ?? '请换一个'}，请重新设置` })

  const result = await pinAuth.verifyPin({ personId }, input.oldPin, now)
  switch (result.kind) {
    case 'unknown':
      throw new AppError('NOT_FOUND', { message: '未查询到已开通的电子社保卡' })
    case 'locked':
      throw lockedError(result.until, now)
    case 'incorrect':
      throw attemptError(result, now, 'PIN_INCORRECT', 'oldPin')
    case 'ok':
      break
  }
  const pinHash = await hashLowEntropySecret(input.newPin)
  const signedOut = await inTransaction(deps.prisma, async (tx) => {
    await pinAuth.setPin(personId, pinHash, now, tx)
    const r = await tx.session.updateMany({
      where: { personId, role: { in: ['PERSON', 'UNIT'] }, revokedAt: null, id: { not: auth.sessionId } },
      data: { revokedAt: now, revokeReason: 'pin_changed' }
    })
    announceRevoked({ personId, exceptSessionId: auth.sessionId })
    await writeAudit(tx, { action: 'essc.pin_change', actorRole: 'PERSON', actorId: personId, targetType: 'essc_card', targetId: personId, detail: { otherSessionsSignedOut: r.count }, meta, at: now })
    return r.count
  })
  return { changedAt: now.toISOString(), otherSessionsSignedOut: signedOut }
}
