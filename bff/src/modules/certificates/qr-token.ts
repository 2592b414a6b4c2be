// The QR on every proof: `${PUBLIC_BASE_URL}/#/pkg-verify/pages/index/index?c=<授权码>&t=<token>`, where the token
// is a compact ES256 JWT signed with the app's key (kid in the header; public key at /.well-known/jwks.json) over
// the code, the type, the masked subject, issue and expiry times and the hash of what the proof states. Anyone can
// check it offline with the published key; the verification endpoint also compares it with the stored record.
import { VERIFY_PAGE_PATH, type CertificateTokenClaims, type TokenCheck } from '@shebao/shared'
import jwt from 'jsonwebtoken'
import { ACCESS_TOKEN_ISSUER } from '../../http/auth.ts'
import { signJwt, verifyJwt, type SigningKeys } from '../../http/keys.ts'

export const CERT_TOKEN_TYP = 'cert+jwt'

export interface TokenInput {
  code: string
  type: string
  tokenSubject: string
  documentHash: string
  issuedAt: Date
  expiresAt: Date
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000)

export function signCertificateToken(keys: SigningKeys, t: TokenInput): string {
  const iat = seconds(t.issuedAt)
  // jsonwebtoken takes `iat` from the payload and counts expiresIn from it, so the claims are exactly the record's.
  return signJwt(keys, { ct: t.type, sb: t.tokenSubject, dh: t.documentHash, iat }, {
    expiresIn: seconds(t.expiresAt) - iat,
    issuer: ACCESS_TOKEN_ISSUER,
    subject: t.code,
    typ: CERT_TOKEN_TYP
  })
}

/** The verification page URL printed as the QR (and the link people can type without the token). */
export function verificationUrl(publicBaseUrl: string, code?: string, token?: string): string {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}/#${VERIFY_PAGE_PATH}`
  if (!code) return base
  return `${base}?c=${encodeURIComponent(code)}${token ? `&t=${encodeURIComponent(token)}` : ''}`
}

/** The stored record found by the code's hash (so its code is the one presented). */
export interface RecordForToken {
  type: string
  tokenSubject: string
  documentHash: string
  issuedAt: Date
  expiresAt: Date
}

/**
 * Signature verdicts by token string, per key: a given token either is or is not a valid signature of ours, forever
 * (keys do not change in a process), so a proof checked again skips the ECDSA verification. Bounded (oldest out).
 */
const verdicts = new WeakMap<SigningKeys, Map<string, Partial<CertificateTokenClaims> | null>>()
const VERDICT_CACHE_MAX = 10_000

function verifiedClaims(keys: SigningKeys, token: string): Partial<CertificateTokenClaims> | null {
  let cache = verdicts.get(keys)
  if (!cache) verdicts.set(keys, (cache = new Map()))
  const hit = cache.get(token)
  if (hit !== undefined) return hit
  let claims: Partial<CertificateTokenClaims> | null = null
  try {
    const header = jwt.decode(token, { complete: true })?.header
    if (header && header.typ === CERT_TOKEN_TYP && header.kid === keys.kid) {
      claims = verifyJwt<Partial<CertificateTokenClaims>>(keys, token, { issuer: ACCESS_TOKEN_ISSUER, ignoreExpiration: true, clockToleranceSeconds: 0 })
    }
  } catch {
    claims = null
  }
  if (cache.size >= VERDICT_CACHE_MAX) cache.delete(cache.keys().next().value as string)
  cache.set(token, claims)
  return claims
}

/**
 * ABSENT: no token. INVALID: not a JWT of ours (bad signature, another key, wrong alg/typ/issuer, malformed).
 * MISMATCH: genuinely signed by us but its claims differ from the record for this code (or there is no record).
 * MATCH: signed by us and every claim equals the record.
 */
export function checkCertificateToken(keys: SigningKeys, token: string | undefined, record: RecordForToken | null, code: string | null): TokenCheck {
  if (!token) return 'ABSENT'
  const claims = verifiedClaims(keys, token)
  if (!claims) return 'INVALID'
  if (!record || code === null) return 'MISMATCH'
  const same =
    claims.sub === code &&
    claims.ct === record.type &&
    claims.sb === record.tokenSubject &&
    claims.dh === record.documentHash &&
    claims.iat === seconds(record.issuedAt) &&
    claims.exp === seconds(record.expiresAt)
  return same ? 'MATCH' : 'MISMATCH'
}
