// Identity's pure pieces without a database: the ticket event bus, phantom lockouts (same answers as real
// accounts), the binding cookie, short codes, user-agent descriptions, card masking.
import { LOGIN_SHORT_CODE_ALPHABET, type LoginTicketStatus } from '@shebao/shared'
import type { Context } from 'koa'
import { describe, expect, it } from 'vitest'
import { MemoryRateLimiter } from '../src/http/rate-limit.ts'
import { phantomAttempt } from '../src/modules/identity/attempt-guard.ts'
import { bindingCookieHeader, readBindingSecrets } from '../src/modules/identity/binding-cookie.ts'
import { maskCardNo } from '../src/modules/identity/card-view.ts'
import { minutesLeft } from '../src/modules/identity/clock.ts'
import { confirmPageUrl, newShortCode } from '../src/modules/identity/create-login-ticket.ts'
import { normalizePersonName } from '../src/modules/identity/local-essc-provider.ts'
import { InMemoryTicketEvents } from '../src/modules/identity/ticket-events.ts'
import { describeUserAgent } from '../src/modules/identity/user-agent.ts'

const status = (ticketId: string, version: number): LoginTicketStatus => ({
  ticketId,
  target: 'PERSON',
  state: 'SCANNED',
  version,
  expiresAt: '2026-01-01T00:00:00.000Z'
})

describe('InMemoryTicketEvents', () => {
  it('delivers to the ticket’s listeners only, survives a throwing listener, and forgets unsubscribed ones', () => {
    const errors: unknown[] = []
    const bus = new InMemoryTicketEvents((e) => errors.push(e))
    const a: number[] = []
    const b: number[] = []
    const offA = bus.subscribe('t1', (s) => a.push(s.version))
    bus.subscribe('t1', () => {
      throw new Error('listener bug')
    })
    const offB = bus.subscribe('t2', (s) => b.push(s.version))
    bus.publish(status('t1', 1))
    bus.publish(status('t2', 7))
    expect(a).toEqual([1])
    expect(b).toEqual([7])
    expect(errors).toHaveLength(1)
    expect(bus.listenerCount).toBe(3)
    offA()
    offB()
    bus.publish(status('t1', 2))
    expect(a).toEqual([1])
    expect(bus.listenerCount).toBe(1)
  })
})

describe('phantomAttempt', () => {
  it('counts down like a real account, locks for 15 minutes on the fifth, and starts again after the lock', async () => {
    let now = Date.UTC(2026, 0, 1)
    const limiter = new MemoryRateLimiter(() => now)
    const at = () => new Date(now)
    const seen: string[] = []
    for (let i = 0; i < 6; i++) {
      const r = await phantomAttempt(limiter, 'essc-pin', '420502199001011234', at())
      seen.push(r.kind === 'incorrect' ? `left ${r.attemptsLeft}` : `locked ${minutesLeft(at(), r.until)}`)
    }
    expect(seen).toEqual(['left 4', 'left 3', 'left 2', 'left 1', 'locked 15', 'locked 15'])
    now += 10 * 60_000
    const later = await phantomAttempt(limiter, 'essc-pin', '420502199001011234', at())
    expect(later.kind === 'locked' && minutesLeft(at(), later.until)).toBe(5)
    now += 6 * 60_000
    expect(await phantomAttempt(limiter, 'essc-pin', '420502199001011234', at())).toEqual({ kind: 'incorrect', attemptsLeft: 4 })
    // Another identifier has its own count.
    expect(await phantomAttempt(limiter, 'essc-pin', '110105194912310021', at())).toEqual({ kind: 'incorrect', attemptsLeft: 4 })
  })
})

describe('binding cookie', () => {
  it('is httpOnly, SameSite=Strict, scoped to the ticket path, Secure on https', () => {
    const h = bindingCookieHeader('abc', 'S3cr3t_value-xyz1234', { secure: false, maxAgeSeconds: 180 })
    expect(h).toBe('shebao_lt=S3cr3t_value-xyz1234; Path=/api/auth/login-tickets/abc; Max-Age=180; HttpOnly; SameSite=Strict')
    expect(bindingCookieHeader('abc', 'x', { secure: true, maxAgeSeconds: 0 })).toMatch(/Max-Age=0; HttpOnly; SameSite=Strict; Secure$/)
  })

  it('reads every well-formed value of the cookie and ignores others', () => {
    const ctx = { get: (n: string) => (n === 'Cookie' ? 'a=1; shebao_lt=AAAAAAAAAAAAAAAAAAAA; shebao_lt=bad value!; x=shebao_lt; shebao_lt=BBBBBBBBBBBBBBBBBBBB' : '') }
    expect(readBindingSecrets(ctx as unknown as Context)).toEqual(['AAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBB'])
    expect(readBindingSecrets({ get: () => '' } as unknown as Context)).toEqual([])
  })
})

describe('tickets and display', () => {
  it('short codes are 8 characters of the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) expect(newShortCode()).toMatch(new RegExp(`^[${LOGIN_SHORT_CODE_ALPHABET}]{8}$`))
    expect(LOGIN_SHORT_CODE_ALPHABET).not.toMatch(/[01OIL]/)
  })

  it('the QR points at the phone’s confirm page', () => {
    expect(confirmPageUrl('https://hall.example.cn', 'T-1')).toBe('https://hall.example.cn/#/pkg-auth/pages/confirm/index?ticket=T-1')
  })

  it('describes the requester’s browser and OS, in Chinese when unknown', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36')).toEqual({
      browser: 'Chrome 126',
      os: 'Windows 10'
    })
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toEqual({
      browser: 'Safari 17',
      os: 'macOS 10.15.7'
    })
    expect(describeUserAgent('')).toEqual({ browser: '未知浏览器', os: '未知系统' })
    expect(describeUserAgent('curl/8.0')).toEqual({ browser: '未知浏览器', os: '未知系统' })
  })

  it('masks card numbers and compares names loosely', () => {
    expect(maskCardNo('A12345678')).toBe('A1*****78')
    expect(normalizePersonName(' 张 三 ')).toBe(normalizePersonName('张三'))
    expect(normalizePersonName('阿依古丽•买买提')).toBe(normalizePersonName('阿依古丽·买买提'))
  })
})
