// The BFF skeleton over real HTTP against the real test database: system endpoints, error envelope, body
// limits, security headers, request ids, log privacy, auth guard, rate limits, transactions, H5 serving.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { Router } from '@koa/router'
import { defineRoute, HealthResponse, IdNumberSchema, ReadyResponse } from '@shebao/shared'
import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { ModuleDeps } from '../../bff/src/app.ts'
import { inTransaction } from '../../bff/src/db/tx.ts'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import { signJwt } from '../../bff/src/http/keys.ts'
import { DbRateLimiter, rateLimit } from '../../bff/src/http/rate-limit.ts'
import { mountRoute } from '../../bff/src/http/route.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { openTestSession } from '../helpers/sessions.ts'

const ID_NUMBER = '11010519491231002X' // GB 11643 sample number
const PHONE = '13912345678'

/** Routes that exist only in these tests. */
const testRoute = defineRoute({
  method: 'POST',
  path: '/api/__test/echo/:n',
  summary: 'test',
  tag: 'test',
  auth: 'none',
  request: {
    params: z.object({ n: z.coerce.number().int().min(1) }),
    body: z.object({ idNumber: IdNumberSchema, amount: z.number().int().min(0) })
  },
  response: z.object({ n: z.number(), idNumber: z.string() })
})

let rateKey = crypto.randomUUID()

function testRouters(deps: ModuleDeps) {
  const r = new Router()
  r.get('/api/__test/boom', () => {
    throw new Error(`boom for ${ID_NUMBER} at /secret/path`)
  })
  r.get('/api/__test/me', deps.auth.requireAuth(['person', 'unit']), (ctx) => {
    ctx.body = ctx.state.auth
  })
  r.get('/api/__test/limited', rateLimit({ name: 'test.limited', limit: 2, windowSeconds: 60, key: () => rateKey }), (ctx) => {
    ctx.body = { ok: true }
  })
  mountRoute(r, deps, testRoute, ({ params, body }) => ({ n: params.n, idNumber: body.idNumber }))
  return r
}

/** Collects pino's JSON lines. */
function captureStream() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      cb()
    }
  })
  return { stream, lines }
}

