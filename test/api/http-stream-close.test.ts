// A client closing a streamed response is normal: a PC closing the scan-login SSE stream (the page navigates away,
// the tab closes) must not log an error ("Premature close" from Koa's pipeline) — it is logged at debug. A stream
// that fails on the server side is still an error.
import { Readable, Writable } from 'node:stream'
import { Router } from '@koa/router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { bindingCookieFrom, clientFrom, openSse, randomIp } from '../helpers/fixtures.ts'

const lines: Array<Record<string, unknown>> = []
const destination = new Writable({
  write(chunk, _enc, cb) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>)
    cb()
  }
})

function failingStreamRouter() {
  const r = new Router()
  r.get('/api/__test/failing-stream', (ctx) => {
    const body = new Readable({ read() {} })
    body.push('first part\n')
    setTimeout(() => body.destroy(Object.assign(new Error('disk read failed'), { code: 'EIO' })), 50)
    ctx.type = 'text/plain'
    ctx.body = body
  })
  return r
}

let bff: RunningBff
beforeAll(async () => {
  bff = await startBff({ env: { TRUST_PROXY: '1', LOG_LEVEL: 'debug' }, logDestination: destination, extraRouters: [failingStreamRouter] })
})
afterAll(async () => {
  await bff?.close()
})

const settle = () => new Promise((r) => setTimeout(r, 300))
const levelAtLeastWarn = (l: Record<string, unknown>) => l['level'] === 'warn' || l['level'] === 'error' || l['level'] === 'fatal'

describe('closing a stream', () => {
  it('the PC closing the scan-login SSE stream logs no error, only a debug line', async () => {
    const ip = randomIp()
    const created = await clientFrom(bff.baseUrl, ip).post('/api/auth/login-tickets', { body: { target: 'UNIT' } })
    expect(created.status).toBe(201)
    const from = lines.length
    const sse = await openSse(`${bff.baseUrl}/api/auth/login-tickets/${created.body.ticketId}/events`, { cookie: bindingCookieFrom(created.headers), 'x-forwarded-for': ip })
    expect(sse.status).toBe(200)
    await sse.next((e) => e.event === 'state')
    sse.close()
    await settle()
    const after = lines.slice(from)
    expect(after.filter(levelAtLeastWarn)).toEqual([])
    expect(JSON.stringify(after)).not.toMatch(/"level":"error"/)
    const debug = after.find((l) => l['msg'] === 'client closed the response stream')
    expect(debug).toMatchObject({ level: 'debug', path: `/api/auth/login-tickets/${created.body.ticketId}/events` })
    // The access line says the client went away (no 5xx).
    const access = after.find((l) => l['msg'] === 'request' && String(l['path']).endsWith('/events'))
    expect(access).toMatchObject({ status: 200, aborted: true, level: 'info' })
  })

  it('a stream failing on the server side is still logged as an error', async () => {
    const from = lines.length
    const res = await fetch(`${bff.baseUrl}/api/__test/failing-stream`)
    await res.text().catch(() => '')
    await settle()
    const errors = lines.slice(from).filter((l) => l['level'] === 'error')
    expect(errors.some((l) => l['msg'] === 'unhandled koa error' && JSON.stringify(l).includes('disk read failed'))).toBe(true)
  })
})
