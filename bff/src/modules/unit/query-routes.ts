// Unit query endpoints (查询统计服务, §3.3.68–73) for the signed-in clerk's unit. (GET /api/unit/clerks is
// identity's.) The clerk must still be authorised for the unit.
import { Router } from '@koa/router'
import { unitQueryRoutes as api } from '@shebao/shared'
import type { Context } from 'koa'
import type { ModuleDeps } from '../../deps.ts'
import type { AuthContext } from '../../http/auth.ts'
import { registerFieldLabels } from '../../http/errors.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { applicantActor } from '../cases/context.ts'
import { changeHistory, staffChanges } from './history.ts'
import { pendingVerification } from './pending-verification.ts'
import { roster, rosterWorkbook } from './roster.ts'
import { unitInfo, type Viewer } from './unit-info.ts'

// The query fields in a refusal: "开始日期格式须为YYYY-MM-DD", "查询条件长度不能超过32位" (the reasons say the rest).
registerFieldLabels({ from: '开始', to: '结束', keyword: '查询条件' })

export function unitQueryRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  const { prisma } = deps
  const viewer = async (auth: AuthContext, ctx: Context): Promise<Viewer> => {
    await applicantActor(prisma, auth) // still an authorised clerk of the unit, else 404
    return { unitId: auth.unitId as number, personId: auth.personId as number, requestId: ctx.state.requestId, ip: ctx.ip }
  }
  const noStore = (ctx: Context) => ctx.set('Cache-Control', 'no-store')

  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/info'), async ({ auth, query, ctx }) => {
    noStore(ctx)
    return unitInfo(prisma, await viewer(auth, ctx), query.reveal === '1')
  })
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/change-history'), async ({ auth, query, ctx }) => changeHistory(prisma, await viewer(auth, ctx), query))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/staff-changes'), async ({ auth, query, ctx }) => {
    noStore(ctx)
    return staffChanges(prisma, await viewer(auth, ctx), query, query.reveal === '1')
  })
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/roster'), async ({ auth, query, ctx }) => {
    noStore(ctx)
    return roster(prisma, await viewer(auth, ctx), query, query.reveal === '1')
  })
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/roster/export'), async ({ auth, query, ctx }) => {
    const buf = await rosterWorkbook(prisma, await viewer(auth, ctx), query, query.reveal === '1')
    ctx.status = 200
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    ctx.set('Content-Disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent('单位参保人员.xlsx')}`)
    noStore(ctx)
    ctx.body = buf
    return undefined
  })
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/pending-verification'), async ({ auth, query, ctx }) => {
    noStore(ctx)
    return pendingVerification(prisma, await viewer(auth, ctx), query, query.reveal === '1')
  })
  return router
}
