// PIN sign-in with lockout, reviewer sign-in, refresh rotation and reuse, logout, me, the card, PIN change —
// real HTTP against MariaDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { clientFrom, IdentityFixtures, randomIdNumber, randomIp, type FixturePerson } from '../helpers/fixtures.ts'

let bff: RunningBff
let fx: IdentityFixtures

beforeAll(async () => {
  bff = await startBff({ env: { TRUST_PROXY: '1' } })
  fx = new IdentityFixtures(bff.prisma)
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

const signIn = (ip: string, idNumber: string, pin: string) => clientFrom(bff.baseUrl, ip).post('/api/auth/essc/sign-in', { body: { idNumber, pin } })

describe('e-SSC PIN sign-in', () => {
  it('signs in with ID number + PIN; the access token is an ES256 JWT for role person; me shows masked data', async () => {
    const p = await fx.person({ name: '李建华', pin: '246810' })
    const r = await signIn(randomIp(), p.idNumber, '246810')
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, role: 'PERSON', user: { role: 'PERSON', person: { id: p.id, name: '李**' } } })
    expect(r.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const [header, payload] = (r.body.accessToken as string).split('.').slice(0, 2).map((s) => JSON.parse(Buffer.from(s, 'base64url').toString()))
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' })
    expect(payload).toMatchObject({ role: 'person', pid: p.id, sub: String(p.id), typ: 'access' })
    expect(payload.exp - payload.iat).toBe(900)
    // The refresh token is stored only as a hash.
    const stored = await bff.prisma.refreshToken.findMany({ where: { sessionId: payload.sid } })
    expect(stored).toHaveLength(1)
    expect(stored[0]?.tokenHash).not.toBe(r.body.refreshToken)
    const session = await bff.prisma.session.findUniqueOrThrow({ where: { id: payload.sid } })
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(30 * 24 * 3600 * 1000)

    const me = await clientFrom(bff.baseUrl, randomIp(), { token: r.body.accessToken }).get('/api/auth/me')
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ role: 'PERSON', person: { name: '李**' }, card: { status: 'ACTIVE' } })
    expect(me.body.person.idNumber).not.toBe(p.idNumber)
    expect(me.body.card.cardNo).toContain('*')

    const audit = await bff.prisma.auditLog.findFirst({ where: { action: 'auth.sign_in', targetId: payload.sid } })
    expect(audit).toMatchObject({ actorRole: 'PERSON', actorId: p.id })
    expect(audit?.detail).toEqual({ method: 'essc-pin' })
  })

  it('five wrong PINs lock the card for 15 minutes (said in Chinese with the minutes left); recovery after the lock', async () => {
    const p = await fx.person({ pin: '370915' })
    const ip = randomIp()
    for (let left = 4; left >= 1; left--) {
      const r = await signIn(ip, p.idNumber, '111222')
      expect(r.status).toBe(401)
      expect(r.body.error).toMatchObject({ code: 'SIGN_IN_FAILED', message: `证件号码或密码错误，还可尝试${left}次` })
    }
    const fifth = await signIn(ip, p.idNumber, '111222')
    expect(fifth.status).toBe(423)
    expect(fifth.body.error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: '密码错误次数过多，账户已锁定，请15分钟后再试' })
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(890)
    // Locked: even the right PIN is refused, and not checked.
    const right = await signIn(ip, p.idNumber, '370915')
    expect(right.status).toBe(423)
    expect(right.body.error.message).toMatch(/^密码错误次数过多，账户已锁定，请(15|14)分钟后再试$/)
    const card = await bff.prisma.esscCard.findUniqueOrThrow({ where: { personId: p.id } })
    expect(card.pinFailures).toBe(5)
    expect(card.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(await bff.prisma.auditLog.count({ where: { action: 'auth.locked', actorId: p.id } })).toBe(1)

    // Part-way through the lock: the minutes left are told.
    await bff.prisma.esscCard.update({ where: { personId: p.id }, data: { lockedUntil: new Date(Date.now() + 6.5 * 60_000) } })
    const later = await signIn(ip, p.idNumber, '370915')
    expect(later.body.error.message).toBe('密码错误次数过多，账户已锁定，请7分钟后再试')

    // The lock runs out (move its end into the past): the right PIN works and the count starts again.
    await bff.prisma.esscCard.update({ where: { personId: p.id }, data: { lockedUntil: new Date(Date.now() - 1000) } })
    const ok = await signIn(ip, p.idNumber, '370915')
    expect(ok.status).toBe(200)
    const after = await bff.prisma.esscCard.findUniqueOrThrow({ where: { personId: p.id } })
    expect(after).toMatchObject({ pinFailures: 0, lockedUntil: null })
    const again = await signIn(ip, p.idNumber, '000111')
    expect(again.body.error.message).toBe('证件号码或密码错误，还可尝试4次')
  })

  it('an unknown ID number, or a card not yet activated, answers exactly like a wrong PIN (countdown and lock)', async () => {
    const ip = randomIp()
    const unknown = randomIdNumber('1936-02-02')
    const pending = await fx.person({ card: 'PENDING' })
    for (const idNumber of [unknown, pending.idNumber]) {
      const seen: Array<[number, string, string]> = []
      for (let i = 0; i < 6; i++) {
        const r = await signIn(ip, idNumber, '135790')
        seen.push([r.status, r.body.error.code, r.body.error.message])
      }
      expect(seen).toEqual([
        [401, 'SIGN_IN_FAILED', '证件号码或密码错误，还可尝试4次'],
        [401, 'SIGN_IN_FAILED', '证件号码或密码错误，还可尝试3次'],
        [401, 'SIGN_IN_FAILED', '证件号码或密码错误，还可尝试2次'],
        [401, 'SIGN_IN_FAILED', '证件号码或密码错误，还可尝试1次'],
        [423, 'ACCOUNT_LOCKED', '密码错误次数过多，账户已锁定，请15分钟后再试'],
        [423, 'ACCOUNT_LOCKED', '密码错误次数过多，账户已锁定，请15分钟后再试']
      ])
    }
  })

  it('parallel guesses cannot get past the lockout: at most five PINs are ever checked', async () => {
    const p = await fx.person({ pin: '582046' })
    const ip = randomIp()
    const results = await Promise.all(Array.from({ length: 12 }, () => signIn(ip, p.idNumber, '909192')))
    const wrong = results.filter((r) => r.status === 401).length
    const locked = results.filter((r) => r.status === 423).length
    expect(wrong).toBeLessThanOrEqual(4)
    expect(wrong + locked).toBe(12)
    const card = await bff.prisma.esscCard.findUniqueOrThrow({ where: { personId: p.id } })
    expect(card.pinFailures).toBe(5)
    expect(card.lockedUntil).not.toBeNull()
  })
})

