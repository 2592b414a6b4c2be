// Matter catalogue and case endpoints (办件). Routers parse with the shared schemas and call the use cases.
import { Router } from '@koa/router'
import { caseRoutes as api, getMatter, MATTER_CATEGORY_LABELS, MATTERS, type MatterDefinition } from '@shebao/shared'
import type { Context } from 'koa'
import type { ModuleDeps } from '../../deps.ts'
import { AppError } from '../../http/errors.ts'
import { rateLimit } from '../../http/rate-limit.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { createCase } from './create-case.ts'
import { addItems, attachMaterial, detachMaterial, importBatch, removeItem, updateCase } from './edit-case.ts'
import { parseIdempotencyKey, type Outcome } from './idempotency.ts'
import { getCase, listCases, listOwnItems } from './query-cases.ts'
import { caseReportPdf } from './report.ts'
import { submitCase } from './submit-case.ts'
import { withdrawCase } from './withdraw-case.ts'
import { buildTemplate, XLSX_MIME } from './workbook.ts'

function summary(m: MatterDefinition) {
  return {
    code: m.code,
    name: m.name,
    section: m.section,
    category: m.category,
    categoryLabel: MATTER_CATEGORY_LABELS[m.category],
    applicant: m.applicant,
    review: m.review,
    modes: [...m.modes],
    description: m.description
  }
}

function info(m: MatterDefinition) {
  return {
    ...summary(m),
    guidance: [...m.guidance],
    terms: m.terms,
    resultMessage: m.resultMessage,
    inFlight: m.inFlight,
    reportTitle: m.reportTitle,
    rowLabels: m.rowLabels ? { ...m.rowLabels } : null,
    formLabels: m.formLabels ? { ...m.formLabels } : null,
    formLists: m.formLists
      ? m.formLists.map((l) => ({
          key: l.key,
          label: l.label,
          itemName: l.itemName,
          source: l.source,
          note: l.note ?? null,
          fields: l.fields.map((f) => ({
            field: f.field,
            label: f.label,
            kind: f.kind,
            required: f.required === true,
            modifiable: f.modifiable,
            options: f.codeTable ? f.codeTable.options().filter((o) => !f.codes || f.codes.includes(o.value)) : null
          }))
        }))
      : null,
    materials: m.materials.map((s) => ({ code: s.code, name: s.name, requirement: s.requirement, group: s.group ?? null, description: s.description ?? null })),
    template: m.template
      ? {
          title: m.template.title,
          instruction: m.template.instruction,
          notes: [...m.template.notes],
          maxRows: m.template.maxRows,
          columns: m.template.columns.map((c) => ({
            header: c.header,
            field: c.field,
            kind: c.kind,
            required: c.required === true,
            example: c.example,
            options: c.codeTable ? c.codeTable.options() : null
          }))
        }
      : null
  }
}

function respond<T>(ctx: Context, outcome: Outcome<T>): T {
  ctx.status = outcome.status
  if (outcome.replayed) ctx.set('Idempotent-Replayed', 'true')
  return outcome.body
}

