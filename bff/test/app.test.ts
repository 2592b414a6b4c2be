// createApp wiring without a database (prisma is a stub that is never called by these routes).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Router } from '@koa/router'
import { describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'
import { loadConfig, ConfigError } from '../src/config.ts'
import type { PrismaClient } from '../src/db/client.ts'
import { AppError } from '../src/http/errors.ts'
import { createLogger } from '../src/http/logger.ts'
import { MemoryRateLimiter } from '../src/http/rate-limit.ts'

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/x' })
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', publicBaseUrl: 'http://127.0.0.1:3000', corsOrigins: [], dbPoolSize: 10, nodeEnv: 'development', trustProxy: false })
    expect(c.h5DistDir).toMatch(/miniapp[/\\]dist-h5$/)
    expect(c.keysDir).toMatch(/\.data[/\\]keys$/)
    expect(c.jwtPrivateKeyPem).toBeUndefined()
  })

  it('parses lists, numbers and one-line PEMs; rejects bad input', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://u:p@db:3307/x', PORT: '8080', PUBLIC_BASE_URL: 'https://si.example.cn/', CORS_ORIGINS: 'https://a.cn, https://b.cn/', JWT_PRIVATE_KEY_PEM: 'a\\nb', TRUST_PROXY: '1' })
    expect(c).toMatchObject({ port: 8080, publicBaseUrl: 'https://si.example.cn', corsOrigins: ['https://a.cn', 'https://b.cn'], jwtPrivateKeyPem: 'a\nb', trustProxy: true })
    expect(() => loadConfig({})).toThrow(ConfigError)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x/y', PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x/y', CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/)
  })
})

describe('createApp', () => {
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-app-keys-'))
  const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/none', KEYS_DIR: keysDir, H5_DIST_DIR: keysDir, PUBLIC_BASE_URL: 'https://si.example.cn' })
  const prisma = {} as PrismaClient

  it('mounts the system routes (and lists registry routes no module serves yet)', () => {
    const { unmounted, deps } = createApp({ config, prisma, logger: createLogger({ level: 'silent' }), rateLimiter: new MemoryRateLimiter() })
    for (const r of ['GET /api/health', 'GET /api/ready', 'GET /api/openapi.json', 'GET /api/.well-known/jwks.json']) {
      expect(unmounted).not.toContain(r)
    }
    for (const r of unmounted) expect(r).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\//)
    expect(deps.keys.kid).toBeTruthy()
  })

  it('maps a thrown AppError and sends HSTS when the public URL is https', async () => {
    const extra = () => {
      const r = new Router()
      r.get('/api/__t/conflict', () => {
        throw new AppError('CONFLICT', { field: 'period', detail: '该期已申报' })
      })
      return r
    }
    const { app } = createApp({ config, prisma, logger: createLogger({ level: 'silent' }), rateLimiter: new MemoryRateLimiter() }, { extraRouters: [extra] })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const { port } = server.address() as { port: number }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/__t/conflict`)
      expect(res.status).toBe(409)
      const body = await res.json()
      expect(body).toEqual({ error: { code: 'CONFLICT', message: '数据已发生变化，请刷新后重试：该期已申报', field: 'period', requestId: res.headers.get('x-request-id') } })
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    } finally {
      server.close()
    }
  })
})