describe('BFF skeleton', () => {
  let bff: RunningBff
  const log = captureStream()

  beforeAll(async () => {
    bff = await startBff({ extraRouters: [testRouters], logDestination: log.stream, env: { CORS_ORIGINS: 'https://hall.example.cn' } })
  })
  const sessionIds: string[] = []
  afterAll(async () => {
    await bff?.prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: 'test.' } } })
    await bff?.prisma.session.deleteMany({ where: { id: { in: sessionIds } } })
    await bff?.close()
  })

  it('GET /api/health is 200 with the shared HealthResponse shape', async () => {
    const res = await api(bff.baseUrl).get('/api/health')
    expect(res.status).toBe(200)
    expect(HealthResponse.parse(res.body).status).toBe('ok')
  })

  it('GET /api/ready is 200 when the database answers', async () => {
    const res = await api(bff.baseUrl).get('/api/ready')
    expect(res.status).toBe(200)
    const body = ReadyResponse.parse(res.body)
    expect(body.status).toBe('ready')
    expect(body.checks['database']?.ok).toBe(true)
  })

  it('GET /api/openapi.json is an OpenAPI 3.1 document built from the shared registry', async () => {
    const res = await api(bff.baseUrl).get('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = res.body
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBeTruthy()
    expect(doc.paths['/api/health'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//)
    expect(doc.paths['/api/ready'].get).toBeTruthy()
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.components.schemas.ErrorBody.properties.error.required).toEqual(expect.arrayContaining(['code', 'message', 'requestId']))
    // every $ref resolves
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1)
      expect(doc.components.schemas[name], ref).toBeTruthy()
    }
  })

  it('an unknown /api path is a JSON 404 with the Chinese message and the request id', async () => {
    const res = await api(bff.baseUrl).get('/api/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
    expect(res.body.error.message).toBe('记录不存在')
    expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'))
  })

  it('a wrong method on a known path is 405 with Allow', async () => {
    const res = await api(bff.baseUrl).delete('/api/health')
    expect(res.status).toBe(405)
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED')
    expect(res.headers.get('allow')).toContain('GET')
  })

  it('a JSON body over 1 MB is 413', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) })
    const res = await api(bff.baseUrl).post('/api/__test/echo/1', { body: big, headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('malformed JSON is 400', async () => {
    const res = await api(bff.baseUrl).post('/api/__test/echo/1', { body: '{"idNumber": ', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BAD_REQUEST')
    expect(res.body.error.message).toContain('JSON')
  })

  it('a non-JSON body is 415', async () => {
    const res = await api(bff.baseUrl).post('/api/__test/echo/1', { body: 'a=1', headers: { 'content-type': 'text/plain' } })
    expect(res.status).toBe(415)
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('zod failures are 400 VALIDATION_FAILED naming the field in Chinese', async () => {
    const bad = await api(bff.baseUrl).post('/api/__test/echo/1', { body: { idNumber: '110105194912310021', amount: 1 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('VALIDATION_FAILED')
    expect(bad.body.error.field).toBe('idNumber')
    expect(bad.body.error.message).toMatch(/^请求参数有误：/)
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fff]/)

    const missing = await api(bff.baseUrl).post('/api/__test/echo/1', { body: { idNumber: ID_NUMBER } })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ field: 'amount', message: '请求参数有误：金额不能为空' })

    const badParam = await api(bff.baseUrl).post('/api/__test/echo/0', { body: { idNumber: ID_NUMBER, amount: 1 } })
    expect(badParam.status).toBe(400)
    expect(badParam.body.error.field).toBe('n')

    const ok = await api(bff.baseUrl).post('/api/__test/echo/7', { body: { idNumber: ID_NUMBER.toLowerCase(), amount: 1 } })
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ n: 7, idNumber: ID_NUMBER })
  })

  it('sends a strict CSP with frame-ancestors none, and no HSTS over http', async () => {
    const res = await api(bff.baseUrl).get('/api/health')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("img-src 'self' data: blob:")
    expect(csp).toContain("media-src 'self' blob:")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const mine = 'trace-0123456789abcdef'
    const res = await api(bff.baseUrl).get('/api/health', { headers: { 'x-request-id': mine } })
    expect(res.headers.get('x-request-id')).toBe(mine)
    const evil = await api(bff.baseUrl).get('/api/health', { headers: { 'x-request-id': 'a b<script>' } })
    expect(evil.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const personal = await api(bff.baseUrl).get('/api/health', { headers: { 'x-request-id': ID_NUMBER } })
    expect(personal.headers.get('x-request-id')).not.toBe(ID_NUMBER)
  })

  it('an unexpected error is 500 INTERNAL with a request id and no stack or internals', async () => {
    const res = await api(bff.baseUrl).get('/api/__test/boom')
    expect(res.status).toBe(500)
    expect(res.body.error.code).toBe('INTERNAL')
    expect(res.body.error.message).toBe('系统繁忙，请稍后再试')
    expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'))
    expect(res.text).not.toMatch(/boom|stack|secret|\.ts:\d+|at /)
  })

  it('logs one access line per request without ID numbers, phones or tokens', async () => {
    const token = signAccessToken(bff.deps.keys, { role: 'person', personId: 1, sessionId: 's-log' })
    const res = await api(bff.baseUrl).get(`/api/persons/${ID_NUMBER}/contributions`, {
      query: { phone: PHONE, mobile: PHONE, q: `x${PHONE}` },
      headers: { cookie: 'sid=secret-cookie' },
      token
    })
    expect(res.status).toBe(404)
    await api(bff.baseUrl).get('/api/__test/boom')
    await new Promise((r) => setTimeout(r, 200)) // async pino destination
    const all = log.lines.join('\n')
    const line = log.lines.map((l) => JSON.parse(l)).find((l) => l.requestId === res.headers.get('x-request-id') && l.msg === 'request')
    expect(line).toMatchObject({ method: 'GET', status: 404 })
    expect(line.path).toContain('/api/persons/')
    expect(typeof line.ms).toBe('number')
    expect(all).not.toContain(ID_NUMBER)
    expect(all).not.toContain(PHONE)
    expect(all).not.toContain(token)
    expect(all).not.toContain('secret-cookie')
    // the 500 was logged with its (masked) error
    expect(all).toMatch(/boom for 110105\*{8}002X/)
  })

  it('CORS allows only the configured origins, with credentials', async () => {
    const ok = await api(bff.baseUrl).get('/api/health', { headers: { origin: 'https://hall.example.cn' } })
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://hall.example.cn')
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true')
    expect(ok.headers.get('access-control-expose-headers')).toContain('X-Request-Id')
    const evil = await api(bff.baseUrl).get('/api/health', { headers: { origin: 'https://evil.example.com' } })
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
  })

  describe('auth guard', () => {
    it('401 without a token, 200 with a valid ES256 access token of a live session', async () => {
      const none = await api(bff.baseUrl).get('/api/__test/me')
      expect(none.status).toBe(401)
      expect(none.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' })
      const s = await openTestSession(bff.prisma, bff.deps.keys, { role: 'unit', personId: 12, unitId: 34 })
      sessionIds.push(s.sessionId)
      const ok = await api(bff.baseUrl, { token: s.token }).get('/api/__test/me')
      expect(ok.status).toBe(200)
      expect(ok.body).toEqual({ role: 'unit', personId: 12, unitId: 34, sessionId: s.sessionId })
    })

    it('401 SESSION_INVALID for a well-signed token whose session is unknown or revoked', async () => {
      const unknown = signAccessToken(bff.deps.keys, { role: 'unit', personId: 12, unitId: 34, sessionId: 'sess-1' })
      const res = await api(bff.baseUrl, { token: unknown }).get('/api/__test/me')
      expect(res.status).toBe(401)
      expect(res.body.error).toMatchObject({ code: 'SESSION_INVALID', message: '登录已失效，请重新登录' })
      const s = await openTestSession(bff.prisma, bff.deps.keys, { role: 'person', personId: 1 })
      sessionIds.push(s.sessionId)
      await bff.prisma.session.update({ where: { id: s.sessionId }, data: { revokedAt: new Date() } })
      expect((await api(bff.baseUrl, { token: s.token }).get('/api/__test/me')).status).toBe(401)
    })

    it('403 for a role the route does not admit', async () => {
      const s = await openTestSession(bff.prisma, bff.deps.keys, { role: 'reviewer', reviewerId: 5 })
      sessionIds.push(s.sessionId)
      const res = await api(bff.baseUrl, { token: s.token }).get('/api/__test/me')
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
    })

    it('401 TOKEN_EXPIRED for an expired token', async () => {
      const token = signAccessToken(bff.deps.keys, { role: 'person', personId: 1, sessionId: 's' }, -120)
      const res = await api(bff.baseUrl, { token }).get('/api/__test/me')
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('TOKEN_EXPIRED')
    })

    it('rejects alg:none, HS256 with the public key as secret, foreign keys and wrong audience', async () => {
      const claims = { role: 'person', pid: 1, sid: 's', typ: 'access', iss: 'shebao-bff', aud: 'shebao-api', sub: '1' }
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
      const exp = Math.floor(Date.now() / 1000) + 600
      const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp })}.`
      const publicPem = bff.deps.keys.publicKey.export({ format: 'pem', type: 'spki' }).toString()
      const hs256 = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, exp })}`
      const hsToken = `${hs256}.${crypto.createHmac('sha256', publicPem).update(hs256).digest('base64url')}`
      const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      const foreign = jwt.sign(claims, privateKey, { algorithm: 'ES256', expiresIn: 600 })
      const wrongAud = signJwt(bff.deps.keys, { role: 'person', pid: 1, sid: 's', typ: 'access' }, { expiresIn: 600, issuer: 'shebao-bff', audience: 'other', subject: '1' })
      for (const token of [algNone, hsToken, foreign, wrongAud, 'not-a-jwt']) {
        const res = await api(bff.baseUrl, { token }).get('/api/__test/me')
        expect(res.status, token).toBe(401)
        expect(res.body.error.code).toBe('UNAUTHENTICATED')
      }
    })
  })

  describe('rate limits (database buckets)', () => {
    it('answers 429 RATE_LIMITED with Retry-After over the limit', async () => {
      rateKey = crypto.randomUUID()
      const a = api(bff.baseUrl)
      expect((await a.get('/api/__test/limited')).status).toBe(200)
      expect((await a.get('/api/__test/limited')).status).toBe(200)
      const third = await a.get('/api/__test/limited')
      expect(third.status).toBe(429)
      expect(third.body.error).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' })
      const retry = Number(third.headers.get('retry-after'))
      expect(retry).toBeGreaterThanOrEqual(1)
      expect(retry).toBeLessThanOrEqual(60)
      // the bucket key is hashed: the caller key never reaches the table
      const rows = await bff.prisma.rateLimitBucket.findMany({ where: { key: { startsWith: 'test.limited:' } } })
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.some((r) => r.key.includes(rateKey))).toBe(false)
    })

    it('counts concurrent hits exactly and opens a new window after expiry', async () => {
      const limiter = new DbRateLimiter(bff.prisma)
      const key = `test.concurrent:${crypto.randomUUID()}`
      const results = await Promise.all(Array.from({ length: 12 }, () => limiter.hit(key, 5, 1)))
      expect(results.filter((r) => r.allowed)).toHaveLength(5)
      const row = await bff.prisma.rateLimitBucket.findUnique({ where: { key } })
      expect(row?.count).toBe(12)
      await new Promise((r) => setTimeout(r, 1100))
      const fresh = await limiter.hit(key, 5, 1)
      expect(fresh).toMatchObject({ allowed: true, count: 1 })
      await limiter.reset(key)
      expect(await bff.prisma.rateLimitBucket.findUnique({ where: { key } })).toBeNull()
    })
  })

  it('inTransaction retries the deadlock victim (MariaDB 1213)', async () => {
    const a = `test.deadlock.a:${crypto.randomUUID()}`
    const b = `test.deadlock.b:${crypto.randomUUID()}`
    const expires = new Date(Date.now() + 60_000)
    await bff.prisma.rateLimitBucket.createMany({
      data: [a, b].map((key) => ({ key, windowStart: new Date(), count: 0, expiresAt: expires }))
    })
    let attempts = 0
    let arrived = 0
    let release!: () => void
    const bothLocked = new Promise<void>((r) => (release = r))
    const worker = (first: string, second: string) =>
      inTransaction(bff.prisma, async (tx) => {
        attempts++
        await tx.$executeRaw`UPDATE rate_limit_bucket SET count = count + 1 WHERE \`key\` = ${first}`
        if (++arrived === 2) release()
        await Promise.race([bothLocked, new Promise((r) => setTimeout(r, 1000))])
        await tx.$executeRaw`UPDATE rate_limit_bucket SET count = count + 1 WHERE \`key\` = ${second}`
      }, { timeout: 15_000 })
    await Promise.all([worker(a, b), worker(b, a)])
    expect(attempts).toBe(3) // both tried, one was chosen as the deadlock victim and ran again
    const rows = await bff.prisma.rateLimitBucket.findMany({ where: { key: { in: [a, b] } } })
    expect(rows.map((r) => r.count)).toEqual([2, 2])
    await bff.prisma.rateLimitBucket.deleteMany({ where: { key: { in: [a, b] } } })
  })
})

