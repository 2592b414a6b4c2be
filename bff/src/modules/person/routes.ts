// Self-service queries of the signed-in person (`/api/me/...`, person token only; unit and reviewer tokens get
// 403 from the guard). The person is always `auth.personId`: no person id is ever read from the request, and the
// ids that are in URLs are looked up together with the owner, so someone else's id is a 404.
import { Router } from '@koa/router'
import { personRoutes as personApi } from '@shebao/shared'
import type { Context } from 'koa'
import type { ModuleDeps } from '../../deps.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { getAccount } from './account.ts'
import { getCase, listCases } from './cases.ts'
import { listCertifications } from './certifications.ts'
import { contributionSummary, listContributions } from './contributions.ts'
import { listEnrolments } from './enrolments.ts'
import { createSqlReader } from './sql.ts'
import { getPayment, listPayments } from './payments.ts'
import { getProfile } from './profile.ts'
import { getDetermination, getWorkInjury } from './work-injury.ts'

/** The signed-in person's id (the guard admits only person tokens, which always carry one). */
function me(auth: AuthContext, ctx: Context): number {
  // Personal data: never cached by shared caches or the browser's disk cache.
  ctx.set('Cache-Control', 'private, no-store')
  if (auth.role !== 'person' || auth.personId === undefined) throw new AppError('FORBIDDEN')
  // These endpoints never take the person from the request. Someone else's id slipped into the query string
  // (`?personId=…`) is answered like any other resource of another person: 404, no data.
  const asked = ctx.query['personId']
  if (asked !== undefined && asked !== String(auth.personId)) throw new AppError('NOT_FOUND')
  return auth.personId
}

export function personRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  const { prisma } = deps
  // the hot contributions read runs on the raw driver (see sql.ts)
  const sql = createSqlReader(deps.config.databaseUrl, deps.config.dbPoolSize)
  deps.onClose(() => sql.close())

  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/profile'), ({ query, auth, ctx }) =>
    getProfile(prisma, me(auth, ctx), query.reveal, { ip: ctx.ip, requestId: ctx.state.requestId, sessionId: auth.sessionId })
  )
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/enrolments'), ({ auth, ctx }) => listEnrolments(prisma, me(auth, ctx)))
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/contributions'), ({ query, auth, ctx }) =>
    listContributions(sql, me(auth, ctx), query)
  )
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/contributions/summary'), ({ query, auth, ctx }) =>
    contributionSummary(sql, me(auth, ctx), query.insuranceType)
  )
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/account'), ({ auth, ctx }) => getAccount(prisma, me(auth, ctx)))
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/payments'), ({ query, auth, ctx }) => listPayments(prisma, me(auth, ctx), query))
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/payments/:id'), ({ params, auth, ctx }) =>
    getPayment(prisma, me(auth, ctx), params.id)
  )
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/certifications'), ({ query, auth, ctx }) =>
    listCertifications(prisma, me(auth, ctx), query)
  )
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/work-injury'), ({ auth, ctx }) => getWorkInjury(prisma, me(auth, ctx)))
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/work-injury/determinations/:id'), ({ params, auth, ctx }) =>
    getDetermination(prisma, me(auth, ctx), params.id)
  )
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/cases'), ({ query, auth, ctx }) => listCases(prisma, me(auth, ctx), query))
  mountRoute(router, deps, routeOf(personApi, 'GET', '/api/me/cases/:serialNo'), ({ params, auth, ctx }) =>
    getCase(prisma, me(auth, ctx), params.serialNo)
  )

  return router
}
