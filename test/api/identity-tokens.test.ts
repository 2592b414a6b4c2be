// Access-token attacks against the identity endpoints: a payload edited after signing, an expired token, a token
// signed with another ES256 key, `alg: none`, HS256 keyed with our public key, other token kinds as bearer.
import crypto from 'node:crypto'
import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { clientFrom, IdentityFixtures, randomIp, type FixturePerson, type FixtureUnit } from '../helpers/fixtures.ts'

let bff: RunningBff
let fx: IdentityFixtures
let person: FixturePerson
let victim: FixturePerson
let unit: FixtureUnit
let good: { accessToken: string; refreshToken: string }
let claims: Record<string, unknown>

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const parts = (t: string) => t.split('.') as [string, string, string]

beforeAll(async () => {
  bff = await startBff({ env: { TRUST_PROXY: '1' } })
  fx = new IdentityFixtures(bff.prisma)
  person = await fx.person({ pin: '246810' })
  victim = await fx.person({ pin: '246810' })
  unit = await fx.unit()
  await fx.clerk(unit, victim)
  const r = await clientFrom(bff.baseUrl).post('/api/auth/essc/sign-in', { body: { idNumber: person.idNumber, pin: '246810' } })
  good = r.body
  claims = JSON.parse(Buffer.from(parts(good.accessToken)[1], 'base64url').toString())
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

const me = (token: string) => clientFrom(bff.baseUrl, randomIp(), { token }).get('/api/auth/me')

describe('access tokens', () => {
  it('the genuine token works (control)', async () => {
    expect((await me(good.accessToken)).status).toBe(200)
  })

  it('a payload edited after signing (another person, a unit role) is 401', async () => {
    const [h, , s] = parts(good.accessToken)
    for (const edit of [{ ...claims, pid: victim.id, sub: String(victim.id) }, { ...claims, role: 'unit', uid: unit.id }, { ...claims, exp: Number(claims['exp']) + 86400 }]) {
      const r = await me(`${h}.${b64(edit)}.${s}`)
      expect(r.status).toBe(401)
      expect(r.body.error.code).toBe('UNAUTHENTICATED')
    }
  })

  it('an expired token is 401 TOKEN_EXPIRED', async () => {
    const expired = signAccessToken(bff.deps.keys, { role: 'person', personId: person.id, sessionId: String(claims['sid']) }, -120)
    const r = await me(expired)
    expect(r.status).toBe(401)
    expect(r.body.error).toMatchObject({ code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' })
  })

  it('a token signed with another ES256 key (even with our kid) is 401', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const forged = jwt.sign({ role: 'person', sid: claims['sid'], pid: person.id, typ: 'access' }, privateKey, {
      algorithm: 'ES256',
      expiresIn: 600,
      issuer: 'shebao-bff',
      audience: 'shebao-api',
      subject: String(person.id),
      header: { alg: 'ES256', kid: bff.deps.keys.kid, typ: 'at+jwt' }
    })
    expect((await me(forged)).status).toBe(401)
  })

  it('`alg: none` is 401', async () => {
    const payload = { ...claims, exp: Math.floor(Date.now() / 1000) + 600 }
    for (const alg of ['none', 'None', 'NONE']) {
      const r = await me(`${b64({ alg, typ: 'at+jwt' })}.${b64(payload)}.`)
      expect(r.status).toBe(401)
    }
  })

  it('HS256 keyed with our public key (algorithm confusion) is 401', async () => {
    const publicPem = bff.deps.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const header = b64({ alg: 'HS256', typ: 'at+jwt', kid: bff.deps.keys.kid })
    const payload = b64({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })
    const sig = crypto.createHmac('sha256', publicPem).update(`${header}.${payload}`).digest('base64url')
    expect((await me(`${header}.${payload}.${sig}`)).status).toBe(401)
  })

  it('a refresh token or an activation-style JWT is not a bearer token', async () => {
    expect((await me(good.refreshToken)).status).toBe(401)
    const other = jwt.sign({ typ: 'essc-activation', cid: 'x' }, bff.deps.keys.privateKey, {
      algorithm: 'ES256',
      expiresIn: 600,
      issuer: 'shebao-bff',
      audience: 'shebao-essc-activation',
      subject: String(person.id)
    })
    expect((await me(other)).status).toBe(401)
  })

  it('a validly signed token for a session that does not exist is refused by the session-checked endpoints', async () => {
    const stray = signAccessToken(bff.deps.keys, { role: 'person', personId: person.id, sessionId: crypto.randomUUID() })
    expect((await me(stray)).status).toBe(401)
    const t = await clientFrom(bff.baseUrl).post('/api/auth/login-tickets', { body: { target: 'PERSON' } })
    const scan = await clientFrom(bff.baseUrl, randomIp(), { token: stray }).post('/api/auth/login-tickets/scan', { body: { ticketId: t.body.ticketId } })
    expect(scan.status).toBe(401)
  })
})