/** "在职职工增员申报表.xlsx" as an RFC 5987 attachment header (non-ASCII file name). */
function attachment(name: string): string {
  return `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/** A PDF shown in the browser/viewer, with an ASCII fallback name and the Chinese one (RFC 5987 / 6266). */
function inlinePdf(asciiName: string, name: string): string {
  return `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export function casesRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  const { prisma } = deps
  const byCaller = (ctx: Context) => (ctx.state.auth ? `${ctx.state.auth.role}:${ctx.state.auth.personId ?? ctx.state.auth.reviewerId}` : ctx.ip)
  const uploadLimit = rateLimit({ name: 'cases.batch', limit: 30, windowSeconds: 60, key: byCaller })
  // A 10 000-row 花名册 is a few hundred pages: rendering is bounded per caller.
  const reportLimit = rateLimit({ name: 'cases.report', limit: 30, windowSeconds: 60, key: byCaller })

  mountRoute(router, deps, routeOf(api, 'GET', '/api/matters'), () => ({ items: MATTERS.map(summary) }))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/matters/:code'), ({ params }) => info(getMatter(params.code) as MatterDefinition))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/matters/:code/template'), async ({ params, auth, ctx }) => {
    const m = getMatter(params.code) as MatterDefinition
    if (!m.template) throw new AppError('CASE_MODE_NOT_SUPPORTED', { detail: '批量添加' })
    const unit = await prisma.unit.findUnique({ where: { id: auth.unitId as number }, select: { unitNo: true, name: true } })
    if (!unit) throw new AppError('NOT_FOUND')
    ctx.status = 200
    ctx.type = XLSX_MIME
    ctx.set('Content-Disposition', attachment(`${m.template.fileName}.xlsx`))
    ctx.set('Cache-Control', 'no-store')
    ctx.body = await buildTemplate(m.template, unit)
    return undefined
  })

  mountRoute(router, deps, routeOf(api, 'GET', '/api/cases'), ({ auth, query }) => listCases(prisma, auth, query))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/cases'), async ({ auth, body, ctx }) =>
    respond(ctx, await createCase(prisma, auth, body, parseIdempotencyKey(ctx.get('Idempotency-Key') || undefined)))
  )
  mountRoute(router, deps, routeOf(api, 'GET', '/api/cases/:serialNo'), ({ auth, params }) => getCase(prisma, auth, params.serialNo))
  mountRoute(
    router,
    deps,
    routeOf(api, 'GET', '/api/cases/:serialNo/report'),
    async ({ auth, params, ctx }) => {
      const report = await caseReportPdf(prisma, auth, params.serialNo)
      ctx.status = 200
      ctx.type = 'application/pdf'
      ctx.set('Content-Disposition', inlinePdf(`report-${params.serialNo}.pdf`, report.fileName))
      ctx.set('Cache-Control', 'no-store')
      ctx.set('X-Page-Count', String(report.pages))
      ctx.body = report.bytes
      return undefined
    },
    { before: [reportLimit] }
  )
  mountRoute(router, deps, routeOf(api, 'PUT', '/api/cases/:serialNo'), ({ auth, params, body }) => updateCase(prisma, auth, params.serialNo, body))
  mountRoute(router, deps, routeOf(api, 'GET', '/api/cases/:serialNo/items'), ({ auth, params, query }) => listOwnItems(prisma, auth, params.serialNo, query))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/cases/:serialNo/items'), ({ auth, params, body }) => addItems(prisma, auth, params.serialNo, body.rows))
  mountRoute(router, deps, routeOf(api, 'DELETE', '/api/cases/:serialNo/items/:rowNo'), ({ auth, params }) => removeItem(prisma, auth, params.serialNo, params.rowNo))
  mountRoute(
    router,
    deps,
    routeOf(api, 'POST', '/api/cases/:serialNo/batch'),
    ({ auth, params, query, ctx }) => importBatch(prisma, auth, params.serialNo, { req: ctx.req, headers: ctx.req.headers }, query.save !== '0'),
    { before: [uploadLimit] }
  )
  mountRoute(router, deps, routeOf(api, 'POST', '/api/cases/:serialNo/submit'), async ({ auth, params, ctx }) =>
    respond(ctx, await submitCase(prisma, auth, params.serialNo, parseIdempotencyKey(ctx.get('Idempotency-Key') || undefined)))
  )
  mountRoute(router, deps, routeOf(api, 'POST', '/api/cases/:serialNo/withdraw'), ({ auth, params, body }) => withdrawCase(prisma, auth, params.serialNo, body.reason))
  mountRoute(router, deps, routeOf(api, 'POST', '/api/cases/:serialNo/materials'), ({ auth, params, body }) =>
    attachMaterial(prisma, auth, params.serialNo, body.materialCode, body.mediaId)
  )
  mountRoute(router, deps, routeOf(api, 'DELETE', '/api/cases/:serialNo/materials/:id'), ({ auth, params }) => detachMaterial(prisma, auth, params.serialNo, params.id))
  return router
}
