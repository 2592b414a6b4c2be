import { Writable } from 'node:stream'
import Koa from 'koa'
import { describe, expect, it } from 'vitest'
import { accessLog, createLogger, isSensitiveKey, loggableQuery, maskSensitiveText, sanitize } from '../src/http/logger.ts'
import { requestId } from '../src/http/request-id.ts'
import '../src/http/koa-types.ts'

const ID = '11010519491231002X'
const ID2 = '440524188001010014'
const PHONE = '13912345678'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      cb()
    }
  })
  return { stream, lines, text: () => lines.join('\n') }
}

describe('maskSensitiveText', () => {
  it('masks 18-character ID numbers and 11-digit mobiles inside text', () => {
    expect(maskSensitiveText(`GET /api/persons/${ID}/x`)).toBe('GET /api/persons/110105********002X/x')
    expect(maskSensitiveText(`id=${ID2.toLowerCase()}`)).toBe('id=440524********0014')
    expect(maskSensitiveText(`手机${PHONE}，备用+86${PHONE}`)).toBe('手机139****5678，备用+86139****5678')
  })

  it('leaves other numbers alone', () => {
    expect(maskSensitiveText('took 1234 ms at 1700000000000')).toBe('took 1234 ms at 1700000000000') // 13-digit timestamp
    expect(maskSensitiveText('card 6222021234567890123')).toBe('card 6222021234567890123') // 19 digits: not an ID/phone
    expect(maskSensitiveText('serial 202403000000001')).toBe('serial 202403000000001') // 15-digit 业务流水号
  })

  it('hides JWTs', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXBhcnQ'
    expect(maskSensitiveText(`token ${jwt} rejected`)).toBe('token [JWT] rejected')
  })
})

describe('sanitize', () => {
  it('redacts sensitive keys at any depth and masks strings', () => {
    const out = sanitize({
      headers: { authorization: 'Bearer x', cookie: 'a=b', 'set-cookie': ['s=1'], 'x-request-id': 'r1' },
      body: { pin: '123456', newPin: '654321', password: 'p', idNumber: ID, id_no: ID, 证件号: ID, phone: PHONE, mobile: PHONE, name: '张三' },
      nested: [{ refreshToken: 't', bindingSecret: 's', note: `call ${PHONE}` }]
    }) as any
    expect(out.headers).toEqual({ authorization: '[REDACTED]', cookie: '[REDACTED]', 'set-cookie': '[REDACTED]', 'x-request-id': 'r1' })
    expect(Object.values(out.body).filter((v) => v === '[REDACTED]')).toHaveLength(8)
    expect(out.nested[0]).toEqual({ refreshToken: '[REDACTED]', bindingSecret: '[REDACTED]', note: 'call 139****5678' })
  })

  it('turns errors into plain objects with masked message and stack, and survives cycles', () => {
    const e = Object.assign(new Error(`no person ${ID}`), { code: 'X', phone: PHONE })
    const o: any = { err: e }
    o.self = o
    const out = sanitize(o) as any
    expect(out.err.type).toBe('Error')
    expect(out.err.message).toBe('no person 110105********002X')
    expect(out.err.stack).not.toContain(ID)
    expect(out.err.code).toBe('X')
    expect(out.err.phone).toBe('[REDACTED]')
    expect(out.self).toBe('[Circular]')
  })

  it('knows its sensitive keys', () => {
    for (const k of ['Authorization', 'set-cookie', 'accessToken', 'refresh_token', 'PIN', 'idNo', 'id_number', '身份证号码', 'mobilePhone', 'clientSecret']) {
      expect(isSensitiveKey(k), k).toBe(true)
    }
    for (const k of ['name', 'status', 'requestId', 'path', 'unitId', 'shipping', 'mapping']) expect(isSensitiveKey(k), k).toBe(false)
  })
})

describe('createLogger', () => {
  it('never writes ID numbers, phones, tokens or cookies', async () => {
    const cap = capture()
    const log = createLogger({ level: 'info', destination: cap.stream })
    log.info({ user: { idNumber: ID, phone: PHONE }, req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=zzz' } } }, `lookup ${ID} by ${PHONE}`)
    log.error(new Error(`failed for ${ID}`))
    log.warn({ err: new Error(`sms to ${PHONE} failed`) }, 'sms')
    log.child({ requestId: 'r1' }).info({ query: `?phone=${PHONE}` }, 'child')
    log.flush()
    await new Promise((r) => setTimeout(r, 50))
    const text = cap.text()
    expect(cap.lines).toHaveLength(4)
    for (const secret of [ID, PHONE, 'abc.def.ghi', 'sid=zzz']) expect(text).not.toContain(secret)
    const first = JSON.parse(cap.lines[0]!)
    expect(first.msg).toBe('lookup 110105********002X by 139****5678')
    expect(first.user).toEqual({ idNumber: '[REDACTED]', phone: '[REDACTED]' })
    expect(first.level).toBe('info')
    const second = JSON.parse(cap.lines[1]!)
    expect(second.err.type).toBe('Error')
    expect(second.err.message).toBe('failed for 110105********002X')
  })
})

describe('access log', () => {
  it('logs one line per request with method, path, status, ms and requestId, masking the path and query', async () => {
    const cap = capture()
    const logger = createLogger({ level: 'info', destination: cap.stream })
    const app = new Koa()
    app.use(requestId(logger))
    app.use(accessLog())
    app.use((ctx) => {
      ctx.status = 204
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const { port } = server.address() as { port: number }
    const res = await fetch(`http://127.0.0.1:${port}/api/persons/${ID}?phone=${PHONE}&code=123456&page=2&note=x${PHONE}`, {
      headers: { authorization: 'Bearer secret-token', 'x-request-id': 'req-abcdef12' }
    })
    expect(res.status).toBe(204)
    server.close()
    logger.flush()
    await new Promise((r) => setTimeout(r, 50))
    const lines = cap.lines.map((l) => JSON.parse(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ msg: 'request', method: 'GET', status: 204, requestId: 'req-abcdef12', path: '/api/persons/110105********002X' })
    expect(lines[0].query).toBe('phone=[REDACTED]&code=[REDACTED]&page=2&note=x139****5678')
    expect(typeof lines[0].ms).toBe('number')
    expect(cap.text()).not.toContain('secret-token')
  })

  it('loggableQuery drops nothing but secrets', () => {
    expect(loggableQuery('')).toBeUndefined()
    expect(loggableQuery('year=2024&token=abc&ticket=t1')).toBe('year=2024&token=[REDACTED]&ticket=[REDACTED]')
  })
})
