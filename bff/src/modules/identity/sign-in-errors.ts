// The replies to a wrong secret, the same for a real account and a phantom one (attempt-guard.ts).
import { AppError, type ErrorCode } from '../../http/errors.ts'
import type { AttemptFailure } from './attempt-guard.ts'
import { minutesLeft } from './clock.ts'

export function lockedError(until: Date, now: Date): AppError {
  const minutes = minutesLeft(now, until)
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
  return new AppError('ACCOUNT_LOCKED', { detail: String(minutes), headers: { 'Retry-After': String(seconds) }, meta: { retryAfterSeconds: seconds } })
}

/**
 * `code`: SIGN_IN_FAILED for sign-in, PIN_INCORRECT for the old PIN of a PIN change; `wording.message` replaces
 * the catalogue's lead ("证件号码或密码错误") for other credentials (reviewers: "用户名或密码错误").
 */
export function attemptError(failure: AttemptFailure, now: Date, code: ErrorCode = 'SIGN_IN_FAILED', field?: string, wording?: { message: string }): AppError {
  if (failure.kind === 'locked') return lockedError(failure.until, now)
  const detail = `，还可尝试${failure.attemptsLeft}次`
  return new AppError(code, {
    detail,
    ...(wording ? { message: `${wording.message}${detail}` } : {}),
    meta: { attemptsLeft: failure.attemptsLeft },
    ...(field ? { field } : {})
  })
}
