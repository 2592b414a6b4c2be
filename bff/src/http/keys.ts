// ES256 (ECDSA P-256) signing keys shared by identity (access tokens) and certificates (signed QR tokens),
// and the JWKS that publishes the public half. jsonwebtoken 9 does ES256 with node:crypto KeyObjects
// (it does not do EdDSA, see TOOLCHAIN.md).
//
// Key source, in order:
//   1. JWT_PRIVATE_KEY_PEM (production: from the secret store);
//   2. a key pair generated once and persisted under KEYS_DIR (default `.data/keys/`, gitignored), so tokens and
//      printed certificate QR codes stay verifiable across restarts in development.
import crypto, { type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import jwt from 'jsonwebtoken'

export const SIGNING_ALG = 'ES256' as const
const KEY_FILE = 'es256-private.pem'

export interface PublicJwk {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
  kid: string
  alg: typeof SIGNING_ALG
  use: 'sig'
}

export interface SigningKeys {
  /** RFC 7638 JWK thumbprint (base64url SHA-256) of the public key; put in every JWT header. */
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  publicJwk: PublicJwk
  /** Where the key came from, for the startup log line. */
  source: 'env' | 'file' | 'generated'
}

export interface LoadKeysOptions {
  privateKeyPem?: string
  /** Directory for the persisted development key (created with mode 0700). */
  keysDir: string
}

export function loadSigningKeys(opts: LoadKeysOptions): SigningKeys {
  if (opts.privateKeyPem) return fromPrivateKey(crypto.createPrivateKey(opts.privateKeyPem), 'env')
  const file = path.join(opts.keysDir, KEY_FILE)
  if (fs.existsSync(file)) return fromPrivateKey(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')), 'file')

  fs.mkdirSync(opts.keysDir, { recursive: true, mode: 0o700 })
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  // Write to a private temp file, then hard-link into place: link() fails if another process (a parallel test
  // worker, a second BFF) won the race, in which case we use the key it wrote.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
  fs.writeFileSync(tmp, pem, { mode: 0o600 })
  try {
    fs.linkSync(tmp, file)
    return fromPrivateKey(privateKey, 'generated')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    return fromPrivateKey(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')), 'file')
  } finally {
    fs.rmSync(tmp, { force: true })
  }
}

function fromPrivateKey(privateKey: KeyObject, source: SigningKeys['source']): SigningKeys {
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('JWT signing key must be an EC P-256 (prime256v1) private key for ES256')
  }
  const publicKey = crypto.createPublicKey(privateKey)
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string }
  const kid = jwkThumbprint(jwk)
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: SIGNING_ALG, use: 'sig' },
    source
  }
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string; y: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
  return crypto.createHash('sha256').update(canonical).digest('base64url')
}

/** The JSON Web Key Set to publish (e.g. at `/api/.well-known/jwks.json`). One active key for now; when keys are
 *  rotated, keep the retired public keys here until every token/certificate signed with them has expired. */
export function jwks(keys: SigningKeys): { keys: PublicJwk[] } {
  return { keys: [keys.publicJwk] }
}

export interface SignOptions {
  /** Seconds, or a vercel/ms string such as '15m'. */
  expiresIn: number | `${number}${'s' | 'm' | 'h' | 'd'}`
  issuer?: string
  audience?: string
  subject?: string
  jwtid?: string
  /** Token type header (`typ`), e.g. 'at+jwt' for access tokens. */
  typ?: string
}

export function signJwt(keys: SigningKeys, payload: Record<string, unknown>, opts: SignOptions): string {
  // jsonwebtoken rejects options that are present but undefined, so only set what was given.
  const options: jwt.SignOptions = {
    algorithm: SIGNING_ALG,
    expiresIn: opts.expiresIn,
    header: { alg: SIGNING_ALG, kid: keys.kid, ...(opts.typ ? { typ: opts.typ } : {}) }
  }
  if (opts.issuer !== undefined) options.issuer = opts.issuer
  if (opts.audience !== undefined) options.audience = opts.audience
  if (opts.subject !== undefined) options.subject = opts.subject
  if (opts.jwtid !== undefined) options.jwtid = opts.jwtid
  return jwt.sign(payload, keys.privateKey, options)
}

