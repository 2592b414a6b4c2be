// Small secret helpers: random tokens, sha256 for high-entropy secrets (refresh tokens, binding secrets, SMS codes
// salted by their challenge id), and scrypt (secret-hash.ts) for low-entropy ones (PINs, passwords).
import crypto from 'node:crypto'
import { DEFAULT_SCRYPT_COST, hashSecret, verifySecret } from './secret-hash.ts'

/** 32 random bytes, base64url (43 chars). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url')
}

/** Hex sha256 (64 chars: the CHAR(64) hash columns). */
export function sha256Hex(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex')
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y)
}

export function hashLowEntropySecret(secret: string): Promise<string> {
  return hashSecret(secret, DEFAULT_SCRYPT_COST)
}

let dummyHash: Promise<string> | undefined

/**
 * Verify against `stored`, or — when there is no account — against a dummy hash of the same cost, so the answer
 * takes as long either way and says nothing about whether the account exists.
 */
export async function verifySecretOrDummy(secret: string, stored: string | null): Promise<boolean> {
  if (stored) return verifySecret(secret, stored)
  dummyHash ??= hashSecret(randomToken(), DEFAULT_SCRYPT_COST)
  await verifySecret(secret, await dummyHash)
  return false
}