describe('sessions', () => {
  let p: FixturePerson
  beforeAll(async () => {
    p = await fx.person({ pin: '135790' })
  })

  it('refresh rotates the pair; reusing a used refresh token revokes the whole session (401) and is audited', async () => {
    const ip = randomIp()
    const first = await signIn(ip, p.idNumber, '135790')
    const c = clientFrom(bff.baseUrl, ip)
    const second = await c.post('/api/auth/refresh', { body: { refreshToken: first.body.refreshToken } })
    expect(second.status).toBe(200)
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken)
    expect(second.body.role).toBe('PERSON')
    const third = await c.post('/api/auth/refresh', { body: { refreshToken: second.body.refreshToken } })
    expect(third.status).toBe(200)
    const sid = JSON.parse(Buffer.from((third.body.accessToken as string).split('.')[1]!, 'base64url').toString()).sid
    expect(await bff.prisma.refreshToken.count({ where: { sessionId: sid, usedAt: { not: null } } })).toBe(2)

    // An attacker replays the first (used) refresh token.
    const replay = await c.post('/api/auth/refresh', { body: { refreshToken: first.body.refreshToken } })
    expect(replay.status).toBe(401)
    expect(replay.body.error.code).toBe('SESSION_INVALID')
    const session = await bff.prisma.session.findUniqueOrThrow({ where: { id: sid } })
    expect(session.revokedAt).not.toBeNull()
    expect(session.revokeReason).toBe('refresh_token_reuse')
    // The legitimate holder's newest tokens are dead too.
    const legit = await c.post('/api/auth/refresh', { body: { refreshToken: third.body.refreshToken } })
    expect(legit.status).toBe(401)
    const me = await clientFrom(bff.baseUrl, ip, { token: third.body.accessToken }).get('/api/auth/me')
    expect(me.status).toBe(401)
    const audit = await bff.prisma.auditLog.findMany({ where: { targetType: 'session', targetId: sid }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual(['auth.sign_in', 'auth.refresh', 'auth.refresh', 'auth.refresh_reuse'])
  })

  it('two parallel refreshes with the same token: one wins, the other is treated as reuse', async () => {
    const ip = randomIp()
    const s = await signIn(ip, p.idNumber, '135790')
    const c = clientFrom(bff.baseUrl, ip)
    const [a, b] = await Promise.all([
      c.post('/api/auth/refresh', { body: { refreshToken: s.body.refreshToken } }),
      c.post('/api/auth/refresh', { body: { refreshToken: s.body.refreshToken } })
    ])
    expect([a.status, b.status].sort()).toEqual([200, 401])
  })

  it('an unknown refresh token is 401', async () => {
    const r = await clientFrom(bff.baseUrl).post('/api/auth/refresh', { body: { refreshToken: 'A'.repeat(43) } })
    expect(r.status).toBe(401)
    expect(r.body.error.code).toBe('SESSION_INVALID')
  })

  it('logout revokes the session: refresh and the session-checked endpoints answer 401', async () => {
    const ip = randomIp()
    const s = await signIn(ip, p.idNumber, '135790')
    const c = clientFrom(bff.baseUrl, ip, { token: s.body.accessToken })
    const out = await c.post('/api/auth/logout')
    expect(out.status).toBe(200)
    expect(out.body).toEqual({ signedOut: true })
    expect((await c.post('/api/auth/refresh', { body: { refreshToken: s.body.refreshToken } })).status).toBe(401)
    expect((await c.get('/api/auth/me')).status).toBe(401)
    expect((await c.get('/api/me/card')).status).toBe(401)
    expect((await clientFrom(bff.baseUrl).post('/api/auth/logout')).status).toBe(401)
  })
})

describe('the card (我的)', () => {
  it('masked by default, clear with reveal=1 (audited); only for the person role', async () => {
    const p = await fx.person({ name: '王秀兰', pin: '135790' })
    const ip = randomIp()
    const s = await signIn(ip, p.idNumber, '135790')
    const c = clientFrom(bff.baseUrl, ip, { token: s.body.accessToken })
    const card = await bff.prisma.esscCard.findUniqueOrThrow({ where: { personId: p.id } })
    const masked = await c.get('/api/me/card')
    expect(masked.status).toBe(200)
    expect(masked.body).toMatchObject({ status: 'ACTIVE', issueLevel: '省级', issuer: 'local', revealed: false, holder: { name: '王**' } })
    expect(masked.body.cardNo).not.toBe(card.cardNo)
    expect(masked.body.cardNo).toContain('*')
    expect(masked.body.holder.idNumber).toMatch(/^\d{3}\*+[\dX]{4}$/)
    const clear = await c.get('/api/me/card', { query: { reveal: 1 } })
    expect(clear.body).toMatchObject({ cardNo: card.cardNo, revealed: true, holder: { name: '王秀兰', idNumber: p.idNumber } })
    expect(await bff.prisma.auditLog.count({ where: { action: 'essc.card_reveal', actorId: p.id } })).toBe(1)
  })

  it('change PIN: wrong old PIN counts, weak or unchanged new PIN refused, success signs out other sessions', async () => {
    const p = await fx.person({ pin: '135790', birthDate: '1985-07-09' })
    const ip = randomIp()
    const mine = await signIn(ip, p.idNumber, '135790')
    const other = await signIn(ip, p.idNumber, '135790')
    const c = clientFrom(bff.baseUrl, ip, { token: mine.body.accessToken })

    const wrongOld = await c.post('/api/me/card/pin', { body: { oldPin: '999000', newPin: '604918' } })
    expect(wrongOld.status).toBe(400)
    expect(wrongOld.body.error).toMatchObject({ code: 'PIN_INCORRECT', field: 'oldPin', message: '原密码错误，还可尝试4次' })
    const weak = await c.post('/api/me/card/pin', { body: { oldPin: '135790', newPin: '850709' } })
    expect(weak.status).toBe(400)
    expect(weak.body.error).toMatchObject({ code: 'PIN_WEAK', field: 'newPin' })
    expect(weak.body.error.message).toContain('出生日期')
    const same = await c.post('/api/me/card/pin', { body: { oldPin: '135790', newPin: '135790' } })
    expect(same.body.error.code).toBe('PIN_UNCHANGED')

    const ok = await c.post('/api/me/card/pin', { body: { oldPin: '135790', newPin: '604918' } })
    expect(ok.status).toBe(200)
    expect(ok.body.otherSessionsSignedOut).toBe(1)
    expect((await c.get('/api/auth/me')).status).toBe(200)
    expect((await clientFrom(bff.baseUrl, ip, { token: other.body.accessToken }).get('/api/auth/me')).status).toBe(401)
    expect((await signIn(ip, p.idNumber, '135790')).status).toBe(401)
    expect((await signIn(ip, p.idNumber, '604918')).status).toBe(200)
  })
})

describe('reviewer sign-in', () => {
  it('username + password → a reviewer session; wrong passwords lock like PINs; unknown and disabled accounts look the same', async () => {
    const rev = await fx.reviewer('Review#2026x')
    const off = await fx.reviewer('Review#2026x', { active: false })
    const ip = randomIp()
    const c = clientFrom(bff.baseUrl, ip)
    const ok = await c.post('/api/auth/reviewer/sign-in', { body: { username: rev.username.toUpperCase(), password: rev.password } })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ role: 'REVIEWER', user: { role: 'REVIEWER', reviewer: { id: rev.id, username: rev.username, name: '测试审核员' } } })
    const me = await clientFrom(bff.baseUrl, ip, { token: ok.body.accessToken }).get('/api/auth/me')
    expect(me.body).toMatchObject({ role: 'REVIEWER', reviewer: { id: rev.id } })
    expect(me.body.card).toBeUndefined()
    // A reviewer token is not a person token.
    expect((await clientFrom(bff.baseUrl, ip, { token: ok.body.accessToken }).get('/api/me/card')).status).toBe(403)

    for (const username of [rev.username, 'nobody_' + rev.username, off.username]) {
      const seen: string[] = []
      for (let i = 0; i < 6; i++) {
        const r = await c.post('/api/auth/reviewer/sign-in', { body: { username, password: 'wrong-password-1' } })
        seen.push(`${r.status} ${r.body.error.message}`)
      }
      expect(seen).toEqual([
        '401 用户名或密码错误，还可尝试4次',
        '401 用户名或密码错误，还可尝试3次',
        '401 用户名或密码错误，还可尝试2次',
        '401 用户名或密码错误，还可尝试1次',
        '423 密码错误次数过多，账户已锁定，请15分钟后再试',
        '423 密码错误次数过多，账户已锁定，请15分钟后再试'
      ])
    }
    const locked = await c.post('/api/auth/reviewer/sign-in', { body: { username: rev.username, password: rev.password } })
    expect(locked.status).toBe(423)
    await bff.prisma.reviewer.update({ where: { id: rev.id }, data: { lockedUntil: new Date(Date.now() - 1) } })
    expect((await c.post('/api/auth/reviewer/sign-in', { body: { username: rev.username, password: rev.password } })).status).toBe(200)
  })
})
