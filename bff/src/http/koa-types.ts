// Koa typing for the whole BFF: what middleware puts on ctx and ctx.state. Imported (for its side effect on
// types) by app.ts, so every router and middleware sees these fields.
import type { Logger } from 'pino'
import type { AuthContext } from './auth.ts'
import type { RateLimiter } from './rate-limit.ts'

declare module 'koa' {
  interface DefaultState {
    /** Set by the request-id middleware before anything else runs. */
    requestId: string
    /** Set by requireAuth() / optionalAuth(). */
    auth?: AuthContext
    /** Set by the error handler when the request ended in an error (read by the access log). */
    errorCode?: string
  }
  interface DefaultContext {
    /** Per-request child logger (carries requestId). */
    log: Logger
    /** Shared by all rateLimit() middleware; installed by createApp. */
    rateLimiter: RateLimiter
  }
}

export {}
