// Auth guards. Access tokens are short-lived ES256 JWTs issued by the identity module (which owns sessions,
// refresh rotation and revocation); this file owns the claim format both sides agree on, verification, and the
// Koa guards. Only ES256 is accepted: `alg: none`, HS256 (with the public key as HMAC secret) etc. are rejected.
import type { Context, Middleware, Next } from 'koa'
import { AppError } from './errors.ts'
import { signJwt, verifyJwt, JwtVerifyError, type SigningKeys } from './keys.ts'

export const ROLES = ['person', 'unit', 'reviewer'] as const
/** person = 参保人 (self-service), unit = 单位经办人 acting for one unit, reviewer = 中心审核. */
export type Role = (typeof ROLES)[number]

export interface AuthContext {
  role: Role
  /** 参保人 id: set for `person`, and for `unit` (the clerk is a person too). */
  personId?: number
  /** The unit a clerk signed in for (chosen on the phone at scan-code login). */
  unitId?: number
  /** Set for `reviewer`. */
  reviewerId?: number
  /** Session id: lets identity revoke/rotate; logout kills the session. */
  sessionId: string
}

export const ACCESS_TOKEN_ISSUER = 'shebao-bff'
export const ACCESS_TOKEN_AUDIENCE = 'shebao-api'
export const ACCESS_TOKEN_TYP = 'at+jwt'
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60

/** Compact claim names inside the JWT. */
interface AccessClaims {
  sub: string // personId (person, unit clerk) or reviewerId (reviewer)
  role: Role
  sid: string
  pid?: number
  uid?: number
  rid?: number
  typ: 'access'
}

/** For the identity module: mint an access token for a session. */
export function signAccessToken(keys: SigningKeys, auth: AuthContext, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): string {
  const subject = auth.role === 'reviewer' ? auth.reviewerId : auth.personId
  if (subject === undefined) throw new Error(`access token for role ${auth.role} needs ${auth.role === 'reviewer' ? 'reviewerId' : 'personId'}`)
  if (auth.role === 'unit' && auth.unitId === undefined) throw new Error('access token for role unit needs unitId')
  const claims: Omit<AccessClaims, 'sub'> = { role: auth.role, sid: auth.sessionId, typ: 'access' }
  if (auth.personId !== undefined) claims.pid = auth.personId
  if (auth.unitId !== undefined) claims.uid = auth.unitId
  if (auth.reviewerId !== undefined) claims.rid = auth.reviewerId
  return signJwt(keys, { ...claims }, {
    expiresIn: ttlSeconds,
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    subject: String(subject),
    typ: ACCESS_TOKEN_TYP
  })
}

/** Verify an access token → AuthContext. Throws AppError TOKEN_EXPIRED or UNAUTHENTICATED. */
export function verifyAccessToken(keys: SigningKeys, token: string): AuthContext {
  let claims: Partial<AccessClaims>
  try {
    claims = verifyJwt<Partial<AccessClaims>>(keys, token, { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE })
  } catch (err) {
    if (err instanceof JwtVerifyError && err.reason === 'expired') throw new AppError('TOKEN_EXPIRED', { cause: err })
    throw new AppError('UNAUTHENTICATED', { cause: err })
  }
  const { role, sid, pid, uid, rid, typ } = claims
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64
  const id = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0
  if (typ !== 'access' || !ROLES.includes(role as Role) || !str(sid)) {
    throw new AppError('UNAUTHENTICATED', { cause: new Error('malformed access token claims') })
  }
  const auth: AuthContext = { role: role as Role, sessionId: sid }
  if (id(pid)) auth.personId = pid
  if (id(uid)) auth.unitId = uid
  if (id(rid)) auth.reviewerId = rid
  const complete =
    auth.role === 'person' ? auth.personId !== undefined
    : auth.role === 'unit' ? auth.personId !== undefined && auth.unitId !== undefined
    : auth.reviewerId !== undefined
  if (!complete) {
    throw new AppError('UNAUTHENTICATED', { cause: new Error(`access token for ${auth.role} lacks its ids`) })
  }
  return auth
}

export function bearerToken(ctx: Context): string | undefined {
  const header = ctx.get('Authorization')
  const m = /^Bearer\s+([A-Za-z0-9_.~+/=-]+)\s*$/i.exec(header)
  return m?.[1]
}

export interface SessionCheck {
  /** Called after the signature/exp check on every authenticated request (the app passes identity's cached
   *  session liveness: a signed-out, revoked or expired session's token is refused). Keep it cheap. */
  (auth: AuthContext, ctx: Context): Promise<boolean> | boolean
}

export interface AuthGuardOptions {
  keys: SigningKeys
  /** Revocation check; when it answers false → 401 SESSION_INVALID (登录已失效，请重新登录). */
  isSessionActive?: SessionCheck
}

/**
 * Guard factory bound to the keys and the session check (built once per app by createApp, passed to module
 * routers via deps):
 *   const { requireAuth } = authGuards({ keys, isSessionActive })
 *   router.get('/api/person/me', requireAuth(['person', 'unit']), handler)
 * `requireAuth()` with no roles admits any signed-in role. A wrong role → 403 FORBIDDEN (it says nothing about
 * any resource; resources of another person/unit must still answer 404 inside the use case).
 */
export function authGuards(opts: AuthGuardOptions) {
  async function authenticate(ctx: Context): Promise<AuthContext | undefined> {
    const token = bearerToken(ctx)
    if (!token) return undefined
    const auth = verifyAccessToken(opts.keys, token)
    if (opts.isSessionActive && !(await opts.isSessionActive(auth, ctx))) {
      throw new AppError('SESSION_INVALID', { cause: new Error('session signed out, revoked or expired') })
    }
    return auth
  }

  function requireAuth(roles?: Role | readonly Role[]): Middleware {
    const allowed = roles === undefined ? undefined : new Set<Role>(typeof roles === 'string' ? [roles] : roles)
    return async function requireAuthMiddleware(ctx: Context, next: Next) {
      const auth = await authenticate(ctx)
      if (!auth) {
        ctx.set('WWW-Authenticate', 'Bearer')
        throw new AppError('UNAUTHENTICATED')
      }
      if (allowed && !allowed.has(auth.role)) throw new AppError('FORBIDDEN')
      ctx.state.auth = auth
      await next()
    }
  }

  /** Sets ctx.state.auth when a valid token is present; a present but invalid/expired token is still a 401. */
  function optionalAuth(): Middleware {
    return async function optionalAuthMiddleware(ctx: Context, next: Next) {
      const auth = await authenticate(ctx)
      if (auth) ctx.state.auth = auth
      await next()
    }
  }

  return { requireAuth, optionalAuth, authenticate }
}

export type AuthGuards = ReturnType<typeof authGuards>
