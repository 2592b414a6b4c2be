// 电子社保卡开通, step 1: name + ID number must match an insured person whose card is PENDING (待开通); a 6-digit
// code goes by SMS to the phone on file. The code is stored only as sha256(challengeId:code), lives 5 minutes and
// allows 5 tries; a new request supersedes the person's earlier codes.
import crypto from 'node:crypto'
import { maskPhone, type StartActivationResponse } from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { addSeconds } from './clock.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS, SMS_CODE_MAX_ATTEMPTS, SMS_CODE_TTL_SECONDS } from './limits.ts'
import type { RequestMeta } from './request-meta.ts'
import { sha256Hex } from './secrets.ts'

export const ACTIVATION_PURPOSE = 'ESSC_ACTIVATE'

export function smsCodeHash(challengeId: string, code: string): string {
  return sha256Hex(`${challengeId}:${code}`)
}

export async function startActivation(
  deps: IdentityDeps,
  input: { name: string; idNumber: string },
  meta: RequestMeta
): Promise<StartActivationResponse> {
  const activation = deps.essc.activation
  if (!activation) throw new AppError('ESSC_NOT_AVAILABLE', { message: '当前渠道不支持在此开通电子社保卡' })
  await enforceRateLimit(deps.rateLimiter, LIMITS.activationStartPerIp, meta.ip)
  await enforceRateLimit(deps.rateLimiter, LIMITS.activationStartPerId, input.idNumber)

  const candidate = await activation.findCandidate(input)
  switch (candidate.kind) {
    case 'mismatch':
      throw new AppError('ACTIVATION_MISMATCH')
    case 'active':
      throw new AppError('ESSC_ALREADY_ACTIVE')
    case 'revoked':
      throw new AppError('ESSC_NOT_AVAILABLE', { message: '电子社保卡已注销，如需重新申领请联系社保经办机构' })
    case 'no-phone':
      throw new AppError('ESSC_NOT_AVAILABLE', { message: '未登记手机号码，无法发送验证码，请联系社保经办机构登记' })
    case 'pending':
      break
  }
  // One code a minute per phone (SMS bombing, cost).
  await enforceRateLimit(deps.rateLimiter, LIMITS.smsPerPhone, candidate.phone)

  const now = deps.clock()
  const challengeId = crypto.randomUUID()
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')
  const expiresAt = addSeconds(now, SMS_CODE_TTL_SECONDS)
  await deps.prisma.$transaction([
    // Earlier unused codes of this person stop working: only the newest SMS counts.
    deps.prisma.smsChallenge.updateMany({
      where: { personId: candidate.holder.personId, purpose: ACTIVATION_PURPOSE, consumedAt: null },
      data: { consumedAt: now }
    }),
    deps.prisma.smsChallenge.create({
      data: {
        id: challengeId,
        phone: candidate.phone,
        purpose: ACTIVATION_PURPOSE,
        personId: candidate.holder.personId,
        codeHash: smsCodeHash(challengeId, code),
        expiresAt,
        createdAt: now
      }
    })
  ])
  await deps.sms.send({
    phone: candidate.phone,
    purpose: ACTIVATION_PURPOSE,
    content: `【掌上社保】您正在开通电子社保卡，验证码${code}，${SMS_CODE_TTL_SECONDS / 60}分钟内有效。如非本人操作，请忽略本短信。`
  })
  return {
    challengeId,
    phoneMasked: maskPhone(candidate.phone),
    expiresInSeconds: SMS_CODE_TTL_SECONDS,
    maxAttempts: SMS_CODE_MAX_ATTEMPTS
  }
}
