// What the app is built from (createApp's input) and what every module's router factory receives.
import type { Router } from '@koa/router'
import type { Config } from './config.ts'
import type { PrismaClient } from './db/client.ts'
import type { AuthGuards, SessionCheck } from './http/auth.ts'
import type { SigningKeys } from './http/keys.ts'
import type { Logger } from './http/logger.ts'
import type { RateLimiter } from './http/rate-limit.ts'

export interface AppDeps {
  config: Config
  prisma: PrismaClient
  logger: Logger
  /** Defaults to loadSigningKeys({ privateKeyPem: config.jwtPrivateKeyPem, keysDir: config.keysDir }). */
  keys?: SigningKeys
  /** Defaults to the database-backed limiter (rate_limit_bucket). */
  rateLimiter?: RateLimiter
  /** Is an access token's session still live? Defaults to identity's SessionLiveness (cached a few seconds). */
  sessionCheck?: SessionCheck
}

/** Everything a module needs to build its router: pass it on to use cases as they need. */
export interface ModuleDeps {
  config: Config
  prisma: PrismaClient
  logger: Logger
  keys: SigningKeys
  rateLimiter: RateLimiter
  /** `auth.requireAuth(['person'])`, `auth.optionalAuth()`: guards bound to `keys` and the session check. */
  auth: AuthGuards
  /** Release a resource when the app closes (createApp's `close()`: main.ts on SIGTERM, tests): raw pools, batched
   *  logs. Run in the reverse order of registration, after the HTTP server has stopped. */
  onClose(fn: () => Promise<void> | void): void
  /** Aborted when the app begins to close: long-lived responses (SSE streams, long-polls) end themselves so the
   *  server can stop without waiting for them. */
  closing: AbortSignal
}

/** A module's router factory: routes carry their full path (`/api/...`). */
export type ModuleRouterFactory = (deps: ModuleDeps) => Router
