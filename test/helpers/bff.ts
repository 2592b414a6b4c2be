// Start the real BFF in-process on 127.0.0.1:<free port> against the test database (DATABASE_URL, provided and
// migrated by test/setup/global.ts), and a small fetch wrapper for talking to it.
import type { AddressInfo } from 'node:net'
import http from 'node:http'
import type { DestinationStream } from 'pino'
import { createApp, type ModuleDeps, type ModuleRouterFactory } from '../../bff/src/app.ts'
import { loadConfig, type Config } from '../../bff/src/config.ts'
import { createPrisma, type PrismaClient } from '../../bff/src/db/client.ts'
import { createLogger } from '../../bff/src/http/logger.ts'
import type { SessionCheck } from '../../bff/src/http/auth.ts'
import type { RateLimiter } from '../../bff/src/http/rate-limit.ts'

export interface StartBffOptions {
  /** Extra environment on top of process.env (e.g. { H5_DIST_DIR, CORS_ORIGINS, LOG_LEVEL }). */
  env?: Record<string, string | undefined>
  /** Shorthand for env.H5_DIST_DIR. */
  h5DistDir?: string
  /** Test-only routers mounted after the modules. */
  extraRouters?: ModuleRouterFactory[]
  /** Capture log lines (pino writes JSON lines to it). */
  logDestination?: DestinationStream
  rateLimiter?: RateLimiter
  /** Replace the session liveness check (e.g. identity's SessionLiveness with a short TTL). */
  sessionCheck?: SessionCheck
}

export interface RunningBff {
  baseUrl: string
  prisma: PrismaClient
  config: Config
  /** Keys, limiter, guards the app was built with. Tokens need a live session row: mint them with
   *  test/helpers/sessions.ts (`sessionToken`), not with signAccessToken alone. */
  deps: ModuleDeps
  close(): Promise<void>
}

export async function startBff(opts: StartBffOptions = {}): Promise<RunningBff> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (run through test/vitest.config.ts or npm test)')
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...opts.env }
  if (opts.h5DistDir) env['H5_DIST_DIR'] = opts.h5DistDir
  const config = loadConfig(env)
  const logger = createLogger({ level: env['LOG_LEVEL'] ?? (opts.logDestination ? 'info' : 'warn'), ...(opts.logDestination ? { destination: opts.logDestination } : {}) })
  const prisma = createPrisma(config.databaseUrl, { poolSize: 4 })
  const created = createApp(
    { config, prisma, logger, ...(opts.rateLimiter ? { rateLimiter: opts.rateLimiter } : {}), ...(opts.sessionCheck ? { sessionCheck: opts.sessionCheck } : {}) },
    { extraRouters: opts.extraRouters ?? [] }
  )
  const { app, deps } = created
  const server = http.createServer(app.callback())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  if (!env['PUBLIC_BASE_URL']) config.publicBaseUrl = baseUrl
  return {
    baseUrl,
    prisma,
    config,
    deps,
    async close() {
      created.drain()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await created.close()
      await prisma.$disconnect()
    }
  }
}

export interface ApiResponse<T = any> {
  status: number
  headers: Headers
  /** Parsed JSON when the response is JSON, else undefined. */
  body: T
  text: string
}

export interface RequestOptions {
  headers?: Record<string, string>
  token?: string
  /** JSON-encoded unless it is a string/Buffer (then sent as-is; set content-type yourself). */
  body?: unknown
  query?: Record<string, string | number | undefined>
}

/** `const res = await api(baseUrl).get('/api/health')`; `api(baseUrl, { token }).post(path, { body })`. */
export function api(baseUrl: string, defaults: { token?: string; headers?: Record<string, string> } = {}) {
  async function request<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = new URL(path, baseUrl)
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
    const headers: Record<string, string> = { accept: 'application/json', ...defaults.headers, ...opts.headers }
    const token = opts.token ?? defaults.token
    if (token) headers['authorization'] = `Bearer ${token}`
    let body: BodyInit | undefined
    if (opts.body !== undefined) {
      if (typeof opts.body === 'string' || Buffer.isBuffer(opts.body)) body = typeof opts.body === 'string' ? opts.body : new Uint8Array(opts.body)
      else {
        body = JSON.stringify(opts.body)
        headers['content-type'] ??= 'application/json'
      }
    }
    const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' })
    const text = await res.text()
    const isJson = /\bjson\b/.test(res.headers.get('content-type') ?? '')
    return { status: res.status, headers: res.headers, body: (isJson && text ? JSON.parse(text) : undefined) as T, text }
  }
  return {
    request,
    get: <T = any>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
    post: <T = any>(path: string, opts?: RequestOptions) => request<T>('POST', path, opts),
    put: <T = any>(path: string, opts?: RequestOptions) => request<T>('PUT', path, opts),
    patch: <T = any>(path: string, opts?: RequestOptions) => request<T>('PATCH', path, opts),
    delete: <T = any>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts)
  }
}
