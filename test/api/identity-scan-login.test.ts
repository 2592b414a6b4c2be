// Scan-code login (扫码登录) over real HTTP against MariaDB: the PC's ticket and SSE stream, the phone's scan and
// confirm, redeem, and the attacks (no binding cookie, double redeem, expiry, a second phone, non-clerks, units a
// clerk is not authorised for, races, rate limits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_SHORT_CODE_ALPHABET } from '@shebao/shared'
import { removeUnitClerk } from '../../bff/src/modules/identity/manage-unit-clerks.ts'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import {
  bindingCookieFrom,
  clientFrom,
  IdentityFixtures,
  openSse,
  PHONE_USER_AGENT,
  randomIp,
  type FixturePerson,
  type FixtureUnit
} from '../helpers/fixtures.ts'

let bff: RunningBff
let fx: IdentityFixtures
let clerk: FixturePerson // authorised for unitA and unitB (B linked by ID number only); revoked for unitC
let outsider: FixturePerson // nobody's clerk
let unitA: FixtureUnit
let unitB: FixtureUnit
let unitC: FixtureUnit
let unitD: FixtureUnit // someone else's unit
let clerkToken: string
let outsiderToken: string

const PIN = '370915'

async function phoneSignIn(p: FixturePerson): Promise<string> {
  const r = await clientFrom(bff.baseUrl, randomIp()).post('/api/auth/essc/sign-in', { body: { idNumber: p.idNumber, pin: PIN } })
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.text}`)
  return r.body.accessToken
}

const phone = (token: string, ip = randomIp()) => clientFrom(bff.baseUrl, ip, { token, headers: { 'user-agent': PHONE_USER_AGENT } })

interface PcTicket {
  ticketId: string
  shortCode: string
  qrContent: string
  cookie: string
  ip: string
  setCookie: string
  pc: ReturnType<typeof clientFrom>
}

async function pcTicket(target: 'PERSON' | 'UNIT', ip = randomIp()): Promise<PcTicket> {
  const pc = clientFrom(bff.baseUrl, ip)
  const r = await pc.post('/api/auth/login-tickets', { body: { target } })
  if (r.status !== 201) throw new Error(`create ticket: ${r.status} ${r.text}`)
  const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('shebao_lt=')) ?? ''
  return { ticketId: r.body.ticketId, shortCode: r.body.shortCode, qrContent: r.body.qrContent, cookie: bindingCookieFrom(r.headers), ip, setCookie, pc }
}

const sseUrl = (ticketId: string) => `${bff.baseUrl}/api/auth/login-tickets/${ticketId}/events`
const stateOf = (e: { data: string }) => JSON.parse(e.data) as { state: string; version: number; ticketId: string }

beforeAll(async () => {
  bff = await startBff({ env: { TRUST_PROXY: '1' } })
  fx = new IdentityFixtures(bff.prisma)
  clerk = await fx.person({ name: '周敏', pin: PIN })
  outsider = await fx.person({ name: '路人甲', pin: PIN })
  unitA = await fx.unit('宜昌市长江机电设备有限公司（测试）')
  unitB = await fx.unit('宜昌市三峡物流有限公司（测试）')
  unitC = await fx.unit('已撤销授权的单位（测试）')
  unitD = await fx.unit('别人的单位（测试）')
  await fx.clerk(unitA, clerk)
  await fx.clerk(unitB, clerk, { linkBy: 'idNumber', department: '财务部' })
  await fx.clerk(unitC, clerk, { active: false })
  await fx.clerk(unitD, outsider, { active: false })
  const colleague = await fx.person({ name: '欧阳娜娜', pin: PIN })
  await fx.clerk(unitA, colleague)
  clerkToken = await phoneSignIn(clerk)
  outsiderToken = await phoneSignIn(outsider)
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

describe('scan-code login, end to end', () => {
  it('PC ticket → SSE → phone scan → confirm a unit → PC gets CONFIRMED pushed → redeem → unit session lists its clerks', async () => {
    const t = await pcTicket('UNIT')
    // The ticket answer and the binding cookie.
    expect(t.ticketId).toMatch(/^[0-9a-f-]{36}$/)
    expect(t.shortCode).toMatch(new RegExp(`^[${LOGIN_SHORT_CODE_ALPHABET}]{8}$`))
    expect(t.qrContent).toBe(`${bff.baseUrl}/#/pkg-auth/pages/confirm/index?ticket=${t.ticketId}`)
    expect(t.setCookie).toContain('HttpOnly')
    expect(t.setCookie).toContain('SameSite=Strict')
    expect(t.setCookie).toContain(`Path=/api/auth/login-tickets/${t.ticketId}`)
    expect(t.setCookie).not.toContain('Secure') // http in tests
    const row = await bff.prisma.loginTicket.findUniqueOrThrow({ where: { id: t.ticketId } })
    expect(row.bindingHash).toMatch(/^[0-9a-f]{64}$/)
    expect(t.cookie).not.toContain(row.bindingHash)
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(120_000)

    const sse = await openSse(sseUrl(t.ticketId), { cookie: t.cookie, 'x-forwarded-for': t.ip })
    expect(sse.status).toBe(200)
    expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(stateOf(await sse.next(() => true))).toMatchObject({ state: 'PENDING', version: 0 })

    // The phone scans: it sees who is asking, and only its authorised units.
    const ph = phone(clerkToken)
    const scan = await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    expect(scan.status).toBe(200)
    expect(scan.body).toMatchObject({
      ticketId: t.ticketId,
      target: 'UNIT',
      state: 'SCANNED',
      version: 1,
      system: '掌上社保网上服务大厅',
      requester: { browser: 'Chrome 126', os: 'Windows 10', ip: t.ip }
    })
    expect(scan.body.units.map((u: FixtureUnit) => u.id).sort()).toEqual([unitA.id, unitB.id].sort())
    expect(scan.body.units).toContainEqual({ id: unitB.id, unitNo: unitB.unitNo, name: unitB.name })
    expect(stateOf(await sse.next((e) => stateOf(e).state === 'SCANNED'))).toMatchObject({ version: 1 })

    const confirm = await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId: unitB.id } })
    const confirmReturned = performance.now()
    expect(confirm.status).toBe(200)
    expect(confirm.body).toMatchObject({ state: 'CONFIRMED', version: 2 })
    const pushed = await sse.next((e) => stateOf(e).state === 'CONFIRMED', 2000)
    expect(pushed.at - confirmReturned).toBeLessThan(1000) // pushed, not polled
    expect(pushed.id).toBe('2')

    const redeem = await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })
    expect(redeem.status).toBe(200)
    expect(redeem.body).toMatchObject({
      role: 'UNIT',
      user: { role: 'UNIT', person: { id: clerk.id, name: '周*' }, unit: { id: unitB.id, unitNo: unitB.unitNo, name: unitB.name } }
    })
    const claims = JSON.parse(Buffer.from((redeem.body.accessToken as string).split('.')[1]!, 'base64url').toString())
    expect(claims).toMatchObject({ role: 'unit', uid: unitB.id, pid: clerk.id })
    expect(redeem.headers.getSetCookie().some((c) => c.startsWith('shebao_lt=') && c.includes('Max-Age=0'))).toBe(true)
    expect(stateOf(await sse.next((e) => stateOf(e).state === 'CONSUMED'))).toMatchObject({ version: 3 })
    await sse.ended // the server closes the stream after a final state
    expect(sse.events.map((e) => stateOf(e).state)).toEqual(['PENDING', 'SCANNED', 'CONFIRMED', 'CONSUMED'])

    // The unit session works on a unit endpoint.
    const pcSession = clientFrom(bff.baseUrl, t.ip, { token: redeem.body.accessToken })
    const clerks = await pcSession.get('/api/unit/clerks')
    expect(clerks.status).toBe(200)
    expect(clerks.body.unit).toEqual({ id: unitB.id, unitNo: unitB.unitNo, name: unitB.name })
    expect(clerks.body.items).toHaveLength(1)
    expect(clerks.body.items[0]).toMatchObject({ name: '周*', department: '财务部', isMe: true })
    expect(clerks.body.items[0].idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/)
    expect(clerks.body.items[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    const me = await pcSession.get('/api/auth/me')
    expect(me.body).toMatchObject({ role: 'UNIT', unit: { id: unitB.id }, person: { id: clerk.id } })
    const session = await bff.prisma.session.findUniqueOrThrow({ where: { id: claims.sid } })
    expect(session).toMatchObject({ role: 'UNIT', personId: clerk.id, unitId: unitB.id })
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3600 * 1000)
    // A unit session is not a person session: the phone-only endpoints refuse it.
    expect((await pcSession.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })).status).toBe(403)

    const audit = await bff.prisma.auditLog.findFirstOrThrow({ where: { action: 'auth.sign_in', targetId: claims.sid } })
    expect(audit.detail).toMatchObject({ method: 'scan-login', ticketId: t.ticketId, unitId: unitB.id })
    expect(audit.ip).toBe(t.ip)
  })

  it('个人登录 with the typed short code; unit list empty, no unit to choose; redeem gives a person session', async () => {
    const t = await pcTicket('PERSON')
    const ph = phone(outsiderToken)
    const typed = `${t.shortCode.slice(0, 4).toLowerCase()}-${t.shortCode.slice(4)}`
    const scan = await ph.post('/api/auth/login-tickets/scan', { body: { shortCode: typed } })
    expect(scan.status).toBe(200)
    expect(scan.body).toMatchObject({ ticketId: t.ticketId, target: 'PERSON', units: [] })
    const withUnit = await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId: unitA.id } })
    expect(withUnit.status).toBe(400)
    expect(withUnit.body.error.field).toBe('unitId')
    const confirm = await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`)
    expect(confirm.status).toBe(200)
    const redeem = await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })
    expect(redeem.status).toBe(200)
    expect(redeem.body).toMatchObject({ role: 'PERSON', user: { person: { id: outsider.id } } })
    expect(redeem.body.user.unit).toBeUndefined()
    // A person token is not a unit token.
    expect((await clientFrom(bff.baseUrl, t.ip, { token: redeem.body.accessToken }).get('/api/unit/clerks')).status).toBe(403)
  })

  it('long-poll fallback: answers as soon as the version passes `after`, cookie-bound', async () => {
    const t = await pcTicket('PERSON')
    const now = await t.pc.get(`/api/auth/login-tickets/${t.ticketId}`, { headers: { cookie: t.cookie }, query: { after: -1 } })
    expect(now.status).toBe(200)
    expect(now.body).toMatchObject({ state: 'PENDING', version: 0, target: 'PERSON' })
    expect((await t.pc.get(`/api/auth/login-tickets/${t.ticketId}`, { query: { after: -1 } })).status).toBe(404)

    const started = performance.now()
    const waiting = t.pc.get(`/api/auth/login-tickets/${t.ticketId}`, { headers: { cookie: t.cookie }, query: { after: 0, wait: 20 } })
    await new Promise((r) => setTimeout(r, 300))
    await phone(outsiderToken).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    const woke = await waiting
    expect(woke.status).toBe(200)
    expect(woke.body).toMatchObject({ state: 'SCANNED', version: 1 })
    expect(performance.now() - started).toBeLessThan(10_000)

    // Nothing new: it waits `wait` seconds and answers with the current state.
    const idle = await t.pc.get(`/api/auth/login-tickets/${t.ticketId}`, { headers: { cookie: t.cookie }, query: { after: 1, wait: 1 } })
    expect(idle.body).toMatchObject({ state: 'SCANNED', version: 1 })
    const tooLong = await t.pc.get(`/api/auth/login-tickets/${t.ticketId}`, { headers: { cookie: t.cookie }, query: { after: 1, wait: 60 } })
    expect(tooLong.status).toBe(400)
  })

  it('the phone cancels: the PC is told (CANCELLED) and cannot redeem', async () => {
    const t = await pcTicket('UNIT')
    const sse = await openSse(sseUrl(t.ticketId), { cookie: t.cookie })
    const ph = phone(clerkToken)
    await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    const cancel = await ph.post(`/api/auth/login-tickets/${t.ticketId}/cancel`)
    expect(cancel.status).toBe(200)
    expect(cancel.body.state).toBe('CANCELLED')
    await sse.next((e) => stateOf(e).state === 'CANCELLED')
    await sse.ended
    const redeem = await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })
    expect(redeem.status).toBe(409)
    expect(redeem.body.error.code).toBe('LOGIN_TICKET_CANCELLED')
    // EventSource reconnecting to a finished ticket is told to stop (204).
    const again = await openSse(sseUrl(t.ticketId), { cookie: t.cookie, 'last-event-id': String(cancel.body.version) })
    expect(again.status).toBe(204)
  })

  it('a ticket expires on time while the PC watches: EXPIRED is pushed and the stream ends', async () => {
    const t = await pcTicket('PERSON')
    await bff.prisma.loginTicket.update({ where: { id: t.ticketId }, data: { expiresAt: new Date(Date.now() + 1200) } })
    const sse = await openSse(sseUrl(t.ticketId), { cookie: t.cookie })
    const expired = await sse.next((e) => stateOf(e).state === 'EXPIRED', 5000)
    expect(stateOf(expired).version).toBe(1)
    await sse.ended
    expect((await bff.prisma.loginTicket.findUniqueOrThrow({ where: { id: t.ticketId } })).state).toBe('EXPIRED')
  })
})

describe('scan-code login attacks', () => {
  it('redeem, events and long-poll without the binding cookie (or with another ticket’s) are 404', async () => {
    const t = await pcTicket('PERSON')
    const other = await pcTicket('PERSON')
    await phone(outsiderToken).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    await phone(outsiderToken).post(`/api/auth/login-tickets/${t.ticketId}/confirm`)
    const attacker = clientFrom(bff.baseUrl)
    for (const headers of [{}, { cookie: other.cookie }, { cookie: 'shebao_lt=' + 'A'.repeat(43) }]) {
      const r = await attacker.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers })
      expect(r.status).toBe(404)
      expect(r.body.error.code).toBe('NOT_FOUND')
      const sse = await openSse(sseUrl(t.ticketId), headers)
      expect(sse.status).toBe(404)
      expect((await attacker.get(`/api/auth/login-tickets/${t.ticketId}`, { headers })).status).toBe(404)
    }
    // The rightful PC still can.
    expect((await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })).status).toBe(200)
  })

  it('redeem twice: the second fails; redeem before confirm fails', async () => {
    const t = await pcTicket('PERSON')
    const early = await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ code: 'LOGIN_TICKET_NOT_SCANNED' })
    await phone(outsiderToken).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    const scanned = await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })
    expect(scanned.body.error).toMatchObject({ code: 'LOGIN_TICKET_NOT_CONFIRMED', message: '请在手机上确认登录' })
    await phone(outsiderToken).post(`/api/auth/login-tickets/${t.ticketId}/confirm`)
    const first = await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })
    expect(first.status).toBe(200)
    const second = await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })
    expect(second.status).toBe(409)
    expect(second.body.error.code).toBe('LOGIN_TICKET_USED')
  })

  it('confirm after expiry is refused (410) and the ticket is EXPIRED', async () => {
    const t = await pcTicket('UNIT')
    const ph = phone(clerkToken)
    await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    await bff.prisma.loginTicket.update({ where: { id: t.ticketId }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const confirm = await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId: unitA.id } })
    expect(confirm.status).toBe(410)
    expect(confirm.body.error).toMatchObject({ code: 'LOGIN_TICKET_EXPIRED', message: '二维码已过期，请在电脑上刷新二维码' })
    expect((await bff.prisma.loginTicket.findUniqueOrThrow({ where: { id: t.ticketId } })).state).toBe('EXPIRED')
    expect((await t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })).status).toBe(410)
    expect((await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })).status).toBe(410)
  })

  it('a second phone cannot scan or confirm a ticket the first phone scanned', async () => {
    const t = await pcTicket('PERSON')
    const first = phone(outsiderToken)
    const second = phone(clerkToken)
    expect((await first.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })).status).toBe(200)
    const scan2 = await second.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    expect(scan2.status).toBe(409)
    expect(scan2.body.error).toMatchObject({ code: 'LOGIN_TICKET_TAKEN', message: '该二维码已被其他手机扫描' })
    const confirm2 = await second.post(`/api/auth/login-tickets/${t.ticketId}/confirm`)
    expect(confirm2.status).toBe(409)
    expect(confirm2.body.error.code).toBe('LOGIN_TICKET_TAKEN')
    expect((await second.post(`/api/auth/login-tickets/${t.ticketId}/cancel`)).status).toBe(409)
    // Scanning again from the first phone is harmless (same context, no transition).
    const rescan = await first.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    expect(rescan.body).toMatchObject({ state: 'SCANNED', version: 1 })
    const confirm1 = await first.post(`/api/auth/login-tickets/${t.ticketId}/confirm`)
    expect(confirm1.status).toBe(200)
    const row = await bff.prisma.loginTicket.findUniqueOrThrow({ where: { id: t.ticketId } })
    expect(row).toMatchObject({ state: 'CONFIRMED', scannedByPersonId: outsider.id })
  })

  it('a non-clerk cannot take a unit login, nor choose a unit', async () => {
    const t = await pcTicket('UNIT')
    const ph = phone(outsiderToken)
    const scan = await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    expect(scan.status).toBe(403)
    expect(scan.body.error).toMatchObject({ code: 'NOT_A_CLERK', message: '您不是任何单位的授权经办人，无法进行单位登录' })
    expect((await bff.prisma.loginTicket.findUniqueOrThrow({ where: { id: t.ticketId } })).state).toBe('PENDING')
    for (const unitId of [unitA.id, unitD.id]) {
      const confirm = await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId } })
      expect(confirm.status).toBe(409)
      expect(confirm.body.error.code).toBe('LOGIN_TICKET_NOT_SCANNED')
    }
    // The ticket is still good for a real clerk.
    expect((await phone(clerkToken).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })).status).toBe(200)
  })

  it('a clerk cannot choose a unit they are not (or no longer) authorised for: 404, and the ticket stays SCANNED', async () => {
    const t = await pcTicket('UNIT')
    const ph = phone(clerkToken)
    await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    for (const unitId of [unitC.id, unitD.id, 999_999_999]) {
      const r = await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId } })
      expect(r.status).toBe(404)
      expect(r.body.error).toMatchObject({ code: 'UNIT_NOT_AUTHORISED', message: '单位不存在或您不是该单位的授权经办人' })
    }
    const missing = await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`)
    expect(missing.status).toBe(400)
    expect(missing.body.error.message).toBe('请选择要登录的单位')
    expect((await bff.prisma.loginTicket.findUniqueOrThrow({ where: { id: t.ticketId } })).state).toBe('SCANNED')
    expect((await ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId: unitA.id } })).status).toBe(200)
  })

  it('withdrawing a clerk’s authorisation ends their unit sessions and stops a pending redeem', async () => {
    const temp = await fx.person({ pin: PIN })
    const unit = await fx.unit()
    await fx.clerk(unit, temp)
    const token = await phoneSignIn(temp)
    const login = async () => {
      const t = await pcTicket('UNIT')
      await phone(token).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
      await phone(token).post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId: unit.id } })
      return t
    }
    const t1 = await login()
    const s1 = await t1.pc.post(`/api/auth/login-tickets/${t1.ticketId}/redeem`, { headers: { cookie: t1.cookie } })
    expect(s1.status).toBe(200)
    const t2 = await login()
    const removed = await removeUnitClerk(bff.prisma, { unitNo: unit.unitNo, idNumber: temp.idNumber })
    expect(removed).toEqual({ removed: true, sessionsRevoked: 1 })
    expect((await clientFrom(bff.baseUrl, randomIp(), { token: s1.body.accessToken }).get('/api/unit/clerks')).status).toBe(401)
    const r2 = await t2.pc.post(`/api/auth/login-tickets/${t2.ticketId}/redeem`, { headers: { cookie: t2.cookie } })
    expect(r2.status).toBe(404)
    expect(r2.body.error.code).toBe('UNIT_NOT_AUTHORISED')
  })

  it('a signed-out phone cannot scan or confirm', async () => {
    const token = await phoneSignIn(outsider)
    await phone(token).post('/api/auth/logout')
    const t = await pcTicket('PERSON')
    expect((await phone(token).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })).status).toBe(401)
  })

  it('unknown tickets and codes are 404; neither ticketId nor shortCode is a 400', async () => {
    const ph = phone(outsiderToken)
    expect((await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404)
    expect((await ph.post('/api/auth/login-tickets/scan', { body: { shortCode: '22222222' } })).status).toBe(404)
    const none = await ph.post('/api/auth/login-tickets/scan', { body: {} })
    expect(none.status).toBe(400)
    expect(none.body.error.message).toContain('请扫描二维码或输入登录码')
    const badCode = await ph.post('/api/auth/login-tickets/scan', { body: { shortCode: 'O0O0I1I1' } })
    expect(badCode.status).toBe(400)
    expect(badCode.body.error.field).toBe('shortCode')
  })
})

