// Slow salted hashing of short secrets (e-SSC PINs, reviewer passwords) with Node's built-in scrypt.
// Format: scrypt$N$r$p$<salt b64url>$<hash b64url>, so parameters can be raised later and old hashes still verify.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 32
/** N = 2^15 costs about 50–100 ms per hash on these machines: slow enough against offline guessing of 6-digit
 *  PINs combined with the online lockout, fast enough for sign-in. Tests and the seed may lower it. */
export const DEFAULT_SCRYPT_COST = 1 << 15

function scrypt(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret, salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key)
    )
  })
}

export async function hashSecret(secret: string, cost: number = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16)
  const r = 8
  const p = 1
  const hash = await scrypt(secret, salt, { N: cost, r, p })
  return ['scrypt', cost, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, saltText, hashText] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(hashText, 'base64url')
  const actual = await scrypt(secret, Buffer.from(saltText, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