describe('readiness without a database', () => {
  it('GET /api/ready is 503 not_ready when the database is down, /api/health still 200', async () => {
    const bff = await startBff({ env: { DATABASE_URL: 'mysql://root@127.0.0.1:1/nothing_here' } })
    try {
      const ready = await api(bff.baseUrl).get('/api/ready')
      expect(ready.status).toBe(503)
      const body = ReadyResponse.parse(ready.body)
      expect(body.status).toBe('not_ready')
      expect(body.checks['database']?.ok).toBe(false)
      expect(ready.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|mysql:/)
      expect((await api(bff.baseUrl).get('/api/health')).status).toBe(200)
    } finally {
      await bff.close()
    }
  })
})

describe('H5 static serving', () => {
  const inlineScript = "!function(){var d=document.documentElement;d.style.fontSize='20px'}()"
  let dir: string
  let bff: RunningBff

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-h5-'))
    fs.mkdirSync(path.join(dir, 'js'))
    fs.mkdirSync(path.join(dir, 'css'))
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      `<!DOCTYPE html><html><head><title>掌上社保</title><script>${inlineScript}</script>` +
        `<script defer src="/js/app.abc12345.js"></script></head><body><div id="app"></div></body></html>`
    )
    fs.writeFileSync(path.join(dir, 'js', 'app.abc12345.js'), 'console.log("app")')
    fs.writeFileSync(path.join(dir, 'css', 'app.0123abcd.css'), 'body{}')
    fs.writeFileSync(path.join(dir, 'favicon.ico'), 'ico')
    bff = await startBff({ h5DistDir: dir })
  })
  afterAll(async () => {
    await bff?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('serves index.html at / with no-cache and the inline script allowed by hash', async () => {
    const res = await api(bff.baseUrl).get('/', { headers: { accept: 'text/html' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.text).toContain('<div id="app">')
    const hash = crypto.createHash('sha256').update(inlineScript).digest('base64')
    expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' 'sha256-${hash}'`)
    // revalidation (fetch adds `Cache-Control: no-cache` to conditional requests unless one is given)
    const lastModified = res.headers.get('last-modified') ?? ''
    const again = await api(bff.baseUrl).get('/', { headers: { accept: 'text/html', 'if-modified-since': lastModified, 'cache-control': 'max-age=0' } })
    expect(again.status).toBe(304)
  })

  it('serves hashed assets as immutable for a year', async () => {
    const js = await api(bff.baseUrl).get('/js/app.abc12345.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const css = await api(bff.baseUrl).get('/css/app.0123abcd.css')
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const icon = await api(bff.baseUrl).get('/favicon.ico')
    expect(icon.headers.get('cache-control')).toBe('no-cache')
  })

  it('falls back to index.html for page routes, but not for missing assets or /api', async () => {
    const page = await api(bff.baseUrl).get('/pages/cert/verify', { headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(page.status).toBe(200)
    expect(page.text).toContain('<div id="app">')
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const missing = await api(bff.baseUrl).get('/js/nope.deadbeef.js', { headers: { accept: '*/*' } })
    expect(missing.status).toBe(404)
    const apiMiss = await api(bff.baseUrl).get('/api/pages', { headers: { accept: 'text/html' } })
    expect(apiMiss.status).toBe(404)
    expect(apiMiss.body.error.code).toBe('NOT_FOUND')
    const traversal = await api(bff.baseUrl).get('/%2e%2e/%2e%2e/etc/passwd', { headers: { accept: '*/*' } })
    expect(traversal.text).not.toContain('root:')
  })

  it('without a build, / says to run npm run build:h5', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-h5-none-'))
    const bare = await startBff({ h5DistDir: empty })
    try {
      const res = await api(bare.baseUrl).get('/', { headers: { accept: 'text/html' } })
      expect(res.status).toBe(200)
      expect(res.text).toContain('npm run build:h5')
      expect(res.text).toMatch(/尚未构建/)
    } finally {
      await bare.close()
      fs.rmSync(empty, { recursive: true, force: true })
    }
  })
})
