// The auth guard honours an access token only while its session is live (identity's SessionLiveness, cached a few
// seconds): after 退出登录, a clerk's removal from the unit, a PIN change or a refresh-token replay, the old access
// token is refused (401 SESSION_INVALID) on every endpoint — person queries, unit queries — at once in this process,
// even right after the token was used (its session cached). A revocation this process did not make (another BFF
// instance, the admin CLI in its own process: simulated by writing the row directly) takes effect within the TTL.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeUnitClerk } from '../../bff/src/modules/identity/manage-unit-clerks.ts'
import { SessionLiveness } from '../../bff/src/modules/identity/session-liveness.ts'
import { rawSessionRows } from '../../bff/src/modules/identity/session-rows.ts'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { clientFrom, IdentityFixtures, randomIp, type FixturePerson, type FixtureUnit } from '../helpers/fixtures.ts'
import { openTestSession } from '../helpers/sessions.ts'

const PIN = '135790'
let bff: RunningBff
let fx: IdentityFixtures
let person: FixturePerson
let clerk: FixturePerson
let unit: FixtureUnit

beforeAll(async () => {
  bff = await startBff({ env: { TRUST_PROXY: '1' } })
  fx = new IdentityFixtures(bff.prisma)
  person = await fx.person({ pin: PIN })
  clerk = await fx.person({ pin: PIN })
  unit = await fx.unit()
  await fx.clerk(unit, clerk)
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

async function signIn(p: FixturePerson) {
  const r = await clientFrom(bff.baseUrl, randomIp()).post('/api/auth/essc/sign-in', { body: { idNumber: p.idNumber, pin: PIN } })
  expect(r.status).toBe(200)
  return r.body as { accessToken: string; refreshToken: string }
}

const as = (token: string) => clientFrom(bff.baseUrl, randomIp(), { token })
const PERSON_QUERIES = ['/api/me/contributions', '/api/me/profile', '/api/me/enrolments']
const UNIT_QUERIES = ['/api/unit/bills', '/api/unit/contributions/declarations', '/api/unit/roster', '/api/unit/clerks']

async function statuses(token: string, paths: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const p of paths) out[p] = (await as(token).get(p)).status
  return out
}
const all = (paths: string[], status: number) => Object.fromEntries(paths.map((p) => [p, status]))

describe('signed out → the access token stops working everywhere', () => {
  it('a person: person queries 200 before 退出登录, 401 SESSION_INVALID right after (the session was cached)', async () => {
    const s = await signIn(person)
    expect(await statuses(s.accessToken, PERSON_QUERIES)).toEqual(all(PERSON_QUERIES, 200))
    expect((await as(s.accessToken).post('/api/auth/logout')).status).toBe(200)
    expect(await statuses(s.accessToken, PERSON_QUERIES)).toEqual(all(PERSON_QUERIES, 401))
    const r = await as(s.accessToken).get('/api/me/contributions')
    expect(r.body.error).toMatchObject({ code: 'SESSION_INVALID', message: '登录已失效，请重新登录' })
    // Signing out twice: the session is already gone.
    expect((await as(s.accessToken).post('/api/auth/logout')).status).toBe(401)
  })

  it('a live token of the same person keeps working (another phone is not signed out)', async () => {
    const a = await signIn(person)
    const b = await signIn(person)
    expect((await as(a.accessToken).post('/api/auth/logout')).status).toBe(200)
    expect(await statuses(b.accessToken, PERSON_QUERIES)).toEqual(all(PERSON_QUERIES, 200))
    expect((await as(a.accessToken).get('/api/me/contributions')).status).toBe(401)
  })

  it('a unit clerk: unit queries 200, then 退出登录 → 401 on every unit query', async () => {
    const s = await openTestSession(bff.prisma, bff.deps.keys, { role: 'unit', personId: clerk.id, unitId: unit.id })
    expect(await statuses(s.token, UNIT_QUERIES)).toEqual(all(UNIT_QUERIES, 200))
    expect((await as(s.token).post('/api/auth/logout')).status).toBe(200)
    expect(await statuses(s.token, UNIT_QUERIES)).toEqual(all(UNIT_QUERIES, 401))
    expect((await bff.prisma.session.findUniqueOrThrow({ where: { id: s.sessionId } })).revokeReason).toBe('logout')
  })
})

describe('revoked by someone else', () => {
  it('a clerk removed from the unit (sessions revoked): the unit token is 401 at once; the person token still works', async () => {
    const u = await fx.unit()
    await fx.clerk(u, clerk)
    const unitSession = await openTestSession(bff.prisma, bff.deps.keys, { role: 'unit', personId: clerk.id, unitId: u.id })
    const personSession = await signIn(clerk)
    expect(await statuses(unitSession.token, UNIT_QUERIES)).toEqual(all(UNIT_QUERIES, 200))
    const removed = await removeUnitClerk(bff.prisma, { unitNo: u.unitNo, idNumber: clerk.idNumber })
    expect(removed).toEqual({ removed: true, sessionsRevoked: 1 })
    expect(await statuses(unitSession.token, UNIT_QUERIES)).toEqual(all(UNIT_QUERIES, 401))
    expect((await as(unitSession.token).get('/api/unit/bills')).body.error.code).toBe('SESSION_INVALID')
    expect((await as(personSession.accessToken).get('/api/me/contributions')).status).toBe(200)
  })

  it('a PIN change signs the other sessions out at once (their person queries 401), the changing one stays', async () => {
    const p = await fx.person({ pin: PIN, birthDate: '1984-03-05' })
    const mine = await signIn(p)
    const other = await signIn(p)
    expect((await as(other.accessToken).get('/api/me/contributions')).status).toBe(200)
    const changed = await as(mine.accessToken).post('/api/me/card/pin', { body: { oldPin: PIN, newPin: '604918' } })
    expect(changed.status).toBe(200)
    expect((await as(other.accessToken).get('/api/me/contributions')).status).toBe(401)
    expect((await as(mine.accessToken).get('/api/me/contributions')).status).toBe(200)
  })

  it('a replayed refresh token revokes the session: its latest access token is 401 on person queries', async () => {
    const s = await signIn(person)
    const c = clientFrom(bff.baseUrl, randomIp())
    const next = await c.post('/api/auth/refresh', { body: { refreshToken: s.refreshToken } })
    expect(next.status).toBe(200)
    expect((await as(next.body.accessToken).get('/api/me/contributions')).status).toBe(200)
    expect((await c.post('/api/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401)
    expect((await as(next.body.accessToken).get('/api/me/contributions')).status).toBe(401)
  })
})

describe('tokens without a live session of their own', () => {
  it('a validly signed token whose session row does not exist, has expired, or belongs to someone else → 401', async () => {
    const stray = signAccessToken(bff.deps.keys, { role: 'person', personId: person.id, sessionId: crypto.randomUUID() })
    const expired = await openTestSession(bff.prisma, bff.deps.keys, { role: 'person', personId: person.id }, { sessionSeconds: -60 })
    const others = await openTestSession(bff.prisma, bff.deps.keys, { role: 'person', personId: clerk.id })
    const borrowed = signAccessToken(bff.deps.keys, { role: 'person', personId: person.id, sessionId: others.sessionId })
    const asUnit = signAccessToken(bff.deps.keys, { role: 'unit', personId: clerk.id, unitId: unit.id, sessionId: others.sessionId })
    for (const token of [stray, expired.token, borrowed]) {
      const r = await as(token).get('/api/me/contributions')
      expect(r.status).toBe(401)
      expect(r.body.error.code).toBe('SESSION_INVALID')
    }
    expect((await as(asUnit).get('/api/unit/bills')).status).toBe(401)
    expect((await as(others.token).get('/api/me/contributions')).status).toBe(200) // the genuine one (control)
  })
})

describe('a revocation made by another process', () => {
  let second: RunningBff
  let liveness: SessionLiveness
  beforeAll(async () => {
    // Its own cache with a short TTL; the revocation below is written straight to the table, so nothing in this
    // process announces it (as when the CLI or another instance revokes).
    liveness = new SessionLiveness(rawSessionRows(bff.config.databaseUrl), { ttlMs: 400 })
    second = await startBff({ env: { TRUST_PROXY: '1' }, sessionCheck: liveness.isLive })
  })
  afterAll(async () => {
    await liveness?.close()
    await second?.close()
  })

  it('takes effect within the cache TTL', async () => {
    const s = await signIn(person)
    const c = clientFrom(second.baseUrl, randomIp(), { token: s.accessToken })
    expect((await c.get('/api/me/contributions')).status).toBe(200)
    await bff.prisma.session.updateMany({ where: { id: JSON.parse(Buffer.from(s.accessToken.split('.')[1] as string, 'base64url').toString()).sid }, data: { revokedAt: new Date(), revokeReason: 'test' } })
    const started = Date.now()
    let status = 200
    while (status === 200 && Date.now() - started < 3000) {
      status = (await c.get('/api/me/contributions')).status
      if (status === 200) await new Promise((r) => setTimeout(r, 50))
    }
    expect(status).toBe(401)
    expect(Date.now() - started).toBeLessThan(1500)
  })
})
