/**
 * 授权码 entry on the verification page. The format itself (16 Crockford base32 characters, printed in groups of
 * four; I/L read as 1, O as 0) is @shebao/shared's; this only says in Chinese what is wrong with typed input.
 */
import { AUTH_CODE_LENGTH, CROCKFORD_ALPHABET, formatAuthCode, normalizeAuthCode } from '@shebao/shared'

export { formatAuthCode, normalizeAuthCode }

/** null when `input` is a well-formed 授权码, else the reason in Chinese. */
export function authCodeProblem(input: string): string | null {
  if (normalizeAuthCode(input)) return null
  const s = input.replace(/[\s\-_.]+/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0')
  if (!s) return '请输入证明上的授权码'
  if ([...s].some((ch) => !CROCKFORD_ALPHABET.includes(ch))) return '授权码只包含数字和字母，请核对'
  return `授权码为 ${AUTH_CODE_LENGTH} 位，请核对`
}
