// Contributions endpoints (issue 7). Routers parse with the shared schemas and call the use cases; no Prisma here.
import { Router } from '@koa/router'
import { contributionRoutes as api } from '@shebao/shared'
import type { Context } from 'koa'
import type { ModuleDeps } from '../../deps.ts'
import { registerFieldLabels } from '../../http/errors.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { parseIdempotencyKey, type Outcome } from '../cases/idempotency.ts'
import { arriveBill, listReviewBills } from './arrival.ts'
import { listAuditBases, recordAuditBase } from './audit-base.ts'
import { renderBillPdf } from './bill-pdf.ts'
import { billDetailOf, findOwnBill, getBill, issueBill, listBills, reissueBill, revokeBill } from './bills.ts'
import { declareBackMonth, declareMonth, getDeclaration, listDeclarationLines, listDeclarations, previewDeclaration, revokeDeclaration } from './declaration.ts'
import { getPolicy } from './policy.ts'
import { listRefunds } from './refund.ts'
import { wageDeclarationTemplate } from './wage-declaration.ts'

function respond<T>(ctx: Context, outcome: Outcome<T>): T {
  ctx.status = outcome.status
  if (outcome.replayed) ctx.set('Idempotent-Replayed', 'true')
  return outcome.body
}

registerFieldLabels({ unitNo: '单位编号', baseFen: '认定缴费基数', documentNo: '稽核文书号' })

const keyOf = (ctx: Context) => parseIdempotencyKey(ctx.get('Idempotency-Key') || undefined)

export function contributionsRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  const { prisma } = deps

  mountRoute(router, deps, routeOf(api, 'GET', '/api/policy'), ({ auth, query }) => getPolicy(prisma, auth, query))

  // Declarations: the static path before /:id.
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/contributions/declarations/preview'), ({ auth, ctx }) => {
    ctx.set('Cache-Control', 'no-store')
    return previewDeclaration(prisma, auth)
  })
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/contributions/declarations'), ({ auth, query }) => listDeclarations(prisma, auth, query))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/unit/contributions/declarations'), async ({ auth, body, ctx }) =>
    respond(ctx, await declareMonth(prisma, auth, body, keyOf(ctx)))
  )
  mountRoute(router, deps, routeOf(api, 'POST', '/api/unit/contributions/back-declarations'), async ({ auth, body, ctx }) =>
    respond(ctx, await declareBackMonth(prisma, auth, body, keyOf(ctx)))
  )
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/contributions/declarations/:id'), ({ auth, params }) => getDeclaration(prisma, auth, params.id))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/contributions/declarations/:id/lines'), ({ auth, params, query }) => listDeclarationLines(prisma, auth, params.id, query))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/unit/contributions/declarations/:id/revoke'), async ({ auth, params, ctx }) =>
    respond(ctx, await revokeDeclaration(prisma, auth, params.id, keyOf(ctx)))
  )

  // Bills.
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/bills'), ({ auth, query }) => listBills(prisma, auth, query))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/unit/bills'), async ({ auth, body, ctx }) => respond(ctx, await issueBill(prisma, auth, body, keyOf(ctx))))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/bills/:billNo'), ({ auth, params }) => getBill(prisma, auth, params.billNo))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/bills/:billNo/pdf'), async ({ auth, params, ctx }) => {
    const { unit, bill } = await findOwnBill(prisma, auth, params.billNo)
    const pdf = await renderBillPdf(await billDetailOf(prisma, unit, bill, new Date()))
    ctx.status = 200
    ctx.type = 'application/pdf'
    ctx.set('Content-Disposition', `inline; filename="bill-${bill.billNo}.pdf"; filename*=UTF-8''${encodeURIComponent(`社会保险费应缴认定单${bill.billNo}.pdf`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = pdf
    return undefined
  })
  mountRoute(router, deps, routeOf(api, 'POST', '/api/unit/bills/:billNo/revoke'), async ({ auth, params, ctx }) =>
    respond(ctx, await revokeBill(prisma, auth, params.billNo, keyOf(ctx)))
  )
  mountRoute(router, deps, routeOf(api, 'POST', '/api/unit/bills/:billNo/reissue'), async ({ auth, params, ctx }) =>
    respond(ctx, await reissueBill(prisma, auth, params.billNo, keyOf(ctx)))
  )

  // 年度缴费工资申报: the pre-filled template (the matter itself runs on the case engine, matter WAGE_DECLARATION).
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/contributions/wage-declaration/template'), async ({ auth, ctx }) => {
    const { fileName, bytes } = await wageDeclarationTemplate(prisma, auth)
    ctx.status = 200
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    ctx.set('Content-Disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = bytes
    return undefined
  })

  // 单位退费查询.
  mountRoute(router, deps, routeOf(api, 'GET', '/api/unit/refunds'), ({ auth, query }) => listRefunds(prisma, auth, query))

  // Center.
  mountRoute(router, deps, routeOf(api, 'GET', '/api/review/bills'), ({ auth, query }) => listReviewBills(prisma, auth, query))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/review/bills/:billNo/arrive'), async ({ auth, params, ctx }) =>
    respond(ctx, await arriveBill(prisma, auth, params.billNo, keyOf(ctx)))
  )
  // 稽核认定缴费基数 (R40).
  mountRoute(router, deps, routeOf(api, 'GET', '/api/review/audit-bases'), ({ auth, query }) => listAuditBases(prisma, auth, query))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/review/audit-bases'), async ({ auth, body, ctx }) =>
    respond(ctx, await recordAuditBase(prisma, auth, body, keyOf(ctx)))
  )
  return router
}
