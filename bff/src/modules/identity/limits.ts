// Rate limits of the identity endpoints (fixed windows, counted by the app's RateLimiter: rate_limit_bucket).
// Per-account PIN/password lockouts are separate (essc_card / reviewer columns, see attempt-guard.ts); these
// limits bound what one IP, one phone or one ID number can cost us (SMS) or try (guessing, ticket floods).
import type { RateLimitRule } from '../../http/rate-limit.ts'

const rule = (name: string, limit: number, windowSeconds: number): RateLimitRule => ({ name, limit, windowSeconds })

export const LIMITS = {
  // activation: SMS costs money and reaches a real phone
  activationStartPerIp: rule('essc.activation.start.ip', 20, 3600),
  activationStartPerId: rule('essc.activation.start.id', 5, 3600),
  smsPerPhone: rule('sms.send.phone', 1, 60),
  activationVerifyPerIp: rule('essc.activation.verify.ip', 30, 600),
  activationCompletePerIp: rule('essc.activation.complete.ip', 30, 600),
  // sign-in (the per-account lockout does the real work; this bounds spraying many accounts from one IP)
  signInPerIp: rule('essc.sign-in.ip', 60, 600),
  reviewerSignInPerIp: rule('reviewer.sign-in.ip', 30, 600),
  refreshPerIp: rule('auth.refresh.ip', 120, 60),
  // scan-code login
  ticketCreatePerIp: rule('login-ticket.create.ip', 30, 60),
  ticketWatchPerIp: rule('login-ticket.watch.ip', 120, 60),
  ticketScanPerPerson: rule('login-ticket.scan.person', 20, 60),
  ticketScanPerIp: rule('login-ticket.scan.ip', 60, 60),
  ticketRedeemPerIp: rule('login-ticket.redeem.ip', 30, 60)
} as const

/** Wrong PINs / passwords before an account is locked, and for how long. */
export const MAX_SECRET_FAILURES = 5
export const LOCKOUT_SECONDS = 15 * 60

/** SMS code: lifetime and attempts. */
export const SMS_CODE_TTL_SECONDS = 5 * 60
export const SMS_CODE_MAX_ATTEMPTS = 5
/** The activation token (SMS verified → set the PIN) lives this long. */
export const ACTIVATION_TOKEN_TTL_SECONDS = 10 * 60

/** Session (refresh token) lifetime per role: the phone keeps a person signed in for 30 days; PC sessions (unit
 *  clerks on an office PC, reviewers) last a working day. */
export const SESSION_TTL_SECONDS = { PERSON: 30 * 24 * 3600, UNIT: 12 * 3600, REVIEWER: 12 * 3600 } as const
