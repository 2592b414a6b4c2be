// System endpoints: liveness, readiness, the OpenAPI document and the JWKS.
import { Router } from '@koa/router'
import { systemRoutes as systemApi } from '@shebao/shared'
import type { ModuleDeps } from '../../deps.ts'
import { bffOnlyRoutes } from '../../http/api-registry.ts'
import { jwks } from '../../http/keys.ts'
import { bffOpenApiDocument } from '../../http/openapi-document.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { checkReadiness } from './check-readiness.ts'
import pkg from '../../../package.json' with { type: 'json' }

export function systemRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  let openapi: string | undefined

  // Liveness: the process answers. No database, no I/O.
  mountRoute(router, deps, routeOf(systemApi, 'GET', '/api/health'), ({ ctx }) => {
    ctx.set('Cache-Control', 'no-store')
    return { status: 'ok' as const, version: pkg.version, time: new Date().toISOString() }
  })

  // Readiness: the database answers `SELECT 1`; otherwise 503 with the same body (load balancers stop routing here).
  mountRoute(router, deps, routeOf(systemApi, 'GET', '/api/ready'), async ({ ctx }) => {
    ctx.set('Cache-Control', 'no-store')
    const r = await checkReadiness(deps.prisma)
    if (r.body.status !== 'ready') {
      ctx.log.warn({ err: r.cause, checks: r.body.checks }, 'readiness check failed')
      ctx.status = 503
    }
    return r.body
  })

  mountRoute(router, deps, routeOf(bffOnlyRoutes, 'GET', '/api/openapi.json'), ({ ctx }) => {
    openapi ??= JSON.stringify(bffOpenApiDocument(deps.config.publicBaseUrl))
    ctx.type = 'application/json; charset=utf-8'
    ctx.set('Cache-Control', 'no-cache')
    ctx.body = openapi
    return undefined
  })

  // Public keys of the ES256 tokens (access tokens, certificate QR tokens): anyone can verify offline.
  mountRoute(router, deps, routeOf(bffOnlyRoutes, 'GET', '/api/.well-known/jwks.json'), ({ ctx }) => {
    ctx.set('Cache-Control', 'public, max-age=300')
    return jwks(deps.keys)
  })

  return router
}
