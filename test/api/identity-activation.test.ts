// e-SSC activation (待开通 → 已开通) over real HTTP against MariaDB: name + ID number, SMS code from the development
// outbox, PIN rules, and what each wrong turn answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { clientFrom, IdentityFixtures, randomIdNumber, type FixturePerson } from '../helpers/fixtures.ts'

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

/** The newest SMS to `phone` in the development outbox, and the 6-digit code in it. */
async function smsCodeFor(phone: string): Promise<{ content: string; code: string }> {
  const row = await bff.prisma.smsOutbox.findFirst({ where: { phone }, orderBy: { id: 'desc' } })
  if (!row) throw new Error(`no SMS to ${phone}`)
  const code = /验证码(\d{6})/.exec(row.content)?.[1]
  if (!code) throw new Error(`no code in "${row.content}"`)
  return { content: row.content, code }
}

describe('e-SSC activation', () => {
  let pending: FixturePerson

  beforeAll(async () => {
    pending = await fx.person({ card: 'PENDING', name: '陈思雨', birthDate: '2002-09-15' })
  })

  it('happy path: name + ID → SMS code (outbox) → activation token → PIN → signed in; the card is ACTIVE', async () => {
    const c = clientFrom(bff.baseUrl)
    const start = await c.post('/api/auth/essc/activation', { body: { name: pending.name, idNumber: pending.idNumber.toLowerCase() } })
    expect(start.status).toBe(200)
    expect(start.body).toMatchObject({ phoneMasked: `${pending.phone.slice(0, 3)}****${pending.phone.slice(7)}`, expiresInSeconds: 300, maxAttempts: 5 })
    expect(start.body.challengeId).toMatch(/^[0-9a-f-]{36}$/)

    // The code is stored hashed (never in clear), and is readable only from the development outbox.
    const challenge = await bff.prisma.smsChallenge.findUniqueOrThrow({ where: { id: start.body.challengeId } })
    const sms = await smsCodeFor(pending.phone)
    expect(challenge.codeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(challenge.codeHash).not.toContain(sms.code)
    expect(challenge.expiresAt.getTime() - challenge.createdAt.getTime()).toBe(300_000)
    expect(sms.content).toContain('电子社保卡')

    const verify = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: start.body.challengeId, smsCode: sms.code } })
    expect(verify.status).toBe(200)
    expect(typeof verify.body.activationToken).toBe('string')

    // The activation token is not an access token.
    const misuse = await c.get('/api/auth/me', { token: verify.body.activationToken })
    expect(misuse.status).toBe(401)

    const done = await c.post('/api/auth/essc/activation/complete', { body: { activationToken: verify.body.activationToken, pin: '394857' } })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, role: 'PERSON' })
    expect(done.body.user.person.name).toBe('陈**')
    expect(done.body.user.person.idNumber).toMatch(/^420\*{11}[\dX]{4}$/)

    const card = await bff.prisma.esscCard.findUniqueOrThrow({ where: { personId: pending.id } })
    expect(card.status).toBe('ACTIVE')
    expect(card.activatedAt).not.toBeNull()
    expect(card.pinHash).toMatch(/^scrypt\$/)
    expect(card.pinHash).not.toContain('394857')

    // The session works, and the new PIN signs in.
    const me = await c.get('/api/auth/me', { token: done.body.accessToken })
    expect(me.status).toBe(200)
    expect(me.body.card).toMatchObject({ status: 'ACTIVE', issuer: 'local' })
    const signIn = await c.post('/api/auth/essc/sign-in', { body: { idNumber: pending.idNumber, pin: '394857' } })
    expect(signIn.status).toBe(200)

    // The same activation token cannot be used again, and the challenge cannot be replayed.
    const again = await c.post('/api/auth/essc/activation/complete', { body: { activationToken: verify.body.activationToken, pin: '495867' } })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('ESSC_ALREADY_ACTIVE')
    const replay = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: start.body.challengeId, smsCode: sms.code } })
    expect(replay.status).toBe(400)
    expect(replay.body.error.code).toBe('SMS_CODE_EXPIRED')

    // An activated card asks to sign in instead.
    const restart = await c.post('/api/auth/essc/activation', { body: { name: pending.name, idNumber: pending.idNumber } })
    expect(restart.status).toBe(409)
    expect(restart.body.error).toMatchObject({ code: 'ESSC_ALREADY_ACTIVE', message: '电子社保卡已开通，请直接登录' })

    // Audit: the activation and the sign-ins, without secrets.
    const audit = await bff.prisma.auditLog.findMany({ where: { actorRole: 'PERSON', actorId: pending.id } })
    const actions = audit.map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['essc.activate', 'auth.sign_in']))
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/394857|activationToken|accessToken/)
  })

  it('a wrong name/ID pair is a 400 that does not say which part is wrong; no SMS is sent', async () => {
    const other = await fx.person({ card: 'PENDING' })
    const c = clientFrom(bff.baseUrl)
    const before = await bff.prisma.smsOutbox.count({ where: { phone: other.phone } })
    const wrongName = await c.post('/api/auth/essc/activation', { body: { name: '张冠李', idNumber: other.idNumber } })
    const unknownId = await c.post('/api/auth/essc/activation', { body: { name: other.name, idNumber: fxIdNotInDb() } })
    for (const r of [wrongName, unknownId]) {
      expect(r.status).toBe(400)
      expect(r.body.error.code).toBe('ACTIVATION_MISMATCH')
      expect(r.body.error.message).toBe('姓名或证件号码有误，未查询到待开通的电子社保卡')
    }
    expect(wrongName.body.error.message).toBe(unknownId.body.error.message)
    expect(wrongName.body.error.field).toBeUndefined()
    expect(await bff.prisma.smsOutbox.count({ where: { phone: other.phone } })).toBe(before)
    // A malformed ID number is a plain validation error naming the field.
    const bad = await c.post('/api/auth/essc/activation', { body: { name: other.name, idNumber: '420502199001011234' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('idNumber')
  })

  it('a wrong SMS code says how many tries are left; five wrong codes kill the challenge', async () => {
    const p = await fx.person({ card: 'PENDING' })
    const c = clientFrom(bff.baseUrl)
    const start = await c.post('/api/auth/essc/activation', { body: { name: p.name, idNumber: p.idNumber } })
    expect(start.status).toBe(200)
    const { code } = await smsCodeFor(p.phone)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let left = 4; left >= 1; left--) {
      const r = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: start.body.challengeId, smsCode: wrong } })
      expect(r.status).toBe(400)
      expect(r.body.error).toMatchObject({ code: 'SMS_CODE_INCORRECT', field: 'smsCode', message: `短信验证码错误，还可尝试${left}次` })
    }
    const fifth = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: start.body.challengeId, smsCode: wrong } })
    expect(fifth.body.error.message).toBe('短信验证码错误，错误次数过多，请重新获取验证码')
    // Even the right code is refused now.
    const right = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: start.body.challengeId, smsCode: code } })
    expect(right.status).toBe(400)
    expect(right.body.error).toMatchObject({ code: 'SMS_CODE_EXPIRED', message: '短信验证码已失效，请重新获取' })
    // A code that is not 6 digits is a validation error naming 短信验证码.
    const short = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: start.body.challengeId, smsCode: '12' } })
    expect(short.status).toBe(400)
    expect(short.body.error.message).toContain('短信验证码须为6位数字')
  })

  it('an expired SMS code is refused, and a new code supersedes the old one', async () => {
    const p = await fx.person({ card: 'PENDING' })
    const c = clientFrom(bff.baseUrl)
    const first = await c.post('/api/auth/essc/activation', { body: { name: p.name, idNumber: p.idNumber } })
    const { code } = await smsCodeFor(p.phone)
    await bff.prisma.smsChallenge.update({ where: { id: first.body.challengeId }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const late = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: first.body.challengeId, smsCode: code } })
    expect(late.status).toBe(400)
    expect(late.body.error.code).toBe('SMS_CODE_EXPIRED')
    // Asking again within a minute is limited per phone (SMS bombing).
    const tooSoon = await c.post('/api/auth/essc/activation', { body: { name: p.name, idNumber: p.idNumber } })
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('weak PINs are refused naming 电子社保卡密码, including the birth date, ID tail and phone tail; the token still works after', async () => {
    const p = await fx.person({ card: 'PENDING', birthDate: '1990-01-01' })
    const c = clientFrom(bff.baseUrl)
    const start = await c.post('/api/auth/essc/activation', { body: { name: p.name, idNumber: p.idNumber } })
    const { code } = await smsCodeFor(p.phone)
    const verify = await c.post('/api/auth/essc/activation/verify', { body: { challengeId: start.body.challengeId, smsCode: code } })
    const token = verify.body.activationToken
    const cases: Array<[string, string]> = [
      ['123456', '密码不能是连续的数字'],
      ['888888', '密码不能是同一个数字'],
      ['900101', '密码不能使用出生日期'],
      ['199001', '密码不能使用出生日期'],
      [p.idNumber.slice(-6).replace('X', '0'), ''],
      [p.phone.slice(-6), '']
    ]
    for (const [pin, reason] of cases) {
      if (!/^\d{6}$/.test(pin)) continue
      const r = await c.post('/api/auth/essc/activation/complete', { body: { activationToken: token, pin } })
      expect(r.status, pin).toBe(400)
      expect(r.body.error.code, pin).toBe('PIN_WEAK')
      expect(r.body.error.field).toBe('pin')
      expect(r.body.error.message).toMatch(/^电子社保卡密码过于简单：/)
      if (reason) expect(r.body.error.message).toContain(reason)
    }
    const notSix = await c.post('/api/auth/essc/activation/complete', { body: { activationToken: token, pin: '12345' } })
    expect(notSix.status).toBe(400)
    expect(notSix.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'pin' })
    expect(notSix.body.error.message).toContain('电子社保卡密码须为6位数字')
    expect((await bff.prisma.esscCard.findUniqueOrThrow({ where: { personId: p.id } })).status).toBe('PENDING')

    const ok = await c.post('/api/auth/essc/activation/complete', { body: { activationToken: token, pin: '602748' } })
    expect(ok.status).toBe(200)
  })

  it('a tampered or foreign activation token is refused', async () => {
    const c = clientFrom(bff.baseUrl)
    const r = await c.post('/api/auth/essc/activation/complete', { body: { activationToken: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', pin: '602748' } })
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({ code: 'ACTIVATION_EXPIRED', field: 'activationToken' })
  })

  it('no phone on file, or a revoked card, cannot be activated here (said in Chinese)', async () => {
    const noPhone = await fx.person({ card: 'PENDING', phone: null })
    const revoked = await fx.person({ card: 'REVOKED' })
    const c = clientFrom(bff.baseUrl)
    const a = await c.post('/api/auth/essc/activation', { body: { name: noPhone.name, idNumber: noPhone.idNumber } })
    expect(a.status).toBe(409)
    expect(a.body.error.message).toContain('未登记手机号码')
    const b = await c.post('/api/auth/essc/activation', { body: { name: revoked.name, idNumber: revoked.idNumber } })
    expect(b.status).toBe(409)
    expect(b.body.error.message).toContain('已注销')
  })
})

/** A valid ID number that no fixture uses (fixtures are born 1970–1994). */
function fxIdNotInDb(): string {
  return randomIdNumber('1935-06-06')
}
