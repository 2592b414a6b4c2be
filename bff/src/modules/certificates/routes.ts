// Certificates: issue (snapshot + PDF + 授权码 + signed QR), my proofs, PDF download, revoke, the unit's staff
// picker, public verification, and the JWKS at the well-known root path the QR token's `kid` points to.
import { Router } from '@koa/router'
import { certificateRoutes as api } from '@shebao/shared'
import type { ModuleDeps } from '../../deps.ts'
import { registerFieldLabels } from '../../http/errors.ts'
import { jwks } from '../../http/keys.ts'
import { MemoryRateLimiter, rateLimit } from '../../http/rate-limit.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { listCertificateTypes } from './certificate-types.ts'
import { proofFonts } from '../../pdf/fonts.ts'
import { parseIdempotencyKey } from '../cases/idempotency.ts'
import { issueCertificateOnce } from './issue-certificate.ts'
import { getCertificatePdf, listMyCertificates, revokeCertificate } from './my-certificates.ts'
import { listUnitStaff } from './unit-staff.ts'
import { createSqlReader, type SqlReader } from './sql.ts'
import { VerificationLog } from './verification-log.ts'
import { verifyCertificate } from './verify-certificate.ts'

registerFieldLabels({ months: '时间选择', personIds: '参保人员', code: '授权码', token: '二维码内容', type: '证明类型', q: '查询条件' })

const logs = new Set<VerificationLog>()
const readers = new Set<SqlReader>()

/** Write pending verification-log rows of every app in this process (tests). */
export async function flushVerificationLogs(): Promise<void> {
  await Promise.all([...logs].map((l) => l.flush()))
}

/** Flush the logs and end the verification read pools of every app in this process (scripts and tests that want
 *  their process to exit). An app's own `close()` (main.ts on shutdown) does the same for its router. */
export async function closeCertificates(): Promise<void> {
  await flushVerificationLogs()
  await Promise.all([...readers].map((r) => r.close()))
}

/** Issuing renders a PDF: at most this many a minute per signed-in person (clerks count per person too). */
const ISSUE_LIMIT = { name: 'certificates.issue', limit: 30, windowSeconds: 60 }

export function certificatesRoutes(deps: ModuleDeps): Router {
  const router = new Router()
  const sql = createSqlReader(deps.config.databaseUrl, deps.config.dbPoolSize)
  readers.add(sql)
  const log = new VerificationLog(sql, deps.logger)
  logs.add(log)
  // On shutdown: write the attempts still batched, then end the pool (after the server stopped taking requests).
  deps.onClose(async () => {
    logs.delete(log)
    readers.delete(sql)
    await log.flush()
    await sql.close()
  })
  // The public verification limit lives in this process's memory: it is hit by every anonymous request, and a
  // database bucket per IP would serialise a burst from one address on one row. With N instances an IP gets
  // N × the limit, which is fine for its purpose (slowing scrapers; codes are unguessable anyway: 80 bits).
  const verifyLimiter = new MemoryRateLimiter()
  const verifyLimit = () =>
    rateLimit({ name: 'certificates.verify', limit: deps.config.certVerifyRatePerMinute, windowSeconds: 60, key: (ctx) => ctx.ip, limiter: verifyLimiter })
  // Parse the CJK font now rather than on the first issue.
  setImmediate(() => {
    try {
      proofFonts()
    } catch (err) {
      deps.logger.error({ err }, 'no CJK font for certificate PDFs')
    }
  })

  const certDeps = { prisma: deps.prisma, keys: deps.keys, config: deps.config }

  mountRoute(router, deps, routeOf(api, 'GET', '/api/certificates/types'), ({ auth }) => listCertificateTypes(deps.prisma, auth))

  mountRoute(
    router,
    deps,
    routeOf(api, 'POST', '/api/certificates'),
    async ({ body, auth, ctx }) => {
      const outcome = await issueCertificateOnce(certDeps, auth, body, parseIdempotencyKey(ctx.get('Idempotency-Key') || undefined))
      ctx.status = outcome.status
      if (outcome.replayed) ctx.set('Idempotent-Replayed', 'true')
      ctx.set('Location', outcome.body.pdfPath)
      ctx.set('Cache-Control', 'no-store')
      return outcome.body
    },
    { before: [rateLimit({ ...ISSUE_LIMIT, key: (ctx) => (ctx.state.auth?.personId ? String(ctx.state.auth.personId) : undefined) })] }
  )

  mountRoute(router, deps, routeOf(api, 'GET', '/api/certificates'), ({ query, auth, ctx }) => {
    ctx.set('Cache-Control', 'no-store')
    return listMyCertificates(deps.prisma, auth, query)
  })

  mountRoute(router, deps, routeOf(api, 'GET', '/api/certificates/unit-staff'), ({ query, auth, ctx }) => {
    ctx.set('Cache-Control', 'no-store')
    return listUnitStaff(deps.prisma, auth.unitId as number, query)
  })

  mountRoute(router, deps, routeOf(api, 'GET', '/api/certificates/:id/pdf'), async ({ params, auth, ctx }) => {
    const pdf = await getCertificatePdf(deps.prisma, auth, params.id)
    ctx.type = 'application/pdf'
    ctx.set('Content-Disposition', `inline; filename="certificate-${params.id}.pdf"; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
    ctx.set('Cache-Control', 'private, no-store')
    ctx.set('ETag', `"${pdf.sha256}"`)
    ctx.body = pdf.bytes
    return undefined
  })

  mountRoute(router, deps, routeOf(api, 'POST', '/api/certificates/:id/revoke'), ({ params, body, auth }) =>
    revokeCertificate(deps.prisma, auth, params.id, body)
  )

  const verify = async (input: { code: string; token?: string | undefined }, ctx: import('koa').Context) => {
    ctx.set('Cache-Control', 'no-store')
    return verifyCertificate({ sql, keys: deps.keys, log }, input, { ip: ctx.ip, userAgent: ctx.get('User-Agent') })
  }
  mountRoute(router, deps, routeOf(api, 'POST', '/api/verify'), ({ body, ctx }) => verify(body, ctx), { before: [verifyLimit()] })
  mountRoute(router, deps, routeOf(api, 'GET', '/api/verify'), ({ query, ctx }) => verify(query, ctx), { before: [verifyLimit()] })

  // The JWKS at the conventional root path as well as /api/.well-known/jwks.json (system module): whoever holds a
  // printed proof can check the QR token's signature with the key its `kid` names.
  router.get('/.well-known/jwks.json', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300')
    ctx.set('Access-Control-Allow-Origin', '*')
    ctx.body = jwks(deps.keys)
  })

  return router
}
