/**
 * What people type to prove who they are, checked before it is sent, with the reason in Chinese: the e-SSC PIN (登录,
 * 开通, 修改密码) and the SMS code (开通). The server's zod schemas (@shebao/shared api/auth.ts) say the same; they
 * are not imported here, which would bundle zod (test/auth.lib.test.ts pins the two equal).
 */
import { PIN_LENGTH } from '@shebao/shared'

export { PIN_LENGTH }
/** The activation SMS code: 6 digits. */
export const SMS_CODE_LENGTH = 6

const PIN_RE = new RegExp(`^\\d{${PIN_LENGTH}}$`)
const SMS_CODE_RE = new RegExp(`^\\d{${SMS_CODE_LENGTH}}$`)

/** Typed into a digits-only field: everything but the digits dropped. */
export const digitsOnly = (input: string): string => input.replace(/\D/g, '')

/** What is wrong with a typed PIN (`ifEmpty` when nothing was typed); undefined when it can be sent. */
export function pinProblem(pin: string, ifEmpty = '请输入密码'): string | undefined {
  if (!pin) return ifEmpty
  return PIN_RE.test(pin) ? undefined : `密码为 ${PIN_LENGTH} 位数字`
}

/** What is wrong with a typed SMS code; undefined when it can be sent. */
export function smsCodeProblem(code: string): string | undefined {
  if (!code) return '请输入短信验证码'
  return SMS_CODE_RE.test(code) ? undefined : `验证码为 ${SMS_CODE_LENGTH} 位数字`
}
