// 电子社保卡开通, step 2: check the SMS code. Each try is counted before the comparison (at most 5 per code, even
// in parallel); the right code consumes the challenge and yields a short-lived activation token.
import { type VerifyActivationResponse } from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { signActivationToken } from './activation-token.ts'
import type { IdentityDeps } from './context.ts'
import { ACTIVATION_TOKEN_TTL_SECONDS, LIMITS, SMS_CODE_MAX_ATTEMPTS } from './limits.ts'
import type { RequestMeta } from './request-meta.ts'
import { sameDigest } from './secrets.ts'
import { ACTIVATION_PURPOSE, smsCodeHash } from './start-activation.ts'

export async function verifyActivationCode(
  deps: IdentityDeps,
  input: { challengeId: string; smsCode: string },
  meta: RequestMeta
): Promise<VerifyActivationResponse> {
  await enforceRateLimit(deps.rateLimiter, LIMITS.activationVerifyPerIp, meta.ip)
  const now = deps.clock()
  const { prisma } = deps
  // Claim a try: only while unused, unexpired and under the attempt cap.
  const claimed = await prisma.smsChallenge.updateMany({
    where: { id: input.challengeId, purpose: ACTIVATION_PURPOSE, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: SMS_CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } }
  })
  if (claimed.count !== 1) throw new AppError('SMS_CODE_EXPIRED', { field: 'smsCode' })
  const challenge = await prisma.smsChallenge.findUnique({ where: { id: input.challengeId } })
  if (!challenge || challenge.personId === null) throw new AppError('SMS_CODE_EXPIRED', { field: 'smsCode' })

  if (!sameDigest(smsCodeHash(challenge.id, input.smsCode), challenge.codeHash)) {
    const left = SMS_CODE_MAX_ATTEMPTS - challenge.attempts
    if (left <= 0) throw new AppError('SMS_CODE_INCORRECT', { field: 'smsCode', detail: '，错误次数过多，请重新获取验证码' })
    throw new AppError('SMS_CODE_INCORRECT', { field: 'smsCode', detail: `，还可尝试${left}次`, meta: { attemptsLeft: left } })
  }
  const consumed = await prisma.smsChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: now } })
  if (consumed.count !== 1) throw new AppError('SMS_CODE_EXPIRED', { field: 'smsCode' })
  return {
    activationToken: signActivationToken(deps.keys, challenge.personId, challenge.id),
    expiresInSeconds: ACTIVATION_TOKEN_TTL_SECONDS
  }
}
