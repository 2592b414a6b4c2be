// 授权码: 80 random bits (crypto.randomBytes → shared's Crockford base32), stored only as the sha256 of its
// canonical form, so a database leak does not hand out valid codes and a lookup is one unique-index probe on a
// hash (its timing says nothing about how close a guess was).
import crypto from 'node:crypto'
import { AUTH_CODE_BYTES, authCodeFromBytes, authCodeTail, normalizeAuthCode } from '@shebao/shared'

export function newAuthCode(): string {
  return authCodeFromBytes(crypto.randomBytes(AUTH_CODE_BYTES))
}

/** sha256 hex of the canonical code; null when the input is not a well-formed 授权码. */
export function authCodeHash(input: string): string | null {
  const code = normalizeAuthCode(input)
  return code === null ? null : crypto.createHash('sha256').update(code).digest('hex')
}

export { authCodeTail, normalizeAuthCode }
