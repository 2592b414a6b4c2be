// Builds the Koa app: middleware in order, then every module's router, then the /api 404 and the H5 site.
import './http/koa-types.ts'
import { Router } from '@koa/router'
import Koa, { type Middleware } from 'koa'
import type { AppDeps, ModuleDeps, ModuleRouterFactory } from './deps.ts'
import type { ApiRoute } from '@shebao/shared'
import { apiRegistry } from './http/api-registry.ts'
import { authGuards } from './http/auth.ts'
import { jsonBody } from './http/body.ts'
import { AppError } from './http/errors.ts'
import { errorHandler } from './http/error-handler.ts'
import { loadSigningKeys } from './http/keys.ts'
import { accessLog } from './http/logger.ts'
import { DbRateLimiter } from './http/rate-limit.ts'
import { requestId } from './http/request-id.ts'
import { corsPolicy, securityHeaders } from './http/security.ts'
import { H5Site, serveH5 } from './http/static-h5.ts'
import { isClientAbort } from './http/logger.ts'
import { rawSessionRows, SessionLiveness } from './modules/identity/index.ts'
import { personRoutes } from './modules/person/routes.ts'
import { identityRoutes } from './modules/identity/routes.ts'
import { certificatesRoutes } from './modules/certificates/routes.ts'
import { systemRoutes } from './modules/system/routes.ts'
import { contributionsRoutes } from './modules/contributions/routes.ts'
import { casesRoutes } from './modules/cases/routes.ts'
import { mediaRoutes } from './modules/media/routes.ts'
import { reviewRoutes } from './modules/review/routes.ts'
import { unitQueryRoutes } from './modules/unit/query-routes.ts'

export type { AppDeps, ModuleDeps, ModuleRouterFactory } from './deps.ts'

/**
 * The module mount point: one line per module. Each factory returns a @koa/router Router whose routes carry
 * their full path (`/api/...`); guards come from `deps.auth`, limits from `rateLimit()`.
 */
const moduleRouters: ModuleRouterFactory[] = [
  systemRoutes,
  identityRoutes,
  personRoutes,
  // unitRoutes,
  casesRoutes,
  contributionsRoutes,
  certificatesRoutes,
  mediaRoutes,
  reviewRoutes,
  unitQueryRoutes,
]

export interface CreateAppOptions {
  /** Extra routers mounted after the modules (tests use this for throw-an-error routes). */
  extraRouters?: ModuleRouterFactory[]
}

export interface CreatedApp {
  app: Koa
  /** The resolved dependencies (keys, limiter, guards) the routers were built with. */
  deps: ModuleDeps
  site: H5Site
  /** Registry routes (shared apiRoutes + BFF-only) that no module router serves yet: "METHOD /path". */
  unmounted: string[]
  /** Tell long-lived responses (SSE, long-polls) to end: call when the server stops taking connections. */
  drain(): void
  /** drain(), then release what the modules registered with `deps.onClose` (raw pools, batched logs) and the
   *  session cache. Call after the HTTP server has closed, before disconnecting Prisma. Idempotent. */
  close(): Promise<void>
}

export function createApp(appDeps: AppDeps, options: CreateAppOptions = {}): CreatedApp {
  const { config, prisma, logger } = appDeps
  const keys = appDeps.keys ?? loadSigningKeys(withPem({ keysDir: config.keysDir }, config.jwtPrivateKeyPem))
  const rateLimiter = appDeps.rateLimiter ?? new DbRateLimiter(prisma)
  // Every authenticated request asks whether its session is still live (signed out, revoked → 401).
  const liveness = appDeps.sessionCheck ? undefined : new SessionLiveness(rawSessionRows(config.databaseUrl))
  const isSessionActive = appDeps.sessionCheck ?? (liveness as SessionLiveness).isLive
  const closers: Array<() => Promise<void> | void> = []
  const closing = new AbortController()
  const deps: ModuleDeps = {
    config,
    prisma,
    logger,
    keys,
    rateLimiter,
    auth: authGuards({ keys, isSessionActive }),
    onClose: (fn) => void closers.push(fn),
    closing: closing.signal
  }
  const site = new H5Site(config.h5DistDir)

  const app = new Koa({ proxy: config.trustProxy, env: config.nodeEnv })
  app.silent = true // errors are logged by our handler / the listener below, never printed by Koa
  app.context.rateLimiter = rateLimiter
  app.on('error', (err: unknown, ctx?: Koa.Context) => {
    // A client that goes away while a streamed body (SSE, a PDF) is being sent is normal, not a server error.
    if (isClientAbort(err, ctx)) logger.debug({ err, path: ctx?.path }, 'client closed the response stream')
    else logger.error({ err }, 'unhandled koa error')
  })

  // 1. request id + per-request logger      2. access log (one line when the response finishes)
  app.use(requestId(logger))
  app.use(accessLog())
  // 3. errors → { error: { code, message, field?, requestId } }; everything below may throw
  app.use(errorHandler())
  // 4. security headers (CSP, frame-ancestors 'none', HSTS on https)   5. CORS allow-list
  app.use(securityHeaders({ publicBaseUrl: config.publicBaseUrl, site }))
  app.use(corsPolicy(config.corsOrigins))
  // 6. JSON bodies ≤ 1 MB for /api (multipart streamed by the media module; anything else 415)
  app.use(jsonBody())
  // 7. /api routes (a 404 under /api is a JSON NOT_FOUND, a wrong method a 405)
  app.use(apiFallback())
  const root = new Router()
  for (const factory of [...moduleRouters, ...(options.extraRouters ?? [])]) {
    const router = factory(deps)
    root.use(router.routes())
  }
  app.use(root.routes())
  app.use(root.allowedMethods())
  const unmounted = unmountedRoutes(root, apiRegistry)
  // 8. the H5 app at `/` (static files, SPA fallback, or a "run npm run build:h5" page)
  app.use(serveH5(site))

  const drain = () => {
    if (!closing.signal.aborted) closing.abort()
  }
  let closed: Promise<void> | undefined
  const close = () =>
    (closed ??= (async () => {
      drain()
      for (const fn of closers.splice(0).reverse()) {
        try {
          await fn()
        } catch (err) {
          logger.warn({ err }, 'releasing a module resource failed')
        }
      }
      await liveness?.close()
    })())
  return { app, deps, site, unmounted, drain, close }
}

/** Which registry entries have no router layer with the same method and path. */
function unmountedRoutes(root: Router, registry: readonly ApiRoute[]): string[] {
  const served = new Set<string>()
  for (const layer of root.stack) for (const m of layer.methods) served.add(`${m} ${layer.path}`)
  return registry.filter((r) => !served.has(`${r.method} ${r.path}`)).map((r) => `${r.method} ${r.path}`)
}

function withPem(opts: { keysDir: string }, pem: string | undefined): { keysDir: string; privateKeyPem?: string } {
  return pem === undefined ? opts : { ...opts, privateKeyPem: pem }
}

/** Around the routers: an /api request nobody answered is a JSON 404 (never the H5 page); a known path with
 *  the wrong method is a JSON 405 (allowedMethods has already set the Allow header). */
function apiFallback(): Middleware {
  return async function apiFallbackMiddleware(ctx, next) {
    await next()
    if (!(ctx.path === '/api' || ctx.path.startsWith('/api/')) || ctx.body != null) return
    if (ctx.status === 404) throw new AppError('NOT_FOUND')
    if (ctx.status === 405 || ctx.status === 501) throw new AppError('METHOD_NOT_ALLOWED')
  }
}