export interface VerifyOptions {
  issuer?: string
  audience?: string
  /** Allowed clock skew in seconds (default 30). */
  clockToleranceSeconds?: number
  /** Only for verifying printed certificates after their validity window: check the signature, not `exp`. */
  ignoreExpiration?: boolean
}

export type JwtFailure = 'expired' | 'invalid'

export class JwtVerifyError extends Error {
  override name = 'JwtVerifyError'
  constructor(
    readonly reason: JwtFailure,
    message: string
  ) {
    super(message)
  }
}

/** Verifies signature (ES256 only: `alg: none`, HS256 with the public key as secret etc. are rejected), `exp`,
 *  `nbf` and optionally `iss`/`aud`. Throws JwtVerifyError('expired' | 'invalid'). */
export function verifyJwt<T extends object = Record<string, unknown>>(
  keys: SigningKeys,
  token: string,
  opts: VerifyOptions = {}
): T & jwt.JwtPayload {
  const cache = verifiedCache(keys)
  const cacheKey = `${opts.issuer ?? ''}\u0000${opts.audience ?? ''}\u0000${opts.ignoreExpiration ? 1 : 0}\u0000${token}`
  const hit = cache.get(cacheKey)
  if (hit !== undefined) {
    const tolerance = opts.clockToleranceSeconds ?? 30
    const now = Date.now() / 1000
    const stillValid = opts.ignoreExpiration || hit.exp === undefined || now < hit.exp + tolerance
    if (stillValid && (hit.nbf === undefined || now >= hit.nbf - tolerance)) return { ...hit } as T & jwt.JwtPayload
    cache.delete(cacheKey) // expired since: the full check below gives the proper error
  }
  const claims = verifyUncached<T>(keys, token, opts)
  if (cache.size >= VERIFIED_CACHE_MAX) cache.delete(cache.keys().next().value as string)
  cache.set(cacheKey, Object.freeze({ ...claims }))
  return claims
}

/**
 * Verified-token cache. An ES256 signature check costs ~0.1–0.2 ms of CPU — on the hot read paths (a person's
 * contribution history, certificate verification) the largest single cost of a request — and the same access
 * token arrives with every request of its (short) life. The verdict on the same bytes under the same key never
 * changes, so a successful verification is remembered per key object (key rotation = a new object = an empty
 * cache), keyed by the whole token and the options that were checked; `exp`/`nbf` are re-checked against the clock
 * on every hit. Failures are never cached (garbage tokens cannot fill it); the size is bounded (oldest out first).
 * Revocation is not a signature matter: session liveness is checked separately by the auth guard.
 */
const VERIFIED_CACHE_MAX = 10_000
const verifiedCaches = new WeakMap<SigningKeys, Map<string, Readonly<jwt.JwtPayload>>>()
function verifiedCache(keys: SigningKeys): Map<string, Readonly<jwt.JwtPayload>> {
  let cache = verifiedCaches.get(keys)
  if (!cache) verifiedCaches.set(keys, (cache = new Map()))
  return cache
}

function verifyUncached<T extends object>(keys: SigningKeys, token: string, opts: VerifyOptions): T & jwt.JwtPayload {
  try {
    const decoded = jwt.verify(token, keys.publicKey, {
      algorithms: [SIGNING_ALG],
      issuer: opts.issuer,
      audience: opts.audience,
      clockTolerance: opts.clockToleranceSeconds ?? 30,
      ignoreExpiration: opts.ignoreExpiration ?? false,
      complete: false
    })
    if (typeof decoded === 'string') throw new JwtVerifyError('invalid', 'token payload is not a JSON object')
    return decoded as T & jwt.JwtPayload
  } catch (err) {
    if (err instanceof JwtVerifyError) throw err
    if (err instanceof jwt.TokenExpiredError) throw new JwtVerifyError('expired', err.message)
    throw new JwtVerifyError('invalid', err instanceof Error ? err.message : String(err))
  }
}
