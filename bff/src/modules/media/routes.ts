// Media endpoints: upload a material image, view one (owner or reviewer; others 404).
import { Router } from '@koa/router'
import { mediaRoutes as api } from '@shebao/shared'
import type { ModuleDeps } from '../../deps.ts'
import { AppError } from '../../http/errors.ts'
import { rateLimit } from '../../http/rate-limit.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { mediaForViewer } from './access.ts'
import { defaultMediaStorage } from './storage.ts'
import { uploadMedia } from './upload-media.ts'

export function mediaRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  const limit = rateLimit({ name: 'media.upload', limit: 60, windowSeconds: 60, key: (ctx) => (ctx.state.auth ? `${ctx.state.auth.role}:${ctx.state.auth.personId ?? ctx.state.auth.reviewerId}` : ctx.ip) })

  mountRoute(router, deps, routeOf(api, 'POST', '/api/media'), ({ auth, ctx }) => uploadMedia(deps.prisma, auth, { req: ctx.req, headers: ctx.req.headers }), { before: [limit] })

  mountRoute(router, deps, routeOf(api, 'GET', '/api/media/:id'), async ({ auth, params, ctx }) => {
    const row = await mediaForViewer(deps.prisma, auth, params.id)
    if (!row) throw new AppError('NOT_FOUND')
    const bytes = await defaultMediaStorage.get(row, deps.prisma)
    if (!bytes) throw new AppError('NOT_FOUND')
    ctx.status = 200
    ctx.type = row.mime
    ctx.set('Cache-Control', 'private, max-age=300')
    ctx.set('X-Content-Type-Options', 'nosniff')
    ctx.set('Content-Disposition', 'inline')
    ctx.set('ETag', `"${row.sha256}"`)
    ctx.body = bytes
    return undefined
  })
  return router
}