describe('scan-code login races and limits', () => {
  it('two confirms racing: exactly one wins', async () => {
    for (let round = 0; round < 3; round++) {
      const t = await pcTicket('UNIT')
      const ph = phone(clerkToken)
      await ph.post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
      const results = await Promise.all([
        ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId: unitA.id } }),
        ph.post(`/api/auth/login-tickets/${t.ticketId}/confirm`, { body: { unitId: unitB.id } })
      ])
      expect(results.map((r) => r.status).sort()).toEqual([200, 409])
      const winner = results.find((r) => r.status === 200)!
      const row = await bff.prisma.loginTicket.findUniqueOrThrow({ where: { id: t.ticketId } })
      expect(row).toMatchObject({ state: 'CONFIRMED', version: 2 })
      expect(winner.body.version).toBe(2)
    }
  })

  it('two phones scanning at once: one takes the ticket; two redeems at once: one session', async () => {
    const t = await pcTicket('PERSON')
    const scans = await Promise.all([
      phone(outsiderToken).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } }),
      phone(clerkToken).post('/api/auth/login-tickets/scan', { body: { ticketId: t.ticketId } })
    ])
    expect(scans.map((r) => r.status).sort()).toEqual([200, 409])
    const winnerToken = scans[0]!.status === 200 ? outsiderToken : clerkToken
    await phone(winnerToken).post(`/api/auth/login-tickets/${t.ticketId}/confirm`)
    const redeems = await Promise.all([1, 2, 3].map(() => t.pc.post(`/api/auth/login-tickets/${t.ticketId}/redeem`, { headers: { cookie: t.cookie } })))
    expect(redeems.map((r) => r.status).sort()).toEqual([200, 409, 409])
    expect(await bff.prisma.auditLog.count({ where: { action: 'auth.sign_in', detail: { path: '$.ticketId', equals: t.ticketId } } })).toBe(1)
  })

  it('creating tickets is rate-limited per IP (429 with Retry-After)', async () => {
    const ip = randomIp()
    const pc = clientFrom(bff.baseUrl, ip)
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) statuses.push((await pc.post('/api/auth/login-tickets', { body: { target: 'PERSON' } })).status)
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true)
    expect(statuses[30]).toBe(429)
    const r = await pc.post('/api/auth/login-tickets', { body: { target: 'PERSON' } })
    expect(r.status).toBe(429)
    expect(r.body.error.code).toBe('RATE_LIMITED')
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another IP is unaffected.
    expect((await clientFrom(bff.baseUrl, randomIp()).post('/api/auth/login-tickets', { body: { target: 'PERSON' } })).status).toBe(201)
  })

  it('scanning is rate-limited per person (guessing short codes)', async () => {
    const guesser = await fx.person({ pin: PIN })
    const token = await phoneSignIn(guesser)
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) statuses.push((await phone(token).post('/api/auth/login-tickets/scan', { body: { shortCode: 'ZZZZZZZ' + 'ABCDEFGHJKMNPQRSTUVWX'[i] } })).status)
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true)
    expect(statuses[20]).toBe(429)
  })
})
