import { describe, expect, it } from 'vitest'
import { bucketKeyFor, enforceRateLimit, MemoryRateLimiter } from '../src/http/rate-limit.ts'
import { AppError } from '../src/http/errors.ts'

describe('MemoryRateLimiter', () => {
  it('allows `limit` hits per window, then says when to retry, then opens a new window', async () => {
    let now = 1_000_000
    const l = new MemoryRateLimiter(() => now)
    expect(await l.hit('k', 2, 10)).toEqual({ allowed: true, count: 1, remaining: 1, retryAfterSeconds: 10 })
    expect((await l.hit('k', 2, 10)).allowed).toBe(true)
    now += 4_000
    expect(await l.hit('k', 2, 10)).toEqual({ allowed: false, count: 3, remaining: 0, retryAfterSeconds: 6 })
    expect((await l.hit('other', 2, 10)).allowed).toBe(true)
    now += 6_000
    expect(await l.hit('k', 2, 10)).toMatchObject({ allowed: true, count: 1 })
    await l.reset('k')
    expect((await l.hit('k', 2, 10)).count).toBe(1)
  })

  it('enforceRateLimit throws RATE_LIMITED with Retry-After', async () => {
    const l = new MemoryRateLimiter()
    const rule = { name: 'sms.send', limit: 1, windowSeconds: 60 }
    await enforceRateLimit(l, rule, '13912345678')
    await expect(enforceRateLimit(l, rule, '13912345678')).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.status === 429 && e.headers?.['Retry-After'] === '60'
    )
  })

  it('hashes caller keys into bucket keys that fit the 191-char column', () => {
    const k = bucketKeyFor('verify.code', '11010519491231002X')
    expect(k).toMatch(/^verify\.code:[A-Za-z0-9_-]{43}$/)
    expect(k).not.toContain('11010519491231002X')
    expect(bucketKeyFor('x', 'a'.repeat(10_000)).length).toBeLessThan(191)
  })
})
