// Review workbench endpoints (reviewer role).
import { Router } from '@koa/router'
import { reviewRoutes as api } from '@shebao/shared'
import type { ModuleDeps } from '../../deps.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { approveCases, returnToApplicant, reviewDetail, reviewQueue } from './review-cases.ts'

export function reviewRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  const { prisma } = deps
  mountRoute(router, deps, routeOf(api, 'GET', '/api/review/cases'), ({ auth, query }) => reviewQueue(prisma, auth, query))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/review/cases/:serialNo'), ({ auth, params }) => reviewDetail(prisma, auth, params.serialNo))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/review/cases/approve'), ({ auth, body }) => approveCases(prisma, auth, body.serialNos, body.note))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/review/cases/:serialNo/return'), ({ auth, params, body }) => returnToApplicant(prisma, auth, params.serialNo, body.reason))
  return router
}
