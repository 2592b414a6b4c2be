// The activation token: proof that the SMS code was right, good for setting the PIN once within 10 minutes.
// An ES256 JWT with its own audience and type, so it can never pass as an access token (and vice versa); it is
// single-use because completing activation is a compare-and-set PENDING → ACTIVE on the card.
import { AppError } from '../../http/errors.ts'
import { signJwt, verifyJwt, type SigningKeys } from '../../http/keys.ts'
import { ACCESS_TOKEN_ISSUER } from '../../http/auth.ts'
import { ACTIVATION_TOKEN_TTL_SECONDS } from './limits.ts'

const AUDIENCE = 'shebao-essc-activation'
const TYP = 'essc-activation'

export function signActivationToken(keys: SigningKeys, personId: number, challengeId: string): string {
  return signJwt(keys, { typ: TYP, cid: challengeId }, {
    expiresIn: ACTIVATION_TOKEN_TTL_SECONDS,
    issuer: ACCESS_TOKEN_ISSUER,
    audience: AUDIENCE,
    subject: String(personId),
    typ: 'JWT'
  })
}

export function verifyActivationToken(keys: SigningKeys, token: string): { personId: number; challengeId: string } {
  try {
    const claims = verifyJwt<{ typ?: unknown; cid?: unknown; sub?: unknown }>(keys, token, { issuer: ACCESS_TOKEN_ISSUER, audience: AUDIENCE, clockToleranceSeconds: 5 })
    const personId = Number(claims.sub)
    if (claims.typ !== TYP || typeof claims.cid !== 'string' || !Number.isSafeInteger(personId) || personId <= 0) throw new Error('bad claims')
    return { personId, challengeId: claims.cid }
  } catch (err) {
    throw new AppError('ACTIVATION_EXPIRED', { field: 'activationToken', cause: err })
  }
}
